import { describe, expect, it } from 'vitest';
import { makeEdit } from '../pipeline/edits.js';
import { tokenize } from '../pipeline/stages/align/tokens.js';
import { ReferenceIndex } from '../pipeline/stages/reference.js';
import { applyLearned } from '../pipeline/stages/restore/learned.js';
import type { Learned, Restoring, Suspect } from '../pipeline/stages/restore/types.js';

// A spun text in which two aligned uses taught "management" → "administration".
const TEXT = [
  'The Trump management has said it will act.', // taught
  'Aides to the Trump management has asked for time.', // taught
  'The Trump management plans to visit Panama.', // same content word before a taught use
  'The country’s management has signalled it is open to talks.', // only "has" after, like a taught use
  'Local management is weak.', // no shared context
].join('\n');

/** What an alignment teaches when it restores the `nth` use of `spun` in `text` as `canonical`. */
function taught(text: string, spun: string, canonical: string, nth = 0): Learned {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(spun, at + 1);
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.start === at);
  const n = spun.split(' ').length;
  const evidence = makeEdit(text, at, at + spun.length, canonical, {
    stage: 'restore',
    reason: 'sentence-alignment',
    confidence: 0.96,
    evidence: 'aligned',
    source: { id: 'ref', start: 0, end: canonical.length, text: canonical },
  });
  return { spun, canonical, support: 1, evidence, left: tokens[i - 1]?.key, right: tokens[i + n]?.key, at };
}

/** The learned substitutions applied to `text` (the lessons' own uses are taken). */
function apply(text: string, lessons: Learned[], suspects: Suspect[] = []) {
  const ctx: Restoring = { docId: 'spun', text, index: new ReferenceIndex(), suspects, tokens: tokenize(text) };
  return applyLearned(ctx, lessons, lessons.map((l) => l.evidence));
}

const learnedEdits = (suspects: Suspect[] = []) =>
  apply(TEXT, [taught(TEXT, 'management', 'administration', 0), taught(TEXT, 'management', 'administration', 1)], suspects);

const line = (n: number) => {
  const start = TEXT.split('\n').slice(0, n).join('\n').length + (n ? 1 : 0);
  return { start, end: start + TEXT.split('\n')[n].length };
};

describe('learned substitutions', () => {
  it('apply a taught word where the same content word stands next to it', () => {
    const edits = learnedEdits();
    const third = line(2);
    expect(edits.filter((e) => e.start >= third.start && e.end <= third.end).map((e) => e.after)).toEqual(['administration']);
    expect(edits.every((e) => e.reason === 'learned-substitution' && e.source?.id === 'ref')).toBe(true);
  });

  it('do not take a function word or a possessive next to it for a shared context', () => {
    const edits = learnedEdits();
    const fourth = line(3);
    const fifth = line(4);
    expect(edits.filter((e) => e.start >= fourth.start)).toEqual([]);
    expect(edits.filter((e) => e.start >= fifth.start)).toEqual([]);
  });

  it('apply a taught word detection flagged, whatever its neighbours', () => {
    const fifth = line(4);
    const at = TEXT.indexOf('management', fifth.start);
    const edits = learnedEdits([{ start: at, end: at + 10, signal: 'rare-synonym', strength: 0.5 }]);
    expect(edits.filter((e) => e.start >= fifth.start).map((e) => e.after)).toEqual(['administration']);
  });
});

describe('learned multiword substitutions', () => {
  it('take any shared neighbour, a function word too, for a shared context', () => {
    const text = 'Migrants living in the united state unlawfully will be sent back.\nMembers of the united state armed forces left.\nA united state of mind.';
    const edits = apply(text, [taught(text, 'united state', 'U.S.')]);
    // "the united state" shares "the" with the taught use; "A united state" shares nothing.
    expect(edits.map((e) => text.slice(e.start - 4, e.end))).toEqual(['the united state']);
  });
});

describe('learned substitutions with an article', () => {
  // One alignment taught "a new" → "an unprecedented": one word's lesson, its article in agreement.
  const text = 'It is time for a new quest in our land.\nWe hope for a new spirit of trust.\nIt is time for a New Federalism.';
  const lesson = () => taught(text, 'a new', 'an unprecedented');

  it('need a word\'s support: one taught use and a function word in common are not enough', () => {
    expect(apply(text, [lesson()])).toEqual([]);
  });

  it('apply where two uses taught it and detection flagged the word, as a single word\'s lesson would', () => {
    const lone = 'We hope for a new spirit.\nThey want a new deal.\nWe hope for a new start.';
    const at = lone.lastIndexOf('a new');
    const lessons = [taught(lone, 'a new', 'an unprecedented', 0), taught(lone, 'a new', 'an unprecedented', 1)];
    expect(apply(lone, lessons)).toEqual([]);
    const flagged = apply(lone, lessons, [{ start: at + 2, end: at + 5, signal: 'rare-synonym', strength: 0.6 }]);
    expect(flagged.map((e) => `${lone.slice(e.start, e.end)} → ${e.after}`)).toEqual(['a new → an unprecedented']);
  });

  it('do not lower-case a capitalized word of a name', () => {
    const at = text.indexOf('a New');
    const suspects = [{ start: at + 2, end: at + 5, signal: 'rare-synonym', strength: 0.6 }];
    const edits = apply(text, [lesson(), taught(text, 'a new', 'an unprecedented', 1)], suspects);
    expect(edits.filter((e) => e.start >= at)).toEqual([]);
    // nor when the reference wording began a sentence ("An unprecedented")
    const capital = apply(text, [taught(text, 'a new', 'An unprecedented', 0), taught(text, 'a new', 'An unprecedented', 1)], suspects);
    expect(capital.filter((e) => e.start >= at)).toEqual([]);
  });
});
