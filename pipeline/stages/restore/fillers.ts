import { makeEdit, type Edit } from '../../edits.js';
import { tokenize } from '../align/tokens.js';

/** Auxiliaries after which spinners insert an emphatic adverb ("has actually", "will certainly"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'having', 'will', 'would', 'is', 'are', 'was', 'were', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did']);
/** The adverbs spinners insert there. The list is the project's own. */
const INSERTED = new Set(['actually', 'certainly']);

/**
 * Generic reversal of spinner fillers, for documents judged spun: "has actually
 * chosen" → "has chosen", "will certainly miss" → "will miss", "very first" → "first".
 */
export function restoreFillers(text: string): Edit[] {
  const tokens = tokenize(text);
  const out: Edit[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i];
    const next = tokens[i + 1];
    const gapBefore = text.slice(prev.end, t.start);
    if (gapBefore !== ' ' || text.slice(t.end, next.start) !== ' ') continue;
    let reason: string | undefined;
    if (INSERTED.has(t.key) && AUXILIARIES.has(prev.key) && !next.cap) reason = `"${prev.text} ${t.text}": a spinner's filler after an auxiliary`;
    else if (t.key === 'very' && next.key === 'first') reason = '"very first": a spinner\'s filler before an ordinal';
    if (!reason) continue;
    out.push(makeEdit(text, t.start, t.end + 1, '', { stage: 'restore', reason: 'filler', confidence: 0.9, evidence: reason }));
  }
  return out;
}
