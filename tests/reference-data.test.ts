import { describe, expect, it } from 'vitest';
import { hash53 } from '../pipeline/hash.js';
import { tokenize } from '../pipeline/stages/align/tokens.js';
import { indexData, isNamePhrase, skeletonShingles } from '../pipeline/stages/reference-data.js';

const phrasesOf = (text: string) => indexData(text, true).reference!.phrases.map(([key]) => key);

describe('reference data of a document', () => {
  it('collects name phrases whose words are one space apart', () => {
    const text = 'Officials met Secretary of State Marco Rubio at the Wall Street Journal office.';
    const keys = phrasesOf(text);
    expect(keys).toContain('secretary of state marco rubio');
    expect(keys).toContain('wall street journal');
    // Lower-case first words and function-word ends are not names.
    expect(keys.some((k) => k.startsWith('of ') || k.endsWith(' of'))).toBe(false);
  });

  it('does not join words across two spaces, a comma or a line break', () => {
    expect(phrasesOf('They read the New York  Times every day.')).not.toContain('new york times');
    expect(phrasesOf('They read the New York  Times every day.')).toContain('new york');
    expect(phrasesOf('They went to New York, Times Square first.')).not.toContain('york times');
    expect(phrasesOf('They went to New York, Times Square first.')).toContain('times square');
    expect(phrasesOf('They met Anna\nSmith later.')).toEqual([]);
  });

  it('tests a span as a name the same whatever its position among the tokens', () => {
    const text = 'On Monday the Trump administration said so.';
    const tokens = tokenize(text);
    expect(isNamePhrase(text, tokens.slice(3, 5), false)).toBe(true);
    expect(isNamePhrase(text, tokens.slice(0, 2), true)).toBe(false);
  });

  it('hashes skeleton shingles: three immutables in a row, numbers by value, each once', () => {
    const tokens = tokenize('Of the two of the 2 reports, Xolani Brandtberg said of the two that none was kept.');
    const expected = new Set<number>();
    // Function words, numbers by value and names; "reports", "said", "kept" are left out.
    const skel = ['of', 'the', '#2', 'of', 'the', '#2', 'xolani', 'brandtberg', 'of', 'the', '#2', 'that', 'none', 'was'];
    for (let i = 0; i + 3 <= skel.length; i++) expected.add(hash53(skel.slice(i, i + 3).join(' ')));
    expect(skeletonShingles(tokens)).toEqual([...expected]);
  });
});
