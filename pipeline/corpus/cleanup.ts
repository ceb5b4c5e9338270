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
 * On SIGINT, SIGTERM or SIGHUP: remove the temporaries, then die of the signal itself,
 * so the shell reports 128 + its number (130, 143, 129) and a parent sees the signal.
 * Outputs already in place stay (each was renamed into place whole); none is left half-written.
 *
 * Not process.exit: on its way out Node waits for the threads of libuv's pool, and one
 * can be blocked for good in a system call — open() of a FIFO no one writes to — so the
 * process printed that it stopped and then never exited. With the handler removed, the
 * signal raised again gets its default action, which ends the process whatever its threads do.
 */
export function cleanUpOnSignals(onSignal?: (signal: string) => void): void {
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      onSignal?.(signal);
      removeTemporaries();
      // Node restores the default action once a signal has no listener left.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      // Reached only if another thread takes the signal a moment later: either way the
      // process ends with the status a shell reports for the signal.
      process.exit(128 + constants.signals[signal]);
    });
  }
}
