import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a directory and its missing parents, like `mkdir -p`, failing on any error it
 * cannot get past. Not Node's `mkdir(dir, { recursive: true })`: where a directory exists
 * but no directory can be made in it (/proc answers ENOENT), Node 20 takes the ENOENT
 * for a missing parent, finds the parent there and tries again, forever. Here a
 * directory is tried at most twice, before and after its parent is made, so the walk
 * ends within the path's depth. Synchronous: it runs only when an output directory is
 * missing (a few per run), and an interrupted run then has no half-made walk to mind.
 */
export function makeDir(dir: string): void {
  try {
    mkdirSync(dir);
    return;
  } catch (err) {
    if (!missingParent(err, dir)) return;
    // The root has no parent to make: its ENOENT is final.
    if (path.dirname(dir) === dir) throw err;
  }
  makeDir(path.dirname(dir));
  try {
    mkdirSync(dir);
  } catch (err) {
    // ENOENT again, the parent being there: this directory cannot be made.
    if (missingParent(err, dir)) throw err;
  }
}

/**
 * After a failed mkdir of `dir`: true when its parent may be missing (ENOENT), false
 * when `dir` is already a directory (EEXIST: made by an earlier run or a concurrent
 * write); anything else (a file in its place, EACCES, EROFS, ENOTDIR) is thrown.
 */
function missingParent(err: unknown, dir: string): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return true;
  if (code === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return false;
  throw err;
}
