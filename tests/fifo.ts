/** Named pipes for tests of inputs that are not regular files. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, createWriteStream, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new named pipe `name` in a new directory. */
export function makeFifo(name = 'in.txt'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-fifo-')), name);
  execFileSync('mkfifo', [file]);
  return file;
}

/**
 * Writes `data` into a FIFO once a reader opens it. A reader that stops early (EPIPE)
 * ends the write as well; so does `release`, for a reader that never came.
 */
export function feed(file: string, data: Buffer): { done: Promise<void>; release(): void } {
  const w = createWriteStream(file);
  const done = new Promise<void>((resolve) => {
    w.on('error', () => resolve());
    w.end(data, () => resolve());
  });
  return {
    done,
    // Opening the read end without waiting lets the writer's open return (it would
    // otherwise hold a thread of this process for good); closing it ends the write.
    release() {
      closeSync(openSync(file, constants.O_RDONLY | constants.O_NONBLOCK));
    },
  };
}
