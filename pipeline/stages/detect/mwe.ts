/**
 * Fast pre-checks for WordNet multiword expressions, so the signals call the
 * (slower, allocating) lexicon only for word runs that can be one: the set of
 * multiword lemmas and of their first and second words (lexicon/multiword.ts).
 */
import { morph } from '../../lexicon/index.js';
import { multiwordParts } from '../../lexicon/multiword.js';

const secondMemo = new Map<string, boolean>();

/**
 * Can this word be the second word of a phrase that maybeMultiword accepts? A necessary
 * condition only: it must be the second word of some multiword lemma, as written or
 * (as the last word of the phrase) after undoing the plural endings maybeMultiword undoes.
 * Phrases that fail it are skipped without building their string.
 */
export function continuesMultiword(w: string): boolean {
  let v = secondMemo.get(w);
  if (v !== undefined) return v;
  const s = multiwordParts().seconds;
  v = s.has(w) || s.has(w.slice(0, -1)) || s.has(w.slice(0, -2)) || s.has(`${w.slice(0, -3)}y`) || s.has(`${w.slice(0, -3)}man`);
  if (secondMemo.size > 200_000) secondMemo.clear();
  secondMemo.set(w, v);
  return v;
}

/** Is this word, exactly, the second word of a multiword lemma (so a longer phrase may follow)? */
export function isSecondOfMultiword(w: string): boolean {
  return multiwordParts().seconds.has(w);
}

const startMemo = new Map<string, boolean>();

/** Can a multiword expression start with this (lower-case, possibly inflected) word? */
export function startsMultiword(w: string): boolean {
  let v = startMemo.get(w);
  if (v !== undefined) return v;
  const { firsts } = multiwordParts();
  v = firsts.has(w);
  // Inflected verb heads: "kept in mind", "makes out".
  if (!v && w.length > 2) for (const a of morph(w)) if (a.pos === 'v' && firsts.has(a.lemma)) v = true;
  if (startMemo.size > 200_000) startMemo.clear();
  startMemo.set(w, v);
  return v;
}

/**
 * Could `phrase` (lower case, single spaces) be a WordNet multiword lemma or an
 * inflection of one? Cheap and permissive: an exact lemma, or one after undoing a
 * plural/verb ending on the last word or an inflected first word. Callers confirm with
 * the lexicon.
 */
export function maybeMultiword(phrase: string): boolean {
  const { lemmas, firsts } = multiwordParts();
  if (lemmas.has(phrase)) return true;
  const last = phrase.lastIndexOf(' ');
  const tail = phrase.slice(last + 1);
  if (tail.length > 3 && tail.endsWith('s')) {
    const head = phrase.slice(0, last + 1);
    if (lemmas.has(head + tail.slice(0, -1))) return true;
    if (tail.endsWith('es') && lemmas.has(head + tail.slice(0, -2))) return true;
    if (tail.endsWith('ies') && lemmas.has(`${head + tail.slice(0, -3)}y`)) return true;
    if (tail.endsWith('men') && lemmas.has(`${head + tail.slice(0, -3)}man`)) return true;
  }
  const first = phrase.indexOf(' ');
  const w = phrase.slice(0, first);
  if (!firsts.has(w) && startsMultiword(w)) {
    const rest = phrase.slice(first);
    for (const a of morph(w)) if (a.pos === 'v' && lemmas.has(a.lemma + rest)) return true;
  }
  return false;
}
