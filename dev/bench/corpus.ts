/**
 * Benchmark corpora: deterministic news-like documents of ~2–8 KB (one paragraph of
 * 2–5 sentences per line), made of shuffled sentences of the clean eval documents
 * (dev/eval/corpus.ts, here with every State of the Union address from 1790 on and
 * every Moby-Dick chapter: ~12 MB of sentences, each used about size/12 times).
 *
 * Mixed in, by share of documents:
 *   ~10% spun       a document from a pool of documents spun once with dev/spin.ts
 *                   (rate 0.35; the spinner is slow), a paragraph sometimes dropped;
 *                   half the time its clean original comes next to it in the corpus
 *   ~5%  mojibake   curly quotes and accented names broken as UTF-8 read as
 *                   Windows-1252 (`’` → `â€™`), Latin-1 (C1 controls) or twice
 *   ~10% boilerplate an outlet line on top, a caption + `Name/Agency` credit, a
 *                   `X contributed to this report.` line at the end (one or more)
 *   ~4%  near-dup   a second copy of an earlier document with small edits
 *                   (a sentence dropped, a number changed, another outlet line)
 *   ~50% of all documents are typographic (curly quotes, em dashes), as news is.
 *
 * Written as `<dir>/docs/dNNNNNN.txt` and `<dir>/docs.jsonl` ({id, text}), with
 * `<dir>/labels.jsonl` ({id, labels}) and `<dir>/manifest.json`. The document
 * stream does not depend on the size, so a smaller corpus is a prefix of a larger.
 * A corpus already on disk with the same parameters is reused.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream, renameSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../eval/corpus.js';
import { Rng, sentenceSpans } from '../eval/text.js';
import { spin } from '../spin.js';
import { accentedSentence, breakSome, typographize, type BreakMode } from './mojibake.js';

/** Bump when the generator changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;

export type Label = 'spun' | 'original-of-spun' | 'mojibake' | 'boilerplate' | 'near-dup' | 'typographic';

export interface CorpusParams {
  version: number;
  /** Target size in MB (10^6 bytes of UTF-8). */
  sizeMB: number;
  seed: number;
  spunShare: number;
  spinRate: number;
  spinPool: number;
  mojibakeShare: number;
  boilerplateShare: number;
  nearDupShare: number;
  typographicShare: number;
  /** Most sentences with accented names added to a typographic document (all of them broken in a mojibake one). */
  accentedSentences: number;
}

export interface Manifest {
  params: CorpusParams;
  docs: number;
  bytes: number;
  counts: Record<Label | 'plain', number>;
  /** Times each source sentence is used on average. */
  sentenceReuse: number;
  generatedMs: number;
}

export interface GeneratedDoc {
  id: string;
  text: string;
  labels: Label[];
}

export function defaultParams(sizeMB: number, seed = 1): CorpusParams {
  return {
    version: GENERATOR_VERSION,
    sizeMB,
    seed,
    spunShare: 0.1,
    spinRate: 0.35,
    spinPool: 300,
    mojibakeShare: 0.05,
    boilerplateShare: 0.1,
    nearDupShare: 0.04,
    typographicShare: 0.5,
    accentedSentences: 3,
  };
}

// ---------------------------------------------------------------- sentences

let sentencePool: string[] | undefined;

/** Every sentence of the clean documents, 20–400 characters, in a fixed order. */
export function sentences(): string[] {
  if (sentencePool) return sentencePool;
  const out: string[] = [];
  for (const d of loadCorpus({ minYear: 1790, maxPerGroup: 100_000 })) {
    for (const para of d.text.split('\n')) {
      for (const s of sentenceSpans(para)) {
        const t = para.slice(s.start, s.end).trim();
        if (t.length >= 20 && t.length <= 400) out.push(t);
      }
    }
  }
  return (sentencePool = out);
}

/** Sentences in a shuffled order, reshuffled each time the pool is used up (even reuse). */
class SentenceStream {
  private order: number[] = [];
  private at = 0;
  used = 0;
  constructor(
    private readonly pool: string[],
    private readonly rng: Rng,
  ) {}
  next(): string {
    if (this.at >= this.order.length) {
      this.order = this.rng.shuffle(this.pool.map((_, i) => i));
      this.at = 0;
    }
    this.used++;
    return this.pool[this.order[this.at++]];
  }
}

/** A clean article of about `targetBytes`: paragraphs of 2–5 sentences, one per line. */
function article(stream: SentenceStream, rng: Rng, targetBytes: number): string[] {
  const paras: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const n = rng.int(2, 5);
    const ss: string[] = [];
    for (let i = 0; i < n; i++) ss.push(stream.next());
    const p = ss.join(' ');
    paras.push(p);
    bytes += Buffer.byteLength(p) + 1;
  }
  return paras;
}

// ---------------------------------------------------------------- boilerplate

const FIRST = ['Maria', 'James', 'Aisha', 'Kevin', 'Yuki', 'Daniel', 'Sofia', 'Omar', 'Laura', 'Peter', 'Grace', 'Tom'];
const LAST = ['Lopez', 'Carter', 'Okafor', 'Lamarque', 'Tanaka', 'Becker', 'Rossi', 'Haddad', 'Nguyen', 'Walsh', 'Kim', 'Brennan'];
const AGENCIES = ['Reuters', 'AP', 'AFP', 'Getty Images', 'Bloomberg', 'EPA'];
const OUTLETS = ['Reuters', 'Associated Press', 'The Daily Ledger', 'Business Wire', 'AFP'];
const CAPTIONS = [
  'A view of the Capitol building in Washington, D.C., on Tuesday.',
  'Demonstrators gather outside the ministry during a protest on March 4, 2024.',
  'The Secretary of State speaks to reporters at the airport before his departure.',
  'Workers unload cargo at the port after the storm passed.',
  'Delegates arrive for the opening session of the summit in Geneva.',
];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
const person = (rng: Rng) => `${pick(rng, FIRST)} ${pick(rng, LAST)}`;

function addBoilerplate(paras: string[], rng: Rng): string[] {
  const out = [...paras];
  const kinds = rng.int(1, 7); // bit mask: 1 outlet, 2 caption + credit, 4 contributor
  if (kinds & 2 && out.length > 2) {
    const at = rng.int(1, out.length - 1);
    out.splice(at, 0, pick(rng, CAPTIONS), `${person(rng)}/${pick(rng, AGENCIES)}`);
  }
  if (kinds & 1) out.unshift(rng.next() < 0.5 ? pick(rng, OUTLETS) : `By ${person(rng)}, ${pick(rng, OUTLETS)}`);
  if (kinds & 4) out.push(`${person(rng)} contributed to this report.`);
  return out;
}

// ---------------------------------------------------------------- near-duplicates

function nearDuplicate(paras: string[], rng: Rng): string[] {
  const out = [...paras];
  // Drop one sentence of a random paragraph (or the last paragraph).
  const i = rng.int(0, out.length - 1);
  const ss = sentenceSpans(out[i]).map((s) => out[i].slice(s.start, s.end));
  if (ss.length > 1) {
    ss.splice(rng.int(0, ss.length - 1), 1);
    out[i] = ss.join(' ');
  } else if (out.length > 2) out.splice(i, 1);
  // Change one number, if any.
  const j = out.findIndex((p) => /\d/.test(p));
  if (j >= 0) out[j] = out[j].replace(/\d+/, (d) => String(Number(d) + rng.int(1, 9)));
  // Another outlet line on top, sometimes.
  if (rng.next() < 0.5) out.unshift(pick(rng, OUTLETS));
  return out;
}

// ---------------------------------------------------------------- spin pool

interface PoolDoc {
  original: string[];
  spun: string[];
}

function spinPoolFile(root: string, p: CorpusParams): string {
  return join(root, `spin-pool-v${p.version}-seed${p.seed}-n${p.spinPool}-r${p.spinRate}.json`);
}

/** Clean articles and their spun versions, spun once and cached on disk. */
export function spinPool(root: string, p: CorpusParams, log: (m: string) => void): PoolDoc[] {
  const file = spinPoolFile(root, p);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PoolDoc[];
  const rng = Rng.from('bench-spin-pool', p.seed);
  const stream = new SentenceStream(sentences(), rng);
  const t0 = performance.now();
  const pool: PoolDoc[] = [];
  for (let i = 0; i < p.spinPool; i++) {
    const original = article(stream, rng, rng.int(2000, 8000));
    const spun = original.map((para, k) => spin(para, { rate: p.spinRate, seed: rng.seed() + k }).text);
    pool.push({ original, spun });
    if ((i + 1) % 50 === 0) log(`  spin pool: ${i + 1}/${p.spinPool} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  mkdirSync(root, { recursive: true });
  writeFileSync(file + '.tmp', JSON.stringify(pool));
  renameSync(file + '.tmp', file);
  return pool;
}

// ---------------------------------------------------------------- the document stream

/**
 * An endless deterministic stream of benchmark documents. Independent of the
 * target size, so every corpus is a prefix of any larger one.
 */
export function* documentStream(p: CorpusParams, pool: PoolDoc[], idPrefix = 'd'): Generator<GeneratedDoc> {
  const rng = Rng.from('bench-corpus', p.seed);
  const stream = new SentenceStream(sentences(), rng);
  const pending: Array<{ due: number; doc: Omit<GeneratedDoc, 'id'> }> = [];
  let n = 0;
  const id = () => `${idPrefix}${String(n++).padStart(6, '0')}`;
  for (;;) {
    const due = pending.findIndex((x) => x.due <= n);
    if (due >= 0) {
      const [{ doc }] = pending.splice(due, 1);
      yield { id: id(), ...doc };
      continue;
    }
    const r = rng.next();
    if (r < p.spunShare) {
      const j = Math.floor(rng.next() * pool.length);
      let paras = pool[j].spun;
      if (paras.length > 3 && rng.next() < 0.5) {
        const drop = rng.int(0, paras.length - 1);
        paras = paras.filter((_, k) => k !== drop);
      }
      yield { id: id(), text: paras.join('\n'), labels: ['spun'] };
      if (rng.next() < 0.5) yield { id: id(), text: pool[j].original.join('\n'), labels: ['original-of-spun'] };
      continue;
    }
    const labels: Label[] = [];
    let paras = article(stream, rng, rng.int(2000, 8000));
    const mojibake = rng.next() < p.mojibakeShare / (1 - p.spunShare);
    const typographic = mojibake || rng.next() < p.typographicShare;
    if (typographic) {
      labels.push('typographic');
      paras = paras.map(typographize);
      // Accented names in a sentence or two (always in the mojibake documents).
      if (mojibake || rng.next() < 0.3) {
        for (let k = rng.int(1, p.accentedSentences); k > 0; k--) {
          const at = rng.int(0, paras.length - 1);
          paras[at] = `${paras[at]} ${accentedSentence(rng)}`;
        }
      }
    }
    if (rng.next() < p.boilerplateShare / (1 - p.spunShare)) {
      labels.push('boilerplate');
      paras = addBoilerplate(paras, rng);
    }
    let text = paras.join('\n');
    if (mojibake) {
      const m = rng.next();
      const mode: BreakMode = m < 0.7 ? 'cp1252' : m < 0.85 ? 'latin1' : 'double';
      const b = breakSome(text, mode, 0.8, rng);
      if (b.broken > 0) {
        labels.push('mojibake');
        text = b.text;
      }
    }
    if (rng.next() < p.nearDupShare / (1 - p.spunShare)) {
      pending.push({ due: n + rng.int(1, 50), doc: { text: nearDuplicate(text.split('\n'), rng).join('\n'), labels: [...labels, 'near-dup'] } });
    }
    yield { id: id(), text, labels };
  }
}

// ---------------------------------------------------------------- on disk

export function corpusDir(root: string, sizeMB: number): string {
  return join(root, `${sizeMB}mb`);
}

function sameParams(a: CorpusParams, b: CorpusParams): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads a corpus manifest if the corpus on disk was generated with `params`. */
export function cachedManifest(dir: string, params: CorpusParams): Manifest | undefined {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return sameParams(m.params, params) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (or reuses) the corpus of `params.sizeMB` MB under `root`. */
export async function ensureCorpus(root: string, params: CorpusParams, log: (m: string) => void): Promise<{ dir: string; manifest: Manifest; cached: boolean }> {
  const dir = corpusDir(root, params.sizeMB);
  const cached = cachedManifest(dir, params);
  if (cached) return { dir, manifest: cached, cached: true };
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const pool = spinPool(root, params, log);
  const target = params.sizeMB * 1e6;
  const jsonl = createWriteStream(join(dir, 'docs.jsonl'));
  const labels = createWriteStream(join(dir, 'labels.jsonl'));
  const write = (s: import('node:fs').WriteStream, chunk: string) =>
    s.write(chunk) ? Promise.resolve() : new Promise<void>((r) => s.once('drain', () => r()));
  const counts: Manifest['counts'] = { spun: 0, 'original-of-spun': 0, mojibake: 0, boilerplate: 0, 'near-dup': 0, typographic: 0, plain: 0 };
  let bytes = 0;
  let docs = 0;
  const stream = sentences();
  const gen = documentStream(params, pool);
  while (bytes < target) {
    const d = gen.next().value as GeneratedDoc;
    writeFileSync(join(dir, 'docs', `${d.id}.txt`), d.text);
    await write(jsonl, JSON.stringify({ id: d.id, text: d.text }) + '\n');
    await write(labels, JSON.stringify({ id: d.id, labels: d.labels }) + '\n');
    for (const l of d.labels) counts[l]++;
    if (d.labels.length === 0) counts.plain++;
    bytes += Buffer.byteLength(d.text);
    docs++;
    if (docs % 5000 === 0) log(`  ${params.sizeMB} MB corpus: ${(bytes / 1e6).toFixed(0)} MB, ${docs} documents`);
  }
  await new Promise<void>((r) => jsonl.end(() => r()));
  await new Promise<void>((r) => labels.end(() => r()));
  const poolBytes = stream.reduce((a, s) => a + Buffer.byteLength(s) + 1, 0);
  const manifest: Manifest = {
    params,
    docs,
    bytes,
    counts,
    sentenceReuse: Number((bytes / poolBytes).toFixed(2)),
    generatedMs: Math.round(performance.now() - t0),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest, cached: false };
}

/** Labels of a corpus's documents, by id. */
export function readLabels(dir: string): Map<string, Label[]> {
  const out = new Map<string, Label[]>();
  for (const line of readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; labels: Label[] };
    out.set(r.id, r.labels);
  }
  return out;
}
