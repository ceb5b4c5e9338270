/**
 * String hashes for compact indexes: keys stored as numbers instead of strings.
 * `hash53` fits a double exactly (53 bits), so a Map keyed by it has, in practice, no
 * collisions (about one per 10^15 pairs of distinct keys) at a fraction of the memory
 * of string keys.
 */

/** FNV-1a, 32 bits, over UTF-16 code units. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const single = [''];

/** 53 bits: FNV-1a and a multiply-xorshift hash of the same code units, side by side. */
export function hash53(s: string): number {
  // One word "joined" alone is the word: the same loop, and no array per call.
  single[0] = s;
  return hash53Joined(single, 0, 1);
}

/** hash53 of `words[from, to)` joined by single spaces, without building the string. */
export function hash53Joined(words: readonly string[], from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let w = from; w < to; w++) {
    const s = words[w];
    for (let i = w > from ? -1 : 0; i < s.length; i++) {
      const c = i < 0 ? 32 : s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
  }
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
  b ^= b >>> 13;
  return (a >>> 11) * 0x100000000 + (b >>> 0);
}
