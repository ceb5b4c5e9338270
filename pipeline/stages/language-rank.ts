/**
 * A faster, exact re-implementation of franc's `francAll(value, { only, minLength: 1 })`
 * (franc 6.2, trigram-utils 2), computed from franc's own script expressions and trigram models.
 *
 * Why: on the 20 MB bench corpus (3,787 documents, one ~2,000-character sample each) a
 * `francAll` call took ~1.5 ms and was ~95% of the language stage (3.4 MB/s). Its time goes to
 * running ~30 script regexes over the whole sample (~0.1 ms), building the trigram dictionary
 * as a plain object of fresh 3-character strings and sorting it (~0.5 ms), and one object
 * lookup per distinct trigram (~880) for each of the 33 allowed Latin-script languages, after
 * re-filtering the language table on every call (~0.9 ms). Here:
 *
 * - script counts: ASCII characters are counted with a table, the regexes run only over the
 *   non-ASCII characters (usually a few curly quotes);
 * - trigrams: the text is cleaned and lower-cased in one pass into a buffer of code units, and
 *   each trigram is counted in an integer-keyed open-addressing hash table (no strings);
 * - distances: a table built once per script maps each model trigram to the (language, rank)
 *   pairs that have it (2.7 on average), so a distinct trigram costs one lookup and a few
 *   additions instead of 33 lookups.
 *
 * Measured on the bench samples (2 shared, busy cores): 60-100 µs per call instead of ~1,500 µs,
 * and an identical result for all 3,787.
 *
 * Exactness: the result is the array franc returns — the same languages in the same order
 * (the allowed languages of the top script in franc's data order, stably sorted by distance)
 * with the same scores (integer distances, summed in another order, which cannot change an
 * integer sum; franc's normalisation expression as is). Characters whose lower case is not one
 * code unit or depends on context (İ, Σ, surrogate pairs) make the cleaning fall back to
 * trigram-utils' own string operations. tests/language.test.ts compares the two on the seeds,
 * the fixtures and mixed-script text, so a franc upgrade that changes the algorithm fails there.
 */

import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** franc's maximum sample length, and the distance of a trigram missing from a model. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** A language and its normalised score (1 for the best), as franc returns them. */
export type Ranked = [string, number];

const SCRIPTS = Object.keys(expressions);
/** For each ASCII code unit, the indices (in `SCRIPTS`) of the scripts whose expression matches it. */
const ASCII_SCRIPTS: number[][] = Array.from({ length: 128 }, (_, c) =>
  SCRIPTS.flatMap((s, i) => (new RegExp(expressions[s].source).test(String.fromCharCode(c)) ? [i] : [])));
const SPACE_SCRIPTS = ASCII_SCRIPTS[32];

/**
 * Open-addressing hash tables from a trigram to a number, in one `Int32Array` of slot pairs:
 * `[k1, k2]` with `k1 = c0 << 16 | c1` and `k2 = (value + 1) << 16 | c2` (c0-c2: the three
 * code units; `k2 = 0`: empty slot), at most half full. Integer keys in one typed array
 * because slicing and hashing a fresh 3-character string per position (a `Map<string,
 * number>`) cost 0.3 ms per sample, and with the keys and values in three separate arrays the
 * cache misses still took half the time.
 */
const newTable = (entries: number): Int32Array => {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return new Int32Array(size * 2);
};

/** Index (even) of the slot pair holding the trigram `k1`, `c2`, or of the empty pair where it would go. */
function slot(table: Int32Array, k1: number, c2: number): number {
  const mask = table.length - 2;
  let i = ((Math.imul(k1, 0x9e3779b1) ^ Math.imul(c2, 0x85ebca77)) >>> 7) & mask;
  for (;;) {
    const k2 = table[i + 1];
    if (k2 === 0 || (table[i] === k1 && (k2 & 0xffff) === c2)) return i;
    i = (i + 2) & mask;
  }
}

/** Most values a table can hold (`value + 1` has 15 bits). */
const MAX_VALUE = 0x7ffe;

interface ScriptModel {
  /** The allowed languages of the script, in franc's data order. */
  languages: string[];
  /** Every trigram of their models → a row `r`. */
  table: Int32Array;
  /** Entries `first[r]` to `first[r + 1]` (exclusive) of `language` and `rank` are row `r`'s: the languages whose model has the trigram (indices into `languages`) and its rank there (0 = most frequent). */
  first: Int32Array;
  language: Uint8Array;
  rank: Int16Array;
}

function buildModel(script: string, allowed: ReadonlySet<string>): ScriptModel {
  const languages = Object.keys(data[script]).filter((l) => allowed.size === 0 || allowed.has(l));
  if (languages.length > 255) throw new Error('language-rank: more than 255 languages in one script');
  const lists = languages.map((l) => data[script][l].split('|'));
  const rowOf = new Map<string, number>();
  const rows: Array<Map<number, number>> = [];
  lists.forEach((trigrams, li) => {
    // franc keeps the lowest index of a repeated trigram (it assigns from the end).
    for (let w = trigrams.length - 1; w >= 0; w--) {
      const t = trigrams[w];
      if (t.length !== 3) continue; // cannot equal a trigram of the text
      let r = rowOf.get(t);
      if (r === undefined) {
        rowOf.set(t, (r = rows.length));
        rows.push(new Map());
      }
      rows[r].set(li, w);
    }
  });
  if (rows.length > MAX_VALUE) throw new Error('language-rank: too many trigrams in one script');
  const table = newTable(rows.length);
  for (const [t, r] of rowOf) {
    const k1 = (t.charCodeAt(0) << 16) | t.charCodeAt(1);
    const c2 = t.charCodeAt(2);
    const i = slot(table, k1, c2);
    table[i] = k1;
    table[i + 1] = ((r + 1) << 16) | c2;
  }
  const first = new Int32Array(rows.length + 1);
  const total = rows.reduce((n, e) => n + e.size, 0);
  const language = new Uint8Array(total);
  const rank = new Int16Array(total);
  let k = 0;
  rows.forEach((e, r) => {
    first[r] = k;
    for (const [li, w] of e) {
      language[k] = li;
      rank[k++] = w;
    }
  });
  first[rows.length] = k;
  return { languages, table, first, language, rank };
}

/** Returns a function that returns what `francAll(value, { only, minLength: 1 })` returns. */
export function languageRanker(only: readonly string[]): (value: string) => Ranked[] {
  const allowed: ReadonlySet<string> = new Set(only);
  const models = new Map<string, ScriptModel>();
  // Per call, reused: the text's distinct trigrams (→ index), their counts and model rows.
  const seen = newTable(MAX_LENGTH + 2);
  const count = new Int32Array(MAX_LENGTH + 2);
  const modelRow = new Int32Array(MAX_LENGTH + 2);
  const slots: number[] = [];

  return (input: string): Ranked[] => {
    if (!input) return [['und', 1]];
    const value = input.slice(0, MAX_LENGTH);
    const [script, ratio] = topScript(value);
    if (!(script in data)) {
      if (ratio === 0 || (allowed.size > 0 && !allowed.has(script))) return [['und', 1]];
      return [[script, 1]];
    }
    let model = models.get(script);
    if (!model) models.set(script, (model = buildModel(script, allowed)));
    const { languages, table, first, language, rank } = model;
    if (languages.length === 0) return [['und', 1]];

    const [buf, n] = cleaned(value);
    for (const i of slots) seen[i + 1] = 0;
    slots.length = 0;
    for (let p = 0; p + 3 <= n; p++) {
      const k1 = (buf[p] << 16) | buf[p + 1];
      const c2 = buf[p + 2];
      const i = slot(seen, k1, c2);
      if (seen[i + 1] === 0) {
        const d = slots.length;
        seen[i] = k1;
        seen[i + 1] = ((d + 1) << 16) | c2;
        slots.push(i);
        count[d] = 1;
        const j = slot(table, k1, c2);
        modelRow[d] = (table[j + 1] >>> 16) - 1; // -1: in no model
      } else count[(seen[i + 1] >>> 16) - 1]++;
    }

    // franc's `getDistance`, for every language at once: each distinct trigram adds
    // MAX_DIFFERENCE for a language whose model lacks it, |count - rank - 1| otherwise.
    const distinct = slots.length;
    const distance = new Float64Array(languages.length).fill(distinct * MAX_DIFFERENCE);
    for (let d = 0; d < distinct; d++) {
      const r = modelRow[d];
      if (r < 0) continue;
      const c = count[d];
      const end = first[r + 1];
      for (let k = first[r]; k < end; k++) {
        const x = c - rank[k] - 1;
        distance[language[k]] += (x < 0 ? -x : x) - MAX_DIFFERENCE;
      }
    }
    const ranked: Ranked[] = languages.map((l, i) => [l, distance[i]]);
    ranked.sort((x, y) => x[1] - y[1]);
    // franc's `normalize`, expression for expression.
    const min = ranked[0][1];
    const max = value.length * MAX_DIFFERENCE - min;
    for (const r of ranked) r[1] = 1 - (r[1] - min) / max || 0;
    return ranked;
  };
}

/** franc's `getTopScript`: the script whose expression matches most characters, and its ratio. */
function topScript(value: string): [string, number] {
  const ascii = new Int32Array(128);
  let nonAscii = '';
  let gaps = 0;
  let run = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) {
      ascii[c]++;
      if (run >= 0) {
        nonAscii += `${value.slice(run, i)} `;
        gaps++;
        run = -1;
      }
    } else if (run < 0) run = i;
  }
  if (run >= 0) nonAscii += value.slice(run);
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  for (let c = 0; c < 128; c++) if (ascii[c] > 0) for (const s of ASCII_SCRIPTS[c]) counts[s] += ascii[c];
  if (nonAscii !== '') {
    // The runs of non-ASCII characters, with a space after each run that ASCII followed, so
    // that no match spans characters that were apart; the spaces are taken back out below.
    for (let s = 0; s < SCRIPTS.length; s++) counts[s] += nonAscii.match(expressions[SCRIPTS[s]])?.length ?? 0;
    for (const s of SPACE_SCRIPTS) counts[s] -= gaps;
  }
  let top = -1;
  let script = SCRIPTS[0];
  for (let s = 0; s < SCRIPTS.length; s++) {
    const ratio = counts[s] / value.length || 0; // franc compares these ratios, ties to the first
    if (ratio > top) {
      top = ratio;
      script = SCRIPTS[s];
    }
  }
  return [script, top];
}

/** Per code unit: 0 not classified yet, SEPARATOR, FALLBACK, or 1 + its lower case. */
const CHAR_CLASS = new Int32Array(0x10000);
const SEPARATOR = -1;
const FALLBACK = -2;

function charClass(c: number): number {
  let k = CHAR_CLASS[c];
  if (k !== 0) return k;
  const ch = String.fromCharCode(c);
  if ((c >= 0x21 && c <= 0x40) || /\s/.test(ch)) k = SEPARATOR;
  else if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) k = FALLBACK; // pairs; Σ → σ or final ς
  else {
    const lower = ch.toLowerCase();
    k = lower.length === 1 ? lower.charCodeAt(0) + 1 : FALLBACK;
  }
  CHAR_CLASS[c] = k;
  return k;
}

let cleanBuf = new Uint16Array(MAX_LENGTH + 2);

/**
 * trigram-utils' `' ' + clean(value) + ' '` as code units (the buffer and its length): runs of
 * U+0021-U+0040 and of white space become one space, trimmed, lower-cased, padded with spaces.
 */
function cleaned(value: string): [Uint16Array, number] {
  const buf = cleanBuf;
  let n = 0;
  buf[n++] = 32;
  let gap = false;
  for (let i = 0; i < value.length; i++) {
    const k = charClass(value.charCodeAt(i));
    if (k === SEPARATOR) {
      gap = n > 1;
    } else if (k === FALLBACK) {
      return cleanedSlowly(value);
    } else {
      if (gap) buf[n++] = 32;
      gap = false;
      buf[n++] = k - 1;
    }
  }
  buf[n++] = 32;
  return [buf, n];
}

/** trigram-utils' own string operations, for text with a character `cleaned` cannot map alone. */
function cleanedSlowly(value: string): [Uint16Array, number] {
  const s = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  if (s.length > cleanBuf.length) cleanBuf = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) cleanBuf[i] = s.charCodeAt(i);
  return [cleanBuf, s.length];
}
