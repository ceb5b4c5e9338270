import { rmSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * Temporary files and directories of this thread (atomic-write temp files, the spool,
 * the stores) that an interrupted run must not leave behind. Each is registered while
 * it exists; `cleanUpOnSignals` removes what is left when the process is stopped.
 */
const pending = new Set<string>();

/** Registers a temporary path; the returned function forgets it (call it once the path is gone or renamed). */
export function removeIfInterrupted(p: string): () => void {
  pending.add(p);
  return () => {
    pending.delete(p);
  };
}

/** Removes every registered path now (synchronously: it runs on the way out). */
export function removeTemporaries(): void {
  for (const p of pending) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // best effort: the process is exiting
    }
  }
  pending.clear();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * On SIGINT, SIGTERM or SIGHUP: remove the temporaries and exit with 128 + the
 * signal's number, as a shell reports a process the signal killed. Outputs already
 * in place stay (each was renamed into place whole); none is left half-written.
 */
export function cleanUpOnSignals(onSignal?: (signal: string) => void): void {
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      onSignal?.(signal);
      removeTemporaries();
      process.exit(128 + constants.signals[signal]);
    });
  }
}
