import { closeSync, createWriteStream, openSync, writeFile as writeFileCb, type WriteStream } from 'node:fs';
import { promisify } from 'node:util';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { removeIfInterrupted } from './cleanup.js';
import type { OutRoot } from './out-root.js';
import { outputError } from './output-error.js';

const writeFd = promisify(writeFileCb) as (fd: number, data: string | Uint8Array) => Promise<void>;

let counter = 0;

/**
 * Creates a temporary file in `dir`, registered for removal should the run be stopped.
 * Its name is short and its own (`.unspin-<pid>-<n>.tmp`), not the output's name with a
 * suffix: any name the file system takes for an output must be writable, and a 250-byte
 * name plus a suffix is over the 255-byte limit of a name. The leading dot keeps it out
 * of an input walk over the output directory. Opened exclusively: a file (or link) of
 * that name is never written through; the next number is tried.
 */
function openTemp(dir: string): { fd: number; tmp: string; forget: () => void } {
  for (;;) {
    const tmp = path.join(dir, `.unspin-${process.pid}-${++counter}.tmp`);
    let fd: number;
    try {
      // Synchronous, and registered in the same tick: the file exists before a signal
      // can be handled, so an interrupted run's clean-up always finds (and removes) it.
      fd = openSync(tmp, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    return { fd, tmp, forget: removeIfInterrupted(tmp) };
  }
}

/** Writes the output `rel` (relative to --out) atomically: a temp file beside it, then a rename over it. */
export async function writeAtomic(out: OutRoot, rel: string, data: string | Uint8Array): Promise<void> {
  let temp: ReturnType<typeof openTemp> | undefined;
  try {
    const file = out.prepare(rel);
    temp = openTemp(path.dirname(file));
    try {
      await writeFd(temp.fd, data);
    } finally {
      closeSync(temp.fd);
    }
    await rename(temp.tmp, file);
  } catch (err) {
    if (temp) await rm(temp.tmp, { force: true });
    throw outputError(err, rel);
  } finally {
    temp?.forget();
  }
}

/**
 * An output written as a stream (report.json, clean.jsonl) that appears under its
 * final name only when `commit` is called; `abort` removes the partial temp file.
 */
export class AtomicStream {
  private readonly stream: WriteStream;
  private failure?: Error;

  private constructor(
    private readonly rel: string,
    private readonly file: string,
    private readonly temp: ReturnType<typeof openTemp>,
  ) {
    // The file is created already (not by the stream's asynchronous open), for the same reason as in writeAtomic.
    this.stream = createWriteStream(temp.tmp, { fd: temp.fd });
    // A disk error (ENOSPC, EACCES) must fail the run, not crash it or hang a write.
    this.stream.on('error', (err) => {
      this.failure = outputError(err, rel);
      this.stream.emit('drain');
    });
  }

  static async open(out: OutRoot, rel: string): Promise<AtomicStream> {
    try {
      const file = out.prepare(rel);
      return new AtomicStream(rel, file, openTemp(path.dirname(file)));
    } catch (err) {
      throw outputError(err, rel);
    }
  }

  /** Writes a chunk, waiting when the stream's buffer is full (bounded memory). */
  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    if (this.failure) throw this.failure;
  }

  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(outputError(err, this.rel)) : resolve())));
    if (this.failure) throw this.failure;
    await rename(this.temp.tmp, this.file).catch((err: unknown) => {
      throw outputError(err, this.rel);
    });
    this.temp.forget();
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp.tmp, { force: true });
    this.temp.forget();
  }
}

/**
 * Removes the output `rel` an earlier run left. A directory in its place (an input
 * directory of that name) is not one, and a name too long for the file system cannot
 * be there; an output behind a link on its way is not unspin's to remove (OutputError).
 */
export async function removeStale(out: OutRoot, rel: string): Promise<void> {
  try {
    const file = out.existing(rel);
    if (file !== undefined) await rm(file, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_FS_EISDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG') return;
    throw outputError(err, rel, 'remove');
  }
}
