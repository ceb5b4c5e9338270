import { hash53 } from '../hash.js';
import { CountTable, doubled, PostingTable, toShared, type CountSnapshot, type SharedPostings } from '../hash-table.js';
import type { Slots } from '../corpus/store.js';
import { tokenize, type Token } from './align/tokens.js';
import type { Unit } from './align/units.js';
import { indexData, skeletonShingles, type IndexData } from './reference-data.js';

/** A sentence or quotation of a clean document, available as a restoration source. */
export interface RefUnit extends Unit {
  /** The unit's number in the index; a document's units are numbered consecutively, in order. */
  id: number;
  docId: string;
  text: string;
  /** The whole document text, to cut source spans from. */
  docText: string;
}

/**
 * A built ReferenceIndex as plain data, to open in another thread (`fromShared`): the
 * typed arrays are in shared memory, so every thread reads the same ones; the name
 * inventory (Maps) is copied; the texts stay where they are kept (`Slots`).
 */
export interface SharedReferenceIndex {
  retrievalOnly: boolean;
  docIds: string[];
  /** Per document: its text if held in memory, else null and its slot in the texts. */
  docTexts: Array<string | null>;
  docSlots: Int32Array;
  /** Per document id: its units, [first, end). */
  unitRanges: Map<string, [number, number]>;
  unitDoc: Int32Array;
  unitStart: Int32Array;
  unitEnd: Int32Array;
  unitKind: Uint8Array;
  postings: SharedPostings;
  ngrams: CountSnapshot;
  lowercase: CountSnapshot;
  phrases: Map<string, PhraseEntry>;
  phraseAnchors: Map<string, Set<string>>;
  titles: Map<string, Map<string, PhraseEntry>>;
}

/**
 * A copy of `s` that does not keep the string it was cut from alive: v8 represents a
 * long slice as a view of its parent, and the index keeps name forms and sources from
 * every reference without keeping the references' texts.
 */
function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Tokens whose strings are their own (see `own`). */
function ownTokens(tokens: Token[]): Token[] {
  return tokens.map((t) => (t.text.length < 13 && t.key.length < 13 ? t : { ...t, text: own(t.text), key: own(t.key) }));
}

/** Counts one more use of a written form (a new form is kept as its own string, see `own`). */
function countForm(forms: Map<string, number>, form: string): void {
  const n = forms.get(form);
  forms.set(n === undefined ? own(form) : form, (n ?? 0) + 1);
}

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
  private unitDoc: Int32Array = new Int32Array(1024);
  private unitStart: Int32Array = new Int32Array(1024);
  private unitEnd: Int32Array = new Int32Array(1024);
  private unitKind: Uint8Array = new Uint8Array(1024);
  private unitCount = 0;
  /** Skeleton-shingle hash → the units that have it. */
  private postings = new PostingTable(MAX_POSTINGS);
  /** Counts of lower-cased word bigrams ("a b") and unigrams across the references, by hash53. */
  private ngrams = new CountTable(1 << 16);
  private docIds: string[] = [];
  /** Per document, its text, or null when it is kept in `options.texts` (slot in docSlots). */
  private docTexts: Array<string | null> = [];
  private docSlots: number[] = [];
  /**
   * Name-like phrases (2–5 words with a capital inside, e.g. "Secretary of State",
   * "Trump administration"): key sequence → written forms with counts and a source.
   */
  phrases = new Map<string, PhraseEntry>();
  /** First or last token key → phrase keys, to find phrases sharing an anchor word. */
  private phraseAnchors = new Map<string, Set<string>>();
  /** Domain titles ("special envoy for Latin America"): domain key → title|domain key → entry. */
  private titles = new Map<string, Map<string, PhraseEntry>>();

  /** Per document: its units, [first, end) in unit numbers. */
  private unitRanges = new Map<string, [number, number]>();

  /**
   * `retrievalOnly`: index units for retrieval and alignment, without the word
   * counts and name inventory restoration needs (cross-document detection).
   * `texts`: where the texts of documents added with a slot are kept (read again
   * when a unit is retrieved, so the index need not hold them).
   */
  constructor(private readonly options: { retrievalOnly?: boolean; texts?: Slots<string> } = {}) {}

  /**
   * Indexes a clean document's text (normalized, boilerplate removed).
   * `data`: the document's index data if pass 1 computed it (`indexData(text)`);
   * computed here otherwise. `slot`: the text's slot in `options.texts`, to read it
   * from there rather than hold it; `text` may then be left out if `data` is given and
   * the index is retrieval-only (nothing else reads it).
   */
  add(docId: string, text: string | undefined, data?: IndexData, slot?: number): void {
    const d = data ?? indexData(text!, !this.options.retrievalOnly);
    const doc = this.docIds.push(docId) - 1;
    const stored = slot !== undefined && this.options.texts !== undefined;
    this.docTexts.push(stored ? null : text!);
    this.docSlots.push(stored ? slot : -1);
    const first = this.unitCount;
    const n = d.units.length / 3;
    for (let i = 0; i < n; i++) {
      const id = this.pushUnit(doc, d.units[3 * i], d.units[3 * i + 1], d.units[3 * i + 2]);
      for (let k = i === 0 ? 0 : d.shingleEnds[i - 1]; k < d.shingleEnds[i]; k++) this.postings.add(d.shingles[k], id);
    }
    this.unitRanges.set(docId, [first, this.unitCount]);
    if (this.options.retrievalOnly) return;
    if (!d.reference) throw new Error(`index data of ${docId} lacks the reference part`);
    for (const h of d.reference.ngrams) this.ngrams.add(h);
    for (const h of d.reference.lowercase) this.lowercase.add(h);
    for (const [key, start, end] of d.reference.phrases) this.addPhrase(docId, text!, key, start, end);
    for (const [start, titleEnd, end] of d.reference.titles) this.addTitle(docId, text!, start, titleEnd, end);
  }

  /** Document number `doc`'s text, from memory or from `options.texts`. */
  private textOf(doc: number): string {
    return this.docTexts[doc] ?? this.options.texts!.get(this.docSlots[doc]);
  }

  /** This index as plain data for `fromShared`; nothing may be added after. */
  share(): SharedReferenceIndex {
    const n = this.unitCount;
    return {
      retrievalOnly: this.options.retrievalOnly ?? false,
      docIds: this.docIds,
      docTexts: this.docTexts,
      docSlots: toShared(Int32Array.from(this.docSlots)),
      unitRanges: this.unitRanges,
      unitDoc: toShared(this.unitDoc.subarray(0, n)),
      unitStart: toShared(this.unitStart.subarray(0, n)),
      unitEnd: toShared(this.unitEnd.subarray(0, n)),
      unitKind: toShared(this.unitKind.subarray(0, n)),
      postings: this.postings.share(),
      ngrams: this.ngrams.sharedSnapshot(),
      lowercase: this.lowercase.sharedSnapshot(),
      phrases: this.phrases,
      phraseAnchors: this.phraseAnchors,
      titles: this.titles,
    };
  }

  /** The index `share` described, reading texts kept elsewhere from `texts`. */
  static fromShared(s: SharedReferenceIndex, texts?: Slots<string>): ReferenceIndex {
    const index = new ReferenceIndex({ retrievalOnly: s.retrievalOnly, texts });
    index.docIds = s.docIds;
    index.docTexts = s.docTexts;
    index.docSlots = Array.from(s.docSlots);
    index.unitRanges = s.unitRanges;
    index.unitCount = s.unitDoc.length;
    index.unitDoc = s.unitDoc;
    index.unitStart = s.unitStart;
    index.unitEnd = s.unitEnd;
    index.unitKind = s.unitKind;
    index.postings = PostingTable.fromShared(s.postings);
    index.ngrams = CountTable.fromSnapshot(s.ngrams);
    index.lowercase = CountTable.fromSnapshot(s.lowercase);
    index.phrases = s.phrases;
    index.phraseAnchors = s.phraseAnchors;
    index.titles = s.titles;
    return index;
  }

  private addTitle(docId: string, text: string, start: number, titleEnd: number, end: number): void {
    const title = ownTokens(tokenize(text, start, titleEnd));
    const domain = tokenize(text, titleEnd, end);
    const domainKey = domain.map((t) => t.key).join(' ');
    const key = `${title.map((t) => t.key).join(' ')}|${domainKey}`;
    let byTitle = this.titles.get(domainKey);
    if (!byTitle) this.titles.set(own(domainKey), (byTitle = new Map()));
    let entry = byTitle.get(key);
    if (!entry) {
      entry = { key, tokens: title, forms: new Map(), count: 0, source: { id: docId, start, end, text: own(text.slice(start, end)) } };
      byTitle.set(key, entry);
    }
    entry.count++;
    countForm(entry.forms, text.slice(start, titleEnd));
  }

  /**
   * Domain titles the references write with the given domain ("for latin america"):
   * the title words as tokens, the phrase as a source, and how often.
   */
  titlesOf(domainKey: string): PhraseEntry[] {
    return [...(this.titles.get(domainKey)?.values() ?? [])];
  }

  private pushUnit(doc: number, start: number, end: number, kind: number): number {
    const id = this.unitCount++;
    if (id === this.unitDoc.length) {
      this.unitDoc = doubled(this.unitDoc);
      this.unitStart = doubled(this.unitStart);
      this.unitEnd = doubled(this.unitEnd);
      this.unitKind = doubled(this.unitKind);
    }
    this.unitDoc[id] = doc;
    this.unitStart[id] = start;
    this.unitEnd[id] = end;
    this.unitKind[id] = kind;
    return id;
  }

  /** Unit number `id`, its tokens cut again from its document. */
  unit(id: number): RefUnit {
    const docText = this.textOf(this.unitDoc[id]);
    const start = this.unitStart[id];
    const end = this.unitEnd[id];
    return {
      id,
      start,
      end,
      kind: this.unitKind[id] === 0 ? 'sentence' : 'quote',
      tokens: tokenize(docText, start, end),
      docId: this.docIds[this.unitDoc[id]],
      text: docText.slice(start, end),
      docText,
    };
  }

  /** Is this document one of the references? */
  indexes(docId: string): boolean {
    return this.unitRanges.has(docId);
  }

  /** The units of an indexed document, as `units(text)` cut them. */
  unitsOf(docId: string): RefUnit[] {
    const range = this.unitRanges.get(docId);
    const out: RefUnit[] = [];
    if (range) for (let id = range[0]; id < range[1]; id++) out.push(this.unit(id));
    return out;
  }

  /** Unit `at` (0-based, in order) of an indexed document, if it has that many. */
  unitAt(docId: string, at: number): RefUnit | undefined {
    const range = this.unitRanges.get(docId);
    return range && at >= 0 && range[0] + at < range[1] ? this.unit(range[0] + at) : undefined;
  }

  /** The place of a unit among its document's units (the `at` of unitAt). */
  positionOf(ref: RefUnit): number {
    return ref.id - this.unitRanges.get(ref.docId)![0];
  }

  private addPhrase(docId: string, text: string, key: string, start: number, end: number): void {
    const form = text.slice(start, end);
    let entry = this.phrases.get(key);
    if (!entry) {
      const tokens = ownTokens(tokenize(text, start, end));
      entry = { key, tokens, forms: new Map(), count: 0, source: { id: docId, start, end, text: own(form) } };
      this.phrases.set(key, entry);
      for (const anchor of [tokens[0].key, tokens[tokens.length - 1].key]) {
        let set = this.phraseAnchors.get(anchor);
        if (!set) this.phraseAnchors.set(anchor, (set = new Set()));
        set.add(key);
      }
    }
    entry.count++;
    countForm(entry.forms, form);
  }

  /** Phrases that start or end with the given token key. */
  phrasesAnchoredOn(key: string): PhraseEntry[] {
    return [...(this.phraseAnchors.get(key) ?? [])].map((k) => this.phrases.get(k)!);
  }

  /** How often a lower-cased key sequence occurs as a reference phrase. */
  phraseCount(key: string): number {
    return this.phrases.get(key)?.count ?? 0;
  }

  /** Keys the references write in lower case, by hash53 (to know a name's lower-case use is attested). */
  private lowercase = new CountTable(1 << 12);

  writesInLowerCase(key: string): boolean {
    return this.lowercase.get(hash53(key)) > 0;
  }

  /**
   * Takes n-gram counts summed elsewhere over exactly the documents this index holds
   * (whose index data then carry no n-grams), instead of counting them document by document.
   */
  useNgramCounts(counts: CountSnapshot): void {
    this.ngrams = CountTable.fromSnapshot(counts);
  }

  /** How often a lower-cased word ("a") or bigram ("a b") occurs in the references. */
  count(ngram: string): number {
    return this.ngrams.get(hash53(ngram));
  }

  /**
   * Per unit, the shingles it shares with the unit `candidateIds` is ranking: counted in
   * an array rather than a Map, since a common shingle lists up to MAX_POSTINGS units
   * (16 bits: a unit shares at most as many shingles as the query has, a few dozen).
   * All zero between calls.
   */
  private hitCounts = new Uint16Array(0);

  /** Reference units sharing the most skeleton shingles with `tokens`, best first. */
  candidates(tokens: readonly Token[], limit = 4, exclude?: string): RefUnit[] {
    return this.candidateIds(tokens, limit, exclude).map((id) => this.unit(id));
  }

  /** The document of unit number `id`. */
  docOf(id: number): string {
    return this.docIds[this.unitDoc[id]];
  }

  /**
   * `candidates` as unit numbers (see `unit`, `docOf`), for a caller that passes some of
   * them over without their tokens.
   */
  candidateIds(tokens: readonly Token[], limit = 4, exclude?: string): number[] {
    const shingles = skeletonShingles(tokens);
    if (shingles.length === 0) return [];
    if (this.hitCounts.length < this.unitCount) this.hitCounts = new Uint16Array(this.unitCount);
    const counts = this.hitCounts;
    const touched: number[] = [];
    for (const sh of shingles) {
      const list = this.postings.get(sh);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const id of list) if (counts[id]++ === 0) touched.push(id);
    }
    const need = Math.min(Math.max(2, Math.ceil(shingles.length * 0.2)), shingles.length);
    const hits: Array<[id: number, shared: number]> = [];
    for (const id of touched) {
      if (counts[id] >= need && this.docOf(id) !== exclude) hits.push([id, counts[id]]);
      counts[id] = 0;
    }
    // Ids break ties: the order is total, whatever order the units were touched in.
    hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return hits.slice(0, limit).map(([id]) => id);
  }
}
