import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { analyzeDocument, unreadableDocument, type DocumentState, type Options } from './document.js';
import { utf8Lines } from './corpus/lines.js';
import { AtomicStream, writeAtomic } from './corpus/outputs.js';
import type { FileInput } from './corpus/inputs.js';
import { renderDiff } from './report/diff.js';
import { renderHtmlReport } from './report/html.js';
import { timed } from './timings.js';
import { runCorpusStages } from './stages/corpus.js';
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

async function readInput(f: FileInput, maxBytes: number): Promise<Uint8Array | { error: string }> {
  try {
    const st = await stat(f.file);
    if (st.size > maxBytes) {
      return { error: `file is ${st.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)` };
    }
    return await readFile(f.file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: e.code === 'EACCES' ? 'permission denied' : e.message };
  }
}

/** Runs the pipeline over files, writing clean/, diff/ and report.json under `outDir`. */
export async function runFiles(files: readonly FileInput[], outDir: string, options: RunOptions): Promise<RunResult> {
  const states: DocumentState[] = [];
  let done = 0;
  let totalBytes = 0;
  for (const f of files) {
    const bytes = await readInput(f, options.maxBytes);
    let state: DocumentState;
    if (bytes instanceof Uint8Array) {
      totalBytes += bytes.length;
      state = analyzeDocument(f.rel, f.rel, bytes, options);
    } else state = unreadableDocument(f.rel, f.rel, bytes.error);
    state.file = path.relative(process.cwd(), f.file) || f.file;
    states.push(state);
    options.onProgress?.(++done, files.length * 2, f.rel);
  }
  runCorpusStages(states, options);

  const report = await AtomicStream.open(path.join(outDir, 'report.json'));
  const summary = emptySummary();
  const pages: Array<{ doc: ReportDocument; original: string }> = [];
  let failures = 0;
  try {
    await report.write(reportHeader());
    for (const [i, state] of states.entries()) {
      const doc = toReportDocument(state);
      pages.push({ doc, original: state.log?.original ?? '' });
      if (state.error) {
        failures++;
        options.onError?.(`${state.path}: ${state.error}`);
      }
      const { clean, diff } = renderOutputs(state);
      if (clean !== undefined) await writeAtomic(path.join(outDir, 'clean', state.path), clean);
      const diffFile = path.join(outDir, 'diff', `${state.path}.diff`);
      // A diff left from an earlier run would contradict this run's report.
      if (diff !== undefined) await writeAtomic(diffFile, diff);
      else await rm(diffFile, { force: true });
      addToSummary(summary, doc);
      await report.write(reportDocument(doc, i === 0));
      options.onProgress?.(++done, files.length * 2, state.path);
    }
    await report.write(reportFooter(summary));
    await report.commit();
  } catch (err) {
    await report.abort();
    throw err;
  }
  await timed('html', () => writeAtomic(path.join(outDir, 'report.html'), renderHtmlReport(pages, summary)));
  return { summary, failures, bytes: totalBytes };
}

export interface JsonlSink {
  /** Where cleaned records go (stdout or `<out>/clean.jsonl`). */
  records: Writable | AtomicStream;
  /** report.json, when an output directory was given. */
  report?: AtomicStream;
}

/**
 * Streams JSON Lines records (`id`, `text`, any other fields kept) through the
 * per-document stages, one record at a time: memory does not grow with the input.
 */
export async function runJsonl(input: Readable, sink: JsonlSink, options: RunOptions, sourceName = 'stdin'): Promise<RunResult> {
  const summary = emptySummary();
  let failures = 0;
  let totalBytes = 0;
  let lineNo = 0;
  let first = true;
  const write = async (s: string) => {
    if (sink.records instanceof AtomicStream) await sink.records.write(s);
    else if (!sink.records.write(s)) await new Promise<void>((r) => (sink.records as Writable).once('drain', r));
  };
  if (sink.report) await sink.report.write(reportHeader());
  for await (const decoded of utf8Lines(input)) {
    lineNo++;
    if (!decoded.ok) {
      failures++;
      options.onError?.(`${sourceName}:${lineNo}: ${decoded.error}; record left out`);
      continue;
    }
    const line = decoded.text;
    if (line.trim() === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
      if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new Error('not a JSON object');
    } catch (err) {
      failures++;
      options.onError?.(`${sourceName}:${lineNo}: not a JSON object (${(err as Error).message}); record left out`);
      continue;
    }
    const id = record.id === undefined ? `${sourceName}:${lineNo}` : String(record.id);
    if (typeof record.text !== 'string') {
      failures++;
      options.onError?.(`${sourceName}:${lineNo}: record ${id} has no string "text" field; passed through unchanged`);
      await write(JSON.stringify({ ...record, unspin: { verdict: 'skipped', kinds: ['unreadable'], edits: 0, error: 'no text field' } }) + '\n');
      continue;
    }
    totalBytes += Buffer.byteLength(record.text);
    const state = analyzeDocument(id, id, record.text, options);
    runCorpusStages([state], options);
    if (state.error) {
      failures++;
      options.onError?.(`${sourceName}:${lineNo}: record ${id}: ${state.error}`);
    }
    const doc: ReportDocument = toReportDocument(state);
    addToSummary(summary, doc);
    const text = state.log?.text ?? record.text;
    await write(JSON.stringify({ ...record, text, unspin: { verdict: doc.verdict, kinds: doc.kinds, edits: doc.edits.length } }) + '\n');
    if (sink.report) await sink.report.write(reportDocument(doc, first));
    first = false;
    options.onProgress?.(lineNo, 0, id);
  }
  if (sink.report) {
    await sink.report.write(reportFooter(summary));
    await sink.report.commit();
  }
  if (sink.records instanceof AtomicStream) await sink.records.commit();
  return { summary, failures, bytes: totalBytes };
}
