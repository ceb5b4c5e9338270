/**
 * Small text helpers shared by the eval generator and the metrics: sentence spans,
 * word tokens, a stable string hash and a seeded PRNG. Everything here is pure and
 * deterministic.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Titles and initials after which Intl.Segmenter splits although the sentence goes
 * on ("Mr. Smith", "John F. Kennedy"). A segment ending in one of these is merged
 * with the next segment of the same line.
 */
const ABBREVIATION_END =
  /(?:^|[^\p{L}\p{N}])(?:Mr|Mrs|Ms|Messrs|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Adm|Sgt|Prof|Rev|Hon|Mt|Ft|No|Nos|vs|Pres|Supt|\p{Lu})\.$/u;

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

/**
 * Sentence spans of `text`: Intl.Segmenter('en', {granularity: 'sentence'}) segments,
 * trimmed of surrounding whitespace (so a span never contains the newline that ends
 * a paragraph), empty segments dropped, and a segment that ends in a title or an
 * initial ("Mr.", "F.") merged with the next one on the same line.
 */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const seg of segmenter.segment(text)) {
    let start = seg.index;
    let end = seg.index + seg.segment.length;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end <= start) continue;
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      !text.slice(prev.end, start).includes('\n') &&
      ABBREVIATION_END.test(text.slice(Math.max(prev.start, prev.end - 16), prev.end))
    ) {
      prev.end = end;
    } else {
      out.push({ start, end });
    }
  }
  return out;
}

/** Word tokens: letters/digits with inner apostrophes, hyphens or dots ("don't", "U.S"), and each punctuation mark alone. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.\-‑][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function tokenStrings(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Number of words (runs of non-space characters), as `wc -w` counts them. */
export function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** FNV-1a 32-bit hash of a string (UTF-16 code units), as an unsigned integer. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function hashHex(s: string, chars = 10): string {
  // Two independent 32-bit hashes, so 10 hex chars carry ~40 real bits.
  const a = hash32(s).toString(16).padStart(8, '0');
  const b = hash32(`~${s}`).toString(16).padStart(8, '0');
  return (a + b).slice(0, chars);
}

/** A seeded PRNG (mulberry32). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static from(...parts: Array<string | number>): Rng {
    return new Rng(hash32(parts.join('\u0001')));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A 31-bit integer, e.g. to seed the spinner. */
  seed(): number {
    return Math.floor(this.next() * 0x7fffffff);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}
