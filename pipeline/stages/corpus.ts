import { mapSuggestion, type DocumentState, type Options, type SentenceFinding } from '../document.js';
import type { EditLog } from '../edit-log.js';
import type { SourceSpan } from '../edits.js';
import { timed } from '../timings.js';
import type { IndexSetup, Restored, Runner } from '../workers/tasks.js';
import type { CrossClearance, CrossEvidence, SharedCrossIndex } from './crossdoc.js';
import type { IntrinsicResult } from './detect.js';
import { findDuplicates } from './duplicates.js';
import { CountTable, type CountSnapshot } from '../hash-table.js';
import { indexData, ngramHashes, type IndexData } from './reference-data.js';
import { CrossIndex } from './crossdoc.js';
import { ReferenceIndex, type SharedReferenceIndex } from './reference.js';
import { HeldCorpus } from '../corpus/held.js';
import { KeyedStore } from '../corpus/keyed.js';
import { slotsRef } from '../corpus/store.js';
import type { Suspect } from './restore.js';

/**
 * Documents below this intrinsic score are not checked against the others: with
 * nothing odd about them on their own, they are the clean side of any pair. The
 * detection model puts its threshold (0.5) one clean standard deviation above the
 * cleanest-looking clean tune document, so ordinary clean text reaches 0.1–0.2; from
 * 0.2 the check is kept to documents between plainly clean and spun (20 MB bench: 465
 * of 3,787 documents checked, every spun one among them; 2,392 from 0.1).
 */
const CROSS_CHECK_FLOOR = 0.2;
/**
 * Documents flagged on their own evidence with a score below this are checked for
 * being the clean source of a spun document (crossdoc.ts CrossClearance): clean text
 * in an unusual style (old prose) can score just above the threshold, and the spun
 * copies of it score far higher.
 */
const CLEAR_CHECK_CEILING = 0.7;
/** The score of a document so cleared: below the verdict threshold (0.5). */
const CLEARED_SCORE = 0.45;

/** A document after pass 1, with its intrinsic detection if the corpus stages apply to it. */
export interface AnalyzedDocument {
  state: DocumentState;
  intrinsic?: IntrinsicResult;
  /** Its index data (reference-data.ts), where pass 1 computed it. */
  index?: IndexData;
}

/**
 * What the corpus stages need of a document: its cleaned text and intrinsic verdict,
 * and the index data of its text.
 */
export interface CorpusDoc {
  id: string;
  text: string;
  score: number;
  spun: boolean;
  suspects: readonly Suspect[];
  /** Maps offsets of `text` to the input, to cite a reference as it is. */
  offsets: EditLog;
  index?: IndexData;
  /** Its near-duplicate signature, computed with the index data in pass 1 (undefined: not computed). */
  minhash?: Uint32Array | null;
}

/**
 * A CorpusDoc as the corpus stages hold it for a whole corpus: its text and index
 * data put away in a HeldCorpus (`slot`), the rest small.
 */
export interface CorpusEntry extends Omit<CorpusDoc, 'text' | 'index'> {
  slot: number;
}

/** The corpus stages' conclusions, per document id. */
export interface CorpusDecisions {
  cross: Map<string, CrossEvidence>;
  /** Documents flagged on their own that are the clean source of a spun one. */
  cleared: Map<string, CrossClearance>;
  /** Near-duplicate copy → the cleanest copy. */
  copies: Map<string, string>;
  /**
   * Restorations of the spun documents, sources cited in original offsets: kept where
   * the held corpus is (on disk in a two-pass run), each taken once by `finishDocument`.
   * The owner of the decisions closes it.
   */
  restored: KeyedStore<Restored>;
}

export function corpusEntry(d: AnalyzedDocument): CorpusDoc | undefined {
  const log = d.state.log;
  if (!d.intrinsic || !log) return undefined;
  const i = d.intrinsic;
  // Only a document that is spun, or checked against the others, can be restored: the
  // rest need not keep their suspicious words until the corpus stages run.
  const suspects = i.spun || i.score >= CROSS_CHECK_FLOOR ? i.words : [];
  return { id: d.state.id, text: log.text, score: i.score, spun: i.spun, suspects, offsets: log, index: d.index, minhash: d.index?.minhash };
}

/**
 * The stages that need the whole corpus, run after pass 1 (read, normalize,
 * boilerplate, language, intrinsic detection) on every document:
 * 1. cross-document detection settles the documents intrinsic detection let pass
 *    whose sentences are synonym swaps of another document's, and clears the flagged
 *    ones that are the clean source of a far odder document;
 * 2. near-duplicate copies are found; the clean documents, one copy of each, become
 *    the reference index;
 * 3. each spun document is restored against the index.
 * Each index is built once, here, reading the documents from `held` one at a time,
 * and shared with the runner's threads (its tables in shared memory, its texts read
 * back from `held` when a unit is retrieved), where the per-document work of steps 1
 * and 3 runs; everything that decides between documents runs here, in input order,
 * so the decisions do not depend on the number of threads. With `counts`, the
 * entries went through `counts.take` and the references' n-gram counts come from there.
 */
export async function decideCorpus(entries: readonly CorpusEntry[], held: HeldCorpus, runner: Runner, counts?: ReferenceCounts): Promise<CorpusDecisions> {
  const { texts } = held;
  const check = entries.filter((d) => !d.spun && d.score >= CROSS_CHECK_FLOOR).map((d) => d.id);
  const clear = entries.filter((d) => d.spun && d.score < CLEAR_CHECK_CEILING).map((d) => d.id);
  const cross = new Map<string, CrossEvidence>();
  const cleared = new Map<string, CrossClearance>();
  // A corpus of one has nothing to compare with.
  if ((check.length || clear.length) && entries.length > 1) {
    await runner.broadcast('crossIndex', crossSetup(entries, held));
    const found = await runner.map('crossCheck', check);
    found.forEach((e, i) => e && cross.set(check[i], e));
    const sources = await runner.map('crossClear', clear);
    sources.forEach((c, i) => c && cleared.set(clear[i], c));
    await runner.broadcast('crossIndex', null);
  }
  const spun = (d: CorpusEntry) => (d.spun && !cleared.has(d.id)) || cross.has(d.id);

  // Syndicated copies: reported, and only the cleanest copy of each is a reference.
  // Signatures come with the index data from pass 1; a text is read (one at a time) only
  // for a document that has none.
  const copies = timed('duplicates', () =>
    findDuplicates(entries.map((d) => ({ id: d.id, score: d.score, minhash: d.minhash, get text() { return texts.get(d.slot, false); } }))),
  );
  releaseSpent(entries, spun);

  const restored = new KeyedStore<Restored>(held.onDisk);
  const toRestore = entries.filter(spun);
  if (toRestore.length === 0) return { cross, cleared, copies, restored };
  const references = entries.filter((d) => !spun(d) && !copies.has(d.id));
  let ngrams: CountSnapshot | undefined;
  if (counts) {
    for (const d of entries) if (spun(d) || copies.has(d.id)) counts.exclude(d, () => texts.get(d.slot, false));
    ngrams = counts.release();
  }
  await runner.broadcast('referenceIndex', referenceSetup(references, held, ngrams));
  // Sources cite the reference file as it is, not its cleaned text. Each result is put
  // away as it arrives: together they are the largest thing this thread would hold.
  const offsets = new Map(references.map((d) => [d.id, d.offsets]));
  try {
    await runner.each(
      'restore',
      toRestore.map((d) => ({ docId: d.id, slot: d.slot, suspects: d.suspects, unconfirmedScore: cross.has(d.id) ? undefined : d.score })),
      (i, r) => restored.set(toRestore[i].id, 'error' in r ? r : { edits: r.edits.map((e) => (e.source ? { ...e, source: citeOriginal(offsets.get(e.source.id), e.source) } : e)) }),
    );
    await runner.broadcast('referenceIndex', null);
  } catch (err) {
    // No decisions to hand over: nobody else would delete the file.
    restored.close();
    throw err;
  }
  return { cross, cleared, copies, restored };
}

/**
 * Lets go of what the entries held for steps 1 and 2 only, before step 3 builds the
 * reference index and restores (the run's peak, with the threads' heaps at their
 * largest): the near-duplicate signatures, and the suspicious words of the documents
 * that are not to be restored (up to a kilobyte a document).
 */
function releaseSpent(entries: readonly CorpusEntry[], spun: (d: CorpusEntry) => boolean): void {
  for (const d of entries) {
    d.minhash = undefined;
    if (!spun(d)) d.suspects = [];
  }
}

// The set-ups build an index once and hand it over without keeping it: the threads
// hold it (the one copy of its tables, in shared memory) until the null set-up.

/** The cross-document index over every entry, for the crossIndex set-up. */
function crossSetup(entries: readonly CorpusEntry[], held: HeldCorpus): IndexSetup<SharedCrossIndex> {
  const { texts, indexes } = held;
  const index = timed('cross-document', () => {
    const x = new CrossIndex([], texts);
    for (const d of entries) {
      const data = indexes.get(d.slot, false);
      x.add({ id: d.id, score: d.score, slot: d.slot, index: data, text: data ? undefined : texts.get(d.slot, false) });
    }
    return x.share();
  });
  return { index, texts: slotsRef(texts) };
}

/** The reference index over `references`, for the referenceIndex set-up. */
function referenceSetup(references: readonly CorpusEntry[], held: HeldCorpus, ngrams?: CountSnapshot): IndexSetup<SharedReferenceIndex> {
  const { texts, indexes } = held;
  const index = timed('reference', () => {
    const r = new ReferenceIndex({ texts });
    if (ngrams) r.useNgramCounts(ngrams);
    for (const d of references) {
      // A document flagged in pass 1 and cleared since has retrieval data only: its
      // reference data (and n-gram counts) are computed from its text here.
      const data = indexes.get(d.slot, false);
      r.add(d.id, texts.get(d.slot, false), data?.reference ? data : undefined, d.slot);
    }
    return r.share();
  });
  return { index, texts: slotsRef(texts) };
}

/**
 * Writes the corpus stages' conclusions into one document's state: its final score,
 * sentence findings, verdict and kinds, and its restorations (applied at or above the
 * confidence threshold, suggested below it or with --suggest-only).
 */
export function finishDocument(d: AnalyzedDocument, decisions: CorpusDecisions, options: Options): void {
  const { state, intrinsic } = d;
  const log = state.log;
  if (!intrinsic || !log) return;
  const of = decisions.copies.get(state.id);
  if (of !== undefined) {
    state.kinds.add('duplicate');
    state.duplicateOf = of;
  }
  const evidence = decisions.cross.get(state.id);
  const clearance = decisions.cleared.get(state.id);
  if (clearance) {
    state.score = Math.min(intrinsic.score, CLEARED_SCORE);
    state.sentences = intrinsic.sentences.map((x) => toOriginal(log, asSource(x, clearance)));
    return;
  }
  state.score = evidence ? combine(intrinsic.score, evidence) : intrinsic.score;
  state.sentences = intrinsic.sentences.map((x) => toOriginal(log, withCross(x, evidence)));
  if (!intrinsic.spun && !evidence) return;
  state.verdict = 'degraded';
  state.kinds.add('spun');
  // Each document is finished once: its restorations (the bulk of the decisions) are taken.
  const r = decisions.restored.take(state.id);
  if (!r) return;
  if ('error' in r) {
    state.error = r.error;
    return;
  }
  const applied = options.suggestOnly ? [] : r.edits.filter((e) => e.confidence >= options.minConfidence);
  const suggested = r.edits.filter((e) => !applied.includes(e));
  state.suggestions.push(...suggested.map((e) => mapSuggestion(log, e)));
  log.apply(applied);
}

/** The corpus stages over documents held in memory. Updates each DocumentState in place. */
export async function runCorpusStages(docs: readonly AnalyzedDocument[], options: Options, runner: Runner): Promise<void> {
  const held = new HeldCorpus(false);
  const entries = docs.map(corpusEntry).flatMap((e) => (e ? [held.hold(e)] : []));
  const decisions = await decideCorpus(entries, held, runner);
  for (const d of docs) finishDocument(d, decisions, options);
  decisions.restored.close();
}

const NO_NGRAMS = new Float64Array(0);

/**
 * The references' n-gram counts, summed as documents arrive in pass 1, so that each
 * document's n-gram hashes (2–3 bytes per byte of text) need not wait in memory for the
 * corpus stages. A document already judged spun is never added (nor its reference
 * data kept); one that turns out not to be a reference later (a copy, or found spun by
 * another document) is subtracted again, its n-grams recomputed from its text.
 */
export class ReferenceCounts {
  // In shared memory from the start: the reference index shares these counts with the
  // threads as they are, rather than a copy.
  private totals = new CountTable(1 << 16, true);

  /** Adds the entry's n-grams; returns the entry to keep, without them (and without reference data if spun). */
  take(entry: CorpusDoc): CorpusDoc {
    const index = entry.index ?? indexData(entry.text, !entry.spun);
    if (entry.spun || !index.reference) return { ...entry, index: { ...index, reference: undefined } };
    for (const h of index.reference.ngrams) this.totals.add(h);
    return { ...entry, index: { ...index, reference: { ...index.reference, ngrams: NO_NGRAMS } } };
  }

  /** Subtracts a taken document that is not a reference after all (no-op for one already judged spun). */
  exclude(entry: { spun: boolean }, text: () => string): void {
    if (entry.spun) return;
    for (const h of ngramHashes(text())) this.totals.add(h, -1);
  }

  /** The counts, handed over: this object counts nothing more and keeps nothing. */
  release(): CountSnapshot {
    const out = this.totals.sharedSnapshot();
    this.totals = new CountTable(0);
    return out;
  }
}

function citeOriginal(log: EditLog | undefined, s: SourceSpan): SourceSpan {
  return log ? { ...s, start: log.toOriginal(s.start, 'start'), end: log.toOriginal(s.end, 'end') } : s;
}

/** Document score with cross-document evidence: each swapped unit adds independent weight. */
function combine(score: number, evidence: CrossEvidence): number {
  const cross = Math.min(0.95, 0.5 + 0.1 * evidence.units.length);
  return 1 - (1 - score) * (1 - cross);
}

/** A sentence that aligns with another document through swaps is flagged whatever its own score. */
function withCross(s: SentenceFinding, evidence: CrossEvidence | undefined): SentenceFinding {
  const hit = evidence?.units.find((u) => u.start < s.end && s.start < u.end);
  if (!hit) return s;
  return { ...s, score: Math.max(s.score, 0.9), signals: [...new Set([...s.signals, 'cross-document'])].sort() };
}

/**
 * A sentence of a cleared document stays below the verdict threshold; one that is the
 * source of a spun sentence says so.
 */
function asSource(s: SentenceFinding, clearance: CrossClearance): SentenceFinding {
  const source = clearance.units.some((u) => u.start < s.end && s.start < u.end);
  const signals = source ? [...new Set([...s.signals, 'source-of-spun'])].sort() : s.signals;
  return { ...s, score: Math.min(s.score, CLEARED_SCORE), signals };
}

function toOriginal(log: NonNullable<DocumentState['log']>, s: SentenceFinding): SentenceFinding {
  return { ...s, start: log.toOriginal(s.start, 'start'), end: log.toOriginal(s.end, 'end') };
}
