/**
 * Markdown files (`*.md`, `*.markdown`) carry meaning in whitespace that plain text does
 * not: code blocks keep their spacing and quotes as written, and two or more spaces at
 * the end of a line inside a paragraph are a hard line break. `codeBlocks` finds the
 * code, so that normalize runs only its encoding passes there (see normalize.ts).
 *
 * CommonMark's rules, kept to what matters here:
 *  - a fenced block opens with a line of 3+ backticks or tildes (indented at most 3
 *    spaces) and closes with a line of the same character, at least as long, or at the
 *    end of the text;
 *  - an indented block is a run of lines indented 4+ spaces (or a tab) that follows a
 *    blank line (or the start of the text or another block). List items' continuation
 *    paragraphs look the same and are treated as code too: their spacing is kept.
 * Inline code spans (`a  b`), fences inside block quotes or list items, and files whose
 * lines end in a lone CR are not told apart from prose.
 */

/** An opening fence; a backtick fence's info string holds no backtick (else the line is inline code). */
const FENCE = /^ {0,3}(?:(`{3,})[^`]*$|(~{3,}))/;
/** A closing fence: backticks or tildes only, then white space. */
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;
const INDENTED = /^(?: {4}|\t)/;
const BLANK = /^[ \t]*\r?$/;

export function isMarkdownPath(path: string): boolean {
  return /\.(?:md|markdown)$/i.test(path);
}

/** Code blocks of a Markdown text as [start, end) offsets, whole lines with their line breaks, sorted. */
export function codeBlocks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let fence: string | undefined;
  let blockStart = -1;
  let prevBlank = true;
  let inIndented = false;
  const close = (end: number) => {
    if (blockStart >= 0) out.push([blockStart, end]);
    blockStart = -1;
  };
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(start, nl < 0 ? text.length : nl);
    let blank = BLANK.test(line);
    if (fence !== undefined) {
      const m = CLOSING.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length) {
        fence = undefined;
        close(end);
        // Like a blank line, the end of a fenced block may be followed by an indented one.
        blank = true;
      }
    } else {
      const m = FENCE.exec(line);
      if (m) {
        if (inIndented) close(start);
        inIndented = false;
        fence = m[1] ?? m[2];
        blockStart = start;
      } else if (INDENTED.test(line) && !BLANK.test(line) && (prevBlank || inIndented)) {
        if (!inIndented) blockStart = start;
        inIndented = true;
      } else if (inIndented && !BLANK.test(line)) {
        inIndented = false;
        close(start);
      }
    }
    prevBlank = blank;
    start = end;
  }
  close(text.length);
  return out;
}
