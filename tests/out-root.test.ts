import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutRoot } from '../pipeline/corpus/out-root.js';
import { AtomicStream, removeStale, writeAtomic } from '../pipeline/corpus/outputs.js';
import { prepareOutDir } from '../pipeline/corpus/out-dir.js';
import { UsageError } from '../pipeline/corpus/inputs.js';

/** A directory with an output directory `out` and a directory of inputs `in` holding a.txt. */
function setup(): { dir: string; out: string; input: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'unspin-outroot-'));
  const out = path.join(dir, 'out');
  const input = path.join(dir, 'in');
  mkdirSync(out);
  mkdirSync(input);
  writeFileSync(path.join(input, 'a.txt'), 'the input');
  return { dir, out, input };
}

const refused = (rel: string, link: string) =>
  expect.objectContaining({ oneDocument: true, message: expect.stringMatching(new RegExp(`^cannot (write|remove) ${rel}: ${link} is a symbolic link`)) });

describe('OutRoot: no output goes through a link below --out', () => {
  it('writes into real directories it makes, and resolves --out once through links above it', async () => {
    const { dir, out } = setup();
    symlinkSync(out, path.join(dir, 'named'));
    const root = new OutRoot(path.join(dir, 'named'));
    expect(root.real).toBe(path.join(dir, 'out'));
    await writeAtomic(root, 'clean/sub/deep/a.txt', 'x');
    expect(readFileSync(path.join(out, 'clean/sub/deep/a.txt'), 'utf8')).toBe('x');
    expect(lstatSync(path.join(out, 'clean/sub')).isDirectory()).toBe(true);
  });

  it('refuses to write, rename into or remove through a linked directory, at any depth', async () => {
    const { out, input } = setup();
    mkdirSync(path.join(out, 'clean'));
    symlinkSync(input, path.join(out, 'clean', 'sub'));
    symlinkSync(input, path.join(out, 'diff'));
    const root = new OutRoot(out);
    await expect(writeAtomic(root, 'clean/sub/a.txt', 'overwritten')).rejects.toEqual(refused('clean/sub/a.txt', 'clean/sub'));
    await expect(writeAtomic(root, 'clean/sub/new/b.txt', 'x')).rejects.toEqual(refused('clean/sub/new/b.txt', 'clean/sub'));
    await expect(AtomicStream.open(root, 'diff/a.txt')).rejects.toEqual(refused('diff/a.txt', 'diff'));
    await expect(removeStale(root, 'clean/sub/a.txt')).rejects.toEqual(refused('clean/sub/a.txt', 'clean/sub'));
    await expect(removeStale(root, 'diff/a.txt')).rejects.toEqual(refused('diff/a.txt', 'diff'));
    // The inputs behind the links are as they were: no file written, renamed or removed there.
    expect(readdirSync(input)).toEqual(['a.txt']);
    expect(readFileSync(path.join(input, 'a.txt'), 'utf8')).toBe('the input');
  });

  it('refuses a file where a directory should be, and a link to nothing', async () => {
    const { dir, out } = setup();
    mkdirSync(path.join(out, 'clean'));
    writeFileSync(path.join(out, 'clean', 'f'), 'a file');
    symlinkSync(path.join(dir, 'nowhere'), path.join(out, 'clean', 'dangling'));
    const root = new OutRoot(out);
    await expect(writeAtomic(root, 'clean/f/a.txt', 'x')).rejects.toEqual(
      expect.objectContaining({ oneDocument: true, message: 'cannot write clean/f/a.txt: clean/f is not a directory' }),
    );
    await expect(writeAtomic(root, 'clean/dangling/a.txt', 'x')).rejects.toEqual(refused('clean/dangling/a.txt', 'clean/dangling'));
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('replaces a link that is the output itself, never its target', async () => {
    const { out, input } = setup();
    mkdirSync(path.join(out, 'clean'));
    symlinkSync(path.join(input, 'a.txt'), path.join(out, 'clean', 'a.txt'));
    symlinkSync(path.join(input, 'a.txt'), path.join(out, 'clean', 'b.txt'));
    const root = new OutRoot(out);
    await writeAtomic(root, 'clean/a.txt', 'the output');
    await removeStale(root, 'clean/b.txt');
    expect(lstatSync(path.join(out, 'clean', 'a.txt')).isFile()).toBe(true);
    expect(readFileSync(path.join(out, 'clean', 'a.txt'), 'utf8')).toBe('the output');
    expect(existsSync(path.join(out, 'clean', 'b.txt'))).toBe(false);
    expect(readFileSync(path.join(input, 'a.txt'), 'utf8')).toBe('the input');
  });

  it('finds nothing to remove where a directory is missing, and makes none', async () => {
    const { out } = setup();
    const root = new OutRoot(out);
    expect(root.existing('clean/sub/a.txt')).toBeUndefined();
    await removeStale(root, 'clean/sub/a.txt');
    expect(existsSync(path.join(out, 'clean'))).toBe(false);
  });

  it('finds nothing to remove behind a plain file, and leaves the file', async () => {
    const { out } = setup();
    mkdirSync(path.join(out, 'clean'));
    writeFileSync(path.join(out, 'clean', 'notes.txt'), 'an earlier output');
    const root = new OutRoot(out);
    expect(root.existing('clean/notes.txt/a.txt')).toBeUndefined();
    await removeStale(root, 'clean/notes.txt/a.txt');
    expect(readFileSync(path.join(out, 'clean', 'notes.txt'), 'utf8')).toBe('an earlier output');
    // A link in the same place is still refused.
    symlinkSync(path.join(out, 'clean'), path.join(out, 'clean', 'linked'));
    expect(() => root.existing('clean/linked/a.txt')).toThrow(/clean\/linked is a symbolic link/);
  });

  it('never names a path above --out', () => {
    const { out } = setup();
    const root = new OutRoot(out);
    expect(() => root.prepare('../in/a.txt')).toThrow(/not below --out/);
    expect(() => root.prepare('/etc/passwd')).toThrow(/not below --out/);
    expect(() => root.existing('clean/../../in/a.txt')).toThrow(/not below --out/);
  });
});

describe('prepareOutDir', () => {
  it('refuses a link (or a file) at clean/ or diff/ before any work, and returns --out resolved', () => {
    const { dir, out, input } = setup();
    symlinkSync(input, path.join(out, 'clean'));
    expect(() => prepareOutDir(out)).toThrow(UsageError);
    expect(() => prepareOutDir(out)).toThrow(/clean is a symbolic link.*; remove it or choose another --out$/);
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'diff'), 'a file');
    expect(() => prepareOutDir(other)).toThrow(/^--out .*other: diff is not a directory/);
    symlinkSync(other, path.join(dir, 'link-to-other'));
    mkdirSync(path.join(dir, 'fine'));
    symlinkSync(path.join(dir, 'fine'), path.join(dir, 'link-to-fine'));
    expect(prepareOutDir(path.join(dir, 'link-to-fine', 'made')).real).toBe(path.join(dir, 'fine', 'made'));
  });
});
