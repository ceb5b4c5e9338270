import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutRoot } from '../pipeline/corpus/out-root.js';
import { outputError } from '../pipeline/corpus/output-error.js';
import { writeAtomic } from '../pipeline/corpus/outputs.js';
import { tempWriteError } from '../pipeline/corpus/temp-dirs.js';

const CLI = path.resolve('dist/pipeline/cli.js');
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

describe('write errors name the file', () => {
  it('says which output could not be written, relative to --out, and keeps the code; a full disk stops the run', () => {
    const err = outputError(enospc(), 'clean/sub/a.txt');
    expect(err.message).toBe('cannot write clean/sub/a.txt: no space left on device');
    expect(err.code).toBe('ENOSPC');
    expect(err.oneDocument).toBe(false);
    expect(outputError(err, 'other.txt')).toBe(err);
    expect(tempWriteError(enospc(), '/tmp/unspin-spool-x/spool.bin')).toMatchObject({
      message: 'cannot write the temporary file /tmp/unspin-spool-x/spool.bin: no space left on device',
      code: 'ENOSPC',
    });
  });

  it('wraps what the file system answers to a write (a directory in the way)', async () => {
    const out = new OutRoot(mkdtempSync(path.join(tmpdir(), 'unspin-errors-')));
    mkdirSync(path.join(out.real, 'clean', 'a.txt'), { recursive: true });
    writeFileSync(path.join(out.real, 'clean', 'a.txt', 'inside'), 'x');
    // Linux answers EISDIR ("illegal operation on a directory"): this output's alone, so the run writes the others.
    await expect(writeAtomic(out, 'clean/a.txt', 'text')).rejects.toEqual(
      expect.objectContaining({ code: 'EISDIR', oneDocument: true, message: 'cannot write clean/a.txt: illegal operation on a directory' }),
    );
    expect(readdirSync(path.join(out.real, 'clean'))).toEqual(['a.txt']);
  });

  // A real full disk: a small tmpfs, where this process may mount one (root on Linux; skipped elsewhere).
  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('on a full disk, stops with exit 1 and one line naming the output, leaving no temp file', (ctx) => {
    const mountPoint = mkdtempSync(path.join(tmpdir(), 'unspin-full-'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=300k', 'tmpfs', mountPoint]).status !== 0) return ctx.skip();
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'unspin-full-in-'));
      const seeds = readdirSync('seeds').map((f) => readFileSync(path.join('seeds', f), 'utf8')).join('\n');
      for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `f${String(i).padStart(2, '0')}.txt`), seeds);
      const r = spawnSync(process.execPath, [CLI, dir, '--out', path.join(mountPoint, 'out'), '--quiet'], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^unspin: cannot write (clean|diff)\/f\d\d\.txt(\.diff)?: no space left on device\n$/);
      const left = readdirSync(mountPoint, { recursive: true }).map(String);
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(path.join(mountPoint, 'out', 'report.json'))).toBe(false);
      // The same disk as TMPDIR: the spool, where pass 1 keeps the documents, fills first.
      rmSync(path.join(mountPoint, 'out'), { recursive: true });
      const spool = spawnSync(process.execPath, [CLI, dir, '--out', dir + '-out', '--quiet'], { encoding: 'utf8', env: { ...process.env, TMPDIR: mountPoint } });
      expect(spool.status).toBe(1);
      expect(spool.stderr).toMatch(/^unspin: cannot write the temporary file \S+\/unspin-spool-[^/]+\/spool\.bin: no space left on device\n$/);
      expect(readdirSync(mountPoint)).toEqual([]);
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  });
});
