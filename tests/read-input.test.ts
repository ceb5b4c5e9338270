import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../pipeline/corpus/read-input.js';
import { feed, makeFifo } from './fifo.js';

const text = (n: number) => Buffer.from('word '.repeat(Math.ceil(n / 5)).slice(0, n));

describe('readInput and --max-bytes', () => {
  it('refuses a regular file over the limit by its size, and reads one at the limit whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-read-'));
    writeFileSync(path.join(dir, 'big.txt'), text(1001));
    writeFileSync(path.join(dir, 'ok.txt'), text(1000));
    expect(await readInput(path.join(dir, 'big.txt'), 1000)).toEqual({ error: 'file is 1001 bytes, over the 1000-byte limit (raise it with --max-bytes)' });
    expect(Buffer.from((await readInput(path.join(dir, 'ok.txt'), 1000)) as Uint8Array)).toEqual(text(1000));
  });

  it('stops reading a FIFO (size 0 to stat) once more than the limit came, and refuses it', async () => {
    const file = makeFifo();
    const [r] = await Promise.all([readInput(file, 1000), feed(file, text(3_000_000)).done]);
    expect(r).toEqual({ error: 'file is over the 1000-byte limit (raise it with --max-bytes)' });
  });

  it('reads a FIFO within the limit to its end', async () => {
    const file = makeFifo();
    const data = text(200_000); // several pipe-buffers' worth
    const [r] = await Promise.all([readInput(file, 200_000), feed(file, data).done]);
    expect(Buffer.from(r as Uint8Array)).toEqual(data);
  });

  it('bounds a device that never ends (/dev/zero) by the limit', async () => {
    expect(await readInput('/dev/zero', 1 << 20)).toEqual({ error: `file is over the ${1 << 20}-byte limit (raise it with --max-bytes)` });
  });

  it('reads a file stat calls empty that is not (/proc) to its end', async () => {
    const r = await readInput('/proc/self/status', 1 << 20);
    expect(Buffer.from(r as Uint8Array).toString()).toMatch(/^Name:/);
  });

  it('names a socket, which open() refuses with "no such device or address"', async () => {
    const sock = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-sock-')), 's');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(await readInput(sock, 1000)).toEqual({ error: 'socket cannot be opened as a file (send its contents through a pipe instead)' });
    } finally {
      server.close();
    }
  });
});
