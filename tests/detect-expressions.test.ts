import { describe, expect, it } from 'vitest';
import { makeDoc } from '../pipeline/stages/detect/doc.js';
import { expressionFindings } from '../pipeline/stages/detect/expressions.js';

const found = (text: string): string[] => expressionFindings(makeDoc(text)).map((f) => text.slice(f.start, f.end));

describe('rare-expression signal', () => {
  it('marks a rare multiword expression that has a common synonym', () => {
    expect(found('It lasted six calendar months.')).toEqual(['calendar months']);
  });

  it('leaves common expressions, phrasal verbs and free word pairs alone', () => {
    expect(found('It lasted six months at least.')).toEqual([]);
    expect(found('He cried out and reached out his hand.')).toEqual([]);
    expect(found('The old house stood near the river.')).toEqual([]);
  });
});
