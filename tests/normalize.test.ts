import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, type Edit } from '../pipeline/edits.js';
import { normalize, normalizeText } from '../pipeline/stages/normalize.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/normalize');
const SEEDS = join(import.meta.dirname, '../seeds');

const inputs = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'));
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const expectedFor = (f: string): string | undefined => {
  const name = f.replace(/\.txt$/, '.expected.txt');
  return readdirSync(FIXTURES).includes(name) ? read(FIXTURES, name) : undefined;
};
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

/** The contract every result must honour, whatever the input. */
function checkContract(text: string, edits: Edit[]): void {
  let at = 0;
  for (const e of edits) {
    expect(e.start).toBeGreaterThanOrEqual(at);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.before).toBe(text.slice(e.start, e.end));
    expect(e.after).not.toBe(e.before);
    expect(e.stage).toBe('normalize');
    expect(e.reason).toMatch(/^[a-z0-9-]+$/);
    expect(e.evidence).toBeTruthy();
    expect(e.confidence).toBeGreaterThan(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
    at = e.end;
  }
}

function checkIdempotent(text: string): void {
  const once = normalizeText(text);
  expect(normalize(once)).toEqual([]);
}

describe('normalize: fixtures', () => {
  it.each(inputs)('%s', (f) => {
    const text = read(FIXTURES, f);
    const edits = normalize(text);
    checkContract(text, edits);
    const expected = expectedFor(f);
    if (expected === undefined) expect(edits).toEqual([]); // a negative fixture
    else expect(applyEdits(text, edits)).toBe(expected);
  });

  it.each(inputs)('is idempotent on %s', (f) => checkIdempotent(read(FIXTURES, f)));
});

describe('normalize: seeds', () => {
  it.each(seeds)('is idempotent on %s', (f) => checkIdempotent(read(SEEDS, f)));

  it.each(seeds.filter((f) => !f.startsWith('003_')))('leaves clean seed %s alone', (f) => {
    expect(normalize(read(SEEDS, f))).toEqual([]);
  });

  it('repairs the flipped quotes and glued dashes of seed 003, and nothing else', () => {
    const f = seeds.find((s) => s.startsWith('003_'))!;
    const text = read(SEEDS, f);
    const edits = normalize(text);
    checkContract(text, edits);
    expect(new Set(edits.map((e) => e.reason))).toEqual(new Set(['flipped-open-quote', 'glued-dash']));
    const out = applyEdits(text, edits);
    expect(out).not.toMatch(/^” /m);
    expect(out).not.toMatch(/\S– /);
    expect(out).toContain('“This is where we live”');
    expect(out).toContain('historical – claiming');
    expect(out).toContain('collaborations – however that’s constantly great – however');
    // Only those two kinds of change: same text once quotes and dash spacing are set aside.
    const strip = (s: string) => s.replace(/[“”]\s?/g, '').replace(/\s?–/g, '');
    expect(strip(out)).toBe(strip(text));
  });
});

describe('normalize: passes compose', () => {
  it('reports a repair that exposes another as one edit against the input', () => {
    const text = 'He said: â€\u009d This is it” and “more”.';
    const edits = normalize(text);
    expect(applyEdits(text, edits)).toBe('He said: “This is it” and “more”.');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ start: 9, before: 'â€\u009d ', after: '“', reason: 'mojibake' });
    expect(edits[0].evidence).toMatch(/then flipped-open-quote/);
  });

  it.each([
    ['zero-width space leaving a double space', 'a\u200b  b', 'a b'],
    ['control character leaving a double space', 'a \u0000 b', 'a b'],
    ['trailing spaces before CRLF', 'a  \r\nb\r\n', 'a\nb\n'],
    ['invisible character hiding a glued dash', 'word\u200b– next', 'word – next'],
    ['mojibake dash glued to a word', 'wordâ€“ next', 'word – next'],
    ['a removal that exposes mojibake', 'caf\u00c3\u200b\u00a9', 'café'],
    ['decomposed letter split by a soft hyphen', 'cafe\u00ad\u0301', 'café'],
    ['a repair that forms new mojibake with its neighbour (repaired until none is left)', 'x ÂÂâ€œ y', 'x “ y'],
    ['typographic spaces collapsing in front of a flipped quote', '” \u2002Yes,” she said “ok”.', '“Yes,” she said “ok”.'],
  ])('%s', (_name, input, expected) => {
    const edits = normalize(input);
    checkContract(input, edits);
    expect(applyEdits(input, edits)).toBe(expected);
    expect(normalize(expected)).toEqual([]);
  });

  it('returns nothing for clean text (fast path) and for the empty string', () => {
    expect(normalize('')).toEqual([]);
    expect(normalize('Plain ASCII text.\nTwo lines, single spaces.\n')).toEqual([]);
    expect(normalize('Curly “quotes” and – spaced – dashes are fine.')).toEqual([]);
  });
});

describe('normalize: line breaks it makes', () => {
  // A vertical tab or form feed becomes a line break (invisible.ts), as a lone CR does
  // (newlines.ts). What touches the new line's neighbours is the whitespace pass, as on
  // any line: a space before the break is trailing space and goes (its own edit, with
  // its reason); a space after it is the next line's indentation and stays, since
  // indentation can mean something (code, verse, lists) and cannot be restored from
  // the output (whitespace.ts). So "\v world" keeps its space, as "\r world" and
  // "\n world" do.
  it('removes the space before a break made from \\v, \\f or \\r and keeps the one after it, as for \\n', () => {
    const text = 'Hello\v world.\fThis is a test.\n';
    const edits = normalize(text);
    checkContract(text, edits);
    expect(applyEdits(text, edits)).toBe('Hello\n world.\nThis is a test.\n');
    expect(edits.map((e) => [e.start, e.before, e.after, e.reason])).toEqual([
      [5, '\v', '\n', 'control-char'],
      [13, '\f', '\n', 'control-char'],
    ]);
    expect(edits[0].evidence).toBe('U+000B (vertical tab / form feed) separates lines');
    for (const brk of ['\v', '\f', '\r', '\n']) {
      expect(normalizeText(`Hello${brk} world.\n`), JSON.stringify(brk)).toBe('Hello\n world.\n');
      const before = `Hello ${brk}world.\n`;
      const spaced = normalize(before);
      checkContract(before, spaced);
      expect(applyEdits(before, spaced), JSON.stringify(brk)).toBe('Hello\nworld.\n');
      expect(spaced[0]).toMatchObject({ start: 5, before: ' ', after: '', reason: 'trailing-space' });
    }
  });
});

describe('normalize: idempotency property', () => {
  function mulberry32(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Pieces that trigger every rule, and combinations of them.
  const PIECES = [
    'word', 'Word', 'The', '2024', 'é', 'e\u0301', ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '.', ',', ':',
    '“', '”', '” ', '"', '–', '—', '– ', '-', 'Ã', '©', 'â€', '™', '\u009d', 'Â', '\u00a0', '\u200b', '\u200d',
    '\u00ad', '\ufeff', '\u0000', '\u0092', '😀', 'Ð', 'Ñ', '€', 'ß', '…', '(', 'ł', 'Ä', 'ï»¿',
    '\u2000', '\u2002\u2002', 'ä¸', 'Å', '‚', 'ð', 'Ÿ', '\u0301', '\u0308', 'A', '\u212b', 'Ã\u00a0', 'â€œ', 'â€\u009d ',
  ];

  it('normalizing the output again yields no edits (3000 random texts)', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rand() * 25);
      const text = Array.from({ length: n }, () => PIECES[Math.floor(rand() * PIECES.length)]).join('');
      const edits = normalize(text);
      checkContract(text, edits);
      const out = applyEdits(text, edits);
      const again = normalize(out);
      if (again.length) throw new Error(`not idempotent on ${JSON.stringify(text)} → ${JSON.stringify(out)}: ${JSON.stringify(again)}`);
    }
  });
});
