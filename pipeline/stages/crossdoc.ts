import { acceptedAlignment, type Alignment } from './align/align.js';
import { lexiconJudge } from './align/judge.js';
import type { Token } from './align/tokens.js';
import type { IndexData } from './reference-data.js';
import { ReferenceIndex, type SharedReferenceIndex } from './reference.js';
import type { Slots } from '../corpus/store.js';

/** A document's part in cross-document detection. */
export interface CrossDoc {
  id: string;
  /** Its text; may be left out when `index` is given and `slot` tells where the text is kept. */
  text?: string;
  slot?: number;
  /** Intrinsic spin score in [0, 1]. */
  score: number;
  /** Its index data, if pass 1 computed it. */
  index?: IndexData;
}

/** A built CrossIndex as plain data, to open in another thread. */
export interface SharedCrossIndex {
  index: SharedReferenceIndex;
  scores: Map<string, number>;
}

/** A unit of a document that aligns with another document's unit through synonym swaps. */
export interface SwappedUnit {
  start: number;
  end: number;
  partner: string;
  swaps: number;
}

export interface CrossEvidence {
  /** The document whose wording is the better-attested side. */
  partner: string;
  units: SwappedUnit[];
}

/**
 * A document intrinsic detection flagged that is the source of a spun one: its
 * sentences align through swaps with those of a document that looks far odder.
 */
export interface CrossClearance {
  /** The spun document. */
  partner: string;
  units: SwappedUnit[];
}

/** Aligned units with swaps a document needs before it is judged spun by another. */
const MIN_SWAPPED_UNITS = 2;
/** …and the share of its substantive sentences they must make up. */
const MIN_SWAPPED_SHARE = 0.1;
/**
 * Sentences with fewer words than this do not count in that share: a speaker's label
 * ("ALL.") or a one-line reply ("Aye! aye!") has no skeleton to align by, so a
 * dialogue of many such lines would otherwise need far more evidence than prose.
 */
const SUBSTANTIVE_WORDS = 5;
/** The spun side must also look odder on its own than its partner, by this margin. */
const SCORE_MARGIN = 0.05;
/**
 * A flagged document is cleared only against a partner this much odder on its own. (Which
 * side of each swapped pair is the commoner word would be direct evidence, but the
 * general-English counts are too small to tell: for the clean side it was 4 of 11 and
 * 5 of 7 pairs in `make eval`, no better than for spun sides.)
 */
const CLEAR_MARGIN = 0.25;

/**
 * Cross-document evidence: a sentence whose skeleton aligns with a sentence of
 * another document while its content words are WordNet swaps of the other's is
 * strong evidence that one of the two is spun; the one with the higher intrinsic
 * score is. Retrieval goes through the skeleton-shingle index, never all pairs.
 * Built once over the corpus; `evidenceFor` then judges one document at a time, so
 * documents can be judged on several threads against copies of the same index.
 */
export class CrossIndex {
  private index: ReferenceIndex;
  /** Intrinsic score per document id. */
  private scores = new Map<string, number>();

  /** `texts`: where the texts of documents given with a slot are kept (see ReferenceIndex). */
  constructor(docs: readonly CrossDoc[] = [], texts?: Slots<string>) {
    this.index = new ReferenceIndex({ retrievalOnly: true, texts });
    for (const d of docs) this.add(d);
  }

  /** Adds one document (documents can be added one at a time, read from where they are kept). */
  add(d: CrossDoc): void {
    this.scores.set(d.id, d.score);
    this.index.add(d.id, d.text, d.index, d.slot);
  }

  /** This index as plain data for `fromShared` (see ReferenceIndex.share); nothing may be added after. */
  share(): SharedCrossIndex {
    return { index: this.index.share(), scores: this.scores };
  }

  static fromShared(s: SharedCrossIndex, texts?: Slots<string>): CrossIndex {
    const out = new CrossIndex();
    out.index = ReferenceIndex.fromShared(s.index, texts);
    out.scores = s.scores;
    return out;
  }

  /**
   * Evidence that document `id` is spun, or undefined. Units that align with different
   * less odd documents add up (a spun article may draw on several cleaner ones); the
   * partner named is the one with the most.
   */
  evidenceFor(id: string): CrossEvidence | undefined {
    return this.swappedWith(id, (mine, partner) => mine >= partner + SCORE_MARGIN, true);
  }

  /**
   * Evidence that document `id`, flagged on its own, is the clean source of a spun
   * document (see CrossClearance), or undefined.
   */
  clearanceFor(id: string): CrossClearance | undefined {
    return this.swappedWith(id, (mine, partner) => partner >= mine + CLEAR_MARGIN);
  }

  /**
   * The document whose units most of document `id`'s units align with through swaps,
   * among those whose score `accept` takes against `id`'s, with those units; undefined
   * when there are not enough of them (MIN_SWAPPED_UNITS, MIN_SWAPPED_SHARE). With
   * `pooled`, the units of every such document count, and are all returned.
   */
  private swappedWith(
    id: string,
    accept: (mine: number, partner: number) => boolean,
    pooled = false,
  ): { partner: string; units: SwappedUnit[] } | undefined {
    const score = this.scores.get(id);
    if (score === undefined) return undefined;
    const found = this.swappedUnits(id, (partner) => accept(score, partner));
    const enough = (n: number) => n >= MIN_SWAPPED_UNITS && n >= MIN_SWAPPED_SHARE * found.sentences;
    let best: { partner: string; units: SwappedUnit[] } | undefined;
    for (const [partner, units] of found.perPartner) {
      if (!pooled && !enough(units.length)) continue;
      if (!best || units.length > best.units.length) best = { partner, units };
    }
    if (!best || !pooled) return best;
    // A sentence and a quotation inside it are one piece of evidence, whichever partners they align with.
    // In start order, a unit overlaps one already kept exactly when it starts before the
    // furthest end kept so far (units are never empty): one pass, however many units.
    const all: SwappedUnit[] = [];
    let keptEnd = -1;
    for (const u of [...found.perPartner.values()].flat().sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (u.start < keptEnd) continue;
      all.push(u);
      keptEnd = Math.max(keptEnd, u.end);
    }
    return enough(all.length) ? { partner: best.partner, units: all } : undefined;
  }

  /**
   * The units of document `id` that align through swaps with a unit of another
   * document whose score `partnerOk` accepts (the best-ranked such unit), grouped by
   * that document.
   */
  private swappedUnits(id: string, partnerOk: (partnerScore: number) => boolean) {
    const all = this.index.unitsOf(id); // already cut when the document was indexed
    let sentences = 0;
    for (const u of all) if (u.kind === 'sentence' && wordCount(u.tokens) >= SUBSTANTIVE_WORDS) sentences++;
    const perPartner = new Map<string, SwappedUnit[]>();
    for (const u of all) {
      for (const refId of this.index.candidateIds(u.tokens, 3, id)) {
        // A partner whose score does not fit is passed over however well it aligns: not aligned.
        if (!partnerOk(this.scores.get(this.index.docOf(refId))!)) continue;
        const ref = this.index.unit(refId);
        const al = acceptedAlignment(u.tokens, ref.tokens, lexiconJudge);
        if (!al) continue;
        const swaps = swapCount(al);
        if (swaps === 0) continue;
        let list = perPartner.get(ref.docId);
        if (!list) perPartner.set(ref.docId, (list = []));
        if (!list.some((x) => x.start < u.end && u.start < x.end)) list.push({ start: u.start, end: u.end, partner: ref.docId, swaps });
        break;
      }
    }
    return { sentences, perPartner };
  }
}

function wordCount(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (/^\p{L}/u.test(t.key)) n++;
  return n;
}

function swapCount(al: Alignment): number {
  return al.pairs.filter((p) => p.interior && (p.kind === 'synonym' || p.kind === 'related' || p.kind === 'filler')).length;
}

/** Evidence for the documents among `check` judged spun by another document. */
export function crossDocumentEvidence(docs: readonly CrossDoc[], check: ReadonlySet<string>): Map<string, CrossEvidence> {
  const index = new CrossIndex(docs);
  const out = new Map<string, CrossEvidence>();
  for (const d of docs) {
    if (!check.has(d.id)) continue;
    const e = index.evidenceFor(d.id);
    if (e) out.set(d.id, e);
  }
  return out;
}
