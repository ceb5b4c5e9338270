/**
 * Signal `rare-expression`: a lower-case multiword WordNet expression that general
 * English almost never uses ("column inches", "regional anesthesia", "period of
 * time"). Spinners draw such expressions from synsets as readily as single words;
 * writers use the common ones ("at least", "take place"), which the frequency text has.
 * Noun, adjective and adverb expressions only: phrasal verbs are everyday English.
 */
import { morph } from '../../lexicon/index.js';
import { freqTables } from './freq.js';
import { maybeMultiword, startsMultiword } from './mwe.js';
import { profile } from './synonyms.js';
import { wordnetName } from './titles.js';
import { ADJ_PREV, CAP, FUNC, HAS_DIGIT, NUM, SENT_START, type Doc, type Finding } from './types.js';

const MAX_WORDS = 3;
/** An expression seen this often in the frequency text is ordinary. */
const COMMON = 2;
/** …and one with a much more common synonym (synonyms.ts) is suspicious. */
const MIN_EVIDENCE = 3;

const memo = new Map<string, number>();

/** 1 when `phrase` is a rare lower-case WordNet expression, 0 otherwise (memoised). */
function rareExpression(phrase: string): number {
  let v = memo.get(phrase);
  if (v !== undefined) return v;
  v = 0;
  const counts = freqTables().count;
  const analyses = maybeMultiword(phrase) ? morph(phrase) : [];
  if (analyses.length > 0) {
    let seen = counts.get(phrase) ?? 0;
    let lowerCase = false;
    for (const a of analyses) {
      seen = Math.max(seen, counts.get(a.lemma) ?? 0);
      // Phrasal verbs ("cried out", "hold up") are everyday English, however rare here.
      if (a.pos !== 'v' && wordnetName(a.lemma) === 0) lowerCase = true;
    }
    if (lowerCase && seen < COMMON && profile(phrase).evidence >= MIN_EVIDENCE) v = 1;
  }
  if (memo.size > 200_000) memo.clear();
  memo.set(phrase, v);
  return v;
}

export function expressionFindings(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { lower, flags } = doc;
  const words = doc.seg.words;
  const n = lower.length;
  for (let i = 0; i + 1 < n; i++) {
    if (flags[i] & (FUNC | NUM | HAS_DIGIT) || (flags[i] & CAP && !(flags[i] & SENT_START))) continue;
    if (!startsMultiword(lower[i])) continue;
    let phrase = lower[i];
    let found = -1;
    for (let j = i + 1; j < Math.min(n, i + MAX_WORDS); j++) {
      if (!(flags[j] & ADJ_PREV) || flags[j] & (CAP | NUM | HAS_DIGIT)) break;
      phrase += ` ${lower[j]}`;
      if (rareExpression(phrase)) found = j;
    }
    if (found > 0) {
      out.push({ start: words[i].start, end: words[found].end, signal: 'rare-expression', strength: 0.5, sentence: words[i].sentence });
      i = found;
    }
  }
  return out;
}
