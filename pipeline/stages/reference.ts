import type { SourceSpan } from '../edits.js';
import { lexicon, normalizeLemma } from '../lexicon/store.js';
import { factOf } from './align/facts.js';
import { hash53 } from '../hash.js';
import { units, type Unit } from './align/units.js';
import { FUNCTION_WORDS, isNumber, tokenize, type Token } from './align/tokens.js';

export type OffsetMap = (offset: number, side: 'start' | 'end') => number;

/** A sentence or quotation of a clean document, available as a restoration source. */
export interface RefUnit extends Unit {
  docId: string;
  text: string;
  /** The whole document text, to cut source spans from. */
  docText: string;
}

const SHINGLE = 3;
const MAX_PHRASE = 5;
/** Shingles found in more units than this are too common to retrieve by. */
const MAX_POSTINGS = 2000;

export interface PhraseEntry {
  key: string;
  tokens: readonly Token[];
  /** Written forms ("Trump administration", "trump administration") with counts. */
  forms: Map<string, number>;
  count: number;
  source: { id: string; start: number; end: number; text: string };
}

/** Words of a name are separated by one space: no punctuation, no line break. */
export function spacedRun(text: string, span: readonly Token[]): boolean {
  for (let i = 1; i < span.length; i++) if (text.slice(span[i - 1].end, span[i].start) !== ' ') return false;
  return true;
}

/**
 * A name or title as clean text writes it: capitalized words with function words
 * inside ("Secretary of State Marco Rubio", "Wall Street Journal"), or a name and a
 * lower-case noun ("Trump administration"). A lone sentence-initial capital is not
 * a name. Both ends are content words.
 */
export function isNamePhrase(text: string, span: readonly Token[], sentenceInitial: boolean, allowLowerInside = 0): boolean {
  const n = span.length;
  const first = span[0];
  const last = span[n - 1];
  if (!first.cap || FUNCTION_WORDS.has(first.key) || FUNCTION_WORDS.has(last.key) || isNumber(last.key)) return false;
  if (!spacedRun(text, span)) return false;
  const capsAfterFirst = span.slice(1).filter((t) => t.cap).length;
  if (n === 2 && !last.cap) {
    // Name + lower-case noun ("Trump administration"): a capital inside a sentence marks
    // the name, even when the name is also a word ("trump").
    return !sentenceInitial && !isNumber(first.key) && isKnownWord(last);
  }
  if (!last.cap) return false;
  if (sentenceInitial && capsAfterFirst === 0) return false;
  let lowerContent = 0;
  for (const t of span.slice(1, -1)) if (!t.cap && !FUNCTION_WORDS.has(t.key)) lowerContent++;
  return lowerContent <= allowLowerInside;
}

const isKnownWord = (t: Token) => lexicon().has(normalizeLemma(t.key)) || lexicon().has(normalizeLemma(t.text));

/**
 * Tokens a spinner leaves alone: function words, numbers, and capitalized words
 * the lexicon does not know (names). They form a sentence's skeleton.
 */
export function isImmutable(t: Token): boolean {
  return FUNCTION_WORDS.has(t.key) || factOf(t) !== undefined;
}

export function skeletonShingles(tokens: readonly Token[]): string[] {
  // Numbers by value: a spinner writes "two" as "2".
  const skel = tokens.filter(isImmutable).map((t) => factOf(t) ?? t.key);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= skel.length; i++) out.add(skel.slice(i, i + SHINGLE).join(' '));
  return [...out];
}

/**
 * The reference index over the documents judged clean: their sentences and
 * quotations, retrievable by shared skeleton shingles (an inverted index, so a
 * degraded unit is compared with a handful of candidates, never all pairs), and
 * word-bigram counts for ranking candidate wordings.
 *
 * Compact, since it holds a corpus: a unit is its document and span in typed arrays,
 * its tokens are cut again when it is retrieved (units(text) cuts them the same way);
 * shingles and n-grams are keyed by 53-bit hashes, not strings.
 */
export class ReferenceIndex {
  private unitDoc = new Int32Array(1024);
  private unitStart = new Int32Array(1024);
  private unitEnd = new Int32Array(1024);
  private unitKind = new Uint8Array(1024);
  private unitCount = 0;
  private readonly postings = new Map<number, number[]>();
  /** Counts of lower-cased word bigrams ("a b") and unigrams across the references, by hash53. */
  private readonly ngrams = new Map<number, number>();
  private readonly docIds: string[] = [];
  private readonly docTexts: string[] = [];
  /**
   * Name-like phrases (2–5 words with a capital inside, e.g. "Secretary of State",
   * "Trump administration"): key sequence → written forms with counts and a source.
   */
  readonly phrases = new Map<string, PhraseEntry>();
  /** First or last token key → phrase keys, to find phrases sharing an anchor word. */
  private readonly phraseAnchors = new Map<string, Set<string>>();

  /** Per document: its units, [first, end) in unit numbers. */
  private readonly unitRanges = new Map<string, [number, number]>();
  /** Per document: maps an offset of its indexed (cleaned) text to its original input. */
  private readonly offsetMaps = new Map<string, OffsetMap>();

  /**
   * `retrievalOnly`: index units for retrieval and alignment, without the word
   * counts and name inventory restoration needs (cross-document detection).
   */
  constructor(private readonly options: { retrievalOnly?: boolean } = {}) {}

  /**
   * Indexes a clean document. `toOriginal` maps offsets of `text` (normalized,
   * boilerplate removed) back to the input, so sources cite the file as it is.
   */
  add(docId: string, text: string, toOriginal?: OffsetMap): void {
    const doc = this.docIds.push(docId) - 1;
    this.docTexts.push(text);
    if (toOriginal) this.offsetMaps.set(docId, toOriginal);
    const first = this.unitCount;
    for (const u of units(text)) {
      const id = this.pushUnit(doc, u);
      for (const sh of skeletonShingles(u.tokens)) {
        const key = hash53(sh);
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        if (list.length <= MAX_POSTINGS) list.push(id);
      }
      if (u.kind === 'sentence' && !this.options.retrievalOnly) {
        this.countNgrams(u.tokens);
        this.addPhrases(docId, text, u.tokens);
      }
    }
    this.unitRanges.set(docId, [first, this.unitCount]);
  }

  private pushUnit(doc: number, u: Unit): number {
    const id = this.unitCount++;
    if (id === this.unitDoc.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.unitDoc = grow(this.unitDoc);
      this.unitStart = grow(this.unitStart);
      this.unitEnd = grow(this.unitEnd);
      this.unitKind = grow(this.unitKind);
    }
    this.unitDoc[id] = doc;
    this.unitStart[id] = u.start;
    this.unitEnd[id] = u.end;
    this.unitKind[id] = u.kind === 'sentence' ? 0 : 1;
    return id;
  }

  /** Unit number `id`, its tokens cut again from its document. */
  private unit(id: number): RefUnit {
    const docText = this.docTexts[this.unitDoc[id]];
    const start = this.unitStart[id];
    const end = this.unitEnd[id];
    return {
      start,
      end,
      kind: this.unitKind[id] === 0 ? 'sentence' : 'quote',
      tokens: tokenize(docText, start, end),
      docId: this.docIds[this.unitDoc[id]],
      text: docText.slice(start, end),
      docText,
    };
  }

  /** The units of an indexed document, as `units(text)` cut them. */
  unitsOf(docId: string): RefUnit[] {
    const range = this.unitRanges.get(docId);
    const out: RefUnit[] = [];
    if (range) for (let id = range[0]; id < range[1]; id++) out.push(this.unit(id));
    return out;
  }

  private addPhrases(docId: string, text: string, tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 2; n <= MAX_PHRASE && i + n <= tokens.length; n++) {
        const span = tokens.slice(i, i + n);
        if (!isNamePhrase(text, span, i === 0)) continue;
        const key = span.map((t) => t.key).join(' ');
        const form = text.slice(span[0].start, span[n - 1].end);
        let entry = this.phrases.get(key);
        if (!entry) {
          entry = { key, tokens: span, forms: new Map(), count: 0, source: { id: docId, start: span[0].start, end: span[n - 1].end, text: form } };
          this.phrases.set(key, entry);
          for (const anchor of [span[0].key, span[n - 1].key]) {
            let set = this.phraseAnchors.get(anchor);
            if (!set) this.phraseAnchors.set(anchor, (set = new Set()));
            set.add(key);
          }
        }
        entry.count++;
        entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      }
    }
  }

  /** A source span for a report: offsets of the indexed text mapped to the original input. */
  toSource(docId: string, start: number, end: number, text: string): SourceSpan {
    const map = this.offsetMaps.get(docId);
    return map ? { id: docId, start: map(start, 'start'), end: map(end, 'end'), text } : { id: docId, start, end, text };
  }

  /** Phrases that start or end with the given token key. */
  phrasesAnchoredOn(key: string): PhraseEntry[] {
    return [...(this.phraseAnchors.get(key) ?? [])].map((k) => this.phrases.get(k)!);
  }

  /** How often a lower-cased key sequence occurs as a reference phrase. */
  phraseCount(key: string): number {
    return this.phrases.get(key)?.count ?? 0;
  }

  /** Words the references write in lower case (to know a name's lower-case use is attested). */
  readonly lowercaseWords = new Set<string>();

  private countNgrams(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const k = tokens[i].key;
      if (!tokens[i].cap) this.lowercaseWords.add(k);
      const h = hash53(k);
      this.ngrams.set(h, (this.ngrams.get(h) ?? 0) + 1);
      if (i > 0) {
        const b = hash53(tokens[i - 1].key + ' ' + k);
        this.ngrams.set(b, (this.ngrams.get(b) ?? 0) + 1);
      }
    }
  }

  /** How often a lower-cased word ("a") or bigram ("a b") occurs in the references. */
  count(ngram: string): number {
    return this.ngrams.get(hash53(ngram)) ?? 0;
  }

  /** Reference units sharing the most skeleton shingles with `tokens`, best first. */
  candidates(tokens: readonly Token[], limit = 4, exclude?: string): RefUnit[] {
    const shingles = skeletonShingles(tokens);
    if (shingles.length === 0) return [];
    const hits = new Map<number, number>();
    for (const sh of shingles) {
      const list = this.postings.get(hash53(sh));
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const need = Math.max(2, Math.ceil(shingles.length * 0.2));
    return [...hits]
      .filter(([id, n]) => n >= Math.min(need, shingles.length) && this.docIds[this.unitDoc[id]] !== exclude)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id]) => this.unit(id));
  }
}
