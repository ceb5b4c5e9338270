import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../pipeline/corpus/write-queue.js';

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

describe('WriteQueue', () => {
  it('runs at most `limit` writes at a time and finishes them all', async () => {
    const q = new WriteQueue(3);
    let running = 0;
    let most = 0;
    let done = 0;
    for (let i = 0; i < 20; i++) {
      await q.add(async () => {
        most = Math.max(most, ++running);
        await tick();
        running--;
        done++;
      });
    }
    await q.drain();
    expect(done).toBe(20);
    expect(most).toBe(3);
  });

  it('reports the first failure from add or drain, never as an unhandled rejection', async () => {
    const q = new WriteQueue(2);
    await q.add(async () => {
      await tick();
      throw new Error('disk full');
    });
    await expect(
      (async () => {
        for (let i = 0; i < 10; i++) await q.add(tick);
        await q.drain();
      })(),
    ).rejects.toThrow('disk full');
  });
});
