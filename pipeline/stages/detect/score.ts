/**
 * Combines the signals into a document score and sentence scores.
 *
 * Document: a logistic model over per-word rates of each signal (rare-synonym and
 * collocation evidence per judged word, filler / spinner-phrase / title / rare-expression
 * strength per 100 judged words, share of unseen content-word pairs). Rates are shrunk
 * toward clean-text values by PRIOR_WORDS pseudo-words, so a short document with a few
 * odd words stays clean.
 *
 * Sentence: a logistic model over the sentence's own evidence (sums of the same signals)
 * plus the document's logit: spinners spin whole documents, so the same odd word is more
 * telling in a document that is spun throughout. In a document judged clean, sentence
 * scores stay below 0.5 (sentenceScore).
 *
 * Weights were fitted by logistic regression on the `tune` split of dev/eval/corpus.ts
 * spun by dev/spin.ts at rates 0.15/0.35/0.60 (plus the untouched tune documents and
 * the clean seeds); see dev/eval/intrinsic.ts (`--fit`), which prints them. The
 * document threshold is chosen there too, on tune only (see DOC_THRESHOLD).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentenceFeatures } from './features.js';
import { findDataDir } from './freq.js';

export const DOC_FEATURES = ['rare', 'ctx', 'filler', 'tell', 'title', 'expr', 'unseen'] as const;
export const SENT_FEATURES = ['rare', 'ctx', 'filler', 'tell', 'title', 'expr', 'unseen', 'doc'] as const;

/** Pseudo-words (and pseudo-pairs for the unseen-pair share) of clean text every document starts with. */
const PRIOR_WORDS = 40;
const PRIOR_PAIRS = 20;
/** Per-word scale of each document feature (strength per 100 judged words for the finding counts). */
const SCALE = [1, 1, 100, 100, 100, 100];


/**
 * Document features: per-judged-word rates of each signal, shrunk toward the clean-text
 * rates `prior` (the model's, by default) by PRIOR_WORDS pseudo-words, so a short
 * document with a few odd words stays near clean; the last feature is the share of
 * unseen content-word pairs, shrunk the same way.
 */
/** Sentence features summed over a document. */
function sumFeatures(sentences: readonly SentenceFeatures[]): { judged: number; sums: number[]; pairs: number; unseen: number } {
  let judged = 0;
  const sums = [0, 0, 0, 0, 0, 0];
  let pairs = 0;
  let unseen = 0;
  for (const s of sentences) {
    judged += s.judged;
    sums[0] += s.rare;
    sums[1] += s.ctx;
    sums[2] += s.filler;
    sums[3] += s.tell;
    sums[4] += s.title;
    sums[5] += s.expr;
    pairs += s.pairs;
    unseen += s.unseen;
  }
  return { judged, sums, pairs, unseen };
}

export function docVector(sentences: readonly SentenceFeatures[], prior: readonly number[] = currentModel().prior): number[] {
  const { judged, sums, pairs, unseen } = sumFeatures(sentences);
  const d = judged + PRIOR_WORDS;
  const out = sums.map((x, j) => (x * SCALE[j] + PRIOR_WORDS * prior[j]) / d);
  out.push((unseen + PRIOR_PAIRS * prior[6]) / (pairs + PRIOR_PAIRS));
  return out;
}

/** The same features without shrinkage (prior 0): what the fit measures clean rates from. */
export function rawDocVector(sentences: readonly SentenceFeatures[]): number[] {
  const { judged, sums, pairs, unseen } = sumFeatures(sentences);
  const out = sums.map((x, j) => (judged ? (x * SCALE[j]) / judged : 0));
  out.push(pairs ? unseen / pairs : 0);
  return out;
}

export function sentenceVector(s: SentenceFeatures, docLogit: number): number[] {
  return [s.rare, s.ctx, s.filler, s.tell, s.title, s.expr, s.unseen, docLogit];
}

export interface Model {
  /** Clean-text value of each document feature (mean over clean tune documents), bias excluded. */
  prior: number[];
  /** Document weights, bias last. */
  doc: number[];
  /** Sentence weights, bias last. */
  sent: number[];
  /**
   * Document verdict threshold on σ(logit). Chosen on the tune split only: the clean
   * tune documents' highest logit plus a margin (dev/eval/intrinsic.ts --fit prints
   * both and writes them to data/detect/model.json).
   */
  threshold: number;
}

/** Used only if data/detect/model.json is missing. */
const FALLBACK: Model = {
  prior: [0.15, 0.02, 0, 0.02, 0, 0.05, 0.65],
  doc: [2, 50, 4, 7.5, 5, 3, 0.5, -5.6],
  sent: [0.17, 0.33, 3.4, 5.6, 0.8, 1.7, 0.14, 0.46, -0.5],
  threshold: 0.2,
};

let model: Model | undefined;

/** The fitted model (data/detect/model.json, written by `npx tsx dev/eval/intrinsic.ts --fit`). */
export function currentModel(): Model {
  if (model) return model;
  const file = join(findDataDir(), 'model.json');
  const read = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Model>) : {};
  model = read.doc && read.sent && read.prior && read.threshold !== undefined ? (read as Model) : FALLBACK;
  return model;
}

/** For the fitting script: replace the model in this process. */
export function setModel(m: Model): void {
  model = m;
}

export function linear(w: readonly number[], x: readonly number[]): number {
  let z = w[w.length - 1];
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Document score: σ(logit − logit(threshold)), so that spun ⇔ score ≥ 0.5. */
export function documentScore(docLogit: number, threshold: number): number {
  return sigmoid(docLogit - Math.log(threshold / (1 - threshold)));
}

/**
 * Final sentence score. In a document judged clean (docScore < 0.5) no sentence
 * reaches 0.5: its score is capped at the document's score, so a clean document with
 * an odd phrase keeps every sentence below the flagging line.
 */
export function sentenceScore(sentenceLogit: number, docScore: number): number {
  const s = sigmoid(sentenceLogit);
  return docScore >= 0.5 ? s : Math.min(s, docScore);
}
