/**
 * Combines the signals into a document score and sentence scores.
 *
 * Document: a linear logit over per-word rates of each signal (rare-synonym and
 * collocation evidence per judged word, filler / spinner-phrase / title / rare-expression
 * strength per 100 judged words, share of unseen content-word pairs) and three
 * vocabulary features (docVector: mean log LR of the words that have a synonym, share
 * of those whose form the frequency table never saw, and the mean log count of the
 * words WITHOUT a synonym, which a synonym spinner cannot touch). Rates are shrunk
 * toward clean-text values by pseudo-words (PRIOR_WORDS, PRIOR_FINDINGS), so a short
 * document with a few odd words stays clean.
 *
 * Sentence: a logistic model over the sentence's own evidence (sums of the same signals)
 * plus the document's logit: spinners spin whole documents, so the same odd word is more
 * telling in a document that is spun throughout. In a document judged clean, sentence
 * scores stay below 0.5 (sentenceScore).
 *
 * Weights were fitted on the `tune` split of dev/eval/corpus.ts only (its untouched
 * documents, the clean seeds, and each spun by dev/spin.ts at 0.15 and 0.35): the
 * document logit is fitted to push light-spun documents past the clean tail, then put
 * on a probability scale; the sentence weights by logistic regression. See
 * dev/eval/intrinsic.ts (`--fit`), which prints them. The document threshold is chosen
 * there too, on tune only (Model.threshold).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentenceFeatures } from './features.js';
import { findDataDir } from './freq.js';

export const DOC_FEATURES = ['rare', 'ctx', 'filler', 'tell', 'title', 'expr', 'unseen', 'synev', 'synnew', 'plain'] as const;
export const SENT_FEATURES = ['rare', 'ctx', 'filler', 'tell', 'title', 'expr', 'unseen', 'doc'] as const;

/** Pseudo-words (and pseudo-pairs for the unseen-pair share) of clean text every document starts with. */
const PRIOR_WORDS = 40;
const PRIOR_PAIRS = 20;
/**
 * Pseudo-words for the finding rates (filler, spinner-phrase, title, rare-expression):
 * findings are rare events, a few per document, so their per-word rate in a short text
 * is mostly noise; with this many pseudo-words a finding counts about as much in a short
 * document as in a long one (a count, not a rate), and two fillers in a 150-word clean
 * text are not the evidence they would be as a rate. Chosen on tune (cross-validated
 * recall at 0.15 as good as with 40 within noise).
 */
const PRIOR_FINDINGS = 400;
const PRIOR_OF = [PRIOR_WORDS, PRIOR_WORDS, PRIOR_FINDINGS, PRIOR_FINDINGS, PRIOR_FINDINGS, PRIOR_FINDINGS];
/** Per-word scale of each document feature (strength per 100 judged words for the finding counts). */
const SCALE = [1, 1, 100, 100, 100, 100];

/** The counts of SentenceFeatures summed as they are; the six signal strengths in `sums`, in DOC_FEATURES order. */
type Sums = Pick<SentenceFeatures, 'judged' | 'pairs' | 'unseen' | 'syn' | 'synEvidence' | 'synUnseen' | 'plain' | 'plainLogCount'> & {
  sums: number[];
};

function sumFeatures(sentences: readonly SentenceFeatures[]): Sums {
  const t: Sums = { judged: 0, sums: [0, 0, 0, 0, 0, 0], pairs: 0, unseen: 0, syn: 0, synEvidence: 0, synUnseen: 0, plain: 0, plainLogCount: 0 };
  const sums = t.sums;
  for (const s of sentences) {
    t.judged += s.judged;
    sums[0] += s.rare;
    sums[1] += s.ctx;
    sums[2] += s.filler;
    sums[3] += s.tell;
    sums[4] += s.title;
    sums[5] += s.expr;
    t.pairs += s.pairs;
    t.unseen += s.unseen;
    t.syn += s.syn;
    t.synEvidence += s.synEvidence;
    t.synUnseen += s.synUnseen;
    t.plain += s.plain;
    t.plainLogCount += s.plainLogCount;
  }
  return t;
}

/** (sum + k·prior) / (n + k): a rate shrunk toward its clean-text value by k pseudo-observations. */
const shrunk = (sum: number, n: number, k: number, prior: number): number => (sum + k * prior) / (n + k);

/**
 * Document features, each shrunk toward its clean-text value `prior` (the model's, by
 * default), so a short document with a few odd words stays near clean:
 *   rare, ctx    per-judged-word rates of evidence (PRIOR_WORDS pseudo-words);
 *   filler … expr  strength per 100 judged words of each signal's findings (PRIOR_FINDINGS);
 *   unseen       share of unseen content-word pairs (PRIOR_PAIRS pseudo-pairs);
 *   synev        mean log LR (synonyms.ts) over the judged words that have a synonym,
 *                negative values included: a spinner moves the whole distribution;
 *   synnew       share of judged words that have a synonym but whose own form the
 *                frequency table never saw (spinners inflect rare lemmas: "womanhoods");
 *   plain        mean ln(1 + count) of the judged words WITHOUT a synonym, which a
 *                synonym spinner cannot touch: the author's own vocabulary level, so the
 *                model can tell a rare-worded clean text from a spun plain one.
 */
export function docVector(sentences: readonly SentenceFeatures[], prior: readonly number[] = currentModel().prior): number[] {
  return featureTerms(sentences).map(([sum, n, k], j) => shrunk(sum, n, k, prior[j]));
}

/** The same features without shrinkage (prior 0): what the fit measures clean rates from. */
export function rawDocVector(sentences: readonly SentenceFeatures[]): number[] {
  return featureTerms(sentences).map(([sum, n]) => (n ? sum / n : 0));
}

/** Each document feature as [sum, observations, pseudo-observations], in DOC_FEATURES order. */
function featureTerms(sentences: readonly SentenceFeatures[]): Array<[number, number, number]> {
  const t = sumFeatures(sentences);
  return [
    ...t.sums.map((x, j): [number, number, number] => [x * SCALE[j], t.judged, PRIOR_OF[j]]),
    [t.unseen, t.pairs, PRIOR_PAIRS],
    [t.synEvidence, t.syn, PRIOR_WORDS],
    [t.synUnseen, t.judged, PRIOR_WORDS],
    [t.plainLogCount, t.plain, PRIOR_PAIRS],
  ];
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
   * tune documents' highest logit plus one clean standard deviation, at least the clean
   * mean + 3.5 sd (dev/eval/intrinsic.ts --fit prints them and writes data/detect/model.json).
   */
  threshold: number;
}

/** Used only if data/detect/model.json is missing. */
const FALLBACK: Model = {
  prior: [0.19, 0.015, 0.005, 0.016, 0.005, 0.018, 0.73, -0.34, 0.023, 3.13],
  doc: [1.1, 20, 8.7, 13, 7.7, 5.6, 1.7, 0.68, 12, 0.7, -5.6],
  sent: [0.17, 0.37, 3.4, 6.1, 0.89, 1.7, 0.13, 0.5, -1.4],
  threshold: 0.58,
};

let model: Model | undefined;

/** The fitted model (data/detect/model.json, written by `npx tsx dev/eval/intrinsic.ts --fit`). */
export function currentModel(): Model {
  if (model) return model;
  const file = join(findDataDir(), 'model.json');
  const read = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Model>) : {};
  // A model fitted for another feature set (an older model.json) is not used.
  const fits = read.doc?.length === DOC_FEATURES.length + 1 && read.prior?.length === DOC_FEATURES.length && read.sent?.length === SENT_FEATURES.length + 1;
  model = fits && read.threshold !== undefined ? (read as Model) : FALLBACK;
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
