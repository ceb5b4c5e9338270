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
 * Limits: Markdown hard breaks (two trailing spaces) are removed; U+3000
 * (ideographic space) is never touched.
 */

const HSPACE_CLASS = '[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F]';
const CANDIDATES = new RegExp(`${HSPACE_CLASS}{2,}|${HSPACE_CLASS}(?=\\n|$)`, 'g');
const TABS_ONLY = /^\t+$/;

function describe(run: string): string {
  if (/^ +$/.test(run)) return run.length === 1 ? '1 space' : `${run.length} spaces`;
  return show(run);
}

export function whitespace(text: string): Edit[] {
  const edits: Edit[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m; m = CANDIDATES.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === text.length || text[end] === '\n') {
      edits.push(fix(text, start, end, '', 'trailing-space', 0.99, `${describe(m[0])} at line end`));
      continue;
    }
    const leading = start === 0 || text[start - 1] === '\n';
    if (leading || TABS_ONLY.test(m[0])) continue;
    edits.push(fix(text, start, end, ' ', 'space-run', 0.95, `${describe(m[0])} inside a line`));
  }
  return edits;
}
