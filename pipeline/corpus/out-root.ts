import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { outputError, RefusedPath } from './output-error.js';

/**
 * The output directory (--out), resolved once to its real path, and the directories
 * below it that outputs go in. Links above --out are the user's way to name it and are
 * followed, here, once. Below it a link would lead writes, renames and the removal of a
 * previous run's outputs elsewhere: `out/clean -> ../in` made a run overwrite its inputs
 * and the next one delete them. So every directory below --out that an output is
 * written in or removed from must be a real directory (lstat), or that output fails.
 * Each is checked once per run and remembered: a run writes thousands of files into a
 * few directories. (The final name may be a link: a rename replaces the link itself,
 * and a removal unlinks it, never its target.)
 *
 * Outputs are named by their path relative to --out ("clean/a.txt"), as messages and the
 * list of outputs (manifest.ts) name them.
 */
export class OutRoot {
  /** The real path of --out: every output is written below it. */
  readonly real: string;
  /** Directories below `real` known to be real directories (real paths). */
  private readonly checked = new Set<string>();

  /** `given` (--out as the user wrote it) must exist. */
  constructor(readonly given: string) {
    this.real = realpathSync(given);
  }

  /**
   * The real path of the output `rel`, its missing directories made; throws an
   * OutputError when a directory on its way is a link or not a directory, or cannot be made.
   */
  prepare(rel: string): string {
    const file = this.resolve(rel);
    try {
      this.dir(path.dirname(file), true);
    } catch (err) {
      throw outputError(err, rel, 'write');
    }
    return file;
  }

  /**
   * The real path of the output `rel` when every directory on its way is there (and
   * real), or undefined when one is missing or a plain file stands in its place (no
   * output can be behind it: "clean/notes.txt/a.txt" after a run that wrote
   * clean/notes.txt); throws as `prepare` does for a link.
   */
  existing(rel: string): string | undefined {
    const file = this.resolve(rel);
    try {
      return this.dir(path.dirname(file), false, true) ? file : undefined;
    } catch (err) {
      throw outputError(err, rel, 'remove');
    }
  }

  /** Checks the directory `rel` if it exists (clean/, diff/ at the start of a run); throws RefusedPath. */
  checkDir(rel: string): void {
    this.dir(this.resolve(rel), false);
  }

  private resolve(rel: string): string {
    const file = path.resolve(this.real, rel);
    const back = path.relative(this.real, file);
    // Output paths are built from input paths and a report's: never above --out.
    if (back === '' || back.split(path.sep)[0] === '..' || path.isAbsolute(back)) throw new Error(`output path ${rel} is not below --out`);
    return file;
  }

  /**
   * Is `dir` (at or below `real`) a real directory: made when missing and `make`; false
   * when missing, or with `fileIsMissing` when a plain file stands there.
   */
  private dir(dir: string, make: boolean, fileIsMissing = false): boolean {
    if (dir === this.real || this.checked.has(dir)) return true;
    if (!this.dir(path.dirname(dir), make, fileIsMissing)) return false;
    let st = lstatSync(dir, { throwIfNoEntry: false });
    if (!st && make) {
      try {
        mkdirSync(dir);
      } catch (err) {
        // Made meanwhile, or a link to nothing: lstat below tells.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      st = lstatSync(dir);
    }
    if (!st) return false;
    const rel = path.relative(this.real, dir).split(path.sep).join('/');
    if (st.isSymbolicLink()) throw new RefusedPath(`${rel} is a symbolic link, and unspin never writes or removes files through a link below --out`);
    if (!st.isDirectory()) {
      if (fileIsMissing && st.isFile()) return false;
      throw new RefusedPath(`${rel} is not a directory`);
    }
    this.checked.add(dir);
    return true;
  }
}
