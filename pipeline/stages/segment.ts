/**
 * Paragraphs, sentences and words with offsets, from Node's own Intl.Segmenter,
 * so later stages address spans of the document without a tokenizer dependency.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  paragraph: number;
}

export interface Word extends Span {
  text: string;
  sentence: number;
}

export interface Segmentation {
  paragraphs: Span[];
  sentences: Sentence[];
  words: Word[];
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Paragraphs are non-blank lines (the corpus format: one paragraph a line). */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end + 1;
  }
  return out;
}

/**
 * Longest text handed to the sentence segmenter at once. Iterating V8's
 * Intl.Segmenter costs time in proportion to the whole string at every step, so one
 * long paragraph (a document without line breaks) took quadratic time: 0.58 s for
 * 320 KB, minutes for 5 MB. Longer spans are segmented window by window.
 */
export const SEGMENT_WINDOW = 16_384;

/** Sentences within one span, trimmed of surrounding white space. */
export function sentencesIn(text: string, span: Span, window = SEGMENT_WINDOW): Span[] {
  const out: Span[] = [];
  let from = span.start;
  while (from < span.end) {
    const to = Math.min(span.end, from + window);
    const slice = text.slice(from, to);
    // Breaks are decided by the text just around them. In a window that stops short of
    // the span's end, the last sentence may be cut, and a break near the end may lack its
    // look-ahead ("approx. 5 apples": no break before a lower-case word): only breaks
    // at least `margin` before the window's end are kept, and the next window starts at
    // the last of them.
    const breaks: number[] = [];
    for (const seg of sentenceSegmenter.segment(slice)) breaks.push(seg.index);
    breaks.push(slice.length);
    let keep = breaks.length - 1;
    if (to < span.end) {
      const margin = Math.min(1024, window >> 2);
      keep = 0;
      for (let k = 1; k < breaks.length - 1 && breaks[k] <= slice.length - margin; k++) keep = k;
      if (keep === 0) {
        // No trustworthy break in a whole window: a "sentence" this long is cut at its
        // last white space, or else at the window's end (never inside a surrogate pair).
        keep = 1;
        breaks.length = 2;
        breaks[1] = lastSpaceEnd(slice) || (isHighSurrogate(slice.charCodeAt(slice.length - 1)) ? slice.length - 1 : slice.length);
      }
    }
    for (let k = 0; k < keep; k++) {
      let s = breaks[k];
      let e = breaks[k + 1];
      while (s < e && /\s/.test(slice[s])) s++;
      while (e > s && /\s/.test(slice[e - 1])) e--;
      if (e > s) out.push({ start: from + s, end: from + e });
    }
    from += breaks[keep];
  }
  return mergeAbbreviationBreaks(text, out);
}

/** Offset just after the last white-space character of `s` (0 when there is none). */
function lastSpaceEnd(s: string): number {
  for (let i = s.length - 1; i > 0; i--) if (/\s/.test(s[i])) return i + 1;
  return 0;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Abbreviations after which ICU wrongly ends a sentence (titles, months, initials). */
const ABBREVIATION_END =
  /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z](?:\.[A-Z])*)\.$/;

/**
 * ICU breaks after abbreviations such as "Jan." or "Mr." when a capital or digit
 * follows; such a break is undone, and so is one followed by a lower-case word.
 */
function mergeAbbreviationBreaks(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const tail = prev ? text.slice(Math.max(prev.start, prev.end - 8), prev.end) : '';
    const next = text[s.start];
    if (prev && (ABBREVIATION_END.test(tail) || /[a-z]/.test(next))) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/**
 * Word-like tokens: letters, digits and combining marks, joined across an apostrophe or
 * a dot ("Rubio’s", "U.S") and across a comma between digits ("2,000"), split at
 * hyphens — the same words as Intl.Segmenter's word granularity gives for English news
 * text, at many times its speed (the segmenter allocates an object per segment).
 * Scanned by character code, with the same result as the regular expression it
 * replaces (a run of \p{L}\p{N}\p{M}, then runs joined by ' ’ . or by a comma with a
 * digit on both sides): a match array per word was the largest garbage of detection.
 * Sentences still come from Intl.Segmenter, whose rules a scanner would not match.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const NUMBER_CHAR = /\p{N}/u;
/** Class bits of a code point. */
const WORD = 1;
const NUMBER = 2;
/** Classes of the BMP characters beyond ASCII met so far, plus KNOWN (0: not yet classified). */
const KNOWN = 4;
const bmpClass = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 48 && cp <= 57) return WORD | NUMBER;
    return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ? WORD : 0;
  }
  if (cp < 0x10000 && bmpClass[cp] !== 0) return bmpClass[cp] & ~KNOWN;
  const ch = String.fromCodePoint(cp);
  const c = (WORD_CHAR.test(ch) ? WORD : 0) | (NUMBER_CHAR.test(ch) ? NUMBER : 0);
  if (cp < 0x10000) bmpClass[cp] = c | KNOWN;
  return c;
}

/** The code point ending just before i (a surrogate pair read whole). */
function codePointBefore(text: string, i: number): number {
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

const cpLength = (cp: number) => (cp > 0xffff ? 2 : 1);

/** End of the run of word chars from i (i itself if none). */
function runEnd(text: string, i: number): number {
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!(classOf(cp) & WORD)) break;
    i += cpLength(cp);
  }
  return i;
}

/**
 * The next word at or after `from`: [start, end), or undefined. `from` must not fall
 * inside a surrogate pair (segment() only starts at sentence starts and word ends).
 */
function nextWord(text: string, from: number): [number, number] | undefined {
  let i = from;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (classOf(cp) & WORD) break;
    i += cpLength(cp);
  }
  if (i >= text.length) return undefined;
  let end = runEnd(text, i);
  for (;;) {
    if (end + 1 >= text.length) break;
    const sep = text.charCodeAt(end);
    const after = text.codePointAt(end + 1)!;
    const afterClass = classOf(after);
    if (!(afterClass & WORD)) break;
    const joins =
      sep === 39 /* ' */ || sep === 0x2019 /* ’ */ || sep === 46 /* . */ ||
      (sep === 44 /* , */ && (afterClass & NUMBER) !== 0 && (classOf(codePointBefore(text, end)) & NUMBER) !== 0);
    if (!joins) break;
    end = runEnd(text, end + 1);
  }
  return [i, end];
}

/** Sentences only (no word pass), for callers that tokenize their own way. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  paragraphs(text).forEach((p, pi) => {
    for (const s of sentencesIn(text, p)) out.push({ ...s, paragraph: pi });
  });
  return out;
}

export function segment(text: string): Segmentation {
  const paras = paragraphs(text);
  const sentences: Sentence[] = [];
  const words: Word[] = [];
  for (let pi = 0; pi < paras.length; pi++) {
    for (const s of sentencesIn(text, paras[pi])) {
      const si = sentences.push({ start: s.start, end: s.end, paragraph: pi }) - 1;
      // One object per word, built once: this loop is the detector's hot path.
      for (let w = nextWord(text, s.start); w && w[0] < s.end; w = nextWord(text, w[1])) {
        const end = Math.min(s.end, w[1]);
        words.push({ start: w[0], end, text: text.slice(w[0], end), sentence: si });
      }
    }
  }
  return { paragraphs: paras, sentences, words };
}
