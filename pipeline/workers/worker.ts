/** A pool thread: executes the tasks of tasks.ts that pool.ts posts, as they arrive (a task that awaits, such as reading a file, may overlap the next). */
import { parentPort } from 'node:worker_threads';
import { createHandlers, type TaskName } from './tasks.js';

const handlers = createHandlers();

parentPort!.on('message', async (m: { id: number; name: TaskName; arg: unknown }) => {
  try {
    const fn = handlers[m.name] as (a: unknown) => unknown;
    const value = await fn(m.arg);
    parentPort!.postMessage({ id: m.id, ok: true, value });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, ok: false, error: (err as Error).message ?? String(err) });
  }
});
