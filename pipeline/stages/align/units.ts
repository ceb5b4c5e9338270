import { sentences as sentenceSpans, type Span } from '../segment.js';
import { firstWhere } from '../../bisect.js';
import { tokenize, type Token } from './tokens.js';

/** A stretch of a document that alignment works on: a sentence or a quotation. */
export interface Unit {
  start: number;
  end: number;
  kind: 'sentence' | 'quote';
  tokens: Token[];
}

/** Quotations: text between curly quotes, or straight double quotes paired within a line. */
export function quoteSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/“([^“”\n]{8,})”|"([^"\n]{8,})"/g)) {
    out.push({ start: m.index! + 1, end: m.index! + m[0].length - 1 });
  }
  return out;
}

/**
 * Sentences and quotations of a document, each with its tokens. `sentences`: the
 * document's sentence spans (segment.ts) when the caller has them already.
 */
export function units(text: string, sentences: readonly Span[] = sentenceSpans(text)): Unit[] {
  const out: Unit[] = [];
  for (const s of sentences) out.push({ start: s.start, end: s.end, kind: 'sentence', tokens: tokenize(text, s.start, s.end) });
  for (const q of quoteSpans(text)) {
    out.push({ ...q, kind: 'quote', tokens: tokenize(text, q.start, q.end) });
    // A quotation spanning sentences also yields its part in each sentence, so that
    // it aligns with a source that quotes only one of them.
    const parts: Span[] = [];
    for (let k = firstWhere(sentences, (s) => s.end > q.start); k < sentences.length && sentences[k].start < q.end; k++) parts.push(sentences[k]);
    if (parts.length < 2) continue;
    for (const s of parts) {
      const start = Math.max(s.start, q.start);
      const end = Math.min(s.end, q.end);
      out.push({ start, end, kind: 'quote', tokens: tokenize(text, start, end) });
    }
  }
  return out;
}
