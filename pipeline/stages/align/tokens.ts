/**
 * Tokens for alignment: words with offsets and a comparison key. Punctuation is
 * not a token (spinners and translations move it around); a possessive `’s` is its
 * own token so "Trump management’s" aligns with "Trump administration's".
 */

export interface Token {
  /** Offsets in the text the token came from. */
  start: number;
  end: number;
  text: string;
  /** Lower case without accents, curly apostrophes straightened, a trailing abbreviation dot dropped. */
  key: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

const TOKEN = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}]+(?:[.,][\p{N}]+)*(?:['’-][\p{L}\p{N}]+)*|['’]s\b/gu;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    let word = m[0];
    let at = start + m.index!;
    // Split a possessive off the word it follows: Rubio’s → Rubio + ’s.
    const poss = /^(.+?)(['’]s)$/u.exec(word);
    if (poss && poss[1].length > 0 && !/['’]/.test(poss[1])) {
      out.push(makeToken(poss[1], at));
      at += poss[1].length;
      word = poss[2];
    }
    // "cannot" is two words everywhere else in the corpus ("can not").
    if (/^cannot$/i.test(word)) {
      out.push(makeToken(word.slice(0, 3), at), makeToken(word.slice(3), at + 3));
      continue;
    }
    out.push(makeToken(word, at));
  }
  return out;
}

function makeToken(text: string, start: number): Token {
  const key = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // José = Jose: spinners and sources disagree on accents
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\.$/, '');
  return { start, end: start + text.length, text, key, cap: /^\p{Lu}/u.test(text) };
}

/** Closed-class words: the skeleton a spinner leaves alone (the lexicon's own list). */
export { FUNCTION_WORDS } from '../../lexicon/function-words.js';

export const isNumber = (key: string) => /^\p{N}/u.test(key);

/** Are two token runs the same words (keys), whatever their case and punctuation? */
export function sameKeys(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].key !== b[i].key) return false;
  return true;
}
