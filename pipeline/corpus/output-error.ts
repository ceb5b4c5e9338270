/**
 * An output that could not be written or removed, named by its path relative to --out.
 *
 * `oneDocument` says whether the failure is this output's alone (a link or a file sits
 * on its way): the run then reports that document as failed and writes the others.
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

/** `err`, met writing (or removing) the output `rel` (relative to --out): an OutputError for a refused path, else as it was. */
export function outputError(err: unknown, rel: string, verb: 'write' | 'remove' = 'write'): unknown {
  return err instanceof RefusedPath ? new OutputError(`cannot ${verb} ${rel}: ${err.message}`, undefined, true) : err;
}

/** The message of an output failure that is one document's; any other error is thrown on. */
export function oneDocumentFailure(err: unknown): string {
  if (err instanceof OutputError && err.oneDocument) return err.message;
  throw err;
}
