import { describe, expect, it } from 'vitest';
import { applyEdits, makeEdit, type Edit } from '../pipeline/edits.js';
import { Composer } from '../pipeline/stages/normalize/compose.js';

const edit = (text: string, start: number, end: number, after: string, reason: string): Edit =>
  makeEdit(text, start, end, after, { stage: 'normalize', reason, confidence: 0.9, evidence: reason });

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random sorted, non-overlapping edits (including insertions and deletions) of `text`. */
function randomEdits(text: string, rand: () => number, layer: number): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  while (at <= text.length) {
    const start = at + Math.floor(rand() * 4);
    if (start > text.length) break;
    const len = rand() < 0.3 ? 0 : Math.floor(rand() * 3);
    const end = Math.min(text.length, start + len);
    const after = rand() < 0.3 ? '' : 'xyz'.slice(0, 1 + Math.floor(rand() * 3));
    if (end === start && after === '') {
      at = start + 1;
      continue;
    }
    edits.push(edit(text, start, end, after, `L${layer}`));
    at = end + 1; // leave a gap so the edits never touch
  }
  return edits;
}

describe('Composer', () => {
  it('maps a later edit inside an earlier one to one edit named by the earlier reason', () => {
    const original = 'aa\u200b  bb';
    const c = new Composer(original);
    const first = [edit(original, 2, 3, '', 'invisible-char')];
    const t1 = applyEdits(original, first);
    c.add(original, first);
    const second = [edit(t1, 2, 4, ' ', 'space-run')];
    c.add(t1, second);
    const edits = c.edits();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ start: 2, end: 5, before: '\u200b  ', after: ' ', reason: 'invisible-char' });
    expect(edits[0].evidence).toBe('invisible-char; then space-run: space-run');
  });

  it('keeps separate edits separate and shifts later ones', () => {
    const original = 'a\r\nb  c';
    const c = new Composer(original);
    const first = [edit(original, 1, 3, '\n', 'crlf')];
    c.add(original, first);
    const t1 = applyEdits(original, first); // 'a\nb  c'
    c.add(t1, [edit(t1, 3, 5, ' ', 'space-run')]);
    expect(c.edits().map((e) => [e.start, e.end, e.after, e.reason])).toEqual([
      [1, 3, '\n', 'crlf'],
      [4, 6, ' ', 'space-run'],
    ]);
  });

  it('drops edits that later passes undo', () => {
    const c = new Composer('abc');
    c.add('abc', [edit('abc', 1, 2, 'X', 'a')]);
    c.add('aXc', [edit('aXc', 1, 2, 'b', 'b')]);
    expect(c.edits()).toEqual([]);
  });

  it('property: composed edits equal applying the passes in sequence', () => {
    const rand = mulberry32(42);
    for (let round = 0; round < 500; round++) {
      const original = Array.from({ length: Math.floor(rand() * 30) }, () => 'abcde '[Math.floor(rand() * 6)]).join('');
      const c = new Composer(original);
      let current = original;
      const layers = 1 + Math.floor(rand() * 4);
      for (let l = 0; l < layers; l++) {
        const edits = randomEdits(current, rand, l);
        c.add(current, edits);
        current = applyEdits(current, edits);
      }
      const composed = c.edits();
      expect(applyEdits(original, composed)).toBe(current);
      for (let i = 1; i < composed.length; i++) expect(composed[i].start).toBeGreaterThanOrEqual(composed[i - 1].end);
      for (const e of composed) expect(e.before).toBe(original.slice(e.start, e.end));
    }
  });
});
