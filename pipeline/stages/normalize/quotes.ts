import type { Edit } from '../../edits.js';
import { excerpt, fix } from './pass.js';

/**
 * Repairs quotations opened with a closing mark and a stray space, a typical
 * spinner artifact: `” This is where we live”` → `“This is where we live”`.
 *
 * A `”` is flipped to `“` (and the space after it dropped) only when all hold:
 *  - the document uses `“` somewhere, so `”` is not its opening mark (Swedish
 *    and Finnish open with `”`);
 *  - it opens: at line start (after any indentation), after sentence-final
 *    punctuation and a space, or after `(`, `[`, or a dash;
 *  - it is followed by spaces or tabs and an uppercase letter or digit;
 *  - no quotation is open at that point on the line (walking the line's curly
 *    double quotes, with earlier flips counted as openings), and the next
 *    curly double quote on the line is a `”` that can close it.
 * Straight `"` are ambiguous and left alone. Quotations are scoped to a line,
 * which is a paragraph in the texts unspin reads.
 */

const OPEN = '\u201C';
const CLOSE = '\u201D';
const HSPACE = /[ \t]/;
const STARTS_CONTENT = /[\p{Lu}\p{N}]/u;
const SENTENCE_END = /[.!?:;\u2026]/;
const OPENING_CONTEXT = /[([\u2013\u2014]/;

/** Where the content after a `”` at `q` starts if it is followed by spaces and an uppercase letter or digit, else -1. */
function contentAfter(text: string, q: number, lineEnd: number): number {
  let r = q + 1;
  while (r < lineEnd && HSPACE.test(text[r])) r++;
  return r > q + 1 && r < lineEnd && STARTS_CONTENT.test(String.fromCodePoint(text.codePointAt(r)!)) ? r : -1;
}

/** How the context before a `”` at `q` lets it open a quotation, or null if it does not. */
function openingContext(text: string, q: number, lineStart: number): string | null {
  let p = q - 1;
  while (p >= lineStart && HSPACE.test(text[p])) p--;
  if (p < lineStart) return 'at line start';
  if (OPENING_CONTEXT.test(text[p])) return `after ${JSON.stringify(text[p])}`;
  if (p < q - 1 && SENTENCE_END.test(text[p])) return `after ${JSON.stringify(text[p] + ' ')}`;
  return null;
}

function fixLine(text: string, lineStart: number, lineEnd: number, edits: Edit[]): void {
  const marks: number[] = [];
  for (let i = lineStart; i < lineEnd; i++) if (text[i] === OPEN || text[i] === CLOSE) marks.push(i);
  let open = false;
  for (let k = 0; k < marks.length; k++) {
    const q = marks[k];
    if (text[q] === OPEN) {
      open = true;
      continue;
    }
    const next = marks[k + 1];
    if (!open && next !== undefined && text[next] === CLOSE) {
      const r = contentAfter(text, q, lineEnd);
      const context = r < 0 ? null : openingContext(text, q, lineStart);
      if (context) {
        edits.push(fix(text, q, r, OPEN, 'flipped-open-quote', 0.9,
          `closing mark ${context}, followed by a space, opens a quotation that the next ” closes: ${excerpt(text, q, r, 20)}`));
        open = true;
        continue;
      }
    }
    open = false;
  }
}

/** A `”` followed by spaces and an uppercase letter or digit: the shape of a flipped opening. */
const CANDIDATE = /\u201D[ \t]+[\p{Lu}\p{N}]/gu;

export function flippedQuotes(text: string): Edit[] {
  if (!text.includes(OPEN)) return [];
  const edits: Edit[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd < 0) lineEnd = text.length;
    fixLine(text, lineStart, lineEnd, edits);
    CANDIDATE.lastIndex = lineEnd;
  }
  return edits;
}
