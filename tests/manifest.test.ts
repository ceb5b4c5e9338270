import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, OutputManifest } from '../pipeline/corpus/manifest.js';
import { OutRoot } from '../pipeline/corpus/out-root.js';

function outDir(files: Record<string, string>, listed: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unspin-manifest-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  writeFileSync(path.join(dir, MANIFEST), listed.map((p) => JSON.stringify(p) + '\n').join('') + 'clean/not-json.txt\n');
  return dir;
}

describe('OutputManifest', () => {
  it('removes what the previous run listed and this run did not write, and lists this run\'s outputs', async () => {
    const dir = outDir({ 'clean/a.txt': 'a', 'clean/gone.txt': 'g', 'diff/gone.txt.diff': 'd', 'clean/mine.txt': 'm', 'clean/not-json.txt': 'n' }, ['clean/a.txt', 'clean/gone.txt', 'diff/gone.txt.diff']);
    const m = new OutputManifest(new OutRoot(dir));
    m.wrote('clean/a.txt');
    await m.commit();
    expect(existsSync(path.join(dir, 'clean/a.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'clean/gone.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'diff/gone.txt.diff'))).toBe(false);
    expect(existsSync(path.join(dir, 'clean/mine.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'clean/not-json.txt'))).toBe(true);
    expect(readFileSync(path.join(dir, MANIFEST), 'utf8')).toBe('"clean/a.txt"\n');
  });

  it('never removes a file this run wrote under another name (one file on a case-insensitive disk), nor anything outside clean/ and diff/', async () => {
    const dir = outDir({ 'clean/report.txt': 'new', 'keep.txt': 'k', 'clean/x.txt': 'x' }, ['clean/Report.txt', '../keep.txt', 'clean/../keep.txt', 'clean/./x.txt', 'report.json']);
    // "clean/Report.txt" is the file this run wrote as "clean/report.txt" (a hard link stands for the case-folded name)
    linkSync(path.join(dir, 'clean/report.txt'), path.join(dir, 'clean/Report.txt'));
    writeFileSync(path.join(dir, 'report.json'), '{}');
    const m = new OutputManifest(new OutRoot(dir));
    m.wrote('clean/report.txt');
    await m.commit();
    for (const f of ['clean/Report.txt', 'clean/report.txt', 'keep.txt', 'clean/x.txt', 'report.json']) expect(existsSync(path.join(dir, f)), f).toBe(true);
  });

  it('removes the review page and the JSON Lines output of a run of the other kind, and the directories it leaves empty', async () => {
    const dir = outDir({ 'clean/sub/a.txt': 'a', 'diff/sub/a.txt.diff': 'd', 'report.html': 'h', 'clean.jsonl': 'j' }, ['clean/sub/a.txt', 'diff/sub/a.txt.diff', 'report.html', 'clean.jsonl']);
    const m = new OutputManifest(new OutRoot(path.join(dir, '.')));
    m.wrote('clean.jsonl');
    await m.commit();
    expect(existsSync(path.join(dir, 'clean.jsonl'))).toBe(true);
    for (const f of ['report.html', 'clean', 'diff']) expect(existsSync(path.join(dir, f)), f).toBe(false);
    expect(readFileSync(path.join(dir, MANIFEST), 'utf8')).toBe('"clean.jsonl"\n');
  });

  it('never removes a listed output through a link on its way (a directory replaced by a link to the inputs)', async () => {
    const dir = outDir({ 'in/a.txt': 'an input', 'in/b.txt': 'an input', 'clean/x.txt': 'x' }, ['clean/sub/a.txt', 'diff/b.txt.diff', 'clean/x.txt']);
    symlinkSync(path.join(dir, 'in'), path.join(dir, 'clean', 'sub'));
    symlinkSync(path.join(dir, 'in'), path.join(dir, 'diff'));
    rmSync(path.join(dir, 'in', 'b.txt'));
    writeFileSync(path.join(dir, 'in', 'b.txt.diff'), 'an input too');
    const m = new OutputManifest(new OutRoot(dir));
    await m.commit();
    expect(readFileSync(path.join(dir, 'in/a.txt'), 'utf8')).toBe('an input');
    expect(readFileSync(path.join(dir, 'in/b.txt.diff'), 'utf8')).toBe('an input too');
    expect(existsSync(path.join(dir, 'clean/x.txt'))).toBe(false);
  });
});
