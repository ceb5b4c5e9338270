import { createHash } from 'node:crypto';
import type { DocumentState, SentenceFinding, Verdict } from '../document.js';
import type { Edit } from '../edits.js';

export const REPORT_VERSION = 1;

/**
 * An edit as report.json shows it: original offsets plus a stable id, and after
 * `unspin apply`, for a change the reviewer moved (a suggestion accepted, an edit
 * rejected), `reviewed`.
 */
export type ReportEdit = Edit & { id: string; reviewed?: 'accepted' | 'rejected' };

export interface ReportDocument {
  id: string;
  path: string;
  /** The input file as read (relative to the working directory), so `unspin apply` can re-read it. */
  file?: string;
  sha256: string;
  verdict: Verdict;
  /** Near-duplicate copy of this document id (kind "duplicate"). */
  duplicateOf?: string;
  kinds: string[];
  language: string;
  score: number;
  error?: string;
  sentences: SentenceFinding[];
  edits: ReportEdit[];
  suggestions: ReportEdit[];
}

export interface Summary {
  documents: number;
  verdicts: Record<Verdict, number>;
  kinds: Record<string, number>;
  edits: Record<string, number>;
  suggestions: number;
  errors: number;
  /**
   * false when the run skipped spin detection and restoration (`--no-spin`): a "clean"
   * verdict then says nothing about spinning. Absent otherwise.
   */
  spinDetection?: false;
}

/**
 * A stable id for an edit: the same input gives the same ids on every run, so a
 * reviewer's decisions can name edits.
 */
export function editId(docId: string, e: Edit): string {
  const key = [docId, e.start, e.end, e.stage, e.reason, e.after].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function toReportEdit(docId: string, e: Edit): ReportEdit {
  const out: ReportEdit = {
    id: editId(docId, e),
    start: e.start,
    end: e.end,
    before: e.before,
    after: e.after,
    stage: e.stage,
    reason: e.reason,
    confidence: round(e.confidence),
  };
  if (e.evidence) out.evidence = e.evidence;
  if (e.source) out.source = e.source;
  if (e.suggestion) out.suggestion = true;
  return out;
}

export function toReportDocument(d: DocumentState): ReportDocument {
  const doc: ReportDocument = {
    id: d.id,
    path: d.path,
    sha256: d.sha256,
    verdict: d.verdict,
    kinds: [...d.kinds].sort(),
    language: d.language,
    score: round(d.score),
    sentences: d.sentences.map((s) => ({ ...s, score: round(s.score) })),
    edits: (d.log?.edits ?? []).map((e) => toReportEdit(d.id, e)),
    suggestions: d.suggestions.map((e) => toReportEdit(d.id, e)),
  };
  if (d.error) doc.error = d.error;
  if (d.file) doc.file = d.file;
  if (d.duplicateOf) doc.duplicateOf = d.duplicateOf;
  return doc;
}

export function emptySummary(spin = true): Summary {
  const s: Summary = { documents: 0, verdicts: { clean: 0, degraded: 0, skipped: 0 }, kinds: {}, edits: {}, suggestions: 0, errors: 0 };
  if (!spin) s.spinDetection = false;
  return s;
}

export function addToSummary(s: Summary, d: ReportDocument): void {
  s.documents++;
  s.verdicts[d.verdict]++;
  for (const k of d.kinds) s.kinds[k] = (s.kinds[k] ?? 0) + 1;
  for (const e of d.edits) s.edits[e.stage] = (s.edits[e.stage] ?? 0) + 1;
  s.suggestions += d.suggestions.length;
  if (d.error) s.errors++;
}

/**
 * report.json is written as a stream: a header, one document at a time, then the
 * summary, so memory does not grow with the number of documents.
 */
export const reportHeader = () => `{\n  "version": ${REPORT_VERSION},\n  "documents": [`;
export const reportDocument = (d: ReportDocument, first: boolean) =>
  (first ? '\n' : ',\n') + indent(JSON.stringify(d, null, 2), '    ');
export const reportFooter = (s: Summary) => `\n  ],\n  "summary": ${indent(JSON.stringify(s, null, 2), '  ').trimStart()}\n}\n`;

function indent(json: string, pad: string): string {
  return json
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
