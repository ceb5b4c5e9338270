import { applyEdits, byPosition, type Edit } from './edits.js';

/**
 * The edits applied so far to one document, always in ORIGINAL-text offsets.
 *
 * Each stage sees the current (already edited) text and proposes edits against it;
 * `apply` maps those offsets back to the original. When a new edit overlaps an
 * earlier one (a boilerplate line removal that covers a mojibake repair, say), the
 * earlier edit is absorbed: the new edit spans both in the original, its `after`
 * carries the earlier result, and the absorbed reasons are kept in `evidence`.
 * Invariant: applyEdits(original, log.edits) === log.text.
 */
/** A new edit (or fused group) with the current-text span it covers and the earlier edits it swallows. */
interface Span {
  curStart: number;
  curEnd: number;
  edits: Edit[];
  absorbs: Edit[];
}

export interface EditLogSnapshot {
  original: string;
  text: string;
  edits: readonly Edit[];
}

export class EditLog {
  readonly original: string;
  private currentText: string;
  private applied: Edit[] = [];
  private index?: { cs: Float64Array; shift: Float64Array };

  constructor(original: string) {
    this.original = original;
    this.currentText = original;
  }

  get text(): string {
    return this.currentText;
  }

  /** The log as plain data, to move a document between threads. */
  snapshot(): EditLogSnapshot {
    return { original: this.original, text: this.currentText, edits: this.applied };
  }

  static fromSnapshot(s: EditLogSnapshot): EditLog {
    const log = new EditLog(s.original);
    log.currentText = s.text;
    log.applied = [...s.edits];
    return log;
  }

  /** The applied edits, sorted, non-overlapping, in original offsets. */
  get edits(): readonly Edit[] {
    return this.applied;
  }

  /** Applies edits proposed against `this.text` (non-overlapping among themselves). */
  apply(proposed: readonly Edit[]): void {
    if (proposed.length === 0) return;
    const sorted = proposed.filter((e) => e.before !== e.after).sort(byPosition);
    if (sorted.length === 0) return;
    const groups = this.group(sorted.map((e) => this.expand(e)));
    const absorbed = new Set<Edit>();
    const mapped: Edit[] = [];
    for (const g of groups) {
      for (const a of g.absorbs) absorbed.add(a);
      mapped.push(this.mapGroup(g));
    }
    const next = this.applied.filter((e) => !absorbed.has(e));
    next.push(...mapped);
    next.sort(byPosition);
    this.currentText = applyEdits(this.currentText, sorted);
    this.applied = next;
    this.index = undefined;
  }

  /**
   * An edit proposed against the current text, expressed in original offsets
   * without applying it (a suggestion): widened over any earlier edit it touches,
   * with its replacement recomputed over the wider span, exactly as `apply` would.
   */
  map(e: Edit): Edit {
    return this.mapGroup(this.expand(e));
  }

  /**
   * The current-text span a new edit must cover so that it swallows whole earlier
   * edits; repeated until stable, since swallowing one may reach the next.
   */
  private expand(e: Edit): Span {
    let absorbs: Edit[] = [];
    let curStart = e.start;
    let curEnd = e.end;
    const { cs: starts } = this.positions();
    for (let changed = true; changed; ) {
      changed = false;
      absorbs = [];
      // Only edits whose current span reaches [curStart, curEnd] can be absorbed.
      for (let i = this.firstEndingAtOrAfter(curStart); i < this.applied.length; i++) {
        const a = this.applied[i];
        const cs = starts[i];
        const ce = cs + a.after.length;
        if (cs > curEnd) break;
        // An earlier pure insertion touching the new span is absorbed too: two
        // insertions at one original offset would otherwise have no defined order.
        const touchesInsertion = a.start === a.end && cs <= curEnd && curStart <= ce;
        const inside =
          touchesInsertion ||
          (cs === ce
            ? curStart < cs && cs < curEnd // a deletion strictly inside the new span
            : curStart === curEnd
              ? cs < curStart && curStart < ce // an insertion strictly inside an edited span
              : cs < curEnd && curStart < ce);
        if (!inside) continue;
        absorbs.push(a);
        if (cs < curStart || ce > curEnd) {
          curStart = Math.min(curStart, cs);
          curEnd = Math.max(curEnd, ce);
          changed = true;
        }
      }
    }
    return { curStart, curEnd, edits: [e], absorbs };
  }

  /** New edits whose expanded spans overlap (they absorb the same earlier edit) become one. */
  private group(spans: Span[]): Span[] {
    const out: Span[] = [];
    for (const s of spans) {
      const last = out[out.length - 1];
      if (last && last.absorbs.length + s.absorbs.length > 0 && s.curStart < last.curEnd) {
        last.curEnd = Math.max(last.curEnd, s.curEnd);
        last.edits.push(...s.edits);
        last.absorbs = [...new Set([...last.absorbs, ...s.absorbs])];
      } else out.push(s);
    }
    return out;
  }

  private mapGroup(g: Span): Edit {
    const first = g.edits[0];
    const insertion = g.edits.length === 1 && first.start === first.end && g.absorbs.length === 0;
    const start = this.toOriginal(g.curStart, 'start');
    const end = insertion ? start : this.toOriginal(g.curEnd, 'end');
    const local = g.edits.map((e) => ({ ...e, start: e.start - g.curStart, end: e.end - g.curStart }));
    const after = applyEdits(this.currentText.slice(g.curStart, g.curEnd), local);
    const notes = [
      ...g.edits.map((e) => e.evidence),
      g.edits.length > 1 ? `merged with ${g.edits.slice(1).map((e) => `${e.stage}/${e.reason}`).join(', ')}` : '',
      g.absorbs.length ? `includes earlier ${g.absorbs.map((a) => `${a.stage}/${a.reason}`).join(', ')}` : '',
    ].filter(Boolean);
    const edit: Edit = { ...first, start, end, before: this.original.slice(start, end), after };
    if (notes.length) edit.evidence = notes.join('; ');
    return edit;
  }

  /**
   * Maps a current-text offset to the original; one strictly inside an edited span
   * widens to that edit's start or end. At a deletion's position, a start maps past the deleted
   * text and an end maps before it, so a new edit never swallows an earlier deletion.
   */
  toOriginal(cur: number, side: 'start' | 'end'): number {
    const { cs: starts, shift: shifts } = this.positions();
    let i = this.firstEndingAtOrAfter(cur);
    for (; i < this.applied.length; i++) {
      const a = this.applied[i];
      const cs = starts[i];
      const ce = cs + a.after.length;
      if (cs < cur && cur < ce) return side === 'start' ? a.start : a.end; // inside: widen to the whole edit
      const before = ce < cur || (ce === cur && (cs < ce || side === 'start'));
      if (!before) break;
    }
    return cur - shifts[i];
  }

  /**
   * Current-text start of each applied edit, and the total shift (current minus
   * original length) of the edits before each index; both non-decreasing, so
   * lookups are binary searches. Recomputed once after each `apply`.
   */
  private positions(): { cs: Float64Array; shift: Float64Array } {
    if (!this.index) {
      const n = this.applied.length;
      const cs = new Float64Array(n);
      const shift = new Float64Array(n + 1);
      for (let i = 0; i < n; i++) {
        const a = this.applied[i];
        cs[i] = a.start + shift[i];
        shift[i + 1] = shift[i] + a.after.length - (a.end - a.start);
      }
      this.index = { cs, shift };
    }
    return this.index;
  }

  /** Index of the first applied edit whose current end is at or after `cur`. */
  private firstEndingAtOrAfter(cur: number): number {
    const { cs } = this.positions();
    let lo = 0;
    let hi = this.applied.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid] + this.applied[mid].after.length < cur) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
