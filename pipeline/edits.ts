/**
 * The one data type that flows through unspin: an Edit replaces a span of a text
 * with new wording, and says which stage proposed it, why, and how sure it is.
 *
 * Stages propose edits against the text they were given; `applyEdits` applies a
 * set of non-overlapping edits; `EditLog` (edit-log.ts) maps edits made on a
 * derived text back to offsets in the original, so reports always index the input.
 */

import { SpanIndex } from './span-index.js';

export type Stage = 'read' | 'normalize' | 'boilerplate' | 'restore';

/** Where a restored wording came from: a span of another document of the corpus. */
export interface SourceSpan {
  /** Document id (its relative path, or the JSONL record id). */
  id: string;
  start: number;
  end: number;
  /** The reference text of the span, so a reviewer sees it without opening the file. */
  text: string;
}

export interface Edit {
  /** Offsets into the text the edit applies to (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  before: string;
  after: string;
  stage: Stage;
  /** Short machine-friendly mechanism name, e.g. `mojibake`, `credit-line`, `quote-alignment`. */
  reason: string;
  /** 0..1: how sure the stage is that `after` is right. */
  confidence: number;
  /** Human-readable evidence: what was seen that justifies the edit. */
  evidence?: string;
  source?: SourceSpan;
  /** A low-confidence proposal: reported, not applied. */
  suggestion?: boolean;
}

export type EditMeta = Omit<Edit, 'start' | 'end' | 'before' | 'after'>;

/** Builds an edit replacing `text[start, end)` with `after`. */
export function makeEdit(text: string, start: number, end: number, after: string, meta: EditMeta): Edit {
  return { start, end, before: text.slice(start, end), after, ...meta };
}

export function byPosition(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Keeps the highest-priority edit where edits overlap (earlier in the array wins),
 * and returns the survivors in text order. Zero-width insertions at the same point
 * both survive only if they differ.
 */
export function resolveOverlaps(edits: readonly Edit[]): Edit[] {
  const kept: Edit[] = [];
  const index = new SpanIndex<Edit>();
  for (const e of edits) {
    const clash = index.some(e.start, e.end, (k) =>
      e.start === e.end || k.start === k.end
        ? e.start < k.end && k.start < e.end || (e.start === k.start && e.end === k.end)
        : e.start < k.end && k.start < e.end,
    );
    if (clash) continue;
    kept.push(e);
    index.add(e);
  }
  return kept.sort(byPosition);
}

/** Applies non-overlapping edits to `text`. Throws if they overlap or do not match the text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort(byPosition);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start} (${e.stage}/${e.reason})`);
    if (text.slice(e.start, e.end) !== e.before) {
      throw new Error(`edit ${e.stage}/${e.reason} at ${e.start} does not match the text`);
    }
    out += text.slice(at, e.start) + e.after;
    at = e.end;
  }
  return out + text.slice(at);
}
