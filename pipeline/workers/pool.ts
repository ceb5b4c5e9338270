/**
 * Runs the tasks of tasks.ts on `n` threads. `n = 1` runs them in this thread
 * (tasks.ts `LocalRunner`); more runs a pool of worker_threads, each with its own
 * handlers (each opens the indexes the set-up tasks share: the same tables, not copies).
 *
 * A small pool of our own rather than piscina or tinypool: the set-up tasks must reach
 * every worker exactly once (`broadcast`), which neither pool offers, and results must
 * come back in input order whatever order the workers finish in.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addTimings } from '../timings.js';
import { boundHeapGrowth } from './heap.js';
import { LocalRunner, type Arg, type Result, type Runner, type TaskName } from './tasks.js';

export type { Runner } from './tasks.js';

export function createRunner(threads: number): Runner {
  boundHeapGrowth();
  return threads <= 1 ? new LocalRunner() : new WorkerPool(threads);
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** Tasks in flight per worker: one running, one queued, so a worker never waits on us. */
const IN_FLIGHT = 2;
/** Results one thread may have finished ahead of the next one to deliver, in order. */
const REORDER_PER_THREAD = 32;

class WorkerPool implements Runner {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure?: Error;
  private closing = false;

  constructor(readonly threads: number) {
    const url = new URL('./worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(url))) {
      throw new Error(`--workers needs the built pipeline (${fileURLToPath(url)} is missing; run make build)`);
    }
    for (let i = 0; i < threads; i++) {
      const w = new Worker(url);
      w.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a worker thread exited unexpectedly (code ${code})`));
      });
      this.workers.push(w);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private send<K extends TaskName>(w: Worker, name: K, arg: Arg<K>): Promise<Result<K>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        w.postMessage({ id, name, arg });
      } catch (err) {
        this.pending.delete(id);
        reject(err as Error);
      }
    });
  }

  async map<K extends TaskName>(name: K, args: readonly Arg<K>[], onResult?: (i: number) => void): Promise<Result<K>[]> {
    const out = new Array<Result<K>>(args.length);
    await this.each(name, args, (i, v) => {
      out[i] = v;
      onResult?.(i);
    });
    return out;
  }

  async each<K extends TaskName>(name: K, args: readonly Arg<K>[], onResult: (i: number, value: Result<K>) => void): Promise<void> {
    const ready = new Map<number, Result<K>>();
    const limit = REORDER_PER_THREAD * this.workers.length;
    let next = 0;
    let delivered = 0;
    let waiters: Array<() => void> = [];
    // Each worker pulls the next argument when one of its tasks finishes; results wait
    // in `ready` until every earlier one is delivered, and no lane runs further than
    // `limit` ahead of delivery, so a slow document holds back memory, not order.
    let failed = false;
    const wakeAll = () => {
      const wake = waiters;
      waiters = [];
      for (const r of wake) r();
    };
    const lane = async (w: Worker): Promise<void> => {
      try {
        while (next < args.length && !failed) {
          while (next - delivered >= limit && !failed) await new Promise<void>((r) => waiters.push(r));
          if (next >= args.length || failed) break;
          const i = next++;
          ready.set(i, await this.send(w, name, args[i]));
          while (!failed && ready.has(delivered)) {
            const v = ready.get(delivered)!;
            ready.delete(delivered);
            onResult(delivered++, v);
          }
          wakeAll();
        }
      } catch (err) {
        // The first failure stops every lane: nothing more is sent or delivered.
        failed = true;
        wakeAll();
        throw err;
      }
    };
    const lanes: Promise<void>[] = [];
    for (const w of this.workers) for (let k = 0; k < IN_FLIGHT; k++) lanes.push(lane(w));
    await Promise.all(lanes);
  }

  broadcast<K extends TaskName>(name: K, arg: Arg<K>): Promise<Result<K>[]> {
    return Promise.all(this.workers.map((w) => this.send(w, name, arg)));
  }

  async close(): Promise<void> {
    if (this.closing) return;
    try {
      if (!this.failure) for (const t of await this.broadcast('timings', undefined as never)) addTimings(t);
    } finally {
      this.closing = true;
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }
}
