import { isKnown, synsetsOf } from '../../lexicon/index.js';
import { FUNCTION_WORDS, type Token } from './tokens.js';
import { memo } from '../../memos.js';

/**
 * Facts are what a spinner leaves alone and what two renderings of one sentence
 * must share: names and numbers. A capitalized word is a name when WordNet does not
 * know it, or knows it only as a proper noun ("Russia", "Dutch"): spinners swap
 * dictionary words, not names.
 */

/** Number words by value in digits: a spinner writes "twelve" as "12" and "hundred" as "100". */
const NUMBER_WORDS = new Map<string, string>([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, String(i)] as [string, string]),
  ...'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, String(20 + 10 * i)] as [string, string]),
  ['hundred', '100'],
  ['thousand', '1000'],
  ['million', '1000000'],
  ['billion', '1000000000'],
  ['trillion', '1000000000000'],
]);

const properCache = memo<string, boolean>(200_000);

/** Every WordNet sense of the word is written capitalized: a proper noun. */
export function isProperNoun(word: string): boolean {
  let p = properCache.get(word);
  if (p === undefined) {
    const senses = synsetsOf(word);
    p = senses.length > 0 && senses.every((s) => s.synset.words.some((w) => w.toLowerCase() === s.lemma && /^\p{Lu}/u.test(w)));
    properCache.set(word, p);
  }
  return p;
}

export function isName(t: Token): boolean {
  if (!t.cap || FUNCTION_WORDS.has(t.key)) return false;
  return (!isKnown(t.key) && !isKnown(t.text)) || isProperNoun(t.key);
}

/** A number's value as written in digits ("two" → "2", "2,000" → "2000"), or undefined. */
export function numberValue(key: string): string | undefined {
  if (/^\p{N}/u.test(key)) return key.replace(/,/g, '');
  return NUMBER_WORDS.get(key);
}

/** The fact a token states, as a comparable string, or undefined when it is not a fact. */
export function factOf(t: Token): string | undefined {
  const n = numberValue(t.key);
  if (n !== undefined) return `#${n}`;
  return isName(t) ? t.key : undefined;
}
