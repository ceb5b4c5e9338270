import { describe, expect, it } from 'vitest';
import { analyzeDocument, defaultOptions } from '../pipeline/document.js';
import { runCorpusStages, type AnalyzedDocument } from '../pipeline/stages/corpus.js';
import { CrossIndex } from '../pipeline/stages/crossdoc.js';
import { LocalRunner } from '../pipeline/workers/tasks.js';

// Fixtures written for these tests: a clean article and a spun rendering of it, with
// the rarer synonyms a WordNet spinner puts in.
const SOURCE = [
  'Senator Maria Lopez said on Friday that the committee would help farmers sell more grain abroad.',
  'The committee will hold a hearing on the trade bill next Tuesday, Lopez said.',
  'Farmers in Iowa have asked for help with the cost of shipping grain to Asia.',
  'The bill would also buy new equipment for ports on the Gulf coast.',
].join('\n');

const SPUN = [
  'Senator Maria Lopez stated on Friday that the commission would assist farmers sell more grain abroad.',
  'The commission will hold a hearing on the trade measure next Tuesday, Lopez stated.',
  'Farmers in Iowa have asked for aid with the cost of shipping grain to Asia.',
  'The measure would also purchase new equipment for ports on the Gulf coast.',
].join('\n');

const UNRELATED = 'The city council approved a new budget for the public library on Monday evening.\nThe mayor praised the vote.';

function index(scores: { source: number; spun: number }): CrossIndex {
  return new CrossIndex([
    { id: 'source', text: SOURCE, score: scores.source },
    { id: 'spun', text: SPUN, score: scores.spun },
    { id: 'other', text: UNRELATED, score: 0.1 },
  ]);
}

describe('cross-document evidence', () => {
  it('judges the odder side of a swapped pair of documents spun', () => {
    const x = index({ source: 0.2, spun: 0.45 });
    expect(x.evidenceFor('spun')?.partner).toBe('source');
    expect(x.evidenceFor('source')).toBeUndefined();
  });

  it('clears a flagged document that is the source of a far odder one', () => {
    const x = index({ source: 0.55, spun: 0.95 });
    const c = x.clearanceFor('source');
    expect(c?.partner).toBe('spun');
    expect(c!.units.map((u) => SOURCE.slice(u.start, u.end))).toContain(SOURCE.split('\n')[1]);
    // The odder side is never cleared, and an unrelated document clears nothing.
    expect(x.clearanceFor('spun')).toBeUndefined();
    expect(x.clearanceFor('other')).toBeUndefined();
  });

  it('does not clear a document against a partner only a little odder', () => {
    expect(index({ source: 0.55, spun: 0.7 }).clearanceFor('source')).toBeUndefined();
  });
});

describe('how much cross-document evidence a document needs', () => {
  const lines = (text: string) => text.split('\n');
  const [s1, s2, s3, s4] = lines(SOURCE);
  const [p1, p2, p3] = lines(SPUN);
  // Lines of dialogue too short to align by (a speaker's label, a one-word reply).
  const chatter = Array.from({ length: 30 }, (_, i) => (i % 2 ? 'Aye! aye!' : 'ALL.'));
  const judge = (docs: Array<{ id: string; text: string; score: number }>) => new CrossIndex(docs).evidenceFor('spun');

  it('adds up the units that align with different cleaner documents', () => {
    // One swapped unit against each source: too few for either alone, enough together.
    const e = judge([
      { id: 'a', text: [s1, 'The weather in the capital was mild for the season.'].join('\n'), score: 0.1 },
      { id: 'b', text: [s3, 'Officials did not say when the talks would resume.'].join('\n'), score: 0.1 },
      { id: 'spun', text: [p1, p3].join('\n'), score: 0.4 },
    ]);
    expect(e?.units.map((u) => u.partner).sort()).toEqual(['a', 'b']);
  });

  it('counts a sentence and a quotation inside it once, whichever partners they align with', () => {
    const quote = '"The commission will hold a hearing on the trade measure next Tuesday and farmers will be heard,"';
    const e = judge([
      { id: 'a', text: 'At the rally Senator Maria Lopez said: The committee will hold a hearing on the trade bill next Tuesday and farmers will be heard, to loud cheers from the crowd.', score: 0.1 },
      { id: 'b', text: 'Speaking in Iowa, she repeated: "The committee will hold a hearing on the trade bill next Tuesday and farmers will be heard," and left.', score: 0.1 },
      { id: 'spun', text: `At the rally Senator Maria Lopez stated: ${quote} to loud cheers from the crowd.\nThe weather was fine.`, score: 0.4 },
    ]);
    expect(e).toBeUndefined();
  });

  it('does not count lines too short to align in the share of swapped sentences', () => {
    const spun = [p1, ...chatter.slice(0, 15), p2, ...chatter.slice(15)].join('\n');
    const e = judge([
      { id: 'source', text: SOURCE, score: 0.1 },
      { id: 'spun', text: spun, score: 0.4 },
    ]);
    expect(e?.units).toHaveLength(2);
  });

  it('still needs a tenth of the substantive sentences', () => {
    const filler = Array.from({ length: 24 }, (_, i) => `Witness number ${i + 1} told the hearing that the river had flooded the lower town again.`);
    const spun = [p1, ...filler.slice(0, 12), p2, ...filler.slice(12)].join('\n');
    expect(judge([{ id: 'source', text: [s1, s2, s3, s4].join('\n'), score: 0.1 }, { id: 'spun', text: spun, score: 0.4 }])).toBeUndefined();
  });
});

describe('the corpus stages with a flagged source', () => {
  it('keep the source of a far odder spun document clean, and restore the spun one from it', async () => {
    const doc = (id: string, text: string, score: number): AnalyzedDocument => {
      const state = analyzeDocument(id, id, text, defaultOptions);
      // Intrinsic detection as it would be with a clean text in an odd style: flagged, just.
      const intrinsic = { score, spun: score >= 0.5, sentences: [{ start: 0, end: state.log!.text.length, score, signals: ['rare-synonym'] }], words: [] };
      return { state, intrinsic };
    };
    const docs = [doc('source', SOURCE, 0.56), doc('spun', SPUN, 0.95), doc('other', UNRELATED, 0.1)];
    await runCorpusStages(docs, defaultOptions, new LocalRunner());
    const [source, spun] = docs.map((d) => d.state);
    expect(source.verdict).toBe('clean');
    expect(source.score).toBeLessThan(0.5);
    expect(source.sentences.every((s) => s.score < 0.5)).toBe(true);
    expect(source.sentences[0].signals).toContain('source-of-spun');
    expect(source.log!.edits).toEqual([]);
    expect(spun.verdict).toBe('degraded');
    expect(spun.log!.text).toContain('The committee will hold a hearing on the trade bill next Tuesday, Lopez said.');
  });
});
