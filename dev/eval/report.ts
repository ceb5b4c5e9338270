/**
 * The pipeline's report.json as the eval reads it (the CLI contract), and helpers to
 * find a file's entry and its applied edits.
 */
import type { Replacement } from './metrics.js';

export interface ReportEdit {
  start: number;
  end: number;
  before: string;
  after: string;
  stage: string;
  reason: string;
  confidence: number;
  source?: unknown;
  suggestion?: boolean;
}

export interface ReportSentence {
  start: number;
  end: number;
  score: number;
  signals?: string[];
}

export interface ReportDocument {
  id: string;
  /** Relative to the input directory. */
  path: string;
  verdict: string;
  kinds: string[];
  language?: string;
  score?: number;
  sentences?: ReportSentence[];
  edits: ReportEdit[];
}

export interface PipelineReport {
  version?: unknown;
  summary?: unknown;
  documents: ReportDocument[];
}

const norm = (p: string): string => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

/** Report documents by normalized relative path (and by bare file name as a fallback). */
export function indexReport(report: PipelineReport): (file: string) => ReportDocument | undefined {
  const byPath = new Map<string, ReportDocument>();
  const byBase = new Map<string, ReportDocument>();
  for (const d of report.documents ?? []) {
    const p = norm(String(d.path ?? d.id ?? ''));
    byPath.set(p, d);
    byBase.set(p.split('/').pop()!, d);
  }
  return (file) => byPath.get(norm(file)) ?? byBase.get(norm(file).split('/').pop()!);
}

/** The pipeline called the document spun: verdict "degraded" with "spun" among its kinds. */
export function flaggedSpun(doc: ReportDocument | undefined): boolean {
  return doc !== undefined && doc.verdict === 'degraded' && Array.isArray(doc.kinds) && doc.kinds.includes('spun');
}

export interface AppliedEdits {
  edits: Array<Replacement & { stage: string }>;
  /** Suggestions (reported, not applied): left out. */
  suggestions: number;
  /** Edits whose `before` does not match the text at their offsets: left out. */
  invalid: number;
  /** Edits overlapping an earlier applied edit: left out. */
  overlapping: number;
}

/** The edits the pipeline applied to `text` (suggestions and inconsistent edits left out, counted). */
export function appliedEdits(doc: ReportDocument | undefined, text: string): AppliedEdits {
  const out: AppliedEdits = { edits: [], suggestions: 0, invalid: 0, overlapping: 0 };
  if (!doc) return out;
  const sorted = [...(doc.edits ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const e of sorted) {
    if (e.suggestion === true) {
      out.suggestions++;
      continue;
    }
    if (
      !Number.isInteger(e.start) ||
      !Number.isInteger(e.end) ||
      e.start > e.end ||
      e.end > text.length ||
      text.slice(e.start, e.end) !== e.before
    ) {
      out.invalid++;
      continue;
    }
    if (e.start < at || (e.start === e.end && out.edits.some((k) => k.start === e.start && k.end === e.end))) {
      out.overlapping++;
      continue;
    }
    out.edits.push({ start: e.start, end: e.end, before: e.before, after: String(e.after ?? ''), stage: String(e.stage) });
    at = e.end;
  }
  return out;
}
