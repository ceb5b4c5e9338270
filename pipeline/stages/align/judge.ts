import { isKnown, relation } from '../../lexicon/index.js';
import type { PairJudge, PairKind } from './align.js';
import { FUNCTION_WORDS, isNumber, type Token } from './tokens.js';

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

const cache = new Map<string, Rel>();

/**
 * Are two expressions (word or multiword, possibly inflected) synonyms, or close
 * WordNet relatives (similar-to, hypernym, hyponym, sister, bridge, head of a multiword
 * synonym)? Commercial spinners use thesauri wider than WordNet synsets, so a
 * relative explains a swap too, with less confidence.
 */
export function kinship(a: string, b: string): Rel {
  if (a === b) return 'synonym';
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let r = cache.get(key);
  if (r === undefined) {
    r = lookup(a, b) ?? lookup(pluralPhrase(a), b) ?? lookup(a, pluralPhrase(b));
    cache.set(key, r);
  }
  return r;
}

function lookup(a: string, b: string): Rel {
  const r = relation(a, b);
  return r === null ? null : r.kind === 'synonym' ? 'synonym' : 'related';
}

/**
 * Spinners lemmatize inside multiword names ("united states" → "united state"):
 * a multiword phrase is also tried with its last word in the plural.
 */
function pluralPhrase(p: string): string {
  return p.includes(' ') && !p.endsWith('s') ? p + 's' : p;
}

const isName = (t: Token) => t.cap && !FUNCTION_WORDS.has(t.key) && !isKnown(t.key) && !isKnown(t.text);
const isFact = (t: Token) => isNumber(t.key) || isName(t);

export const lexiconJudge: PairJudge = {
  judge(spun, ref, ctx): PairKind {
    // Names and numbers survive spinning: if they differ, the units say different things.
    const factsA = spun.filter(isFact).map((t) => t.key);
    const factsB = new Set(ref.filter(isFact).map((t) => t.key));
    if (factsA.some((k) => !factsB.has(k)) || factsB.size > new Set(factsA).size) return 'fact';
    if (ref.length === 0) return spun.every((t) => FILLERS.has(t.key)) ? 'filler' : 'unexplained';
    if (spun.length === 0) return 'unexplained';
    const whole = kinship(spun.map((t) => t.key).join(' '), ref.map((t) => t.key).join(' '));
    if (whole) return whole;
    if (spun.length > MAX_RUN || ref.length > MAX_RUN) return 'unexplained';
    return explainPieces(spun, ref, ctx);
  },
};

/**
 * Splits both runs into order-preserving pieces of up to three tokens, each piece
 * explained as a synonym/relative of its counterpart, a filler, a swap of function
 * words, or (at the edges) a multiword synonym of the neighbouring anchor
 * ("Wall" + "surface" ~ "Wall"). Dynamic programming over the two runs.
 */
function explainPieces(spun: readonly Token[], ref: readonly Token[], ctx: { before?: Token; after?: Token }): PairKind {
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
      if (a.every((t) => FUNCTION_WORDS.has(t.key)) && r.every((t) => FUNCTION_WORDS.has(t.key))) return 1;
      const rel = kinship(key(a), key(r));
      return rel === 'synonym' ? 0 : rel === 'related' ? 1 : Infinity;
    }
    if (a.length && !r.length) {
      if (a.every((t) => FILLERS.has(t.key))) return 0;
      // "Wall" + "surface": the anchor word was replaced by a multiword synonym of itself.
      if (before && kinship(`${before.key} ${key(a)}`, before.key) === 'synonym') return 0;
      if (after && kinship(`${key(a)} ${after.key}`, after.key) === 'synonym') return 0;
      if (a.every((t) => FUNCTION_WORDS.has(t.key))) return 1;
      return Infinity;
    }
    // Reference words with no spun counterpart: a dropped function word at most.
    return r.every((t) => FUNCTION_WORDS.has(t.key)) ? 1 : Infinity;
  }
}
