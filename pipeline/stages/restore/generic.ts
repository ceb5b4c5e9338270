import { makeEdit, type Edit } from '../../edits.js';
import { inflect, isFunctionWord, isKnown, isNumberWord, morph, neighbours, synonyms, synsets, type Pos } from '../../lexicon/index.js';
import { isName } from '../align/facts.js';
import { FUNCTION_WORDS, type Token } from '../align/tokens.js';
import { freqTables, pairCount, pairCountFrom, pairPrefix, wordCount } from '../detect/freq.js';
import { matchInitialCase } from './casing.js';
import { firstWhere } from '../../bisect.js';
import { SpanIndex } from '../../span-index.js';
import { overlapsAny, type Restoring } from './types.js';
import { memo } from '../../memos.js';

/**
 * Generic reversal of WordNet swaps, for words of a spun document that no alignment
 * restored. A spinner replaces a word c by another member w of one of c's synsets
 * (or of a synset similar to it, for adjectives), in c's inflected form. Seeing w,
 * each candidate c is weighed against "w is the writer's own word" and against "w
 * was spun from a word we cannot name", on independent pieces of evidence:
 *
 * - about the document: how densely detection flagged it (suspicious words per
 *   content word) — an estimate of how much of it was swapped, so a lightly spun
 *   document's odd words are more often the writer's own;
 * - about the word: detection's rare-synonym (or rare-expression) strength; whether
 *   the cleaner documents of the corpus ever use w; whether w recurs in the document
 *   (writers repeat their words, a sense-blind spinner scatters its picks);
 * - about the candidate: how much more common c is in general English; how well c
 *   fits the left and the right neighbour compared with w (word-pair association in
 *   general English, pair counts in the cleaner documents); how common c is in those
 *   documents; whether the document uses c elsewhere; the rank of the shared synset
 *   among c's senses (spinners draw from a word's first senses).
 *
 * The evidence is summed in log-odds units (WEIGHTS) into a probability for each
 * option (softmax over: unchanged, spun from an unnamed word, each candidate). The
 * weights are a conditional logit fitted by `make fit-generic` (dev/eval/fit-generic.ts:
 * the decisions this scorer makes on the tune split of dev/eval/restore.ts, seeds 1–4,
 * light/medium/heavy, labelled from the spinner's changes; maximum likelihood with a
 * small L2 penalty), rounded; no word list is involved. The script prints the fit, its
 * log-likelihoods and calibration on tune and held-out; `--write` puts the fit, to 2
 * decimals, into WEIGHTS. The fitted probabilities run high on fresh documents
 * (candidates at 0.90–0.95 were the original about 80% of the time), so the edit's
 * confidence is the probability less CALIBRATION: at the default --min-confidence 0.8
 * a candidate is applied only from probability 0.9, and suggested from SUGGEST_MIN.
 *
 * Measured on `make eval` (tune and held-out, seeds 1–4, 837 applied reversals):
 * 92–94% touched a spun word and 84–85% restored its exact original.
 */

/** Log-odds weights of the evidence. */
export const WEIGHTS = {
  /** Prior log-odds of "spun from a known candidate" over "the writer's word" (before the density term). */
  bias: 1.0,
  /** Times ln(0.01 + suspicious words per content word of the document). */
  documentDensity: 2.55,
  /** Times the strength (0.3–0.95) of a rare-synonym / rare-expression finding on the word. */
  rareSynonym: 0.15,
  /** The cleaner documents never use the word. */
  unusedByReferences: 1.15,
  /** Times ln(uses of the word in this document). */
  repeatedInDocument: -0.4,
  /** Extra log-odds of "spun from a word not among the candidates". */
  unknownOriginal: 1.15,
  /** Times ln(general-English count of c / count of w). */
  frequency: 0.35,
  /** Times the log pair-association gain with the left / right neighbour (general English). */
  pairFit: 0.55,
  /** Times the log pair-count gain with the left neighbour in the cleaner documents. */
  referencePairLeft: 0.75,
  /** Same with the right neighbour. */
  referencePairRight: 1.1,
  /** Times ln(1 + uses of c in the cleaner documents) − ln(1 + uses of w there). */
  referenceUse: 0.3,
  /** Times ln(rank of the shared synset among c's senses). */
  senseRank: -0.65,
  /** Times ln(1 + uses of c elsewhere in this document). */
  usedInDocument: 1.15,
} as const;

/** Subtracted from the fitted probability to give the edit's confidence (see above). */
export const CALIBRATION = 0.1;
/** Candidates below this probability are not even suggested. */
const SUGGEST_MIN = 0.5;
/** Candidates whose shared synset is further down c's senses than this are not considered. */
const MAX_SENSE_RANK = 5;
/** Pseudo-count of the pair association (pairs seen fewer than twice are not in the table). */
const KAPPA = 2;

export interface Evidence {
  frequency: number;
  pairLeft: number;
  pairRight: number;
  referenceLeft: number;
  referenceRight: number;
  referenceUse: number;
  senseRank: number;
  usedInDocument: number;
}

export interface Reversal {
  word: string;
  /** Estimated probability that `word` is the original. */
  probability: number;
  /** Probability that the word is the writer's own (no change). */
  unchanged: number;
  evidence: Evidence;
  /** A short account of the evidence, for the report. */
  note: string;
}

/** What the scorer needs to know about the document around a word. */
export interface WordContext {
  /** Lower-case keys of the neighbouring words (undefined at the edges). */
  left?: string;
  right?: string;
  /** Strength of a rare-synonym (for an expression: rare-expression) finding on it (0 when none). */
  rareSynonym: number;
  /** Suspicious words (detection findings) per content word of the document. */
  density: number;
  /** Uses of a lower-case key in this document. */
  docCount: (key: string) => number;
  /** Count of a key or "a b" pair in the cleaner documents of the corpus. */
  refCount: (ngram: string) => number;
}

interface Candidate {
  word: string;
  /** General-English count of the word (freq.ts). */
  count: number;
  /** Hash state of "word " for pair lookups (freq.ts pairPrefix). */
  prefix: number;
  /** Rank of the shared (or similar) synset among the candidate's own senses. */
  rank: number;
}

/**
 * Single-word WordNet candidates for the original of `key`: members of the synsets of
 * each reading, and for adjectives members of similar synsets, inflected like the
 * word. Function and number words are left out (spinners swap content words).
 */
export function reversalCandidates(key: string): readonly Candidate[] {
  const hit = candidateMemo.get(key);
  if (hit) return hit;
  const out = computeCandidates(key);
  candidateMemo.set(key, out);
  return out;
}

const candidateMemo = memo<string, readonly Candidate[]>(100_000);

function computeCandidates(key: string): readonly Candidate[] {
  const byWord = new Map<string, Candidate>();
  const add = (lemma: string, pos: Pos, form: Parameters<typeof inflect>[2], rank: number) => {
    if (lemma.includes(' ') || rank > MAX_SENSE_RANK) return;
    const word = inflect(lemma, pos, form).toLowerCase();
    if (word === key || isFunctionWord(word) || isNumberWord(word) || !/^\p{L}[\p{L}'-]*$/u.test(word)) return;
    const prev = byWord.get(word);
    if (!prev) byWord.set(word, { word, count: wordCount(word), prefix: pairPrefix(word), rank });
    else if (rank < prev.rank) prev.rank = rank;
  };
  const seen = new Set<string>();
  for (const a of morph(key)) {
    const k = `${a.lemma}|${a.pos}|${a.form}`;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const s of synonyms(a.lemma, a.pos)) add(s.lemma, a.pos, a.form, s.otherRank);
    if (a.pos !== 'a') continue;
    for (const sense of synsets(a.lemma, 'a')) {
      for (const sim of neighbours(sense.synset, 'similar')) {
        for (const m of sim.words) {
          const lemma = m.toLowerCase();
          const other = synsets(lemma, 'a').find((x) => x.synset.id === sim.id);
          if (other) add(lemma, 'a', a.form, other.rank);
        }
      }
    }
  }
  return [...byWord.values()];
}

/** Log association of a pair seen `pair` times whose words are seen fa and fb times: (n + κ) / (fa·fb/N + κ). */
function pairFit(pair: number, fa: number, fb: number): number {
  return Math.log((pair + KAPPA) / ((fa * fb) / freqTables().total + KAPPA));
}

/** The word's own evidence, shared by every "spun" option (see the module comment). */
export interface WordEvidence {
  /** ln(0.01 + suspicious words per content word). */
  documentDensity: number;
  rareSynonym: number;
  /** 1 when the cleaner documents never use the word, else 0. */
  unusedByReferences: number;
  /** ln(uses of the word in this document, at least 1). */
  repeatedInDocument: number;
}

/** Everything the scorer weighs for one word: its own evidence and each candidate's. */
export interface ReversalOptions {
  word: WordEvidence;
  candidates: Array<{ candidate: Candidate; evidence: Evidence }>;
  /** General-English count of the word (for the note). */
  count: number;
  /** Uses of the word in the cleaner documents (for the note). */
  refUses: number;
}

/**
 * The evidence bestReversal weighs for `key` in its context, or undefined when
 * WordNet offers no candidate. Exposed for dev/eval/fit-generic.ts.
 */
export function reversalOptions(key: string, ctx: WordContext): ReversalOptions | undefined {
  const cands = reversalCandidates(key);
  if (cands.length === 0) return undefined;
  const { left, right } = ctx;
  const words = key.split(' ');
  const first = words[0];
  const last = words[words.length - 1];
  const fw = wordCount(key);
  const fl = left ? wordCount(left) : 0;
  const fr = right ? wordCount(right) : 0;
  const leftPrefix = left ? pairPrefix(left) : 0;
  const refW = refUses(key, ctx);
  const refLW = left ? ctx.refCount(`${left} ${first}`) : 0;
  const refRW = right ? ctx.refCount(`${last} ${right}`) : 0;
  const fitLW = left ? pairFit(pairCountFrom(leftPrefix, first), fl, wordCount(first)) : 0;
  const fitRW = right ? pairFit(pairCount(last, right), wordCount(last), fr) : 0;
  const word: WordEvidence = {
    documentDensity: Math.log(0.01 + ctx.density),
    rareSynonym: ctx.rareSynonym,
    unusedByReferences: refW === 0 ? 1 : 0,
    repeatedInDocument: Math.log(Math.max(1, ctx.docCount(key))),
  };

  const evidenceFor = (c: Candidate): Evidence => {
    const refC = ctx.refCount(c.word);
    // A word the references never use has no pair there either.
    const refLC = left && refC > 0 ? ctx.refCount(`${left} ${c.word}`) : 0;
    const refRC = right && refC > 0 ? ctx.refCount(`${c.word} ${right}`) : 0;
    return {
      frequency: Math.log((c.count + 1) / (fw + 1)),
      pairLeft: left ? pairFit(pairCountFrom(leftPrefix, c.word), fl, c.count) - fitLW : 0,
      pairRight: right ? pairFit(pairCountFrom(c.prefix, right), c.count, fr) - fitRW : 0,
      referenceLeft: left ? Math.log1p(refLC) - Math.log1p(refLW) : 0,
      referenceRight: right ? Math.log1p(refRC) - Math.log1p(refRW) : 0,
      referenceUse: Math.log1p(refC) - Math.log1p(refW),
      senseRank: Math.log(c.rank),
      usedInDocument: Math.log1p(ctx.docCount(c.word)),
    };
  };
  return { word, candidates: cands.map((c) => ({ candidate: c, evidence: evidenceFor(c) })), count: fw, refUses: refW };
}

/** The names of the weights, in the order of WEIGHTS. */
export type WeightName = keyof typeof WEIGHTS;

/**
 * The options of a decision as feature vectors over the WEIGHTS (a missing name is 0):
 * unchanged (all 0), spun from an unnamed word, then each candidate in the order of
 * `o.candidates`. Each option's log-odds is the dot product with WEIGHTS (bestReversal
 * computes the same sums term by term); dev/eval/fit-generic.ts fits WEIGHTS on these.
 */
export function reversalFeatures(o: ReversalOptions): Array<Partial<Record<WeightName, number>>> {
  const w = o.word;
  const spun = {
    bias: 1,
    documentDensity: w.documentDensity,
    rareSynonym: w.rareSynonym,
    unusedByReferences: w.unusedByReferences,
    repeatedInDocument: w.repeatedInDocument,
  };
  return [
    {},
    { ...spun, unknownOriginal: 1 },
    ...o.candidates.map(({ evidence: ev }) => ({
      ...spun,
      frequency: ev.frequency,
      pairFit: ev.pairLeft + ev.pairRight,
      referencePairLeft: ev.referenceLeft,
      referencePairRight: ev.referenceRight,
      referenceUse: ev.referenceUse,
      senseRank: ev.senseRank,
      usedInDocument: ev.usedInDocument,
    })),
  ];
}

/**
 * Weighs the candidates for the original of `key` (a word, or a multiword expression
 * with its words joined by single spaces) in its context and returns the likeliest,
 * with its probability, or undefined when WordNet offers none.
 */
export function bestReversal(key: string, ctx: WordContext): Reversal | undefined {
  const o = reversalOptions(key, ctx);
  if (!o) return undefined;
  const W = WEIGHTS;
  const w = o.word;
  const spun =
    W.bias +
    W.documentDensity * w.documentDensity +
    W.rareSynonym * w.rareSynonym +
    (w.unusedByReferences ? W.unusedByReferences : 0) +
    W.repeatedInDocument * w.repeatedInDocument;

  let best: ReversalOptions['candidates'][number] | undefined;
  let bestScore = -Infinity;
  let total = 1 + Math.exp(spun + W.unknownOriginal);
  for (const c of o.candidates) {
    const score = spun + weigh(c.evidence);
    total += Math.exp(score);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  const { candidate: b, evidence: ev } = best;
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
  const note =
    `frequency ${b.count} vs ${o.count}, pair fit ${f(ev.pairLeft)}/${f(ev.pairRight)}, ` +
    `reference pairs ${f(ev.referenceLeft)}/${f(ev.referenceRight)}, reference uses ${ctx.refCount(b.word)} vs ${o.refUses}, ` +
    `sense rank ${b.rank}, ${ctx.docCount(b.word)} other use(s) in the document`;
  return { word: b.word, probability: Math.exp(bestScore) / total, unchanged: 1 / total, evidence: ev, note };
}

/** The candidate's evidence in log-odds units. */
function weigh(ev: Evidence): number {
  const W = WEIGHTS;
  return (
    W.frequency * ev.frequency +
    W.pairFit * (ev.pairLeft + ev.pairRight) +
    W.referencePairLeft * ev.referenceLeft +
    W.referencePairRight * ev.referenceRight +
    W.referenceUse * ev.referenceUse +
    W.senseRank * ev.senseRank +
    W.usedInDocument * ev.usedInDocument
  );
}

/** Uses of a word in the cleaner documents; for an expression, at most its rarest word pair's count. */
function refUses(key: string, ctx: WordContext): number {
  const words = key.split(' ');
  if (words.length === 1) return ctx.refCount(key);
  let n = Infinity;
  for (let i = 1; i < words.length; i++) n = Math.min(n, ctx.refCount(`${words[i - 1]} ${words[i]}`));
  return n;
}

/** "a"/"an" before a word (spelling-based, with the common exceptions). */
export function indefiniteArticle(next: string): 'a' | 'an' {
  const w = next.toLowerCase();
  if (/^(uni|use|usu|uti|eu|one|once|ur[aeiou])/.test(w)) return 'a';
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** A word restoreGeneric weighs, with what it weighs (for dev/eval/fit-generic.ts). */
export interface ReversalDecision {
  docId: string;
  /** The document's text as the restore stage sees it; start/end index it. */
  text: string;
  start: number;
  end: number;
  key: string;
  /** What bestReversal is given for it. */
  context: WordContext;
  options: ReversalOptions;
}

let observer: ((d: ReversalDecision) => void) | undefined;

/**
 * Has `fn` called on every word (or expression) restoreGeneric weighs in this
 * thread, before its decision; undefined stops. Observing changes no decision.
 */
export function observeReversals(fn?: (d: ReversalDecision) => void): void {
  observer = fn;
}

/**
 * Generic reversal for the words of a spun document that no other mechanism
 * restored (see the module comment): first the rare multiword expressions detection
 * found, then single words. Offsets index `ctx.text`.
 */
export function restoreGeneric(ctx: Restoring, taken: readonly Edit[]): Edit[] {
  const tokens = ctx.tokens;
  const docCounts = new Map<string, number>();
  for (const t of tokens) docCounts.set(t.key, (docCounts.get(t.key) ?? 0) + 1);
  const phraseCounts = new Map<string, number>();
  const docCount = (k: string) => {
    if (!k.includes(' ')) return docCounts.get(k) ?? 0;
    let n = phraseCounts.get(k);
    if (n === undefined) phraseCounts.set(k, (n = phraseCount(tokens, k)));
    return n;
  };
  const refCount = (n: string) => ctx.index.count(n);
  const density = ctx.suspects.length / Math.max(1, tokens.filter(isContent).length);
  const out: Edit[] = [];
  // The edits taken and made so far, indexed: both grow with the document.
  const touched = new SpanIndex(taken);
  const covered = (s: number, e: number) => overlapsAny(touched, s, e);

  const propose = (i: number, j: number, signals: string[], rare: number) => {
    const first = tokens[i];
    const lastTok = tokens[j - 1];
    const key = tokens.slice(i, j).map((t) => t.key).join(' ');
    const wctx: WordContext = { left: tokens[i - 1]?.key, right: tokens[j]?.key, rareSynonym: rare, density, docCount, refCount };
    if (observer) {
      const options = reversalOptions(key, wctx);
      if (options) observer({ docId: ctx.docId, text: ctx.text, start: first.start, end: lastTok.end, key, context: wctx, options });
    }
    const best = bestReversal(key, wctx);
    if (!best || best.probability < SUGGEST_MIN || best.probability <= best.unchanged) return;
    let start = first.start;
    const before = ctx.text.slice(first.start, lastTok.end);
    let after = matchInitialCase(before, best.word);
    // Keep "a"/"an" in agreement with the restored word.
    const prev = tokens[i - 1];
    if (prev && (prev.key === 'a' || prev.key === 'an') && ctx.text.slice(prev.end, first.start) === ' ') {
      const need = indefiniteArticle(best.word);
      if (need !== prev.key) {
        start = prev.start;
        after = `${matchInitialCase(prev.text, need)} ${after}`;
      }
    }
    if (after === ctx.text.slice(start, lastTok.end) || covered(start, lastTok.end)) return;
    out.push(
      makeEdit(ctx.text, start, lastTok.end, after, {
        stage: 'restore',
        reason: 'wordnet-reversal',
        confidence: Math.round((best.probability - CALIBRATION) * 1000) / 1000,
        evidence:
          `"${before}"${signals.length ? ` flagged (${[...new Set(signals)].join(', ')})` : ''}; WordNet candidate "${best.word}" ` +
          `with probability ${best.probability.toFixed(2)} (unchanged ${best.unchanged.toFixed(2)}): ${best.note}`,
      }),
    );
    touched.add(out[out.length - 1]);
  };

  // Rare multiword expressions ("solar day" for "day"), as one unit.
  for (const s of ctx.suspects) {
    if (s.signal !== 'rare-expression') continue;
    const i = firstWhere(tokens, (t) => t.start >= s.start);
    let j = i;
    while (j < tokens.length && tokens[j].end <= s.end) j++;
    if (i >= tokens.length || j - i < 2 || tokens.slice(i, j).some((t) => !/^\p{L}/u.test(t.key) || isName(t))) continue;
    if (covered(tokens[i].start, tokens[j - 1].end)) continue;
    propose(i, j, [s.signal], s.strength);
  }

  let si = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (si < ctx.suspects.length && ctx.suspects[si].end <= t.start) si++;
    if (!isContent(t) || isName(t)) continue;
    if (covered(t.start, t.end)) continue;
    let rare = 0;
    const signals: string[] = [];
    let filler = false;
    for (let k = si; k < ctx.suspects.length && ctx.suspects[k].start < t.end; k++) {
      const s = ctx.suspects[k];
      if (s.end <= t.start) continue;
      if (s.signal === 'filler') filler = true;
      if (s.signal === 'rare-synonym') rare = Math.max(rare, s.strength);
      signals.push(s.signal);
    }
    if (filler || inParticleIdiom(ctx.text, tokens, i)) continue;
    propose(i, i + 1, signals, rare);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Is word i bound to a function word it touches in a WordNet idiom ("crack down",
 * "fling off", "look at", "at large")? In such a pair the verb or adjective is the
 * idiom's own word: its synonyms do not take the particle ("go down" is another
 * idiom, not what "crack down" was spun from). "to" is left out: before a verb it
 * marks the infinitive ("We take to prepare", spun from "need to prepare"), not an
 * idiom. Pairs of content words ("fiscal year") are left to the scorer.
 */
function inParticleIdiom(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const particle = (o: Token | undefined): o is Token => o !== undefined && o.key !== 'to' && FUNCTION_WORDS.has(o.key);
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (particle(prev) && text.slice(prev.end, t.start) === ' ' && isKnown(`${prev.key} ${t.key}`)) return true;
  return particle(next) && text.slice(t.end, next.start) === ' ' && isKnown(`${t.key} ${next.key}`);
}

/** A word the reversal judges: three letters or more, no digit, not a function word. */
function isContent(t: Token): boolean {
  return t.key.length >= 3 && !/\d/.test(t.key) && !FUNCTION_WORDS.has(t.key);
}

/** Occurrences of a key sequence ("solar day") among the tokens. */
function phraseCount(tokens: readonly Token[], phrase: string): number {
  const keys = phrase.split(' ');
  let n = 0;
  for (let i = 0; i + keys.length <= tokens.length; i++) {
    if (keys.every((k, j) => tokens[i + j].key === k)) n++;
  }
  return n;
}
