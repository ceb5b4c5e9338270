/**
 * Runs every signal over a document once and gathers, per sentence and for the whole
 * document, the numbers the scorer (score.ts) combines.
 */
import type { Segmentation } from '../segment.js';
import { collocationFindings, contextEvidence, unseenPairs } from './collocation.js';
import { makeDoc } from './doc.js';
import { expressionFindings } from './expressions.js';
import { fillerFindings } from './filler.js';
import { judgeable, rareEvidence, rareSynonymFindings } from './rare-synonym.js';
import { profileAt } from './synonyms.js';
import { tellFindings } from './tells.js';
import { titleFindings } from './titles.js';
import type { Doc, Finding } from './types.js';

export interface SentenceFeatures {
  /** Words the rare-synonym signal judged. */
  judged: number;
  /** Σ max(0, rare − RARE_FLOOR) over the sentence's words. */
  rare: number;
  /** Σ max(0, context − CTX_FLOOR). */
  ctx: number;
  /** Σ strength of filler findings. */
  filler: number;
  /** Σ strength of spinner-phrase findings. */
  tell: number;
  /** Σ strength of rare-expression findings. */
  expr: number;
  /** Σ strength of title findings. */
  title: number;
  /** Adjacent common content-word pairs, and those never seen. */
  pairs: number;
  unseen: number;
  /** Judged words with a WordNet synonym (synonyms.ts candidates), and Σ of their log LR (negative too). */
  syn: number;
  synEvidence: number;
  /** Judged words with a synonym whose own form is unseen in the frequency table ("womanhoods"). */
  synUnseen: number;
  /**
   * Judged words without any synonym, and Σ ln(1 + count) over them: words a synonym
   * spinner cannot touch, so their rarity measures the author's own vocabulary.
   */
  plain: number;
  plainLogCount: number;
}

export interface DocFeatures {
  doc: Doc;
  sentences: SentenceFeatures[];
  findings: Finding[];
  rare: Float32Array;
  ctx: Float32Array;
}

/** Evidence below these floors (natural log) is what clean text shows every few words. */
export const RARE_FLOOR = 1.0;
export const CTX_FLOOR = 1.5;

export function docFeatures(text: string, seg?: Segmentation): DocFeatures {
  const doc = makeDoc(text, seg);
  const ns = doc.seg.sentences.length;
  const sentences: SentenceFeatures[] = new Array(ns);
  for (let s = 0; s < ns; s++) {
    sentences[s] = { judged: 0, rare: 0, ctx: 0, filler: 0, tell: 0, expr: 0, title: 0, pairs: 0, unseen: 0, syn: 0, synEvidence: 0, synUnseen: 0, plain: 0, plainLogCount: 0 };
  }
  const rare = rareEvidence(doc);
  const ctx = contextEvidence(doc);
  const words = doc.seg.words;
  for (let i = 0; i < words.length; i++) {
    if (!judgeable(doc, i)) continue;
    const f = sentences[words[i].sentence];
    f.judged++;
    if (rare[i] > RARE_FLOOR) f.rare += rare[i] - RARE_FLOOR;
    if (ctx[i] > CTX_FLOOR) f.ctx += ctx[i] - CTX_FLOOR;
    // The profile was computed by rareEvidence (kept on the word's facts): no new lookup.
    const p = profileAt(doc, i);
    const count = doc.facts[i].count;
    if (p.candidates.length > 0) {
      f.syn++;
      f.synEvidence += p.evidence;
      if (count === 0) f.synUnseen++;
    } else {
      f.plain++;
      f.plainLogCount += Math.log1p(count);
    }
  }
  const fillers = fillerFindings(doc);
  const titles = titleFindings(doc);
  const tells = tellFindings(doc);
  const exprs = expressionFindings(doc);
  for (const x of exprs) sentences[x.sentence].expr += x.strength;
  for (const x of tells) sentences[x.sentence].tell += x.strength;
  for (const x of fillers) sentences[x.sentence].filler += x.strength;
  for (const x of titles) sentences[x.sentence].title += x.strength;
  const { pairs, unseen } = unseenPairs(doc);
  for (let s = 0; s < ns; s++) {
    sentences[s].pairs = pairs[s];
    sentences[s].unseen = unseen[s];
  }
  const findings = [...fillers, ...tells, ...exprs, ...titles, ...rareSynonymFindings(doc, rare), ...collocationFindings(doc, ctx)];
  return { doc, sentences, findings, rare, ctx };
}
