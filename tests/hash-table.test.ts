import { describe, expect, it } from 'vitest';
import { CountTable, PostingTable, toShared } from '../pipeline/hash-table.js';

describe('shared tables', () => {
  it('copies a typed array into shared memory once', () => {
    const a = Int32Array.from([1, 2, 3]);
    const s = toShared(a);
    expect(s.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...s]).toEqual([1, 2, 3]);
    expect(toShared(s)).toBe(s);
    expect([...toShared(a.subarray(1))]).toEqual([2, 3]);
  });

  it('opens a PostingTable from its shared form with the same lists, in the same order', () => {
    const t = new PostingTable(2);
    const pairs: Array<[number, number]> = [[7, 1], [2 ** 40 + 3, 2], [7, 3], [9, 4], [7, 5], [7, 6], [9, 7]];
    for (const [k, id] of pairs) t.add(k, id);
    const shared = structuredClone(t.share());
    expect(shared.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
    const u = PostingTable.fromShared(shared);
    for (const k of [7, 9, 2 ** 40 + 3, 11]) expect(u.get(k) && [...u.get(k)!]).toEqual(t.get(k) && [...t.get(k)!]);
    expect([...u.get(7)!]).toEqual([1, 3, 5]); // capped at cap + 1
  });

  it('shares a CountTable snapshot that reads the same counts', () => {
    const c = new CountTable(4);
    for (const k of [1, 2, 2, 3, 3, 3, 2 ** 52]) c.add(k);
    const s = structuredClone(c.sharedSnapshot());
    expect(s.keys.buffer).toBeInstanceOf(SharedArrayBuffer);
    const d = CountTable.fromSnapshot(s);
    for (const k of [1, 2, 3, 4, 2 ** 52]) expect(d.get(k)).toBe(c.get(k));
  });
});
