/**
 * Pure metric functions for `make eval` (unit-tested in tests/eval-metrics.test.ts).
 *
 * Vocabulary:
 *   original D — the clean text; spun S — D after the spinner; restored T — S after the
 *   pipeline's applied edits. Offsets are UTF-16 code units, end exclusive.
 *   A `Pair` says that [a0,a1) of one text corresponds to [b0,b1) of another; outside
 *   the listed pairs the two texts are identical, so positions map by a running delta.
 */
import { diffArrays } from 'diff';
import { tokenize, tokenStrings, type Span } from './text.js';

// ---------------------------------------------------------------- correspondences

export interface Pair {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** A replacement of `[start, end)` by `after` (a spinner change or a pipeline edit). */
export interface Replacement {
  start: number;
  end: number;
  after: string;
  before?: string;
}

const byStart = (x: { start: number; end: number }, y: { start: number; end: number }): number =>
  x.start - y.start || x.end - y.end;

/**
 * Applies non-overlapping replacements to `text`; returns the new text and the pairs
 * (a = `text`, b = the result). Throws on overlap, or when a replacement's `before`
 * is given and does not match the text.
 */
export function applyReplacements(text: string, reps: readonly Replacement[]): { text: string; pairs: Pair[] } {
  const sorted = [...reps].sort(byStart);
  let out = '';
  let at = 0;
  const pairs: Pair[] = [];
  for (const r of sorted) {
    if (r.start < at || r.end < r.start || r.end > text.length) {
      throw new Error(`replacement [${r.start},${r.end}) overlaps another or is out of range`);
    }
    if (r.before !== undefined && text.slice(r.start, r.end) !== r.before) {
      throw new Error(`replacement at ${r.start}: before ${JSON.stringify(r.before)} does not match the text`);
    }
    out += text.slice(at, r.start);
    const b0 = out.length;
    out += r.after;
    pairs.push({ a0: r.start, a1: r.end, b0, b1: out.length });
    at = r.end;
  }
  return { text: out + text.slice(at), pairs };
}

export function invertPairs(pairs: readonly Pair[]): Pair[] {
  return pairs.map((p) => ({ a0: p.b0, a1: p.b1, b0: p.a0, b1: p.a1 })).sort((x, y) => x.a0 - y.a0 || x.a1 - y.a1);
}

/**
 * Pairs between two texts from a token diff (used when a spinner's change list does
 * not reproduce its output). Adjacent removed/added runs form one pair.
 */
export function diffPairs(a: string, b: string): Pair[] {
  const split = (s: string): string[] => s.match(/\s+|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
  const parts = diffArrays(split(a), split(b));
  const pairs: Pair[] = [];
  let ia = 0;
  let ib = 0;
  let open: Pair | null = null;
  for (const part of parts) {
    const len = part.value.join('').length;
    if (!part.added && !part.removed) {
      if (open) pairs.push(open);
      open = null;
      ia += len;
      ib += len;
      continue;
    }
    open ??= { a0: ia, a1: ia, b0: ib, b1: ib };
    if (part.removed) {
      ia += len;
      open.a1 = ia;
    } else {
      ib += len;
      open.b1 = ib;
    }
  }
  if (open) pairs.push(open);
  return pairs;
}

/**
 * Maps a position of text A to text B. A position strictly inside a pair snaps outward
 * (to b0 for a span's start, b1 for its end). A zero-width pair at `p` (an insertion
 * into B) falls inside a span that starts at `p` and outside a span that ends at `p`.
 */
export function mapPosition(pairs: readonly Pair[], p: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const q of pairs) {
    if (q.a0 < p && p < q.a1) return side === 'start' ? q.b0 : q.b1;
    const before = q.a1 < p || (q.a1 === p && q.a0 < q.a1);
    if (!before) break;
    delta = q.b1 - q.a1;
  }
  return p + delta;
}

export function mapSpan(pairs: readonly Pair[], span: Span): Span {
  return { start: mapPosition(pairs, span.start, 'start'), end: mapPosition(pairs, span.end, 'end') };
}

/** Grows `span` until no interval straddles its boundaries (overlaps it without lying inside). */
export function expandSpan(span: Span, intervals: readonly Span[]): Span {
  let { start, end } = span;
  for (let changed = true; changed; ) {
    changed = false;
    for (const iv of intervals) {
      if (iv.start < end && iv.end > start && (iv.start < start || iv.end > end)) {
        start = Math.min(start, iv.start);
        end = Math.max(end, iv.end);
        changed = true;
      }
    }
  }
  return { start, end };
}

/** Whether an interval touches a span: overlaps it, or is a zero-width point inside it (ends included). */
export function touches(iv: Span, span: Span): boolean {
  return iv.start === iv.end ? span.start <= iv.start && iv.start <= span.end : iv.start < span.end && iv.end > span.start;
}

// ---------------------------------------------------------------- word errors

/** Levenshtein distance between two sequences (unit costs). */
export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  let ea = a.length;
  let eb = b.length;
  while (ea > lo && eb > lo && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  const x = a.slice(lo, ea);
  const y = b.slice(lo, eb);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  let cur = new Array<number>(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** Word error count: word-level Levenshtein distance between the tokens of `hyp` and `ref` (punctuation marks are tokens). */
export function wordErrors(hyp: string, ref: string): number {
  return levenshtein(tokenStrings(hyp), tokenStrings(ref));
}

/** 1 − restored/spun; null when the spun text had no error (nothing to reduce). */
export function tokenErrorReduction(spunErrors: number, restoredErrors: number): number | null {
  return spunErrors === 0 ? null : 1 - restoredErrors / spunErrors;
}

// ---------------------------------------------------------------- classification

export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * tp, 2 * tp + fp + fn);
  return { tp, fp, fn, precision, recall, f1 };
}

export interface Confusion extends PRF {
  n: number;
  tn: number;
  accuracy: number | null;
  /** False-positive rate: predicted positive among the true negatives (clean documents flagged). */
  fpr: number | null;
}

export function confusion(items: ReadonlyArray<{ truth: boolean; predicted: boolean }>): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { truth, predicted } of items) {
    if (truth && predicted) tp++;
    else if (!truth && predicted) fp++;
    else if (truth) fn++;
    else tn++;
  }
  return { n: items.length, ...prf(tp, fp, fn), tn, accuracy: ratio(tp + tn, items.length), fpr: ratio(fp, fp + tn) };
}

export interface SentenceFinding extends Span {
  score: number;
}

/**
 * Which truth sentences the pipeline flagged: a sentence counts as flagged when the
 * findings with score ≥ `threshold` cover at least `minCoverage` of its characters
 * (so a pipeline that splits or merges sentences slightly differently is still matched).
 */
export function flaggedSentences(
  truth: readonly Span[],
  findings: readonly SentenceFinding[],
  threshold = 0.5,
  minCoverage = 0.5,
): boolean[] {
  const flagged = findings.filter((f) => f.score >= threshold && f.end > f.start).sort(byStart);
  return truth.map((s) => {
    const len = s.end - s.start;
    if (len <= 0) return false;
    let covered = 0;
    let at = s.start;
    for (const f of flagged) {
      const a = Math.max(at, f.start);
      const b = Math.min(s.end, f.end);
      if (b > a) {
        covered += b - a;
        at = b;
      }
    }
    return covered / len >= minCoverage;
  });
}

// ---------------------------------------------------------------- restoration

export interface SentenceErrors {
  /** The span of S that was compared (the sentence, grown over straddling changes/edits). */
  spun: Span;
  original: Span;
  restored: Span;
  spunErrors: number;
  restoredErrors: number;
}

/**
 * Word errors of one spun sentence before and after restoration.
 * `spinPairs`: a = spun S, b = original D. `editPairs`: a = S, b = restored T.
 * The sentence span is first grown over any change or edit that straddles it, then
 * mapped to D and to T, and both versions are compared with D's wording.
 */
export function sentenceErrors(
  original: string,
  spun: string,
  restored: string,
  spinPairs: readonly Pair[],
  editPairs: readonly Pair[],
  sentence: Span,
): SentenceErrors {
  const grown = expandSpan(sentence, [
    ...spinPairs.map((p) => ({ start: p.a0, end: p.a1 })),
    ...editPairs.map((p) => ({ start: p.a0, end: p.a1 })),
  ]);
  const o = mapSpan(spinPairs, grown);
  const r = mapSpan(editPairs, grown);
  const ref = original.slice(o.start, o.end);
  return {
    spun: grown,
    original: o,
    restored: r,
    spunErrors: wordErrors(spun.slice(grown.start, grown.end), ref),
    restoredErrors: wordErrors(restored.slice(r.start, r.end), ref),
  };
}

export interface ErrorTally {
  sentences: number;
  /** Sentences with at least one error in S. */
  wrongSentences: number;
  /** Of those, how many the restoration made exactly right. */
  fixedSentences: number;
  /** Sentences that were right in S and are wrong after restoration. */
  brokenSentences: number;
  spunErrors: number;
  restoredErrors: number;
  /** 1 − restoredErrors/spunErrors. */
  reduction: number | null;
}

export function tallyErrors(rows: ReadonlyArray<Pick<SentenceErrors, 'spunErrors' | 'restoredErrors'>>): ErrorTally {
  let spunErrors = 0;
  let restoredErrors = 0;
  let wrongSentences = 0;
  let fixedSentences = 0;
  let brokenSentences = 0;
  for (const r of rows) {
    spunErrors += r.spunErrors;
    restoredErrors += r.restoredErrors;
    if (r.spunErrors > 0) {
      wrongSentences++;
      if (r.restoredErrors === 0) fixedSentences++;
    } else if (r.restoredErrors > 0) brokenSentences++;
  }
  return {
    sentences: rows.length,
    wrongSentences,
    fixedSentences,
    brokenSentences,
    spunErrors,
    restoredErrors,
    reduction: tokenErrorReduction(spunErrors, restoredErrors),
  };
}

// ---------------------------------------------------------------- edits

export interface EditQuality {
  edits: number;
  /** Units the pipeline changed: tokens of S an edit overlaps (a pure insertion is one unit). */
  editedUnits: number;
  /** Of those, units that were wrong in S (inside or next to a spinner change). */
  justifiedUnits: number;
  /** justified/edited: changed-but-already-right words are false edits. */
  precision: number | null;
  /** Units the spinner made wrong in S (its changed tokens, and one per pure deletion). */
  wrongUnits: number;
  /** Of those, how many some edit touched. */
  touchedWrongUnits: number;
  recall: number | null;
  /** Edits that bring the local wording closer to D / leave it as far / take it further. */
  helpful: number;
  neutral: number;
  harmful: number;
}

const onlySpace = (s: string): boolean => /^\s*$/.test(s);

/** Whether point `q` of `text` is inside `iv` or separated from it only by whitespace. */
function nearPoint(text: string, q: number, iv: Span): boolean {
  if (iv.start <= q && q <= iv.end) return true;
  return q < iv.start ? onlySpace(text.slice(q, iv.start)) : onlySpace(text.slice(iv.end, q));
}

/**
 * Quality of the pipeline's applied edits on a spun text, against the spinner's changes.
 * `spinPairs`: a = spun S, b = original D. `edits`: offsets into S.
 */
export function editQuality(
  original: string,
  spun: string,
  spinPairs: readonly Pair[],
  edits: readonly Replacement[],
): EditQuality {
  const spinInS = spinPairs.map((p) => ({ start: p.a0, end: p.a1 }));
  const tokens = tokenize(spun);
  const wrongToken = tokens.map((t) => spinInS.some((iv) => iv.start < iv.end && iv.start < t.end && iv.end > t.start));
  const deletions = spinInS.filter((iv) => iv.start === iv.end);
  const touchedToken = new Array<boolean>(tokens.length).fill(false);
  const touchedDeletion = new Array<boolean>(deletions.length).fill(false);

  let editedUnits = 0;
  let justifiedUnits = 0;
  let helpful = 0;
  let neutral = 0;
  let harmful = 0;
  for (const e of edits) {
    const overlapped: number[] = [];
    tokens.forEach((t, i) => {
      if (e.start < t.end && e.end > t.start) overlapped.push(i);
    });
    if (overlapped.length > 0) {
      editedUnits += overlapped.length;
      for (const i of overlapped) {
        touchedToken[i] = true;
        if (wrongToken[i]) justifiedUnits++;
      }
    } else {
      editedUnits += 1;
      if (spinInS.some((iv) => nearPoint(spun, e.start, iv) || nearPoint(spun, e.end, iv))) justifiedUnits++;
    }
    deletions.forEach((d, i) => {
      if (nearPoint(spun, d.start, e)) touchedDeletion[i] = true;
    });

    // Effect of this edit alone on the local wording.
    // The edit's span, grown over the spinner changes it overlaps and the deletions it
    // touches (separated only by whitespace), is compared with D's wording there.
    const local = expandSpan({ start: e.start, end: e.end }, spinInS);
    const near = spinPairs.filter((p) => p.a0 === p.a1 && nearPoint(spun, p.a0, local));
    for (const p of near) {
      local.start = Math.min(local.start, p.a0);
      local.end = Math.max(local.end, p.a0);
    }
    const o = mapSpan(spinPairs, local);
    for (const p of near) {
      o.start = Math.min(o.start, p.b0);
      o.end = Math.max(o.end, p.b1);
    }
    const ref = original.slice(o.start, o.end);
    const beforeText = spun.slice(local.start, local.end);
    const afterText = spun.slice(local.start, e.start) + e.after + spun.slice(e.end, local.end);
    const b = wordErrors(beforeText, ref);
    const a = wordErrors(afterText, ref);
    if (a < b) helpful++;
    else if (a > b) harmful++;
    else neutral++;
  }
  const wrongUnits = wrongToken.filter(Boolean).length + deletions.length;
  const touchedWrongUnits =
    wrongToken.filter((w, i) => w && touchedToken[i]).length + touchedDeletion.filter(Boolean).length;
  return {
    edits: edits.length,
    editedUnits,
    justifiedUnits,
    precision: ratio(justifiedUnits, editedUnits),
    wrongUnits,
    touchedWrongUnits,
    recall: ratio(touchedWrongUnits, wrongUnits),
    helpful,
    neutral,
    harmful,
  };
}

/** Word changes made by edits: Σ word errors between each edit's before and after (for clean documents, all are false). */
export function changedWords(text: string, edits: readonly Replacement[]): number {
  let n = 0;
  for (const e of edits) n += wordErrors(e.before ?? text.slice(e.start, e.end), e.after);
  return n;
}

/** Indices of sentences touched by any of the pairs' a-side intervals. */
export function sentencesTouched(sentences: readonly Span[], pairs: readonly Pair[]): boolean[] {
  return sentences.map((s) => pairs.some((p) => touches({ start: p.a0, end: p.a1 }, s)));
}
