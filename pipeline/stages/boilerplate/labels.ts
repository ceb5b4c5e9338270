/**
 * Labels standing alone on a line: page furniture (`Advertisement`, `Story continues below`),
 * link lines (`Read more: …`, `Related: …`) and short colon labels (`Additional Coverage:`).
 *
 * Page-furniture and link-line wording is web-page vocabulary, not article prose, so those
 * are recognised anywhere. A bare colon label is removed above the first paragraph or after
 * the last one; in the middle of an article it may be a heading, so it is only suggested.
 */

import { PRONOUN_START, REPORTING_VERB, isCapToken, words } from './shape.js';
import type { Verdict } from './verdict.js';

const FURNITURE = /^(?:advertisements?|ad|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading(?: below| the main story)?|skip advertisement|scroll to continue(?: with content)?|supported by|recommended(?: stories| for you| reading)?)$/i;

/** `Advertisement`, `- ADVERTISEMENT -`, `[Story continues below advertisement]`. */
export function pageFurniture(s: string): Verdict | null {
  const core = s.replace(/^[\s\-–—[(]+|[\s\-–—\])]+$/gu, '');
  if (!FURNITURE.test(core)) return null;
  return {
    reason: 'section-label',
    confidence: 0.9,
    evidence: `"${core}" alone on a line: page furniture (an advertisement or navigation label), not article text.`,
  };
}

const LINK_LABEL = /^(?:read more|related|also read|see also|more on this(?: story)?|recommended reading|watch|listen|more coverage|further reading)\s*:\s*\S/i;

/** `Read more: …`, `RELATED: …`, `Watch: …` — a link line, wherever it is. */
export function linkLine(s: string): Verdict | null {
  if (!LINK_LABEL.test(s) || words(s).length > 25) return null;
  return {
    reason: 'source-trailer',
    confidence: 0.85,
    evidence: 'A "Read more / Related / Watch:" link line: navigation, not article text.',
  };
}

/**
 * A bare label: 1-4 words ending in a colon, nothing after it (`Additional Coverage:`).
 * `titleCase` additionally requires every word to be capitalised (used mid-article).
 */
export function bareLabel(s: string, titleCase: boolean): Verdict | null {
  const m = /^([\p{Lu}][\p{L}'’\-]*(?:\s+[\p{L}'’\-&]+){0,3})\s*:$/u.exec(s);
  if (!m) return null;
  const label = m[1];
  if (REPORTING_VERB.test(label) || PRONOUN_START.test(label)) return null;
  if (titleCase && !words(label).every((w) => isCapToken(w) || /^(?:of|and|the|&|to|in|on|for)$/i.test(w))) return null;
  return {
    reason: 'section-label',
    confidence: 0.85,
    evidence: `A short label ending in a colon ("${label}:") alone on its line.`,
  };
}
