import type { Edit } from '../../edits.js';
import { CP1252_HIGH } from './cp1252.js';
import { codePointName, fix } from './pass.js';

/**
 * Removes characters that have no business in plain text and are invisible, so a
 * reader cannot see why two "equal" strings differ:
 *  - C0 controls other than \t, \n (and \r, handled by newlines.ts); vertical tab
 *    and form feed become \n because they separate lines or pages (spaces around
 *    them are then whitespace.ts's, as on any line: trailing ones go, indentation stays);
 *  - C1 controls: those Windows-1252 defines become that character (`it\u0092s`
 *    is cp1252 `it’s` read as Latin-1, ftfy's `fix_c1_controls`); the rest go;
 *  - soft hyphen, word joiner, BOM (anywhere: a BOM mid-text is a concatenation
 *    artifact, and at the start it is an encoding artifact);
 *  - zero-width space, except between letters of scripts written without spaces
 *    (Thai, Lao, Khmer, Myanmar, Tibetan), where it marks word boundaries;
 *  - zero-width joiner / non-joiner, except next to emoji (👨‍👩‍👧 sequences) or
 *    next to letters of non-Latin scripts (Persian, Indic), where they change shaping.
 */

const CANDIDATES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]+/g;
const ANY_CANDIDATE = new RegExp(CANDIDATES.source);

const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u20E3]/u;
const NON_LATIN_LETTER = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])[\p{L}\p{M}]/u;
const SPACELESS_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
};

interface Verdict {
  after: string;
  reason: string;
  confidence: number;
  why: string;
}

function codePointBefore(text: string, i: number): string {
  const cp = text.codePointAt(i - 2);
  return cp !== undefined && cp > 0xffff ? String.fromCodePoint(cp) : text.charAt(i - 1);
}

function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** What to do with the character at `i` (one of CANDIDATES); null keeps it. */
function verdict(text: string, i: number, runStart: number, runEnd: number): Verdict | null {
  const ch = text[i];
  const c = ch.charCodeAt(0);
  if (c === 0x0b || c === 0x0c) return { after: '\n', reason: 'control-char', confidence: 0.9, why: `${codePointName(ch)} (vertical tab / form feed) separates lines` };
  if (c < 0x20 || c === 0x7f) return { after: '', reason: 'control-char', confidence: 0.95, why: `${codePointName(ch)} is a control character` };
  if (c >= 0x80 && c <= 0x9f) {
    const cp1252 = CP1252_HIGH[c - 0x80];
    return cp1252
      ? { after: cp1252, reason: 'c1-control', confidence: 0.85, why: `${codePointName(ch)} is Windows-1252 ${JSON.stringify(cp1252)} read as Latin-1` }
      : { after: '', reason: 'control-char', confidence: 0.95, why: `${codePointName(ch)} is a C1 control character` };
  }
  // Joiners and zero-width spaces are judged by the visible neighbours of their run.
  const prev = codePointBefore(text, runStart);
  const next = codePointAt(text, runEnd);
  if (c === 0x200b && SPACELESS_SCRIPT.test(prev) && SPACELESS_SCRIPT.test(next)) return null;
  if (c === 0x200c || c === 0x200d) {
    if (EMOJI.test(prev) || EMOJI.test(next)) return null;
    if (NON_LATIN_LETTER.test(prev) || NON_LATIN_LETTER.test(next)) return null;
  }
  return { after: '', reason: 'invisible-char', confidence: 0.95, why: `${codePointName(ch)} ${INVISIBLE_NAMES[c]} is invisible` };
}

interface Open extends Verdict {
  start: number;
  whys: Set<string>;
}

function toEdit(text: string, open: Open, end: number): Edit {
  return fix(text, open.start, end, open.after, open.reason, open.confidence, [...open.whys].join('; '));
}

export function invisible(text: string): Edit[] {
  if (!ANY_CANDIDATE.test(text)) return [];
  const edits: Edit[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m; m = CANDIDATES.exec(text)) {
    const runStart = m.index;
    const runEnd = runStart + m[0].length;
    // Neighbouring characters that get the same reason become one edit.
    let open: Open | null = null;
    for (let i = runStart; i < runEnd; i++) {
      const v = verdict(text, i, runStart, runEnd);
      if (open && v && v.reason === open.reason) {
        open.after += v.after;
        open.whys.add(v.why);
        continue;
      }
      if (open) edits.push(toEdit(text, open, i));
      open = v ? { ...v, start: i, whys: new Set([v.why]) } : null;
    }
    if (open) edits.push(toEdit(text, open, runEnd));
  }
  return edits;
}
