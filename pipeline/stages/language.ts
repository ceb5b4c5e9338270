/**
 * Language stage: is this document (and is each long paragraph) English?
 *
 * Uses franc's trigram model, with three guards measured on the seeds and on the Spanish,
 * French, German, Portuguese and Italian fixtures (windows of N letters, 100-250 windows
 * per language; see tests/language.test.ts):
 *
 * - **Enough text.** Below ~100 letters franc is often wrong: with all 187 languages, 22%
 *   of 50-letter English windows came back as Scots (`sco`), Spanish, Tagalog…; even at
 *   150-300 letters 1-2% of English windows were `sco`. We only judge text with at least
 *   `MIN_LETTERS` = 200 letters (about two sentences), twice the length where the restricted
 *   model below stopped making mistakes, and return `{ code: 'und', reliable: false,
 *   english: true }` — not judged, treated as processable — for anything shorter.
 * - **A restricted language set** (`LANGUAGES`, franc's `only` option): 49 widely written
 *   languages, leaving out small close relatives (Scots, Galician, Nynorsk, Asturian…) that
 *   the full model confuses with English, Portuguese, Norwegian. Measured: at 100 letters
 *   English windows went from 184/200 correct (all languages) to 200/200, Portuguese from
 *   20/23 (Galician) to 23/23; it is also ~2.5x faster (2.1 ms vs 5.4 ms per 2,000-char
 *   sample).
 * - **A margin.** franc's scores are normalised (top = 1) and the gap `1 - second` shrinks
 *   roughly as 1/length (0.2 at 200 characters, 0.025 at 2,000 on the seeds), so the margin
 *   is scaled by the sample length: `margin = (1 - second) × characters / 100`. A judgment
 *   with a margin below `MIN_MARGIN` = 0.1 is `reliable: false`, and is then only called
 *   non-English when English is not the runner-up. Measured on the windows above: correct
 *   judgments at ≥ 200 letters had margins ≥ 0.127 (median 0.37-0.48); the wrong judgments
 *   (all at 50 letters) had margins ≤ 0.061.
 *
 * Cost: franc itself only reads the first 2,048 characters; we judge a bounded sample of at
 * most `SAMPLE_CHARS` = 2,000 characters per call — for a longer document, three windows
 * (start, middle, end) so that one foreign opening paragraph does not decide the document,
 * and a document with an English head and a foreign body (or the reverse) is judged by what
 * most of its sample is written in. Why 2,000: it is about franc's own limit, and it is the
 * length the margins above were measured at. A smaller sample would only save time in
 * proportion (1,000 characters: ~1.8x less scoring) and the bench corpus is all English, so
 * it cannot show what that would do to foreign or mixed documents near `MIN_MARGIN`; we kept
 * the sample and made the scoring itself fast instead. The sample is scored by
 * `languageRanker` (language-rank.ts), an exact re-implementation of `francAll` with the same
 * options on franc's own models: same ranking, same scores, so the same verdicts. Measured on
 * the 20 MB bench corpus (3,787 documents, in-process `detectLanguage`, 2 shared busy cores):
 * 2.1-3.4 MB/s (~1.6 ms per document, ~95% in `francAll`) before, 43-63 MB/s (~0.1 ms)
 * after, no verdict changed. `letterCount` (~7x) and `sample` (~4x) were made faster too (same
 * results), as they had become a third of the remaining time. `paragraphLanguages` judges
 * every long paragraph on its own (each capped the same way), so its cost is linear in the
 * number of long paragraphs.
 */

import { languageRanker } from './language-rank.js';

/** Fewest letters (`\p{L}`) a text needs before it is judged. */
export const MIN_LETTERS = 200;
/** Most characters judged per call (franc reads at most 2,048). */
export const SAMPLE_CHARS = 2000;
/** Below this length-scaled margin between the top two languages a judgment is not reliable. */
export const MIN_MARGIN = 0.1;

/**
 * ISO 639-3 codes (franc's) of the languages considered: major written languages of the
 * Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Bengali, Thai and CJK scripts.
 */
export const LANGUAGES: readonly string[] = [
  'eng', 'spa', 'por', 'fra', 'deu', 'ita', 'nld', 'afr', 'swe', 'dan', 'nob', 'fin', 'ekk', 'lvs', 'lit',
  'pol', 'ces', 'slk', 'slv', 'hrv', 'srp', 'bos', 'hun', 'ron', 'cat', 'tur', 'azj', 'ind', 'zlm', 'vie',
  'tgl', 'swh', 'rus', 'ukr', 'bel', 'bul', 'mkd', 'ell', 'arb', 'pes', 'urd', 'heb', 'hin', 'mar', 'ben',
  'tha', 'cmn', 'jpn', 'kor',
];

export interface LanguageVerdict {
  /** franc's ISO 639-3 code, or `und` when the text was not judged. */
  code: string;
  /** Judged on enough text, with a clear margin over the runner-up. */
  reliable: boolean;
  /** Whether to process the text as English: true when judged English, or not judged, or too close to call with English as the runner-up. */
  english: boolean;
}

export interface ParagraphLanguage {
  /** Offsets of the paragraph in the text (end exclusive, line break not included). */
  start: number;
  end: number;
  code: string;
}

const NOT_JUDGED: LanguageVerdict = { code: 'und', reliable: false, english: true };

const LETTER = /^\p{L}$/u;

/** Number of letters (`\p{L}`) in `s`, counting at most `cap` (so long texts stop early). */
export function letterCount(s: string, cap = Infinity): number {
  // Same count as matching /\p{L}/gu, with ASCII classified by hand (~7x faster on English).
  let n = 0;
  for (let i = 0; i < s.length && n < cap; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) n++;
    } else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (LETTER.test(String.fromCodePoint(cp))) n++;
    }
  }
  return n;
}

/** Judges the language of `text` (see the module comment for the guards). */
export function detectLanguage(text: string): LanguageVerdict {
  if (letterCount(text, MIN_LETTERS) < MIN_LETTERS) return shortText(text);
  return judge(sample(text));
}

/** Letters a short text needs before its script alone may say it is not English. */
export const MIN_SCRIPT_LETTERS = 20;

/**
 * A text too short for franc is still not English when most of its letters are not
 * Latin script ("Доброе утро…", "早上好…"): no English text is written that way, and
 * spin detection would judge it as English words.
 */
function shortText(text: string): LanguageVerdict {
  let letters = 0;
  let latin = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
  }
  if (letters >= MIN_SCRIPT_LETTERS && latin * 2 < letters) return { code: 'und', reliable: false, english: false };
  return { ...NOT_JUDGED };
}

const LATIN = /\p{Script=Latin}/u;

/**
 * The paragraphs long enough to judge (≥ `MIN_LETTERS` letters) that are reliably not
 * English, so that a mostly-English document with a foreign paragraph can be reported.
 */
export function paragraphLanguages(text: string): ParagraphLanguage[] {
  const out: ParagraphLanguage[] = [];
  for (const p of paragraphs(text)) {
    const body = text.slice(p.start, p.end);
    if (letterCount(body, MIN_LETTERS) < MIN_LETTERS) continue;
    const v = judge(sample(body));
    if (v.reliable && !v.english) out.push({ start: p.start, end: p.end, code: v.code });
  }
  return out;
}

/** `francAll(s, { only: LANGUAGES, minLength: 1 })`, computed faster (see language-rank.ts). */
const rank = languageRanker(LANGUAGES);

function judge(s: string): LanguageVerdict {
  const ranked = rank(s);
  const [top, second] = ranked;
  if (!top || top[0] === 'und') return { ...NOT_JUDGED };
  const margin = second ? ((1 - second[1]) * s.length) / 100 : Infinity;
  const reliable = margin >= MIN_MARGIN;
  const english = top[0] === 'eng' || (!reliable && second?.[0] === 'eng');
  return { code: top[0], reliable, english };
}

const SPACE = /\s/;

/**
 * At most `SAMPLE_CHARS` characters of `text`: all of it when short enough, otherwise three
 * windows (start, middle, end), each cut at word boundaries.
 */
export function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return squash(text);
  const w = Math.floor((SAMPLE_CHARS - 2) / 3);
  const windows = [0, Math.floor((text.length - w) / 2), text.length - w].map((at) => {
    let a = at;
    let b = at + w;
    if (a > 0) {
      const sp = text.slice(a, b).search(/\s/);
      if (sp >= 0) a += sp + 1;
    }
    if (b < text.length) {
      // The last white space of the window (what /\s\S*$/ finds), scanning from the end.
      let ws = b - 1;
      while (ws >= a && !SPACE.test(text[ws])) ws--;
      if (ws > a) b = ws;
    }
    return squash(text.slice(a, b));
  });
  return windows.join(' ');
}

/**
 * Runs of white space → one space, trimmed. Only the runs that are not already a single
 * space are replaced (same result as `/\s+/g`, ~3x faster on prose, where most are).
 */
function squash(t: string): string {
  return t.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * Paragraphs of `text`: blocks separated by blank lines. Inside a block, when most lines
 * end like sentences (one paragraph per line, as in the corpus), each line is a paragraph;
 * otherwise the block is hard-wrapped prose and is one paragraph.
 */
export function paragraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const ls: Array<{ start: number; end: number; blank: boolean; ends: boolean }> = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    let end = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length : nl + 1;
    if (end > at && text[end - 1] === '\r') end--;
    const line = text.slice(at, end).trim();
    ls.push({ start: at, end, blank: line === '', ends: /[.!?…:]["'”’»)\]]*$/u.test(line) });
    at = next;
  }
  let i = 0;
  while (i < ls.length) {
    if (ls[i].blank) {
      i++;
      continue;
    }
    let j = i;
    while (j < ls.length && !ls[j].blank) j++;
    const block = ls.slice(i, j);
    const ending = block.filter((l) => l.ends).length;
    if (block.length > 1 && ending * 2 >= block.length) {
      for (const l of block) out.push({ start: l.start, end: l.end });
    } else {
      out.push({ start: block[0].start, end: block[block.length - 1].end });
    }
    i = j;
  }
  return out;
}
