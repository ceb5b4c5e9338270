import type { ReportDocument, Summary } from './json.js';
import { reportKey } from '../apply/decisions.js';
import type { OutRoot } from '../corpus/out-root.js';
import { AtomicStream } from '../corpus/outputs.js';
import { Spool } from '../corpus/spool.js';
import { buildPayload, clientDoc, payloadFrame, scriptJson, scriptSafe } from './html/data.js';
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
  return page(scriptJson(payload), title(summary));
}

const title = (summary: Summary) => `unspin report: ${summary.documents} documents, ${summary.verdicts.degraded} degraded`;

/** Between the two halves of the page shell goes the payload. */
const MARK = '\u0000payload\u0000';

/**
 * Writes the same page as `renderHtmlReport` without holding the corpus in memory:
 * documents are added one at a time and wait in a temporary file; `commit` writes
 * the page around them once the summary (in the title and the payload) is known.
 */
export class HtmlReportWriter {
  private readonly docs = new Spool<string>();
  private readonly keys: Array<{ id: string; sha256: string }> = [];

  add(doc: ReportDocument, original: string): void {
    this.docs.write((this.keys.length ? ',' : '') + scriptJson(clientDoc(doc, original)));
    this.keys.push({ id: doc.id, sha256: doc.sha256 });
  }

  /** Writes the page to `rel`, a path relative to the output directory `root`. */
  async commit(root: OutRoot, rel: string, summary: Summary): Promise<void> {
    const out = await AtomicStream.open(root, rel);
    try {
      const [head, tail] = page(MARK, title(summary)).split(MARK);
      const [open, close] = payloadFrame(reportKey(this.keys), summary).map(scriptSafe);
      await out.write(head);
      await out.write(open);
      for (const piece of this.docs.read()) await out.write(piece);
      await out.write(close);
      await out.write(tail);
      await out.commit();
    } catch (err) {
      await out.abort();
      throw err;
    } finally {
      this.docs.remove();
    }
  }

  /** Drops the temporary file without writing (a failed run). */
  discard(): void {
    this.docs.remove();
  }
}
