/**
 * Signal `filler`: the words a spinner inserts around function words — "has actually
 * approved", "will certainly try", "his very first visit", "is additionally expected".
 * The project's own table; each pattern marks the inserted word(s) only. Strengths are
 * lower for patterns that careful writers also use ("the very first time").
 */
import { ADJ_PREV, FUNC, NUM, SENT_START, type Doc, type Finding } from './types.js';

const HAVE = new Set(['has', 'have', 'had', 'having', "'ve", "'d"]);
const MODAL = new Set(['will', 'would', "'ll"]);
/** Words after which "actually"/"certainly" is a spinner's filler rather than the writer's. */
const VERY_HEAD = new Map([
  ['first', 0.3],
  ['own', 0.3],
]);
/** Adverbs a spinner puts where "also" was. */
const ALSO_LIKE = new Map([
  ['additionally', 0.55],
  ['furthermore', 0.25],
]);
/** Multiword replacements of short function phrases: phrase → strength (all words marked). */
const PHRASES: ReadonlyArray<readonly [string[], number]> = [
  [['up', 'until', 'now'], 0.45],
  [['in', 'advance', 'of'], 0.35],
  [['as', 'an', 'example'], 0.3],
  [['his', 'her'], 0.35],
  [['a', 'great', 'deal', 'more'], 0.2],
];

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
    if ((flags[i] & ADJ_PREV) === 0) continue;
    const prev = lower[i - 1];
    if (w === 'actually' && HAVE.has(prev) && contentAt(doc, i + 1)) {
      const next = lower[i + 1];
      push(i, i, /(?:ed|en|wn|ne|ught)$/.test(next) || next === 'been' ? 0.7 : 0.55);
    } else if (w === 'certainly' && MODAL.has(prev) && contentAt(doc, i + 1)) {
      push(i, i, 0.5);
    } else if (w === 'very') {
      // "very first", "very own": only the intensifier is inserted.
      const s = i + 1 < n && (flags[i + 1] & ADJ_PREV) !== 0 ? VERY_HEAD.get(lower[i + 1]) : undefined;
      if (s !== undefined) push(i, i, s);
    } else if (ALSO_LIKE.has(w) && (flags[i] & SENT_START) === 0) {
      // Mid-sentence, in the slot of "also" ("is additionally expected").
      push(i, i, ALSO_LIKE.get(w)!);
    }
  }
  for (let i = 0; i < n; i++) {
    for (const [p, s] of PHRASES) {
      if (lower[i] !== p[0] || i + p.length > n) continue;
      let ok = true;
      for (let k = 1; k < p.length && ok; k++) ok = lower[i + k] === p[k];
      // "his/her" is written with a slash: only a slash between the two words.
      if (ok && p[0] === 'his') ok = doc.text.slice(words[i].end, words[i + 1].start) === '/';
      else if (ok) for (let k = 1; k < p.length && ok; k++) ok = (flags[i + k] & ADJ_PREV) !== 0;
      if (ok) push(i, i + p.length - 1, s);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
