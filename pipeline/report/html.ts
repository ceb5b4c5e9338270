import type { ReportDocument, Summary } from './json.js';
import { buildPayload, scriptJson } from './html/data.js';
import { page } from './html/page.js';

/**
 * report.html: one self-contained page (inline CSS, JS and data; nothing loaded
 * from the network) to review a run: the corpus summary, then each document with
 * its changes in place, accepted or rejected one by one and exported as a
 * decisions file for `unspin apply`. `original` is each document's input text
 * (the text report offsets index; '' for unreadable documents).
 */
export function renderHtmlReport(docs: Array<{ doc: ReportDocument; original: string }>, summary: Summary): string {
  const payload = buildPayload(docs, summary);
  const title = `unspin report: ${summary.documents} documents, ${summary.verdicts.degraded} degraded`;
  return page(scriptJson(payload), title);
}
