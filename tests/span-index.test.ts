import { describe, expect, it } from 'vitest';
import { resolveOverlaps, type Edit } from '../pipeline/edits.js';
import { SpanIndex } from '../pipeline/span-index.js';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSpans(r: () => number, n: number, textLength: number): Array<{ start: number; end: number }> {
  return Array.from({ length: n }, () => {
    const start = Math.floor(r() * textLength);
    // zero-width insertions, words, and now and then a long span
    const len = r() < 0.15 ? 0 : r() < 0.9 ? 1 + Math.floor(r() * 12) : Math.floor(r() * 200);
    return { start, end: Math.min(textLength, start + len) };
  });
}

describe('SpanIndex', () => {
  it('finds exactly the spans a scan of all of them finds', () => {
    const r = rng(7);
    const spans = randomSpans(r, 400, 5000);
    const index = new SpanIndex(spans);
    const touches = (q: { start: number; end: number }) => (t: { start: number; end: number }) => q.start < Math.max(t.end, t.start + 1) && t.start < q.end;
    for (const q of randomSpans(r, 3000, 5000)) {
      expect(index.some(q.start, q.end, touches(q))).toBe(spans.some(touches(q)));
    }
    expect(index.size).toBe(400);
  });
});

describe('resolveOverlaps', () => {
  const edit = (start: number, end: number, n: number): Edit => ({ start, end, before: 'x'.repeat(end - start), after: `e${n}`, stage: 'restore', reason: 'test', confidence: 0.9 });

  it('keeps what a pairwise check keeps: earlier edits win, two insertions at one point clash', () => {
    const r = rng(11);
    const edits = randomSpans(r, 600, 3000).map((s, n) => edit(s.start, s.end, n));
    const kept: Edit[] = [];
    for (const e of edits) {
      const clash = kept.some((k) =>
        e.start === e.end || k.start === k.end ? (e.start < k.end && k.start < e.end) || (e.start === k.start && e.end === k.end) : e.start < k.end && k.start < e.end,
      );
      if (!clash) kept.push(e);
    }
    expect(resolveOverlaps(edits)).toEqual(kept.sort((a, b) => a.start - b.start || a.end - b.end));
  });
});
