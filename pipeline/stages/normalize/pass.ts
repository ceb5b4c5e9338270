import { makeEdit, type Edit } from '../../edits.js';

/**
 * One normalization rule. It proposes sorted, non-overlapping edits against the
 * text it is given; `normalize` runs the passes in sequence on each other's output
 * and composes their edits back onto the input (see compose.ts).
 */
export type Pass = (text: string) => Edit[];

/** A `normalize`-stage edit. */
export function fix(
  text: string,
  start: number,
  end: number,
  after: string,
  reason: string,
  confidence: number,
  evidence: string,
): Edit {
  return makeEdit(text, start, end, after, { stage: 'normalize', reason, confidence, evidence });
}

/** `U+200B` style name of a character, for evidence strings. */
export function codePointName(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

const UNSEEN = /[\u0080-\u00A0\u00AD\u200B-\u200F\u2028-\u202F\u2060\uFEFF]/g;
const ANY_UNSEEN = new RegExp(UNSEEN.source);

/** `s` quoted, with invisible and control characters spelled out as \uXXXX. */
export function show(s: string): string {
  const quoted = JSON.stringify(s);
  if (!ANY_UNSEEN.test(quoted)) return quoted;
  return quoted.replace(UNSEEN, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

/** Short quoted excerpt of `text` around [start, end), for evidence strings. */
export function excerpt(text: string, start: number, end: number, pad = 12): string {
  const from = Math.max(0, start - pad);
  const to = Math.min(text.length, end + pad);
  return show((from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : ''));
}
