import { describe, expect, it } from 'vitest';
import { loadCorpus, splitOf, type CleanDoc } from '../dev/eval/corpus.js';
import { fakeSpin } from '../dev/eval/fake-spin.js';
import {
  applyReplacements,
  changedWords,
  confusion,
  diffPairs,
  editQuality,
  expandSpan,
  flaggedSentences,
  invertPairs,
  levenshtein,
  mapPosition,
  mapSpan,
  prf,
  sentenceErrors,
  tallyErrors,
  tokenErrorReduction,
  wordErrors,
} from '../dev/eval/metrics.js';
import type { PipelineReport, ReportDocument } from '../dev/eval/report.js';
import { appliedEdits } from '../dev/eval/report.js';
import { scoreDetection, scoreRestore } from '../dev/eval/score.js';
import { buildDetectionSet, buildRestoreSet, interleave, spinDoc, SETTINGS, type Spinner } from '../dev/eval/sets.js';
import { Rng, sentenceSpans, tokenStrings } from '../dev/eval/text.js';

describe('text helpers', () => {
  it('splits sentences with Intl.Segmenter, trimmed, keeping "Mr." and initials inside', () => {
    const t = 'Mr. Smith said hi. John F. Kennedy left.\nNew para';
    expect(sentenceSpans(t).map((s) => t.slice(s.start, s.end))).toEqual([
      'Mr. Smith said hi.',
      'John F. Kennedy left.',
      'New para',
    ]);
  });

  it('tokenizes words and punctuation marks', () => {
    expect(tokenStrings("The U.S. secretary's well-known plan, 25%.")).toEqual([
      'The',
      'U.S',
      '.',
      "secretary's",
      'well-known',
      'plan',
      ',',
      '25',
      '%',
      '.',
    ]);
  });

  it('has a deterministic seeded RNG', () => {
    const a = Rng.from('x', 1);
    const b = Rng.from('x', 1);
    const xs = [a.next(), a.next(), a.int(1, 6)];
    expect([b.next(), b.next(), b.int(1, 6)]).toEqual(xs);
    expect(Rng.from('x', 2).next()).not.toEqual(xs[0]);
  });
});

describe('word errors', () => {
  it('is a Levenshtein distance', () => {
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3);
    expect(levenshtein(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(levenshtein(['a', 'b'], [])).toBe(2);
    expect(levenshtein([], ['a'])).toBe(1);
    expect(levenshtein(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'e'])).toBe(2);
  });

  it('counts word-level errors', () => {
    expect(wordErrors('The secretary has actually said.', 'The secretary has said.')).toBe(1);
    expect(wordErrors('Assistant of State Rubio claimed', 'Secretary of State Rubio said')).toBe(2);
    expect(wordErrors('same text.', 'same text.')).toBe(0);
    expect(wordErrors('said,', 'said')).toBe(1); // the comma is a token
  });

  it('computes the token error reduction', () => {
    expect(tokenErrorReduction(4, 1)).toBe(0.75);
    expect(tokenErrorReduction(4, 0)).toBe(1);
    expect(tokenErrorReduction(2, 3)).toBe(-0.5);
    expect(tokenErrorReduction(0, 0)).toBeNull();
  });

  it('tallies sentences', () => {
    const t = tallyErrors([
      { spunErrors: 2, restoredErrors: 0 },
      { spunErrors: 2, restoredErrors: 1 },
      { spunErrors: 0, restoredErrors: 1 },
      { spunErrors: 0, restoredErrors: 0 },
    ]);
    expect(t).toEqual({
      sentences: 4,
      wrongSentences: 2,
      fixedSentences: 1,
      brokenSentences: 1,
      spunErrors: 4,
      restoredErrors: 2,
      reduction: 0.5,
    });
  });
});

describe('classification metrics', () => {
  it('computes precision, recall and F1', () => {
    const r = prf(3, 1, 2);
    expect(r.precision).toBe(0.75);
    expect(r.recall).toBe(0.6);
    expect(r.f1).toBeCloseTo(2 / 3, 10); // 2·.75·.6/(.75+.6)
    expect(prf(0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
    expect(prf(0, 2, 0)).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });

  it('computes document accuracy and the false-positive rate on clean documents', () => {
    const c = confusion([
      { truth: true, predicted: true },
      { truth: true, predicted: false },
      { truth: false, predicted: false },
      { truth: false, predicted: true },
      { truth: false, predicted: false },
    ]);
    expect(c).toMatchObject({ n: 5, tp: 1, fn: 1, tn: 2, fp: 1, accuracy: 0.6, precision: 0.5, recall: 0.5 });
    expect(c.fpr).toBeCloseTo(1 / 3, 10);
  });

  it('matches sentence findings to truth sentences by coverage', () => {
    const truth = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 30 },
    ];
    const findings = [
      { start: 0, end: 10, score: 0.9 },
      { start: 11, end: 15, score: 0.6 }, // 4/9 of the second sentence
      { start: 15, end: 20, score: 0.2 }, // below the threshold
      { start: 21, end: 30, score: 0.5 }, // exactly at the threshold counts
    ];
    expect(flaggedSentences(truth, findings)).toEqual([true, false, true]);
    expect(flaggedSentences(truth, [{ start: 11, end: 16, score: 0.6 }])).toEqual([false, true, false]); // 5/9
    expect(flaggedSentences(truth, [{ start: 0, end: 30, score: 0.7 }])).toEqual([true, true, true]);
    expect(flaggedSentences(truth, [])).toEqual([false, false, false]);
  });
});

// D = original, S = spun, T = restored.
const D = 'He has said it. She left.';
const spinChanges = [
  { start: 3, end: 6, before: 'has', after: 'has actually' },
  { start: 7, end: 11, before: 'said', after: 'claimed' },
  { start: 20, end: 24, before: 'left', after: 'departed' },
];
const { text: S, pairs: dToS } = applyReplacements(D, spinChanges);
const sToD = invertPairs(dToS);

describe('correspondences', () => {
  it('applies replacements and records where they went', () => {
    expect(S).toBe('He has actually claimed it. She departed.');
    expect(dToS).toEqual([
      { a0: 3, a1: 6, b0: 3, b1: 15 },
      { a0: 7, a1: 11, b0: 16, b1: 23 },
      { a0: 20, a1: 24, b0: 32, b1: 40 },
    ]);
    expect(() => applyReplacements('abc', [{ start: 0, end: 1, before: 'x', after: 'y' }])).toThrow();
    expect(() =>
      applyReplacements('abc', [
        { start: 0, end: 2, after: 'y' },
        { start: 1, end: 3, after: 'z' },
      ]),
    ).toThrow();
  });

  it('maps positions and spans back to the original', () => {
    expect(mapSpan(sToD, { start: 0, end: 27 })).toEqual({ start: 0, end: 15 }); // first sentence
    expect(mapSpan(sToD, { start: 28, end: 41 })).toEqual({ start: 16, end: 25 }); // second sentence
    expect(mapPosition(sToD, 10, 'start')).toBe(3); // inside "has actually": snaps outward
    expect(mapPosition(sToD, 10, 'end')).toBe(6);
    // A zero-width pair (text inserted at 5) belongs to a span starting at 5, not to one ending at 5.
    const ins = [{ a0: 5, a1: 5, b0: 5, b1: 9 }];
    expect(mapPosition(ins, 5, 'start')).toBe(5);
    expect(mapPosition(ins, 5, 'end')).toBe(5);
    expect(mapPosition(ins, 6, 'end')).toBe(10);
  });

  it('grows a span over straddling intervals', () => {
    expect(expandSpan({ start: 5, end: 10 }, [{ start: 8, end: 12 }, { start: 11, end: 14 }, { start: 0, end: 2 }])).toEqual({
      start: 5,
      end: 14,
    });
    expect(expandSpan({ start: 5, end: 10 }, [{ start: 6, end: 8 }])).toEqual({ start: 5, end: 10 });
  });

  it('recovers pairs from a token diff', () => {
    expect(diffPairs('a b c', 'a x c')).toEqual([{ a0: 2, a1: 3, b0: 2, b1: 3 }]);
    // Dropping "b" removes one of its spaces too; either space is a right answer.
    const [p] = diffPairs('a b c', 'a c');
    expect(p.b0).toBe(p.b1);
    expect('a b c'.slice(0, p.a0) + 'a b c'.slice(p.a1)).toBe('a c');
  });
});

describe('restoration metrics', () => {
  // The pipeline drops " actually" (right), turns "claimed" into "stated" (still wrong)
  // and "She" into "They" (was right: a false edit).
  const edits = [
    { start: 6, end: 15, before: ' actually', after: '' },
    { start: 16, end: 23, before: 'claimed', after: 'stated' },
    { start: 28, end: 31, before: 'She', after: 'They' },
  ];
  const { text: T, pairs: sToT } = applyReplacements(S, edits);

  it('restores each spun sentence by the edits inside it', () => {
    expect(T).toBe('He has stated it. They departed.');
    const [s1, s2] = sentenceSpans(S);
    const e1 = sentenceErrors(D, S, T, sToD, sToT, s1);
    expect(S.slice(e1.spun.start, e1.spun.end)).toBe('He has actually claimed it.');
    expect(T.slice(e1.restored.start, e1.restored.end)).toBe('He has stated it.');
    expect(D.slice(e1.original.start, e1.original.end)).toBe('He has said it.');
    expect([e1.spunErrors, e1.restoredErrors]).toEqual([2, 1]);
    const e2 = sentenceErrors(D, S, T, sToD, sToT, s2);
    expect(T.slice(e2.restored.start, e2.restored.end)).toBe('They departed.');
    expect([e2.spunErrors, e2.restoredErrors]).toEqual([1, 2]);
    expect(tallyErrors([e1, e2]).reduction).toBe(0); // 3 errors before, 3 after
  });

  it('measures edit precision: changed-but-already-right words are false edits', () => {
    const q = editQuality(D, S, sToD, edits);
    // Units: "actually" (wrong in S), "claimed" (wrong), "She" (right) → 2/3.
    expect(q).toMatchObject({ edits: 3, editedUnits: 3, justifiedUnits: 2 });
    expect(q.precision).toBeCloseTo(2 / 3, 10);
    // Wrong units in S: has, actually, claimed, departed → 2 touched.
    expect(q).toMatchObject({ wrongUnits: 4, touchedWrongUnits: 2, recall: 0.5 });
    // Dropping "actually" helps; claimed→stated changes nothing; She→They harms.
    expect(q).toMatchObject({ helpful: 1, neutral: 1, harmful: 1 });
  });

  it('counts a pure insertion next to a spinner change as one justified unit', () => {
    // Spinner dropped "very": D "a very big dog" → S "a big dog"; the pipeline reinserts it.
    const d = 'a very big dog';
    const { text: s, pairs } = applyReplacements(d, [{ start: 2, end: 7, before: 'very ', after: '' }]);
    expect(s).toBe('a big dog');
    const q = editQuality(d, s, invertPairs(pairs), [{ start: 2, end: 2, before: '', after: 'very ' }]);
    expect(q).toMatchObject({ editedUnits: 1, justifiedUnits: 1, wrongUnits: 1, touchedWrongUnits: 1, helpful: 1 });
  });

  it('counts changed words in clean documents', () => {
    expect(changedWords('a b c', [{ start: 2, end: 3, after: 'x y' }])).toBe(2);
    expect(changedWords('a b c', [])).toBe(0);
    expect(changedWords('He said it.', [{ start: 3, end: 7, before: 'said', after: 'said' }])).toBe(0);
  });
});

// ---------------------------------------------------------------- sets and scoring

const WORDS = 'the secretary said that people have a new plan for the country and has first help from the world sea ship old man also'.split(' ');

function syntheticPool(): CleanDoc[] {
  const docs: CleanDoc[] = [];
  const rng = new Rng(7);
  for (const split of ['tune', 'heldout'] as const) {
    for (const source of ['sotu', 'moby'] as const) {
      for (let i = 0; i < 12; i++) {
        const paras: string[] = [];
        for (let p = 0; p < 4; p++) {
          const sents: string[] = [];
          for (let s = 0; s < 3; s++) {
            const w = Array.from({ length: rng.int(6, 14) }, () => WORDS[rng.int(0, WORDS.length - 1)]);
            sents.push(`${w.join(' ')} ${source}${split}${i}p${p}s${s}.`.replace(/^./, (c) => c.toUpperCase()));
          }
          paras.push(sents.join(' '));
        }
        const text = paras.join('\n');
        docs.push({ id: `${source}-${split}-${i}`, source, group: `${source}/${split}/${i}`, split, text, words: 0 });
      }
    }
  }
  docs.push({ id: 'seed-000', source: 'seed', group: 'seed/000', split: 'tune', text: 'A clean seed. It said so.', words: 5 });
  return docs;
}

const spin: Spinner = fakeSpin;

describe('detection sets', () => {
  const pool = syntheticPool();
  const setting = SETTINGS[1];
  const built = buildDetectionSet(pool, { setting, n: 4, seed: 3, spinnerName: 'fake' }, spin);

  it('is deterministic', () => {
    const again = buildDetectionSet(pool, { setting, n: 4, seed: 3, spinnerName: 'fake' }, spin);
    expect([...again.files]).toEqual([...built.files]);
    expect(again.truth).toEqual(built.truth);
  });

  it('never has a document both clean and spun, and labels sentences', () => {
    const docs = built.truth.documents;
    expect(docs).toHaveLength(4 * 2 * 2 + 1);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    expect(docs.filter((d) => d.spun && d.split === 'heldout')).toHaveLength(4);
    for (const d of docs) {
      const text = built.files.get(d.file)!;
      expect(d.sentences.map((s) => [s.start, s.end])).toEqual(sentenceSpans(text).map((s) => [s.start, s.end]));
      if (!d.spun) {
        expect(text).toBe(pool.find((p) => p.id === d.id)!.text);
        expect(d.sentences.every((s) => !s.changed)).toBe(true);
        continue;
      }
      // The located changes rebuild the spun text, and changed sentences are those holding one.
      expect(applyReplacements(d.original!, d.changes).text).toBe(text);
      for (const c of d.changes) expect(text.slice(c.sStart, c.sEnd)).toBe(c.after);
      for (const s of d.sentences) {
        expect(s.changed).toBe(d.changes.some((c) => c.sStart <= s.end && c.sEnd >= s.start && (c.sStart < s.end || c.sStart === c.sEnd)));
      }
      expect(d.sentences.some((s) => s.changed)).toBe(true);
    }
  });

  it('falls back to a diff when the change list does not rebuild the text', () => {
    const liar: Spinner = (t) => ({ text: t.replace('said', 'claimed'), changes: [] });
    const s = spinDoc(liar, 'He said it.', 0.5, 1);
    expect(s.diffFallback).toBe(true);
    expect(s.changes).toMatchObject([{ start: 3, end: 7, sStart: 3, sEnd: 10, before: 'said', after: 'claimed' }]);
  });

  it('scores a perfect report perfectly and an empty one as missing', () => {
    const docs: ReportDocument[] = built.truth.documents.map((d) => ({
      id: d.file,
      path: d.file,
      verdict: d.spun ? 'degraded' : 'clean',
      kinds: d.spun ? ['spun'] : [],
      sentences: d.sentences.filter((s) => s.changed).map((s) => ({ start: s.start, end: s.end, score: 0.9, signals: [] })),
      edits: d.changes.map((c) => ({
        start: c.sStart,
        end: c.sEnd,
        before: c.after,
        after: c.before,
        stage: 'restore',
        reason: 'oracle',
        confidence: 1,
      })),
    }));
    const perfect = scoreDetection(built.truth, { documents: docs }, built.files);
    for (const split of ['tune', 'heldout'] as const) {
      const s = perfect[split];
      expect(s.documents).toMatchObject({ accuracy: 1, recall: 1, fpr: 0 });
      expect(s.sentences).toMatchObject({ precision: 1, recall: 1, f1: 1 });
      expect(s.spunEdits).toMatchObject({ precision: 1, recall: 1, harmful: 0 });
      expect(s.spunErrors.reduction).toBe(1);
      expect(s.clean.changedWords).toBe(0);
      expect(s.hygiene.missing).toBe(0);
    }
    const empty = scoreDetection(built.truth, { documents: [] }, built.files);
    expect(empty.tune.hygiene.missing).toBe(9);
    expect(empty.tune.documents).toMatchObject({ recall: 0, fpr: 0, accuracy: 5 / 9 });
    expect(empty.tune.spunErrors.reduction).toBe(0);

    // An edit on a clean document is a false change; a mismatched edit is left out.
    const clean = built.truth.documents.find((d) => !d.spun && d.split === 'tune')!;
    const text = built.files.get(clean.file)!;
    const rep: PipelineReport = {
      documents: [
        {
          id: 'x',
          path: `./${clean.file}`,
          verdict: 'clean',
          kinds: [],
          edits: [
            { start: 0, end: 0, before: '', after: 'Oh ', stage: 'restore', reason: 'x', confidence: 1 },
            { start: 0, end: 3, before: 'zzz', after: 'a', stage: 'restore', reason: 'x', confidence: 1 },
            { start: 5, end: 6, before: text.slice(5, 6), after: 'q', stage: 'restore', reason: 'x', confidence: 0.2, suggestion: true },
          ],
        },
      ],
    };
    const s = scoreDetection(built.truth, rep, built.files).tune;
    expect(s.clean).toMatchObject({ docsWithEdits: 1, edits: 1, changedWords: 1 });
    expect(s.hygiene).toMatchObject({ invalidEdits: 1, suggestions: 1 });
    expect(appliedEdits(rep.documents[0], text).edits).toHaveLength(1);
  });
});

describe('restoration clusters', () => {
  const pool = syntheticPool();
  const setting = SETTINGS[2];
  const built = buildRestoreSet(pool, { setting, clusters: 3, seed: 5, spinnerName: 'fake' }, spin);

  it('is deterministic', () => {
    const again = buildRestoreSet(pool, { setting, clusters: 3, seed: 5, spinnerName: 'fake' }, spin);
    expect([...again.files]).toEqual([...built.files]);
  });

  it('puts 40–50% of the original sentences verbatim into 1–2 references and flags them', () => {
    expect(built.truth.clusters).toHaveLength(6);
    for (const c of built.truth.clusters) {
      expect(c.references.length).toBeGreaterThanOrEqual(1);
      expect(c.references.length).toBeLessThanOrEqual(2);
      const units = sentenceSpans(c.original);
      expect(c.copied.length / units.length).toBeGreaterThanOrEqual(0.35);
      expect(c.copied.length / units.length).toBeLessThanOrEqual(0.55);
      const refs = c.references.map((f) => built.files.get(f)!);
      for (const span of c.copied) {
        expect(refs.some((r) => r.includes(c.original.slice(span.start, span.end)))).toBe(true);
      }
      // References are their own articles: their filler is not the story itself.
      expect(c.fillers).not.toContain(c.id);
      const spun = built.files.get(c.file)!;
      expect(applyReplacements(c.original, c.changes).text).toBe(spun);
      for (const s of c.sentences) {
        const orig = c.original.slice(s.original.start, s.original.end);
        expect(refs.some((r) => r.includes(orig))).toBe(s.sourced);
      }
      expect(c.sentences.some((s) => s.sourced)).toBe(true);
      expect(c.sentences.some((s) => !s.sourced)).toBe(true);
    }
    const stories = new Set(built.truth.clusters.map((c) => c.id));
    expect(built.truth.clusters.flatMap((c) => c.fillers).some((f) => stories.has(f))).toBe(false);
  });

  it('interleaves sentences in order, keeping paragraphs as lines', () => {
    const out = interleave('A one. A two.\nB one.', ['X.', 'Y.'], new Rng(1));
    expect(out.split('\n')).toHaveLength(2);
    expect(out.indexOf('X.')).toBeLessThan(out.indexOf('Y.'));
    expect(out.replace(/ ?[XY]\./g, '').replace(/\n /g, '\n').trim()).toBe('A one. A two.\nB one.');
  });

  it('scores an oracle that only fixes sourced sentences', () => {
    const docs: ReportDocument[] = built.truth.clusters.map((c) => ({
      id: c.file,
      path: c.file,
      verdict: 'degraded',
      kinds: ['spun'],
      edits: c.changes
        .filter((ch) => c.sentences.some((s) => s.sourced && s.start <= ch.sStart && ch.sEnd <= s.end))
        .map((ch) => ({ start: ch.sStart, end: ch.sEnd, before: ch.after, after: ch.before, stage: 'restore', reason: 'oracle', confidence: 1 })),
    }));
    const score = scoreRestore(built.truth, { documents: docs }, built.files);
    for (const split of ['tune', 'heldout'] as const) {
      const s = score[split];
      expect(s.clusters).toBe(3);
      expect(s.sourced.reduction).toBe(1);
      expect(s.unsourced.reduction).toBe(0);
      expect(s.sourced.spunErrors).toBeGreaterThan(0);
      expect(s.unsourced.spunErrors).toBeGreaterThan(0);
      expect(s.edits).toMatchObject({ precision: 1, harmful: 0 });
      expect(s.spunFlagged).toBe(1);
      expect(s.references).toMatchObject({ changedWords: 0, flaggedSpun: 0 });
      expect(s.hygiene.missing).toBe(s.references.docs); // references are not in this report
    }
  });
});

describe('clean corpus', () => {
  it('cuts article-sized documents from the speeches and Moby-Dick, split by source unit', () => {
    const docs = loadCorpus();
    const cut = docs.filter((d) => d.source !== 'seed');
    expect(cut.length).toBeGreaterThan(400);
    for (const d of cut) {
      expect(d.words).toBeGreaterThanOrEqual(300);
      expect(d.words).toBeLessThanOrEqual(900);
      expect(d.text).not.toMatch(/\n\n|^\s|\s$/);
      expect(d.split).toBe(splitOf(d.group));
    }
    expect(docs.filter((d) => d.source === 'seed').map((d) => d.id)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-004']);
    for (const source of ['sotu', 'moby'] as const) {
      for (const split of ['tune', 'heldout'] as const) {
        expect(cut.filter((d) => d.source === source && d.split === split).length).toBeGreaterThan(100);
      }
    }
    expect(cut.every((d) => d.source !== 'sotu' || Number(d.group.slice(5, 9)) >= 1945)).toBe(true);
    expect(loadCorpus().map((d) => d.text)).toEqual(docs.map((d) => d.text));
  }, 60_000);
});
