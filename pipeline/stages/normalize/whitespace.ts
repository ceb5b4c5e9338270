import type { Edit } from '../../edits.js';
import { fix, show } from './pass.js';

/**
 * Horizontal whitespace inside lines:
 *  - trailing whitespace at a line's end (or the text's end) is removed, so a
 *    whitespace-only line becomes an empty one; line breaks are never touched, so
 *    blank lines and paragraphs stay as they are;
 *  - a run of 2+ spaces, or of spaces and tabs mixed, inside a line becomes one
 *    space. Runs of tabs alone are kept (tab-separated columns), and so is a single
 *    tab or a single no-break space (French `« oui »`); a run of no-break or
 *    typographic spaces becomes one space.
 *  - leading indentation is kept as it is: it can be meaningful (code, verse,
 *    nested lists) and collapsing it cannot be undone from the output.
 * In plain text, two trailing spaces are removed like any others; Markdown files keep
 * them where they make a hard line break (`markdownWhitespace`). U+3000 (ideographic
 * space) is never touched.
 */

const HSPACE_CLASS = '[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F]';
const CANDIDATES = new RegExp(`${HSPACE_CLASS}{2,}|${HSPACE_CLASS}(?=\\n|$)`, 'g');
const TABS_ONLY = /^\t+$/;

function describe(run: string): string {
  if (/^ +$/.test(run)) return run.length === 1 ? '1 space' : `${run.length} spaces`;
  return show(run);
}

export function whitespace(text: string): Edit[] {
  return spaces(text, false);
}

/**
 * The same for Markdown: two or more spaces ending a line that is followed by more of
 * its paragraph (a non-blank line) are a hard line break, and stay.
 */
export function markdownWhitespace(text: string): Edit[] {
  return spaces(text, true);
}

function hardBreak(text: string, start: number, end: number, run: string): boolean {
  if (!/^ {2,}$/.test(run) || end >= text.length) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end + 1);
  return /\S/.test(text.slice(lineStart, start)) && /\S/.test(text.slice(end + 1, next < 0 ? text.length : next));
}

function spaces(text: string, markdown: boolean): Edit[] {
  const edits: Edit[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m; m = CANDIDATES.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === text.length || text[end] === '\n') {
      if (markdown && hardBreak(text, start, end, m[0])) continue;
      edits.push(fix(text, start, end, '', 'trailing-space', 0.99, `${describe(m[0])} at line end`));
      continue;
    }
    const leading = start === 0 || text[start - 1] === '\n';
    if (leading || TABS_ONLY.test(m[0])) continue;
    edits.push(fix(text, start, end, ' ', 'space-run', 0.95, `${describe(m[0])} inside a line`));
  }
  return edits;
}
