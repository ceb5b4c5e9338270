import path from 'node:path';
import { describeFsError } from './fs-error.js';

/**
 * An output that could not be written or removed, named by its path relative to --out:
 * "cannot write clean/a.txt: no space left on device". Node's own message names the
 * temporary file, or no file at all ("ENOSPC: no space left on device, write").
 *
 * `oneDocument` says whether the failure is this output's alone (its name is too long,
 * a link or a file sits on its way): the run then reports that document as failed and
 * writes the others. Any other failure (a full disk, a read-only file system) would meet
 * every output after it, and stops the run.
 */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly oneDocument: boolean,
  ) {
    super(message);
  }
}

/** A directory below --out that outputs are not written in or removed from: a symbolic link, a file. */
export class RefusedPath extends Error {}

/** System errors that concern one output's path only. */
const ONE_PATH = new Set(['ENAMETOOLONG', 'EISDIR', 'ENOTDIR']);

/** `err`, met writing (or removing) the output `rel` (relative to --out), as an OutputError. */
export function outputError(err: unknown, rel: string, verb: 'write' | 'remove' = 'write'): OutputError {
  if (err instanceof OutputError) return err;
  if (err instanceof RefusedPath) return new OutputError(`cannot ${verb} ${rel}: ${err.message}`, undefined, true);
  const code = (err as NodeJS.ErrnoException).code;
  return new OutputError(`cannot ${verb} ${rel}: ${reason(err, rel)}`, code, code !== undefined && ONE_PATH.has(code));
}

function reason(err: unknown, rel: string): string {
  if ((err as NodeJS.ErrnoException).code !== 'ENAMETOOLONG') return describeFsError(err);
  // Names are limited per component (NAME_MAX, 255 bytes on most file systems) and as
  // a whole path (PATH_MAX): say which, so the user knows what to shorten.
  const bytes = Buffer.byteLength(path.basename(rel));
  return bytes > 255 ? `file name too long for the file system (${bytes} bytes)` : 'path too long for the file system';
}

/** The message of an output failure that is one document's; undefined for any other error. */
export function oneDocumentMessage(err: unknown): string | undefined {
  return err instanceof OutputError && err.oneDocument ? err.message : undefined;
}
