import { describe, expect, it } from 'vitest';
import { tokenize } from '../pipeline/stages/align/tokens.js';

const words = (text: string, start?: number, end?: number) => tokenize(text, start, end).map((t) => t.text);
const keys = (text: string) => tokenize(text).map((t) => t.key);

describe('alignment tokens', () => {
  it('splits a possessive off its word, whichever apostrophe it uses', () => {
    expect(words('Rubio’s plan and the State Department\'s view')).toEqual(['Rubio', '’s', 'plan', 'and', 'the', 'State', 'Department', "'s", 'view']);
    // A word with an apostrophe of its own keeps it: the possessive is not split twice.
    expect(words('O’Brien’s boat')).toEqual(['O’Brien’s', 'boat']);
    // Only a lower-case s is a possessive.
    expect(words("RUBIO'S")).toEqual(["RUBIO'S"]);
  });

  it('gives each token its offsets in the whole text', () => {
    const text = 'He said: “Rubio’s plan cannot wait.”';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(words(text)).toEqual(['He', 'said', 'Rubio', '’s', 'plan', 'can', 'not', 'wait']);
  });

  it('writes "cannot" as two words, in any case', () => {
    expect(keys('Cannot CANNOT cannot')).toEqual(['can', 'not', 'can', 'not', 'can', 'not']);
  });

  it('keys drop accents, case, curly apostrophes and an abbreviation dot', () => {
    expect(keys('José ÉCOLE naïve U.S. e.g. don’t')).toEqual(['jose', 'ecole', 'naive', 'u.s', 'e.g', "don't"]);
    expect(tokenize('İstanbul Über émigré Ωmega').map((t) => t.cap)).toEqual([true, true, false, true]);
  });

  it('keeps numbers with their separators whole', () => {
    expect(words('3.5 percent of 1,000 people')).toEqual(['3.5', 'percent', 'of', '1,000', 'people']);
  });

  it('tokenizes a span as a text of its own', () => {
    const text = 'first words here. Second part';
    expect(words(text, 6, 16)).toEqual(['words', 'here']);
    // A span that starts inside a word starts a token there.
    expect(tokenize(text, 8, 16)[0]).toMatchObject({ text: 'rds', start: 8, end: 11, key: 'rds' });
  });

  it('splits possessives of accented and hyphenated words, and leaves a lone one whole', () => {
    expect(words('José’s Jean-Luc\'s ’s cannot’s')).toEqual(['José', '’s', 'Jean-Luc', "'s", '’s', 'cannot', '’s']);
    expect(keys('José’s İstanbul É.U.')).toEqual(['jose', "'s", 'istanbul', 'e.u']);
  });
});
