import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { tokenize } from '../pipeline/stages/align/tokens.js';
import { ReferenceIndex } from '../pipeline/stages/reference.js';
import { restoreDocument, type Suspect } from '../pipeline/stages/restore.js';
import {
  bestReversal,
  CALIBRATION,
  indefiniteArticle,
  restoreGeneric,
  reversalCandidates,
  type WordContext,
} from '../pipeline/stages/restore/generic.js';

/** A word's context with no corpus evidence either way unless given. */
function context(over: Partial<WordContext> & { doc?: Record<string, number>; refs?: Record<string, number> } = {}): WordContext {
  const { doc = {}, refs = {}, ...rest } = over;
  return {
    rareSynonym: 0.9,
    density: 0.25,
    docCount: (k) => doc[k] ?? (k.includes(' ') ? 0 : 1),
    refCount: (n) => refs[n] ?? 0,
    ...rest,
  };
}

/** Suspects on the given words of `text` (every occurrence), as detection would report them. */
function suspectsOn(text: string, words: Record<string, string>): Suspect[] {
  const out: Suspect[] = [];
  for (const t of tokenize(text)) {
    const signal = words[t.key];
    if (signal) out.push({ start: t.start, end: t.end, signal, strength: 0.9 });
  }
  return out;
}

describe('WordNet reversal candidates', () => {
  it('offers the common members of the word\'s synsets, inflected like the word', () => {
    expect(reversalCandidates('societal').map((c) => c.word)).toContain('social');
    expect(reversalCandidates('twelvemonths').map((c) => c.word)).toContain('years');
    // a multiword expression reverses to a single word, in its inflection
    expect(reversalCandidates('mean solar days').map((c) => c.word)).toEqual(['days']);
  });

  it('never proposes function words, numbers or multiword candidates', () => {
    const words = reversalCandidates('equally').map((c) => c.word);
    expect(words).not.toContain('as');
    for (const w of ['likewise', 'twelvemonths', 'caput', 'livings']) {
      for (const c of reversalCandidates(w)) expect(c.word).toMatch(/^[a-z][a-z'-]*$/);
    }
    expect(reversalCandidates('likewise').map((c) => c.word)).not.toContain('also');
  });
});

describe('weighing the evidence', () => {
  it('prefers a much more common synonym that fits both neighbours', () => {
    const r = bestReversal('societal', context({ left: 'of', right: 'security' }))!;
    expect(r.word).toBe('social');
    expect(r.probability).toBeGreaterThan(0.9);
    expect(r.evidence.frequency).toBeGreaterThan(3);
    expect(r.evidence.pairRight).toBeGreaterThan(0);
  });

  it('is less sure in a document detection found only lightly spun', () => {
    const p = (density: number) => bestReversal('caput', context({ left: 'the', right: 'of', density }))!.probability;
    expect(p(0.25)).toBeGreaterThan(0.9);
    expect(p(0.1)).toBeLessThan(p(0.25));
    expect(p(0.03)).toBeLessThan(0.5);
  });

  it('takes the references\' and the document\'s own use of the word as the writer\'s choice', () => {
    const base = bestReversal('societal', context({ left: 'of', right: 'security' }))!;
    const usedByRefs = bestReversal('societal', context({ left: 'of', right: 'security', refs: { societal: 6 } }))!;
    const repeated = bestReversal('societal', context({ left: 'of', right: 'security', doc: { societal: 4 } }))!;
    expect(usedByRefs.probability).toBeLessThan(base.probability - 0.1);
    expect(repeated.probability).toBeLessThan(base.probability);
    expect(usedByRefs.unchanged).toBeGreaterThan(base.unchanged);
  });

  it('counts the references\' wording around the word for the candidate', () => {
    const plain = bestReversal('wealthiness', context({ left: 'and', right: 'there', density: 0.12 }))!;
    const supported = bestReversal('wealthiness', context({ left: 'and', right: 'there', density: 0.12, refs: { 'and wealth': 2, wealth: 5 } }))!;
    expect(supported.word).toBe('wealth');
    expect(supported.evidence.referenceLeft).toBeGreaterThan(0);
    expect(supported.probability).toBeGreaterThan(plain.probability + 0.2);
  });

  it('chooses the indefinite article by sound', () => {
    expect(indefiniteArticle('old')).toBe('an');
    expect(indefiniteArticle('free')).toBe('a');
    expect(indefiniteArticle('union')).toBe('a');
    expect(indefiniteArticle('hour')).toBe('an');
  });
});

describe('restoreGeneric in a spun document', () => {
  // Written for this test: a short text with spinner swaps ("caput", "societal",
  // "twelvemonths", "solar day") among ordinary words, and detection's findings on them.
  const TEXT = [
    'Fourteen twelvemonths ago the caput of the agency warned that societal security was in danger.',
    'On the next solar day after the vote, the agency published its plan.',
  ].join('\n');
  const SUSPECTS = [
    ...suspectsOn(TEXT, { twelvemonths: 'rare-synonym', caput: 'rare-synonym', societal: 'rare-synonym', warned: 'collocation' }),
    { start: TEXT.indexOf('solar day'), end: TEXT.indexOf('solar day') + 9, signal: 'rare-expression', strength: 0.5 },
  ].sort((a, b) => a.start - b.start);

  function restore(suspects: Suspect[] = SUSPECTS, reference = 'An unrelated clean article about the weather in the mountains.') {
    const index = new ReferenceIndex();
    index.add('ref', reference);
    const edits = restoreDocument({ docId: 'spun', text: TEXT, index, suspects });
    const applied = edits.filter((e) => e.confidence >= 0.8);
    return { edits, applied, text: applyEdits(TEXT, applied) };
  }

  it('applies confident reversals, keeping the sentence-initial capital and provenance in the evidence', () => {
    const { edits, applied, text } = restore();
    expect(text).toContain('Fourteen years ago the head of the agency warned');
    expect(text).toContain('On the next day after the vote');
    // weaker evidence ("that societal" is no worse a pair than "that social"): proposed, not applied
    const societal = edits.find((e) => e.before === 'societal')!;
    expect(societal.after).toBe('social');
    expect(societal.confidence).toBeGreaterThan(0.4);
    expect(societal.confidence).toBeLessThan(0.8);
    for (const e of applied) {
      expect(e.reason).toBe('wordnet-reversal');
      expect(e.evidence).toMatch(/WordNet candidate ".+" with probability/);
    }
  });

  it('leaves ordinary words alone', () => {
    const { edits } = restore();
    const touched = edits.map((e) => TEXT.slice(e.start, e.end).toLowerCase());
    for (const w of ['agency', 'vote', 'published', 'plan', 'danger']) expect(touched).not.toContain(w);
  });

  it('reports the fitted probability less the calibration margin as confidence', () => {
    const tokens = tokenize(TEXT);
    const index = new ReferenceIndex();
    const edits = restoreGeneric({ docId: 'spun', text: TEXT, index, suspects: SUSPECTS, tokens }, []);
    const caput = edits.find((e) => e.before === 'caput')!;
    const p = Number(/with probability ([\d.]+)/.exec(caput.evidence!)![1]);
    expect(caput.confidence).toBeCloseTo(p - CALIBRATION, 2);
  });

  it('only suggests in a document with few suspicious words', () => {
    const few = SUSPECTS.filter((s) => s.signal === 'rare-synonym' && TEXT.slice(s.start, s.end) === 'caput');
    const { edits, applied } = restore(few);
    expect(applied.filter((e) => e.reason === 'wordnet-reversal')).toEqual([]);
    expect(edits.every((e) => e.confidence < 0.8)).toBe(true);
  });

  it('does not touch words another mechanism already restored', () => {
    const tokens = tokenize(TEXT);
    const at = TEXT.indexOf('caput');
    const taken = [{ start: at, end: at + 5, before: 'caput', after: 'chief', stage: 'restore' as const, reason: 'x', confidence: 0.95 }];
    const edits = restoreGeneric({ docId: 'spun', text: TEXT, index: new ReferenceIndex(), suspects: SUSPECTS, tokens }, taken);
    expect(edits.some((e) => e.start < at + 5 && at < e.end)).toBe(false);
  });

  it('leaves a verb bound to its particle in a WordNet idiom ("crack down"), where its synonym would read as likelier', () => {
    // References that use "go" and "go down" often: the scorer alone would take "crack" for a spun "go".
    const reference = [
      'Prices will go down next year. Farmers want to go to market early. We go where the work is.',
      'Rates go down in winter. Few want to go abroad now. Sales go down when rates go up.',
    ].join(' ');
    const text = 'Fourteen twelvemonths ago the caput of the agency vowed to crack down on gangs and guns.';
    const suspects = suspectsOn(text, { twelvemonths: 'rare-synonym', caput: 'rare-synonym', crack: 'rare-synonym' });
    const index = new ReferenceIndex();
    index.add('ref', reference);
    const at = text.indexOf('crack');
    const scored = bestReversal('crack', context({ left: 'to', right: 'down', refs: { go: index.count('go'), 'to go': index.count('to go'), 'go down': index.count('go down') } }))!;
    expect(scored.word).toBe('go');
    expect(scored.probability).toBeGreaterThan(0.9);
    const edits = restoreDocument({ docId: 'spun', text, index, suspects });
    expect(edits.some((e) => e.start < at + 5 && at < e.end)).toBe(false);
    // the other swaps of the sentence are still reversed
    expect(edits.map((e) => e.after)).toEqual(expect.arrayContaining(['years', 'head']));
  });

  it('keeps "a"/"an" in agreement with the restored word', () => {
    const text = 'He called it an unimprisoned world where a caput of state had fled.';
    const suspects = suspectsOn(text, { unimprisoned: 'rare-synonym', caput: 'rare-synonym', fled: 'collocation' });
    const tokens = tokenize(text);
    const edits = restoreGeneric({ docId: 'd', text, index: new ReferenceIndex(), suspects, tokens }, []);
    const e = edits.find((x) => x.before.endsWith('unimprisoned'));
    expect(e?.before).toBe('an unimprisoned');
    expect(e?.after).toBe('a free');
    expect(edits.find((x) => x.before.endsWith('caput'))?.before).toBe('caput');
  });
});
