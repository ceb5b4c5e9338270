/**
 * Scores a pipeline report against the truth of a detection or a restoration set,
 * separately for the tune and the held-out split.
 */
import type { Split } from './corpus.js';
import {
  applyReplacements,
  changedWords,
  confusion,
  editQuality,
  flaggedSentences,
  prf,
  ratio,
  sentenceErrors,
  tallyErrors,
  type Confusion,
  type EditQuality,
  type ErrorTally,
  type PRF,
  type Replacement,
  type SentenceErrors,
} from './metrics.js';
import { appliedEdits, flaggedSpun, indexReport, type PipelineReport } from './report.js';
import { SPLITS, spunToOriginalPairs, type DetectionTruth, type LocatedChange, type RestoreTruth } from './sets.js';
import { wordCount, type Span } from './text.js';

export interface CleanEditStats {
  docs: number;
  words: number;
  docsWithEdits: number;
  edits: number;
  /** Word changes the pipeline made in clean documents (all false). */
  changedWords: number;
  changedWordsPer1k: number | null;
  /** Word changes by stage (boilerplate removal on a seed may be right; restore-stage changes never are). */
  byStage: Record<string, number>;
  /** Word changes of the restore stage per 1000 words. */
  restoreChangedWordsPer1k: number | null;
}

export interface ReportHygiene {
  /** Files of the set that the report does not list. */
  missing: number;
  suggestions: number;
  invalidEdits: number;
  overlappingEdits: number;
}

export interface DetectionScore {
  documents: Confusion;
  bySource: Record<string, Confusion>;
  /** Over all sentences of all documents (clean documents' sentences are negatives). */
  sentences: PRF & { n: number; positives: number };
  /** Over the sentences of the spun documents only. */
  sentencesInSpun: PRF & { n: number };
  clean: CleanEditStats;
  /** The pipeline's applied edits on the spun documents. */
  spunEdits: EditQuality;
  /** Word errors against the originals, summed over the spun documents' sentences. */
  spunErrors: ErrorTally;
  hygiene: ReportHygiene;
}

export interface RestoreScore {
  clusters: number;
  sourced: ErrorTally;
  unsourced: ErrorTally;
  all: ErrorTally;
  edits: EditQuality;
  /** Spun articles the pipeline called spun. */
  spunFlagged: number | null;
  references: CleanEditStats & { flaggedSpun: number };
  hygiene: ReportHygiene;
}

const emptyHygiene = (): ReportHygiene => ({ missing: 0, suggestions: 0, invalidEdits: 0, overlappingEdits: 0 });

function cleanStats(): CleanEditStats {
  return {
    docs: 0,
    words: 0,
    docsWithEdits: 0,
    edits: 0,
    changedWords: 0,
    changedWordsPer1k: null,
    byStage: {},
    restoreChangedWordsPer1k: null,
  };
}

function addClean(st: CleanEditStats, text: string, edits: ReadonlyArray<Replacement & { stage: string }>): void {
  st.docs++;
  st.words += wordCount(text);
  if (edits.length > 0) st.docsWithEdits++;
  st.edits += edits.length;
  for (const e of edits) {
    const n = changedWords(text, [e]);
    st.changedWords += n;
    st.byStage[e.stage] = (st.byStage[e.stage] ?? 0) + n;
  }
  st.changedWordsPer1k = st.words === 0 ? null : (1000 * st.changedWords) / st.words;
  st.restoreChangedWordsPer1k = st.words === 0 ? null : (1000 * (st.byStage.restore ?? 0)) / st.words;
}

function sumQuality(qs: readonly EditQuality[]): EditQuality {
  const t = { edits: 0, editedUnits: 0, justifiedUnits: 0, wrongUnits: 0, touchedWrongUnits: 0, helpful: 0, neutral: 0, harmful: 0 };
  for (const q of qs) for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += q[k];
  return { ...t, precision: ratio(t.justifiedUnits, t.editedUnits), recall: ratio(t.touchedWrongUnits, t.wrongUnits) };
}

function addHygiene(h: ReportHygiene, a: ReturnType<typeof appliedEdits>, present: boolean): void {
  if (!present) h.missing++;
  h.suggestions += a.suggestions;
  h.invalidEdits += a.invalid;
  h.overlappingEdits += a.overlapping;
}

/** Sentence-level word errors of a spun document before/after the pipeline's edits. */
function docSentenceErrors(
  original: string,
  spun: string,
  changes: readonly LocatedChange[],
  edits: readonly Replacement[],
  sentences: readonly Span[],
): SentenceErrors[] {
  const spinPairs = spunToOriginalPairs(changes);
  const { text: restored, pairs: editPairs } = applyReplacements(spun, edits);
  return sentences.map((s) => sentenceErrors(original, spun, restored, spinPairs, editPairs, s));
}

export function scoreDetection(
  truth: DetectionTruth,
  report: PipelineReport,
  texts: ReadonlyMap<string, string>,
  threshold = 0.5,
): Record<Split, DetectionScore> {
  const find = indexReport(report);
  const out = {} as Record<Split, DetectionScore>;
  for (const split of SPLITS) {
    const docs = truth.documents.filter((d) => d.split === split);
    const docPairs: Array<{ truth: boolean; predicted: boolean; source: string }> = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let n = 0;
    let positives = 0;
    let stp = 0;
    let sfp = 0;
    let sfn = 0;
    let sn = 0;
    const clean = cleanStats();
    const qualities: EditQuality[] = [];
    const errors: SentenceErrors[] = [];
    const hygiene = emptyHygiene();
    for (const d of docs) {
      const text = texts.get(d.file);
      if (text === undefined) throw new Error(`no text for ${d.file}`);
      const rd = find(d.file);
      const applied = appliedEdits(rd, text);
      addHygiene(hygiene, applied, rd !== undefined);
      docPairs.push({ truth: d.spun, predicted: flaggedSpun(rd), source: d.source });

      const flagged = flaggedSentences(d.sentences, rd?.sentences ?? [], threshold);
      d.sentences.forEach((s, i) => {
        n++;
        if (s.changed) positives++;
        if (s.changed && flagged[i]) tp++;
        else if (!s.changed && flagged[i]) fp++;
        else if (s.changed) fn++;
        if (d.spun) {
          sn++;
          if (s.changed && flagged[i]) stp++;
          else if (!s.changed && flagged[i]) sfp++;
          else if (s.changed) sfn++;
        }
      });

      if (!d.spun) addClean(clean, text, applied.edits);
      else {
        const original = d.original ?? '';
        qualities.push(editQuality(original, text, spunToOriginalPairs(d.changes), applied.edits));
        errors.push(...docSentenceErrors(original, text, d.changes, applied.edits, d.sentences));
      }
    }
    const bySource: Record<string, Confusion> = {};
    for (const src of [...new Set(docPairs.map((p) => p.source))].sort()) {
      bySource[src] = confusion(docPairs.filter((p) => p.source === src));
    }
    out[split] = {
      documents: confusion(docPairs),
      bySource,
      sentences: { ...prf(tp, fp, fn), n, positives },
      sentencesInSpun: { ...prf(stp, sfp, sfn), n: sn },
      clean,
      spunEdits: sumQuality(qualities),
      spunErrors: tallyErrors(errors),
      hygiene,
    };
  }
  return out;
}

export function scoreRestore(
  truth: RestoreTruth,
  report: PipelineReport,
  texts: ReadonlyMap<string, string>,
): Record<Split, RestoreScore> {
  const find = indexReport(report);
  const out = {} as Record<Split, RestoreScore>;
  for (const split of SPLITS) {
    const clusters = truth.clusters.filter((c) => c.split === split);
    const sourced: SentenceErrors[] = [];
    const unsourced: SentenceErrors[] = [];
    const qualities: EditQuality[] = [];
    const hygiene = emptyHygiene();
    let flagged = 0;
    for (const c of clusters) {
      const text = texts.get(c.file);
      if (text === undefined) throw new Error(`no text for ${c.file}`);
      const rd = find(c.file);
      const applied = appliedEdits(rd, text);
      addHygiene(hygiene, applied, rd !== undefined);
      if (flaggedSpun(rd)) flagged++;
      qualities.push(editQuality(c.original, text, spunToOriginalPairs(c.changes), applied.edits));
      const errs = docSentenceErrors(c.original, text, c.changes, applied.edits, c.sentences);
      c.sentences.forEach((s, i) => (s.sourced ? sourced : unsourced).push(errs[i]));
    }
    const refs = { ...cleanStats(), flaggedSpun: 0 };
    for (const r of truth.references.filter((x) => x.split === split)) {
      const text = texts.get(r.file);
      if (text === undefined) throw new Error(`no text for ${r.file}`);
      const rd = find(r.file);
      const applied = appliedEdits(rd, text);
      addHygiene(hygiene, applied, rd !== undefined);
      if (flaggedSpun(rd)) refs.flaggedSpun++;
      addClean(refs, text, applied.edits);
    }
    out[split] = {
      clusters: clusters.length,
      sourced: tallyErrors(sourced),
      unsourced: tallyErrors(unsourced),
      all: tallyErrors([...sourced, ...unsourced]),
      edits: sumQuality(qualities),
      spunFlagged: ratio(flagged, clusters.length),
      references: refs,
      hygiene,
    };
  }
  return out;
}
