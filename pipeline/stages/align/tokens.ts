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
  // A global regex run with exec over the slice: matchAll would clone the regex and
  // allocate an iterator per call (a call per sentence of every document).
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    let word = m[0];
    let at = start + m.index;
    // Split a possessive off the word it follows: Rubio’s → Rubio + ’s.
    const n = word.length;
    if (n > 2 && word.charCodeAt(n - 1) === 115 /* s */ && isApostrophe(word.charCodeAt(n - 2))) {
      const stem = word.slice(0, n - 2);
      if (!stem.includes("'") && !stem.includes('’')) {
        out.push(makeToken(stem, at));
        at += stem.length;
        word = word.slice(n - 2);
      }
    }
    // "cannot" is two words everywhere else in the corpus ("can not").
    if (word.length === 6 && word.toLowerCase() === 'cannot') {
      out.push(makeToken(word.slice(0, 3), at), makeToken(word.slice(3), at + 3));
      continue;
    }
    out.push(makeToken(word, at));
  }
  return out;
}

const isApostrophe = (c: number) => c === 39 /* ' */ || c === 0x2019; /* ’ */

function makeToken(text: string, start: number): Token {
  return { start, end: start + text.length, text, key: keyOf(text), cap: startsUpper(text) };
}

/** The comparison key of a word (see Token.key); ASCII words, nearly all, skip the Unicode steps. */
function keyOf(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 127) ascii = false;
  const lower = ascii
    ? text.toLowerCase()
    : text
        .normalize('NFD')
        .replace(/\p{M}/gu, '') // José = Jose: spinners and sources disagree on accents
        .toLowerCase()
        .replace(/’/g, "'");
  return lower.charCodeAt(lower.length - 1) === 46 /* . */ ? lower.slice(0, -1) : lower;
}

function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text);
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
