import { open, stat, type FileHandle } from 'node:fs/promises';
import { describeFsError } from './fs-error.js';

/**
 * An input file's bytes, or why they could not be read (too large, unreadable).
 * --max-bytes bounds what is read, not only what stat says: a FIFO, a pipe
 * (`<(...)`, /dev/stdin) or a device (/dev/zero) has size 0 and no end known in
 * advance, so reading stops, and the input is refused, once more than `maxBytes` came.
 */
export async function readInput(file: string, maxBytes: number): Promise<Uint8Array | { error: string }> {
  let handle: FileHandle | undefined;
  try {
    const st = await stat(file);
    // A directory among the inputs is one the input walk could not open (inputs.ts).
    if (st.isDirectory()) return { error: 'directory cannot be read (permission denied?); the files in it were not processed' };
    // open() refuses a socket (ENXIO, "no such device or address"): /dev/stdin is one when
    // the parent process made stdin a socket pair, as Node's child_process does.
    if (st.isSocket()) return { error: 'socket cannot be opened as a file (send its contents through a pipe instead)' };
    // A regular file's size is known: one over the limit is refused without reading it.
    if (st.isFile() && st.size > maxBytes) return { error: `file is ${overLimit(st.size, maxBytes)}` };
    handle = await open(file, 'r');
    const bytes = await readCapped(handle, maxBytes, st.isFile() ? st.size : undefined);
    return bytes ?? { error: `file is ${overLimit(undefined, maxBytes)}` };
  } catch (err) {
    // The message names the input already (`a.txt: permission denied`).
    return { error: describeFsError(err) };
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** What a read without a known size asks for at a time: a pipe hands over 64 KiB at most per read. */
const CHUNK = 1 << 20;

/**
 * Reads `handle` to its end, or stops and returns undefined as soon as more than
 * `maxBytes` were read. `size` (a regular file's, from stat) sizes the first read one
 * byte larger, so a file that did not grow since is read whole and its end seen in two
 * read calls, into the buffer that is returned.
 */
export async function readCapped(handle: FileHandle, maxBytes: number, size?: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = size === undefined ? CHUNK : size + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
    let filled = 0;
    while (filled < chunk.length) {
      // position null: read on from where the last read stopped (pipes cannot seek).
      const { bytesRead } = await handle.read(chunk, filled, chunk.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    total += filled;
    if (total > maxBytes) return undefined;
    chunks.push(chunk.subarray(0, filled));
    if (filled < chunk.length) break; // the end of the input
    want = CHUNK;
  }
  // One chunk (a regular file) is returned as it was read; pieces are joined once.
  return chunks.length === 1 && size !== undefined ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * The end of the message for an input over --max-bytes (a file, or a JSON Lines record's text).
 * `bytes` is undefined for an input whose size is not known in advance (a pipe, a device):
 * its reading stopped at the limit.
 */
export function overLimit(bytes: number | undefined, maxBytes: number): string {
  return `${bytes === undefined ? '' : `${bytes} bytes, `}over the ${maxBytes}-byte limit (raise it with --max-bytes)`;
}
