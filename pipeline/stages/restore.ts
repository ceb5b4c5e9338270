import { resolveOverlaps, type Edit } from '../edits.js';
import { restoreAligned } from './restore/aligned.js';
import { restoreEntities } from './restore/entities.js';
import { restoreFillers } from './restore/fillers.js';
import { restoreGeneric } from './restore/generic.js';
import { applyLearned } from './restore/learned.js';
import type { Learned, RestoreContext } from './restore/types.js';

export type { RestoreContext, Suspect } from './restore/types.js';

/**
 * Restores a degraded document's canonical phrasing: aligned sentences and quotes
 * from the cleaner documents first, then names and titles, then substitutions the
 * alignments taught, then generic filler reversal. Where two mechanisms touch the
 * same words, the more confident edit wins. Offsets index `ctx.text`.
 */
export function restoreDocument(ctx: RestoreContext): Edit[] {
  const learned: Learned[] = [];
  const aligned = restoreAligned(ctx, learned);
  const entities = restoreEntities(ctx, learned);
  const fromSources = [...aligned, ...entities];
  const learnedEdits = applyLearned(ctx, learned, fromSources);
  const fillers = restoreFillers(ctx.text);
  const generic = restoreGeneric(ctx, [...fromSources, ...learnedEdits, ...fillers]);
  const all = [...fromSources, ...learnedEdits, ...fillers, ...generic];
  return resolveOverlaps(all.sort((a, b) => b.confidence - a.confidence));
}
