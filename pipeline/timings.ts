/**
 * Process-wide stage timers: cumulative wall time per stage, so `--timings` can say
 * where a run spends its time (MB/s per stage). Measuring costs two clock reads a
 * call; nothing is printed unless asked.
 */
const totals = new Map<string, number>();

export function timed<T>(stage: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    totals.set(stage, (totals.get(stage) ?? 0) + performance.now() - t0);
  }
}

/** Stage → milliseconds, in the order stages first ran. */
export function stageTimings(): ReadonlyMap<string, number> {
  return totals;
}

/** A table of each stage's time and throughput over `bytes` of input. */
export function formatTimings(bytes: number): string {
  const mb = bytes / 1e6;
  const rows = [...totals].map(([stage, ms]) => `${stage.padEnd(14)} ${(ms / 1000).toFixed(2).padStart(8)} s ${(mb / (ms / 1000)).toFixed(2).padStart(9)} MB/s`);
  return ['stage               time    throughput', ...rows].join('\n') + '\n';
}

/** Adds another thread's stage totals (a worker's) to this thread's. */
export function addTimings(other: ReadonlyMap<string, number>): void {
  for (const [stage, ms] of other) totals.set(stage, (totals.get(stage) ?? 0) + ms);
}
