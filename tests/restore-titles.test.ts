import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { domainTitles } from '../pipeline/stages/reference-data.js';
import { ReferenceIndex } from '../pipeline/stages/reference.js';
import { tokenize } from '../pipeline/stages/align/tokens.js';
import { restoreDocument, type Suspect } from '../pipeline/stages/restore.js';

// Fixtures written for these tests: clean reports that name a title of a named domain,
// and a spun report whose title words were swapped for WordNet relatives.
const REF_A = 'The talks ended on Monday, said Ana Ruiz, the chief economist for Northwind Bank, who expects rates to hold.';
const REF_B = 'Rates will hold through the spring, according to Northwind Bank chief economist for Northwind Bank forecasts.';
const REF_C = 'Investors were calm on Tuesday, and the chief economist for Northwind Bank said the outlook was stable.';
const SPUN = 'Markets rose sharply after the decision, said Ana Ruiz, head economist for Northwind Bank, in a note to clients.';

function restore(text: string, refs: string[], suspects: Suspect[] = []) {
  const index = new ReferenceIndex();
  refs.forEach((t, i) => index.add(`ref${i}`, t));
  const edits = restoreDocument({ docId: 'spun', text, index, suspects }).filter((e) => e.reason === 'domain-title');
  return { edits, text: applyEdits(text, edits.filter((e) => e.confidence >= 0.8)) };
}

describe('domain titles', () => {
  it('finds lower-case titles of a capitalized domain, every prefix of the name', () => {
    const text = 'She is the special envoy for Latin America Maria Soto and an adviser to the United Nations.';
    const found = domainTitles(text, tokenize(text)).map((t) => {
      const tk = tokenize(text);
      return text.slice(tk[t.from].start, tk[t.to - 1].end);
    });
    expect(found).toEqual([
      'special envoy for Latin',
      'special envoy for Latin America',
      'special envoy for Latin America Maria',
      'special envoy for Latin America Maria Soto',
      'adviser to the United',
      'adviser to the United Nations',
    ]);
    // A function word, a number or a capital ends the title words; a lower-case word ends the domain.
    expect(domainTitles('the 3 reports of banks in Ohio', tokenize('the 3 reports of banks in Ohio'))).toEqual([]);
  });

  it('restores a swapped title from references that write it twice, citing one', () => {
    const r = restore(SPUN, [REF_A, REF_C]);
    expect(r.edits).toHaveLength(1);
    expect(r.edits[0]).toMatchObject({ before: 'head', after: 'chief', confidence: 0.9 });
    expect(r.edits[0].source?.text).toBe('chief economist for Northwind Bank');
    expect(r.text).toContain('Ana Ruiz, chief economist for Northwind Bank,');
  });

  it('only suggests a title the references write once, unless detection flagged the words', () => {
    const once = restore(SPUN, [REF_A]);
    expect(once.edits).toHaveLength(1);
    expect(once.edits[0].confidence).toBeLessThan(0.8);
    expect(once.text).toBe(SPUN);
    const at = SPUN.indexOf('head');
    const flagged = restore(SPUN, [REF_A], [{ start: at, end: at + 4, signal: 'rare-synonym', strength: 0.5 }]);
    expect(flagged.edits[0].confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves a title that the references attest as written, or whose words are not relatives', () => {
    const attested = 'Analysts agreed, said the head economist for Northwind Bank on Friday.';
    expect(restore(SPUN, [REF_A, REF_C, attested]).edits).toEqual([]);
    const unrelated = 'Markets rose sharply after the decision, said Ana Ruiz, former economist for Northwind Bank, in a note.';
    expect(restore(unrelated, [REF_A, REF_C]).edits).toEqual([]);
  });

  it('declines when two reference titles fit about equally well', () => {
    const other = 'The principal economist for Northwind Bank spoke first, and the principal economist for Northwind Bank spoke last.';
    expect(restore(SPUN, [REF_A, REF_C, other]).edits).toEqual([]);
  });
});
