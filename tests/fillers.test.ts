import { describe, expect, it } from 'vitest';
import { AFTER_AUXILIARY, BEFORE_WORD, SLASHED, UNPAIRED_FILLERS } from '../pipeline/lexicon/fillers.js';
import { applyEdits } from '../pipeline/edits.js';
import { makeDoc } from '../pipeline/stages/detect/doc.js';
import { fillerFindings } from '../pipeline/stages/detect/filler.js';
import { restoreFillers } from '../pipeline/stages/restore/fillers.js';

const TABLES = [...AFTER_AUXILIARY, ...BEFORE_WORD];

describe('filler tables (lexicon/fillers.ts)', () => {
  it('hold lower-case single words, one entry per pattern, strengths in (0, 1]', () => {
    const keys = TABLES.map((f) => `${f.host} ${f.filler}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of TABLES) {
      expect(f.filler).toMatch(/^'?[a-z]+$/);
      expect(f.host).toMatch(/^'?[a-z]+$/);
    }
    for (const s of [...TABLES.flatMap((f) => [f.strength, f.beforeParticiple ?? f.strength]), ...SLASHED.values()]) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('let the aligner accept every filler that restoration removes', () => {
    for (const f of TABLES.filter((f) => f.restore)) expect(UNPAIRED_FILLERS.has(f.filler)).toBe(true);
    for (const f of AFTER_AUXILIARY) expect(UNPAIRED_FILLERS.has(f.filler)).toBe(true);
  });

  it('drive detection: strength from the table, higher before a participle', () => {
    const strengths = (text: string) => fillerFindings(makeDoc(text)).map((f) => f.strength);
    expect(strengths('The board has actually approved it.')).toEqual([0.7]);
    expect(strengths('The board has actually begun work.')).toEqual([0.6]);
    expect(strengths('It would certainly help, and it would definitely last.')).toEqual([0.4, 0.5]);
    expect(strengths('The absolute best plan.')).toEqual([0.5]);
  });

  it('drive restoration: only the patterns marked restore, with their evidence', () => {
    const t = 'It has actually grown. It would certainly help. It would definitely last. The very first day, our very own town.';
    const edits = restoreFillers(t);
    expect(applyEdits(t, edits)).toBe('It has grown. It would help. It would definitely last. The first day, our very own town.');
    expect(edits.map((e) => e.evidence)).toEqual([
      '"has actually": a spinner\'s filler after an auxiliary',
      '"would certainly": a spinner\'s filler after an auxiliary',
      '"very first": a spinner\'s filler before an ordinal',
    ]);
  });

  it('give a sentence-initial filler\'s capital to its host', () => {
    const t = 'We met. Very first, we must balance the budget.';
    expect(applyEdits(t, restoreFillers(t))).toBe('We met. First, we must balance the budget.');
    expect(applyEdits('Very first, we met.', restoreFillers('Very first, we met.'))).toBe('First, we met.');
    // A capitalized host is a name's.
    expect(restoreFillers('They met at the Very First Baptist Church.')).toEqual([]);
  });
});
