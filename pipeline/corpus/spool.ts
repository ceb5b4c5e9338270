/**
 * A temporary file of values written once and read back once, in order: how a
 * two-pass run keeps its documents on disk rather than in memory between the passes.
 * Values go through v8's structured serialization (Sets, Maps and typed arrays
 * survive), each prefixed by its byte length.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { makeTempDir, tempWriteError } from './temp-dirs.js';

export class Spool<T> {
  private readonly temp = makeTempDir('spool');
  private readonly file = path.join(this.temp.path, 'spool.bin');
  private fd: number | undefined = openSync(this.file, 'w');
  count = 0;

  write(value: T): void {
    if (this.fd === undefined) throw new Error('spool already closed for writing');
    const body = serialize(value);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length);
    try {
      writeSync(this.fd, head);
      writeSync(this.fd, body);
    } catch (err) {
      throw tempWriteError(err, this.file);
    }
    this.count++;
  }

  /** The values in the order written. Closes the file for writing first. */
  *read(): Generator<T> {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    const fd = openSync(this.file, 'r');
    try {
      const head = Buffer.alloc(4);
      for (let i = 0; i < this.count; i++) {
        readExactly(fd, head);
        const body = Buffer.allocUnsafe(head.readUInt32LE(0)); // filled by readExactly
        readExactly(fd, body);
        yield deserialize(body) as T;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes the file; safe to call more than once. */
  remove(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.temp.remove();
  }
}

function readExactly(fd: number, buf: Buffer): void {
  let at = 0;
  while (at < buf.length) {
    const n = readSync(fd, buf, at, buf.length - at, null);
    if (n === 0) throw new Error('spool file ended early');
    at += n;
  }
}
