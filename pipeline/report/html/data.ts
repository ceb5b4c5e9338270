import { reportKey } from '../../apply/decisions.js';
import type { ReportDocument, ReportEdit, Summary } from '../json.js';

/** A document as the page needs it: its text, and edits and suggestions as one list in text order. */
export interface ClientDoc {
  id: string;
  path: string;
  verdict: string;
  kinds: string[];
  language: string;
  score: number;
  error?: string;
  text: string;
  sentences: ReportDocument['sentences'];
  edits: number;
  suggestions: number;
  changes: ReportEdit[];
}

export interface Payload {
  version: 1;
  /** The key exported decisions carry; `unspin apply` checks it. */
  key: string;
  summary: Summary;
  docs: ClientDoc[];
}

export function buildPayload(docs: ReadonlyArray<{ doc: ReportDocument; original: string }>, summary: Summary): Payload {
  return { version: 1, key: reportKey(docs.map((d) => d.doc)), summary, docs: docs.map(({ doc, original }) => clientDoc(doc, original)) };
}

/** The payload's JSON before and after its `docs` array, for writing the documents one by one. */
export function payloadFrame(key: string, summary: Summary): [string, string] {
  const json = JSON.stringify({ version: 1, key, summary, docs: [] } satisfies Payload);
  return [json.slice(0, -2), json.slice(-2)];
}

export function clientDoc(doc: ReportDocument, original: string): ClientDoc {
  const out: ClientDoc = {
    id: doc.id,
    path: doc.path,
    verdict: doc.verdict,
    kinds: doc.kinds,
    language: doc.language,
    score: doc.score,
    text: original,
    sentences: doc.sentences,
    edits: doc.edits.length,
    suggestions: doc.suggestions.length,
    changes: [...doc.edits, ...doc.suggestions.map((e) => ({ ...e, suggestion: true }))].sort(
      (a, b) => a.start - b.start || a.end - b.end || Number(!!a.suggestion) - Number(!!b.suggestion),
    ),
  };
  if (doc.error) out.error = doc.error;
  return out;
}

/**
 * JSON safe inside a <script> element: every `<` is written as \u003c, so no
 * `</script`, `<!--` or `<script` in a document's text can end or confuse the
 * element; JSON.parse reads it back unchanged.
 */
export function scriptJson(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** JSON text (a whole value or a piece of one) made safe inside a <script> element, as above. */
export function scriptSafe(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
