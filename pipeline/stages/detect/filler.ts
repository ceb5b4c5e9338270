/**
 * Signal `filler`: words a spinner inserts next to function words — "has actually
 * approved", "will certainly try", "his very first visit", "our very own", "his/her".
 * The project's own table; each pattern marks the inserted word only. Strengths are
 * lower for patterns careful writers also use ("the very first time", "the very same").
 */
import { ADJ_PREV, FUNC, NUM, type Doc, type Finding } from './types.js';

const HAVE = new Set(['has', 'have', 'had', 'having', "'ve", "'d"]);
/** Adverb inserted after a modal: strength by modal. */
const MODAL_FILLER = new Map([
  ['will certainly', 0.6],
  ["'ll certainly", 0.6],
  ['would certainly', 0.4],
  ['would definitely', 0.5],
  ['will definitely', 0.5],
]);
/** Intensifier inserted before a word ("first" → "very first"): only the intensifier is marked. */
const INTENSIFIED = new Map([
  ['very first', 0.3],
  ['very own', 0.5],
  ['very best', 0.3],
  ['very same', 0.3],
  ['absolute best', 0.5],
  ['exact same', 0.45],
]);
const INTENSIFIERS = new Set([...INTENSIFIED.keys()].map((k) => k.split(' ')[0]));
/** "his/her" for "his": only with a slash between the two. */
const SLASHED = new Map([['his/her', 0.35]]);

/** A word that can follow an auxiliary: a participle, an adverb, or any content word. */
function contentAt(doc: Doc, i: number): boolean {
  return i < doc.lower.length && (doc.flags[i] & ADJ_PREV) !== 0 && (doc.flags[i] & (FUNC | NUM)) === 0;
}

export function fillerFindings(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { lower, flags } = doc;
  const words = doc.seg.words;
  const n = lower.length;
  const push = (a: number, b: number, strength: number): void => {
    out.push({ start: words[a].start, end: words[b].end, signal: 'filler', strength, sentence: words[a].sentence });
  };
  for (let i = 1; i < n; i++) {
    const w = lower[i];
    const prev = lower[i - 1];
    if ((flags[i] & ADJ_PREV) === 0) {
      const slash = w === 'her' ? SLASHED.get(`${prev}/${w}`) : undefined;
      if (slash !== undefined && doc.text.slice(words[i - 1].end, words[i].start) === '/') push(i - 1, i, slash);
      continue;
    }
    if (w === 'actually' && HAVE.has(prev) && (contentAt(doc, i + 1) || (lower[i + 1] === 'been' && (flags[i + 1] & ADJ_PREV) !== 0))) {
      const next = lower[i + 1];
      push(i, i, /(?:ed|en|wn|ne|ught)$/.test(next) || next === 'been' ? 0.7 : 0.6);
      continue;
    }
    const modal = w === 'certainly' || w === 'definitely' ? MODAL_FILLER.get(`${prev} ${w}`) : undefined;
    if (modal !== undefined && contentAt(doc, i + 1)) {
      push(i, i, modal);
      continue;
    }
    if (INTENSIFIERS.has(w) && i + 1 < n && (flags[i + 1] & ADJ_PREV) !== 0) {
      const s = INTENSIFIED.get(`${w} ${lower[i + 1]}`);
      if (s !== undefined) push(i, i, s);
    }
  }
  return out;
}
