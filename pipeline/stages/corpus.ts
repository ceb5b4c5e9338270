import { mapSuggestion, type DocumentState, type Options, type SentenceFinding } from '../document.js';
import { crossDocumentEvidence, type CrossEvidence } from './crossdoc.js';
import { detectIntrinsic, type IntrinsicResult } from './detect.js';
import { findDuplicates } from './duplicates.js';
import { timed } from '../timings.js';
import { ReferenceIndex } from './reference.js';
import { restoreDocument } from './restore.js';

/**
 * Documents below this intrinsic score are not checked against the others: with
 * nothing odd about them on their own, they are the clean side of any pair.
 */
const CROSS_CHECK_FLOOR = 0.1;

/**
 * The stages that need the whole corpus, run after every document was read,
 * normalized and stripped of boilerplate:
 * 1. intrinsic detection scores each document and sentence;
 * 2. cross-document detection settles the documents intrinsic detection let pass
 *    whose sentences are synonym swaps of another document's;
 * 3. near-duplicate copies are found; the clean documents, one copy of each, become
 *    the reference index;
 * 4. each spun document is restored against the index; edits below the confidence
 *    threshold (or all, with --suggest-only) are reported as suggestions.
 * Updates each DocumentState in place.
 */
export function runCorpusStages(states: DocumentState[], options: Options): void {
  const active = states.filter((s) => s.log && s.verdict !== 'skipped');
  const intrinsic = new Map<DocumentState, IntrinsicResult>();
  for (const s of active) intrinsic.set(s, timed('detect', () => detectIntrinsic(s.log!.text)));

  const check = new Set(active.filter((s) => !intrinsic.get(s)!.spun && intrinsic.get(s)!.score >= CROSS_CHECK_FLOOR).map((s) => s.id));
  const cross = check.size
    ? timed('cross-document', () =>
        crossDocumentEvidence(
          active.map((s) => ({ id: s.id, text: s.log!.text, score: intrinsic.get(s)!.score })),
          check,
        ),
      )
    : new Map<string, CrossEvidence>();

  const spun = (s: DocumentState) => intrinsic.get(s)!.spun || cross.has(s.id);

  // Syndicated copies: reported, and only the cleanest copy of each is a reference.
  const copies = timed('duplicates', () => findDuplicates(active.map((s) => ({ id: s.id, text: s.log!.text, score: intrinsic.get(s)!.score }))));
  for (const s of active) {
    const of = copies.get(s.id);
    if (of === undefined) continue;
    s.kinds.add('duplicate');
    s.duplicateOf = of;
  }

  const index = new ReferenceIndex();
  timed('reference', () => {
    for (const s of active) {
      if (!spun(s) && !copies.has(s.id)) index.add(s.id, s.log!.text, (o, side) => s.log!.toOriginal(o, side));
    }
  });

  for (const s of active) {
    const d = intrinsic.get(s)!;
    const log = s.log!;
    const evidence = cross.get(s.id);
    s.score = evidence ? combine(d.score, evidence) : d.score;
    s.sentences = d.sentences.map((x) => toOriginal(log, withCross(x, evidence)));
    if (!spun(s)) continue;
    s.verdict = 'degraded';
    s.kinds.add('spun');
    let edits;
    try {
      edits = timed('restore', () => restoreDocument({ docId: s.id, text: log.text, index, suspects: d.words }));
    } catch (err) {
      // A failure restoring one document must not take the corpus down with it.
      s.error = `restoration failed: ${(err as Error).message}`;
      continue;
    }
    const applied = options.suggestOnly ? [] : edits.filter((e) => e.confidence >= options.minConfidence);
    const suggested = edits.filter((e) => !applied.includes(e));
    s.suggestions.push(...suggested.map((e) => mapSuggestion(log, e)));
    log.apply(applied);
  }
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

function toOriginal(log: NonNullable<DocumentState['log']>, s: SentenceFinding): SentenceFinding {
  return { ...s, start: log.toOriginal(s.start, 'start'), end: log.toOriginal(s.end, 'end') };
}
