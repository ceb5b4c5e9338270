import { applyEdits, byPosition } from '../edits.js';
import type { ReportDocument, ReportEdit } from '../report/json.js';
import { InputError } from './decisions.js';

export interface Decided {
  accepted: ReportEdit[];
  rejected: ReportEdit[];
}

/** Where each edit id lives; an id found twice (duplicate JSONL ids) cannot be decided. */
export function indexIds(docs: readonly ReportDocument[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const d of docs) for (const e of [...d.edits, ...d.suggestions]) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  return seen;
}

/** Fails on decisions naming ids the report does not have (a typo, or another report's file). */
export function checkIds(decisions: ReadonlyMap<string, boolean>, docs: readonly ReportDocument[]): void {
  const ids = indexIds(docs);
  const unknown = [...decisions.keys()].filter((id) => !ids.has(id));
  if (unknown.length) {
    const list = unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? `, … (${unknown.length} in all)` : '');
    throw new InputError(`decisions name edits the report does not have: ${list}`);
  }
  const ambiguous = [...decisions.keys()].filter((id) => ids.get(id)! > 1);
  if (ambiguous.length) throw new InputError(`decisions name edits whose id occurs more than once in the report: ${ambiguous.join(', ')}`);
}

/** Applied edits stay accepted and suggestions stay rejected unless a decision says otherwise. */
export function decide(doc: ReportDocument, decisions: ReadonlyMap<string, boolean>): Decided {
  const accepted: ReportEdit[] = [];
  const rejected: ReportEdit[] = [];
  for (const e of doc.edits) (decisions.get(e.id) ?? true ? accepted : rejected).push(e);
  for (const e of doc.suggestions) (decisions.get(e.id) ?? false ? accepted : rejected).push(e);
  accepted.sort(byPosition);
  checkOverlaps(doc.id, accepted);
  return { accepted, rejected };
}

/** Same rule as `resolveOverlaps`: spans that share text, or two insertions at one point (no defined order). */
export function clash(a: ReportEdit, b: ReportEdit): boolean {
  if (a.start === a.end || b.start === b.end) return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  return a.start < b.end && b.start < a.end;
}

function checkOverlaps(docId: string, sorted: readonly ReportEdit[]): void {
  let active: ReportEdit[] = [];
  for (const e of sorted) {
    active = active.filter((a) => a.end >= e.start);
    const other = active.find((a) => clash(a, e));
    if (other) {
      const [s, t] = other.suggestion ? [other, e] : [e, other];
      const what = t.suggestion ? `accepted suggestion ${t.id}` : `accepted edit ${t.id}`;
      throw new InputError(
        `${docId}: accepted suggestion ${s.id} (${s.stage}/${s.reason} at ${s.start}) overlaps ${what} (${t.stage}/${t.reason} at ${t.start}); reject one of them`,
      );
    }
    active.push(e);
  }
}

/** The cleaned text: the original with the accepted edits applied (offsets index the original). */
export function cleanedText(doc: ReportDocument, original: string, accepted: readonly ReportEdit[]): string {
  try {
    return applyEdits(original, accepted);
  } catch (err) {
    throw new InputError(`${doc.id}: the report's edits do not fit the input text (${(err as Error).message})`);
  }
}

/**
 * The report document after review: accepted changes are its edits (what the
 * cleaned file has), rejected ones its suggestions, so the new report describes the
 * new files and a later review can still reverse any decision (ids are unchanged).
 * With the default decisions it is the input document unchanged.
 */
export function decidedDocument(doc: ReportDocument, d: Decided): ReportDocument {
  // A change the reviewer moved says so ("reviewed"), so the report tells a person's decision
  // from the pipeline's; one left as it was keeps what it had.
  const edits = d.accepted.map(({ suggestion, ...e }) => (suggestion ? { ...e, reviewed: 'accepted' as const } : e));
  const suggestions = d.rejected.map((e) => (e.suggestion ? e : { ...e, suggestion: true, reviewed: 'rejected' as const }));
  return { ...doc, edits, suggestions };
}
