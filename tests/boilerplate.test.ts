import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, type Edit } from '../pipeline/edits.js';
import { findBoilerplate, lines } from '../pipeline/stages/boilerplate.js';
import { parseCredit } from '../pipeline/stages/boilerplate/credit.js';
import { byline, dateline } from '../pipeline/stages/boilerplate/top.js';
import { contributorLine, reportingByLine } from '../pipeline/stages/boilerplate/trailer.js';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'boilerplate');

const seed = (prefix: string): string => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(SEEDS, name), 'utf8');
};

/** Lines removed by the applied (non-suggestion) edits, without their newline. */
const removed = (edits: readonly Edit[]): string[] =>
  edits.filter((e) => !e.suggestion).map((e) => e.before.replace(/\r?\n$/, ''));

/** Every edit removes exactly one whole line; edits are sorted and disjoint. */
function expectWellFormed(text: string, edits: readonly Edit[]): void {
  const ls = lines(text);
  const byStart = new Map(ls.map((l) => [l.start, l]));
  let at = -1;
  for (const e of edits) {
    expect(e.stage).toBe('boilerplate');
    expect(e.after).toBe('');
    expect(e.before).toBe(text.slice(e.start, e.end));
    expect(e.start).toBeGreaterThan(at);
    at = e.end - 1;
    const line = byStart.get(e.start);
    expect(line, `edit at ${e.start} starts a line`).toBeDefined();
    expect(e.end).toBe(line!.end);
    expect(e.reason).toMatch(/^[a-z-]+$/);
    expect(e.confidence).toBeGreaterThan(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
    expect(e.evidence && e.evidence.length).toBeGreaterThan(20);
  }
  expect(() => applyEdits(text, edits)).not.toThrow();
}

describe('findBoilerplate on the seeds', () => {
  // Exactly these lines go; every other line (body, headings, pull quote, blank lines) stays.
  const expected: Record<string, Array<[string, string]>> = {
    '000': [],
    '001': [
      ['CNN', 'outlet-mark'],
      ['—', 'outlet-mark'],
      ['CNN’s Priscilla Alvarez contributed to this report.', 'contributor-line'],
    ],
    '002': [
      ['CNN', 'outlet-mark'],
      ['—', 'outlet-mark'],
      ['CNN’ Angelica Franganillo Díaz, Stefano Pozzebon and Patrick Oppmann contributed reporting.', 'contributor-line'],
      ['Article by:Source:', 'source-trailer'],
    ],
    '003': [
      ['Assistant of State Marco Rubio consults with Indo-Pacific Quad priests at the State Division in Washington, Jan. 21, 2025.', 'photo-caption'],
      ['Elizabeth Frantz/Reuters', 'photo-credit'],
      ['Mexican Head of state Claudia Sheinbaum talks throughout an interview at the National Royal Residence in Mexico City, Jan. 31, 2025.', 'photo-caption'],
      ['Sashenka Gutierrez/EPA-EFE/Shutterstock', 'photo-credit'],
      ['A freight ship goes across the Agua Clara Locks of the Panama Canal in Colon, Panama, Sept. 2, 2024.', 'photo-caption'],
      ['Matias Delacroix/AP', 'photo-credit'],
    ],
    '004': [['Additional Coverage:', 'section-label']],
  };

  for (const [id, want] of Object.entries(expected)) {
    it(`seed ${id}: removes exactly the boilerplate lines and keeps every other line`, () => {
      const text = seed(id);
      const edits = findBoilerplate(text);
      expectWellFormed(text, edits);
      expect(edits.filter((e) => e.suggestion)).toEqual([]);
      expect(edits.map((e) => [e.before.replace(/\n$/, ''), e.reason])).toEqual(want);

      const out = applyEdits(text, edits);
      const gone = new Set(want.map(([l]) => l));
      const kept = text.split('\n').filter((l) => !gone.has(l));
      expect(out.split('\n').filter((l) => l !== '')).toEqual(kept.filter((l) => l !== ''));
      // Blank lines stay.
      expect(lines(out).filter((l) => l.blank).length).toBe(lines(text).filter((l) => l.blank).length);
    });
  }

  it('keeps the mid-article headings and the pull quote of seed 003', () => {
    const out = applyEdits(seed('003'), findBoilerplate(seed('003')));
    for (const l of ['Participation and threat', 'A “straight hazard” from China', '” This is where we live”']) {
      expect(out.split('\n')).toContain(l);
    }
  });

  it('removes a last line that has no trailing newline (seed 002 "Article by:Source:")', () => {
    const text = seed('002');
    expect(text.endsWith('Article by:Source:')).toBe(true);
    const out = applyEdits(text, findBoilerplate(text));
    expect(out.endsWith('ahead of Rubio’s visit.\n')).toBe(true);
  });
});

/** Annotated fixtures: `«reason» line` must be removed, `«?reason» line` suggested, the rest kept. */
function parseFixture(raw: string): { text: string; want: Map<string, string> } {
  const want = new Map<string, string>();
  for (const l of raw.split('\n')) {
    const m = /^«(\??[\w-]+)» (.*)$/.exec(l);
    if (m) want.set(m[2], m[1]);
  }
  return { text: raw.replace(/^«\??[\w-]+» /gm, ''), want };
}

describe('findBoilerplate on annotated fixtures (shapes not in the seeds)', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const f of files) {
    it(f, () => {
      const { text, want } = parseFixture(readFileSync(join(FIXTURES, f), 'utf8'));
      const edits = findBoilerplate(text);
      expectWellFormed(text, edits);
      const got = new Map(edits.map((e) => [e.before.replace(/\n$/, ''), (e.suggestion ? '?' : '') + e.reason]));
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
      // Every unmarked line survives.
      const out = applyEdits(text, edits.filter((e) => !e.suggestion)).split('\n');
      for (const l of text.split('\n')) if (!want.has(l) || want.get(l)!.startsWith('?')) expect(out).toContain(l);
    });
  }
});

const ARTICLE = [
  'Secretary of State Marco Rubio arrived in Panama on Saturday for the first stop of a five-nation tour of the region.',
  'He is expected to meet the president and tour the canal before flying on to El Salvador, officials said on Friday.',
  'The visit comes after weeks of pressure from Washington over the future of the waterway and its ports.',
];
const doc = (...ls: string[]): string => ls.join('\n') + '\n';

describe('top matter', () => {
  it('removes an outlet name directly above a lone dash, but not a headline above a byline', () => {
    expect(removed(findBoilerplate(doc('Fox News Digital', '—', ...ARTICLE)))).toEqual(['Fox News Digital', '—']);
    expect(removed(findBoilerplate(doc('Rubio Heads South', 'By Jane Doe', ...ARTICLE)))).toEqual(['By Jane Doe']);
    expect(removed(findBoilerplate(doc('Rubio Heads South', ...ARTICLE)))).toEqual([]);
    expect(removed(findBoilerplate(doc('THE CANAL', 'Marco Rubio', ...ARTICLE)))).toEqual([]);
    expect(removed(findBoilerplate(doc('BREAKING NEWS', 'Opinion', ...ARTICLE)))).toEqual(['BREAKING NEWS', 'Opinion']);
  });

  it('removes outlet marks only above the first paragraph, never in the middle', () => {
    const text = doc(ARTICLE[0], 'CNN', ARTICLE[1], 'Reuters', ARTICLE[2]);
    expect(removed(findBoilerplate(text))).toEqual([]);
  });

  it('keeps the top of a text that has no body paragraph at all', () => {
    expect(findBoilerplate(doc('CNN', '—', 'Short note.', 'Getty Images'))).toEqual([]);
    expect(findBoilerplate('')).toEqual([]);
  });

  it('recognises bylines by shape', () => {
    for (const s of [
      'By Jane Doe', 'By Jane Doe and John Roe, Reuters', 'By JANE DOE', 'By Jane Doe | CNN',
      'By Jane Doe, CNN | Updated 3:04 PM EST, Sat February 1, 2025', 'By The Associated Press',
      'By Ana María de la Cruz, Senior Correspondent', 'Written by Jane Doe',
    ]) expect(byline(s), s).not.toBeNull();
    for (const s of [
      'By Thursday, the talks had collapsed.', 'By then it was too late.', 'by jane doe',
      'By 2030, the canal will need new locks', 'Byline Jane Doe',
    ]) expect(byline(s), s).toBeNull();
  });

  it('recognises dateline-only lines by shape', () => {
    for (const s of [
      'WASHINGTON —', 'PANAMA CITY, Panama (AP) —', 'MEXICO CITY (Reuters) -', 'Jan. 31, 2025',
      'Updated 3:04 PM EST, Sat February 1, 2025', 'Published 10:00 a.m. ET Jan. 31, 2025', '2025-01-31',
      '3 hours ago', '5 min read',
    ]) expect(dateline(s), s).not.toBeNull();
    for (const s of ['Washington', 'January was a hard month', 'Updated guidance for travelers', 'The 2025 season']) {
      expect(dateline(s), s).toBeNull();
    }
  });

  it('handles CRLF line endings', () => {
    const text = ['CNN', '—', ...ARTICLE, 'Jane Doe contributed to this report.'].join('\r\n');
    const edits = findBoilerplate(text);
    expect(edits.map((e) => e.before)).toEqual(['CNN\r\n', '—\r\n', 'Jane Doe contributed to this report.']);
  });
});

describe('photo credits and captions', () => {
  it('recognises credit-line shapes', () => {
    const strong = [
      'Elizabeth Frantz/Reuters', 'Sashenka Gutierrez/EPA-EFE/Shutterstock', 'Matias Delacroix/AP',
      'Photo: Jane Doe/Reuters', 'Photo by Jane Doe', '(Photo by Chip Somodevilla/Getty Images)', 'Getty Images',
      'AP Photo/Evan Vucci', '(AP Photo/Mark Schiefelbein, File)', 'Jim Watson/AFP via Getty Images',
      'Photograph: Jane Doe/AP', 'Mark Schiefelbein | Afp | Getty Images', 'Courtesy of Jane Doe', 'Alamy Stock Photo',
      'Saul Loeb/AFP/Getty Images', 'Ludwig van Beethoven/DPA',
    ];
    for (const s of strong) expect(parseCredit(s)?.strength, s).toBe('strong');
    for (const s of ['REUTERS/Enea Lebrun', 'Reuters/Jonathan Ernst', 'US/China Relations', 'Kenny Holston for The New York Times']) {
      expect(parseCredit(s)?.strength, s).toBe('weak');
    }
    for (const s of [
      'The 24/7 news cycle', 'and/or', 'Applicants may submit a letter and/or a portfolio.', 'He said the 9/11 attacks',
      'Cooperation and threat', 'A “direct threat” from China', 'Mexico City/Panama City talks resume',
      'Getty Images said the photo was altered.', 'By Jane Doe/Reuters', 'photos/images',
    ]) expect(parseCredit(s), s).toBeNull();
  });

  it('removes a weak (heading-like) credit only under a confirmed caption', () => {
    const head = doc(...ARTICLE.slice(0, 2), 'US/China Relations', ARTICLE[2]);
    expect(findBoilerplate(head)).toEqual([]);
    const cap = doc(...ARTICLE.slice(0, 2), '', 'Rubio meets Mulino in Panama City, Feb. 2, 2025.', 'Reuters/Jonathan Ernst', ARTICLE[2]);
    expect(removed(findBoilerplate(cap))).toEqual(['Rubio meets Mulino in Panama City, Feb. 2, 2025.', 'Reuters/Jonathan Ernst']);
  });

  it('removes a standalone strong credit but not the paragraph above it', () => {
    const text = doc(ARTICLE[0], ARTICLE[1] + ' It was his first such visit. Officials were pleased.', 'Elizabeth Frantz/Reuters', ARTICLE[2]);
    expect(removed(findBoilerplate(text))).toEqual(['Elizabeth Frantz/Reuters']);
  });

  it('only suggests an unconfirmed caption (no date, not starting a block)', () => {
    const text = doc(ARTICLE[0], 'Rubio shakes hands with Mulino at the presidential palace.', 'Getty Images', ARTICLE[1]);
    const edits = findBoilerplate(text);
    expect(edits.map((e) => [e.reason, !!e.suggestion])).toEqual([['photo-caption', true], ['photo-credit', false]]);
  });

  it('keeps a pull quote directly above a credit', () => {
    const text = doc(ARTICLE[0], '', '“This is where we live.”', 'Elizabeth Frantz/Reuters', ARTICLE[1]);
    expect(removed(findBoilerplate(text))).toEqual(['Elizabeth Frantz/Reuters']);
  });
});

describe('trailers, labels and contributor lines', () => {
  it('recognises contributor lines by their grammatical shape', () => {
    for (const s of [
      'CNN’s Priscilla Alvarez contributed to this report.', 'Jane Doe, John Roe and Ana Lopez contributed reporting.',
      'Associated Press writer Mark Smith in Mexico City contributed to this report.',
      'Jane Doe contributed reporting from Panama City.', '(Jane Doe contributed to this story.)',
    ]) expect(contributorLine(s), s).not.toBeNull();
    for (const s of [
      'Several factors contributed to the decline in crossings.', 'The rains contributed to this report’s delay, he said.',
      'He said so. Jane Doe contributed to this report.', 'the team contributed reporting.',
    ]) expect(contributorLine(s), s).toBeNull();
    for (const s of [
      'Reporting by Jane Doe; Editing by John Roe', '(Reporting by Jane Doe in Panama City; Writing by Ana Lopez; Editing by Mark Heinrich)',
      'Additional reporting by John Roe in Washington',
    ]) expect(reportingByLine(s), s).not.toBeNull();
    for (const s of ['Reporting by The New York Times showed that crossings fell.', 'Editing by hand is slow.']) {
      expect(reportingByLine(s), s).toBeNull();
    }
  });

  it('peels trailers only from the end, stopping at the first article line', () => {
    const text = doc(ARTICLE[0], 'Source: officials familiar with the talks', ARTICLE[1], ARTICLE[2], 'Source: Reuters', 'Sign up for our newsletter');
    expect(removed(findBoilerplate(text))).toEqual(['Source: Reuters', 'Sign up for our newsletter']);
    const quoteEnd = doc(...ARTICLE, 'Mulino said: “The canal is ours”');
    expect(findBoilerplate(quoteEnd)).toEqual([]);
    const followEnd = doc(...ARTICLE, 'Follow the money, he said.');
    expect(findBoilerplate(followEnd)).toEqual([]);
    // An unknown label is a trailer only when a bare name follows it.
    expect(removed(findBoilerplate(doc(...ARTICLE, 'Editor: Jane Doe')))).toEqual(['Editor: Jane Doe']);
    expect(findBoilerplate(doc(...ARTICLE, 'Bottom line: Panama won’t budge'))).toEqual([]);
    expect(findBoilerplate(doc(...ARTICLE, 'Q: What do you expect from the trip?', 'A: We expect a lot.'))).toEqual([]);
  });

  it('removes page furniture and link lines anywhere, suggests mid-article colon labels', () => {
    const text = doc(ARTICLE[0], 'ADVERTISEMENT', ARTICLE[1], 'READ MORE: Panama says canal is not negotiable', 'What Comes Next:', ARTICLE[2]);
    const edits = findBoilerplate(text);
    expect(edits.map((e) => [e.before.trim(), e.reason, !!e.suggestion])).toEqual([
      ['ADVERTISEMENT', 'section-label', false],
      ['READ MORE: Panama says canal is not negotiable', 'source-trailer', false],
      ['What Comes Next:', 'section-label', true],
    ]);
    expect(findBoilerplate(doc(ARTICLE[0], 'He added:', ARTICLE[1]))).toEqual([]);
  });
});
