/**
 * Hand-written tables of the project's spinner (the project's own, written for unspin):
 * filler insertions, function-word swaps, abbreviation expansions, number words.
 * They imitate habits of commercial article spinners in general; they hold no phrase
 * taken from any particular text.
 */

/** Named intensities: fraction of eligible content words replaced. */
export const SPIN_SETTINGS = { light: 0.15, medium: 0.35, heavy: 0.6 } as const;
export type SpinSetting = keyof typeof SPIN_SETTINGS;

/** Fillers: a trigger word gets a word added after it when the next word fits. */
export interface FillerRule {
  trigger: readonly string[];
  /** Words inserted after the trigger (one is picked). */
  insert: readonly string[];
  /** What must follow the trigger. */
  next: 'participle' | 'verb';
}

export const FILLERS: readonly FillerRule[] = [
  { trigger: ['has', 'have', 'had'], insert: ['actually'], next: 'participle' },
  { trigger: ['will'], insert: ['certainly'], next: 'verb' },
  { trigger: ['would'], insert: ['certainly', 'definitely'], next: 'verb' },
];

/** Words that get an intensifier put before them ("first" → "very first"). */
export const PREFIXED: Readonly<Record<string, readonly string[]>> = {
  first: ['very first'],
  own: ['very own'],
  best: ['very best', 'absolute best'],
  same: ['exact same', 'very same'],
};

/**
 * Function words and short phrases a spinner swaps for near-equivalents (including the
 * wrong-sense swaps spinners are known for: since → because, about → concerning).
 * Longest match wins; keys are lower case, single-space separated.
 */
export const FUNCTION_SWAPS: Readonly<Record<string, readonly string[]>> = {
  but: ['however', 'yet', 'but'],
  however: ['nevertheless', 'nonetheless', 'however'],
  because: ['since', 'due to the fact that', 'because'],
  since: ['because', 'considering that', 'since'],
  many: ['lots of', 'numerous', 'several', 'many'],
  before: ['prior to', 'in advance of', 'before'],
  about: ['concerning', 'regarding', 'about'],
  also: ['additionally', 'likewise', 'also'],
  during: ['throughout', 'during'],
  through: ['via', 'with', 'through'],
  although: ['though', 'even though', 'although'],
  very: ['extremely', 'really', 'very'],
  often: ['usually', 'frequently', 'commonly'],
  now: ['currently', 'now', 'presently'],
  then: ['after that', 'then', 'afterwards'],
  already: ['currently', 'already'],
  until: ['till', 'up until', 'until'],
  against: ['versus', 'against'],
  meanwhile: ['at the same time', 'in the meantime', 'meanwhile'],
  'more than': ['greater than', 'over', 'above', 'more than'],
  'so far': ['up until now', 'thus far', 'so far'],
  'for example': ['as an example', 'for instance'],
  'is about': ['has to do with', 'is around'],
  'as well as': ['along with', 'in addition to', 'as well as'],
  'at least': ['at the very least', 'a minimum of', 'at least'],
  'a lot of': ['a great deal of', 'lots of', 'a great deal of'],
  'even though': ['despite the fact that', 'although'],
  'in addition': ['additionally', 'on top of that'],
  'because of': ['due to', 'as a result of', 'because of'],
  'due to': ['as a result of', 'because of', 'due to'],
  'a number of': ['a variety of', 'a number of', 'several'],
  'in order to': ['in order to', 'to'],
};

/** Relative "who" after a comma becomes "that". */
export const RELATIVE_WHO: readonly string[] = ['that'];

/**
 * Abbreviations a spinner expands before spinning (the expansion is then lower-cased,
 * or replaced by a WordNet synonym of it). Keys are matched case-sensitively with their dots.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  'U.S.': 'United States',
  'U.S.A.': 'United States',
  US: 'United States',
  'U.K.': 'United Kingdom',
  UK: 'United Kingdom',
  'U.N.': 'United Nations',
  UN: 'United Nations',
  'E.U.': 'European Union',
  EU: 'European Union',
  'Gov.': 'Governor',
  'Sen.': 'Senator',
  'Rep.': 'Representative',
  'Gen.': 'General',
  'Dept.': 'Department',
  'Corp.': 'Corporation',
  'approx.': 'approximately',
};

/** Number words a spinner may turn into digits. */
export const NUMBER_DIGITS: Readonly<Record<string, string>> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', fifty: '50', hundred: '100',
};

/** Previous-word classes used to guess the part of speech of the next word. */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'some', 'any', 'each', 'every', 'no', 'another', 'such', 'which', 'whose', 'of', "'s", '’s',
]);
export const MODALS = new Set([
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'do', 'does', 'did', 'to',
  "don't", "doesn't", "didn't", "won't", "can't", 'cannot', 'don’t', 'doesn’t', 'didn’t', 'won’t', 'can’t',
]);
export const HAVE = new Set(['has', 'have', 'had', 'having', "'ve", '’ve']);
export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", '’s', '’re']);
export const SUBJECTS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'who', 'which', 'that']);
