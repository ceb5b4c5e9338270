/**
 * Spans (edits, findings) kept sorted by start, so that "does anything touch
 * [start, end)?" looks at the few spans near it instead of all of them. Restoration
 * asks that for every word it weighs; with a linear scan a document of megabytes,
 * thousands of edits and findings, took quadratic time.
 */
import { firstWhere } from './bisect.js';

export interface Spanned {
  start: number;
  end: number;
}

export class SpanIndex<T extends Spanned> {
  private readonly items: T[] = [];
  /** Longest span added: a span can reach a query only from this far before it. */
  private reach = 0;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  get size(): number {
    return this.items.length;
  }

  add(item: T): void {
    const i = this.firstFrom(item.start + 1);
    this.items.splice(i, 0, item);
    if (item.end - item.start > this.reach) this.reach = item.end - item.start;
  }

  /**
   * Does `test` hold for a span that starts in [start − longest span − 1, end]? Those
   * are all the spans that can overlap or touch [start, end), zero-width ones included;
   * `test` says what counts as touching.
   */
  some(start: number, end: number, test: (item: T) => boolean): boolean {
    const items = this.items;
    for (let i = this.firstFrom(start - this.reach - 1); i < items.length && items[i].start <= end; i++) {
      if (test(items[i])) return true;
    }
    return false;
  }

  /** Index of the first span starting at or after `at`. */
  private firstFrom(at: number): number {
    return firstWhere(this.items, (item) => item.start >= at);
  }
}
