import { describe, expect, it } from 'vitest';
import { applyEdits, makeEdit, type Edit, type EditMeta } from '../pipeline/edits.js';
import { EditLog } from '../pipeline/edit-log.js';

const meta = (reason: string): EditMeta => ({ stage: 'normalize', reason, confidence: 1 });
const edit = (text: string, start: number, end: number, after: string, reason = 'x'): Edit =>
  makeEdit(text, start, end, after, meta(reason));

function check(log: EditLog) {
  expect(applyEdits(log.original, log.edits)).toBe(log.text);
}

describe('EditLog', () => {
  it('maps later edits back to original offsets', () => {
    const log = new EditLog('aa  bb cc');
    log.apply([edit(log.text, 2, 4, ' ')]); // 'aa bb cc'
    log.apply([edit(log.text, 6, 8, 'dd')]); // 'aa bb dd'
    expect(log.text).toBe('aa bb dd');
    expect(log.edits.map((e) => [e.start, e.end, e.before, e.after])).toEqual([
      [2, 4, '  ', ' '],
      [7, 9, 'cc', 'dd'],
    ]);
    check(log);
  });

  it('absorbs an earlier edit that a later one overlaps', () => {
    const log = new EditLog('head\nbad Ã© line\nbody\n');
    log.apply([edit(log.text, 9, 11, 'é', 'mojibake')]);
    expect(log.text).toBe('head\nbad é line\nbody\n');
    log.apply([{ ...edit(log.text, 5, 16, ''), stage: 'boilerplate', reason: 'caption' }]);
    expect(log.text).toBe('head\nbody\n');
    expect(log.edits).toHaveLength(1);
    expect(log.edits[0]).toMatchObject({ start: 5, end: 17, before: 'bad Ã© line\n', after: '', reason: 'caption' });
    expect(log.edits[0].evidence).toContain('normalize/mojibake');
    check(log);
  });

  it('keeps a deletion at the boundary of a later edit separate', () => {
    const log = new EditLog('\uFEFFhello world');
    log.apply([edit(log.text, 0, 1, '', 'bom')]);
    log.apply([edit(log.text, 0, 5, 'Hello')]);
    expect(log.edits.map((e) => [e.start, e.end, e.before, e.after])).toEqual([
      [0, 1, '\uFEFF', ''],
      [1, 6, 'hello', 'Hello'],
    ]);
    check(log);
  });

  it('maps a suggestion over an earlier edit without applying it, recomputing its replacement', () => {
    const log = new EditLog('a lot—certainly more');
    log.apply([edit(log.text, 5, 6, ' — ', 'glued-dash')]); // 'a lot — certainly more'
    // Deleting ' certainly' starts inside the dash edit's ' — ': the mapped edit covers both
    // and keeps the dash.
    const s = log.map(edit(log.text, 7, 17, '', 'filler'));
    expect(applyEdits(log.original, [s])).toBe('a lot —' + log.text.slice(17));
    expect(log.text).toBe('a lot — certainly more');
  });

  it('handles insertions and many random edit rounds', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 200; round++) {
      const log = new EditLog('the quick brown fox jumps over the lazy dog '.repeat(3));
      for (let stage = 0; stage < 4; stage++) {
        const t = log.text;
        const edits: Edit[] = [];
        let at = 0;
        while (at < t.length) {
          const start = at + Math.floor(rand() * 12);
          const end = Math.min(t.length, start + Math.floor(rand() * 4));
          if (start > t.length) break;
          edits.push(edit(t, start, end, ['', 'X', 'YY', 'ZZZ'][Math.floor(rand() * 4)]));
          at = end + 1;
        }
        log.apply(edits);
        check(log);
      }
    }
  });
});
