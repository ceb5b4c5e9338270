/**
 * Fits the log-odds WEIGHTS of the generic WordNet reversal
 * (pipeline/stages/restore/generic.ts) and prints how well they are calibrated.
 *
 * For each seed and spin setting it builds the restoration eval's story clusters
 * exactly as dev/eval/restore.ts does (same documents, spinner and seeds) and, with
 * `--corpora restore,detection`, the detection eval's corpus as dev/eval/detect.ts
 * does (spun documents among unrelated clean ones: words with no source, references
 * that tell other stories; the shipped weights are fitted on restore only), runs the
 * pipeline on each in this process (one thread, default options) and records every
 * decision restoreGeneric makes: the evidence of each option (unchanged, spun from
 * an unnamed word, each WordNet candidate; generic.ts reversalOptions /
 * reversalFeatures) and the truth from the spinner's change list: unchanged when no
 * spinner change touches the word; the candidate equal to the change's original
 * when a change covers exactly the word; otherwise spun from an unnamed word.
 * Decisions on reference articles are all "unchanged". The conditional logit (a
 * softmax over the options, utility = features · weights, "unchanged" = 0) is fitted
 * by maximum likelihood with an L2 penalty (λ/2·|w|²) by Newton's method, on the
 * TUNE split only; the held-out split is scored for the report, never used to choose.
 *
 * The decisions are those the pipeline makes with the weights it has (a word an
 * earlier reversal of the same document covers is not weighed again), so the data
 * depend on them only through such overlaps.
 *
 * Prints the fitted weights in the shape of WEIGHTS, the log-likelihoods of the
 * shipped and fitted weights, and calibration tables (the likeliest candidate's
 * probability → share that is the original, share that is a spun word) per split.
 * --write rewrites the WEIGHTS block of generic.ts with the fit rounded to 2 decimals
 * (CALIBRATION is left alone). Deterministic.
 *
 *   npx tsx dev/eval/fit-generic.ts [--seeds 1,2,3,4] [--n 15] [--settings light,medium,heavy]
 *                                   [--lambda 1] [--write]
 *                                   [--corpora restore,detection]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { collectInputs } from '../../pipeline/corpus/inputs.js';
import { defaultOptions } from '../../pipeline/document.js';
import { runFiles } from '../../pipeline/run.js';
import {
  bestReversal,
  observeReversals,
  reversalFeatures,
  WEIGHTS,
  type ReversalDecision,
  type WeightName,
} from '../../pipeline/stages/restore/generic.js';
import { loadCorpus, REPO_ROOT, type Split } from './corpus.js';
import { diffPairs, mapSpan } from './metrics.js';
import { loadSpinner, table, writeSet } from './run.js';
import { buildDetectionSet, buildRestoreSet, SETTINGS, SPLITS, type BuiltSet, type LocatedChange, type Setting, type Spinner } from './sets.js';

const USAGE = `usage: npx tsx dev/eval/fit-generic.ts [--seeds 1,2,3,4] [--n CLUSTERS] [--settings light,medium,heavy]
       [--lambda L2] [--write] [--corpora restore,detection]`;

const NAMES = Object.keys(WEIGHTS) as WeightName[];
const D = NAMES.length;
const GENERIC_TS = join(REPO_ROOT, 'pipeline', 'stages', 'restore', 'generic.ts');

/** One decision: the feature vectors of its options after "unchanged" (row-major, D each) and the true option. */
interface Row {
  split: Split;
  /** (options − 1) × D: option 1 = spun from an unnamed word, 2… = the candidates. */
  x: Float64Array;
  /** 0 unchanged, 1 unnamed original, 2 + k candidate k. */
  y: number;
}

interface Opts {
  seeds: number[];
  n: number;
  settings: Setting[];
  lambda: number;
  write: boolean;
  /** Which eval corpora to draw decisions from. */
  corpora: CorpusKind[];
}

const CORPORA = ['restore', 'detection'] as const;
type CorpusKind = (typeof CORPORA)[number];

function parseOpts(argv: string[]): Opts {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' },
      n: { type: 'string' },
      settings: { type: 'string' },
      lambda: { type: 'string' },
      write: { type: 'boolean' },
      corpora: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const ints = (v: string): number[] =>
    v.split(',').filter(Boolean).map((x) => {
      const k = Number(x);
      if (!Number.isInteger(k) || k < 0) throw new Error(`not a non-negative integer: ${x}`);
      return k;
    });
  const settings = (values.settings ?? SETTINGS.map((s) => s.name).join(',')).split(',').filter(Boolean).map((name) => {
    const s = SETTINGS.find((x) => x.name === name);
    if (!s) throw new Error(`unknown setting ${name} (known: ${SETTINGS.map((x) => x.name).join(', ')})`);
    return s;
  });
  const lambda = Number(values.lambda ?? '1');
  if (!(lambda >= 0)) throw new Error(`--lambda takes a number ≥ 0, not ${values.lambda}`);
  const corpora = (values.corpora ?? 'restore').split(',').filter(Boolean).map((c) => {
    if (!(CORPORA as readonly string[]).includes(c)) throw new Error(`unknown corpus ${c} (known: ${CORPORA.join(', ')})`);
    return c as CorpusKind;
  });
  return { seeds: ints(values.seeds ?? '1,2,3,4'), n: ints(values.n ?? '15')[0], settings, lambda, write: values.write === true, corpora };
}

// ---------------------------------------------------------------- data

interface DocTruth {
  split: Split;
  /** The file's text (what the spinner's changes index, sStart/sEnd). */
  text: string;
  changes: readonly LocatedChange[];
}

/** The true option of a decision (see the module comment). */
function label(d: ReversalDecision, truth: DocTruth): number {
  let span = { start: d.start, end: d.end };
  // The restore stage sees the normalized text: map the span back to the file's.
  if (d.text !== truth.text) span = mapSpan(diffPairs(d.text, truth.text), span);
  const touching = truth.changes.filter((c) => c.sStart < span.end && span.start < c.sEnd);
  if (touching.length === 0) return 0;
  const c = touching[0];
  if (touching.length === 1 && c.sStart === span.start && c.sEnd === span.end) {
    const original = c.before.toLowerCase();
    const k = d.options.candidates.findIndex((o) => o.candidate.word === original);
    if (k >= 0) return 2 + k;
  }
  return 1;
}

function packFeatures(d: ReversalDecision): Float64Array {
  const opts = reversalFeatures(d.options).slice(1);
  const x = new Float64Array(opts.length * D);
  opts.forEach((o, i) => NAMES.forEach((name, j) => (x[i * D + j] = o[name] ?? 0)));
  return x;
}

/** Option probabilities of a row under weights w (index 0 = unchanged). */
function probabilities(row: Row, w: ArrayLike<number>): Float64Array {
  const k = row.x.length / D;
  const u = new Float64Array(k + 1);
  let max = 0;
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < D; j++) s += row.x[i * D + j] * w[j];
    u[i + 1] = s;
    if (s > max) max = s;
  }
  let z = 0;
  for (let i = 0; i <= k; i++) z += u[i] = Math.exp(u[i] - max);
  for (let i = 0; i <= k; i++) u[i] /= z;
  return u;
}

/** An eval corpus of one kind, and the truth of each of its files. */
function buildSet(
  corpus: CorpusKind,
  pool: ReturnType<typeof loadCorpus>,
  setting: Setting,
  n: number,
  seed: number,
  spinnerName: string,
  spin: Spinner,
): { set: BuiltSet<unknown>; truths: Map<string, DocTruth> } {
  const truths = new Map<string, DocTruth>();
  if (corpus === 'restore') {
    const set = buildRestoreSet(pool, { setting, clusters: n, seed, spinnerName }, spin);
    for (const c of set.truth.clusters) truths.set(c.file, { split: c.split, text: set.files.get(c.file)!, changes: c.changes });
    for (const r of set.truth.references) truths.set(r.file, { split: r.split, text: set.files.get(r.file)!, changes: [] });
    return { set, truths };
  }
  // The detection corpus's n clean and n spun documents per split (the seeds left out: they are not tune text here).
  const set = buildDetectionSet(pool, { setting, n, seed, spinnerName, seeds: false }, spin);
  for (const d of set.truth.documents) truths.set(d.file, { split: d.split, text: set.files.get(d.file)!, changes: d.changes });
  return { set, truths };
}

async function collect(opts: Opts): Promise<Row[]> {
  const { spin, name } = await loadSpinner(false);
  const pool = loadCorpus();
  const rows: Row[] = [];
  let maxMismatch = 0;
  for (const seed of opts.seeds) {
    for (const setting of opts.settings) {
      for (const corpus of opts.corpora) {
        const t0 = performance.now();
        const { set, truths } = buildSet(corpus, pool, setting, opts.n, seed, name, spin);
        const dir = mkdtempSync(join(tmpdir(), 'fit-generic-'));
        try {
          writeSet(dir, set);
          const docs = join(dir, 'docs');
          const out = join(dir, 'run');
          const before = rows.length;
          observeReversals((d) => {
            const truth = truths.get(basename(d.docId));
            if (!truth) throw new Error(`decision on an unknown document ${d.docId}`);
            const row: Row = { split: truth.split, x: packFeatures(d), y: label(d, truth) };
            // The features must give bestReversal's own probabilities with the shipped weights.
            const best = bestReversal(d.key, d.context)!;
            const p = probabilities(row, NAMES.map((n) => WEIGHTS[n]));
            let top = 0;
            for (let i = 2; i < p.length; i++) top = Math.max(top, p[i]);
            maxMismatch = Math.max(maxMismatch, Math.abs(top - best.probability), Math.abs(p[0] - best.unchanged));
            rows.push(row);
          });
          const files = await collectInputs([docs], out);
          await runFiles(files, out, { ...defaultOptions, maxBytes: 64 * 1024 * 1024, workers: 1 });
          const added = rows.slice(before);
          const spunShare = added.filter((r) => r.y > 0).length / Math.max(1, added.length);
          console.error(
            `seed ${seed} ${setting.name} ${corpus}: ${added.length} decisions (${(100 * spunShare).toFixed(1)}% on spun words) ` +
              `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          );
        } finally {
          observeReversals(undefined);
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  }
  if (maxMismatch > 1e-9) throw new Error(`reversalFeatures does not reproduce bestReversal (difference ${maxMismatch})`);
  return rows;
}

// ---------------------------------------------------------------- fit

/** Penalized log-likelihood with its gradient and Hessian. */
function objective(rows: readonly Row[], w: Float64Array, lambda: number, second: boolean): { f: number; g: Float64Array; h: Float64Array } {
  const g = new Float64Array(D);
  const h = new Float64Array(second ? D * D : 0);
  const mean = new Float64Array(D);
  let f = 0;
  for (const row of rows) {
    const p = probabilities(row, w);
    f += Math.log(Math.max(p[row.y], 1e-300));
    const k = p.length - 1;
    mean.fill(0);
    for (let i = 0; i < k; i++) for (let j = 0; j < D; j++) mean[j] += p[i + 1] * row.x[i * D + j];
    if (row.y > 0) for (let j = 0; j < D; j++) g[j] += row.x[(row.y - 1) * D + j];
    for (let j = 0; j < D; j++) g[j] -= mean[j];
    if (!second) continue;
    // Covariance of the features under p ("unchanged" is the zero vector).
    for (let i = 0; i <= k; i++) {
      if (p[i] < 1e-15) continue;
      for (let a = 0; a < D; a++) {
        const da = (i === 0 ? 0 : row.x[(i - 1) * D + a]) - mean[a];
        if (da === 0) continue;
        for (let b = 0; b < D; b++) {
          const db = (i === 0 ? 0 : row.x[(i - 1) * D + b]) - mean[b];
          h[a * D + b] -= p[i] * da * db;
        }
      }
    }
  }
  for (let j = 0; j < D; j++) {
    f -= (lambda / 2) * w[j] * w[j];
    g[j] -= lambda * w[j];
    if (second) h[j * D + j] -= lambda;
  }
  return { f, g, h };
}

/** Solves A x = b (A symmetric negative definite) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  const m = Array.from({ length: n }, (_, i) => [...a.slice(i * n, i * n + n), b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) throw new Error('singular Hessian: a feature never varies (raise --lambda)');
    for (let r = c + 1; r < n; r++) {
      const q = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= q * m[c][k];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/** Newton's method with step halving, from all-zero weights. */
function fit(rows: readonly Row[], lambda: number): { w: Float64Array; iterations: number } {
  let w: Float64Array = new Float64Array(D);
  let cur = objective(rows, w, lambda, true);
  for (let it = 1; it <= 50; it++) {
    const step = solve(cur.h, cur.g).map((x) => -x);
    let t = 1;
    let next: Float64Array;
    let val: ReturnType<typeof objective>;
    for (;;) {
      next = w.map((x, j) => x + t * step[j]);
      val = objective(rows, next, lambda, true);
      if (val.f >= cur.f - 1e-9 || t < 1e-6) break;
      t /= 2;
    }
    const gain = val.f - cur.f;
    w = next;
    cur = val;
    if (Math.max(...cur.g.map(Math.abs)) < 1e-6 || (gain >= 0 && gain < 1e-10)) return { w, iterations: it };
  }
  return { w, iterations: 50 };
}

// ---------------------------------------------------------------- report

const logLik = (rows: readonly Row[], w: ArrayLike<number>): number =>
  rows.reduce((s, r) => s + Math.log(Math.max(probabilities(r, w)[r.y], 1e-300)), 0);

const BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0000001];

/** The likeliest candidate's probability, binned → how often it is the original / a spun word. */
function calibration(rows: readonly Row[], w: ArrayLike<number>): Array<Record<string, string>> {
  const n = new Array(BINS.length - 1).fill(0);
  const exact = new Array(BINS.length - 1).fill(0);
  const spun = new Array(BINS.length - 1).fill(0);
  const mean = new Array(BINS.length - 1).fill(0);
  for (const r of rows) {
    const p = probabilities(r, w);
    let k = 2;
    for (let i = 3; i < p.length; i++) if (p[i] > p[k]) k = i;
    if (k >= p.length) continue;
    const b = BINS.findIndex((lo, i) => p[k] >= lo && p[k] < BINS[i + 1]);
    n[b]++;
    mean[b] += p[k];
    if (r.y === k) exact[b]++;
    if (r.y > 0) spun[b]++;
  }
  const pc = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  return n.map((count, b) => ({
    probability: `${BINS[b].toFixed(2)}–${Math.min(1, BINS[b + 1]).toFixed(2)}`,
    decisions: `${count}`,
    'mean p': count ? (mean[b] / count).toFixed(3) : '—',
    original: pc(exact[b], count),
    'spun word': pc(spun[b], count),
  }));
}

const fmt = (x: number, d = 2) => (Object.is(Math.round(x * 10 ** d), -0) ? 0 : x).toFixed(d);
const round2 = (x: number) => Math.round(x * 100) / 100 || 0;

/** The WEIGHTS block with new values (comments and order kept). */
function rewriteWeights(src: string, w: ArrayLike<number>): string {
  const start = src.indexOf('export const WEIGHTS = {');
  const end = src.indexOf('} as const;', start);
  if (start < 0 || end < 0) throw new Error(`no WEIGHTS block in ${GENERIC_TS}`);
  let block = src.slice(start, end);
  NAMES.forEach((name, j) => {
    const re = new RegExp(`^(\\s*${name}: )-?[0-9.]+,$`, 'm');
    if (!re.test(block)) throw new Error(`WEIGHTS.${name} not found as one "name: number," line`);
    const v = round2(w[j]);
    block = block.replace(re, `$1${Number.isInteger(v) ? v.toFixed(1) : String(v)},`);
  });
  return src.slice(0, start) + block + src.slice(end);
}

async function main(): Promise<number> {
  const opts = parseOpts(process.argv.slice(2));
  const rows = await collect(opts);
  const tune = rows.filter((r) => r.split === 'tune');
  const held = rows.filter((r) => r.split === 'heldout');
  const t0 = performance.now();
  const { w, iterations } = fit(tune, opts.lambda);
  const rounded = Array.from(w, round2);
  const shipped = NAMES.map((n) => WEIGHTS[n]);
  console.log(
    `\nconditional logit on ${tune.length} tune decisions (seeds ${opts.seeds.join(',')}, ${opts.settings.map((s) => s.name).join('/')}, ` +
      `${opts.n} clusters per split), L2 λ = ${opts.lambda}: ${iterations} Newton steps, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const count = (rs: readonly Row[]) => {
    const un = rs.filter((r) => r.y === 0).length;
    const unk = rs.filter((r) => r.y === 1).length;
    return `${un} unchanged, ${unk} spun from an unnamed word, ${rs.length - un - unk} from a candidate`;
  };
  for (const split of SPLITS) console.log(`${split}: ${count(split === 'tune' ? tune : held)}`);

  console.log('\n== weights');
  console.log(
    table(NAMES.map((name, j) => ({ weight: name, shipped: fmt(shipped[j]), fitted: fmt(w[j], 3), 'fitted (2 dp)': fmt(rounded[j]), change: fmt(rounded[j] - shipped[j]) }))),
  );
  console.log('\nexport const WEIGHTS = {');
  NAMES.forEach((name, j) => console.log(`  ${name}: ${Number.isInteger(rounded[j]) ? rounded[j].toFixed(1) : rounded[j]},`));
  console.log('} as const;');

  console.log('\n== log-likelihood (per decision in brackets)');
  const ll = (rs: readonly Row[], ws: ArrayLike<number>) => {
    const v = logLik(rs, ws);
    return `${v.toFixed(1)} (${(v / Math.max(1, rs.length)).toFixed(4)})`;
  };
  const sets: Array<[string, ArrayLike<number>]> = [
    ['shipped', shipped],
    ['fitted', w],
    ['fitted (2 dp)', rounded],
  ];
  console.log(table(sets.map(([name, ws]) => ({ weights: name, tune: ll(tune, ws), heldout: ll(held, ws) }))));

  for (const [name, ws] of sets.filter(([n]) => n !== 'fitted')) {
    for (const split of SPLITS) {
      console.log(`\n== calibration, ${name} weights, ${split}: the likeliest candidate's probability → share that is the original / a spun word`);
      console.log(table(calibration(split === 'tune' ? tune : held, ws)));
    }
  }

  if (opts.write) {
    writeFileSync(GENERIC_TS, rewriteWeights(readFileSync(GENERIC_TS, 'utf8'), w));
    console.log(`\nwrote the fitted WEIGHTS (2 decimals) into ${GENERIC_TS}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
