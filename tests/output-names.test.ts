import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutRoot } from '../pipeline/corpus/out-root.js';
import { AtomicStream, removeStale, writeAtomic } from '../pipeline/corpus/outputs.js';

const root = () => new OutRoot(mkdtempSync(path.join(tmpdir(), 'unspin-names-')));
/** A file name of `bytes` bytes (most file systems take at most 255). */
const name = (bytes: number) => 'x'.repeat(bytes - 4) + '.txt';

describe('output file names', () => {
  it('writes any name the file system takes: temp files have a short name of their own', async () => {
    const out = root();
    await writeAtomic(out, `clean/${name(255)}`, 'text');
    const stream = await AtomicStream.open(out, `diff/${name(255)}`);
    await stream.write('a diff');
    await stream.commit();
    expect(readFileSync(path.join(out.real, 'clean', name(255)), 'utf8')).toBe('text');
    expect(readFileSync(path.join(out.real, 'diff', name(255)), 'utf8')).toBe('a diff');
    expect(readdirSync(path.join(out.real, 'clean'))).toEqual([name(255)]);
  });

  it('names the temp file .unspin-<pid>-<n>.tmp, beside the output, and removes it when the write is abandoned', async () => {
    const out = root();
    const stream = await AtomicStream.open(out, 'clean.jsonl');
    expect(readdirSync(out.real)).toEqual([expect.stringMatching(new RegExp(`^\\.unspin-${process.pid}-\\d+\\.tmp$`))]);
    await stream.abort();
    expect(readdirSync(out.real)).toEqual([]);
  });

  it('fails one output whose own name is too long, with a message naming it, and leaves no temp file', async () => {
    const out = root();
    const rel = `diff/${name(259)}`;
    await expect(writeAtomic(out, rel, 'a diff')).rejects.toEqual(
      expect.objectContaining({ oneDocument: true, code: 'ENAMETOOLONG', message: `cannot write ${rel}: file name too long for the file system (259 bytes)` }),
    );
    const stream = await AtomicStream.open(out, name(300));
    await stream.write('a report');
    await expect(stream.commit()).rejects.toEqual(expect.objectContaining({ oneDocument: true, code: 'ENAMETOOLONG' }));
    await stream.abort();
    expect(readdirSync(path.join(out.real, 'diff'))).toEqual([]);
    expect(readdirSync(out.real)).toEqual(['diff']);
  });

  it('fails a name of some 85 CJK characters (3 bytes each) the same way', async () => {
    const out = root();
    const rel = `clean/${'文'.repeat(85)}.txt`;
    await expect(writeAtomic(out, rel, 'text')).rejects.toThrow(`cannot write ${rel}: file name too long for the file system (259 bytes)`);
    await writeAtomic(out, `clean/${'文'.repeat(80)}.txt.diff`, 'text');
    expect(existsSync(path.join(out.real, 'clean', `${'文'.repeat(80)}.txt.diff`))).toBe(true);
  });

  it('finds no stale output under a name too long to exist', async () => {
    const out = root();
    await removeStale(out, `diff/${name(300)}`);
    await writeAtomic(out, 'diff/a.txt', 'x');
    await removeStale(out, `diff/${name(300)}`);
    expect(readdirSync(path.join(out.real, 'diff'))).toEqual(['a.txt']);
  });
});
