import { describe, expect, it } from 'vitest';
import { byteCount, countByte, hashOfPair, pairCount, pairCountFrom, pairPrefix, PairTable } from '../pipeline/stages/detect/freq.js';

describe('PairTable', () => {
  it('returns the decoded count of what was set, and 0 for hashes never set, like a Map', () => {
    // A small table with many keys forces long probe runs and wrap-around.
    const table = new PairTable(500);
    const truth = new Map<number, number>();
    let h = 12345;
    for (let i = 0; truth.size < 500; i++) {
      h = (Math.imul(h, 1103515245) + 12345) >>> 0;
      const key = i % 7 === 0 ? ((i + 1) << 12) >>> 0 : h; // some keys share low and high bits
      if ([...truth.keys()].some((k) => k >>> 8 === key >>> 8)) continue; // one key per 24-bit tag
      const byte = 2 + (i % 250);
      truth.set(key, byteCount(byte));
      table.set(key, byte);
    }
    for (const [k, v] of truth) expect(table.get(k)).toBe(v);
    const tags = new Set([...truth.keys()].map((k) => k >>> 8));
    for (let k = 1; k < 1 << 20; k += 4099) if (!tags.has(k >>> 8)) expect(table.get(k)).toBe(0);
  });

  it('decodes counts from the file\'s bytes: exact below 64, logarithmic above', () => {
    const table = new PairTable(4);
    table.set(0x12345678, 5);
    table.set(0x9abcdef0, countByte(1000));
    expect(table.get(0x12345678)).toBe(5);
    expect(table.get(0x9abcdef0)).toBe(byteCount(countByte(1000)));
    expect(Math.abs(table.get(0x9abcdef0) - 1000) / 1000).toBeLessThan(0.03);
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
