import { mapSuggestion, type DocumentState, type Options } from '../document.js';
import { detectIntrinsic, type IntrinsicResult } from './detect.js';
import { ReferenceIndex } from './reference.js';
import { restoreDocument } from './restore.js';

/**
 * The stages that need the whole corpus, run after every document was read,
 * normalized and stripped of boilerplate:
 * 1. detection scores each document and sentence for spinning;
 * 2. the documents judged clean become the reference index;
 * 3. each spun document is restored against the index; edits below the confidence
 *    threshold (or all, with --suggest-only) are reported as suggestions.
 * Updates each DocumentState in place.
 */
export function runCorpusStages(states: DocumentState[], options: Options): void {
  const active = states.filter((s) => s.log && s.verdict !== 'skipped');
  const detections = new Map<DocumentState, IntrinsicResult>();
  for (const s of active) detections.set(s, detectIntrinsic(s.log!.text));

  const index = new ReferenceIndex();
  for (const s of active) if (!detections.get(s)!.spun) index.add(s.id, s.log!.text);

  for (const s of active) {
    const d = detections.get(s)!;
    const log = s.log!;
    s.score = d.score;
    s.sentences = d.sentences.map((x) => ({
      start: log.toOriginal(x.start, 'start'),
      end: log.toOriginal(x.end, 'end'),
      score: x.score,
      signals: x.signals,
    }));
    if (!d.spun) continue;
    s.verdict = 'degraded';
    s.kinds.add('spun');
    let edits;
    try {
      edits = restoreDocument({ docId: s.id, text: log.text, index, suspects: d.words });
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
