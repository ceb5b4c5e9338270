/**
 * Contributor lines and end-of-article trailers.
 *
 * Contributor lines have a fixed grammatical shape (`<names> contributed (to this report|
 * reporting).`, `Reporting by X; Editing by Y`) and are recognised anywhere. The other
 * trailers (`Source: X`, `Article by:Source:`, `Sign up for …`, `© 2025 …`) are only
 * recognised in the block of lines after the last body paragraph.
 */

import { NAME_PARTICLES, PRONOUN_START, QUOTE_END, QUOTE_START, REPORTING_VERB, isCapToken, isEndMark, isNameGroup, unwrap, words } from './shape.js';

const NAME_CONNECTORS: ReadonlySet<string> = new Set(['and', '&', 'the', 'of', 'for', 'via']);
import type { Verdict } from './verdict.js';

const CONTRIBUTED = /^(.{2,250}?)\s+(?:also\s+)?contributed\s+(?:(?:additional\s+|further\s+)?(?:reporting|research|writing|reports?)|to\s+(?:this|the|these)\s+(?:report|reports|story|stories|article|reporting|coverage|piece|post)|this\s+report)(?:\s+(?:from|in)\s+[^.!?]{1,80})?\.?$/su;

/** `CNN’s Jane Doe contributed to this report.`, `A, B and C contributed reporting.` */
export function contributorLine(s: string): Verdict | null {
  const m = CONTRIBUTED.exec(unwrap(s));
  if (!m) return null;
  const subject = m[1];
  // One sentence only: no earlier sentence end (a lowercase word, then . ! ?, then a space).
  if (/\p{Ll}{2,}[.!?]["”’]?\s/u.test(subject) || words(subject).length > 30) return null;
  if (!/\p{Lu}/u.test(subject)) return null;
  return {
    reason: 'contributor-line',
    confidence: 0.95,
    evidence: 'A single sentence whose predicate is "contributed to this report / contributed reporting": a contributor credit.',
  };
}

const ROLE = String.raw`(?:(?:additional|further|extra)\s+)?(?:reporting|writing|editing|research|reported|written|edited|compiled|produced|graphics|photos?|photography|video|fact-?checking|sub-?editing|translation|translated|design|data)`;
const ROLE_SEGMENT = new RegExp(String.raw`^${ROLE}(?:\s*(?:,|and|&)\s*${ROLE})*\s+by\s+(.+)$`, 'i');
const CREDIT_WORDS = new Set(['and', '&', 'in', 'from', 'the', 'at', 'of', 'with']);

/** `Reporting by Jane Doe in Panama City; Editing by John Roe` (Reuters style), also in parentheses. */
export function reportingByLine(s: string): Verdict | null {
  const inner = unwrap(s).replace(/\.$/, '');
  if (inner.length > 300 || !/^[A-Z]/.test(inner)) return null;
  const segments = inner.split(/\s*;\s*/);
  for (const seg of segments) {
    const m = ROLE_SEGMENT.exec(seg);
    if (!m) return null;
    const toks = m[1].split(/[\s,]+/).filter((t) => t !== '');
    if (toks.length === 0 || !isCapToken(toks[0])) return null;
    for (const t of toks) {
      if (!(isCapToken(t) || CREDIT_WORDS.has(t.toLowerCase()) || NAME_PARTICLES.has(t.toLowerCase()))) return null;
    }
  }
  return {
    reason: 'contributor-line',
    confidence: 0.95,
    evidence: '"Reporting/Editing by" followed only by names and places: a wire-service credit line.',
  };
}

/** Labels that introduce a source or a link at the end of an article. */
const TRAILER_LABEL = /^(?:source|sources|via|credit|credits|read more|related|see also|also read|more|article by|written by|edited by|tags|topics|filed under|originally published)$/i;

/**
 * `Label: short rest` in the trailing block: `Source: Reuters`, `Article by:Source:`,
 * `Read more: Rubio's trip, explained`. The label is 1-3 words with no verb of speech
 * (`Mulino said: …` is a quote), the rest is short and is not a quotation or a full sentence
 * (unless the label is a known source/link label).
 */
export function colonTrailer(s: string): Verdict | null {
  const m = /^([\p{Lu}][\p{L}'’]*(?:\s+[\p{L}'’]+){0,2})\s*:\s*(.*)$/u.exec(s);
  if (!m) return null;
  const [, label, rest] = m;
  if (REPORTING_VERB.test(label) || PRONOUN_START.test(label)) return null;
  if (rest === '' || /^(?:[\p{L}'’]+(?:\s+[\p{L}'’]+){0,2}\s*:\s*)+$/u.test(rest)) {
    return {
      reason: 'source-trailer',
      confidence: 0.85,
      evidence: `A short label ending in a colon ("${label}:") with nothing after it, after the last paragraph.`,
    };
  }
  if (QUOTE_START.test(rest) || words(rest).length > 15) return null;
  if (TRAILER_LABEL.test(label)) {
    return {
      reason: 'source-trailer',
      confidence: 0.9,
      evidence: `A "${label}:" source or link line after the last paragraph.`,
    };
  }
  // Any other label (`Editor: Jane Doe`, `Photos: Jane Doe`) only with a bare name after it:
  // `Bottom line: Panama won't budge` is a sentence.
  const restWords = words(rest.replace(/[,;]/g, ' '));
  if (QUOTE_END.test(rest) || restWords.length > 6 || !isNameGroup(restWords, 6, NAME_CONNECTORS)) return null;
  return {
    reason: 'source-trailer',
    confidence: 0.8,
    evidence: `A "${label}:" line followed only by a name, after the last paragraph: a credit or source trailer.`,
  };
}

const CALL_TO_ACTION = /^(?:Sign up|Subscribe|Follow (?:us\b|@|\p{Lu})|Click here|Download (?:the|our)\b|Join (?:us|our|the conversation)\b|Get (?:the|our) (?:latest|best|free)\b|Like us\b|Share (?:this|on)\b|Don['’]t miss|Support (?:our|independent)\b|Want (?:more|to read more)\b)/u;

/** `Sign up for our newsletter`, `Follow us on X`, `Follow Jane Doe on X`: a call to action in the trailing block. */
export function callToAction(s: string): Verdict | null {
  // An all-capitals line is tested in sentence case ("SIGN UP FOR …" → "Sign up for …").
  const t = s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s;
  if (!CALL_TO_ACTION.test(t) || words(s).length > 30) return null;
  return {
    reason: 'source-trailer',
    confidence: 0.8,
    evidence: 'A call to action (sign up / subscribe / follow) after the last paragraph.',
  };
}

/** `© 2025 Reuters`, `Copyright 2025 The Associated Press. All rights reserved.` */
export function copyrightLine(s: string): Verdict | null {
  if (!/^(?:©|\(c\)\s|copyright\b|all rights reserved)/i.test(s) || words(s).length > 25) return null;
  return { reason: 'source-trailer', confidence: 0.9, evidence: 'A copyright notice after the last paragraph.' };
}

/** `This story has been updated with additional information.` */
export function editorNote(s: string): Verdict | null {
  if (!/^this (?:story|article|report|post) (?:has been|was|is) (?:updated|originally published|first published|published|produced|adapted)\b/i.test(s)) return null;
  if (words(s).length > 40) return null;
  return { reason: 'source-trailer', confidence: 0.75, evidence: 'An editorial note about the story itself, after the last paragraph.' };
}

/** `###`, `-30-`, `***` as the last line. */
export function endMark(s: string): Verdict | null {
  if (!isEndMark(s)) return null;
  return { reason: 'source-trailer', confidence: 0.8, evidence: 'A punctuation-only end mark after the last paragraph.' };
}
