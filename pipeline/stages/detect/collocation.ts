/**
 * Signal `collocation`: a word whose neighbours fit a WordNet synonym of it much better
 * than the word itself ("current fiscal year" spun to "stream fiscal year": "current
 * fiscal" is a known pair, "stream fiscal" is not), from the word-pair table of freq.ts.
 * Also gives the share of adjacent content-word pairs never seen in the table, a
 * sentence-level feature of broken phrasing.
 */
import { freqTables, pairCountAt, pairCountFrom } from './freq.js';
import { judgeable } from './rare-synonym.js';
import { profileAt, type Profile } from './synonyms.js';
import { ADJ_PREV, FUNC, HAS_DIGIT, NUM, type Doc, type Finding } from './types.js';

/**
 * Pseudo-count of the pair-fit ratio. Pairs seen fewer than twice are not in the table,
 * so an unseen pair only counts against a word when its expected count is well above that.
 */
const KAPPA = 2;
/** Bound on the context evidence of one word (natural log). */
const CAP_CTX = 4;
export const COLLOCATION_MIN_EVIDENCE = 1.5;

/** Candidates (heaviest first) whose fit is weighed. */
const MAX_CANDIDATES = 6;

/**
 * The first MAX_CANDIDATES candidates of a profile as contextEvidence reads them, in one
 * array: per candidate its weight, fFirst, fLast, lastPrefix, the length of its first
 * word and that word's char codes. Built once per profile: the loop below reads them for
 * every judged word, and one array costs a cache miss or two less per candidate than
 * the candidate objects and their strings.
 */
function packed(p: Profile): Float64Array {
  if (p.packed) return p.packed;
  const cands = p.candidates.slice(0, MAX_CANDIDATES);
  let size = 0;
  for (const c of cands) size += 5 + c.first.length;
  const out = new Float64Array(size);
  let k = 0;
  for (const c of cands) {
    out[k++] = c.weight;
    out[k++] = c.fFirst;
    out[k++] = c.fLast;
    out[k++] = c.lastPrefix;
    out[k++] = c.first.length;
    for (let j = 0; j < c.first.length; j++) out[k++] = c.first.charCodeAt(j);
  }
  return (p.packed = out);
}

/**
 * How much more often the pair (a, b) occurs than if a and b were independent:
 * (n(a b) + κ) / (E + κ), E = n(a)·n(b)/N.
 */
function pairFit(count: number, fa: number, fb: number, total: number): number {
  return (count + KAPPA) / ((fa * fb) / total + KAPPA);
}

/**
 * Context evidence per word: log of [Σ_c weight(c)·fit(c)] / [Σ_c weight(c)] minus
 * log fit(w), where fit multiplies the left and right neighbour fits; 0 where the
 * word is not judged or has no adjacent neighbour.
 */
export function contextEvidence(doc: Doc): Float32Array {
  const n = doc.lower.length;
  const out = new Float32Array(n);
  const t = freqTables();
  const total = t.total;
  const { lower, flags, facts } = doc;
  for (let i = 0; i < n; i++) {
    if (!judgeable(doc, i)) continue;
    const p = profileAt(doc, i);
    if (p.candidates.length === 0) continue;
    const hasLeft = i > 0 && (flags[i] & ADJ_PREV) !== 0 && (flags[i - 1] & (NUM | HAS_DIGIT)) === 0;
    const hasRight = i + 1 < n && (flags[i + 1] & ADJ_PREV) !== 0 && (flags[i + 1] & (NUM | HAS_DIGIT)) === 0;
    if (!hasLeft && !hasRight) continue;
    const fa = hasLeft ? facts[i - 1].count : 0;
    const b = hasRight ? lower[i + 1] : '';
    const fb = hasRight ? facts[i + 1].count : 0;
    const w = lower[i];
    const fw = facts[i].count;
    const aPrefix = hasLeft ? facts[i - 1].prefix : 0;
    let fitW = 1;
    if (hasLeft) fitW *= pairFit(pairCountFrom(aPrefix, w), fa, fw, total);
    if (hasRight) fitW *= pairFit(pairCountFrom(facts[i].prefix, b), fw, fb, total);
    let num = 0;
    let den = 0;
    const cands = packed(p);
    for (let k = 0; k < cands.length; ) {
      const weight = cands[k];
      const len = cands[k + 4];
      let fit = 1;
      if (hasLeft) {
        // pairCountFrom(aPrefix, first), from the packed char codes.
        let h = aPrefix;
        for (let j = k + 5; j < k + 5 + len; j++) h = Math.imul(h ^ cands[j], 0x01000193);
        fit *= pairFit(pairCountAt(h >>> 0), fa, cands[k + 1], total);
      }
      if (hasRight) fit *= pairFit(pairCountFrom(cands[k + 3], b), cands[k + 2], fb, total);
      num += weight * fit;
      den += weight;
      k += 5 + len;
    }
    if (den <= 0) continue;
    const e = Math.log(num / den / fitW);
    out[i] = e > CAP_CTX ? CAP_CTX : e < -CAP_CTX ? -CAP_CTX : e;
  }
  return out;
}

/**
 * Per sentence: adjacent pairs of content words (both known to the table, neither a
 * function word or number) and how many of them were never seen.
 */
export function unseenPairs(doc: Doc): { pairs: Int32Array; unseen: Int32Array } {
  const ns = doc.seg.sentences.length;
  const pairs = new Int32Array(ns);
  const unseen = new Int32Array(ns);
  const { lower, flags, facts } = doc;
  const words = doc.seg.words;
  for (let i = 1; i < lower.length; i++) {
    if ((flags[i] & ADJ_PREV) === 0 || (flags[i] | flags[i - 1]) & (FUNC | NUM | HAS_DIGIT)) continue;
    const fa = facts[i - 1].count;
    const fb = facts[i].count;
    // Only pairs of reasonably common words: for rare words absence says nothing.
    if (fa < 50 || fb < 50) continue;
    const s = words[i].sentence;
    pairs[s]++;
    if (pairCountFrom(facts[i - 1].prefix, lower[i]) === 0) unseen[s]++;
  }
  return { pairs, unseen };
}

export function collocationFindings(doc: Doc, evidence: Float32Array = contextEvidence(doc)): Finding[] {
  const out: Finding[] = [];
  const words = doc.seg.words;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i];
    if (e < COLLOCATION_MIN_EVIDENCE) continue;
    const w = words[i];
    out.push({ start: w.start, end: w.end, signal: 'collocation', strength: Math.min(0.9, 0.25 + 0.15 * (e - COLLOCATION_MIN_EVIDENCE)), sentence: w.sentence });
  }
  return out;
}
