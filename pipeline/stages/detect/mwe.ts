/**
 * Fast pre-checks for WordNet multiword expressions, so the signals call the
 * (slower, allocating) lexicon only for word runs that can be one: the set of
 * multiword lemmas and of their first and second words (lexicon/multiword.ts).
 */
import { morph } from '../../lexicon/index.js';
import { multiwordParts } from '../../lexicon/multiword.js';
import { memo } from '../../memos.js';
import type { WordFacts } from './types.js';

/**
 * Can this word be the second word of a phrase that maybeMultiword accepts? A necessary
 * condition only: it must be the second word of some multiword lemma, as written or
 * (as the last word of the phrase) after undoing the plural endings maybeMultiword undoes.
 * Phrases that fail it are skipped without building their string.
 */
export function continuesMultiword(f: WordFacts): boolean {
  return (f.multiwordSeconds ??= multiwordSeconds(f.lower)).length > 0;
}

/** Is this word, exactly, the second word of a multiword lemma (so a longer phrase may follow)? */
export function isSecondOfMultiword(w: string): boolean {
  return multiwordParts().seconds.has(w);
}

const startMemo = memo<string, boolean>(200_000);

/** Can a multiword expression start with this (lower-case, possibly inflected) word? */
export function startsMultiword(w: string): boolean {
  let v = startMemo.get(w);
  if (v !== undefined) return v;
  const { firsts } = multiwordParts();
  v = firsts.has(w);
  // Inflected verb heads: "kept in mind", "makes out".
  if (!v && w.length > 2) for (const a of morph(w)) if (a.pos === 'v' && firsts.has(a.lemma)) v = true;
  startMemo.set(w, v);
  return v;
}

/** multiwordFollowers of a word whose verb lemma is several words: any pair may start a lemma. */
const ANY_FOLLOWERS: ReadonlyArray<ReadonlySet<string>> = Object.freeze([]);

/**
 * The second words that can follow a phrase's first word `w` in a multiword lemma, as
 * maybeMultiword reads the phrase: one set for each first word `w` can stand for, itself
 * or the lemma of a verb form of it ("kept" → "keep").
 */
function multiwordFollowers(w: string): ReadonlyArray<ReadonlySet<string>> {
  const { secondsAfter } = multiwordParts();
  const heads = [w];
  for (const a of morph(w)) {
    if (a.pos !== 'v' || heads.includes(a.lemma)) continue;
    if (a.lemma.includes(' ')) return ANY_FOLLOWERS;
    heads.push(a.lemma);
  }
  return heads.map((h) => secondsAfter.get(h)).filter((after) => after !== undefined);
}

/**
 * The second words of multiword lemmas `w` can stand for: itself, or (as the last word
 * of a phrase) after undoing the plural endings maybeMultiword undoes. Empty when no
 * phrase that maybeMultiword accepts has `w` for its second word.
 */
function multiwordSeconds(w: string): readonly string[] {
  const { seconds } = multiwordParts();
  return [...new Set([w, w.slice(0, -1), w.slice(0, -2), `${w.slice(0, -3)}y`, `${w.slice(0, -3)}man`])].filter((s) => seconds.has(s));
}

/**
 * Can a phrase that maybeMultiword accepts begin with the words `a` `b`? A necessary
 * condition only: some multiword lemma starts with a word `a` can stand for followed by
 * one `b` can stand for (multiwordFollowers, multiwordSeconds, kept on the words'
 * facts). Most pairs that can start and continue a lemma one word at a time start none
 * ("last week"): they are ruled out before a phrase string is built and looked up.
 */
export function maybeMultiwordStart(a: WordFacts, b: WordFacts): boolean {
  const followers = (a.multiwordFollowers ??= multiwordFollowers(a.lower));
  if (followers === ANY_FOLLOWERS) return true;
  if (followers.length === 0) return false;
  const seconds = (b.multiwordSeconds ??= multiwordSeconds(b.lower));
  for (const after of followers) for (const s of seconds) if (after.has(s)) return true;
  return false;
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
