import { describe, expect, it } from 'vitest';
import { hash53, hash53Joined } from '../pipeline/hash.js';

describe('hash53', () => {
  it('hashes words joined by spaces as the joined string, without building it', () => {
    const words = ['of', 'the', '#2', 'José', '', 'u.s'];
    for (let from = 0; from < words.length; from++) {
      for (let to = from; to <= words.length; to++) expect(hash53Joined(words, from, to)).toBe(hash53(words.slice(from, to).join(' ')));
    }
  });

  it('tells apart strings that differ by one character, and fits a double exactly', () => {
    const a = hash53('of the state');
    expect(a).not.toBe(hash53('of the State'));
    expect(Number.isSafeInteger(a)).toBe(true);
  });
});
