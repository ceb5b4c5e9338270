import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { invisible } from '../pipeline/stages/normalize/invisible.js';
import { newlines } from '../pipeline/stages/normalize/newlines.js';
import { nfc } from '../pipeline/stages/normalize/nfc.js';

const run = (pass: typeof nfc) => (t: string) => applyEdits(t, pass(t));

describe('invisible and control characters', () => {
  const fix = run(invisible);

  it.each([
    ['zero-width space', 'data\u200bbase', 'database'],
    ['soft hyphen', 'hy\u00adphen', 'hyphen'],
    ['word joiner', 'a\u2060b', 'ab'],
    ['BOM in the middle (concatenated files)', 'end.\n\ufeffStart', 'end.\nStart'],
    ['BOM at the start', '\ufeffText', 'Text'],
    ['zero-width joiner between Latin letters', 'jo\u200din', 'join'],
    ['zero-width non-joiner between Latin letters', 'Auf\u200clage', 'Auflage'],
    ['NUL and BEL', 'a\u0000b\u0007c', 'abc'],
    ['DEL', 'a\u007fb', 'ab'],
    ['escape sequence remnant', 'x\u001b[0m', 'x[0m'],
    ['form feed between pages', 'page one\fpage two', 'page one\npage two'],
    ['vertical tab', 'a\u000bb', 'a\nb'],
    ['C1 control defined in cp1252 (Latin-1 misread)', 'it\u0092s \u0093ok\u0094 \u0085', 'it’s “ok” …'],
    ['C1 control undefined in cp1252', 'a\u0081b\u009dc', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(fix(input)).toBe(expected);
  });

  it.each([
    ['tab and newline', 'a\tb\nc'],
    ['CR (left to newlines)', 'a\r\nb'],
    ['no-break space', 'a\u00a0b'],
    ['emoji ZWJ sequence', 'family 👨\u200d👩\u200d👧 here'],
    ['emoji ZWJ after a skin tone / variation selector', '👍🏽\u200d♂️ ❤️\u200d🔥'],
    ['ZWNJ in Persian', 'می\u200cخواهم'],
    ['ZWJ in Devanagari', 'क्\u200dष'],
    ['zero-width space between Thai words', 'ภาษา\u200bไทย'],
    ['ordinary text', 'Nothing to see — “here”.'],
  ])('keeps %s', (_name, text) => {
    expect(invisible(text)).toEqual([]);
  });

  it('coalesces a run of the same kind into one edit and names the characters', () => {
    const edits = invisible('a\u200b\u200b\u00adb\u0000c');
    expect(edits.map((e) => [e.before, e.after, e.reason])).toEqual([
      ['\u200b\u200b\u00ad', '', 'invisible-char'],
      ['\u0000', '', 'control-char'],
    ]);
    expect(edits[0].evidence).toContain('U+200B zero-width space');
    expect(edits[0].evidence).toContain('U+00AD soft hyphen');
  });
});

describe('line breaks', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(run(newlines)('a\r\nb\rc\r\r\nd\r')).toBe('a\nb\nc\n\nd\n');
    const edits = newlines('a\r\nb\rc');
    expect(edits.map((e) => [e.start, e.end, e.reason])).toEqual([
      [1, 3, 'crlf'],
      [4, 5, 'crlf'],
    ]);
    expect(edits[1].evidence).toMatch(/lone CR/);
  });

  it('leaves LF-only text alone', () => {
    expect(newlines('a\nb\n\nc')).toEqual([]);
  });
});

describe('NFC', () => {
  it('composes decomposed letters, editing only the changed span', () => {
    const text = 'cafe\u0301 and nai\u0308ve';
    const edits = nfc(text);
    expect(edits.map((e) => [e.before, e.after])).toEqual([
      ['e\u0301', 'é'],
      ['i\u0308', 'ï'],
    ]);
    expect(applyEdits(text, edits)).toBe('café and naïve');
    expect(edits[0]).toMatchObject({ reason: 'nfc', evidence: 'U+0065 U+0301 → NFC U+00E9' });
  });

  it('maps canonical singletons and reorders marks', () => {
    expect(run(nfc)('5 \u212b and \u2126')).toBe('5 Å and Ω');
    expect(run(nfc)('q\u0307\u0323')).toBe('q\u0323\u0307');
    expect(run(nfc)('a\u2000b')).toBe('a\u2002b'); // EN QUAD → EN SPACE: a space that NFC changes
    expect(run(nfc)('é\u00a0e\u0301')).toBe('é\u00a0é');
  });

  it('handles astral characters next to changes without splitting surrogate pairs', () => {
    const text = '😀e\u0301😀';
    const [edit] = nfc(text);
    expect(edit.before).toBe('e\u0301');
    expect(applyEdits(text, [edit])).toBe('😀é😀');
  });

  it('leaves NFC text alone, including compatibility characters (that is NFKC)', () => {
    expect(nfc('café ﬁ ① ｶ ² Å')).toEqual([]);
    expect(nfc('plain ascii')).toEqual([]);
  });
});
