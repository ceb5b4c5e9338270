/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has printable
 * characters instead of C1 controls. Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are
 * undefined; decoders that meet them (browsers, many libraries) pass them through
 * as U+0081 etc., which is how `â€\u009d` (UTF-8 of `”`) ends up in text.
 */
export const CP1252_HIGH: readonly (string | null)[] = [
  '\u20AC', null, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', // 80–87
  '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', null, '\u017D', null, // 88–8F
  null, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', // 90–97
  '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', null, '\u017E', '\u0178', // 98–9F
];

const BYTE_OF = new Map<string, number>();
CP1252_HIGH.forEach((ch, i) => {
  if (ch) BYTE_OF.set(ch, 0x80 + i);
});

/**
 * The byte a character came from if text was decoded as Windows-1252 (or as
 * Latin-1, for U+0080–U+009F), or -1 if it cannot have come from one byte.
 */
export function byteOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c <= 0xff) return c;
  return BYTE_OF.get(ch) ?? -1;
}

/** The characters Windows-1252 puts in 0x80–0x9F, as a regex class body. */
export const CP1252_HIGH_CLASS = CP1252_HIGH.filter((c): c is string => c !== null).join('');
