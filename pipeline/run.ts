import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fromPlain, unreadableDocument, type DocumentState, type Options } from './document.js';
import { utf8Lines, type Line } from './corpus/lines.js';
import { AtomicStream } from './corpus/outputs.js';
import { DocumentOutputs } from './corpus/document-outputs.js';
import { prepareOutDir } from './corpus/out-dir.js';
import type { OutRoot } from './corpus/out-root.js';
import { overLimit } from './corpus/read-input.js';
import { recordId, recordLine, recordSource, type RecordSource } from './corpus/jsonl-record.js';
import { topLevelMembers } from './corpus/json-members.js';
import { OutputManifest } from './corpus/manifest.js';
import { isMarkdownPath } from './stages/normalize/markdown.js';
import type { FileInput } from './corpus/inputs.js';
import { renderDiff } from './report/diff.js';
import { HtmlReportWriter } from './report/html.js';
import { addTimings, timed } from './timings.js';
import { corpusEntry, decideCorpus, finishDocument, ReferenceCounts, type CorpusDecisions, type CorpusEntry } from './stages/corpus.js';
import { createRunner } from './workers/pool.js';
import type { Analyzed, Runner } from './workers/tasks.js';
import { Spool } from './corpus/spool.js';
import { HeldCorpus } from './corpus/held.js';
import { WriteQueue } from './corpus/write-queue.js';
import { EditLog } from './edit-log.js';
import { withOutputFailures } from './report/output-failures.js';
import {
  addToSummary,
  emptySummary,
  reportDocument,
  reportFooter,
  reportHeader,
  toReportDocument,
  type ReportDocument,
  type Summary,
} from './report/json.js';

export interface RunOptions extends Options {
  /** Files larger than this are refused rather than read into memory. */
  maxBytes: number;
  onProgress?: (done: number, total: number, label: string) => void;
  onError?: (message: string) => void;
  /** Threads for the per-document work (default 1: this thread only). */
  workers?: number;
  /** JSON Lines: each record alone, written as soon as it is done (no cross-record restoration). */
  perRecord?: boolean;
  /**
   * With perRecord: the input is a file, all there (not a pipe or terminal whose writer
   * may wait for answers), so records are taken in full windows, never a read's worth.
   */
  inputIsFile?: boolean;
}

/** The options a worker needs (callbacks do not cross threads). */
function passOptions(o: RunOptions): Options {
  return { keepBoilerplate: o.keepBoilerplate, minConfidence: o.minConfidence, suggestOnly: o.suggestOnly, spin: o.spin };
}

export interface RunResult {
  summary: Summary;
  /** Inputs that could not be processed (exit code 1). */
  failures: number;
  /** Bytes of input text processed. */
  bytes: number;
}

/** The cleaned text and unified diff of a processed document. */
export function renderOutputs(state: DocumentState): { clean?: string; diff?: string } {
  if (!state.log) return {};
  const clean = state.log.text;
  if (state.log.edits.length === 0) return { clean };
  return { clean, diff: renderDiff(state.path, state.log.original, clean) };
}

/**
 * Runs the pipeline over files, writing clean/, diff/, report.json and report.html
 * under `outDir` (prepared by prepareOutDir, or a path prepared here), in two passes:
 * pass 1 analyzes the files (on `options.workers` threads, results taken in input
 * order) and spools each document to a temporary file, keeping only what the corpus
 * stages need (cleaned texts, scores, offset maps); the corpus stages compare and
 * restore the documents; pass 2 reads the spool back, writes the outputs a few
 * documents at a time (WriteQueue) and reports each document, in input order, once
 * its outputs are done. The outputs are the same whatever the number of threads.
 */
export async function runFiles(files: readonly FileInput[], outDir: OutRoot | string, options: RunOptions): Promise<RunResult> {
  const out = typeof outDir === 'string' ? prepareOutDir(outDir) : outDir;
  const summary = emptySummary(options.spin !== false);
  let totalBytes = 0;
  let failures = 0;
  let done = 0;
  let report: AtomicStream | undefined;
  // Created inside the try, threads last: whatever fails, `finally` stops what started.
  let spool: Spool<Analyzed> | undefined;
  let held: HeldCorpus | undefined;
  let html: HtmlReportWriter | undefined;
  let writes: WriteQueue | undefined;
  let runner: Runner | undefined;
  let decisions: CorpusDecisions | undefined;
  try {
    spool = new Spool<Analyzed>();
    held = new HeldCorpus(true);
    html = new HtmlReportWriter();
    runner = createRunner(options.workers ?? 1);
    const entries: CorpusEntry[] = [];
    const counts = new ReferenceCounts();
    await runner.each(
      'analyze',
      files.map((f) => ({ id: f.rel, path: f.rel, file: f.file, error: f.error, markdown: isMarkdownPath(f.rel), maxBytes: options.maxBytes, options: passOptions(options) })),
      (i, a) => {
        options.onProgress?.(++done, files.length * 2, files[i].rel);
        totalBytes += a.bytes;
        // Pass 2 needs no index data: it stays in memory, with the entry, only.
        spool!.write({ ...a, index: undefined });
        const entry = heldEntry(a, counts, held!);
        if (entry) entries.push(entry);
      },
    );
    await runner.broadcast('endAnalysis', undefined);
    decisions = await decideCorpus(entries, held, runner, counts);
    entries.length = 0;
    held.close();
    // Pass 2 runs here: idle threads would only hold their heaps until the end.
    await runner.close();

    const manifest = new OutputManifest(out);
    // Into a new directory no earlier output can be left: nothing to look for and remove.
    const fresh = !existsSync(path.join(out.real, 'clean')) && !existsSync(path.join(out.real, 'diff'));
    // Pass 2 replaces the outputs one by one: an earlier run's report, left until this
    // one's is in place, would describe files that are no longer its if the run stops
    // half-way. It goes first, so a directory with a report holds one finished run.
    await Promise.all(['report.json', 'report.html'].map((f) => rm(path.join(out.real, f), { force: true })));
    report = await AtomicStream.open(out, 'report.json');
    await report.write(reportHeader());
    const queue = (writes = new WriteQueue());
    // A document goes into the report once its outputs are written (one that failed
    // says so there), in input order; the next ones' outputs are written meanwhile.
    const waiting: Array<{ doc: ReportDocument; original: string; outputs: DocumentOutputs }> = [];
    let reported = 0;
    let waitingChars = 0;
    const finish = async ({ doc, original, outputs }: (typeof waiting)[number]) => {
      const { written, failures: failed } = await outputs.settled();
      for (const rel of written) manifest.wrote(rel);
      if (failed.length > 0) {
        if (!doc.error) failures++;
        for (const m of failed) options.onError?.(`${doc.path}: ${m}`);
        doc = { ...doc, error: withOutputFailures(doc.error, failed) };
      }
      addToSummary(summary, doc);
      await report!.write(reportDocument(doc, reported++ === 0));
      timed('html', () => html!.add(doc, original));
      options.onProgress?.(++done, files.length * 2, doc.path);
    };
    let i = 0;
    for (const a of spool.read()) {
      const d = { state: fromPlain(a.state), intrinsic: a.intrinsic };
      finishDocument(d, decisions, options);
      const state = d.state;
      const f = files[i];
      state.file = path.relative(process.cwd(), f.file) || f.file;
      const doc = toReportDocument(state);
      if (state.error) {
        failures++;
        options.onError?.(`${state.path}: ${state.error}`);
      }
      const { clean, diff } = renderOutputs(state);
      // Outputs left from an earlier run would contradict this run's report: a document
      // without a diff (or, failing now, without a cleaned text) has its old one removed.
      const outputs = new DocumentOutputs(queue, out);
      const cleanFile = path.join('clean', state.path);
      if (clean !== undefined) await outputs.write(cleanFile, clean);
      else if (!fresh) await outputs.remove(cleanFile);
      const diffFile = path.join('diff', `${state.path}.diff`);
      if (diff !== undefined) await outputs.write(diffFile, diff);
      else if (!fresh) await outputs.remove(diffFile);
      const original = state.log?.original ?? '';
      waiting.push({ doc, original, outputs });
      waitingChars += original.length;
      // About as many documents wait as the queue writes at a time, and never more than
      // WAITING_CHARS of their texts (a few documents near --max-bytes would be gigabytes).
      while (waiting.length > queue.limit || (waiting.length > 1 && waitingChars > WAITING_CHARS)) {
        const w = waiting.shift()!;
        waitingChars -= w.original.length;
        await finish(w);
      }
      i++;
    }
    await queue.drain();
    for (const w of waiting.splice(0)) await finish(w);
    await report.write(reportFooter(summary));
    // report.html first: if it fails, report.json is not replaced either, so the two
    // never describe different runs.
    const t0 = performance.now();
    await html.commit(out, 'report.html', summary);
    manifest.wrote('report.html');
    addTimings(new Map([['html', performance.now() - t0]]));
    await report.commit();
    // Last: outputs of the previous run that this one did not write go only once this
    // run's report is in place.
    await manifest.commit();
  } catch (err) {
    await report?.abort();
    throw err;
  } finally {
    // Let started writes finish (each is atomic) before the run's temporary files go.
    await writes?.drain().catch(() => undefined);
    html?.discard();
    spool?.remove();
    held?.close();
    decisions?.restored.close();
    await runner?.close();
  }
  return { summary, failures, bytes: totalBytes };
}

/**
 * What the corpus stages hold of an analyzed document until pass 2, if they work on
 * it: its offset map keeps the edits only (the map needs no text), its n-grams go into
 * `counts`, its cleaned text and index data into `held` (on disk), so what stays in
 * memory is its score and suspicious words.
 */
function heldEntry(a: Analyzed, counts: ReferenceCounts, held: HeldCorpus): CorpusEntry | undefined {
  const entry = corpusEntry({ state: fromPlain(a.state), intrinsic: a.intrinsic, index: a.index });
  return entry && held.hold(counts.take({ ...entry, offsets: EditLog.fromSnapshot({ original: '', text: '', edits: entry.offsets.edits }) }));
}

export interface JsonlSink {
  /** Where cleaned records go (stdout or `<out>/clean.jsonl`). */
  records: Writable | AtomicStream;
  /** report.json, when an output directory was given. */
  report?: AtomicStream;
  /** The output directory: its list of outputs (manifest.ts) is kept, so a files run's outputs there go. */
  outDir?: OutRoot;
}

/** Characters of original texts that pass 2 holds while their documents' outputs are written (2 bytes each). */
const WAITING_CHARS = 32 << 20;

/** Records analyzed together: enough to keep every thread busy, few enough to keep memory flat. */
const RECORDS_PER_THREAD = 64;

interface PendingRecord {
  record: Record<string, unknown>;
  id: string;
  lineNo: number;
  /** Why a record is passed through unchanged: no string text, a text over --max-bytes, an id used before. */
  skipped?: string;
  /** Set for a line that is not a record (not UTF-8, not a JSON object): reported, left out of the output. */
  failed?: string;
  /** The line's own text around its "text" value, written back byte for byte (recordSource). */
  source?: RecordSource;
}

/**
 * Runs JSON Lines records (`id`, `text`, any other fields kept) through the pipeline,
 * in two passes, as files mode does: pass 1 analyzes each record (a window at a time,
 * on the runner's threads) and spools it to a temporary file, keeping only what the
 * corpus stages need; the corpus stages then compare and restore records against
 * each other; pass 2 reads the spool back and writes every record, in input order.
 * With `perRecord`, each record is a corpus of its own and is written as soon as its
 * window is done: no cross-record restoration, no wait for the end of the input.
 */
export async function runJsonl(input: Readable, sink: JsonlSink, options: RunOptions, sourceName = 'stdin'): Promise<RunResult> {
  const summary = emptySummary(options.spin !== false);
  let failures = 0;
  let totalBytes = 0;
  let first = true;
  const write = async (s: string) => {
    if (sink.records instanceof AtomicStream) await sink.records.write(s);
    else if (!sink.records.write(s)) await new Promise<void>((r) => (sink.records as Writable).once('drain', r));
  };
  /** A record (or line) the pipeline did not process: in the report and the summary as an error, like an unreadable file. */
  const reportUnprocessed = async (p: PendingRecord, error: string) => {
    const doc = toReportDocument(unreadableDocument(p.id, p.id, error));
    addToSummary(summary, doc);
    if (sink.report) await sink.report.write(reportDocument(doc, first));
    first = false;
  };
  const emit = async (p: PendingRecord, state?: DocumentState) => {
    if (p.failed !== undefined) {
      await reportUnprocessed(p, p.failed);
      return;
    }
    if (!state) {
      await write(recordLine(p.source, p.record, undefined, { verdict: 'skipped', kinds: ['unreadable'], edits: 0, error: p.skipped }) + '\n');
      await reportUnprocessed(p, `${p.skipped ?? 'not processed'}; passed through unchanged`);
      return;
    }
    if (state.error) {
      failures++;
      options.onError?.(`${sourceName}:${p.lineNo}: record ${p.id}: ${state.error}`);
    }
    const doc: ReportDocument = toReportDocument(state);
    addToSummary(summary, doc);
    const text = state.log?.text ?? p.record.text;
    await write(recordLine(p.source, p.record, text, { verdict: doc.verdict, kinds: doc.kinds, edits: doc.edits.length }) + '\n');
    if (sink.report) await sink.report.write(reportDocument(doc, first));
    first = false;
    options.onProgress?.(p.lineNo, 0, p.id);
  };
  const task = (p: PendingRecord) => ({ id: p.id, path: p.id, text: p.record.text as string, maxBytes: options.maxBytes, options: passOptions(options) });

  let spool: Spool<{ p: PendingRecord; a?: Analyzed }> | undefined;
  let held: HeldCorpus | undefined;
  let runner: Runner | undefined;
  let decisions: CorpusDecisions | undefined;
  const entries: CorpusEntry[] = [];
  const counts = new ReferenceCounts();
  try {
    if (!options.perRecord) {
      spool = new Spool();
      held = new HeldCorpus(true);
    }
    runner = createRunner(options.workers ?? 1);
    if (sink.report) await sink.report.write(reportHeader());
    // The corpus stages tell records apart by id: in two passes, ids must be unique.
    const windows = recordWindows(
      input,
      RECORDS_PER_THREAD * runner.threads,
      sourceName,
      !options.perRecord,
      options.maxBytes,
      (m) => {
        failures++;
        options.onError?.(m);
      },
      options.perRecord && !options.inputIsFile,
    );
    for await (const window of windows) {
      const docs = window.filter((p) => !p.skipped && p.failed === undefined);
      const results = new Map<PendingRecord, Analyzed>();
      (await runner.map(spool ? 'analyze' : 'record', docs.map(task))).forEach((a, i) => results.set(docs[i], a));
      for (const p of window) {
        const a = results.get(p);
        if (a) totalBytes += a.bytes;
        if (!spool) {
          await emit(p, a && fromPlain(a.state));
          continue;
        }
        // The record's text is the log's original: spool it once.
        // With its line's source kept, the parsed record is needed no more.
        const record = !a?.state.log ? p.record : p.source ? {} : { ...p.record, text: undefined };
        spool.write({ p: { ...p, record }, a: a && { ...a, index: undefined } });
        const entry = a && heldEntry(a, counts, held!);
        if (entry) entries.push(entry);
      }
    }
    if (spool) {
      await runner.broadcast('endAnalysis', undefined);
      decisions = await decideCorpus(entries, held!, runner, counts);
      entries.length = 0;
      held!.close();
      // Pass 2 runs here: idle threads would only hold their heaps until the end.
      await runner.close();
      for (const { p, a } of spool.read()) {
        if (!a) {
          await emit(p);
          continue;
        }
        const d = { state: fromPlain(a.state), intrinsic: a.intrinsic };
        finishDocument(d, decisions, options);
        if (d.state.log) p.record.text = d.state.log.original;
        await emit(p, d.state);
      }
    }
  } finally {
    spool?.remove();
    held?.close();
    decisions?.restored.close();
    await runner?.close();
  }
  if (sink.report) {
    await sink.report.write(reportFooter(summary));
    await sink.report.commit();
  }
  if (sink.records instanceof AtomicStream) await sink.records.commit();
  if (sink.outDir !== undefined) {
    const manifest = new OutputManifest(sink.outDir);
    manifest.wrote('clean.jsonl');
    await manifest.commit();
  }
  return { summary, failures, bytes: totalBytes };
}

/** What a line read resolves to when no line was waiting: the input is slower than the pipeline. */
const STALLED = Symbol('stalled');

/** The next line if one is ready by the next turn of the event loop, else STALLED. */
function lineOrStall<T>(next: Promise<T>): Promise<T | typeof STALLED> {
  return Promise.race([next, new Promise<typeof STALLED>((resolve) => setImmediate(() => resolve(STALLED)))]);
}

/**
 * Parsed records in windows of `size`. Lines that are not valid UTF-8 or not a JSON
 * object are reported through `fail` and left out; a record without a string "text",
 * with a text over `maxBytes`, or (with `uniqueIds`) with an id used before is kept,
 * marked skipped, so it is passed through in its place.
 * With `streaming` (--per-record on a pipe or terminal), a window is also handed on as
 * soon as the input has no further line ready: a producer that sends one record and
 * waits for its answer gets it, instead of waiting for a window to fill or the input to end.
 */
async function* recordWindows(
  input: Readable,
  size: number,
  sourceName: string,
  uniqueIds: boolean,
  maxBytes: number,
  fail: (message: string) => void,
  streaming = false,
): AsyncGenerator<PendingRecord[]> {
  let window: PendingRecord[] = [];
  let lineNo = 0;
  const seen = new Set<string>();
  /** What line `lineNo` passes on: its record, kept or skipped, or its failure; nothing for a blank line. */
  const pendingOf = (decoded: Line): PendingRecord | undefined => {
    const failed = (error: string): PendingRecord => {
      fail(`${sourceName}:${lineNo}: ${error}; record left out`);
      return { record: {}, id: `${sourceName}:${lineNo}`, lineNo, failed: `line ${lineNo}: ${error}; left out of the output` };
    };
    if (!decoded.ok) return failed(decoded.error);
    const line = decoded.text;
    if (line.trim() === '') return undefined;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
      if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new Error('not a JSON object');
    } catch (err) {
      return failed(`not a JSON object (${(err as Error).message})`);
    }
    const members = topLevelMembers(line);
    const id = recordId(record, line, members) ?? `${sourceName}:${lineNo}`;
    const pending: PendingRecord = { record, id, lineNo, source: recordSource(line, members) };
    const textBytes = typeof record.text === 'string' ? Buffer.byteLength(record.text) : 0;
    if (typeof record.text !== 'string') {
      fail(`${sourceName}:${lineNo}: record ${id} has no string "text" field; passed through unchanged`);
      pending.skipped = 'no text field';
    } else if (textBytes > maxBytes) {
      const error = `text is ${overLimit(textBytes, maxBytes)}`;
      fail(`${sourceName}:${lineNo}: record ${id}: ${error}; passed through unchanged`);
      pending.skipped = error;
    } else if (uniqueIds && seen.has(id)) {
      fail(`${sourceName}:${lineNo}: record id ${id} was used by an earlier record; passed through unchanged (ids must be unique, or use --per-record)`);
      pending.skipped = 'duplicate id';
    }
    if (uniqueIds) seen.add(id);
    return pending;
  };
  const lines = utf8Lines(input)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = lines.next();
      let read = streaming && window.length > 0 ? await lineOrStall(next) : await next;
      if (read === STALLED) {
        yield window;
        window = [];
        read = await next;
      }
      if (read.done) break;
      lineNo++;
      const pending = pendingOf(read.value);
      if (pending) window.push(pending);
      if (window.length >= size) {
        yield window;
        window = [];
      }
    }
    if (window.length) yield window;
  } finally {
    // Stopped early (an error downstream), with a line read perhaps pending: let go of
    // the input, as leaving a for-await loop over it would.
    if (!input.readableEnded) input.destroy();
  }
}
