import { describe, expect, it } from 'vitest';
import { CountTable, PairLog, PostingTable, toShared } from '../pipeline/hash-table.js';

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

describe('PairLog', () => {
  it('gives back every pair in the order pushed, across chunks', () => {
    const log = new PairLog();
    const seen: Array<[number, number]> = [];
    log.forEach((k, id) => seen.push([k, id]));
    expect(seen).toEqual([]);
    // Enough pairs to fill several chunks, the last one partly.
    const n = 5000;
    for (let i = 0; i < n; i++) log.push(2 ** 50 + i * 3, -i);
    expect(log.length).toBe(n);
    log.forEach((k, id) => seen.push([k, id]));
    expect(seen.length).toBe(n);
    expect(seen.every(([k, id], i) => k === 2 ** 50 + i * 3 && id === -i)).toBe(true);
  });
});

describe('PostingTable', () => {
  it('groups ids by key in the order added, as a Map of arrays would, with and without a cap', () => {
    for (const cap of [Infinity, 3]) {
      const t = new PostingTable(cap);
      const expected = new Map<number, number[]>();
      let x = 12345;
      for (let i = 0; i < 20000; i++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const key = (x % 700) * 2 ** 33 + 1;
        t.add(key, i);
        const list = expected.get(key) ?? [];
        if (list.length <= cap) list.push(i);
        expected.set(key, list);
      }
      for (const [key, ids] of expected) expect([...t.get(key)!]).toEqual(ids);
      expect(t.get(2)).toBeUndefined();
      expect(() => t.add(1, 1)).toThrow(/after the table was read/);
    }
  });
});
