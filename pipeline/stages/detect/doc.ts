/**
 * Builds the `Doc` the signals share: segmentation (segment.ts) plus, per word, its
 * lower-case text and a few flags, computed once.
 */
import { isFunctionWord, isNumberWord } from '../../lexicon/index.js';
import { segment, type Segmentation } from '../segment.js';
import { freqTables, pairPrefix } from './freq.js';
import { ADJ_PREV, ALLCAPS, CAP, FUNC, HAS_DIGIT, NUM, SENT_START, type Doc, type WordFacts } from './types.js';
import { memo } from '../../memos.js';

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\d/;
/** Characters that may stand between a sentence start and its first real word. */
const OPENERS = /^[\s"“‘'(\[—–-]*$/;

interface WordInfo {
  facts: WordFacts;
  flags: number;
}
const wordMemo = memo<string, WordInfo>(500_000);
/** Facts by lower-case form, so "The" and "the" share one object (and one profile). */
const factsMemo = memo<string, WordFacts>(500_000);

/** The facts of a lower-case form (memoised). */
function factsOf(l: string): WordFacts {
  let facts = factsMemo.get(l);
  if (!facts) {
    // Every field present from the start: one hidden class for all facts objects.
    facts = { lower: l, count: freqTables().count.get(l) ?? 0, prefix: pairPrefix(l), profile: undefined, startsMultiword: undefined, multiwordFollowers: undefined, multiwordSeconds: undefined };
    factsMemo.set(l, facts);
  }
  return facts;
}

/** The facts of a word text and its context-free flags (memoised). */
function wordInfo(t: string): WordInfo {
  let info = wordMemo.get(t);
  if (info) return info;
  const l = t.toLowerCase().replace(/’/g, "'");
  let f = 0;
  if (UPPER.test(t[0])) {
    f |= CAP;
    if (t.length > 1 && !LOWER.test(t)) f |= ALLCAPS;
  }
  if (DIGIT.test(t)) f |= HAS_DIGIT;
  if (isFunctionWord(l)) f |= FUNC;
  if (isNumberWord(l)) f |= NUM;
  info = { facts: factsOf(l), flags: f };
  wordMemo.set(t, info);
  return info;
}

export function makeDoc(text: string, seg: Segmentation = segment(text)): Doc {
  const words = seg.words;
  const n = words.length;
  const lower = new Array<string>(n);
  const facts = new Array<WordFacts>(n);
  const flags = new Uint8Array(n);
  const sentenceFirst = new Int32Array(seg.sentences.length + 1);
  let si = -1;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const info = wordInfo(w.text);
    facts[i] = info.facts;
    lower[i] = info.facts.lower;
    let f = info.flags;
    if (w.sentence !== si) {
      for (let s = si + 1; s <= w.sentence; s++) sentenceFirst[s] = i;
      si = w.sentence;
      if (OPENERS.test(text.slice(seg.sentences[si].start, w.start))) f |= SENT_START;
    } else {
      const prev = words[i - 1];
      let only = prev.end < w.start;
      for (let k = prev.end; k < w.start && only; k++) {
        const ch = text.charCodeAt(k);
        if (ch !== 32 && ch !== 9 && ch !== 160) only = false;
      }
      if (only) f |= ADJ_PREV;
      // After a colon or an opening quote a new clause starts with a capital.
      if (!only && f & CAP) {
        const gap = text.slice(prev.end, w.start);
        if (/[:"“]\s*$/.test(gap) || /^\s*[—–-]+\s*["“]/.test(gap)) f |= SENT_START;
      }
    }
    flags[i] = f;
  }
  for (let s = si + 1; s <= seg.sentences.length; s++) sentenceFirst[s] = n;
  return { text, seg, lower, flags, facts, sentenceFirst };
}
