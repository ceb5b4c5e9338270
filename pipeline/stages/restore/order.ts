import type { ReferenceIndex, RefUnit } from '../reference.js';

/**
 * Candidates by sentence order, for the units of a degraded document that the skeleton
 * index did not retrieve. A spinner keeps an article's sentences in their order, so a
 * unit between two units that aligned with sentences p and q of the same reference is
 * likely one of the sentences between p and q. This reaches the short sentences whose
 * few function words the spinner also swapped ("Many nations are acting" → "Lots of
 * nations are moving"): their skeleton shares too few shingles with anything.
 * Whatever this proposes must still pass the same alignment test as any other candidate.
 */

/** Where a unit of the degraded document aligned: the reference document and the unit's place in it. */
export interface Placed {
  docId: string;
  /** Index of the reference unit among its document's units (ReferenceIndex.unitsOf). */
  at: number;
}

/** Units a gap between two placed units may span on the reference side before it is not a gap. */
const MAX_GAP = 4;
/** Units away from a placed neighbour (on one side only) still placed by counting. */
const MAX_REACH = 2;

export class OrderIndex {
  private readonly units = new Map<string, RefUnit[]>();
  /** The places of the last `placed` array asked about ("docId at"), so a lookup is not a scan. */
  private placedKeys?: { of: ReadonlyArray<Placed | undefined>; keys: Set<string> };

  constructor(private readonly index: ReferenceIndex) {}

  /** All the reference units of `docId`, in order (cut once per document). */
  unitsOf(docId: string): RefUnit[] {
    let us = this.units.get(docId);
    if (!us) this.units.set(docId, (us = this.index.unitsOf(docId)));
    return us;
  }

  /** The place of a reference unit found by the index. */
  place(ref: RefUnit): Placed {
    return { docId: ref.docId, at: this.index.positionOf(ref) };
  }

  /**
   * Reference units that unit i may be, given where its neighbours aligned: between the
   * nearest placed units before and after it when both are in one reference and the gap
   * is small; otherwise the units at the same distance from a near placed neighbour.
   */
  candidates(placed: ReadonlyArray<Placed | undefined>, i: number): RefUnit[] {
    let before = i - 1;
    while (before >= 0 && !placed[before]) before--;
    let after = i + 1;
    while (after < placed.length && !placed[after]) after++;
    const p = before >= 0 ? placed[before] : undefined;
    const q = after < placed.length ? placed[after] : undefined;
    const ats: Placed[] = [];
    // A unit that is already another unit's source is not this one's: the reference
    // may simply lack the sentence.
    const add = (docId: string, at: number) => {
      if (at < 0 || ats.some((x) => x.docId === docId && x.at === at)) return;
      if (!this.isPlaced(placed, docId, at)) ats.push({ docId, at });
    };
    if (p && q && p.docId === q.docId && q.at > p.at + 1 && q.at - p.at - 1 <= MAX_GAP) {
      for (let at = p.at + 1; at < q.at; at++) add(p.docId, at);
    } else {
      if (p && i - before <= MAX_REACH) for (const d of [-1, 0, 1]) add(p.docId, p.at + (i - before) + d);
      if (q && after - i <= MAX_REACH) for (const d of [-1, 0, 1]) add(q.docId, q.at - (after - i) + d);
    }
    return ats.map((x) => this.index.unitAt(x.docId, x.at)).filter((u): u is RefUnit => u !== undefined);
  }

  /** Is reference unit `at` of `docId` one of the places in `placed` (which callers do not change between calls)? */
  private isPlaced(placed: ReadonlyArray<Placed | undefined>, docId: string, at: number): boolean {
    if (this.placedKeys?.of !== placed) {
      const keys = new Set<string>();
      for (const p of placed) if (p) keys.add(`${p.docId}\u0000${p.at}`);
      this.placedKeys = { of: placed, keys };
    }
    return this.placedKeys.keys.has(`${docId}\u0000${at}`);
  }
}
