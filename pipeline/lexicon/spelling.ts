/**
 * English spelling helpers shared by morph (analysis) and inflect (generation):
 * syllable estimate, consonant doubling, and the regular suffix rules.
 * Heuristics written for this project.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

export function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.has(c);
}

export function isConsonant(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z' && !VOWELS.has(c);
}

/** Rough syllable count: vowel groups (y as a vowel after a consonant), minus a silent final e. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  let count = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const v = isVowel(c) || (c === 'y' && i > 0 && !isVowel(w[i - 1]));
    if (v && !prevVowel) count++;
    prevVowel = v;
  }
  if (count > 1 && w.endsWith('e') && !w.endsWith('le') && !w.endsWith('ee') && !isVowel(w[w.length - 2])) count--;
  return Math.max(1, count);
}

/** Polysyllabic verbs/adjectives stressed on the last syllable end like these (→ double the final consonant). */
const STRESSED_ENDINGS = ['mit', 'cur', 'pel', 'trol', 'gret', 'quip', 'quit', 'fer', 'bed', 'set', 'gin', 'pot', 'lot'];
/** …except these (stress on an earlier syllable). */
const NO_DOUBLE = new Set([
  'limit', 'vomit', 'summit', 'offer', 'differ', 'suffer', 'proffer', 'buffer', 'pilfer', 'wafer', 'coffer',
  'budget', 'target', 'market', 'rocket', 'pocket', 'ticket', 'bracket', 'blanket', 'closet', 'carpet', 'puppet',
  'onset', 'inset', 'outset', 'asset', 'beget', 'crochet', 'ballot', 'pilot', 'jackpot',
  'margin', 'cabin', 'robin', 'origin', 'benefit', 'visit', 'edit', 'credit', 'exhibit', 'inhibit', 'prohibit',
  'deposit', 'inherit', 'audit', 'orbit', 'profit', 'limit', 'spirit', 'merit', 'covet', 'rivet', 'pivot',
  'parrot', 'carrot', 'riot', 'diet', 'quiet', 'abed', 'hotbed', 'sickbed', 'despot',
]);
/** Verbs ending in -ic that take a k before -ed/-ing. */
const TAKES_K = new Set(['panic', 'picnic', 'mimic', 'traffic', 'frolic', 'politic', 'bivouac']);

/** Should the final consonant be doubled before -ed/-ing/-er/-est? (stop→stopped, big→bigger, admit→admitted) */
export function doublesFinal(word: string): boolean {
  const w = word.toLowerCase();
  const n = w.length;
  if (n < 3) return false;
  const last = w[n - 1];
  if (!isConsonant(last) || last === 'w' || last === 'x' || last === 'y') return false;
  if (!isVowel(w[n - 2])) return false;
  // exactly one vowel letter before the final consonant ("stop", "quit"), not "heat"/"rain"
  const before = w[n - 3];
  const singleVowel = isConsonant(before) || (before === 'u' && w[n - 4] === 'q');
  if (!singleVowel) return false;
  if (syllables(w) === 1) return true;
  if (NO_DOUBLE.has(w)) return false;
  return STRESSED_ENDINGS.some((e) => w.endsWith(e));
}

/** Appends a vowel-initial suffix (-ed, -ing, -er, -est) with doubling / k-insertion as needed. */
export function attachVowelSuffix(word: string, suffix: string): string {
  const w = word.toLowerCase();
  if (TAKES_K.has(w)) return word + 'k' + suffix;
  if (doublesFinal(w)) return word + word[word.length - 1] + suffix;
  return word + suffix;
}

/** -s / -es / -ies (nouns' plural and verbs' 3rd person singular). */
export function addS(word: string): string {
  const w = word.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(w)) return word + 'es';
  if (/[^aeiou]y$/.test(w)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

/** -ed with the e / y / doubling rules. */
export function addEd(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('e')) return word + 'd';
  if (/[^aeiou]y$/.test(w)) return word.slice(0, -1) + 'ied';
  return attachVowelSuffix(word, 'ed');
}

/** -ing with the ie / e / doubling rules. */
export function addIng(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('ie')) return word.slice(0, -2) + 'ying';
  if (w.endsWith('e') && w.length > 2 && !/(ee|ye|oe)$/.test(w)) return word.slice(0, -1) + 'ing';
  return attachVowelSuffix(word, 'ing');
}

/** -er / -est for short adjectives (big→bigger, nice→nicer, happy→happier). */
export function addGrade(word: string, suffix: 'er' | 'est'): string {
  const w = word.toLowerCase();
  if (w.endsWith('e')) return word + suffix.slice(1);
  if (/[^aeiou]y$/.test(w)) return word.slice(0, -1) + 'i' + suffix;
  return attachVowelSuffix(word, suffix);
}

/** Does the adjective/adverb take -er/-est rather than more/most? */
export function takesSuffixGrade(word: string, pos: 'a' | 'r'): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  if (pos === 'r' && w.endsWith('ly') && w !== 'early') return false;
  if (/(ed|ing|ful|ous|ive|al|ic|ish|less|est)$/.test(w)) return false;
  const syl = syllables(w);
  if (syl === 1) return true;
  if (syl === 2) return /([^aeiou]y|le|ow|er)$/.test(w);
  return false;
}
