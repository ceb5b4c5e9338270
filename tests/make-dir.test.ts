import { existsSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDir } from '../pipeline/corpus/make-dir.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'unspin-mkdir-'));

describe('makeDir', () => {
  it('makes a directory and its missing parents, and takes one that exists', () => {
    const dir = path.join(tmp(), 'a', 'b', 'c');
    makeDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    makeDir(dir);
    makeDir(path.dirname(dir));
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('fails, without making anything, where a file or a link to nothing is in the way', () => {
    const root = tmp();
    writeFileSync(path.join(root, 'file'), 'x');
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
    expect(() => makeDir(path.join(root, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeDir(path.join(root, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeDir(path.join(root, 'dangling'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeDir(path.join(root, 'dangling', 'a', 'b'))).toThrow(expect.objectContaining({ code: 'EEXIST', path: path.join(root, 'dangling') }));
    expect(existsSync(path.join(root, 'nowhere'))).toBe(false);
  });

  // /proc answers ENOENT to a new entry though it exists: Node's own recursive mkdir
  // (fs.mkdirSync(dir, { recursive: true })) retries that forever and never returns.
  it.runIf(existsSync('/proc/self'))('fails with the ENOENT of a directory that exists but takes no new ones (/proc)', () => {
    expect(() => makeDir('/proc/unspin-x')).toThrow(expect.objectContaining({ code: 'ENOENT', path: '/proc/unspin-x' }));
    expect(() => makeDir('/proc/unspin-x/y/z')).toThrow(expect.objectContaining({ code: 'ENOENT', path: '/proc/unspin-x' }));
  });
});
