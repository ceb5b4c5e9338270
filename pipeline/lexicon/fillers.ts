/**
 * Spinner fillers: words an automatic article spinner inserts with no counterpart in
 * the original — an adverb after an auxiliary ("has" → "has actually", "will" → "will
 * certainly"), an intensifier before a word ("first" → "very first"), a slashed
 * alternative ("his" → "his/her").
 *
 * The one home of this knowledge; three stages read it:
 * - detection (`stages/detect/filler.ts`) looks for each pattern, with its strength;
 * - restoration (`stages/restore/fillers.ts`) removes the patterns marked `restore`
 *   from documents judged spun;
 * - alignment (`stages/align/judge.ts`) accepts the words of `UNPAIRED_FILLERS` as
 *   inserted wherever they stand unpaired in a spun sentence, and the intensifiers of
 *   `BEFORE_WORD` when unpaired before their host.
 *
 * Source: hand-written tables, the project's own. They describe habits of commercial
 * article spinners in general and hold no phrase taken from any particular text. The
 * project's test spinner (`dev/spin/tables.ts`: `FILLERS`, `PREFIXED`) inserts the same
 * patterns; it keeps its own copy on purpose, so that the evaluation does not grade
 * the pipeline against its own tables.
 */

/** One filler pattern: a word a spinner inserts next to a host word. */
export interface Insertion {
  /** The inserted word, lower case ("actually", "very"). */
  filler: string;
  /** The word it is inserted next to, lower case: the auxiliary before it, or the word after it. */
  host: string;
  /** Detection strength (0..1); lower for patterns careful writers also use ("the very first time"). */
  strength: number;
  /**
   * Detection strength when a past participle or "been" follows ("has actually
   * approved", "have actually been"); set for the perfect auxiliaries only, after which
   * "been" is accepted as the next word.
   */
  beforeParticiple?: number;
  /**
   * Removed by restoration, which names the host so in its evidence ("after an
   * auxiliary", "before an ordinal"). Absent: detected only, never removed.
   */
  restore?: string;
}

/**
 * Adverbs inserted after an auxiliary or modal: "has actually approved", "will
 * certainly try". Only the adverb is the filler; elsewhere ("is certainly bold",
 * "Actually, …") it is ordinary English. The contracted hosts ('ve, 'd, 'll) are
 * separate words for detection only: the restoration tokenizer keeps "they've" whole.
 */
export const AFTER_AUXILIARY: readonly Insertion[] = [
  { host: 'has', filler: 'actually', strength: 0.6, beforeParticiple: 0.7, restore: 'an auxiliary' },
  { host: 'have', filler: 'actually', strength: 0.6, beforeParticiple: 0.7, restore: 'an auxiliary' },
  { host: 'had', filler: 'actually', strength: 0.6, beforeParticiple: 0.7, restore: 'an auxiliary' },
  { host: 'having', filler: 'actually', strength: 0.6, beforeParticiple: 0.7, restore: 'an auxiliary' },
  { host: "'ve", filler: 'actually', strength: 0.6, beforeParticiple: 0.7 },
  { host: "'d", filler: 'actually', strength: 0.6, beforeParticiple: 0.7 },
  { host: 'will', filler: 'certainly', strength: 0.6, restore: 'an auxiliary' },
  { host: "'ll", filler: 'certainly', strength: 0.6 },
  { host: 'would', filler: 'certainly', strength: 0.4, restore: 'an auxiliary' },
  { host: 'would', filler: 'definitely', strength: 0.5 },
  { host: 'will', filler: 'definitely', strength: 0.5 },
];

/** `AFTER_AUXILIARY` keyed by its two words, "host filler" ("has actually"). */
export const AFTER_AUXILIARY_BY_PAIR: ReadonlyMap<string, Insertion> = new Map(AFTER_AUXILIARY.map((f) => [`${f.host} ${f.filler}`, f]));

/**
 * Intensifiers inserted before a word: "first" → "very first", "same" → "exact same".
 * Only the intensifier is the filler. Restoration removes "very first" only: the
 * others are common in careful writing ("our very own", "the very same").
 */
export const BEFORE_WORD: readonly Insertion[] = [
  { filler: 'very', host: 'first', strength: 0.3, restore: 'an ordinal' },
  { filler: 'very', host: 'own', strength: 0.5 },
  { filler: 'very', host: 'best', strength: 0.3 },
  { filler: 'very', host: 'same', strength: 0.3 },
  { filler: 'absolute', host: 'best', strength: 0.5 },
  { filler: 'exact', host: 'same', strength: 0.45 },
];

/** `BEFORE_WORD` keyed by its two words, "filler host" ("very first"). */
export const BEFORE_WORD_BY_PAIR: ReadonlyMap<string, Insertion> = new Map(BEFORE_WORD.map((f) => [`${f.filler} ${f.host}`, f]));

/**
 * Slashed alternatives a spinner writes for one word ("his" → "his/her"), with their
 * detection strength; only with a slash between the two ("his or her" is English).
 */
export const SLASHED: ReadonlyMap<string, number> = new Map([['his/her', 0.35]]);

/**
 * Words the aligner accepts as spinner insertions wherever they stand unpaired in a
 * spun sentence, with no context: the adverbs of `AFTER_AUXILIARY`, "very", and
 * adverbs other spinners insert in no fixed place ("really", "truly", "undoubtedly").
 * Not "absolute" or "exact" of `BEFORE_WORD`: those only before their host word
 * ("absolute best"; judge.ts hostedFiller).
 */
export const UNPAIRED_FILLERS: ReadonlySet<string> = new Set(['actually', 'certainly', 'very', 'really', 'truly', 'definitely', 'undoubtedly']);
