import { describe, expect, it } from 'vitest';
import { makeDoc } from '../pipeline/stages/detect/doc.js';
import { RARE_MIN_EVIDENCE, rareEvidence, rareSynonymFindings } from '../pipeline/stages/detect/rare-synonym.js';
import { profile } from '../pipeline/stages/detect/synonyms.js';

function evidenceOf(text: string, word: string): number {
  const doc = makeDoc(text);
  const e = rareEvidence(doc);
  const i = doc.lower.indexOf(word);
  if (i < 0) throw new Error(`no ${word}`);
  return e[i];
}

describe('rare-synonym signal', () => {
  it('gives a rare member of a synset with a common synonym high evidence', () => {
    expect(evidenceOf('They will utilize the funds.', 'utilize')).toBeGreaterThan(RARE_MIN_EVIDENCE);
    expect(profile('utilize').candidates[0].word).toBe('use');
  });

  it('gives common words no or low evidence', () => {
    expect(evidenceOf('They will use the funds.', 'use')).toBeLessThan(1);
    expect(evidenceOf('The government will act.', 'government')).toBeLessThan(1);
    expect(evidenceOf('The house is new.', 'house')).toBeLessThan(1);
  });

  it('does not judge function words, numbers or capitalized words inside a sentence', () => {
    const doc = makeDoc('In 1990 the Utilize Corporation and others did so.');
    const e = rareEvidence(doc);
    expect([...e].every((x) => x === 0)).toBe(true);
  });

  it('reports findings on the word itself', () => {
    const text = 'Officials anticipate that they will utilize the new roads.';
    const f = rareSynonymFindings(makeDoc(text));
    expect(f.map((x) => text.slice(x.start, x.end))).toContain('utilize');
    for (const x of f) {
      expect(x.signal).toBe('rare-synonym');
      expect(x.strength).toBeGreaterThan(0);
      expect(x.strength).toBeLessThanOrEqual(1);
    }
    expect(rareSynonymFindings(makeDoc('They will use the new roads.'))).toEqual([]);
  });
});
