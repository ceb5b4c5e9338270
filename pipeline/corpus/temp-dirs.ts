/**
 * The run's temporary directories (the spool, the stores) are named after the host and
 * the process that made them: `unspin-<kind>-<host>.<pid>-XXXXXX` in the system's temp
 * folder. A run stopped by a signal removes its own (cleanup.ts); one killed outright
 * (SIGKILL, the out-of-memory killer) cannot, and its spool can be as large as its
 * corpus. `sweepDeadRuns` removes those: directories of this host whose process is gone.
 * Directories of another host (a temp folder shared between machines or containers,
 * where a process id means nothing here) and of older versions (no host and pid in the
 * name) are never touched.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';

const KINDS = ['spool', 'store'] as const;
/** Host names may hold dots and dashes: the pid is the last dotted field before the random suffix. */
const NAME = /^unspin-(spool|store)-(.+)\.(\d+)-[A-Za-z0-9]{6}$/;
const host = () => hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'localhost';

export function makeTempDir(kind: (typeof KINDS)[number]): string {
  return mkdtempSync(path.join(tmpdir(), `unspin-${kind}-${host()}.${process.pid}-`));
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

/** Removes the temporary directories that runs on this host left when they were killed; returns how many. Best effort. */
export function sweepDeadRuns(dir = tmpdir()): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const me = host();
  let removed = 0;
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || m[2] !== me) continue;
    const pid = Number(m[3]);
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
