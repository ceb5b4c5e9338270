/**
 * Looser lexical relations between two expressions, beyond shared synsets.
 *
 * Commercial spinners draw on thesauri broader than WordNet synsets: in WordNet 3.1
 * "said"/"claimed" share no synset, but "department"→"division", "president"→"head of
 * state", "deportation"→"expulsion", "palace"→"residence" are hypernym steps, and
 * "secretary"→"assistant" is the head of the synonym "secretarial assistant". `relations`
 * reports every such link so detection/restoration can score candidate pairs.
 */
import { morph } from './morph.js';
import { lexicon, normalizeLemma, type LexiconStore } from './store.js';
import type { Pos, Sense, Synset } from './types.js';
import { memo } from '../memos.js';

/** Relation kinds, strongest first. */
export const RELATION_KINDS = ['synonym', 'similar', 'hypernym', 'hyponym', 'sister', 'bridge', 'head'] as const;
/**
 * - `synonym`: A and B share a synset.
 * - `similar`: adjective synsets linked by similar-to (or satellites of one head).
 * - `hypernym`: a synset of B is a direct hypernym of a synset of A (B is broader).
 * - `hyponym`: the reverse (B is narrower).
 * - `sister`: a synset of A and one of B share a direct hypernym (not a noun.Tops one).
 * - `bridge`: a third word is a synonym of both (department ~ section ~ division).
 * - `head`: B is the head word of a multiword synonym of A, or vice versa
 *   (secretary ~ "secretarial assistant" ~ assistant).
 */
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface WordRelation {
  kind: RelationKind;
  pos: Pos;
  lemmaA: string;
  lemmaB: string;
  synsetA: Synset;
  synsetB: Synset;
  /** Sense ranks (1-based) of synsetA among A's senses and synsetB among B's senses. */
  rankA: number;
  rankB: number;
  /** Bridge word, or the multiword synonym for `head`, or the shared hypernym's first word for `sister`. */
  via?: string;
}

const KIND_ORDER = new Map<RelationKind, number>(RELATION_KINDS.map((k, i) => [k, i]));

function hypernymIds(lx: LexiconStore, s: Synset): number[] {
  return lx.pointers(s.id, ['@', 'i']).map((h) => h.id);
}

function similarIds(lx: LexiconStore, s: Synset): number[] {
  return lx.pointers(s.id, ['&']).map((h) => h.id);
}

function relate(lx: LexiconStore, pos: Pos, A: Sense[], B: Sense[], out: WordRelation[]): void {
  const best = new Map<RelationKind, WordRelation>();
  const offer = (r: WordRelation) => {
    const cur = best.get(r.kind);
    if (!cur || r.rankA + r.rankB < cur.rankA + cur.rankB) best.set(r.kind, r);
  };
  const lemmaA = A[0].lemma;
  const lemmaB = B[0].lemma;
  const make = (kind: RelationKind, a: Sense, b: Sense, via?: string): WordRelation => ({
    kind, pos, lemmaA, lemmaB, synsetA: a.synset, synsetB: b.synset, rankA: a.rank, rankB: b.rank, via,
  });
  const bById = new Map(B.map((s) => [s.synset.id, s]));
  const bHyper = new Map<number, Sense>();
  for (const b of B) for (const h of hypernymIds(lx, b.synset)) if (!bHyper.has(h)) bHyper.set(h, b);
  const bWords = new Map<string, Sense>();
  for (const b of B) for (const w of b.synset.words) {
    const l = normalizeLemma(w);
    if (l !== lemmaA && l !== lemmaB && !bWords.has(l)) bWords.set(l, b);
  }

  for (const a of A) {
    const shared = bById.get(a.synset.id);
    if (shared) offer(make('synonym', a, shared));
    const aHyper = hypernymIds(lx, a.synset);
    for (const h of aHyper) {
      const b = bById.get(h);
      if (b) offer(make('hypernym', a, b));
      const sib = bHyper.get(h);
      if (sib && sib.synset.id !== a.synset.id && lx.synset(h).lexfile !== 'noun.Tops') {
        offer(make('sister', a, sib, lx.synset(h).words[0]));
      }
    }
    for (const b of B) {
      if (hypernymIds(lx, b.synset).includes(a.synset.id)) offer(make('hyponym', a, b));
    }
    if (pos === 'a') {
      const aSim = similarIds(lx, a.synset);
      for (const b of B) {
        const bSim = similarIds(lx, b.synset);
        if (aSim.includes(b.synset.id) || bSim.includes(a.synset.id) || aSim.some((x) => bSim.includes(x))) {
          if (a.synset.id !== b.synset.id) offer(make('similar', a, b));
        }
      }
    }
    for (const w of a.synset.words) {
      const l = normalizeLemma(w);
      const b = bWords.get(l);
      if (b && b.synset.id !== a.synset.id) offer(make('bridge', a, b, w));
      const parts = l.split(' ');
      if (parts.length > 1 && (parts[parts.length - 1] === lemmaB || parts[0] === lemmaB)) {
        offer(make('head', a, B[0], w));
      }
    }
  }
  for (const b of B) {
    for (const w of b.synset.words) {
      const parts = normalizeLemma(w).split(' ');
      if (parts.length > 1 && (parts[parts.length - 1] === lemmaA || parts[0] === lemmaA)) {
        offer(make('head', A[0], b, w));
      }
    }
  }
  out.push(...best.values());
}

/**
 * What relate() could link a lemma reading through, gathered once per (lemma, POS):
 * its synsets with their hypernyms and similar-to neighbours, its synsets' member
 * words, and the first and last words of their multiword members.
 */
interface LinkKeys {
  ids: Set<number>;
  words: Set<string>;
  heads: Set<string>;
}

const linkMemo = memo<string, LinkKeys>(200_000);

function linkKeys(lx: LexiconStore, lemma: string, pos: Pos, senses: Sense[]): LinkKeys {
  const key = `${pos}|${lemma}`;
  let k = linkMemo.get(key);
  if (k) return k;
  k = { ids: new Set(), words: new Set(), heads: new Set() };
  for (const s of senses) {
    k.ids.add(s.synset.id);
    for (const h of hypernymIds(lx, s.synset)) k.ids.add(h);
    if (pos === 'a') for (const h of similarIds(lx, s.synset)) k.ids.add(h);
    for (const w of s.synset.words) {
      const l = normalizeLemma(w);
      k.words.add(l);
      const parts = l.split(' ');
      if (parts.length > 1) {
        k.heads.add(parts[0]);
        k.heads.add(parts[parts.length - 1]);
      }
    }
  }
  linkMemo.set(key, k);
  return k;
}

/**
 * Can relate() find anything between these readings? A necessary condition of every
 * kind: a shared synset, hypernym or similar-to id (synonym, hypernym, hyponym, sister,
 * similar), a shared member word other than the two lemmas (bridge), or one lemma as
 * the head of the other's multiword synonym (head). Most word pairs an alignment
 * weighs are unrelated; this rejects them without building relations.
 */
function mayRelate(a: LinkKeys, lemmaA: string, b: LinkKeys, lemmaB: string): boolean {
  if (a.heads.has(lemmaB) || b.heads.has(lemmaA)) return true;
  const [small, large] = a.ids.size <= b.ids.size ? [a.ids, b.ids] : [b.ids, a.ids];
  for (const id of small) if (large.has(id)) return true;
  const [sw, lw] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  for (const w of sw) if (w !== lemmaA && w !== lemmaB && lw.has(w)) return true;
  return false;
}

/**
 * Every relation found between `a` and `b` (each possibly inflected or multiword) over
 * their lemma readings, best per kind and lemma pair; strongest kind first, then by
 * rankA + rankB. Pairs reducing to the same lemma are not reported.
 */
export function relations(a: string, b: string, pos?: Pos): WordRelation[] {
  const lx = lexicon();
  const out: WordRelation[] = [];
  const seen = new Set<string>();
  for (const x of morph(a, pos)) {
    for (const y of morph(b, pos)) {
      if (x.pos !== y.pos || x.lemma === y.lemma) continue;
      const k = `${x.lemma}|${y.lemma}|${x.pos}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const A = lx.senses(x.lemma, x.pos);
      const B = lx.senses(y.lemma, y.pos);
      if (A.length === 0 || B.length === 0) continue;
      if (!mayRelate(linkKeys(lx, x.lemma, x.pos, A), A[0].lemma, linkKeys(lx, y.lemma, y.pos, B), B[0].lemma)) continue;
      relate(lx, x.pos, A, B, out);
    }
  }
  return out.sort(
    (p, q) => KIND_ORDER.get(p.kind)! - KIND_ORDER.get(q.kind)! || p.rankA + p.rankB - (q.rankA + q.rankB),
  );
}

/** The strongest relation between `a` and `b`, or null. */
export function relation(a: string, b: string, pos?: Pos): WordRelation | null {
  return relations(a, b, pos)[0] ?? null;
}
