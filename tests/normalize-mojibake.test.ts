import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { CP1252_HIGH, byteOf } from '../pipeline/stages/normalize/cp1252.js';
import { mojibake } from '../pipeline/stages/normalize/mojibake.js';
import { normalize } from '../pipeline/stages/normalize.js';

const repair = (t: string) => applyEdits(t, mojibake(t));

describe('cp1252 table', () => {
  it('matches Python’s cp1252 codec for 0x80–0x9F (undefined bytes are null)', () => {
    // From: [hex(ord(bytes([b]).decode('cp1252', 'replace'))) for b in range(0x80, 0xa0)]
    const python = [
      0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
      0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
    ];
    expect(CP1252_HIGH).toHaveLength(32);
    expect(CP1252_HIGH.map((c) => (c ? c.codePointAt(0) : 0))).toEqual(python);
  });

  it('maps characters back to bytes, Latin-1 for the rest', () => {
    expect(byteOf('€')).toBe(0x80);
    expect(byteOf('Ÿ')).toBe(0x9f);
    expect(byteOf('\u009d')).toBe(0x9d);
    expect(byteOf('é')).toBe(0xe9);
    expect(byteOf('A')).toBe(0x41);
    expect(byteOf('’') ).toBe(0x92);
    expect(byteOf('ā')).toBe(-1);
  });
});

describe('mojibake: repairs', () => {
  it.each([
    ['itâ€™s', 'it’s'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['a â€“ b â€” c', 'a – b — c'],
    ['cafÃ©', 'café'],
    ['Ãœber', 'Über'],
    ['naÃ¯ve', 'naïve'],
    ['Â£5', '£5'],
    ['50Â\u00a0km', '50\u00a0km'],
    ['â‚¬10', '€10'],
    ['Acmeâ„¢', 'Acme™'],
    ['smile ðŸ˜€', 'smile 😀'],
    ['wait\u00c2\u0085', 'wait…'], // UTF-8 of U+0085, itself cp1252 "…" read as Latin-1
    ['itâ\u0080\u0099s', 'it’s'], // UTF-8 read as Latin-1 rather than cp1252
    ['ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
    ['æ—¥æœ¬', '日本'],
    ['wÅ‚asny', 'własny'], // lone Latin Extended letter inside a word
    ['siÄ™ ma', 'się ma'], // … or ending one
    ['SÅ‚owo', 'Słowo'], // lower case after one capital: a word's normal start
    ['GDAÅƒSK', 'GDAŃSK'], // a capital inside capitals
    ['Å\u00a0ibenik', 'Šibenik'], // a no-break space as a continuation, starting a word
    ['PERIÅ\u00a0IĆ', 'PERIŠIĆ'], // … or inside a word in capitals
    ['Ã¢â‚¬â„¢', '’'], // double encoding
    ['Hi í\u00a0½í¸\u008d', 'Hi 😍'], // an emoji in CESU-8: two UTF-16 halves of three bytes
    ['â\u0098ºí\u00a0½í¸\u0098!', '☺😘!'], // read as Latin-1, after another symbol
  ])('%s → %s', (input, expected) => {
    expect(repair(input)).toBe(expected);
  });

  it('reports one edit per run of adjacent sequences, with evidence', () => {
    const edits = mojibake('x ÐŸÑ€Ð¸Ð²ÐµÑ‚ y Ã©');
    expect(edits.map((e) => [e.before, e.after])).toEqual([
      ['ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
      ['Ã©', 'é'],
    ]);
    expect(edits[0]).toMatchObject({ stage: 'normalize', reason: 'mojibake' });
    expect(edits[1].evidence).toContain('UTF-8');
    expect(mojibake('Ã¢â‚¬â„¢')[0].evidence).toContain('twice');
  });

  it('spells out invisible characters in the evidence', () => {
    expect(mojibake('â€\u009d')[0].evidence).toContain('\\u009D');
  });
});

describe('mojibake: leaves legitimate text alone', () => {
  it.each([
    ['plain Latin-1 words', 'café naïve résumé Zürich Ærø São Paulo Muñoz'],
    ['lone Â and symbols', 'Â alone, × times, £5, 20°C, ½, ©, ®, ±'],
    ['German closing quote after ß (valid UTF-8 for an NKo letter)', '„Viele Grüß“ und „Fuß”'],
    ['Italian ellipsis and quote after è (valid UTF-8 for a CJK character)', '“Perché…” disse; “è…”'],
    ['French no-break spaces inside guillemets', '« C’est fermé\u00a0» et à\u00a0« oui »'],
    ['uppercase before a guillemet', 'Il a dit ÉTÉ» hier'],
    ['lone C1 control that decodes to nothing printable', 'x\u00c2\u009d y'],
    ['Ã followed by a plain space', 'Ã la carte'],
    ['already-correct Unicode', 'it’s “fine” — 日本 Привет 😀'],
    ['half of a CESU-8 emoji (a lone UTF-16 half is not text)', 'lone í\u00a0½ here, and í¸\u008d there'],
    ['a capital and a no-break space before a word (C4 A0 would be Ġ)', 'SELKÄ\u00a0EDELLÄ\u00a0MAAHAN'],
    ['a symbol after a capital in a word of capitals (C5 99 would be ř)', 'AHÅ™, the new sofa'],
    ['a symbol between capitals (C4 A3 would be ģ)', 'MÄ£ÄM'],
    ['a capital and a symbol between lower-case letters (C4 88 would be Ĉ)', 'abcÄˆdef'],
  ])('%s', (_name, text) => {
    expect(mojibake(text)).toEqual([]);
    expect(normalize(text).filter((e) => e.reason === 'mojibake')).toEqual([]);
  });
});

describe('mojibake look-alikes in capitals', () => {
  // Found by `make bench`: capital É followed by an ellipsis is valid UTF-8 for U+0245.
  it.each(['LE CAFÉ… FERMÉ', 'C’EST L’ÉTÉ… ENFIN'])('leaves %s alone', (t) => {
    expect(normalize(t)).toEqual([]);
  });

  it('repairs à whose no-break-space byte became a space, only where nothing else reads so', () => {
    expect(repair('They ate Ã  la carte.')).toBe('They ate à la carte.');
    expect(repair('A feeling of dÃ©jÃ  vu.')).toBe('A feeling of déjà vu.');
    expect(repair('and voilÃ  the answer')).toBe('and voilà the answer');
    expect(repair('voilÃ the answer')).toBe('voilà the answer');
    // A capital Ã with one space after a space, or in an all-capital word, is left alone.
    for (const t of ['the letter Ã is a vowel', 'SÃO PAULO', 'NÃ O', 'Ã']) expect(repair(t)).toBe(t);
  });
});
