/**
 * Shared types of the intrinsic spin detector: each signal module reads a `Doc` (the
 * segmented text with per-word facts computed once) and returns `Finding`s.
 */
import type { Segmentation } from '../segment.js';
import type { Profile } from './synonyms.js';

/** A suspicious word or phrase found by one signal. Offsets into the document text. */
export interface Finding {
  start: number;
  end: number;
  /** Short signal name, e.g. `filler`, `rare-synonym`, `title-lowercase`. */
  signal: string;
  /** 0..1: how strongly this alone suggests spinning. */
  strength: number;
  /** Index of the sentence (Doc.seg.sentences) it lies in. */
  sentence: number;
}

/** Word flags (bit set in Doc.flags). */
export const CAP = 1; // first letter upper case
export const ALLCAPS = 2; // more than one letter, all upper case (acronym)
export const SENT_START = 4; // first word of its sentence (or after an opening quote/colon at its start)
export const ADJ_PREV = 8; // only white space between this word and the previous one (same sentence)
export const FUNC = 16; // closed-class function word
export const NUM = 32; // number (digits or number word)
export const HAS_DIGIT = 64;

/**
 * Facts of a word form that do not depend on where it stands, computed once per form
 * (doc.ts memoises them) so the signals look nothing up again per occurrence.
 */
export interface WordFacts {
  /** Lower-case text, curly apostrophes straightened. */
  lower: string;
  /** General-English count of `lower` (freq.ts; 0 when unseen). */
  count: number;
  /** Hash state of "lower " for pair lookups (freq.ts pairPrefix). */
  prefix: number;
  /** synonyms.ts profile of `lower`, filled on first use (synonyms.ts profileAt). */
  profile?: Profile;
  /** mwe.ts startsMultiword of `lower`, filled on first use (expressions.ts, titles.ts). */
  startsMultiword?: boolean;
  /** mwe.ts multiwordFollowers / multiwordSeconds of `lower`, filled on first use (mwe.ts maybeMultiwordStart). */
  multiwordFollowers?: ReadonlyArray<ReadonlySet<string>>;
  multiwordSeconds?: readonly string[];
}

/** The document as the signals see it. */
export interface Doc {
  text: string;
  seg: Segmentation;
  /** Lower-case word text, curly apostrophes straightened. */
  lower: string[];
  flags: Uint8Array;
  /** Per word: the facts of its form (shared between all occurrences of the form). */
  facts: WordFacts[];
  /** First word index of each sentence, plus one final entry = words.length. */
  sentenceFirst: Int32Array;
}
