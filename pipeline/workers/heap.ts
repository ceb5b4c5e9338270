/**
 * How far a thread's heap may grow past what it holds live before v8 collects it.
 * v8's default lets an old generation grow to 2–4 times its live size; with a
 * corpus's worth of garbage passing through each thread (every document analyzed,
 * every restoration tried), most of a run's memory was heap waiting to be collected,
 * once per thread. Collecting at 25% above the live size costs more frequent full
 * collections (a few percent of the time) and keeps that slack small. The setting is
 * process-wide and applies to the threads started after it; outputs do not depend on it.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 25;

let done = false;

export function boundHeapGrowth(): void {
  if (done) return;
  done = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
