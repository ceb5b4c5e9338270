import { acceptedAlignment, alignUnits, type Alignment } from '../align/align.js';
import { lexiconJudge } from '../align/judge.js';
import { sameKeys, type Token } from '../align/tokens.js';
import type { RefUnit } from '../reference.js';
import type { OrderIndex } from './order.js';

/**
 * Sentences within a document's known sources. When several sentences of a spun
 * document aligned with one reference article, that article is its source; a sentence
 * of the spun document that found no alignment is compared with that article's
 * sentences of about its length, and taken as the rendering of exactly one of them:
 * - by the general alignment test (three anchors, 45% of the words, differences
 *   explained), which the skeleton index did not get to run because the two share too
 *   few skeleton shingles ("His gestures plainly denoted his intense fatigue." for "His
 *   motions plainly denoted his extreme exhaustion."); or
 * - for a short sentence ("Individuals were losing chores."), too short for that test,
 *   when every difference is a WordNet synonym or a spinner filler and the two share a
 *   content word, or when the two are the same words but for one close relative, word
 *   for word; looser matches ("bases" for "feet") would take unrelated short sentences.
 * Recognised here only because the source is already known, and only when a single
 * sentence of the sources qualifies.
 */

export interface Matched {
  ref: RefUnit;
  al: Alignment;
}

/**
 * Aligned units with one reference article that make it a source of the document. Two:
 * with three, seeds 1-3 and 5-8 of `make eval` made 10 fewer helpful edits and as many harmful ones.
 */
const MIN_ALIGNED = 2;
/** Sources tried per unit, most aligned first. */
const MAX_SOURCES = 2;
/** Longest unit (in tokens) matched by synonyms alone; longer ones need the general test. */
const MAX_SHORT = 14;
/**
 * Content words a unit must share verbatim with a sentence of its sources to pass there
 * by the general test. Tried against every sentence of an article, not only the few the
 * index retrieves, the test finds sentences built alike: "This is not who we are." and
 * "This is not us.", "America is not good because it is great" and "America is great
 * because it is good" (the first pair shares no content word, the second one).
 */
const MIN_CONTENT_ANCHORS = 2;
/** A short unit that is the same words but for one close relative: its anchors, and their share of it. */
const SAME_WORDS_ANCHORS = 3;
const SAME_WORDS_RATIO = 0.6;

export function matchInSources(units: ReadonlyArray<{ tokens: readonly Token[] }>, best: Array<Matched | undefined>, order: OrderIndex): void {
  const aligned = new Map<string, number>();
  for (const b of best) if (b) aligned.set(b.ref.docId, (aligned.get(b.ref.docId) ?? 0) + 1);
  const sources = [...aligned]
    .filter(([, n]) => n >= MIN_ALIGNED)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_SOURCES)
    .map(([id]) => id);
  if (sources.length === 0) return;
  units.forEach((u, i) => {
    const n = u.tokens.length;
    if (best[i] || n < 2) return;
    const keys = new Set(u.tokens.map((t) => t.key));
    let found: Matched | undefined;
    let ties = 0;
    for (const id of sources) {
      for (const ref of order.unitsOf(id)) {
        const m = ref.tokens.length;
        if (Math.abs(m - n) > Math.max(2, 0.3 * n) || !ref.tokens.some((t) => keys.has(t.key))) continue;
        // A short unit is aligned in full once (both tests read it); a longer one needs
        // only the general test, which turns most candidates down before judging them.
        const whole = n <= MAX_SHORT ? alignUnits(u.tokens, ref.tokens, lexiconJudge) : acceptedAlignment(u.tokens, ref.tokens, lexiconJudge);
        if (!whole) continue;
        const al = whole.accepted && whole.contentAnchors >= MIN_CONTENT_ANCHORS ? whole : n <= MAX_SHORT ? shortMatch(whole) : undefined;
        if (!al) continue;
        // The same words twice (a sentence, and the part of a quotation that is that
        // sentence) are one candidate, not a tie.
        if (found && al.score === found.al.score) {
          if (!sameKeys(ref.tokens, found.ref.tokens)) ties++;
        } else if (!found || al.score > found.al.score) {
          found = { ref, al: { ...al, accepted: true } };
          ties = 0;
        }
      }
    }
    // Two sentences as good as each other: neither is known to be the source.
    if (found && ties === 0) best[i] = found;
  });
}

/**
 * The alignment of a short unit, when a content word anchors it and every difference is an
 * interior synonym or filler; or when the two are the same words but for one close
 * relative, word for word ("It was his death touch." / "It was his death stroke."):
 * three anchors or more, most of the unit.
 */
function shortMatch(al: Alignment): Alignment | undefined {
  if (al.contentAnchors === 0 || al.pairs.length === 0 || !al.pairs.every((p) => p.interior)) return undefined;
  if (al.pairs.every((p) => p.kind === 'synonym' || p.kind === 'filler')) return al;
  const related = al.pairs.filter((p) => p.kind === 'related').length;
  // Word for word: a run at the unit's edge that takes in more of the reference ("large"
  // against "colossal. this he", a sentence the segmenter did not split) is not one word.
  const wordForWord = al.pairs.every((p) => p.a[1] - p.a[0] === p.b[1] - p.b[0] && (p.kind === 'synonym' || p.kind === 'related'));
  const oneRelative = related === 1 && wordForWord;
  return oneRelative && al.anchors >= SAME_WORDS_ANCHORS && al.anchorRatio >= SAME_WORDS_RATIO ? al : undefined;
}
