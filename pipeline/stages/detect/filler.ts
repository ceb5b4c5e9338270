/**
 * Signal `filler`: words a spinner inserts next to function words — "has actually
 * approved", "will certainly try", "his very first visit", "our very own", "his/her".
 * The patterns and their strengths are the project's fillers (`lexicon/fillers.ts`);
 * each pattern marks the inserted word only. Strengths are lower for patterns careful
 * writers also use ("the very first time", "the very same").
 */
import { AFTER_AUXILIARY, AFTER_AUXILIARY_BY_PAIR, BEFORE_WORD, BEFORE_WORD_BY_PAIR, SLASHED } from '../../lexicon/fillers.js';
import { ADJ_PREV, FUNC, NUM, type Doc, type Finding } from './types.js';

const ADVERBS = new Set(AFTER_AUXILIARY.map((f) => f.filler));
const INTENSIFIERS = new Set(BEFORE_WORD.map((f) => f.filler));
/** Second halves of the slashed pairs ("her" of "his/her"). */
const SLASH_SECONDS = new Set([...SLASHED.keys()].map((k) => k.slice(k.indexOf('/') + 1)));

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
      const slash = SLASH_SECONDS.has(w) ? SLASHED.get(`${prev}/${w}`) : undefined;
      if (slash !== undefined && doc.text.slice(words[i - 1].end, words[i].start) === '/') push(i - 1, i, slash);
      continue;
    }
    // Adverb inserted after an auxiliary ("has actually").
    const aux = ADVERBS.has(w) ? AFTER_AUXILIARY_BY_PAIR.get(`${prev} ${w}`) : undefined;
    if (aux?.beforeParticiple !== undefined && (contentAt(doc, i + 1) || (lower[i + 1] === 'been' && (flags[i + 1] & ADJ_PREV) !== 0))) {
      // A perfect auxiliary: "been" may follow, and a past participle makes the filler likelier.
      const next = lower[i + 1];
      push(i, i, /(?:ed|en|wn|ne|ught)$/.test(next) || next === 'been' ? aux.beforeParticiple : aux.strength);
      continue;
    }
    if (aux !== undefined && aux.beforeParticiple === undefined && contentAt(doc, i + 1)) {
      push(i, i, aux.strength);
      continue;
    }
    if (INTENSIFIERS.has(w) && i + 1 < n && (flags[i + 1] & ADJ_PREV) !== 0) {
      // Intensifier inserted before a word ("very first"): only the intensifier is marked.
      const f = BEFORE_WORD_BY_PAIR.get(`${w} ${lower[i + 1]}`);
      if (f !== undefined) push(i, i, f.strength);
    }
  }
  return out;
}
