/**
 * Per word form, once per process: could this word be a spinner's replacement of a
 * more common WordNet synonym? Wraps the lexicon (pipeline/lexicon) and the frequency
 * tables (freq.ts); results are memoised by lower-case form.
 *
 * Model. A spinner starting from a canonical word c picks one of c's synsets (its
 * frequent senses mostly) and writes another member w of it, in c's inflected form.
 * Seeing w, the evidence that it was spun is the likelihood ratio
 *
 *     LR(w) = Σ_c f(c) · P(S | c) · P(w | S)  /  f(w)
 *
 * over synonyms c sharing a synset S with w, where f is the general-English count of
 * the inflected form (freq.ts, + SemCor tag counts as a back-off), P(S | c) decreases
 * with S's sense rank for c, and P(w | S) = 1/(|S|−1). A word whose clean use is
 * common (f(w) large) gets a low ratio whatever its synonyms.
 */
import { inflect, isFunctionWord, morph, synsets, type Pos, type Sense } from '../../lexicon/index.js';
import { lexicon } from '../../lexicon/store.js';
import { freqTables, pairPrefix } from './freq.js';
import type { Doc } from './types.js';
import { memo } from '../../memos.js';

export interface Candidate {
  /** The canonical word, inflected like the observed word, lower case. */
  word: string;
  /** f(c)·P(S|c)·P(w|S): its share of the numerator. */
  weight: number;
  pos: Pos;
  /** First and last word of `word` (the same for a single word) and their counts. */
  first: string;
  last: string;
  fFirst: number;
  fLast: number;
  /** Hash state of "last " for pair lookups (freq.ts pairPrefix). */
  lastPrefix: number;
}

export interface Profile {
  /** log LR (natural log); 0 when the word has no synonym or is not a content word. */
  evidence: number;
  /** Count of the form itself (smoothed). */
  fw: number;
  /** Best candidates, heaviest first (at most MAX_CANDIDATES). */
  candidates: Candidate[];
  /** collocation.ts's packed copy of the first candidates, filled on first use. */
  packed?: Float64Array;
}

const NONE: Profile = Object.freeze({ evidence: 0, fw: 0, candidates: Object.freeze([]) as unknown as Candidate[] });
const MAX_CANDIDATES = 10;
/** Added to every count (a form seen once or never still has some probability). */
const SMOOTH = 1;
/** P(S | c) by the sense rank of S for c (rank 1 = c's most frequent sense). */
export function senseWeight(rank: number): number {
  return rank <= 1 ? 1 : rank === 2 ? 0.5 : rank === 3 ? 0.3 : 0.15 / (rank - 3);
}

const MEMO_MAX = 300_000;
const profiles = memo<string, Profile>(MEMO_MAX);

/** Count of a lower-case form (single or multiword) with SemCor back-off. */
export function formCount(form: string): number {
  return freqTables().count.get(form) ?? 0;
}

/** The profile of word i of a document, kept on the word's facts after the first look. */
export function profileAt(doc: Doc, i: number): Profile {
  const f = doc.facts[i];
  return (f.profile ??= profile(f.lower));
}

export function profile(lowerWord: string): Profile {
  const hit = profiles.get(lowerWord);
  if (hit) return hit;
  const p = compute(lowerWord);
  profiles.set(lowerWord, p);
  return p;
}

function compute(w: string): Profile {
  if (w.length < 3 || isFunctionWord(w) || /\d/.test(w)) return NONE;
  const analyses = morph(w);
  if (analyses.length === 0) return NONE;
  const fw = formCount(w) + SMOOTH;
  const byWord = new Map<string, Candidate>();
  const seen = new Set<string>();
  const lx = lexicon();
  for (const a of analyses) {
    const key = `${a.lemma}|${a.pos}|${a.form}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const sense of sensesOf(a.lemma, a.pos)) {
      const members = lx.memberLemmas(sense.synset.id);
      if (members.length < 2) continue;
      const pw = 1 / (members.length - 1);
      for (const lemma of members) {
        if (lemma === a.lemma) continue;
        const other = lx.senseOf(lemma, a.pos, sense.synset.id);
        if (!other) continue;
        const c = inflect(lemma, a.pos, a.form).toLowerCase();
        if (c === w) continue;
        const weight = (formCount(c) + other.tagCount) * senseWeight(other.rank) * pw;
        if (weight <= 0) continue;
        const prev = byWord.get(c);
        if (prev) prev.weight += weight;
        else {
          const sp = c.indexOf(' ');
          const first = sp < 0 ? c : c.slice(0, sp);
          const last = sp < 0 ? c : c.slice(c.lastIndexOf(' ') + 1);
          byWord.set(c, { word: c, weight, pos: a.pos, first, last, fFirst: formCount(first), fLast: formCount(last), lastPrefix: pairPrefix(last) });
        }
      }
    }
  }
  if (byWord.size === 0) return NONE;
  const candidates = [...byWord.values()].sort((x, y) => y.weight - x.weight);
  let num = 0;
  for (const c of candidates) num += c.weight;
  return { evidence: Math.log(num / fw), fw, candidates: candidates.slice(0, MAX_CANDIDATES), packed: undefined };
}

const senseMemo = memo<string, Sense[]>(MEMO_MAX);

/** Senses of a lemma in one POS (memoised wrapper of the lexicon's `synsets`). */
export function sensesOf(lemma: string, pos: Pos): Sense[] {
  const key = `${pos}${lemma}`;
  let s = senseMemo.get(key);
  if (!s) {
    s = synsets(lemma, pos);
    senseMemo.set(key, s);
  }
  return s;
}
