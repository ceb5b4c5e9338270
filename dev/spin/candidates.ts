/**
 * Replacement candidates for a lemma, the way a sense-blind thesaurus spinner sees them:
 * members of the lemma's synsets (the first sense weighted most), some direct hypernyms
 * ("president" → "head of state"), and similar-to adjectives. Cached per lemma and POS.
 */
import {
  frequency,
  isFunctionWord,
  neighbours,
  normalizeLemma,
  synsets,
  type Pos,
  type Synset,
} from '../../pipeline/lexicon/index.js';

export type CandidateKind = 'synonym' | 'hypernym' | 'similar';

export interface Candidate {
  /** Replacement lemma as WordNet writes it ("wall surface", "head of state"). */
  text: string;
  kind: CandidateKind;
  weight: number;
  /** WordNet key of the synset it came from (the hypernym's for `hypernym`). */
  synset: string;
  /** Sense rank of the source lemma's synset it was reached from. */
  rank: number;
}

/** Relative weight of a multiword replacement (spinners pick them, less often). */
const MULTIWORD = 0.35;
const HYPERNYM = 0.22;
const SIMILAR = 0.4;
const MAX_HYPERNYM_RANK = 3;

const cache = new Map<string, readonly Candidate[]>();

function usable(member: string, sourceProper: boolean): boolean {
  if (/[0-9'’.,()/]/.test(member)) return false;
  const words = member.split(' ');
  if (words.length > 3) return false;
  if (!sourceProper && /\p{Lu}/u.test(member)) return false;
  if (words.length === 1 && isFunctionWord(member)) return false;
  if (words[0] === 'the') return false;
  return true;
}

function senseWeight(rank: number): number {
  return 1 / Math.pow(rank, 1.3);
}

function memberWeight(member: string, pos: Pos): number {
  const multi = member.includes(' ');
  return Math.sqrt(frequency(member, pos) + 0.5) * (multi ? MULTIWORD : 1);
}

/** Replacement candidates for `lemma` in `pos` (excluding the lemma itself), heaviest first. */
export function lemmaCandidates(lemma: string, pos: Pos): readonly Candidate[] {
  const key = `${pos}|${lemma}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const l = normalizeLemma(lemma);
  const byText = new Map<string, Candidate>();
  const add = (text: string, kind: CandidateKind, weight: number, synset: Synset, rank: number) => {
    const k = text.toLowerCase();
    if (k === l) return;
    const cur = byText.get(k);
    if (!cur) byText.set(k, { text, kind, weight, synset: synset.key, rank });
    else {
      if (weight > cur.weight) Object.assign(cur, { kind, synset: synset.key, rank });
      cur.weight += weight;
    }
  };
  for (const sense of synsets(l, pos)) {
    const ws = senseWeight(sense.rank);
    const self = sense.synset.words.find((w) => normalizeLemma(w) === l) ?? l;
    const proper = /\p{Lu}/u.test(self);
    for (const m of sense.synset.words) {
      if (usable(m, proper)) add(m, 'synonym', ws * memberWeight(m, pos), sense.synset, sense.rank);
    }
    if ((pos === 'n' || pos === 'v') && sense.rank <= MAX_HYPERNYM_RANK) {
      for (const h of neighbours(sense.synset, 'hypernym')) {
        if (h.lexfile === 'noun.Tops') continue;
        for (const m of h.words) {
          if (usable(m, proper)) add(m, 'hypernym', ws * HYPERNYM * memberWeight(m, pos), h, sense.rank);
        }
      }
    }
    if (pos === 'a') {
      for (const s of neighbours(sense.synset, 'similar')) {
        for (const m of s.words) {
          if (usable(m, proper)) add(m, 'similar', ws * SIMILAR * memberWeight(m, pos), s, sense.rank);
        }
      }
    }
  }
  const out = Object.freeze([...byText.values()].sort((a, b) => b.weight - a.weight));
  cache.set(key, out);
  return out;
}
