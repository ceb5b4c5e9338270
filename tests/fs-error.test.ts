import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFsError } from '../pipeline/corpus/fs-error.js';
import { collectInputs } from '../pipeline/corpus/inputs.js';
import { readInput } from '../pipeline/corpus/read-input.js';

/** A system error as Node makes it: code, system call and path in the message. */
const sysError = (code: string, words: string, syscall: string, file: string) =>
  Object.assign(new Error(`${code}: ${words}, ${syscall} '${file}'`), { code, syscall, path: file });

describe('file-system errors in messages', () => {
  it('are said in a few words, EPERM as EACCES, the code, system call and path left to the message around them', () => {
    expect(describeFsError(sysError('EACCES', 'permission denied', 'open', '/a.txt'))).toBe('permission denied');
    expect(describeFsError(sysError('EPERM', 'operation not permitted', 'opendir', '/d'))).toBe('permission denied');
    expect(describeFsError(sysError('ENOENT', 'no such file or directory', 'stat', '/a.txt'))).toBe('no such file or directory');
    expect(describeFsError(sysError('EEXIST', 'file already exists', 'mkdir', '/x'))).toBe('file already exists');
    // Without a path (a read), and an error that is not a system call's: kept as they are.
    expect(describeFsError(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', syscall: 'read' }))).toBe('i/o error');
    expect(describeFsError(new RangeError('File size (3000000000) is greater than 2 GiB'))).toBe('File size (3000000000) is greater than 2 GiB');
  });

  it('read the same for an input that vanished before it was read as for one missing from the command line', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-gone-')), 'a.txt');
    await expect(collectInputs([missing], undefined)).rejects.toThrow(`cannot read input ${missing}: no such file or directory`);
    // The run prefixes the document's path: "a.txt: no such file or directory".
    expect(await readInput(missing, 1 << 20)).toEqual({ error: 'no such file or directory' });
  });
});
