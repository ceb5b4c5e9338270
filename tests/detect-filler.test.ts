import { describe, expect, it } from 'vitest';
import { makeDoc } from '../pipeline/stages/detect/doc.js';
import { fillerFindings } from '../pipeline/stages/detect/filler.js';

const found = (text: string): string[] => fillerFindings(makeDoc(text)).map((f) => text.slice(f.start, f.end));

describe('filler signal', () => {
  it('marks the inserted word of "has actually" + participle', () => {
    expect(found('The agency has actually approved the loans.')).toEqual(['actually']);
    expect(found('They have actually been there before.')).toEqual(['actually']);
  });

  it('marks "certainly" after will/would and "definitely" after would', () => {
    expect(found('The minister will certainly travel next week.')).toEqual(['certainly']);
    expect(found('The plan would definitely help farmers.')).toEqual(['definitely']);
  });

  it('marks the intensifier of "very first", "very own", "exact same"', () => {
    expect(found('It was her very first visit to our very own town, on the exact same day.')).toEqual(['very', 'very', 'exact']);
  });

  it('marks "his/her" written with a slash', () => {
    expect(found('Each member may bring his/her papers.')).toEqual(['his/her']);
  });

  it('leaves the same words alone in other positions', () => {
    expect(found('Actually, he has a point.')).toEqual([]);
    expect(found('He actually has it, and it certainly will.')).toEqual([]);
    expect(found('It is very old, and he will travel first.')).toEqual([]);
    expect(found('His or her papers are here.')).toEqual([]);
  });

  it('gives each finding a signal name, a strength and its sentence', () => {
    const text = 'One sentence here. The court has actually ruled.';
    const [f] = fillerFindings(makeDoc(text));
    expect(f).toMatchObject({ signal: 'filler', sentence: 1 });
    expect(f.strength).toBeGreaterThan(0);
    expect(f.strength).toBeLessThanOrEqual(1);
  });
});
