import { readFile, stat } from 'node:fs/promises';

/** An input file's bytes, or why they could not be read (too large, unreadable). */
export async function readInput(file: string, maxBytes: number): Promise<Uint8Array | { error: string }> {
  try {
    const st = await stat(file);
    // A directory among the inputs is one the input walk could not open (inputs.ts).
    if (st.isDirectory()) return { error: 'directory cannot be read (permission denied?); the files in it were not processed' };
    if (st.size > maxBytes) {
      return { error: `file is ${st.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)` };
    }
    return await readFile(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: e.code === 'EACCES' ? 'permission denied' : e.message };
  }
}
