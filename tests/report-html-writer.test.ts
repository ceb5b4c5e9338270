import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, defaultOptions } from '../pipeline/document.js';
import { addToSummary, emptySummary, toReportDocument } from '../pipeline/report/json.js';
import { HtmlReportWriter, renderHtmlReport } from '../pipeline/report/html.js';
import { OutRoot } from '../pipeline/corpus/out-root.js';

describe('HtmlReportWriter', () => {
  it('streams the same page renderHtmlReport builds in memory, script-breaking text included', async () => {
    const texts = [
      'CNN\n—\nThe mayor said the plan </script><script>alert(1)</script> would pass.\n',
      'A line separator \u2028 and a paragraph separator \u2029 stay inside the data.\n',
      'Plain text about the budget, with a caf\u00c3\u00a9 in it.\n',
      '',
    ];
    const docs = texts.map((t, i) => {
      const state = analyzeDocument(`d${i}.txt`, `d${i}.txt`, t, defaultOptions);
      return { doc: toReportDocument(state), original: t };
    });
    const summary = emptySummary();
    for (const d of docs) addToSummary(summary, d.doc);
    const writer = new HtmlReportWriter();
    for (const d of docs) writer.add(d.doc, d.original);
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-html-'));
    const file = path.join(dir, 'report.html');
    await writer.commit(new OutRoot(dir), 'report.html', summary);
    const streamed = readFileSync(file, 'utf8');
    expect(streamed).toBe(renderHtmlReport(docs, summary));
    expect(streamed).not.toContain('</script><script>alert');
  });

  it('writes a valid page for an empty corpus', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-html-'));
    const file = path.join(dir, 'report.html');
    await new HtmlReportWriter().commit(new OutRoot(dir), 'report.html', emptySummary());
    expect(readFileSync(file, 'utf8')).toBe(renderHtmlReport([], emptySummary()));
  });
});
