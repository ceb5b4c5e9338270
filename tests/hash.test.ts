import { describe, expect, it } from 'vitest';
import { hash53, hash53Joined } from '../pipeline/hash.js';

describe('hash53', () => {
  it('hashes words joined by spaces as the joined string, without building it', () => {
    const words = ['of', 'the', '#2', 'José', '', 'u.s'];
    for (let from = 0; from < words.length; from++) {
      for (let to = from; to <= words.length; to++) expect(hash53Joined(words, from, to)).toBe(hash53(words.slice(from, to).join(' ')));
    }
  });

  it('keeps its values (indexes built by different versions never meet, but the order of ties may depend on them)', () => {
    expect(['', 'a', 'of the state', 'José'].map(hash53)).toEqual([4542716367687476, 8023711134925553, 4625825950995865, 7485625760999234]);
  });

  it('tells apart strings that differ by one character, and fits a double exactly', () => {
    const a = hash53('of the state');
    expect(a).not.toBe(hash53('of the State'));
    expect(Number.isSafeInteger(a)).toBe(true);
  });
});
