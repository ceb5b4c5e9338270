import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { gluedDashes } from '../pipeline/stages/normalize/dashes.js';
import { flippedQuotes } from '../pipeline/stages/normalize/quotes.js';

const quotes = (t: string) => applyEdits(t, flippedQuotes(t));
const dashes = (t: string) => applyEdits(t, gluedDashes(t));

// Documents must use “ somewhere for the quote rule to apply; this line supplies one.
const STYLE = '\nShe said “yes” twice.';

describe('flipped opening quotes', () => {
  it.each([
    ['heading at line start', '” A place to call home”', '“A place to call home”'],
    ['quotation then attribution', '” For many reasons, we left,” he said.', '“For many reasons, we left,” he said.'],
    ['followed by a second quotation', '” We tried,” she said. “It failed.”', '“We tried,” she said. “It failed.”'],
    ['after sentence-final punctuation', 'He paused. ” Then we ran,” he said.', 'He paused. “Then we ran,” he said.'],
    ['after a colon', 'The sign read: ” No entry”.', 'The sign read: “No entry”.'],
    ['after an opening parenthesis', 'the motto (” Never again”) stuck', 'the motto (“Never again”) stuck'],
    ['after indentation', '    ” Indented quote”', '    “Indented quote”'],
    ['followed by a digit', '” 2024 was hard,” he said.', '“2024 was hard,” he said.'],
    ['followed by several spaces', '”   Spaced out”', '“Spaced out”'],
    ['two on one line', '” One.” Then: ” Two.”', '“One.” Then: “Two.”'],
  ])('%s', (_name, input, expected) => {
    expect(quotes(input + STYLE)).toBe(expected + STYLE);
  });

  it('reports the mark and the space it drops', () => {
    const [edit] = flippedQuotes('” We tried,” she said.' + STYLE);
    expect(edit).toMatchObject({ start: 0, end: 2, before: '” ', after: '“', reason: 'flipped-open-quote' });
    expect(edit.evidence).toMatch(/line start/);
  });

  it.each([
    ['a closing mark after a word', '“It works.” The rest follows.'],
    ['a closing mark with a stray space inside an open quotation', '“It works. ” Then he left.'],
    ['lowercase after the mark', '” this is lowercase”'],
    ['no space after the mark', '”Glued”'],
    ['no closing mark later on the line', '” Multi-paragraph quotation opens here'],
    ['the next mark is an opening one', '” Odd “case” here'],
    ['a closing mark after a comma', 'He said, ” Yes” loudly'],
    ['after a word without punctuation', 'word ” Next”'],
    ['straight quotes', '" Straight quote"'],
    ['the closing mark is on the next line', '” Start\nend.”'],
  ])('leaves alone: %s', (_name, text) => {
    expect(flippedQuotes(text + STYLE)).toEqual([]);
  });

  it('leaves documents that never use “ alone (Swedish opens with ”)', () => {
    expect(flippedQuotes('” Det här är bra” sa han.\n”Ja”, sa hon.')).toEqual([]);
  });
});

describe('glued dashes', () => {
  it.each([
    ['left-glued en dash', 'a historical– claiming visit', 'a historical – claiming visit'],
    ['left-glued em dash', 'the nation— asserting that', 'the nation — asserting that'],
    ['several, no spaced ones in the document', 'new ties– however rare– but', 'new ties – however rare – but'],
    ['after a closing quote', 'the “best”– or so', 'the “best” – or so'],
    ['with a no-break space after', 'word–\u00a0next', 'word –\u00a0next'],
  ])('%s', (_name, input, expected) => {
    expect(dashes(input)).toBe(expected);
  });

  it('spaces a glued em dash between words when the document spaces its em dashes', () => {
    const text = 'One — two. Three — four. Five—six.';
    expect(dashes(text)).toBe('One — two. Three — four. Five — six.');
    const edit = gluedDashes(text)[0];
    expect(edit).toMatchObject({ before: '—', after: ' — ', reason: 'glued-dash' });
    expect(edit.evidence).toMatch(/2 spaced, 1 glued/);
  });

  it('reports the dash it spaces, with the document tally', () => {
    const [edit] = gluedDashes('x– y and p – q');
    expect(edit).toMatchObject({ start: 1, end: 2, before: '–', after: ' –', reason: 'glued-dash', confidence: 0.9 });
    expect(edit.evidence).toMatch(/space after but none before/);
    expect(edit.evidence).toMatch(/1 spaced, 0 glued, 1 left-glued en dash/);
  });

  it.each([
    ['a document that consistently glues em dashes', 'One—two. Three—four. Five—six.'],
    ['a left-glued em dash where the document glues them (a collapsed line break)', 'larboard—larboard, a fog—in such, can tell—      Oh, I'],
    ['one glued em dash among fewer than two spaced', 'Tea — coffee. Cats—dogs.'],
    ['glued em dash next to a digit', 'Pages — here — and 10—12.'],
    ['glued em dash, other kind spaced', 'A – b – c – d, enthusiastically—others.'],
    ['en dash ranges', 'From 2020–2024, pages 10–12, in a – b – c – d.'],
    ['en dash compounds', 'the Paris–Berlin train and cost–benefit analysis – a – b'],
    ['right-glued en dash (minus)', 'It was –5 °C.'],
    ['dash ending a line', 'He stopped–\nthen left. He said— \nnothing.'],
    ['dash starting a line (list bullet, dialogue)', '– first item\n— Yes, he said.'],
    ['lone dash line', 'Title\n—\nBody'],
    ['double dashes and hyphens', 'wait–– no —— ok, well-known - and -- done'],
    ['dash after an opening bracket', 'the (– ) token'],
    ['spaced dashes', 'a – b — c'],
  ])('leaves alone: %s', (_name, text) => {
    expect(gluedDashes(text)).toEqual([]);
  });
});
