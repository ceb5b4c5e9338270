import { makeEdit, type Edit } from '../../edits.js';
import { tokenize, type Token } from '../align/tokens.js';

/**
 * The adverb a spinner inserts after each auxiliary: "has" → "has actually",
 * "will" → "will certainly". Elsewhere ("is certainly bold") the adverb is ordinary
 * English and stays. The table is the project's own.
 */
const INSERTED_AFTER: ReadonlyMap<string, string> = new Map([
  ['has', 'actually'],
  ['have', 'actually'],
  ['had', 'actually'],
  ['having', 'actually'],
  ['will', 'certainly'],
  ['would', 'certainly'],
]);

/**
 * Generic reversal of spinner fillers, for documents judged spun: "has actually
 * chosen" → "has chosen", "will certainly miss" → "will miss", "very first" → "first".
 */
export function restoreFillers(text: string, tokens: readonly Token[] = tokenize(text)): Edit[] {
  const out: Edit[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i];
    const next = tokens[i + 1];
    const gapBefore = text.slice(prev.end, t.start);
    if (gapBefore !== ' ' || text.slice(t.end, next.start) !== ' ') continue;
    let reason: string | undefined;
    if (INSERTED_AFTER.get(prev.key) === t.key && !next.cap) reason = `"${prev.text} ${t.text}": a spinner's filler after an auxiliary`;
    else if (t.key === 'very' && next.key === 'first') reason = '"very first": a spinner\'s filler before an ordinal';
    if (!reason) continue;
    out.push(makeEdit(text, t.start, t.end + 1, '', { stage: 'restore', reason: 'filler', confidence: 0.9, evidence: reason }));
  }
  return out;
}
