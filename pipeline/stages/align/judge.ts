import { BEFORE_WORD_BY_PAIR, UNPAIRED_FILLERS } from '../../lexicon/fillers.js';
import { morph, relation, relations } from '../../lexicon/index.js';
import { isSpinnerPhrase } from '../../lexicon/spinner-phrases.js';
import { factOf, numberValue } from './facts.js';
import type { PairJudge, PairKind } from './align.js';
import { FUNCTION_WORDS, type Token } from './tokens.js';
import { memo } from '../../memos.js';

/** Longest run, on either side, that the judge will try to explain piece by piece. */
const MAX_RUN = 8;
/** Longest piece (in tokens) looked up as one expression ("head of state"). */
const MAX_PIECE = 3;

type Rel = 'synonym' | 'related' | null;

/**
 * Relatives that still explain a swap inside a name or title: no bridges, no heads, no
 * sisters, and no reference word more general than the spun one ("Department of
 * Homeland" is not a spun "Department of State"): a spinner puts a synonym or a more
 * general word in a word's place ("Head of state Trump" for "President Trump"), not a
 * narrower one. The kinds are of relation(spun, reference).
 */
const STRICT_KINDS = new Set(['synonym', 'similar', 'hyponym']);

/**
 * Word pairs remembered per cache. Unlike the lexicon's per-word memos these grow with
 * the pairs of words a corpus aligns, without end; emptied when full, like them.
 */
const CACHE_MAX = 250_000;
const cache = memo<string, Rel>(CACHE_MAX);
const strictCache = memo<string, Rel>(CACHE_MAX);

/**
 * Are two expressions (word or multiword, possibly inflected) synonyms, or close
 * WordNet relatives (similar-to, hypernym, hyponym, sister, bridge, head of a multiword
 * synonym)? Commercial spinners use thesauri wider than WordNet synsets, so a
 * relative explains a swap too, with less confidence.
 */
export function kinship(a: string, b: string, strict = false): Rel {
  if (a === b) return 'synonym';
  // Strict kinds have a direction (spun → reference); the others do not.
  const key = a < b || strict ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  const memo = strict ? strictCache : cache;
  let r = memo.get(key);
  if (r === undefined) {
    r = null;
    // Only spellings WordNet can read are looked up: most pairs an alignment weighs
    // include a phrase that is no expression at all ("the measure would").
    const ys = variants(b).filter(hasReading);
    if (ys.length > 0) for (const x of variants(a)) if (hasReading(x)) for (const y of ys) r ??= lookup(x, y, strict);
    memo.set(key, r);
  }
  return r;
}

const hasReading = (p: string): boolean => morph(p).length > 0;

function lookup(a: string, b: string, strict: boolean): Rel {
  const r = strict ? relations(a, b).find((x) => STRICT_KINDS.has(x.kind)) : relation(a, b);
  if (!r) return null;
  return r.kind === 'synonym' ? 'synonym' : 'related';
}

/** Longest plain wording a spinner phrase replaces ("because", "up to", "at least"). */
const MAX_PLAIN = 2;

/**
 * A spinner phrase ("due to the fact that", "currently") aligned against one or two
 * words of the source: the spinner's swap of a plain wording, whatever the lexicon
 * says of the pair and however unequal the lengths.
 */
export function spinnerSwap(spun: readonly Token[], ref: readonly Token[]): boolean {
  return ref.length > 0 && ref.length <= MAX_PLAIN && isSpinnerPhrase(spun.map((t) => t.key).join(' '));
}

/** Spellings of a key to look up: as is, with a plural last word, with an abbreviation's dot. */
function variants(p: string): string[] {
  return [...new Set([p, pluralPhrase(p), withDot(p)])];
}

/** Token keys drop an abbreviation's final dot ("u.s"); the lexicon lists "u.s.". */
function withDot(p: string): string {
  return p.replace(/(\p{L}\.\p{L})$/u, '$1.');
}

/**
 * Spinners lemmatize inside multiword names ("united states" → "united state"):
 * a multiword phrase is also tried with its last word in the plural.
 */
function pluralPhrase(p: string): string {
  return p.includes(' ') && !p.endsWith('s') ? p + 's' : p;
}


export interface JudgeOptions {
  /** Inside names and titles: no function-word swaps and only close relatives. */
  strict: boolean;
}

export function makeJudge(opts: JudgeOptions): PairJudge {
  return {
    judge(spun, ref, ctx): PairKind {
      // Names and numbers survive spinning: if they differ, the units say different things.
      const factsA = factsOf(spun, ref);
      const factsB = factsOf(ref, spun);
      if ([...factsA].some((f) => !factsB.has(f)) || [...factsB].some((f) => !factsA.has(f))) return 'fact';
      if (ref.length === 0) {
        return spun.every((t) => UNPAIRED_FILLERS.has(t.key)) || hostedFiller(spun, ctx.after) ? 'filler' : 'unexplained';
      }
      if (spun.length === 0) return 'unexplained';
      if (spinnerSwap(spun, ref)) return 'related';
      const whole = kinship(spun.map((t) => t.key).join(' '), ref.map((t) => t.key).join(' '), opts.strict);
      if (whole) return whole;
      if (spun.length > MAX_RUN || ref.length > MAX_RUN) return 'unexplained';
      return explainPieces(spun, ref, ctx, opts);
    },
    split(spun, ref, ctx) {
      return explainPartially(spun, ref, ctx, opts.strict);
    },
  };
}

/**
 * The facts of a run, less the names and number words that share a synset with a
 * common word of the other side's run: WordNet puts some proper nouns and numbers in
 * a common word's synset ("Caucasian" with "white", "hundred" with "century"), and a
 * spinner that draws from it writes "the Caucasian House" for "the White House" and
 * "the 21st hundred" for "the 21st century". Digits are always facts.
 */
function factsOf(run: readonly Token[], other: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of run) {
    const f = factOf(t);
    if (f === undefined) continue;
    if (!/^\p{N}/u.test(t.key) && other.some((o) => factOf(o) === undefined && !FUNCTION_WORDS.has(o.key) && kinship(t.key, o.key, true) === 'synonym')) continue;
    out.add(f);
  }
  return out;
}

/**
 * A run the reference lacks that is one intensifier before the word a spinner puts it
 * before ("absolute" in "absolute best" against "best"). Elsewhere such a word is the
 * writer's ("an absolute majority").
 */
function hostedFiller(spun: readonly Token[], after: Token | undefined): boolean {
  return spun.length === 1 && after !== undefined && BEFORE_WORD_BY_PAIR.has(`${spun[0].key} ${after.key}`);
}

/** The judge for sentences and quotations. */
export const lexiconJudge = makeJudge({ strict: false });
/** The judge for names and titles. */
export const strictJudge = makeJudge({ strict: true });

/** A piece of a replaced run, [from, to) relative to the run on each side. */
export interface Piece {
  a: [number, number];
  b: [number, number];
  kind: PairKind;
}

/** Cost of a piece the lexicon cannot explain, when a partial explanation is asked for. */
const UNEXPLAINED_COST = 10;

/**
 * Splits both runs into order-preserving pieces of up to three tokens, each piece
 * explained as a synonym/relative of its counterpart, a filler, a swap of function
 * words, or (at the edges) a multiword synonym of the neighbouring anchor
 * ("Wall" + "surface" ~ "Wall"). Dynamic programming over the two runs.
 */
function explainPieces(spun: readonly Token[], ref: readonly Token[], ctx: { before?: Token; after?: Token }, opts: JudgeOptions): PairKind {
  const pieces = segmentRuns(spun, ref, ctx, opts, false);
  if (!pieces) return 'unexplained';
  return pieces.every((p) => p.kind === 'synonym' || p.kind === 'filler') ? 'synonym' : 'related';
}

/**
 * The best split of a run the judge could not explain whole: explained pieces where
 * the lexicon can, unexplained ones in between ("united state unlawfully" vs "U.S.
 * illegally" → "united state"~"U.S." explained, "unlawfully"/"illegally" not).
 * Undefined when no piece is explained.
 */
export function explainPartially(spun: readonly Token[], ref: readonly Token[], ctx: { before?: Token; after?: Token }, strict = false): Piece[] | undefined {
  if (spun.length > MAX_RUN || ref.length > MAX_RUN) return undefined;
  const pieces = segmentRuns(spun, ref, ctx, { strict }, true);
  return pieces?.some((p) => p.kind !== 'unexplained') ? pieces : undefined;
}

function segmentRuns(
  spun: readonly Token[],
  ref: readonly Token[],
  ctx: { before?: Token; after?: Token },
  opts: JudgeOptions,
  allowUnexplained: boolean,
): Piece[] | undefined {
  const n = spun.length;
  const m = ref.length;
  // best[i][j]: cheapest explanation of spun[i..] with ref[j..] (related piece 1, unexplained 10).
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const choice: Array<Array<[number, number, PairKind] | undefined>> = Array.from({ length: n + 1 }, () => new Array(m + 1));
  best[n][m] = 0;
  const key = (ts: readonly Token[]) => ts.map((t) => t.key).join(' ');
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      for (let di = 0; i + di <= n; di++) {
        for (let dj = 0; j + dj <= m; dj++) {
          if (di + dj === 0) continue;
          const small = di <= MAX_PIECE && dj <= MAX_PIECE;
          if (!small && !allowUnexplained) continue;
          const rest = best[i + di][j + dj];
          if (rest === Infinity) continue;
          let [cost, kind] = small
            ? pieceCost(spun.slice(i, i + di), ref.slice(j, j + dj), i === 0 ? ctx.before : undefined, i + di === n ? ctx.after : undefined)
            : [Infinity, 'unexplained' as PairKind];
          if (cost === Infinity && allowUnexplained && di > 0 && dj > 0) [cost, kind] = [UNEXPLAINED_COST, 'unexplained'];
          if (cost + rest < best[i][j]) {
            best[i][j] = cost + rest;
            choice[i][j] = [di, dj, kind];
          }
        }
      }
    }
  }
  if (best[0][0] === Infinity) return undefined;
  const pieces: Piece[] = [];
  for (let i = 0, j = 0; i < n || j < m; ) {
    const [di, dj, kind] = choice[i][j]!;
    pieces.push({ a: [i, i + di], b: [j, j + dj], kind });
    i += di;
    j += dj;
  }
  return pieces;

  function pieceCost(a: Token[], r: Token[], before?: Token, after?: Token): [number, PairKind] {
    const no: [number, PairKind] = [Infinity, 'unexplained'];
    if (a.length && r.length) {
      if (a.length === 1 && r.length === 1 && numberValue(a[0].key) !== undefined && numberValue(a[0].key) === numberValue(r[0].key)) return [0, 'synonym'];
      if (a.every((t) => FUNCTION_WORDS.has(t.key)) && r.every((t) => FUNCTION_WORDS.has(t.key))) return opts.strict ? no : [1, 'related'];
      // A spinner phrase inside a longer run ("an extremely" / "a very": the article
      // follows the swapped word).
      if (!opts.strict && spinnerSwap(a, r)) return [1, 'related'];
      const rel = kinship(key(a), key(r), opts.strict);
      return rel === 'synonym' ? [0, 'synonym'] : rel === 'related' ? [1, 'related'] : no;
    }
    if (a.length && !r.length) {
      if (a.every((t) => UNPAIRED_FILLERS.has(t.key))) return [0, 'filler'];
      // "Wall" + "surface": the anchor word was replaced by a multiword synonym of itself.
      if (before && kinship(`${before.key} ${key(a)}`, before.key) === 'synonym') return [0, 'synonym'];
      if (after && kinship(`${key(a)} ${after.key}`, after.key) === 'synonym') return [0, 'synonym'];
      if (a.every((t) => FUNCTION_WORDS.has(t.key))) return opts.strict ? no : [1, 'related'];
      return no;
    }
    // Reference words with no spun counterpart: a dropped function word at most.
    return !opts.strict && r.every((t) => FUNCTION_WORDS.has(t.key)) ? [1, 'related'] : no;
  }
}
