import type { Edit } from '../../edits.js';

/**
 * Composes edits made in successive passes (each pass edits the previous pass's
 * output) into one set of edits against the original text.
 *
 * The passes run in sequence because one repair can expose another: deleting a
 * zero-width space leaves a double space, a mojibake repair yields a quote mark
 * that is then seen to be flipped. Where a later edit overlaps (or, if either is
 * an insertion/deletion, touches) an earlier one, the two become one edit, named
 * by the earlier reason with both evidences, so every reported edit still indexes
 * the input. One sweep per pass, linear in the number of edits: a pass can make
 * one edit per line of a large file (CRLF), where EditLog.apply, which scans all
 * applied edits for each new one, would be quadratic.
 */

interface Meta {
  reason: string;
  confidence: number;
  evidence?: string;
}

/** A composed edit: original span [start, end) is replaced by `after` (text of the latest pass). */
interface Block {
  start: number;
  end: number;
  after: string;
  metas: Meta[];
}

interface Item {
  /** Span in the current text. */
  s: number;
  e: number;
  block?: Block;
  edit?: Edit;
}

export class Composer {
  private blocks: Block[] = [];
  /** The first pass's edits as given, while they are the only ones: nothing to compose yet. */
  private solo: readonly Edit[] | null = null;

  constructor(readonly original: string) {}

  /** Records `edits` (sorted, non-overlapping) made against `current`, the original with all edits so far applied. */
  add(current: string, edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    if (this.solo === null && this.blocks.length === 0) {
      this.solo = edits;
      return;
    }
    if (this.solo) {
      this.blocks = this.solo.map((e) => ({ start: e.start, end: e.end, after: e.after, metas: [e] }));
      this.solo = null;
    }
    const items = this.mergeItems(edits);
    const next: Block[] = [];
    let deltaBefore = 0;
    let i = 0;
    while (i < items.length) {
      const members = [items[i]];
      let hi = items[i].e;
      let emptyAt = items[i].s === items[i].e ? items[i].s : -1;
      for (i++; i < items.length; i++) {
        const it = items[i];
        const empty = it.s === it.e;
        if (!(it.s < hi || (it.s === hi && (empty || emptyAt === hi)))) break;
        members.push(it);
        if (it.e > hi) hi = it.e;
        if (empty) emptyAt = it.s;
      }
      let deltaCluster = 0;
      for (const m of members) if (m.block) deltaCluster += m.block.after.length - (m.block.end - m.block.start);
      if (members.some((m) => m.edit)) next.push(this.fuse(current, members, members[0].s, hi, deltaBefore, deltaCluster));
      else for (const m of members) next.push(m.block!);
      deltaBefore += deltaCluster;
    }
    this.blocks = next;
  }

  /** The composed edits against the original text, in text order. */
  edits(): Edit[] {
    if (this.solo) return this.solo.filter((e) => e.before !== e.after);
    const out: Edit[] = [];
    for (const b of this.blocks) {
      const before = this.original.slice(b.start, b.end);
      if (before === b.after) continue;
      // The earliest pass's reason names the edit (it is the root cause: `mojibake`
      // rather than the `space-run` tidied after it); later ones join the evidence.
      if (b.metas.length === 1) {
        const m = b.metas[0];
        out.push({ start: b.start, end: b.end, before, after: b.after, stage: 'normalize', reason: m.reason, confidence: m.confidence, ...(m.evidence ? { evidence: m.evidence } : {}) });
        continue;
      }
      const [first, ...later] = b.metas;
      const evidence = [first.evidence, ...later.map((m) => `then ${m.reason}${m.evidence ? `: ${m.evidence}` : ''}`)].filter(Boolean);
      out.push({
        start: b.start,
        end: b.end,
        before,
        after: b.after,
        stage: 'normalize',
        reason: first.reason,
        confidence: Math.min(...b.metas.map((m) => m.confidence)),
        ...(evidence.length ? { evidence: evidence.join('; ') } : {}),
      });
    }
    return out;
  }

  /** Blocks (at their positions in the current text) and new edits, sorted by start then end. */
  private mergeItems(edits: readonly Edit[]): Item[] {
    const items: Item[] = [];
    let delta = 0;
    let j = 0;
    for (const b of this.blocks) {
      const s = b.start + delta;
      while (j < edits.length && (edits[j].start < s || (edits[j].start === s && edits[j].end <= s))) {
        items.push({ s: edits[j].start, e: edits[j].end, edit: edits[j] });
        j++;
      }
      items.push({ s, e: s + b.after.length, block: b });
      delta += b.after.length - (b.end - b.start);
    }
    for (; j < edits.length; j++) items.push({ s: edits[j].start, e: edits[j].end, edit: edits[j] });
    return items;
  }

  /** One block for a cluster spanning [lo, hi) of the current text. */
  private fuse(current: string, members: Item[], lo: number, hi: number, deltaBefore: number, deltaCluster: number): Block {
    let after = '';
    let at = lo;
    const metas: Meta[] = [];
    for (const m of members) if (m.block) metas.push(...m.block.metas);
    for (const m of members) {
      const e = m.edit;
      if (!e) continue;
      metas.push({ reason: e.reason, confidence: e.confidence, evidence: e.evidence });
      after += current.slice(at, e.start) + e.after;
      at = e.end;
    }
    after += current.slice(at, hi);
    return { start: lo - deltaBefore, end: hi - deltaBefore - deltaCluster, after, metas };
  }
}
