import type { Edit } from '../../edits.js';
import { fix } from './pass.js';

/** CRLF (Windows) and lone CR (old Mac) line breaks become LF. */
export function newlines(text: string): Edit[] {
  if (!text.includes('\r')) return [];
  const edits: Edit[] = [];
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    const crlf = text[i + 1] === '\n';
    edits.push(fix(text, i, crlf ? i + 2 : i + 1, '\n', 'crlf', 0.99, crlf ? 'CRLF line break' : 'lone CR line break'));
    if (crlf) i++;
  }
  return edits;
}
