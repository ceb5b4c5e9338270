import { closeSync, openSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { describeFsError } from './fs-error.js';
import { UsageError } from './inputs.js';
import { makeDir } from './make-dir.js';
import { OutRoot } from './out-root.js';
import { RefusedPath } from './output-error.js';

/**
 * Makes --out and creates (and removes) a file in it, before any work: a directory that
 * cannot be made (below /proc, below a link to nothing) or written in (/proc itself, a
 * read-only file system) is a usage error said at once, not a failure once pass 1 has
 * read the whole corpus. So is a link (or a file) at clean/ or diff/, which every output
 * of a files run would go through (out-root.ts); a JSON Lines run writes nothing there,
 * but one directory serves runs of both kinds, and one rule for all is simpler to state
 * than a link that is fine until the next files run. Called after the command line's other
 * checks, so a refused command leaves no directory behind. Returns --out, resolved once.
 */
export function prepareOutDir(out: string): OutRoot {
  try {
    makeDir(out);
  } catch (err) {
    throw new UsageError(`cannot make --out ${out}: ${describeFsError(err)}${failedAt(err, out)}`);
  }
  const probe = path.join(out, `.unspin-probe.${process.pid}.tmp`);
  try {
    // 'wx': never through whatever may already stand at that name (a link).
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (err) {
    throw new UsageError(`cannot write in --out ${out}: ${describeFsError(err)}`);
  }
  const root = new OutRoot(out);
  for (const sub of ['clean', 'diff']) {
    try {
      root.checkDir(sub);
    } catch (err) {
      if (!(err instanceof RefusedPath)) throw err;
      throw new UsageError(`--out ${out}: ${err.message}; remove it or choose another --out`);
    }
  }
  return root;
}

/** The parent that could not be made, when it is not --out itself. */
function failedAt(err: unknown, out: string): string {
  const at = (err as NodeJS.ErrnoException).path;
  return at && path.resolve(at) !== path.resolve(out) ? ` (at ${at})` : '';
}
