/**
 * Signal `rare-expression`: a lower-case multiword WordNet expression that general
 * English almost never uses ("column inches", "regional anesthesia", "period of
 * time"). Spinners draw such expressions from synsets as readily as single words;
 * writers use the common ones ("at least", "take place"), which the frequency text has.
 * Noun, adjective and adverb expressions only: phrasal verbs are everyday English.
 */
import { morph } from '../../lexicon/index.js';
import { freqTables } from './freq.js';
import { continuesMultiword, isSecondOfMultiword, maybeMultiword, maybeMultiwordStart, startsMultiword } from './mwe.js';
import { profile } from './synonyms.js';
import { wordnetName } from './titles.js';
import { ADJ_PREV, CAP, FUNC, HAS_DIGIT, NUM, SENT_START, type Doc, type Finding } from './types.js';
import { onForgetMemos } from '../../memos.js';

const MAX_WORDS = 3;
/** An expression seen this often in the frequency text is ordinary. */
const COMMON = 2;
/** …and one with a much more common synonym (synonyms.ts) is suspicious. */
const MIN_EVIDENCE = 3;

/**
 * Memo of rareExpression by word: first word → next word → { value, longer phrases }.
 * Keyed by the document's interned lower-case words, so a hit builds no phrase string.
 */
interface MemoNode {
  value: number;
  next?: Map<string, MemoNode>;
}
const roots = new Map<string, Map<string, MemoNode>>();
let memoSize = 0;
onForgetMemos(() => {
  roots.clear();
  memoSize = 0;
});

/** The memo node of `prefix` + `word` (the phrase `text`), computed on first sight. */
function child(next: Map<string, MemoNode>, word: string, text: string): MemoNode {
  let node = next.get(word);
  if (!node) {
    node = { value: rareExpression(text) };
    next.set(word, node);
    memoSize++;
  }
  return node;
}

/** 1 when `phrase` is a rare lower-case WordNet expression, 0 otherwise. */
function rareExpression(phrase: string): number {
  let v = 0;
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
  return v;
}

export function expressionFindings(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { lower, flags, facts } = doc;
  const words = doc.seg.words;
  const n = lower.length;
  for (let i = 0; i + 1 < n; i++) {
    if (flags[i] & (FUNC | NUM | HAS_DIGIT) || (flags[i] & CAP && !(flags[i] & SENT_START))) continue;
    if (!(facts[i].startsMultiword ??= startsMultiword(lower[i]))) continue;
    if (!continuesMultiword(facts[i + 1])) continue;
    // The loop below would stop at once; every phrase it tries starts with words i and i + 1.
    if (!(flags[i + 1] & ADJ_PREV) || flags[i + 1] & (CAP | NUM | HAS_DIGIT) || !maybeMultiwordStart(facts[i], facts[i + 1])) continue;
    if (memoSize > 200_000) {
      roots.clear();
      memoSize = 0;
    }
    let phrase = lower[i];
    let found = -1;
    let node: MemoNode | undefined;
    for (let j = i + 1; j < Math.min(n, i + MAX_WORDS); j++) {
      if (!(flags[j] & ADJ_PREV) || flags[j] & (CAP | NUM | HAS_DIGIT)) break;
      // A three-word expression has the next word, as written, for its second.
      if (j > i + 1 && !isSecondOfMultiword(lower[i + 1])) break;
      phrase += ` ${lower[j]}`;
      let next = node ? (node.next ??= new Map()) : roots.get(lower[i]);
      if (!next) roots.set(lower[i], (next = new Map()));
      node = child(next, lower[j], phrase);
      if (node.value) found = j;
    }
    if (found > 0) {
      out.push({ start: words[i].start, end: words[found].end, signal: 'rare-expression', strength: 0.5, sentence: words[i].sentence });
      i = found;
    }
  }
  return out;
}
