/**
 * A document whose outputs could not all be written (a name too long for the file
 * system, a link on the way) failed as an unreadable input does: report.json says why
 * in its `error` (counted in the summary's `errors`), after any error it had already,
 * and keeps its verdict and edits, which are sound. `unspin apply` writes the outputs
 * again, so it replaces what an earlier run said about them.
 */
const MARK = 'output error: ';
const SEPARATOR = '; ';

/** `error` with the messages of the document's failed outputs added. */
export function withOutputFailures(error: string | undefined, failures: readonly string[]): string | undefined {
  if (failures.length === 0) return error;
  return [...(error === undefined ? [] : [error]), ...failures.map((f) => MARK + f)].join(SEPARATOR);
}

/** `error` without what an earlier run said about the document's outputs (always said last). */
export function withoutOutputFailures(error: string | undefined): string | undefined {
  if (error === undefined) return undefined;
  if (error.startsWith(MARK)) return undefined;
  const at = error.indexOf(SEPARATOR + MARK);
  return at < 0 ? error : error.slice(0, at);
}
