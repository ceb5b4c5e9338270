/**
 * Photo credits and photo captions.
 *
 * A credit line has the shape `Capitalized Name/Capitalized Agency[/Agency…]`, optionally
 * introduced by `Photo:` / `Photo by` / `Photograph:` / `Credit:` / `Courtesy of`, optionally
 * in parentheses; or is a short capitalised name ending in a picture noun (`Getty Images`,
 * `AP Photo`). A caption is the single sentence directly above a credit.
 */

import {
  DATE_AT_END, PHOTO_NOUN, QUOTE_START, SENTENCE_END,
  isNameGroup, isPersonName, sentenceCount, unwrap, words,
} from './shape.js';

export interface Credit {
  /**
   * `strong`: the shape alone says "credit" (a prefix, a picture noun, or a person name
   * followed by agencies). `weak`: slash-separated capitalised names that could also be a
   * heading (`Reuters/Jonathan Ernst` vs `US/China Relations`); only taken under a caption.
   */
  strength: 'strong' | 'weak';
  /** Human-readable description of the shape that matched. */
  form: string;
}

const PREFIX_WORD = String.raw`(?:photo|photos|photograph|photographs|photography|picture|pictures|image|images|illustration|video|credit|photo credit|image credit)(?:\s*:\s*|\s+by\s+)|courtesy(?:\s+of)?\s+`;
const PREFIX_RE = new RegExp(`^(?:${PREFIX_WORD})`, 'i');
const AGENCY_PREFIX_RE = /^[A-Z]{2,6}\s+/;

/** A credit prefix (`Photo:`, `Photo by`, `AP Photo by`, `Courtesy of`); an agency word before it must be all caps. */
function creditPrefix(s: string): string | null {
  const m = PREFIX_RE.exec(s);
  if (m) return m[0];
  const agency = AGENCY_PREFIX_RE.exec(s);
  if (!agency) return null;
  const rest = PREFIX_RE.exec(s.slice(agency[0].length));
  return rest ? agency[0] + rest[0] : null;
}

const AGENCY_CONNECTORS: ReadonlySet<string> = new Set(['via', 'for', 'of', 'and', '&', 'the']);
const FILE_SUFFIX = /\s*,?\s*(?:file(?:\s+photo)?|handout)\s*$/i;

/** Splits `Name/Agency/Agency` (or `Name | Agency | Agency`) into word groups; null unless every group is name-shaped. */
function slashGroups(s: string): string[][] | null {
  if (!s.includes('/') && !s.includes(' | ')) return null;
  const parts = s.split(/\s*\/\s*|\s+\|\s+/);
  if (parts.length < 2 || parts.length > 5) return null;
  const groups = parts.map((p) => words(p));
  for (const g of groups) if (!isNameGroup(g, 5, AGENCY_CONNECTORS)) return null;
  return groups;
}

/** A short capitalised name ending in a picture noun: `Getty Images`, `AP Photo`, `Alamy Stock Photo`. */
function isPictureSource(tokens: readonly string[]): boolean {
  return tokens.length >= 1 && tokens.length <= 4 && isNameGroup(tokens, 4, AGENCY_CONNECTORS) && PHOTO_NOUN.test(tokens[tokens.length - 1]);
}

/** Recognises a photo credit line; null when the line is not credit-shaped. */
export function parseCredit(line: string): Credit | null {
  let s = unwrap(line.trim());
  if (s.length < 4 || s.length > 90) return null;
  if (/^by\s/i.test(s)) return null; // a byline, not a credit
  if (/\d/.test(s.replace(/\b\d{4}\b/g, ''))) return null; // no digits except a year: "The 24/7 news cycle"
  if (SENTENCE_END.test(s) && !/\b\p{Lu}\.$/u.test(s)) s = s.replace(/\.$/, '');
  if (/[!?;:"“”]/.test(s.slice((creditPrefix(s) ?? '').length))) return null;
  s = s.replace(FILE_SUFFIX, '').trim();

  const prefix = creditPrefix(s);
  if (prefix !== null) {
    const rest = s.slice(prefix.length).trim();
    const restTokens = words(rest);
    if (slashGroups(rest) || isNameGroup(restTokens, 8, AGENCY_CONNECTORS)) {
      return { strength: 'strong', form: `"${prefix.trim()}" followed by a capitalised name` };
    }
    // `AP Photo/Evan Vucci`: the prefix itself is the first slash group.
  }

  const groups = slashGroups(s);
  if (groups) {
    if (groups.length > 4 || groups.reduce((n, g) => n + g.length, 0) > 12) return null;
    if (groups.some((g) => isPictureSource(g))) {
      return { strength: 'strong', form: 'slash-separated names including a picture source' };
    }
    if (isPersonName(groups[0]) && groups.slice(1).every((g) => g.length <= 4)) {
      return { strength: 'strong', form: 'a person name followed by /Agency' };
    }
    if (groups.every((g) => g.length <= 4)) {
      return { strength: 'weak', form: 'slash-separated capitalised names' };
    }
    return null;
  }

  const tokens = words(s);
  // At least two words: a lone `Photos` or `Pool` may be a gallery heading.
  if (tokens.length >= 2 && isPictureSource(tokens)) return { strength: 'strong', form: 'a picture-source name alone' };
  // `Jane Doe for The New York Times`
  const forAt = tokens.indexOf('for');
  if (forAt >= 2 && isPersonName(tokens.slice(0, forAt)) && isNameGroup(tokens.slice(forAt + 1), 5, AGENCY_CONNECTORS)) {
    return { strength: 'weak', form: 'a person name "for" an outlet' };
  }
  return null;
}

export interface CaptionCheck {
  ok: boolean;
  /** True when the caption is confirmed by a date ending or a block break above it. */
  confirmed: boolean;
  evidence: string[];
}

/**
 * Whether `s` (the line directly above a credit) looks like a photo caption: one or two
 * sentences, at most 400 characters, ending in sentence punctuation or a date, not a quote.
 */
export function captionShape(s: string, blockStart: boolean): CaptionCheck {
  const evidence: string[] = [];
  if (s.length < 15 || s.length > 400) return { ok: false, confirmed: false, evidence };
  if (QUOTE_START.test(s)) return { ok: false, confirmed: false, evidence }; // pull quotes stay
  const dated = DATE_AT_END.test(s);
  if (!dated && !SENTENCE_END.test(s)) return { ok: false, confirmed: false, evidence };
  const sentences = sentenceCount(s);
  if (sentences > 2) return { ok: false, confirmed: false, evidence };
  evidence.push(sentences === 1 ? 'a single sentence' : 'two sentences');
  if (dated) evidence.push('ending in a date');
  if (blockStart) evidence.push('starting a block');
  return { ok: true, confirmed: dated || blockStart, evidence };
}

/**
 * A caption and its credit on one line: `… Jan. 21, 2025. (AP Photo/Evan Vucci)` or
 * `… in Panama City. Photo: Jane Doe/Reuters`. Only strong credits count here.
 */
export function inlineCaptionCredit(s: string): { caption: string; credit: Credit } | null {
  if (s.length > 500) return null;
  let caption: string | null = null;
  let tail: string | null = null;
  const paren = /^(.*\S)\s*(\([^()]{4,90}\))\.?$/su.exec(s);
  if (paren) {
    caption = paren[1];
    tail = paren[2];
  } else {
    const m = /^(.*[.!?]["”’]?)\s+([^.!?]{4,90})$/su.exec(s);
    if (m) {
      caption = m[1];
      tail = m[2];
    }
  }
  if (caption === null || tail === null) return null;
  const credit = parseCredit(tail);
  if (!credit || credit.strength !== 'strong') return null;
  if (!SENTENCE_END.test(caption) && !DATE_AT_END.test(caption)) return null;
  if (sentenceCount(caption) > 3) return null;
  return { caption, credit };
}
