/**
 * Spinner phrases: function words and short phrases article spinners put in place of
 * plain ones ("due to the fact that" for "because", "up until" for "until", "versus"
 * for "against", "currently" for "now").
 *
 * The one home of this knowledge; two stages read it:
 * - detection (`stages/detect/tells.ts`) marks each phrase with its strength;
 * - alignment (`stages/align/judge.ts`) accepts a phrase aligned against one or two
 *   words of a cleaner source as a spinner's swap, however unequal the lengths.
 *
 * Source: the project's own table of well-known spinner habits. Strengths were set by
 * hand from how rare each phrase is in clean prose (rate per million words in the
 * frequency text of data/detect, State of the Union addresses before 1945): a phrase
 * clean writers use every few pages ("however", "throughout") is not listed at all; one
 * they almost never use gets up to 0.6.
 */

export interface SpinnerPhrase {
  /** Lower-case words. */
  words: readonly string[];
  /** Detection strength (0..1). */
  strength: number;
  /** Only when not starting a sentence ("Additionally, …" is fine; "is additionally expected" is not). */
  midSentence?: boolean;
}

const TABLE: ReadonlyArray<readonly [string, number, boolean?]> = [
  ['due to the fact that', 0.6],
  ['despite the fact that', 0.4],
  ['considering that', 0.2],
  ['in advance of', 0.3],
  ['up until', 0.45],
  ['a minimum of', 0.4],
  ['at the very least', 0.35],
  ['on top of that', 0.35],
  ['as an example', 0.35],
  ['has to do with', 0.3],
  ['have to do with', 0.3],
  ['is around', 0.25],
  ['after that', 0.25],
  ['lots of', 0.3],
  ['additionally', 0.5, true],
  ['likewise', 0.15, true],
  ['currently', 0.3],
  ['presently', 0.3],
  ['versus', 0.3],
  ['via', 0.25],
  ['nonetheless', 0.25],
  ['extremely', 0.15],
  ['regarding', 0.1],
  ['afterwards', 0.1],
];

export const SPINNER_PHRASES: readonly SpinnerPhrase[] = TABLE.map(([phrase, strength, midSentence]) => ({
  words: phrase.split(' '),
  strength,
  midSentence,
}));

const PHRASES = new Set(TABLE.map(([phrase]) => phrase));

/** Is this lower-case text, words joined by single spaces, one of the spinner phrases? */
export function isSpinnerPhrase(text: string): boolean {
  return PHRASES.has(text);
}
