import { SpanIndex } from '../../span-index.js';
import type { Edit } from '../../edits.js';
import type { Token } from '../align/tokens.js';
import type { ReferenceIndex } from '../reference.js';

/** A suspicious word or phrase from the detection stage (offsets into the current text). */
export interface Suspect {
  start: number;
  end: number;
  signal: string;
  strength: number;
}

export interface RestoreContext {
  docId: string;
  /** The degraded document's current text (normalized, boilerplate removed). */
  text: string;
  index: ReferenceIndex;
  suspects: readonly Suspect[];
  /**
   * The document's intrinsic spin score, when nothing else says it is spun (no cleaner
   * document of the corpus aligned with it with words swapped): the verdict is then
   * only as sure as that score, and so is every edit that no source backs.
   */
  unconfirmedScore?: number;
}

/** The context every mechanism works from: the input plus the text's tokens, cut once. */
export interface Restoring extends RestoreContext {
  tokens: readonly Token[];
}

/** A spun → canonical pair learned from an accepted alignment, with its provenance. */
export interface Learned {
  /** Lower-cased token keys of the spun wording, joined by spaces. */
  spun: string;
  /** Canonical wording as the reference writes it. */
  canonical: string;
  support: number;
  evidence: Edit;
  /** Token keys either side of the taught use, for matching the context of other uses. */
  left?: string;
  right?: string;
  /** Offset of the taught use in the degraded text: one use teaches once. */
  at: number;
}

/** Does [start, end) touch any of the edits (a zero-width insertion counts as one character)? */
export function overlapsAny(edits: SpanIndex<Edit>, start: number, end: number): boolean {
  return edits.some(start, end, (t) => start < Math.max(t.end, t.start + 1) && t.start < end);
}

/** Did detection flag any word in [start, end)? */
export function suspected(ctx: RestoreContext, start: number, end: number): boolean {
  let index = suspectIndexes.get(ctx.suspects);
  if (!index) suspectIndexes.set(ctx.suspects, (index = new SpanIndex(ctx.suspects)));
  return index.some(start, end, (s) => s.start < end && start < s.end);
}

/** The suspects of each document, indexed once (a document may have thousands). */
const suspectIndexes = new WeakMap<readonly Suspect[], SpanIndex<Suspect>>();
