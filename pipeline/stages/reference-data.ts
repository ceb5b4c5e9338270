/**
 * What the reference index takes from one document, computed where the document is
 * analyzed (pass 1, on any thread) so that building an index is only insertions:
 * the document's units (sentences, quotations) with their skeleton-shingle hashes,
 * and, for a document that may serve as a reference, the hashes of its word and bigram
 * occurrences, its lower-case words and the name-like phrases it writes.
 */
import { hash53, hash53Joined } from '../hash.js';
import { signature } from './duplicates.js';
import { lexicon, normalizeLemma } from '../lexicon/store.js';
import { factOf } from './align/facts.js';
import { FUNCTION_WORDS, isNumber, type Token } from './align/tokens.js';
import { units } from './align/units.js';
import type { Span } from './segment.js';

const SHINGLE = 3;
const MAX_PHRASE = 5;

export interface IndexData {
  /** Per unit: start, end, kind (0 sentence, 1 quotation). */
  units: Int32Array;
  /** Skeleton-shingle hashes, unit after unit: unit i has [shingleEnds[i - 1], shingleEnds[i]). */
  shingles: Float64Array;
  shingleEnds: Int32Array;
  /** MinHash signature for near-duplicate detection (duplicates.ts `signature`); null when too short to compare. */
  minhash: Uint32Array | null;
  /** Reference data, over sentences (absent when only retrieval was asked for). */
  reference?: {
    /** hash53 of every word key and every "a b" bigram, once per occurrence. */
    ngrams: Float64Array;
    /** hash53 of each key the document writes in lower case, once. */
    lowercase: Float64Array;
    /** Name-like phrases in text order: key sequence, start, end. */
    phrases: Array<[key: string, start: number, end: number]>;
    /** Domain titles in text order (see `domainTitles`): start, end of the title words, end. */
    titles: Array<[start: number, titleEnd: number, end: number]>;
  };
}

/** hash53 of every word key and every "a b" bigram of a sentence, once per occurrence. */
function pushNgrams(tokens: readonly Token[], out: number[]): void {
  for (let k = 0; k < tokens.length; k++) {
    out.push(hash53(tokens[k].key));
    if (k > 0) out.push(hash53(tokens[k - 1].key + ' ' + tokens[k].key));
  }
}

/** The n-gram part of `indexData(text, true)` alone. */
export function ngramHashes(text: string): Float64Array {
  const out: number[] = [];
  for (const u of units(text)) if (u.kind === 'sentence') pushNgrams(u.tokens, out);
  return Float64Array.from(out);
}

/**
 * The index data of a document's text (the text the index will hold). `sentences`: its
 * sentence spans (segment.ts), when detection has split it already.
 */
export function indexData(text: string, withReference: boolean, sentences?: readonly Span[]): IndexData {
  const all = units(text, sentences);
  const unitArr = new Int32Array(all.length * 3);
  const shingles: number[] = [];
  const shingleEnds = new Int32Array(all.length);
  const ngrams: number[] = [];
  const lowercase = new Set<number>();
  const phrases: Array<[string, number, number]> = [];
  const titles: Array<[number, number, number]> = [];
  all.forEach((u, i) => {
    unitArr[3 * i] = u.start;
    unitArr[3 * i + 1] = u.end;
    unitArr[3 * i + 2] = u.kind === 'sentence' ? 0 : 1;
    for (const h of skeletonShingles(u.tokens)) shingles.push(h);
    shingleEnds[i] = shingles.length;
    if (!withReference || u.kind !== 'sentence') return;
    const tokens = u.tokens;
    for (const t of tokens) if (!t.cap) lowercase.add(hash53(t.key));
    pushNgrams(tokens, ngrams);
    for (let k = 0; k < tokens.length; k++) {
      // isNamePhrase rejects a span whose first token is lower case or a function word,
      // or whose words are not one space apart: no span to build, no longer one either.
      if (!tokens[k].cap || FUNCTION_WORDS.has(tokens[k].key)) continue;
      for (let n = 2; n <= MAX_PHRASE && k + n <= tokens.length && spaced(text, tokens[k + n - 2], tokens[k + n - 1]); n++) {
        if (isNamePhraseAt(text, tokens, k, k + n, k === 0)) {
          phrases.push([tokens.slice(k, k + n).map((t) => t.key).join(' '), tokens[k].start, tokens[k + n - 1].end]);
        }
      }
    }
    for (const t of domainTitles(text, tokens)) titles.push([tokens[t.from].start, tokens[t.prep - 1].end, tokens[t.to - 1].end]);
  });
  const out: IndexData = { units: unitArr, shingles: Float64Array.from(shingles), shingleEnds, minhash: signature(text) ?? null };
  if (withReference) out.reference = { ngrams: Float64Array.from(ngrams), lowercase: Float64Array.from(lowercase), phrases, titles };
  return out;
}

/** Two words of a text one space apart. */
const spaced = (text: string, a: Token, b: Token) => b.start === a.end + 1 && text.charCodeAt(a.end) === 32;

/** Words of a name are separated by one space: no punctuation, no line break. */
export function spacedRun(text: string, span: readonly Token[]): boolean {
  return spacedRange(text, span, 0, span.length);
}

function spacedRange(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (!spaced(text, tokens[i - 1], tokens[i])) return false;
  return true;
}

/**
 * A name or title as clean text writes it: capitalized words with function words
 * inside ("Secretary of State Marco Rubio", "Wall Street Journal"), or a name and a
 * lower-case noun ("Trump administration"). A lone sentence-initial capital is not
 * a name. Both ends are content words.
 */
export function isNamePhrase(text: string, span: readonly Token[], sentenceInitial: boolean, allowLowerInside = 0): boolean {
  return isNamePhraseAt(text, span, 0, span.length, sentenceInitial, allowLowerInside);
}

/** isNamePhrase of tokens[from, to), without cutting them out. */
function isNamePhraseAt(text: string, tokens: readonly Token[], from: number, to: number, sentenceInitial: boolean, allowLowerInside = 0): boolean {
  const n = to - from;
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first.cap || FUNCTION_WORDS.has(first.key) || FUNCTION_WORDS.has(last.key) || isNumber(last.key)) return false;
  if (!spacedRange(text, tokens, from, to)) return false;
  if (n === 2 && !last.cap) {
    // Name + lower-case noun ("Trump administration"): a capital inside a sentence marks
    // the name, even when the name is also a word ("trump").
    return !sentenceInitial && !isNumber(first.key) && isKnownWord(last);
  }
  if (!last.cap) return false;
  let capsAfterFirst = 0;
  for (let i = from + 1; i < to; i++) if (tokens[i].cap) capsAfterFirst++;
  if (sentenceInitial && capsAfterFirst === 0) return false;
  let lowerContent = 0;
  for (let i = from + 1; i < to - 1; i++) if (!tokens[i].cap && !FUNCTION_WORDS.has(tokens[i].key)) lowerContent++;
  return lowerContent <= allowLowerInside;
}

const isKnownWord = (t: Token) => lexicon().has(normalizeLemma(t.key)) || lexicon().has(normalizeLemma(t.text));

/**
 * The distinct skeleton shingles of a run of tokens (SHINGLE immutables in a row, as
 * hash53 of their keys joined by spaces), in order of first occurrence. Immutables are
 * the tokens a spinner leaves alone: function words, numbers, and capitalized words the
 * lexicon does not know (names). They form a sentence's skeleton.
 */
export function skeletonShingles(tokens: readonly Token[]): number[] {
  // Numbers by value: a spinner writes "two" as "2".
  const skel: string[] = [];
  for (const t of tokens) {
    const fact = factOf(t);
    if (fact !== undefined) skel.push(fact);
    else if (FUNCTION_WORDS.has(t.key)) skel.push(t.key);
  }
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= skel.length; i++) out.add(hash53Joined(skel, i, i + SHINGLE));
  return [...out];
}

/** Prepositions that join a title to the name of its domain ("envoy for Latin America"). */
const TITLE_PREPOSITIONS = new Set(['for', 'of', 'to', 'at']);
/** Longest title (lower-case words) and longest domain name (capitalized words). */
const MAX_TITLE_WORDS = 3;
const MAX_DOMAIN_WORDS = 4;

/** A domain title: tokens [from, prep) are the title, prep the preposition, [prep + 1, to) the domain. */
export interface DomainTitle {
  from: number;
  prep: number;
  to: number;
}

/**
 * Lower-case titles of a named domain: one to three lower-case content words, a
 * preposition, an optional "the" and a capitalized name ("special envoy for Latin
 * America", "ambassador to the United Nations"). Every prefix of the name counts
 * ("for Latin America" in "for Latin America Mauricio Claver-Carone"), since a name
 * often follows the domain.
 */
export function domainTitles(text: string, tokens: readonly Token[]): DomainTitle[] {
  const out: DomainTitle[] = [];
  for (let k = 1; k < tokens.length - 1; k++) {
    if (tokens[k].cap || !TITLE_PREPOSITIONS.has(tokens[k].key)) continue;
    let j = k + 1;
    if (tokens[j].key === 'the' && !tokens[j].cap) j++;
    let from = k;
    while (from > 0 && k - from < MAX_TITLE_WORDS) {
      const t = tokens[from - 1];
      if (t.cap || FUNCTION_WORDS.has(t.key) || isNumber(t.key) || !isKnownWord(t)) break;
      from--;
    }
    if (from === k) continue;
    for (let to = j + 1; to <= Math.min(tokens.length, j + MAX_DOMAIN_WORDS); to++) {
      const last = tokens[to - 1];
      if (!last.cap || FUNCTION_WORDS.has(last.key) || isNumber(last.key)) break;
      if (!spacedRange(text, tokens, from, to)) break;
      out.push({ from, prep: k, to });
    }
  }
  return out;
}
