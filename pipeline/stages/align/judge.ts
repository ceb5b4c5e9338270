import { relation } from '../../lexicon/index.js';
import { factOf, numberValue } from './facts.js';
import type { PairJudge, PairKind } from './align.js';
import { FUNCTION_WORDS, type Token } from './tokens.js';

/**
 * Words a spinner inserts without any counterpart in the original ("has actually",
 * "will certainly", "very first"). The list is the project's own.
 */
export const FILLERS: ReadonlySet<string> = new Set(['actually', 'certainly', 'very', 'really', 'truly', 'definitely', 'undoubtedly']);

/** Longest run, on either side, that the judge will try to explain piece by piece. */
const MAX_RUN = 8;
/** Longest piece (in tokens) looked up as one expression ("head of state"). */
const MAX_PIECE = 3;

type Rel = 'synonym' | 'related' | null;

/** Relatives that still explain a swap inside a name or title (no bridges, no heads). */
const STRICT_KINDS = new Set(['synonym', 'similar', 'hypernym', 'hyponym']);

const cache = new Map<string, Rel>();
const strictCache = new Map<string, Rel>();

/**
 * Are two expressions (word or multiword, possibly inflected) synonyms, or close
 * WordNet relatives (similar-to, hypernym, hyponym, sister, bridge, head of a multiword
 * synonym)? Commercial spinners use thesauri wider than WordNet synsets, so a
 * relative explains a swap too, with less confidence.
 */
export function kinship(a: string, b: string, strict = false): Rel {
  if (a === b) return 'synonym';
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  const memo = strict ? strictCache : cache;
  let r = memo.get(key);
  if (r === undefined) {
    const look = (x: string, y: string) => lookup(x, y, strict);
    r = look(a, b) ?? look(pluralPhrase(a), b) ?? look(a, pluralPhrase(b)) ?? look(withDot(a), withDot(b));
    memo.set(key, r);
  }
  return r;
}

function lookup(a: string, b: string, strict: boolean): Rel {
  const r = relation(a, b);
  if (r === null || (strict && !STRICT_KINDS.has(r.kind))) return null;
  return r.kind === 'synonym' ? 'synonym' : 'related';
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
      const factsA = new Set(spun.map(factOf).filter((f) => f !== undefined));
      const factsB = new Set(ref.map(factOf).filter((f) => f !== undefined));
      if ([...factsA].some((f) => !factsB.has(f)) || [...factsB].some((f) => !factsA.has(f))) return 'fact';
      if (ref.length === 0) return spun.every((t) => FILLERS.has(t.key)) ? 'filler' : 'unexplained';
      if (spun.length === 0) return 'unexplained';
      const whole = kinship(spun.map((t) => t.key).join(' '), ref.map((t) => t.key).join(' '), opts.strict);
      if (whole) return whole;
      if (spun.length > MAX_RUN || ref.length > MAX_RUN) return 'unexplained';
      return explainPieces(spun, ref, ctx, opts);
    },
  };
}

/** The judge for sentences and quotations. */
export const lexiconJudge = makeJudge({ strict: false });
/** The judge for names and titles. */
export const strictJudge = makeJudge({ strict: true });

/**
 * Splits both runs into order-preserving pieces of up to three tokens, each piece
 * explained as a synonym/relative of its counterpart, a filler, a swap of function
 * words, or (at the edges) a multiword synonym of the neighbouring anchor
 * ("Wall" + "surface" ~ "Wall"). Dynamic programming over the two runs.
 */
function explainPieces(spun: readonly Token[], ref: readonly Token[], ctx: { before?: Token; after?: Token }, opts: JudgeOptions): PairKind {
  const n = spun.length;
  const m = ref.length;
  // best[i][j]: fewest 'related' pieces to explain spun[i..] with ref[j..]; Infinity = impossible.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  best[n][m] = 0;
  const key = (ts: readonly Token[]) => ts.map((t) => t.key).join(' ');
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let b = Infinity;
      for (let di = 0; di <= MAX_PIECE && i + di <= n; di++) {
        for (let dj = 0; dj <= MAX_PIECE && j + dj <= m; dj++) {
          if (di + dj === 0) continue;
          const rest = best[i + di][j + dj];
          if (rest === Infinity) continue;
          const cost = pieceCost(spun.slice(i, i + di), ref.slice(j, j + dj), i === 0 ? ctx.before : undefined, i + di === n ? ctx.after : undefined);
          if (cost !== Infinity) b = Math.min(b, cost + rest);
        }
      }
      best[i][j] = b;
    }
  }
  const total = best[0][0];
  return total === Infinity ? 'unexplained' : total === 0 ? 'synonym' : 'related';

  function pieceCost(a: Token[], r: Token[], before?: Token, after?: Token): number {
    if (a.length && r.length) {
      if (a.length === 1 && r.length === 1 && numberValue(a[0].key) !== undefined && numberValue(a[0].key) === numberValue(r[0].key)) return 0;
      if (a.every((t) => FUNCTION_WORDS.has(t.key)) && r.every((t) => FUNCTION_WORDS.has(t.key))) return opts.strict ? Infinity : 1;
      const rel = kinship(key(a), key(r), opts.strict);
      return rel === 'synonym' ? 0 : rel === 'related' ? 1 : Infinity;
    }
    if (a.length && !r.length) {
      if (a.every((t) => FILLERS.has(t.key))) return 0;
      // "Wall" + "surface": the anchor word was replaced by a multiword synonym of itself.
      if (before && kinship(`${before.key} ${key(a)}`, before.key) === 'synonym') return 0;
      if (after && kinship(`${key(a)} ${after.key}`, after.key) === 'synonym') return 0;
      if (a.every((t) => FUNCTION_WORDS.has(t.key))) return opts.strict ? Infinity : 1;
      return Infinity;
    }
    // Reference words with no spun counterpart: a dropped function word at most.
    return !opts.strict && r.every((t) => FUNCTION_WORDS.has(t.key)) ? 1 : Infinity;
  }
}
