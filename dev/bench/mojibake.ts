/**
 * Mojibake makers for the benchmark: text encoded as UTF-8 and decoded again as
 * Windows-1252 (`’` → `â€™`, `é` → `Ã©`), as Latin-1 (`’` → `â\u0080\u0099`, C1
 * controls), or twice (`é` → `ÃƒÂ©`).
 *
 * Windows-1252 here is the WHATWG decoder (TextDecoder 'windows-1252'): the five
 * bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) become the C1 controls of
 * the same number, as in browsers and ftfy's "sloppy-windows-1252" — so `”`
 * (E2 80 9D) becomes `â€\u009d`.
 */
import type { Rng } from '../eval/text.js';

export type BreakMode = 'cp1252' | 'latin1' | 'double';

const cp1252 = new TextDecoder('windows-1252');
const utf8 = new TextEncoder();

/** `s` encoded as UTF-8 and decoded once (`cp1252`, `latin1`) or twice (`double`, both Windows-1252). */
export function breakString(s: string, mode: BreakMode): string {
  if (mode === 'latin1') return Buffer.from(utf8.encode(s)).toString('latin1');
  const once = cp1252.decode(utf8.encode(s));
  return mode === 'double' ? cp1252.decode(utf8.encode(once)) : once;
}

/**
 * Breaks each non-ASCII character of `text` with probability `p` (so a document
 * mixes broken and intact characters, as syndicated text does). Returns the text
 * and how many characters were broken.
 */
export function breakSome(text: string, mode: BreakMode, p: number, rng: Rng): { text: string; broken: number } {
  let broken = 0;
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0x7f && rng.next() < p) {
      out += breakString(ch, mode);
      broken++;
    } else out += ch;
  }
  return { text: out, broken };
}

/**
 * Straight ASCII punctuation made typographic, as news text is: apostrophes inside
 * words → `’`, paired double quotes on a line → `“…”`, ` -- ` → ` — `.
 */
export function typographize(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/(\p{L})'(\p{L})/gu, '$1\u2019$2')
        .replace(/"([^"\n]+)"/g, '\u201C$1\u201D')
        .replace(/ ?-- ?/g, ' \u2014 '),
    )
    .join('\n');
}

/** Names, places and words with non-ASCII letters, from Latin-1 and Latin Extended. */
export const ACCENTED = {
  people: [
    'José Martínez', 'François Lefèvre', 'Jürgen Müller', 'Zoë Brontë', 'Björn Ångström', 'Renée Gagné',
    'Antonín Dvořák', 'Łukasz Wójcik', 'Søren Kierkegård', 'Núñez Peña', 'Raúl Domínguez', 'Ðorđe Petrović',
    'Çağlar Söyüncü', 'Hélène Côté', 'Mário Conceição',
  ],
  places: ['São Paulo', 'Curaçao', 'Ciudad Juárez', 'Malmö', 'Kraków', 'Zürich', 'Besançon', 'Reykjavík', 'Bogotá', 'Łódź', 'Düsseldorf'],
  orgs: ['Nestlé', 'Citroën', 'Société Générale', 'Hôtel-Dieu', 'Crédit Agricole', 'Škoda'],
  words: ['café', 'naïve', 'résumé', 'fiancée', 'déjà vu', 'piñata', 'jalapeño', 'façade', 'über', 'coöperate'],
};

/** A news-like sentence with accented names and curly quotes. */
export function accentedSentence(rng: Rng): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
  const templates = [
    () => `\u201CWe\u2019re not there yet,\u201D said ${pick(ACCENTED.people)}, a spokesperson for ${pick(ACCENTED.orgs)} in ${pick(ACCENTED.places)}.`,
    () => `${pick(ACCENTED.people)}, who runs a small ${pick(ACCENTED.words)} near ${pick(ACCENTED.places)}, said the plan was \u201Cnot serious\u201D \u2014 at least not yet.`,
    () => `Officials in ${pick(ACCENTED.places)} and ${pick(ACCENTED.places)} declined to comment on Tuesday\u2019s report.`,
    () => `${pick(ACCENTED.orgs)} shares fell 3.2% after ${pick(ACCENTED.people)} called the deal \u201Ca ${pick(ACCENTED.words)} mistake.\u201D`,
    () => `The talks, first reported by ${pick(ACCENTED.people)} in ${pick(ACCENTED.places)}, resume next week\u2026 if the weather holds.`,
  ];
  return pick(templates)();
}
