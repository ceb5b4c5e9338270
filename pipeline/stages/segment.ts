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
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

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

/** Sentences within one span, trimmed of surrounding white space. */
export function sentencesIn(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  for (const seg of sentenceSegmenter.segment(slice)) {
    let s = seg.index;
    let e = seg.index + seg.segment.length;
    while (s < e && /\s/.test(slice[s])) s++;
    while (e > s && /\s/.test(slice[e - 1])) e--;
    if (e > s) out.push({ start: span.start + s, end: span.start + e });
  }
  return mergeAbbreviationBreaks(text, out);
}

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

/** Word-like tokens (letters or digits) within one span. */
export function wordsIn(text: string, span: Span): Span[] {
  const out: Span[] = [];
  for (const seg of wordSegmenter.segment(text.slice(span.start, span.end))) {
    if (seg.isWordLike) out.push({ start: span.start + seg.index, end: span.start + seg.index + seg.segment.length });
  }
  return out;
}

export function segment(text: string): Segmentation {
  const paras = paragraphs(text);
  const sentences: Sentence[] = [];
  const words: Word[] = [];
  paras.forEach((p, pi) => {
    for (const s of sentencesIn(text, p)) {
      const si = sentences.push({ ...s, paragraph: pi }) - 1;
      for (const w of wordsIn(text, s)) words.push({ ...w, text: text.slice(w.start, w.end), sentence: si });
    }
  });
  return { paragraphs: paras, sentences, words };
}
