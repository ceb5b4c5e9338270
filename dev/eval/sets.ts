/**
 * Builds the eval sets from clean documents and a spinner:
 *   - detection sets: N clean documents untouched + N spun copies of other clean
 *     documents per split, with per-document and per-sentence truth;
 *   - restoration sets ("story clusters"): a spun document S of a clean D plus 1–2
 *     reference articles R that carry ~40–50% of D's sentences verbatim among
 *     sentences of unrelated clean documents, with per-sentence sourced flags.
 * Pure given the spinner: the caller writes the files.
 */
import type { CleanDoc, SourceName, Split } from './corpus.js';
import {
  applyReplacements,
  diffPairs,
  expandSpan,
  invertPairs,
  mapSpan,
  sentencesTouched,
  touches,
  type Pair,
} from './metrics.js';
import { hashHex, Rng, sentenceSpans, wordCount, type Span } from './text.js';

// ---------------------------------------------------------------- spinner contract

export interface SpinChange {
  /** Offsets into the ORIGINAL text. */
  start: number;
  end: number;
  before: string;
  after: string;
  kind: string;
}

export interface SpinResult {
  text: string;
  changes: SpinChange[];
}

export type Spinner = (text: string, opts: { rate: number; seed: number }) => SpinResult;

export interface Setting {
  name: string;
  rate: number;
}

export const SETTINGS: readonly Setting[] = [
  { name: 'light', rate: 0.15 },
  { name: 'medium', rate: 0.35 },
  { name: 'heavy', rate: 0.6 },
];

export const SPLITS: readonly Split[] = ['tune', 'heldout'];

/** A spinner change located in both texts: [start,end) in D, [sStart,sEnd) in S. */
export interface LocatedChange extends SpinChange {
  sStart: number;
  sEnd: number;
}

export interface SpunDoc {
  text: string;
  changes: LocatedChange[];
  /** True when the change list did not reproduce the spinner's text and a diff was used instead. */
  diffFallback: boolean;
}

/**
 * Spins `original` and locates every change in the spun text. The spinner's change
 * list is authoritative when applying it to the original yields the spun text;
 * otherwise the changes are recovered from a token diff (kind `diff`).
 */
export function spinDoc(spin: Spinner, original: string, rate: number, seed: number): SpunDoc {
  const res = spin(original, { rate, seed });
  try {
    const applied = applyReplacements(original, res.changes);
    if (applied.text === res.text) {
      const sorted = [...res.changes].sort((a, b) => a.start - b.start || a.end - b.end);
      return {
        text: res.text,
        changes: sorted
          .map((c, i) => ({
            start: c.start,
            end: c.end,
            before: c.before,
            after: c.after,
            kind: c.kind,
            sStart: applied.pairs[i].b0,
            sEnd: applied.pairs[i].b1,
          }))
          // A change that rewrites a span with the same text changed nothing.
          .filter((c) => c.before !== c.after),
        diffFallback: false,
      };
    }
  } catch {
    // fall through to the diff
  }
  const pairs = diffPairs(original, res.text);
  return {
    text: res.text,
    changes: pairs.map((p) => ({
      start: p.a0,
      end: p.a1,
      before: original.slice(p.a0, p.a1),
      after: res.text.slice(p.b0, p.b1),
      kind: 'diff',
      sStart: p.b0,
      sEnd: p.b1,
    })),
    diffFallback: true,
  };
}

/** Pairs with a = spun text, b = original text. */
export function spunToOriginalPairs(changes: readonly LocatedChange[]): Pair[] {
  return invertPairs(changes.map((c) => ({ a0: c.start, a1: c.end, b0: c.sStart, b1: c.sEnd })));
}

// ---------------------------------------------------------------- selection

function byId(a: CleanDoc, b: CleanDoc): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Draws `count` documents of one split (no seeds), about `sotuShare` of them from the
 * speeches and the rest from Moby-Dick, in a seeded order; `exclude` ids are skipped.
 */
export function draw(
  pool: readonly CleanDoc[],
  split: Split,
  count: number,
  rng: Rng,
  exclude: ReadonlySet<string> = new Set(),
  sotuShare = 2 / 3,
): CleanDoc[] {
  const of = (source: SourceName): CleanDoc[] =>
    rng.shuffle(pool.filter((d) => d.split === split && d.source === source && !exclude.has(d.id)).sort(byId));
  const sotu = of('sotu');
  const moby = of('moby');
  const wantSotu = Math.min(sotu.length, Math.round(count * sotuShare));
  const picked = [...sotu.slice(0, wantSotu), ...moby.slice(0, count - wantSotu)];
  if (picked.length < count) picked.push(...sotu.slice(wantSotu, wantSotu + count - picked.length));
  if (picked.length < count) throw new Error(`only ${picked.length} clean ${split} documents for ${count} wanted`);
  return rng.shuffle(picked);
}

/** An opaque file name for a document of a set (the name must not reveal the truth). */
export function fileName(setName: string, docKey: string): string {
  return `${hashHex(`${setName}/${docKey}`)}.txt`;
}

// ---------------------------------------------------------------- detection

export interface TruthSentence extends Span {
  /** The spinner changed at least one word of it. */
  changed: boolean;
}

export interface DetectionDocTruth {
  file: string;
  /** The clean document it is (or was spun from). */
  id: string;
  source: SourceName;
  split: Split;
  spun: boolean;
  words: number;
  /** Spinner changes, offsets in D (start/end) and in the file's text (sStart/sEnd); empty for clean documents. */
  changes: LocatedChange[];
  /** Sentences of the file's text (text.ts sentenceSpans); all unchanged in a clean document. */
  sentences: TruthSentence[];
  /** Original text of a spun document (absent for clean ones: the file is the original). */
  original?: string;
}

export interface DetectionTruth {
  kind: 'detection';
  setting: string;
  rate: number;
  seed: number;
  spinner: string;
  documents: DetectionDocTruth[];
}

export interface BuiltSet<T> {
  /** File name → text. */
  files: Map<string, string>;
  truth: T;
  warnings: string[];
}

export interface DetectionOptions {
  setting: Setting;
  /** Clean and spun documents per split (the tune split also gets the clean seeds). */
  n: number;
  seed: number;
  spinnerName: string;
  /** Include the clean seeds in the tune split (default true). */
  seeds?: boolean;
}

function truthSentences(text: string, changesInText: readonly Pair[]): TruthSentence[] {
  const spans = sentenceSpans(text);
  const changed = sentencesTouched(spans, changesInText);
  return spans.map((s, i) => ({ start: s.start, end: s.end, changed: changed[i] }));
}

export function buildDetectionSet(pool: readonly CleanDoc[], opts: DetectionOptions, spin: Spinner): BuiltSet<DetectionTruth> {
  const setName = `detect-${opts.setting.name}`;
  const files = new Map<string, string>();
  const documents: DetectionDocTruth[] = [];
  const warnings: string[] = [];
  const add = (doc: CleanDoc, text: string, truth: Omit<DetectionDocTruth, 'file'>): void => {
    const file = fileName(setName, `${opts.seed}/${doc.id}`);
    if (files.has(file)) throw new Error(`file name clash: ${file}`);
    files.set(file, text);
    documents.push({ file, ...truth });
  };
  for (const split of SPLITS) {
    // The same documents in every setting (only the rate differs), so settings compare.
    const rng = Rng.from('detect-pick', opts.seed, split);
    const docs = draw(pool, split, 2 * opts.n, rng);
    const clean = docs.slice(0, opts.n);
    const toSpin = docs.slice(opts.n);
    if (split === 'tune' && opts.seeds !== false) clean.push(...pool.filter((d) => d.source === 'seed'));
    for (const d of clean) {
      add(d, d.text, {
        id: d.id,
        source: d.source,
        split,
        spun: false,
        words: d.words,
        changes: [],
        sentences: truthSentences(d.text, []),
      });
    }
    for (const d of toSpin) {
      const spinSeed = Rng.from('spin', opts.seed, opts.setting.name, d.id).seed();
      const s = spinDoc(spin, d.text, opts.setting.rate, spinSeed);
      if (s.diffFallback) warnings.push(`${d.id}: spinner changes do not reproduce its text; used a diff`);
      if (s.changes.length === 0) warnings.push(`${d.id}: the spinner changed nothing`);
      add(d, s.text, {
        id: d.id,
        source: d.source,
        split,
        // A copy the spinner left untouched is a clean document, whatever was asked.
        spun: s.changes.length > 0,
        words: wordCount(s.text),
        changes: s.changes,
        sentences: truthSentences(
          s.text,
          s.changes.map((c) => ({ a0: c.sStart, a1: c.sEnd, b0: c.start, b1: c.end })),
        ),
        original: d.text,
      });
    }
  }
  documents.sort((a, b) => (a.file < b.file ? -1 : 1));
  return {
    files,
    truth: { kind: 'detection', setting: opts.setting.name, rate: opts.setting.rate, seed: opts.seed, spinner: opts.spinnerName, documents },
    warnings,
  };
}

// ---------------------------------------------------------------- restoration clusters

export interface RestoreSentence extends Span {
  /** Its original wording appears verbatim in a reference article of the cluster. */
  sourced: boolean;
  /** Share of the original span's non-space characters that were copied into a reference. */
  coverage: number;
  /** The spinner changed at least one word of it. */
  changed: boolean;
  /** The corresponding span of the original text D. */
  original: Span;
}

export interface RestoreCluster {
  cluster: string;
  split: Split;
  /** The clean document D that was spun. */
  id: string;
  source: SourceName;
  /** The spun article S. */
  file: string;
  /** Reference articles R (clean). */
  references: string[];
  /** Clean documents whose sentences fill the references. */
  fillers: string[];
  /** D's sentences copied into the references (spans of D). */
  copied: Span[];
  original: string;
  changes: LocatedChange[];
  sentences: RestoreSentence[];
}

export interface RestoreTruth {
  kind: 'restore';
  setting: string;
  rate: number;
  seed: number;
  spinner: string;
  clusters: RestoreCluster[];
  /** Every reference file, with its cluster. */
  references: Array<{ file: string; cluster: string; split: Split }>;
}

export interface RestoreOptions {
  setting: Setting;
  /** Clusters per split. */
  clusters: number;
  seed: number;
  spinnerName: string;
  /** Share of D's sentences copied into the references: uniform in [min, max] (default 0.40–0.50). */
  copyShare?: [number, number];
}

/** Inserts `extra` sentences (in order) at random sentence boundaries of `host`; paragraphs stay lines. */
export function interleave(host: string, extra: readonly string[], rng: Rng): string {
  const flat: Array<{ text: string; para: number }> = [];
  host.split('\n').forEach((p, para) => {
    for (const s of sentenceSpans(p)) flat.push({ text: p.slice(s.start, s.end), para });
  });
  const slots = extra.map(() => rng.int(0, flat.length)).sort((a, b) => a - b);
  const out: Array<{ text: string; para: number }> = [];
  let k = 0;
  for (let i = 0; i <= flat.length; i++) {
    while (k < slots.length && slots[k] === i) {
      const para = i > 0 ? flat[i - 1].para : flat.length > 0 ? flat[0].para : 0;
      out.push({ text: extra[k++], para });
    }
    if (i < flat.length) out.push(flat[i]);
  }
  const paras: string[][] = [];
  let last = -1;
  for (const s of out) {
    if (s.para !== last) {
      paras.push([]);
      last = s.para;
    }
    paras[paras.length - 1].push(s.text);
  }
  return paras.map((p) => p.join(' ')).join('\n');
}

function nonSpaceCoverage(text: string, span: Span, covered: readonly Span[]): number {
  let total = 0;
  let inside = 0;
  for (let i = span.start; i < span.end; i++) {
    if (/\s/.test(text[i])) continue;
    total++;
    if (covered.some((c) => c.start <= i && i < c.end)) inside++;
  }
  return total === 0 ? 0 : inside / total;
}

export function buildRestoreSet(pool: readonly CleanDoc[], opts: RestoreOptions, spin: Spinner): BuiltSet<RestoreTruth> {
  const setName = `restore-${opts.setting.name}`;
  const [minShare, maxShare] = opts.copyShare ?? [0.4, 0.5];
  const files = new Map<string, string>();
  const clusters: RestoreCluster[] = [];
  const references: RestoreTruth['references'] = [];
  const warnings: string[] = [];
  const put = (key: string, text: string): string => {
    const file = fileName(setName, `${opts.seed}/${key}`);
    if (files.has(file)) throw new Error(`file name clash: ${file}`);
    files.set(file, text);
    return file;
  };
  for (const split of SPLITS) {
    // Same stories and references in every setting; only the spin rate differs.
    const rng = Rng.from('restore-pick', opts.seed, split);
    const stories = draw(pool, split, opts.clusters, rng);
    const fillers = draw(pool, split, 2 * opts.clusters, rng, new Set(stories.map((d) => d.id)));
    stories.forEach((d, ci) => {
      const cluster = `${split}-${String(ci).padStart(3, '0')}`;
      const crng = Rng.from('cluster', opts.seed, d.id);
      const s = spinDoc(spin, d.text, opts.setting.rate, Rng.from('spin', opts.seed, opts.setting.name, d.id).seed());
      if (s.diffFallback) warnings.push(`${d.id}: spinner changes do not reproduce its text; used a diff`);

      // Choose the copied sentences of D and spread them over 1–2 references.
      const units = sentenceSpans(d.text);
      const share = minShare + (maxShare - minShare) * crng.next();
      const want = Math.max(1, Math.round(share * units.length));
      const chosen = crng
        .shuffle(units.map((_, i) => i))
        .slice(0, want)
        .sort((a, b) => a - b);
      const nRefs = chosen.length >= 2 && crng.next() < 0.5 ? 2 : 1;
      const perRef: number[][] = Array.from({ length: nRefs }, () => []);
      chosen.forEach((u, i) => perRef[i < nRefs ? i : crng.int(0, nRefs - 1)].push(u));
      const refFiles: string[] = [];
      const fillerIds: string[] = [];
      perRef.forEach((idx, j) => {
        const host = fillers[2 * ci + j];
        idx.sort((a, b) => a - b);
        const text = interleave(
          host.text,
          idx.map((u) => d.text.slice(units[u].start, units[u].end)),
          crng,
        );
        const file = put(`${cluster}/ref${j}`, text);
        refFiles.push(file);
        fillerIds.push(host.id);
        references.push({ file, cluster, split });
      });
      const copied = chosen.map((u) => units[u]);

      const spinPairs = spunToOriginalPairs(s.changes);
      const sentences: RestoreSentence[] = sentenceSpans(s.text).map((sp) => {
        const changed = s.changes.some((c) => touches({ start: c.sStart, end: c.sEnd }, sp));
        // Map to D (grown over straddling changes first, as the metrics do).
        const o = mapSpan(spinPairs, expandSpan(sp, spinPairs.map((p) => ({ start: p.a0, end: p.a1 }))));
        const coverage = nonSpaceCoverage(d.text, o, copied);
        return { start: sp.start, end: sp.end, sourced: coverage >= 0.5, coverage: round3(coverage), changed, original: o };
      });
      const file = put(`${cluster}/spun`, s.text);
      clusters.push({
        cluster,
        split,
        id: d.id,
        source: d.source,
        file,
        references: refFiles,
        fillers: fillerIds,
        copied,
        original: d.text,
        changes: s.changes,
        sentences,
      });
    });
  }
  return {
    files,
    truth: {
      kind: 'restore',
      setting: opts.setting.name,
      rate: opts.setting.rate,
      seed: opts.seed,
      spinner: opts.spinnerName,
      clusters,
      references,
    },
    warnings,
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
