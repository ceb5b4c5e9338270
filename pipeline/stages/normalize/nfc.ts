import type { Edit } from '../../edits.js';
import { fix } from './pass.js';

/**
 * Unicode NFC, reported span by span: decomposed `e` + U+0301 becomes `é`, and
 * singletons like U+212B ANGSTROM SIGN become their canonical letter. Only spans
 * that change are edited.
 *
 * NFC never composes across ASCII whitespace (no canonical composition starts
 * with a space or line break), so the text is normalized one whitespace-delimited token
 * at a time, and only tokens with a non-ASCII character are looked at.
 */

const NON_ASCII = /[^\x00-\x7F]/g;
// ASCII whitespace only: U+2000 and U+2001 are themselves changed by NFC.
const SPACE = /[\t\n\v\f\r ]/;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function describe(s: string): string {
  return [...s].map((ch) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');
}

export function nfc(text: string): Edit[] {
  // ICU's quick check makes this cheap when nothing changes (the common case).
  if (text.normalize('NFC') === text) return [];
  const edits: Edit[] = [];
  NON_ASCII.lastIndex = 0;
  let done = 0; // end of the last token looked at
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    let start = m.index;
    while (start > done && !SPACE.test(text[start - 1])) start--;
    let end = m.index + 1;
    while (end < text.length && !SPACE.test(text[end])) end++;
    NON_ASCII.lastIndex = done = end;
    const token = text.slice(start, end);
    const normal = token.normalize('NFC');
    if (normal === token) continue;
    // Narrow the edit to the part that changed, without splitting surrogate pairs.
    let p = 0;
    while (p < token.length && p < normal.length && token[p] === normal[p]) p++;
    if (p > 0 && isLowSurrogate(token.charCodeAt(p))) p--;
    let s = 0;
    while (s < token.length - p && s < normal.length - p && token[token.length - 1 - s] === normal[normal.length - 1 - s]) s++;
    if (s > 0 && isLowSurrogate(token.charCodeAt(token.length - s))) s--;
    const before = token.slice(p, token.length - s);
    const after = normal.slice(p, normal.length - s);
    edits.push(fix(text, start + p, end - s, after, 'nfc', 0.99, `${describe(before)} → NFC ${describe(after)}`));
  }
  return edits;
}
