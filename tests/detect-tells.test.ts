import { describe, expect, it } from 'vitest';
import { makeDoc } from '../pipeline/stages/detect/doc.js';
import { tellFindings } from '../pipeline/stages/detect/tells.js';

const found = (text: string): string[] => tellFindings(makeDoc(text)).map((f) => text.slice(f.start, f.end));

describe('spinner-phrase signal', () => {
  it('marks swapped function phrases', () => {
    expect(found('Prices rose due to the fact that supply fell.')).toEqual(['due to the fact that']);
    expect(found('The road stays closed up until May.')).toEqual(['up until']);
    expect(found('The team played versus the champions.')).toEqual(['versus']);
  });

  it('marks "additionally" only in the slot of "also"', () => {
    expect(found('The mayor is additionally expected to speak.')).toEqual(['additionally']);
    expect(found('Additionally, the mayor will speak.')).toEqual([]);
  });

  it('marks "however" used as a conjunction, not as an adverb', () => {
    expect(found('The plan was approved, however the money was divided.')).toEqual(['however']);
    expect(found('However, the money was divided.')).toEqual([]);
    expect(found('We will pay, however high the cost.')).toEqual([]);
  });

  it('marks "concerning" before a number (for "about" = roughly), not before a topic', () => {
    expect(found('The bridge cost concerning 300 dollars.')).toEqual(['concerning']);
    expect(found('We spoke concerning the budget.')).toEqual([]);
  });

  it('marks ", that" + verb after a name (for ", who")', () => {
    expect(found('The report came from Smith, that claimed it was late.')).toEqual(['that']);
    expect(found('The report came from Smith, who claimed it was late.')).toEqual([]);
  });

  it('finds nothing in plain prose', () => {
    expect(found('The council met on Tuesday and agreed to build a new school before the winter.')).toEqual([]);
  });
});
