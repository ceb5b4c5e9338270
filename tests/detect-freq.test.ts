import { describe, expect, it } from 'vitest';
import { hashOfPair, pairCount, pairCountFrom, pairPrefix, PairTable } from '../pipeline/stages/detect/freq.js';

describe('PairTable', () => {
  it('returns what was set, and 0 for hashes never set, like a Map', () => {
    // A small table with many keys forces long probe runs and wrap-around.
    const table = new PairTable(500);
    const truth = new Map<number, number>();
    let h = 12345;
    for (let i = 0; i < 500; i++) {
      h = (Math.imul(h, 1103515245) + 12345) >>> 0;
      const key = i % 7 === 0 ? (i << 12) >>> 0 : h; // some keys share low and high bits
      truth.set(key, 2 + (i % 200));
      table.set(key, 2 + (i % 200));
    }
    for (const [k, v] of truth) expect(table.get(k)).toBe(v);
    for (let k = 1; k < 2000; k += 13) if (!truth.has(k)) expect(table.get(k)).toBe(0);
    expect(table.get(0)).toBe(truth.get(0) ?? 0);
  });

  it('a second set of the same hash replaces its count', () => {
    const table = new PairTable(4);
    table.set(99, 5);
    table.set(99, 7);
    expect(table.get(99)).toBe(7);
  });
});

describe('pair lookups', () => {
  it('pairCountFrom(pairPrefix(a), b) hashes like hashOfPair(a, b)', () => {
    // The detector keeps pairPrefix per word form and continues it; both roads must meet.
    for (const [a, b] of [['state', 'department'], ['the', 'president'], ['wall', 'street']]) {
      expect(pairCountFrom(pairPrefix(a), b)).toBe(pairCount(a, b));
    }
    expect(hashOfPair('a', 'b')).not.toBe(hashOfPair('ab', ''));
  });

  it('common English pairs are in the table and nonsense pairs are not', () => {
    expect(pairCount('united', 'states')).toBeGreaterThan(10);
    expect(pairCount('of', 'the')).toBeGreaterThan(1000);
    expect(pairCount('zxqv', 'qqzx')).toBe(0);
  });
});
