import { readFileSync } from 'node:fs';
import { morph } from '../../pipeline/lexicon/index.js';
import { freqTables } from '../../pipeline/stages/detect/freq.js';
import { isFunctionWord } from '../../pipeline/lexicon/index.js';
const dir = process.argv[2];
const T = Number(process.argv[3] ?? 20);
const truth = JSON.parse(readFileSync(`${dir}/truth.json`, 'utf8'));
const count = freqTables().count;
const stats: Record<string, { n: number; words: number; hits: number; docsWith: number[] }> = {};
const examples: Record<string, Map<string, number>> = { clean: new Map(), spun: new Map() };
for (const d of truth.documents) {
  const text = readFileSync(`${dir}/docs/${d.file}`, 'utf8');
  const key = d.spun ? 'spun' : 'clean';
  const s = (stats[key] ??= { n: 0, words: 0, hits: 0, docsWith: [] });
  s.n++;
  let hits = 0;
  for (const m of text.matchAll(/[a-z][a-z'-]*/g)) {
    const w = m[0];
    if (m.index! > 0 && /[A-Za-z]/.test(text[m.index! - 1])) continue;
    s.words++;
    if (w.length < 4 || isFunctionWord(w) || (count.get(w) ?? 0) > 0) continue;
    const as = morph(w);
    if (as.length === 0) continue;
    let best = 0;
    for (const a of as) if (a.form !== 'base' && !a.lemma.includes(' ')) best = Math.max(best, count.get(a.lemma) ?? 0);
    if (as.some((a) => a.form === 'base')) continue;
    if (best >= T) { hits++; examples[key].set(w, (examples[key].get(w) ?? 0) + 1); }
  }
  s.hits += hits;
  s.docsWith.push(hits);
}
for (const [k, s] of Object.entries(stats)) {
  const hist = [0, 0, 0, 0];
  for (const h of s.docsWith) hist[Math.min(3, h)]++;
  console.log(k, 'docs', s.n, 'words', s.words, 'hits', s.hits, 'per1k', ((1000 * s.hits) / s.words).toFixed(2), 'docs with 0/1/2/3+', hist.join('/'));
  console.log('  ', [...examples[k]].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([w, c]) => `${w}${c > 1 ? '×' + c : ''}`).join(' '));
}
