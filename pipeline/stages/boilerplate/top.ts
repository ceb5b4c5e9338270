/**
 * Top matter: the short lines above the first body paragraph that name the outlet, the
 * author or the place and date (`CNN`, `—`, `By Jane Doe and John Roe, Reuters`,
 * `WASHINGTON (AP) —`, `Updated 3:04 PM EST, Sat February 1, 2025`).
 *
 * These rules are only consulted for lines above the first body paragraph (and some of
 * them in the trailing block), never in the middle of an article, where a short
 * capitalised line is a section heading.
 */

import {
  NAME_PARTICLES, isAllCaps, isCapToken, isDashLine, isDateOnly, isReadingTime, words,
} from './shape.js';
import type { Verdict } from './verdict.js';

/** Nouns that end the names of news organisations (`The Associated Press`, `BBC News`). */
const MEDIA_NOUN = /^(?:press|news|newswire|times|post|journal|herald|tribune|telegraph|guardian|gazette|chronicle|network|agency|broadcasting|radio|television|tv|wire|daily|magazine|media|observer|inquirer|dispatch|monitor)$/i;
const NAME_CONNECTORS = new Set(['the', 'of', 'and', '&']);

/** Name-shaped short line: ≤ 5 words, all capitalised (or `of`/`and`/`&`), no punctuation at the end, no digits. */
function nameShaped(s: string): string[] | null {
  if (s.length > 40 || /[.!?,;:"“”()]$/u.test(s) || /\d/.test(s)) return null;
  const toks = words(s);
  if (toks.length === 0 || toks.length > 5 || !isCapToken(toks[0])) return null;
  for (const t of toks) {
    if (!(isCapToken(t) || NAME_CONNECTORS.has(t.toLowerCase()) || NAME_PARTICLES.has(t.toLowerCase()))) return null;
    if (/[’']s$/u.test(t)) return null; // possessive: "Rubio's Trip"
  }
  return toks;
}

/**
 * An outlet mark. `clustered` says whether the next line is a lone dash (an outlet name
 * followed by `—` is the split dateline of `CNN —`); a title-case line above a byline is a
 * headline and does not count.
 */
export function outletMark(s: string, clustered: boolean): Verdict | null {
  const toks = nameShaped(s);
  if (!toks) return null;
  if (toks.length === 1) {
    const caps = isAllCaps(toks[0]);
    return {
      reason: 'outlet-mark',
      confidence: caps ? 0.9 : 0.8,
      evidence: `A single ${caps ? 'all-capitals ' : 'capitalised '}word on its own line above the first paragraph, with no sentence punctuation: an outlet or section mark.`,
    };
  }
  if (toks.length <= 2 && toks.every(isAllCaps) && !/^(?:THE|A|AN)$/.test(toks[0])) {
    return {
      reason: 'outlet-mark',
      confidence: 0.85,
      evidence: 'A one- or two-word all-capitals line above the first paragraph: an outlet mark or a dateline place.',
    };
  }
  if (toks.length <= 4 && MEDIA_NOUN.test(toks[toks.length - 1])) {
    return {
      reason: 'outlet-mark',
      confidence: 0.8,
      evidence: 'A short capitalised name ending in a news-organisation noun, alone above the first paragraph.',
    };
  }
  if (clustered && toks.length <= 4) {
    return {
      reason: 'outlet-mark',
      confidence: 0.75,
      evidence: 'A short capitalised name directly above a lone dash line (a split "OUTLET —" dateline).',
    };
  }
  return null;
}

export function dashLine(s: string): Verdict | null {
  if (!isDashLine(s)) return null;
  return {
    reason: 'outlet-mark',
    confidence: 0.95,
    evidence: 'A lone dash line above the first paragraph: the separator of a split "OUTLET —" dateline.',
  };
}

const BYLINE_LEAD = /^(?:by|written by|story by|words by|text by|reported by|interview by)\s+/i;
const BYLINE_WORDS = new Set([
  'and', '&', 'the', 'of', 'for', 'in', 'at', 'staff', 'writer', 'writers', 'reporter', 'reporters',
  'correspondent', 'correspondents', 'editor', 'editors', 'contributor', 'contributors', 'columnist',
  'senior', 'chief', 'special', 'political', 'foreign', 'national', 'international', 'investigative',
  'deputy', 'associate', 'managing', 'news', 'desk',
]);

/**
 * `By Jane Doe`, `By Jane Doe and John Roe, Reuters`, `By JANE DOE | The Times | Updated …`:
 * `By` followed only by capitalised names, role words and separators (an optional date part
 * after `|` or `Updated`). `By Thursday, the talks had collapsed.` fails on its lowercase words.
 */
export function byline(s: string): Verdict | null {
  const lead = BYLINE_LEAD.exec(s);
  if (!lead || !/^[A-Z]/.test(s)) return null;
  if (s.length > 160) return null;
  let rest = s.slice(lead[0].length);
  // A date / update part: after a pipe or bullet, or after "Updated"/"Published".
  const parts = rest.split(/\s*[|·•]\s*|\s+(?=(?:Updated|Published|Posted)\b)/);
  rest = parts[0];
  for (const p of parts.slice(1)) {
    if (!(isDateOnly(p) || nameGroupLoose(p))) return null;
  }
  rest = rest.replace(/\.$/, '');
  const toks = rest.split(/[\s,;]+|\s*[-–—]\s+/).filter((t) => t !== '');
  if (toks.length === 0 || toks.length > 16 || !isCapToken(toks[0])) return null;
  let names = 0;
  for (const t of toks) {
    if (isCapToken(t)) names++;
    else if (!BYLINE_WORDS.has(t.toLowerCase()) && !NAME_PARTICLES.has(t.toLowerCase())) return null;
  }
  if (names === 0 || /[!?]$/.test(rest)) return null;
  return {
    reason: 'byline',
    confidence: 0.9,
    evidence: `"${lead[0].trim()}" followed only by capitalised names and separators: a byline.`,
  };
}

function nameGroupLoose(s: string): boolean {
  const toks = words(s);
  return toks.length > 0 && toks.length <= 6 && toks.every((t) => isCapToken(t) || BYLINE_WORDS.has(t.toLowerCase()));
}

/**
 * Dateline-only lines: `WASHINGTON —`, `PANAMA CITY, Panama (AP) —`, `Jan. 31, 2025`,
 * `Updated 3:04 PM EST, Sat February 1, 2025`, `5 min read`.
 */
export function dateline(s: string): Verdict | null {
  if (isDateOnly(s)) {
    return { reason: 'dateline', confidence: 0.9, evidence: 'A line made only of a date or time stamp.' };
  }
  if (isReadingTime(s)) {
    return { reason: 'dateline', confidence: 0.9, evidence: 'An article reading-time line ("N min read").' };
  }
  const m = /^([\p{Lu}][\p{Lu}\p{M}.'’ -]*[\p{Lu}.])(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ -]{0,30}?)?\s*(\([^()]{1,30}\))?\s*([-–—―]{1,2})?$/u.exec(s);
  if (m && (m[2] !== undefined || m[3] !== undefined) && words(m[1]).length <= 4 && isAllCaps(m[1].replace(/[\s.'’-]/gu, ''))) {
    return {
      reason: 'dateline',
      confidence: 0.9,
      evidence: 'An all-capitals place name followed by an agency in parentheses or a dash, alone on its line: a dateline.',
    };
  }
  return null;
}
