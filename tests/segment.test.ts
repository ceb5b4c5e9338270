import { describe, expect, it } from 'vitest';
import { segment, sentencesIn } from '../pipeline/stages/segment.js';

const sentences = (t: string) => segment(t).sentences.map((s) => t.slice(s.start, s.end));

describe('segment', () => {
  it('splits paragraphs on lines and skips blank ones', () => {
    const t = 'One line.\n\n  Two line.  \n';
    expect(segment(t).paragraphs.map((p) => t.slice(p.start, p.end))).toEqual(['One line.', 'Two line.']);
  });

  it('does not end sentences at titles, months or initials', () => {
    expect(sentences('He met Mr. Trump in Washington, Jan. 21, 2025. The U.S. Army went home.')).toEqual([
      'He met Mr. Trump in Washington, Jan. 21, 2025.',
      'The U.S. Army went home.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He said “That ends now.” She left.')).toEqual(['He said “That ends now.”', 'She left.']);
  });

  it('gives word offsets that index the text', () => {
    const t = 'Rubio’s trip, in 2025.';
    const words = segment(t).words.map((w) => w.text);
    expect(words).toEqual(['Rubio’s', 'trip', 'in', '2025']);
    for (const w of segment(t).words) expect(t.slice(w.start, w.end)).toBe(w.text);
  });
});

describe('words', () => {
  it('match Intl.Segmenter word-like segments on news text', () => {
    const t =
      'Rubio’s trip, the U.S. said, costs $2,000 at 12:30 — a brand-new “deal” (25%) for José Raúl Mulino; it’s 3.5 times more.';
    const intl = [...new Intl.Segmenter('en', { granularity: 'word' }).segment(t)].filter((s) => s.isWordLike).map((s) => s.segment);
    expect(segment(t).words.map((w) => w.text)).toEqual(intl);
  });

  it('join across an apostrophe or a dot, and across a comma only between digits', () => {
    const words = (t: string) => segment(t).words.map((w) => w.text);
    expect(words("don't ’tis 'quoted' x’ U.S. e.g.. a..b")).toEqual(["don't", 'tis', 'quoted', 'x', 'U.S', 'e.g', 'a', 'b']);
    expect(words('1,000 1,2,3 a,b 3,x x,3 ½,3 ٣,٤')).toEqual(['1,000', '1,2,3', 'a', 'b', '3', 'x', 'x', '3', '½,3', '٣,٤']);
  });

  it('read letters and digits beyond the BMP and combining marks as word characters', () => {
    const t = 'a\u0301b 𝐁old 𝟏,𝟐 中文 — x';
    expect(segment(t).words.map((w) => w.text)).toEqual(['a\u0301b', '𝐁old', '𝟏,𝟐', '中文', 'x']);
  });

  it('join across a comma only with a digit on both sides, whatever their script', () => {
    const words = (t: string) => segment(t).words.map((w) => w.text);
    expect(words('𝟏,2 2,𝟏 1\u0301,2')).toEqual(['𝟏,2', '2,𝟏', '1\u0301', '2']);
  });

  it('leave lone surrogates out of words', () => {
    expect(segment('ab\ud800cd \udc00x').words.map((w) => w.text)).toEqual(['ab', 'cd', 'x']);
  });

  it('cut a word at its sentence end', () => {
    const t = 'It cost 3.It was.';
    expect(segment(t).words.map((w) => [w.text, w.sentence])).toEqual([
      ['It', 0],
      ['cost', 0],
      ['3.', 0],
      ['It', 1],
      ['was', 1],
    ]);
  });
});

describe('sentences of a long paragraph', () => {
  // Written for this test: sentences with the cases the segmenter decides by look-ahead
  // (abbreviations, initials, closing quotes, a lower-case word after a full stop).
  const parts = [
    'Mr. Smith met Gov. Lopez on Jan. 5 in Washington.',
    '"Will you sign it?" he asked.',
    'She said: "Yes." Then she left.',
    'The U.S. delegation, led by J. R. Ellis, arrived at 10 a.m. on Monday.',
    'Prices rose 2.5 percent. e.g. in food and fuel.',
    'It was over!',
  ];
  const text = Array.from({ length: 120 }, (_, i) => `${parts[i % parts.length]} (${i})`).join(' ');
  const span = { start: 0, end: text.length };

  it('segments window by window exactly as in one pass', () => {
    const whole = sentencesIn(text, span, Number.MAX_SAFE_INTEGER);
    expect(whole.length).toBeGreaterThan(100);
    for (const w of [200, 333, 1000, 4096]) expect(sentencesIn(text, span, w)).toEqual(whole);
  });

  it('does not trust a break near the window end, whose look-ahead the window cuts off', () => {
    // "approx." is no sentence end before a lower-case word, which lies past the window's end
    const text = 'word '.repeat(76) + 'approx. 5 apples are here. Next one.';
    const span = { start: 0, end: text.length };
    for (const w of [390, 400, 410]) expect(sentencesIn(text, span, w)).toEqual(sentencesIn(text, span, Number.MAX_SAFE_INTEGER));
  });

  it('cuts a window without space or break at its end, but not inside a surrogate pair', () => {
    const text = 'x' + '𠀀'.repeat(300) + '。Next.';
    for (const s of sentencesIn(text, { start: 0, end: text.length }, 256)) {
      expect(text.charCodeAt(s.end - 1) >= 0xd800 && text.charCodeAt(s.end - 1) <= 0xdbff).toBe(false);
    }
  });

  it('cuts a window without any sentence break at a space, never inside a word', () => {
    const words = Array.from({ length: 400 }, (_, i) => `Word${i}`).join(' ');
    const spans = sentencesIn(words, { start: 0, end: words.length }, 256);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(words.slice(s.start, s.end)).toMatch(/^Word\d+( Word\d+)*$/);
    expect(spans.map((s) => words.slice(s.start, s.end)).join(' ')).toBe(words);
  });
});
