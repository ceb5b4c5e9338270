import { resolveOverlaps, type Edit } from '../edits.js';
import { restoreAligned } from './restore/aligned.js';
import { restoreEntities } from './restore/entities.js';
import { restoreFillers } from './restore/fillers.js';
import { restoreGeneric } from './restore/generic.js';
import { applyLearned } from './restore/learned.js';
import { restoreTitles } from './restore/titles.js';
import { tokenize } from './align/tokens.js';
import type { Learned, RestoreContext, Restoring } from './restore/types.js';

export type { RestoreContext, Suspect } from './restore/types.js';

/**
 * Restores a degraded document's canonical phrasing: aligned sentences and quotes
 * from the cleaner documents first, then names and titles (capitalized, then titles of
 * a named domain such as "special envoy for Latin America"), then substitutions the
 * alignments taught, then generic filler reversal. Where two mechanisms touch the
 * same words, the more confident edit wins. Offsets index `ctx.text`.
 */
export function restoreDocument(input: RestoreContext): Edit[] {
  const ctx: Restoring = { ...input, tokens: tokenize(input.text) };
  const learned: Learned[] = [];
  const aligned = restoreAligned(ctx, learned);
  const entities = restoreEntities(ctx, learned);
  const titles = restoreTitles(ctx, [...aligned, ...entities]);
  const fromSources = [...aligned, ...entities, ...titles];
  const learnedEdits = applyLearned(ctx, learned, fromSources);
  const fillers = restoreFillers(ctx.text, ctx.tokens);
  const generic = restoreGeneric(ctx, [...fromSources, ...learnedEdits, ...fillers]);
  const all = [...fromSources, ...learnedEdits, ...fillers, ...generic].map((e) => hedged(e, input.unconfirmedScore));
  return resolveOverlaps(all.sort((a, b) => b.confidence - a.confidence));
}

/**
 * Scores this close to the verdict line (0.5) are where the detector's false alarms
 * are: clean prose that writes like a spinner ("had actually", "due to the fact
 * that"). In a document only such a score calls spun, an edit without a source could
 * be rewriting clean text, so it is suggested, not applied.
 */
const MARGINAL_SCORE = 0.6;
/** Below the default --min-confidence (0.8). */
const MARGINAL_CONFIDENCE = 0.75;

function hedged(e: Edit, unconfirmedScore: number | undefined): Edit {
  if (e.source || unconfirmedScore === undefined || unconfirmedScore >= MARGINAL_SCORE || e.confidence <= MARGINAL_CONFIDENCE) return e;
  return {
    ...e,
    confidence: MARGINAL_CONFIDENCE,
    evidence: `${e.evidence ? `${e.evidence}; ` : ''}suggested only: the document is spun by its own score alone, and barely (${unconfirmedScore.toFixed(2)})`,
  };
}
