/**
 * Tokenizer for the spinner: Intl.Segmenter word segments, with abbreviations
 * ("U.S.") and hyphenated compounds ("Claver-Carone") merged into one token.
 */
import { ABBREVIATIONS } from './tables.js';

export interface Token {
  text: string;
  /** Offsets into the original text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** Word-like (letters/digits); other tokens are spaces and punctuation. */
  word: boolean;
  /** Hyphenated compound (merged from several segments). */
  compound?: boolean;
  /** Starts a sentence (or a line, or follows an opening quote at a sentence start). */
  sentenceStart?: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Longest chunk handed to the segmenter at once. */
const CHUNK = 256;

interface Seg {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/**
 * Word segments of `text`. Node 20's Intl.Segmenter gets slow (quadratic) on long
 * inputs, so the text is segmented in chunks cut at whitespace, where a word boundary
 * always falls; offsets are shifted back to the whole text.
 */
export function segments(text: string): Seg[] {
  const out: Seg[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + CHUNK);
    if (end < text.length) {
      let cut = end;
      while (cut > at && !/\s/.test(text[cut])) cut--;
      if (cut === at) {
        cut = end;
        while (cut < text.length && !/\s/.test(text[cut])) cut++;
      }
      end = cut;
    }
    for (const s of segmenter.segment(text.slice(at, end))) {
      out.push({ segment: s.segment, index: s.index + at, isWordLike: !!s.isWordLike });
    }
    at = end;
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const segs = segments(text);
  const out: Token[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    let tok: Token = { text: s.segment, start: s.index, end: s.index + s.segment.length, word: !!s.isWordLike };
    if (tok.word) {
      // abbreviation: "U.S" + "." or "Sen" + "."
      const dot = segs[i + 1];
      if (dot && dot.segment === '.' && (tok.text.includes('.') || ABBREVIATIONS[`${tok.text}.`] !== undefined)) {
        tok = { ...tok, text: tok.text + '.', end: tok.end + 1 };
        i++;
      }
      // hyphenated compound: word - word (- word …), no spaces
      while (segs[i + 1]?.segment === '-' && segs[i + 2]?.isWordLike) {
        const w = segs[i + 2];
        tok = { ...tok, text: text.slice(tok.start, w.index + w.segment.length), end: w.index + w.segment.length, compound: true };
        i += 2;
      }
    }
    out.push(tok);
  }
  // sentence starts
  let atStart = true;
  for (const t of out) {
    if (t.word) {
      t.sentenceStart = atStart;
      atStart = false;
    } else if (/[.!?\n]/.test(t.text)) {
      atStart = true;
    }
  }
  return out;
}

/** Index of the next word token after `i` if only spaces lie between (else -1). */
export function nextWord(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && !tokens[j].word && /^[ \t]+$/.test(tokens[j].text)) j++;
  return j < tokens.length && tokens[j].word ? j : -1;
}

/** Index of the previous word token before `i` if only spaces lie between (else -1). */
export function prevWord(tokens: readonly Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && !tokens[j].word && /^[ \t]+$/.test(tokens[j].text)) j--;
  return j >= 0 && tokens[j].word ? j : -1;
}

/** The text between two tokens (exclusive). */
export function gap(text: string, tokens: readonly Token[], a: number, b: number): string {
  return text.slice(tokens[a].end, tokens[b].start);
}
