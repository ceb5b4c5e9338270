/**
 * The run's temporary directories (the spool, the stores) are named after the process
 * that made them: `unspin-<kind>-<space>.<pid>-XXXXXX` in the system's temp folder, where
 * <space> identifies the machine boot and the pid namespace the pid belongs to (a hash
 * of the host name, /proc's boot id and the pid namespace). A run stopped by a signal
 * removes its own directories (cleanup.ts); one killed outright (SIGKILL, the
 * out-of-memory killer) cannot, and its spool can be as large as its corpus.
 * `sweepDeadRuns` removes those: directories of this <space> whose process is gone.
 * A pid is only compared within its own namespace, so directories made in another
 * container, on another machine sharing the folder, or before a reboot with a pid now
 * reused, are never mistaken for dead; where /proc cannot tell the namespace (not
 * Linux), nothing is swept. Directories of older versions are never touched either.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { removeIfInterrupted } from './cleanup.js';
import { describeFsError } from './fs-error.js';
import { UsageError } from './inputs.js';

const NAME = /^unspin-(?:spool|store)-([0-9a-f]{12})\.(\d+)-[A-Za-z0-9]{6}$/;
/** Names made where the namespace is unknown: never swept. */
const UNKNOWN = 'nospace';

let space: string | undefined;

/** This process's <space>: 12 hex digits, or UNKNOWN. */
function pidSpace(): string {
  if (space !== undefined) return space;
  try {
    const ns = readlinkSync('/proc/self/ns/pid');
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    space = createHash('sha256').update(`${hostname()}\0${boot}\0${ns}`).digest('hex').slice(0, 12);
  } catch {
    space = UNKNOWN;
  }
  return space;
}

/** A temporary directory of this run: removed by `remove`, or by cleanup.ts if the run is stopped first. */
export interface TempDir {
  readonly path: string;
  remove(): void;
}

export function makeTempDir(kind: 'spool' | 'store'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), `unspin-${kind}-${pidSpace()}.${process.pid}-`));
  const forget = removeIfInterrupted(dir);
  return {
    path: dir,
    remove() {
      rmSync(dir, { recursive: true, force: true });
      forget();
    },
  };
}

/**
 * Makes (and removes) a directory where makeTempDir makes them, before any work: a run
 * keeps its documents there between its passes, so a TMPDIR that does not exist or
 * cannot be written in is a usage error said at once (one line), not Node's mkdtemp
 * error once the run has started.
 */
export function checkTempDir(): void {
  const dir = tmpdir();
  let probe: string;
  try {
    probe = mkdtempSync(path.join(dir, 'unspin-probe-'));
  } catch (err) {
    const what = process.env.TMPDIR ? `TMPDIR ${dir}` : `the temporary directory ${dir}`;
    throw new UsageError(`${what} is not usable: ${describeFsError(err)}; set TMPDIR to a directory unspin can write in`);
  }
  rmdirSync(probe);
}

/**
 * `err`, met writing the temporary file `file`, with the file named: Node's message for
 * a full disk names none ("ENOSPC: no space left on device, write"). The code is kept.
 */
export function tempWriteError(err: unknown, file: string): Error {
  return Object.assign(new Error(`cannot write the temporary file ${file}: ${describeFsError(err)}`), { code: (err as NodeJS.ErrnoException).code });
}

/** Is a process with this id running (or there, but not ours to signal)? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary directories that runs of this machine and pid namespace left when killed; returns how many. Best effort. */
export function sweepDeadRuns(dir = tmpdir()): number {
  const mine = pidSpace();
  if (mine === UNKNOWN) return 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || m[1] !== mine) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
      removed++;
    } catch {
      // not ours to remove after all (permissions): leave it
    }
  }
  return removed;
}

/** For tests: the <space> this process names its directories with. */
export const currentPidSpace = pidSpace;
