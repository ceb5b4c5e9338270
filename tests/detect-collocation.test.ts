import { describe, expect, it } from 'vitest';
import { collocationFindings, contextEvidence, unseenPairs } from '../pipeline/stages/detect/collocation.js';
import { makeDoc } from '../pipeline/stages/detect/doc.js';

function ctxOf(text: string, word: string): number {
  const doc = makeDoc(text);
  return contextEvidence(doc)[doc.lower.indexOf(word)];
}

describe('collocation signal', () => {
  it('a word whose synonym fits its neighbours far better gets high evidence', () => {
    // "current fiscal" is a known pair; "stream fiscal" is not, and "stream" ~ "current".
    expect(ctxOf('The budget for the stream fiscal year is large.', 'stream')).toBeGreaterThan(2);
  });

  it('the canonical wording gets none', () => {
    expect(ctxOf('The budget for the current fiscal year is large.', 'current')).toBeLessThan(0);
    expect(ctxOf('They will use the funds.', 'use')).toBeLessThan(1.5);
  });

  it('reports the odd word as a finding', () => {
    const text = 'The budget for the stream fiscal year is large.';
    const f = collocationFindings(makeDoc(text));
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['stream']);
    expect(f[0].signal).toBe('collocation');
    expect(collocationFindings(makeDoc('The budget for the current fiscal year is large.'))).toEqual([]);
  });

  it('counts adjacent common content-word pairs and the unseen ones per sentence', () => {
    const { pairs, unseen } = unseenPairs(makeDoc('The foreign policy of the nation. The international power.'));
    expect(pairs[0]).toBe(1);
    expect(unseen[0]).toBe(0);
    expect(pairs[1]).toBe(1);
  });
});
