import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasText, loadOriginal } from '../pipeline/apply/load.js';
import type { ReportDocument, ReportEdit, Summary } from '../pipeline/report/json.js';
import { renderHtmlReport } from '../pipeline/report/html.js';

// The review page in a real browser: Debian's chromium (.ci/run installs it).
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
}
const CLI = path.resolve('dist/pipeline/cli.js');
const SCREENSHOT = path.resolve('out/report-screenshot.png');

interface Report {
  documents: ReportDocument[];
  summary: Summary;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A page that fails the test on any script error or any request leaving file:// (the page must be self-contained). */
async function open(browser: Browser, file: string, width = 1440, height = 900): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('blob:') && errors.push(`network request: ${r.url()}`));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-ready]');
  return { page, errors };
}

/** report.html from the run when the run writes it; until then rendered here from report.json and the inputs. */
async function reportHtml(out: string): Promise<string> {
  const file = path.join(out, 'report.html');
  if (existsSync(file)) return file;
  const report: Report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  const docs = [];
  for (const doc of report.documents) docs.push({ doc, original: hasText(doc) ? await loadOriginal(doc) : '' });
  writeFileSync(file, renderHtmlReport(docs, report.summary));
  return file;
}

describe('report.html without a browser', () => {
  it('embeds its data so no document text can end the script element', () => {
    const text = 'Evil </script><script>alert(1)</script> <!-- and </SCRIPT >\n';
    const doc: ReportDocument = {
      id: 'x.txt', path: 'x.txt', sha256: '0', verdict: 'clean', kinds: [], language: 'eng', score: 0,
      sentences: [], edits: [], suggestions: [],
    };
    const html = renderHtmlReport([{ doc, original: text }], { documents: 1, verdicts: { clean: 1, degraded: 0, skipped: 0 }, kinds: {}, edits: {}, suggestions: 0, errors: 0 });
    expect(html.match(/<\/script/gi)).toHaveLength(2); // the data element's and the script's own
    expect(html).not.toContain('<!-- and');
    const json = /<script type="application\/json" id="unspin-data">([^]*?)<\/script>/.exec(html)![1];
    expect(JSON.parse(json).docs[0].text).toBe(text);
    expect(html).not.toMatch(/\bhttps?:\/\/(?!www\.w3\.org)/); // nothing fetched from anywhere
  });
});

describe.skipIf(!haveChromium && !process.env.CI)('report.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install chromium (apt-get install -y chromium)`);
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('shows the run, opens a restoration with its source, and a rejection exported and applied restores the original wording', async () => {
    expect(existsSync(CLI), 'build first (make build)').toBe(true);
    const out = mkdtempSync(path.join(tmpdir(), 'unspin-browser-'));
    const r = spawnSync(process.execPath, [CLI, 'seeds', '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report: Report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    const { page, errors } = await open(browser, await reportHtml(out), 1440, 1240);

    // The summary's counts are the report's.
    const s = report.summary;
    const stat = (name: string) => page.textContent(`[data-stat="${name}"]`);
    expect(await stat('documents')).toBe(String(s.documents));
    for (const [v, n] of Object.entries(s.verdicts)) expect(await stat(`verdict-${v}`)).toBe(String(n));
    for (const [st, n] of Object.entries(s.edits)) expect(await stat(`edits-${st}`)).toBe(String(n));
    expect(await stat('suggestions')).toBe(String(s.suggestions));
    expect(await page.locator('tr[data-doc]').count()).toBe(report.documents.length);

    // Open the document of a restoration that names its source, and that change.
    const di = report.documents.findIndex((d) => d.edits.some((e) => e.stage === 'restore' && e.source));
    expect(di).toBeGreaterThanOrEqual(0);
    const doc = report.documents[di];
    // The restoration nearest a suggestion, so the screenshot shows both kinds of change.
    const near = (e: ReportEdit) => Math.min(Infinity, ...doc.suggestions.map((s) => Math.abs(s.start - e.start)));
    const restorations = doc.edits.filter((e) => e.stage === 'restore' && e.source).sort((a, b) => near(a) - near(b) || a.start - b.start);
    const change = restorations[0] as ReportEdit & { source: NonNullable<ReportEdit['source']> };
    await page.click(`tr[data-doc="${di}"]`);
    await page.waitForSelector('#doctext .bars div');
    expect(await page.locator('#bars div').count()).toBe(doc.sentences.length);
    expect(await page.locator('#body .chg').count()).toBe(doc.edits.length + doc.suggestions.length);
    await page.click(`#body .chg[data-id="${change.id}"]`);
    expect(await page.textContent('[data-field="source"]')).toBe(change.source.text);
    expect(await page.locator('[data-field="source"] mark').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-field="confidence"]')).toBe(change.confidence.toFixed(2));
    // The screenshot: the document's head in view when the selected change fits below it.
    await page.mouse.move(0, 0);
    await page.evaluate((id) => {
      const top = document.querySelector(`#body .chg[data-id="${id}"]`)!.getBoundingClientRect().top + window.scrollY;
      if (top < window.innerHeight - 80) window.scrollTo(0, 0);
    }, change.id);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // Keys move between changes; filters hide them.
    await page.keyboard.press('j');
    expect(await page.getAttribute('[data-change]', 'data-change')).not.toBe(change.id);
    await page.keyboard.press('k');
    expect(await page.getAttribute('[data-change]', 'data-change')).toBe(change.id);
    await page.click('label.st-restore');
    expect(await page.locator('#body .chg.st-restore').count()).toBe(0);
    // A hidden change is still in the text as decided: the cleaned column has the restoration's wording.
    expect(await page.textContent('.hiddennote')).toMatch(/hidden by the filters/);
    // The focus is on the filter's checkbox: the shortcuts still work.
    await page.keyboard.press('s');
    expect((await page.locator('.split .cell.r').allInnerTexts()).join('\n')).toContain(change.after);
    await page.keyboard.press('s');
    await page.click('label.st-restore');
    await page.uncheck('#sugg');
    expect(await page.locator('#body .chg.sugg').count()).toBe(0);
    await page.check('#sugg');

    // Reject shown, then u undoes it.
    await page.click('[data-act="reject-all"]');
    expect(await page.textContent('#changed')).not.toMatch(/^0 /);
    await page.keyboard.press('u');
    expect(await page.textContent('#changed')).toMatch(/^0 decisions differ/);

    // Reject it, export the decisions, apply them.
    await page.click('[data-act="reject"]');
    expect(await page.getAttribute(`#body .chg[data-id="${change.id}"]`, 'class')).toContain('rej');
    expect(await page.textContent('#changed')).toMatch(/^1 decision differs/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export"]')]);
    const decisionsFile = path.join(out, 'decisions.json');
    await download.saveAs(decisionsFile);
    const decisions = JSON.parse(readFileSync(decisionsFile, 'utf8'));
    expect(decisions.version).toBe(1);
    expect(decisions.decisions).toContainEqual({ id: change.id, accept: false });
    expect(decisions.decisions).toHaveLength(report.documents.reduce((n, d) => n + d.edits.length + d.suggestions.length, 0));

    const applied = path.join(out, 'applied');
    const a = spawnSync(process.execPath, [CLI, 'apply', decisionsFile, '--report', path.join(out, 'report.json'), '--out', applied, '--quiet'], { encoding: 'utf8' });
    expect(a.status, a.stderr).toBe(0);
    // Where the change was, the new cleaned text has the original wording again.
    const shift = doc.edits.filter((e) => e.end <= change.start).reduce((n, e) => n + e.after.length - (e.end - e.start), 0);
    const before = readFileSync(path.join(out, 'clean', doc.path), 'utf8');
    const after = readFileSync(path.join(applied, 'clean', doc.path), 'utf8');
    expect(before.slice(change.start + shift, change.start + shift + change.after.length)).toBe(change.after);
    expect(after.slice(change.start + shift, change.start + shift + change.before.length)).toBe(change.before);
    expect(after.length - before.length).toBe(change.before.length - change.after.length);
    expect(errors).toEqual([]);
  }, 120_000);

  it('opens quickly with 500 documents and 20,000 changes', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-big-')), 'report.html');
    const { docs, summary } = bigCorpus(500, 40);
    writeFileSync(file, renderHtmlReport(docs, summary));
    const t0 = performance.now();
    const { page, errors } = await open(browser, file);
    const wall = performance.now() - t0;
    const ready = Number(await page.getAttribute('html', 'data-ready'));
    expect(await page.locator('tr[data-doc]').count()).toBe(500);
    const t1 = performance.now();
    await page.click('tr[data-doc="0"]');
    await page.waitForSelector('#doctext .bars div');
    const docOpen = performance.now() - t1;
    expect(await page.locator('#body .chg').count()).toBe(40);
    // The hostile text is shown as text, not run.
    const shown = (await page.locator('#doctext').textContent()) ?? '';
    expect(shown.includes('</script><script>window.pwned=1</script>') && shown.includes(' <!-- text.')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const t2 = performance.now();
    for (let i = 0; i < 20; i++) await page.keyboard.press('j');
    const keys = (performance.now() - t2) / 20;
    console.info(
      `report.html, 500 documents / 20,000 changes: ${(statSync(file).size / 1e6).toFixed(1)} MB; ` +
        `ready ${ready} ms after navigation start (goto ${wall.toFixed(0)} ms); a document opens in ${docOpen.toFixed(0)} ms; next change ${keys.toFixed(0)} ms`,
    );
    expect(ready).toBeLessThan(5000);
    expect(docOpen).toBeLessThan(2000);
    expect(errors).toEqual([]);
  }, 120_000);
});

/** A synthetic corpus: each document about 7,000 characters with `changes` restorations, suggestions and boilerplate cuts. */
function bigCorpus(n: number, changes: number): { docs: Array<{ doc: ReportDocument; original: string }>; summary: Summary } {
  const words = 'the council said on tuesday that its plan would add reading rooms and extend opening hours after a public hearing next month'.split(' ');
  const summary: Summary = { documents: n, verdicts: { clean: 0, degraded: 0, skipped: 0 }, kinds: {}, edits: {}, suggestions: 0, errors: 0 };
  const docs = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let d = 0; d < n; d++) {
    let text = d === 0 ? 'Hostile </script><script>window.pwned=1</script> <!-- text.\n' : '';
    while (text.length < 7000) {
      const sentence = Array.from({ length: 12 + Math.floor(rand() * 14) }, () => words[Math.floor(rand() * words.length)]).join(' ');
      text += sentence[0].toUpperCase() + sentence.slice(1) + (rand() < 0.2 ? '.\n\n' : '. ');
    }
    const sentences = [];
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('. ', at) < 0 ? text.length : text.indexOf('. ', at) + 1;
      sentences.push({ start: at, end, score: Math.round(rand() * 100) / 100, signals: rand() < 0.5 ? ['filler', 'rare-synonym'] : [] });
      at = end + 1;
    }
    const edits: ReportEdit[] = [];
    const suggestions: ReportEdit[] = [];
    const step = Math.floor(text.length / changes);
    for (let k = 0; k < changes; k++) {
      const start = text.indexOf(' ', k * step) + 1;
      const end = text.indexOf(' ', start);
      const stage = (['restore', 'restore', 'normalize', 'boilerplate'] as const)[k % 4];
      const e: ReportEdit = {
        id: `${d.toString(16).padStart(4, '0')}${k.toString(16).padStart(8, '0')}`, start, end, before: text.slice(start, end), after: stage === 'boilerplate' ? '' : 'restored',
        stage, reason: stage === 'restore' ? 'sentence-alignment' : 'synthetic', confidence: Math.round((0.5 + rand() / 2) * 100) / 100,
        evidence: 'aligned with a reference sentence; 18 of 24 words aligned',
      };
      if (stage === 'restore') e.source = { id: `doc${(d + 1) % n}.txt`, start: 100, end: 120, text: 'the restored wording' };
      if (e.confidence < 0.6) suggestions.push({ ...e, suggestion: true });
      else edits.push(e);
    }
    const doc: ReportDocument = {
      id: `doc${d}.txt`, path: `doc${d}.txt`, sha256: String(d), verdict: d % 3 ? 'clean' : 'degraded', kinds: d % 3 ? ['boilerplate'] : ['spun'],
      language: 'eng', score: Math.round(rand() * 100) / 100, sentences, edits, suggestions,
    };
    summary.verdicts[doc.verdict]++;
    for (const k of doc.kinds) summary.kinds[k] = (summary.kinds[k] ?? 0) + 1;
    for (const e of edits) summary.edits[e.stage] = (summary.edits[e.stage] ?? 0) + 1;
    summary.suggestions += suggestions.length;
    docs.push({ doc, original: text });
  }
  return { docs, summary };
}
