import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectIntrinsic } from '../pipeline/stages/detect.js';
import { docFeatures } from '../pipeline/stages/detect/features.js';
import { segment } from '../pipeline/stages/segment.js';
import { forgetMemos } from '../pipeline/memos.js';

const root = join(__dirname, '..');
const seed = (prefix: string): string => {
  const f = readdirSync(join(root, 'seeds')).find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`seed ${prefix}`);
  return readFileSync(join(root, 'seeds', f), 'utf8');
};
const fixture = (name: string): string => readFileSync(join(root, 'tests', 'fixtures', 'detect', name), 'utf8');
const words = (s: string): number => s.match(/\p{L}+/gu)?.length ?? 0;

describe('detectIntrinsic', () => {
  it('finds the same once the thread has emptied its memos', () => {
    const text = fixture('spun-news.txt');
    const before = detectIntrinsic(text);
    forgetMemos();
    expect(detectIntrinsic(text)).toEqual(before);
  });

  it('returns the agreed shape, with offsets into the text', () => {
    const text = fixture('spun-news.txt');
    const r = detectIntrinsic(text);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.spun).toBe(r.score >= 0.5);
    const seg = segment(text);
    expect(r.sentences.map((s) => [s.start, s.end])).toEqual(seg.sentences.map((s) => [s.start, s.end]));
    for (const s of r.sentences) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(s.signals)).toBe(true);
    }
    for (let i = 0; i < r.words.length; i++) {
      const w = r.words[i];
      expect(w.end).toBeGreaterThan(w.start);
      expect(text.slice(w.start, w.end).trim()).toBe(text.slice(w.start, w.end));
      expect(w.strength).toBeGreaterThan(0);
      expect(w.strength).toBeLessThanOrEqual(1);
      if (i > 0) expect(w.start).toBeGreaterThanOrEqual(r.words[i - 1].start);
    }
  });

  it('flags a spun news text and marks the spinner’s words', () => {
    const text = fixture('spun-news.txt');
    const r = detectIntrinsic(text);
    expect(r.spun).toBe(true);
    expect(r.sentences.filter((s) => s.score >= 0.5).length).toBeGreaterThanOrEqual(r.sentences.length - 1);
    const marked = r.words.map((w) => text.slice(w.start, w.end));
    expect(marked).toContain('actually');
    expect(marked).toContain('certainly');
    expect(marked).toContain('additionally');
  });

  it('leaves its clean original alone', () => {
    const r = detectIntrinsic(fixture('clean-news.txt'));
    expect(r.spun).toBe(false);
    expect(r.sentences.every((s) => s.score < 0.5)).toBe(true);
  });

  it('a clean document with a few odd words is not spun, and none of its sentences is flagged', () => {
    const text =
      fixture('clean-news.txt') +
      '\nThe mayor has actually promised this before, and she will certainly be asked about it again.';
    const r = detectIntrinsic(text);
    expect(r.spun).toBe(false);
    expect(r.sentences.every((s) => s.score < 0.5)).toBe(true);
    expect(r.words.some((w) => w.signal === 'filler')).toBe(true);
  });

  it('handles empty and tiny input', () => {
    expect(detectIntrinsic('')).toMatchObject({ spun: false, sentences: [], words: [] });
    expect(detectIntrinsic('Hello.').spun).toBe(false);
  });

  it('seeds: 003 is spun with most body sentences flagged; 000, 001, 002, 004 are clean with none flagged', () => {
    const spun = seed('003_');
    const r = detectIntrinsic(spun);
    expect(r.spun).toBe(true);
    const body = r.sentences.filter((s) => words(spun.slice(s.start, s.end)) >= 8);
    expect(body.filter((s) => s.score >= 0.5).length / body.length).toBeGreaterThanOrEqual(0.8);
    for (const p of ['000_', '001_', '002_', '004_']) {
      const c = detectIntrinsic(seed(p));
      expect(c.spun, p).toBe(false);
      expect(c.sentences.filter((s) => s.score >= 0.5), p).toEqual([]);
    }
  });
});

describe('document vocabulary features (detect/features.ts)', () => {
  const totals = (text: string) =>
    docFeatures(text).sentences.reduce(
      (a, s) => ({ syn: a.syn + s.syn, ev: a.ev + s.synEvidence, unseen: a.unseen + s.synUnseen, plain: a.plain + s.plain }),
      { syn: 0, ev: 0, unseen: 0, plain: 0 },
    );

  it('a rare inflected synonym raises the synonym evidence and the unseen-synonym count', () => {
    const clean = totals('Small business owners need relief from needless federal regulation.');
    const spun = totals('Small business owners need assuagement from needless federal regulation.');
    expect(spun.unseen).toBeGreaterThan(clean.unseen);
    expect(spun.ev).toBeGreaterThan(clean.ev);
    expect(spun.syn).toBe(clean.syn);
    expect(spun.plain).toBe(clean.plain);
  });
});
