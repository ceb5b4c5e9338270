/**
 * Per-stage throughput, in this process, over a benchmark corpus's texts (the CLI
 * does not report stage timings):
 *   normalize   pipeline/stages/normalize.ts `normalize` over every document
 *   detect      pipeline/stages/detect.ts `detectIntrinsic` over a sample (a prefix
 *               of the corpus, `sampleMB`), on normalized text
 *   pass 1      pipeline/document.ts `analyzeDocument` (read, normalize, boilerplate,
 *               language) over the sample
 *   corpus      the calls pipeline/stages/corpus.ts `runCorpusStages` makes, timed
 *               one by one on the sample's pass-1 states: intrinsic detection,
 *               cross-document evidence, the reference index, restoration. It repeats
 *               that function's few lines of glue; the timings are of the pipeline's code.
 * Only the timed call is inside the clock: reading files is not.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeDocument, defaultOptions, type DocumentState } from '../../pipeline/document.js';
import { crossDocumentEvidence } from '../../pipeline/stages/crossdoc.js';
import { detectIntrinsic, type IntrinsicResult } from '../../pipeline/stages/detect.js';
import { normalize, normalizeText } from '../../pipeline/stages/normalize.js';
import { ReferenceIndex } from '../../pipeline/stages/reference.js';
import { restoreDocument } from '../../pipeline/stages/restore.js';

export interface Rate {
  bytes: number;
  docs: number;
  seconds: number;
  mbPerS: number;
  docsPerS: number;
}

export interface StageResult {
  normalize: Rate & { changedDocs: number };
  sampleMB: number;
  /** First detectIntrinsic call (loads the lexicon, frequency data and model). */
  detectFirstCallS: number;
  detect: Rate;
  /** normalize + detect on the sample. */
  normalizeDetect: Rate;
  pass1: Rate;
  corpus: {
    intrinsic: Rate;
    crossdoc: Rate & { checked: number; found: number };
    referenceIndex: Rate & { heapMB?: number; indexed: number };
    restore: Rate & { restored: number };
  };
}

const rate = (bytes: number, docs: number, seconds: number): Rate => ({
  bytes,
  docs,
  seconds,
  mbPerS: seconds > 0 ? bytes / 1e6 / seconds : Infinity,
  docsPerS: seconds > 0 ? docs / seconds : Infinity,
});

const now = () => performance.now() / 1000;

/** A gc() even without --expose-gc, to measure retained heap. */
function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export function docFiles(dir: string): string[] {
  return readdirSync(join(dir, 'docs'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, 'docs', f));
}

export function measureStages(dir: string, sampleMB: number, log: (m: string) => void): StageResult {
  const files = docFiles(dir);

  // normalize, every document (a short warm-up first, untimed).
  for (const f of files.slice(0, 200)) normalize(readFileSync(f, 'utf8'));
  let nBytes = 0;
  let nSecs = 0;
  let changed = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const t = now();
    const edits = normalize(text);
    nSecs += now() - t;
    nBytes += Buffer.byteLength(text);
    if (edits.length) changed++;
  }
  log(`  normalize: ${(nBytes / 1e6 / nSecs).toFixed(1)} MB/s over ${files.length} documents`);

  // The sample: a prefix of the corpus.
  const sample: Array<{ id: string; bytes: Buffer; text: string }> = [];
  let sBytes = 0;
  for (const f of files) {
    if (sBytes >= sampleMB * 1e6) break;
    const bytes = readFileSync(f);
    sample.push({ id: f.slice(f.lastIndexOf('/') + 1), bytes, text: bytes.toString('utf8') });
    sBytes += bytes.length;
  }

  // detect (normalize + detect).
  let t = now();
  detectIntrinsic(normalizeText(sample[0].text));
  const detectFirstCallS = now() - t;
  let normS = 0;
  let detS = 0;
  for (const d of sample) {
    t = now();
    const n = normalizeText(d.text);
    normS += now() - t;
    t = now();
    detectIntrinsic(n);
    detS += now() - t;
  }
  log(`  detect: ${(sBytes / 1e6 / detS).toFixed(2)} MB/s over ${sample.length} documents`);

  // pass 1 and the corpus stages, as runCorpusStages calls them.
  const states: DocumentState[] = [];
  t = now();
  for (const d of sample) states.push(analyzeDocument(d.id, d.id, new Uint8Array(d.bytes.buffer, d.bytes.byteOffset, d.bytes.length), defaultOptions));
  const pass1S = now() - t;
  const active = states.filter((s) => s.log && s.verdict !== 'skipped');
  const bytesOf = (ss: DocumentState[]) => ss.reduce((a, s) => a + Buffer.byteLength(s.log!.text), 0);
  const activeBytes = bytesOf(active);

  const intrinsic = new Map<DocumentState, IntrinsicResult>();
  t = now();
  for (const s of active) intrinsic.set(s, detectIntrinsic(s.log!.text));
  const intrinsicS = now() - t;

  const CROSS_CHECK_FLOOR = 0.1; // as in pipeline/stages/corpus.ts
  const check = new Set(active.filter((s) => !intrinsic.get(s)!.spun && intrinsic.get(s)!.score >= CROSS_CHECK_FLOOR).map((s) => s.id));
  t = now();
  const cross = crossDocumentEvidence(
    active.map((s) => ({ id: s.id, text: s.log!.text, score: intrinsic.get(s)!.score })),
    check,
  );
  const crossS = now() - t;
  log(`  cross-document: ${crossS.toFixed(1)} s (${check.size} checked)`);

  const spun = (s: DocumentState) => intrinsic.get(s)!.spun || cross.has(s.id);
  const gc = gcFunction();
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const index = new ReferenceIndex();
  const clean = active.filter((s) => !spun(s));
  t = now();
  for (const s of clean) index.add(s.id, s.log!.text);
  const indexS = now() - t;
  gc?.();
  const heapMB = gc ? (process.memoryUsage().heapUsed - heap0) / 1e6 : undefined;

  const toRestore = active.filter(spun);
  t = now();
  for (const s of toRestore) {
    try {
      restoreDocument({ docId: s.id, text: s.log!.text, index, suspects: intrinsic.get(s)!.words });
    } catch {
      /* counted as restored; the CLI reports such failures per document */
    }
  }
  const restoreS = now() - t;
  log(`  restore: ${restoreS.toFixed(1)} s (${toRestore.length} documents)`);

  return {
    normalize: { ...rate(nBytes, files.length, nSecs), changedDocs: changed },
    sampleMB: sBytes / 1e6,
    detectFirstCallS,
    detect: rate(sBytes, sample.length, detS),
    normalizeDetect: rate(sBytes, sample.length, normS + detS),
    pass1: rate(sBytes, sample.length, pass1S),
    corpus: {
      intrinsic: rate(activeBytes, active.length, intrinsicS),
      crossdoc: { ...rate(activeBytes, active.length, crossS), checked: check.size, found: cross.size },
      referenceIndex: { ...rate(bytesOf(clean), clean.length, indexS), heapMB, indexed: clean.length },
      restore: { ...rate(bytesOf(toRestore), toRestore.length, restoreS), restored: toRestore.length },
    },
  };
}

/**
 * Run as a script (`npx tsx dev/bench/stages.ts <corpus dir> <sample MB> <out.json>`), so
 * each measurement starts with cold caches, as the CLI does.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, mb, out] = process.argv.slice(2);
  const result = measureStages(dir, Number(mb), (m) => process.stderr.write(m + '\n'));
  writeFileSync(out, JSON.stringify(result));
}
