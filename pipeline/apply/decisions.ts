import { createHash } from 'node:crypto';
import type { ReportDocument } from '../report/json.js';

/** The file the HTML report exports and `unspin apply` reads. */
export interface DecisionsFile {
  version: 1;
  /** `reportKey` of the report the decisions were made on. */
  report: string;
  decisions: Array<{ id: string; accept: boolean }>;
}

/** A problem with the inputs (exit 1), as opposed to a usage error (exit 2). */
export class InputError extends Error {}

/**
 * Identifies the corpus a report was made from: the documents' ids and input
 * hashes, in order. Edit ids are already stable for a given input, so this is
 * enough to tell a decisions file made on another corpus (or on changed inputs)
 * from one made on this report, and it survives `unspin apply` unchanged, so a
 * decisions file can be applied again to the report apply wrote.
 */
export function reportKey(docs: ReadonlyArray<Pick<ReportDocument, 'id' | 'sha256'>>): string {
  const h = createHash('sha256');
  for (const d of docs) h.update(`${d.id}\u0000${d.sha256}\n`);
  return h.digest('hex');
}

/** Validates a parsed decisions file; returns id → accept. */
export function parseDecisions(data: unknown, expectedKey: string, label = 'decisions'): Map<string, boolean> {
  const fail = (why: string): never => {
    throw new InputError(`${label}: ${why}`);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('not a JSON object');
  const file = data as Partial<DecisionsFile>;
  if (file.version !== 1) fail(`unsupported version ${JSON.stringify(file.version)} (expected 1)`);
  if (typeof file.report !== 'string') fail('no "report" key');
  if (file.report !== expectedKey) {
    fail(`made on a different report (key ${String(file.report).slice(0, 12)}…, this report is ${expectedKey.slice(0, 12)}…)`);
  }
  if (!Array.isArray(file.decisions)) fail('"decisions" is not an array');
  const out = new Map<string, boolean>();
  for (const [i, d] of file.decisions!.entries()) {
    if (d === null || typeof d !== 'object' || typeof d.id !== 'string' || typeof d.accept !== 'boolean') {
      fail(`decision ${i} is not { "id": string, "accept": boolean }`);
    }
    const prev = out.get(d.id);
    if (prev !== undefined && prev !== d.accept) fail(`edit ${d.id} is both accepted and rejected`);
    out.set(d.id, d.accept);
  }
  return out;
}
