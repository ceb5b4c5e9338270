import { alignTokens, type Chunk } from './diff-pairs.js';
import { isKnown } from '../../lexicon/query.js';
// judge.ts imports only types from this module: no cycle at run time.
import { spinnerSwap } from './judge.js';
import { FUNCTION_WORDS, isNumber, type Token } from './tokens.js';

/** How a replaced run of a degraded unit relates to the reference run it aligns with. */
export type PairKind =
  | 'synonym' // WordNet synonyms (one shared synset), word by word or as a phrase
  | 'related' // close WordNet relatives (hypernym, sibling, similar-to, derivation)
  | 'filler' // spinner filler with nothing on the reference side ("actually")
  | 'unexplained' // differs for no reason the lexicon knows
  | 'fact'; // a name or number differs: the two units do not say the same thing

export interface PairJudge {
  judge(spun: readonly Token[], ref: readonly Token[], context: { before?: Token; after?: Token }): PairKind;
  /** Pieces of a run `judge` called unexplained that the lexicon can explain, if any. */
  split?(spun: readonly Token[], ref: readonly Token[], context: { before?: Token; after?: Token }): Array<{ a: [number, number]; b: [number, number]; kind: PairKind }> | undefined;
}

export interface AlignedPair {
  /** Token index ranges [from, to) in the degraded unit and the reference unit. */
  a: [number, number];
  b: [number, number];
  kind: PairKind;
  /** For an unexplained run, the pieces the lexicon does explain (absolute token ranges). */
  pieces?: Array<{ a: [number, number]; b: [number, number]; kind: PairKind }>;
  /** Bounded by aligned tokens (or unit edges) on both sides: safe to restore locally. */
  interior: boolean;
}

export interface Alignment {
  /** Tokens of the degraded unit that align exactly with the reference. */
  anchors: number;
  /** anchors / tokens of the degraded unit. */
  anchorRatio: number;
  /** Anchors that are content words (not function words or numbers). */
  contentAnchors: number;
  pairs: AlignedPair[];
  /** Share of replaced degraded content words explained (synonym, related, filler). */
  explained: number;
  accepted: boolean;
  /** Overall alignment quality in [0, 1]. */
  score: number;
}

export interface AlignOptions {
  minAnchors: number;
  /** Shared content words (not function words) a unit needs to be the same unit. */
  minContentAnchors: number;
  minAnchorRatio: number;
  minExplained: number;
}

export const defaultAlignOptions: AlignOptions = { minAnchors: 3, minContentAnchors: 2, minAnchorRatio: 0.45, minExplained: 0.5 };

/** Share of the degraded unit's content words that must align exactly (spinners leave ~40% even at 60% spin). */
const CONTENT_ANCHOR_SHARE = 0.1;
/** A verbatim run this long ("this is where we live. This is") marks the same sentence. */
const LONG_RUN = 5;
/** Longest run at a unit edge that still counts as swapped words. */
const EDGE_RUN = 3;

/** A content word: not a function word, not a number. */
export const isContent = (t: Token) => !FUNCTION_WORDS.has(t.key) && !isNumber(t.key);

/** Runs this unequal are different clauses, not swapped words (restore/aligned.ts does not apply them). */
export const veryUnequal = (a: number, b: number): boolean => Math.max(a, b) > 2 * Math.min(a, b) + 2;

const isNegation = (key: string): boolean => key === 'not' || key === 'no' || key === 'never' || key === 'nor' || key.endsWith("n't");

/**
 * Negations in a run ("not", "never", "don't"), leaving out those that begin a WordNet
 * expression ("not bad" for "good", "no matter" for "regardless"): part of a word.
 */
function negations(tokens: readonly Token[]): number {
  let n = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (!isNegation(tokens[k].key)) continue;
    const expression = [2, 3].some((len) => k + len <= tokens.length && isKnown(tokens.slice(k, k + len).map((t) => t.key).join(' ')));
    if (!expression) n++;
  }
  return n;
}

/**
 * Does one run negate where the other does not? Only runs restoration could apply
 * count: not words only the reference has (restore/aligned.ts only suggests them), nor
 * runs of very unequal length (a clause one unit has, which it leaves alone).
 */
function flipsPolarity(sA: readonly Token[], sB: readonly Token[]): boolean {
  return sA.length > 0 && !veryUnequal(sA.length, sB.length) && negations(sA) !== negations(sB);
}

/**
 * Aligns a degraded unit (sentence or quotation) with a reference unit and decides
 * whether they are the same wording with synonym swaps: enough exact anchors, no
 * differing names or numbers, and most differences explained by the lexicon.
 */
export function alignUnits(
  spun: readonly Token[],
  ref: readonly Token[],
  judge: PairJudge,
  opts: AlignOptions = defaultAlignOptions,
): Alignment {
  return judgeChunks(spun, ref, alignTokens(spun, ref), judge, opts);
}

/**
 * alignUnits for a caller that uses accepted alignments only: undefined when they are
 * not accepted. Units with too few exact anchors are turned down before any replaced
 * run is judged (the lexicon's verdicts could not make up for them), which is most of
 * the work.
 */
export function acceptedAlignment(
  spun: readonly Token[],
  ref: readonly Token[],
  judge: PairJudge,
  opts: AlignOptions = defaultAlignOptions,
): Alignment | undefined {
  // The same tests as `accepted` in judgeChunks.
  const enoughAnchors = (anchors: number) => anchors >= opts.minAnchors && (spun.length ? anchors / spun.length : 0) >= opts.minAnchorRatio;
  // No alignment has more anchors than the units have keys in common: units that share
  // too few words fail without being diffed.
  if (!enoughAnchors(sharedKeys(spun, ref))) return undefined;
  const chunks = alignTokens(spun, ref);
  let anchors = 0;
  for (const c of chunks) if (c.kind === 'equal') anchors += c.a[1] - c.a[0];
  if (!enoughAnchors(anchors)) return undefined;
  const al = judgeChunks(spun, ref, chunks, judge, opts);
  return al.accepted ? al : undefined;
}

/** Size of the multiset intersection of the two units' keys. */
function sharedKeys(a: readonly Token[], b: readonly Token[]): number {
  const left = new Map<string, number>();
  for (const t of a) left.set(t.key, (left.get(t.key) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const n = left.get(t.key);
    if (!n) continue;
    left.set(t.key, n - 1);
    shared++;
  }
  return shared;
}

function judgeChunks(spun: readonly Token[], ref: readonly Token[], chunks: Chunk[], judge: PairJudge, opts: AlignOptions): Alignment {
  let anchors = 0;
  let contentAnchors = 0;
  let longestRun = 0;
  for (const c of chunks) {
    if (c.kind !== 'equal') continue;
    anchors += c.a[1] - c.a[0];
    longestRun = Math.max(longestRun, c.a[1] - c.a[0]);
    for (let i = c.a[0]; i < c.a[1]; i++) if (isContent(spun[i])) contentAnchors++;
  }
  const content = spun.filter(isContent).length;
  const pairs: AlignedPair[] = [];
  let replacedContent = 0;
  let explainedContent = 0;
  let explainedPairs = 0;
  let facts = 0;
  let edgeContent = 0;
  let polarityFlips = 0;
  chunks.forEach((c, i) => {
    if (c.kind !== 'replace') return;
    const sA = spun.slice(c.a[0], c.a[1]);
    const sB = ref.slice(c.b[0], c.b[1]);
    // A spinner phrase against one or two words ("Due to the fact that" for "Because")
    // is a swap even at a unit's edge, where a run that long is otherwise an extra clause.
    let interior = isInterior(chunks, i, spun.length, ref.length, spinnerSwap(sA, sB));
    // Spinners keep negations: a run that has one where its counterpart does not says
    // the opposite. Inside a unit, the two units do ("Victory is not winning for our
    // party." / "Victory is winning for our country."); at its edge, the run is a clause
    // one unit has and the other lacks ("… ashore! never!"), left alone.
    if (interior && flipsPolarity(sA, sB)) {
      if (i === 0 || i === chunks.length - 1) interior = false;
      else polarityFlips++;
    }
    // Edge runs are clauses one unit has and the other lacks; they are not judged.
    const context = { before: spun[c.a[0] - 1], after: spun[c.a[1]] };
    const kind = interior ? judge.judge(sA, sB, context) : 'unexplained';
    const pair: AlignedPair = { a: c.a, b: c.b, kind, interior };
    pairs.push(pair);
    const weight = Math.max(1, sA.filter(isContent).length);
    if (!interior) {
      edgeContent += sA.filter(isContent).length;
      return;
    }
    replacedContent += weight;
    if (kind === 'synonym' || kind === 'related' || kind === 'filler') {
      explainedContent += weight;
      explainedPairs++;
    }
    if (kind === 'fact') facts++;
    if (kind === 'unexplained' && judge.split) {
      const pieces = judge.split(sA, sB, context);
      if (pieces) {
        pair.pieces = pieces.map((p) => ({ a: [c.a[0] + p.a[0], c.a[0] + p.a[1]], b: [c.b[0] + p.b[0], c.b[0] + p.b[1]], kind: p.kind }));
        // Credit the explained share of the run's tokens. A run with no degraded tokens
        // (words only the reference has) earns none: 0/0 would make the whole
        // alignment's `explained` NaN, and every test on it false.
        const explainedTokens = pieces.filter((p) => p.kind !== 'unexplained').reduce((n, p) => n + p.a[1] - p.a[0], 0);
        if (sA.length > 0) explainedContent += (weight * explainedTokens) / sA.length;
        explainedPairs += pieces.filter((p) => p.kind !== 'unexplained').length;
      }
    }
  });
  // Local alignment: a short degraded unit may match part of a longer reference unit.
  const anchorRatio = spun.length ? anchors / spun.length : 0;
  const explained = replacedContent ? explainedContent / replacedContent : 1;
  // Sentences that share only scattered function words ("I am … to … them") are
  // different sentences: the same one shares content words or a long verbatim run,
  // or nearly all its differences are explained swaps.
  const sameWords =
    (contentAnchors >= Math.min(opts.minContentAnchors, content) && contentAnchors >= CONTENT_ANCHOR_SHARE * content) ||
    longestRun >= LONG_RUN;
  const accepted =
    facts === 0 &&
    polarityFlips === 0 &&
    anchors >= opts.minAnchors &&
    anchorRatio >= opts.minAnchorRatio &&
    ((sameWords && explained >= opts.minExplained) ||
      (sameWords && anchorRatio >= 0.5 && explained >= 0.3 && explainedPairs >= 2) ||
      (explained >= 0.8 && explainedPairs >= 2));
  // Among accepted alignments the best explains the most of the unit, edges included.
  const coverage = explainedContent / Math.max(1, replacedContent + edgeContent);
  const score = facts ? 0 : Math.min(1, 0.5 * anchorRatio + 0.5 * coverage);
  return { anchors, anchorRatio, contentAnchors, pairs, explained, accepted, score };
}

/**
 * A replaced run is interior when aligned tokens stand on both sides of it; at a
 * unit edge, only when both units end there too. Edge runs with one side empty are
 * clauses one unit has and the other lacks: they are left alone.
 */
function isInterior(chunks: Chunk[], i: number, lenA: number, lenB: number, knownSwap: boolean): boolean {
  const c = chunks[i];
  const atEdge = i === 0 || i === chunks.length - 1;
  const left = i > 0 ? chunks[i - 1].kind === 'equal' : c.a[0] === 0 && c.b[0] === 0;
  const right = i < chunks.length - 1 ? chunks[i + 1].kind === 'equal' : c.a[1] === lenA && c.b[1] === lenB;
  // At an edge, only a short run on both sides is a swap; a long one is an extra clause
  // ("he said" vs "Rubio wrote in the Journal on Friday").
  const shortRun = c.a[1] - c.a[0] <= EDGE_RUN && c.b[1] - c.b[0] <= EDGE_RUN;
  return left && right && (!atEdge || shortRun || knownSwap) && (i > 0 || i < chunks.length - 1);
}
