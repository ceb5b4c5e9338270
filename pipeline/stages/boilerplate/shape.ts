/**
 * Line and token shape features shared by the boilerplate rules.
 *
 * Everything here is a *general* feature of a line (its length, its casing, how it ends,
 * whether it is a date), never a list of particular outlets or people.
 */

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line, including its `\n` when it has one. */
  end: number;
  /** The line without its line break (and without a trailing `\r`). */
  text: string;
  /** `text` without surrounding whitespace. */
  trimmed: string;
  blank: boolean;
}

/** Splits `text` into lines; each line's `[start, end)` includes its trailing newline. */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const raw = text.slice(start, nl < 0 ? text.length : nl);
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = lineText.trim();
    out.push({ index: out.length, start, end, text: lineText, trimmed, blank: trimmed === '' });
    start = end;
  }
  return out;
}

export function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w !== '');
}

/** Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by closing quotes/brackets. */
export const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
/** Ends with a closing quotation mark (pull quotes, quoted speech). */
export const QUOTE_END = /["”’»]$/u;
/** Starts with an opening (or, in damaged text, closing) quotation mark. */
export const QUOTE_START = /^["“”‘’«„]/u;

/**
 * A body paragraph: a line of running prose. Used to find where the article starts;
 * top matter (outlet marks, bylines, datelines) only lives above the first one.
 */
export function isProse(s: string): boolean {
  const n = words(s).length;
  return (n >= 8 && (SENTENCE_END.test(s) || QUOTE_END.test(s))) || s.length >= 150;
}

/** Lowercase words that may sit inside a personal or organisation name. */
export const NAME_PARTICLES = new Set([
  'de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du',
  'bin', 'ibn', 'al', 'el', 'y', 'e', 'ter', 'zu', 'st.',
]);

/** A capitalised word, an all-caps word, an initial, a hyphenated capitalised compound. */
export function isCapToken(t: string): boolean {
  return /^(?:[\p{Lu}][\p{L}\p{M}'’.\-]*|(?:d['’]|al-|el-)\p{Lu}[\p{L}\p{M}'’.\-]*)$/u.test(t);
}

export function isAllCaps(t: string): boolean {
  return /^[\p{Lu}][\p{Lu}\p{M}'’.\-&]*$/u.test(t) && /\p{Lu}.*\p{Lu}/u.test(t);
}

/**
 * A personal name: 2-4 words, first and last capitalised (not all-caps, except initials),
 * lowercase particles only inside (`Angelica Franganillo Díaz`, `Ludwig van Beethoven`).
 */
export function isPersonName(tokens: readonly string[]): boolean {
  if (tokens.length < 2 || tokens.length > 4) return false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const edge = i === 0 || i === tokens.length - 1;
    if (isCapToken(t)) {
      if (isAllCaps(t) && !/^\p{Lu}\.?$/u.test(t) && !/^(?:\p{Lu}\.){2,}$/u.test(t)) return false;
      if (PHOTO_NOUN.test(t)) return false;
      continue;
    }
    if (!edge && NAME_PARTICLES.has(t.toLowerCase())) continue;
    return false;
  }
  return true;
}

/**
 * A group of name-like words (a person, an agency, an outlet): every word capitalised,
 * except particles and the given connectors; the first word capitalised.
 */
export function isNameGroup(tokens: readonly string[], maxTokens: number, connectors: ReadonlySet<string> = EMPTY): boolean {
  if (tokens.length === 0 || tokens.length > maxTokens) return false;
  if (!isCapToken(tokens[0])) return false;
  return tokens.every((t) => isCapToken(t) || NAME_PARTICLES.has(t.toLowerCase()) || connectors.has(t.toLowerCase()));
}
const EMPTY: ReadonlySet<string> = new Set();

/** Words naming a picture or a picture source (`Getty Images`, `AP Photo`, `Pool`). */
export const PHOTO_NOUN = /^(?:images?|photos?|photographs?|photography|pictures?|pool|handout|stock|shutterstock)$/i;

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?`;
const MONTH_RE = new RegExp(`^${MONTH}$`, 'i');
const WEEKDAY_RE = new RegExp(`^${WEEKDAY}$`, 'i');

/** A line (or caption) that ends in a calendar date: `…, Jan. 21, 2025.` or `… 21 January 2025`. */
export const DATE_AT_END = new RegExp(
  String.raw`(?:\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}\s+${MONTH}\s+\d{4}|\b\d{4}-\d{2}-\d{2})[.)]*\s*$`,
  'i',
);

const TIME_TOKEN = /^(?:\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?|a\.m\.?|p\.m\.?|am|pm)$/i;
const ZONE_TOKEN = /^(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|AE[SD]T|[JK]ST|HKT|SGT)$/;
const NUM_TOKEN = /^\d{1,4}(?:st|nd|rd|th)?\.?$/i;
const NUM_DATE = /^(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{4}-\d{2}-\d{2}T[\d:.]+Z?)$/;
const FILLER = new Set(['at', 'on', 'of', 'the', '-', '–', '—', 'ago', 'hour', 'hours', 'hr', 'hrs', 'minute', 'minutes', 'min', 'mins', 'day', 'days']);
const DATE_PREFIX = /^(?:(?:last\s+|first\s+|originally\s+)?(?:updated|published|posted|modified|created|date|dated)(?:\s+(?:on|at))?\s*:?\s*)+/i;

/**
 * A line made only of a date / time stamp, optionally introduced by `Updated`,
 * `Published`, `Posted`: `Updated 3:04 PM EST, Sat February 1, 2025`, `Jan. 31, 2025`,
 * `2025-01-31`, `3 hours ago`.
 */
export function isDateOnly(s: string): boolean {
  const body = s.replace(DATE_PREFIX, '');
  const toks = body.split(/[\s,|·•]+/).filter((t) => t !== '');
  if (toks.length === 0 || toks.length > 12) return false;
  let calendar = false;
  let digit = false;
  for (const t of toks) {
    if (MONTH_RE.test(t) || WEEKDAY_RE.test(t)) calendar = true;
    else if (NUM_DATE.test(t)) calendar = digit = true;
    else if (NUM_TOKEN.test(t)) digit = true;
    else if (TIME_TOKEN.test(t)) digit = true;
    else if (ZONE_TOKEN.test(t)) continue;
    else if (FILLER.has(t.toLowerCase())) continue;
    else return false;
  }
  if (/\bago$/i.test(body)) calendar = true;
  return calendar && digit;
}

/** `5 min read`, `3-minute read`: an article-metadata line. */
export function isReadingTime(s: string): boolean {
  return /^\d{1,3}\s*-?\s*(?:min|mins|minute|minutes)\.?\s+read$/i.test(s);
}

const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'prof',
  'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'ft', 'mt', 'u.s', 'u.k', 'u.n', 'd.c',
]);

/** Counts sentences, not splitting at abbreviations (`Jan.`, `Mr.`, `U.S.`) or initials (`J.`). */
export function sentenceCount(s: string): number {
  let n = 1;
  const re = /(\S*?)[.!?]["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  for (const m of s.matchAll(re)) {
    const prev = m[1].replace(/^["“‘(]+/u, '').toLowerCase();
    if (ABBREVIATIONS.has(prev) || /^\p{L}$/u.test(prev) || /^(?:\p{L}\.)+\p{L}$/u.test(prev)) continue;
    n++;
  }
  return n;
}

/** A lone dash / em dash / rule line: `—`, `--`. */
export function isDashLine(s: string): boolean {
  return /^[-‐‑‒–—―]{1,3}$/u.test(s);
}

/** Punctuation-only end marks: `###`, `-30-`, `***`, `* * *`. */
export function isEndMark(s: string): boolean {
  return /^(?:[-–—―_=*#~•·\s]{1,12}|-\s*30\s*-)$/u.test(s) && s.length <= 12;
}

/** Verbs of speech and writing: a label containing one is a quote lead-in, not a label. */
export const REPORTING_VERB = /\b(?:said|says|say|added|adds|told|tells|wrote|writes|stated|states|asked|asks|noted|notes|explained|explains|argued|argues|warned|warns|declared|insisted|replied|answered)\b/i;

/** Pronouns that open quote lead-ins (`He added:`), never labels. */
export const PRONOUN_START = /^(?:he|she|they|it|we|i|you|his|her|their|this|that|these|those)\b/i;

/** Strips one pair of wrapping parentheses or brackets. */
export function unwrap(s: string): string {
  const m = /^[([](.*)[)\]]\.?$/su.exec(s);
  return m ? m[1].trim() : s;
}
