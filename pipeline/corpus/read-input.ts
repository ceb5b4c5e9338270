import { readFile, stat } from 'node:fs/promises';
import { describeFsError } from './fs-error.js';

/** An input file's bytes, or why they could not be read (too large, unreadable). */
export async function readInput(file: string, maxBytes: number): Promise<Uint8Array | { error: string }> {
  try {
    const st = await stat(file);
    // A directory among the inputs is one the input walk could not open (inputs.ts).
    if (st.isDirectory()) return { error: 'directory cannot be read (permission denied?); the files in it were not processed' };
    if (st.size > maxBytes) return { error: `file is ${overLimit(st.size, maxBytes)}` };
    return await readFile(file);
  } catch (err) {
    // The message names the input already (`a.txt: permission denied`).
    return { error: describeFsError(err) };
  }
}

/** The end of the message for an input over --max-bytes (a file, or a JSON Lines record's text). */
export function overLimit(bytes: number, maxBytes: number): string {
  return `${bytes} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)`;
}
