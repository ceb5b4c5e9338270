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

/** Clean-text values the document rates are shrunk toward, and how strongly. */
const PRIOR_WORDS = 40;
const PRIOR: Record<(typeof DOC_FEATURES)[number], number> = {
  rare: 0.15,
  ctx: 0.07,
  filler: 0,
  tell: 0.01,
  title: 0,
  expr: 0.08,
  unseen: 0.65,
};
/** Pairs of pseudo-count for the unseen-pair share. */
const PRIOR_PAIRS = 20;

export function docVector(sentences: readonly SentenceFeatures[]): number[] {
  let judged = 0;
  let rare = 0;
  let ctx = 0;
  let filler = 0;
  let tell = 0;
  let title = 0;
  let expr = 0;
  let pairs = 0;
  let unseen = 0;
  for (const s of sentences) {
    judged += s.judged;
    rare += s.rare;
    ctx += s.ctx;
    filler += s.filler;
    tell += s.tell;
    title += s.title;
    expr += s.expr;
    pairs += s.pairs;
    unseen += s.unseen;
  }
  const d = judged + PRIOR_WORDS;
  return [
    (rare + PRIOR_WORDS * PRIOR.rare) / d,
    (ctx + PRIOR_WORDS * PRIOR.ctx) / d,
    (100 * filler) / d,
    (100 * (tell + (PRIOR_WORDS * PRIOR.tell) / 100)) / d,
    (100 * title) / d,
    (100 * (expr + (PRIOR_WORDS * PRIOR.expr) / 100)) / d,
    (unseen + PRIOR_PAIRS * PRIOR.unseen) / (pairs + PRIOR_PAIRS),
  ];
}

export function sentenceVector(s: SentenceFeatures, docLogit: number): number[] {
  return [s.rare, s.ctx, s.filler, s.tell, s.title, s.expr, s.unseen, docLogit];
}

export interface Model {
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
const FALLBACK: Model = { doc: [14, 20, 2.7, 5.5, 1.7, 2, 2.3, -8], sent: [0.5, 0.5, 2, 2, 2, 1, 0.2, 0.8, 0], threshold: 0.5 };

let model: Model | undefined;

/** The fitted model (data/detect/model.json, written by `npx tsx dev/eval/intrinsic.ts --fit`). */
export function currentModel(): Model {
  if (model) return model;
  const file = join(findDataDir(), 'model.json');
  model = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Model) : FALLBACK;
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
