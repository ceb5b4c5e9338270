import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { whitespace } from '../pipeline/stages/normalize/whitespace.js';

const fix = (t: string) => applyEdits(t, whitespace(t));

describe('whitespace', () => {
  it.each([
    ['a run of spaces inside a line', 'one  two   three', 'one two three'],
    ['two spaces after a full stop', 'End.  Next.', 'End. Next.'],
    ['spaces and tabs mixed', 'a \t b\t c', 'a b c'],
    ['a run of no-break spaces', 'a\u00a0\u00a0b', 'a b'],
    ['a space and a no-break space', 'a \u00a0b', 'a b'],
    ['trailing spaces', 'line  \nnext \n', 'line\nnext\n'],
    ['trailing tab and no-break space', 'a\t\nb\u00a0', 'a\nb'],
    ['trailing spaces at the end of the text', 'end   ', 'end'],
    ['whitespace-only line becomes empty (the blank line stays)', 'para one\n   \npara two', 'para one\n\npara two'],
  ])('%s', (_name, input, expected) => {
    expect(fix(input)).toBe(expected);
  });

  it.each([
    ['leading indentation', '    indented\n\tcode\n  - nested item'],
    ['runs of tabs only (columns)', 'name\t\tage\nbob\t\t42'],
    ['a single tab inside a line', 'a\tb'],
    ['a single no-break space', '« oui\u00a0»'],
    ['blank lines and paragraphs', 'one\n\n\ntwo\n'],
    ['ideographic space', '日本\u3000\u3000語'],
    ['single spaces', 'just normal text.'],
  ])('keeps %s', (_name, text) => {
    expect(whitespace(text)).toEqual([]);
  });

  it('reports reasons and what it saw', () => {
    const edits = whitespace('a   b \n');
    expect(edits.map((e) => [e.before, e.after, e.reason, e.evidence])).toEqual([
      ['   ', ' ', 'space-run', '3 spaces inside a line'],
      [' ', '', 'trailing-space', '1 space at line end'],
    ]);
    expect(whitespace('a\u00a0\t\n')[0].evidence).toBe('"\\u00A0\\t" at line end');
  });
});
