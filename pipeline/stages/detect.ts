/**
 * Intrinsic spin detection: judges one document on its own (no other document needed)
 * for signs of an automatic synonym spinner, and marks the suspicious words.
 *
 * Signals (pipeline/stages/detect/, one module each, each returning findings with
 * offsets and a short signal name):
 *   filler           inserted words: "has actually", "will certainly", "very first"
 *   spinner-phrase   swapped function phrases: "due to the fact that", "up until", "versus"
 *   rare-synonym     a word much rarer than a WordNet synonym of it ("utilize" for "use")
 *   collocation      neighbours that fit a synonym far better ("stream fiscal year")
 *   title-*          corrupted names: "Wall surface Road Journal", "State Division",
 *                    "the united states"
 *   rare-expression  a rare multiword WordNet expression with a common synonym
 * score.ts combines them into a document score (verdict `spun` above a threshold chosen
 * on the tune split) and sentence scores.
 */
import type { Segmentation } from './segment.js';
import { docFeatures } from './detect/features.js';
import { currentModel, documentScore, docVector, linear, sentenceScore, sentenceVector } from './detect/score.js';

export interface SentenceScore {
  start: number;
  end: number;
  /** 0..1 */
  score: number;
  signals: string[];
}

export interface WordFinding {
  start: number;
  end: number;
  signal: string;
  strength: number;
}

export interface IntrinsicResult {
  /** 0..1: document score; ≥ 0.5 exactly when `spun` (the calibrated threshold maps to 0.5). */
  score: number;
  spun: boolean;
  sentences: SentenceScore[];
  /** Suspicious words/phrases, in text order. */
  words: WordFinding[];
}

export function detectIntrinsic(text: string, seg?: Segmentation): IntrinsicResult {
  const F = docFeatures(text, seg);
  const m = currentModel();
  const docLogit = linear(m.doc, docVector(F.sentences));
  const score = documentScore(docLogit, m.threshold);
  const sents = F.doc.seg.sentences;
  const signals: Array<Set<string> | undefined> = new Array(sents.length);
  for (const f of F.findings) (signals[f.sentence] ??= new Set()).add(f.signal);
  const sentences: SentenceScore[] = sents.map((s, i) => ({
    start: s.start,
    end: s.end,
    score: sentenceScore(linear(m.sent, sentenceVector(F.sentences[i], docLogit)), score),
    signals: signals[i] ? [...signals[i]!].sort() : [],
  }));
  const words: WordFinding[] = F.findings
    .map((f) => ({ start: f.start, end: f.end, signal: f.signal, strength: f.strength }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { score, spun: score >= 0.5, sentences, words };
}
