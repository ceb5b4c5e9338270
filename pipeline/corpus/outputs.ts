import { closeSync, createWriteStream, openSync, writeFile as writeFileCb, type WriteStream } from 'node:fs';
import { promisify } from 'node:util';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { removeIfInterrupted } from './cleanup.js';
import { makeDir } from './make-dir.js';

const writeFd = promisify(writeFileCb) as (fd: number, data: string | Uint8Array) => Promise<void>;

let counter = 0;
const tempName = (file: string) => `${file}.${process.pid}.${++counter}.tmp`;

/** Writes a file atomically: a temp file beside it, then a rename over the target. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempName(file);
  const forget = removeIfInterrupted(tmp);
  try {
    // Opened synchronously: the file exists before a signal can be handled, so an
    // interrupted run's clean-up always finds (and removes) it. The directory is made
    // only when it is missing: a run writes thousands of files into a few directories.
    let fd: number;
    try {
      fd = openSync(tmp, 'w');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      makeDir(path.dirname(file));
      fd = openSync(tmp, 'w');
    }
    try {
      await writeFd(fd, data);
    } finally {
      closeSync(fd);
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    forget();
  }
}

/**
 * A file written as a stream (report.json, clean.jsonl) that appears under its
 * final name only when `commit` is called; `abort` removes the partial temp file.
 */
export class AtomicStream {
  private readonly tmp: string;
  private readonly stream: WriteStream;

  private failure?: Error;
  private readonly forget: () => void;

  private constructor(readonly file: string) {
    this.tmp = tempName(file);
    this.forget = removeIfInterrupted(this.tmp);
    // The file is created now (not by the stream's asynchronous open), for the same reason as in writeAtomic.
    this.stream = createWriteStream(this.tmp, { fd: openSync(this.tmp, 'w') });
    // A disk error (ENOSPC, EACCES) must fail the run, not crash it or hang a write.
    this.stream.on('error', (err) => {
      this.failure = err;
      this.stream.emit('drain');
    });
  }

  static async open(file: string): Promise<AtomicStream> {
    makeDir(path.dirname(file));
    return new AtomicStream(file);
  }

  /** Writes a chunk, waiting when the stream's buffer is full (bounded memory). */
  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    if (this.failure) throw this.failure;
  }

  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (this.failure) throw this.failure;
    await rename(this.tmp, this.file);
    this.forget();
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
    this.forget();
  }
}

/** Removes an output an earlier run left; a directory in its place (an input directory of that name) is not one. */
export async function removeStale(file: string): Promise<void> {
  try {
    await rm(file, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ERR_FS_EISDIR' && code !== 'EISDIR') throw err;
  }
}
