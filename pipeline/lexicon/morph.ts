/**
 * Morphological analysis ("morphy"): inflected word → candidate WordNet lemmas.
 *
 * Our own implementation of WordNet's detachment-rule idea: strip a suffix, maybe add
 * an ending back, keep the result if WordNet lists it for that POS. Extends the classic
 * rule set with undoubling (stopped → stop), -ied/-ier/-iest → -y, -ves → -f/-fe and
 * -ying → -ie, since no *.exc exception files are available; irregular forms come from
 * the project's own table (irregular.ts). Multiword expressions are analysed by
 * inflecting one word ("heads of state", "kept in mind").
 */
import { irregularAnalyses, isIrregularVerb } from './irregular.js';
import { multiwordParts } from './multiword.js';
import { lexicon, normalizeLemma, type LexiconStore } from './store.js';
import type { Analysis, Form, Pos } from './types.js';
import { POSES } from './types.js';
import { memo } from '../memos.js';

type Rule = readonly [suffix: string, ending: string, forms: readonly Form[]];

const PAST: readonly Form[] = ['past', 'pastParticiple'];
const GRADES: readonly Rule[] = [
  ['er', '', ['comparative']],
  ['est', '', ['superlative']],
  ['er', 'e', ['comparative']],
  ['est', 'e', ['superlative']],
  ['ier', 'y', ['comparative']],
  ['iest', 'y', ['superlative']],
];
const RULES: Record<Pos, readonly Rule[]> = {
  n: [
    ['s', '', ['plural']],
    ['ses', 's', ['plural']],
    ['xes', 'x', ['plural']],
    ['zes', 'z', ['plural']],
    ['ches', 'ch', ['plural']],
    ['shes', 'sh', ['plural']],
    ['men', 'man', ['plural']],
    ['ies', 'y', ['plural']],
    ['ves', 'f', ['plural']],
    ['ves', 'fe', ['plural']],
    ['oes', 'o', ['plural']],
  ],
  v: [
    ['s', '', ['3sg']],
    ['ies', 'y', ['3sg']],
    ['es', 'e', ['3sg']],
    ['es', '', ['3sg']],
    ['ed', 'e', PAST],
    ['ed', '', PAST],
    ['ied', 'y', PAST],
    ['cked', 'c', PAST],
    ['ing', 'e', ['gerund']],
    ['ing', '', ['gerund']],
    ['ying', 'ie', ['gerund']],
    ['cking', 'c', ['gerund']],
  ],
  // Adjectives and adverbs grade alike (faster, fastest).
  a: GRADES,
  r: GRADES,
};

const DOUBLED = /([bdfgklmnprstvz])\1$/;
/** Minimum length of a rule-derived lemma (avoids as → a, us → u). */
const MIN_STEM = 2;

function ruleAnalyses(lx: LexiconStore, w: string, pos: Pos, out: Analysis[]): void {
  if (pos === 'n' && (w.endsWith('ss') || w.length <= 2)) return;
  for (const [suffix, ending, forms] of RULES[pos]) {
    if (!w.endsWith(suffix) || w.length === suffix.length) continue;
    const stem = w.slice(0, w.length - suffix.length);
    const candidates = [stem + ending];
    // stopped → stopp → stop, bigger → bigg → big
    if (ending === '' && /^(ed|ing|er|est)$/.test(suffix) && DOUBLED.test(stem)) candidates.push(stem.slice(0, -1));
    for (const lemma of candidates) {
      if (lemma.length < MIN_STEM || !lx.has(lemma, pos)) continue;
      // an irregular verb's past is not -ed (seed ↛ see), unless the table lists it (burned)
      if (pos === 'v' && forms === PAST && isIrregularVerb(lemma)) continue;
      for (const form of forms) out.push({ lemma, pos, form, via: 'rule' });
    }
  }
}

function singleWord(lx: LexiconStore, w: string, pos: Pos, out: Analysis[]): void {
  if (lx.has(w, pos)) out.push({ lemma: w, pos, form: 'base', via: 'lemma' });
  for (const irr of irregularAnalyses(w)) {
    if (irr.pos === pos && lx.has(irr.lemma, pos)) out.push({ ...irr, via: 'irregular' });
  }
  ruleAnalyses(lx, w, pos, out);
}

/** Analyses of one word of a multiword expression, ignoring whether it is a lemma by itself. */
function wordVariants(w: string, pos: Pos): Array<{ word: string; form: Form }> {
  const out: Array<{ word: string; form: Form }> = [];
  for (const irr of irregularAnalyses(w)) if (irr.pos === pos) out.push({ word: irr.lemma, form: irr.form });
  for (const [suffix, ending, forms] of RULES[pos]) {
    if (!w.endsWith(suffix) || w.length - suffix.length < MIN_STEM) continue;
    const stem = w.slice(0, w.length - suffix.length);
    for (const form of forms) {
      out.push({ word: stem + ending, form });
      if (ending === '' && DOUBLED.test(stem)) out.push({ word: stem.slice(0, -1), form });
    }
  }
  return out;
}

function multiWord(lx: LexiconStore, w: string, pos: Pos, out: Analysis[]): void {
  if (lx.has(w, pos)) out.push({ lemma: w, pos, form: 'base', via: 'lemma' });
  if (pos !== 'n' && pos !== 'v') return;
  const words = w.split(' ');
  if (words.length > 6) return;
  const slots = pos === 'v' ? [0] : words.map((_, i) => i);
  for (const i of slots) {
    for (const { word, form } of wordVariants(words[i], pos)) {
      const lemma = [...words.slice(0, i), word, ...words.slice(i + 1)].join(' ');
      if (lx.has(lemma, pos)) out.push({ lemma, pos, form, via: 'rule' });
    }
  }
}

const readings = memo<string, readonly Analysis[]>(200_000);
const NONE: readonly Analysis[] = Object.freeze([]);

/**
 * Could this multiword phrase be an expression, inflected in at most one word? Its
 * first word must start some multiword lemma or its last word end one (only one word
 * may differ). Alignment asks about many phrases that are none ("the measure would"):
 * they are answered without inflecting each word.
 */
function mayBeExpression(w: string): boolean {
  const { firsts, lasts } = multiwordParts();
  return firsts.has(w.slice(0, w.indexOf(' '))) || lasts.has(w.slice(w.lastIndexOf(' ') + 1));
}

/**
 * Candidate lemmas of a (possibly inflected, possibly multiword) word, with POS and form.
 * Sorted by how common the lemma is in that POS (SemCor tag counts), so the first
 * analysis is the likeliest reading; ties keep lemma-before-irregular-before-rule order.
 * Case-insensitive; returns [] for words WordNet does not know (including function words).
 */
export function morph(word: string, pos?: Pos): readonly Analysis[] {
  const w = normalizeLemma(word);
  const key = pos ? `${pos}\u0000${w}` : w;
  const hit = readings.get(key);
  if (hit) return hit;
  const lx = lexicon();
  if (w.includes(' ') && !mayBeExpression(w)) return NONE;
  const found: Analysis[] = [];
  for (const p of pos ? [pos] : POSES) {
    if (w.includes(' ')) multiWord(lx, w, p, found);
    else singleWord(lx, w, p, found);
  }
  const seen = new Set<string>();
  const unique = found.filter((a) => {
    const k = `${a.lemma}|${a.pos}|${a.form}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const weight = new Map<string, number>();
  for (const a of unique) {
    const k = `${a.lemma}|${a.pos}`;
    if (!weight.has(k)) weight.set(k, lx.tagStats(a.lemma, a.pos).tags);
  }
  const order = new Map(unique.map((a, i) => [a, i]));
  unique.sort(
    (x, y) => weight.get(`${y.lemma}|${y.pos}`)! - weight.get(`${x.lemma}|${x.pos}`)! || order.get(x)! - order.get(y)!,
  );
  const result = Object.freeze(unique.map((a) => Object.freeze(a)));
  readings.set(key, result);
  return result;
}

/** Lemmas of a word (all POS or one), most likely first, without duplicates. */
export function lemmasOf(word: string, pos?: Pos): string[] {
  return [...new Set(morph(word, pos).map((a) => a.lemma))];
}

/**
 * The inflected forms a word can be in (for `pos`, or any POS), most likely first.
 * Falls back on suffix guesses for words WordNet does not know
 * (`tweeted` → past/pastParticiple), so a replacement can still be put in the same form.
 */
export function formOf(word: string, pos?: Pos): Form[] {
  const forms = [...new Set(morph(word, pos).map((a) => a.form))];
  if (forms.length > 0) return forms;
  const w = normalizeLemma(word);
  const last = w.split(' ').pop() ?? w;
  if (pos === undefined || pos === 'v') {
    if (/..ing$/.test(last)) return ['gerund'];
    if (/..ed$/.test(last)) return ['past', 'pastParticiple'];
  }
  if ((pos === undefined || pos === 'a' || pos === 'r') && /..est$/.test(last)) return ['superlative'];
  if (/[^s'u]s$/.test(last) && last.length > 3) {
    if (pos === 'v') return ['3sg'];
    return pos === undefined ? ['plural', '3sg'] : ['plural'];
  }
  return ['base'];
}
