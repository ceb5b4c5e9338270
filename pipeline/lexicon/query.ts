/**
 * Sense-level queries: synsets of a lemma, synonyms of a word (both directions),
 * whether two expressions are synonyms, related synsets, and a frequency proxy.
 */
import { morph } from './morph.js';
import { lexicon, normalizeLemma } from './store.js';
import type { Pos, Sense, Synonym, SynonymLink, Synset } from './types.js';
import { POSES } from './types.js';

/**
 * Senses of `lemma` (a base form; case-insensitive, multiword with spaces) in WordNet
 * sense order: each synset with its member words, the lemma's rank and SemCor tag count.
 * Without `pos`, all POSes in the order n, v, a, r. Inflected words: see `synsetsOf`.
 */
export function synsets(lemma: string, pos?: Pos): Sense[] {
  const lx = lexicon();
  const l = normalizeLemma(lemma);
  return (pos ? [pos] : POSES).flatMap((p) => lx.senses(l, p));
}

/** Senses of every lemma an (inflected) word may be a form of, likeliest lemma first. */
export function synsetsOf(word: string, pos?: Pos): Sense[] {
  const out: Sense[] = [];
  const seen = new Set<string>();
  for (const a of morph(word, pos)) {
    const k = `${a.lemma}|${a.pos}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(...lexicon().senses(a.lemma, a.pos));
  }
  return out;
}

/** Looks up a synset by its internal id (Synset.id). */
export function synsetById(id: number): Synset {
  return lexicon().synset(id);
}

/** Looks up a synset by its WordNet key (`n04341737`), or undefined. */
export function synsetByKey(key: string): Synset | undefined {
  return lexicon().synsetByKey(key);
}

export interface SynonymOptions {
  /** Only synonyms from the first `maxRank` senses of the queried word. */
  maxRank?: number;
  /** Leave out multiword synonyms. */
  singleWordOnly?: boolean;
}

/**
 * Words sharing a synset with any sense of `word` (inflected forms are reduced to their
 * lemmas first), for one POS or all. Each synonym carries the sense rank / tag count of
 * the shared synset for the queried lemma (`rank`, `tagCount`: what a spinner starting
 * from the canonical word sees) and for the synonym itself (`otherRank`,
 * `otherTagCount`: what a restorer starting from the spun word needs).
 * Ordered by rank, then WordNet member order. The queried lemma itself is excluded.
 */
export function synonyms(word: string, pos?: Pos, opts: SynonymOptions = {}): Synonym[] {
  const lx = lexicon();
  const out: Synonym[] = [];
  const seen = new Set<string>();
  const lemmas = new Set<string>();
  const analyses = morph(word, pos);
  for (const a of analyses) lemmas.add(a.lemma);
  for (const a of analyses) {
    const k = `${a.lemma}|${a.pos}`;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const sense of lx.senses(a.lemma, a.pos)) {
      if (opts.maxRank !== undefined && sense.rank > opts.maxRank) continue;
      for (const member of sense.synset.words) {
        const lemma = normalizeLemma(member);
        if (lemmas.has(lemma)) continue;
        if (opts.singleWordOnly && /[ ]/.test(lemma)) continue;
        const other = lx.senseOf(lemma, a.pos, sense.synset.id);
        out.push({
          word: member,
          lemma,
          pos: a.pos,
          synset: sense.synset,
          from: a.lemma,
          rank: sense.rank,
          tagCount: sense.tagCount,
          otherRank: other?.rank ?? 0,
          otherTagCount: other?.tagCount ?? 0,
        });
      }
    }
  }
  return out;
}

/**
 * All synsets shared by two expressions (each may be inflected or multiword), as links
 * with the rank of the synset for each side; best (lowest rankA + rankB) first.
 */
export function synonymLinks(a: string, b: string, pos?: Pos): SynonymLink[] {
  const lx = lexicon();
  const ma = morph(a, pos);
  const mb = morph(b, pos);
  const links: SynonymLink[] = [];
  const seen = new Set<string>();
  for (const x of ma) {
    for (const y of mb) {
      if (x.pos !== y.pos) continue;
      const k = `${x.lemma}|${y.lemma}|${x.pos}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const sensesB = lx.senses(y.lemma, y.pos);
      const byId = new Map(sensesB.map((s) => [s.synset.id, s]));
      for (const sa of lx.senses(x.lemma, x.pos)) {
        const sb = byId.get(sa.synset.id);
        if (!sb) continue;
        links.push({
          lemmaA: x.lemma,
          lemmaB: y.lemma,
          pos: x.pos,
          synset: sa.synset,
          rankA: sa.rank,
          rankB: sb.rank,
          tagCountA: sa.tagCount,
          tagCountB: sb.tagCount,
          sameLemma: x.lemma === y.lemma,
        });
      }
    }
  }
  return links.sort(
    (p, q) => Number(p.sameLemma) - Number(q.sameLemma) || p.rankA + p.rankB - (q.rankA + q.rankB) || q.tagCountA + q.tagCountB - (p.tagCountA + p.tagCountB),
  );
}

/**
 * Do `a` and `b` share a synset? Returns the best link (distinct lemmas preferred), or
 * null. `areSynonyms('said', 'claimed')` → link through {allege, aver, say, claim…}.
 */
export function areSynonyms(a: string, b: string, pos?: Pos): SynonymLink | null {
  return synonymLinks(a, b, pos)[0] ?? null;
}

export type Neighbourhood = 'hypernym' | 'similar';

/** Synsets one pointer away from `synset`: hypernyms (incl. instance hypernyms) or adjective similar-to. */
export function neighbours(synset: Synset, kind: Neighbourhood): Synset[] {
  return lexicon().pointers(synset.id, kind === 'hypernym' ? ['@', 'i'] : ['&']);
}

/** Same as `neighbours` (earlier name, kept for callers). */
export const related = neighbours;
export type Relation = Neighbourhood;

/** Smoothing added to every WordNet lemma, so untagged lemmas rank below any tagged one. */
export const KNOWN_SMOOTHING = 0.5;
/** Frequency of words WordNet does not know at all. */
export const UNKNOWN_FREQUENCY = 0.1;

/**
 * General-English frequency proxy for a word: the sum of SemCor tag counts over all
 * senses of its lemma(s) (all POS, or `pos`), plus KNOWN_SMOOTHING; UNKNOWN_FREQUENCY
 * when WordNet does not know it. The word is reduced to its likeliest lemma first (the
 * first `morph` reading: "said" → say, not the adjective "said").
 *
 * Limits: SemCor is small (~230k tagged tokens of 1960s Brown-corpus prose), so counts
 * are coarse, most lemmas are 0 (→ 0.5), modern/news vocabulary and multiword
 * expressions are under-counted, proper nouns and function words (not in WordNet) get
 * the unknown value. Good for ranking "said" ≫ "claimed" ≫ "averred", not for
 * probabilities.
 */
export function frequency(word: string, pos?: Pos): number {
  const lemma = morph(word, pos)[0]?.lemma;
  if (lemma === undefined) return UNKNOWN_FREQUENCY;
  return lexicon().tagStats(lemma, pos).tags + KNOWN_SMOOTHING;
}

/** Tag counts of each sense of `lemma` in `pos`, in sense order (raw, unsmoothed). */
export function senseFrequency(lemma: string, pos: Pos): number[] {
  return lexicon()
    .senses(normalizeLemma(lemma), pos)
    .map((s) => s.tagCount);
}

/** Is the (possibly inflected) word known to WordNet, for `pos` or any POS? */
export function isKnown(word: string, pos?: Pos): boolean {
  return morph(word, pos).length > 0;
}

/** Parts of speech the (possibly inflected) word can have, likeliest first. */
export function posesOf(word: string): Pos[] {
  return [...new Set(morph(word).map((a) => a.pos))];
}
