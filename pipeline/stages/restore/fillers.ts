import { makeEdit, type Edit } from '../../edits.js';
import { AFTER_AUXILIARY_BY_PAIR, BEFORE_WORD_BY_PAIR, type Insertion } from '../../lexicon/fillers.js';
import { tokenize, type Token } from '../align/tokens.js';
import { matchInitialCase } from './casing.js';

/**
 * The filler written with these two words that restoration removes (`lexicon/fillers.ts`,
 * marked `restore`): the adverb after an auxiliary ("has actually", "will certainly";
 * elsewhere, as in "is certainly bold", the adverb is ordinary English and stays) or
 * the intensifier before a word ("very first").
 */
function removable(table: ReadonlyMap<string, Insertion>, pair: string): Insertion | undefined {
  const f = table.get(pair);
  return f?.restore !== undefined ? f : undefined;
}

/** What separates a sentence from the one before it: its end punctuation, closing quotes, white space. */
const SENTENCE_GAP = /^[.!?]["'”’)\]]*\s+$|^\s*\n\s*$/;

/**
 * Generic reversal of spinner fillers, for documents judged spun: "has actually
 * chosen" → "has chosen", "will certainly miss" → "will miss", "very first" → "first".
 */
export function restoreFillers(text: string, tokens: readonly Token[] = tokenize(text)): Edit[] {
  const out: Edit[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i];
    const next = tokens[i + 1];
    if (text.slice(t.end, next.start) !== ' ') continue;
    const gapBefore = prev ? text.slice(prev.end, t.start) : undefined;
    // Inside a sentence; or, for a capitalized intensifier, at its start ("Very first, …").
    const inside = gapBefore === ' ';
    const starts = t.cap && (gapBefore === undefined || SENTENCE_GAP.test(gapBefore));
    if (!inside && !starts) continue;
    let reason: string | undefined;
    const after = next.cap || !inside ? undefined : removable(AFTER_AUXILIARY_BY_PAIR, `${prev!.key} ${t.key}`);
    // A capitalized host is part of a name ("the Very First Baptist Church").
    const before = next.cap ? undefined : removable(BEFORE_WORD_BY_PAIR, `${t.key} ${next.key}`);
    if (after) reason = `"${prev!.text} ${t.text}": a spinner's filler after ${after.restore}`;
    else if (before) reason = `"${before.filler} ${before.host}": a spinner's filler before ${before.restore}`;
    if (!reason) continue;
    const meta = { stage: 'restore' as const, reason: 'filler', confidence: 0.9, evidence: reason };
    // A capitalized filler starts the sentence: its host takes the capital ("Very first," → "First,").
    if (!after && before && t.cap) out.push(makeEdit(text, t.start, next.end, matchInitialCase(t.text, next.text), meta));
    else out.push(makeEdit(text, t.start, t.end + 1, '', meta));
  }
  return out;
}
