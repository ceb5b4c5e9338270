import { applyEdits, type Edit } from '../../edits.js';
import { Composer } from './compose.js';
import { byteOf, CP1252_HIGH, CP1252_HIGH_CLASS } from './cp1252.js';
import { fix, show } from './pass.js';
import { memo } from '../../memos.js';

/**
 * Mojibake repair in the manner of ftfy: finds UTF-8 byte sequences that were
 * decoded as Windows-1252 (or Latin-1) — `â€™` for `’`, `Ã©` for `é` — and decodes
 * them again as UTF-8.
 *
 * It works on individual sequences, each a lead character (Â–ô, i.e. bytes
 * C2–F4) followed by the right number of continuation characters (bytes 80–BF),
 * never on whole texts, so mixed documents are repaired only where broken. A
 * sequence must decode as strict UTF-8 to an assigned, non-private character.
 * Because legitimate Latin-1 text can produce such pairs by accident (German
 * `Gruß“` is bytes DF 93, valid UTF-8 for an NKo letter), a sequence is only
 * repaired if it is hard to explain as real text:
 *  - its lead is `Â`, `Ã`, `â` or `ð` (UTF-8 of U+0080–U+00FF, of punctuation and
 *    symbols, of emoji), or it contains a C1 control, or it decodes to a BOM or
 *    U+FFFD; such sequences essentially never occur in real text;
 *  - or it is one of 2+ adjacent sequences (a mangled word: `Ð¿Ñ€Ð¸`, `æ–‡å­—`);
 *  - or, alone, it decodes to a Latin Extended letter next to a letter
 *    (`wÅ‚asny` → `własny`, `siÄ™` → `się`), unless the text as it stands reads as
 *    well: `Ä` and a no-break space between words (Finnish `SELKÄ EDELLÄ` would become
 *    `SELKĠEDELLĠ`), or the letter's case breaks its word's (`AHÅ™` would
 *    become `AHř`, `MÄ£ÄM` `MģÄM`: a lower-case letter inside capitals, or a capital
 *    between lower-case letters).
 * Emoji written in CESU-8 (two three-byte halves, `í ½í¸\u008d` for 😍) are repaired
 * when both halves are there.
 * Repaired text that is itself mojibake (double encoding) is repaired again.
 */

const CONT = `[\\u0080-\\u00BF${CP1252_HIGH_CLASS}]`;
const SEQ_SOURCE = `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`;
const ANY_SEQ = new RegExp(SEQ_SOURCE);
const SEQ = new RegExp(SEQ_SOURCE, 'g');

const utf8 = new TextDecoder('utf-8', { fatal: true });
const IMPLAUSIBLE = /[\p{Cn}\p{Co}\p{Cs}]/u;
const C1 = /[\u0080-\u009F]/;
const C1_ALL = /[\u0080-\u009F]/g;
const SELF_EVIDENT_LEAD = /^[\u00C2\u00C3\u00E2\u00F0]/;
// Latin Extended-A (Polish, Czech, Turkish…), Romanian ș ț, Vietnamese; not the rest of
// Extended-B, which accidental pairs hit: capital `É…` (C9 85) would become `Ʌ`.
const LATIN_EXTENDED_LETTER = /^[\u0100-\u017F\u0218-\u021B\u1E00-\u1EFF]$/;
const LETTER = /\p{L}/u;
const MAX_DEPTH = 3;

interface Repair {
  start: number;
  end: number;
  after: string;
  confidence: number;
}

const decodeCache = memo<string, string | null>(50_000);

/**
 * Decodes one mis-decoded sequence, or null if it is not valid UTF-8 or decodes to
 * an unassigned, private-use or surrogate code point. C1 controls are let through
 * here: `Â\u009d` is a legitimate intermediate of double encoding (see finish()).
 */
function decodeSequence(seq: string): string | null {
  const cached = decodeCache.get(seq);
  if (cached !== undefined) return cached;
  // Mojibake repeats the same few sequences; decoding is the costly part. The memo is
  // bounded so adversarial input cannot grow it without limit.
  const decoded = decodeUncached(seq);
  decodeCache.set(seq, decoded);
  return decoded;
}

function decodeUncached(seq: string): string | null {
  const bytes = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const b = byteOf(seq[i]);
    if (b < 0) return null;
    bytes[i] = b;
  }
  // CESU-8 (MySQL's utf8, Java's modified UTF-8) writes an emoji as its two UTF-16
  // halves, three bytes each (ED A0–AF …, ED B0–BF …): strict UTF-8 refuses them. Each
  // half decodes on its own here; a group keeps them only in pairs (LONELY_SURROGATE).
  if (bytes.length === 3 && bytes[0] === 0xed && bytes[1] >= 0xa0) return String.fromCharCode(0xd000 | ((bytes[1] & 0x3f) << 6) | (bytes[2] & 0x3f));
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return null;
  }
  return IMPLAUSIBLE.test(decoded) ? null : decoded;
}

/**
 * The final form of a repair, or null if it is not text: C1 controls left over
 * are Windows-1252 characters read as Latin-1 (`Â\u0092` → U+0092 → `’`); one
 * Windows-1252 does not define cannot be explained, so the repair is dropped.
 */
function finish(repaired: string): string | null {
  if (!C1.test(repaired)) return repaired;
  const mapped = repaired.replace(C1_ALL, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  return C1.test(mapped) ? null : mapped;
}

function selfEvident(seq: string, decoded: string): boolean {
  return SELF_EVIDENT_LEAD.test(seq) || C1.test(seq) || decoded === '\uFEFF' || decoded === '\uFFFD';
}

interface Group {
  start: number;
  end: number;
  after: string;
  count: number;
  evident: boolean;
}

/** A UTF-16 half without its other half: not text. */
const LONELY_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How sure we are that a group of adjacent sequences is mojibake; 0 means leave it. */
function groupConfidence(text: string, g: Group): number {
  if (LONELY_SURROGATE.test(g.after)) return 0;
  if (g.evident) return 0.95;
  if (g.count >= 2) return 0.9;
  const prev = text[g.start - 1] ?? '';
  const next = text[g.end] ?? '';
  if (!LATIN_EXTENDED_LETTER.test(g.after) || !(LETTER.test(prev) || LETTER.test(next))) return 0;
  // `Ä` and a no-break space between words is a Finnish, German or Swedish word in
  // capitals; `Ġ` (C4 A0) is Maltese only. (`Å` and a no-break space, C5 A0, is `Š`,
  // common in capitals in Czech, Slovak and Croatian names: repaired.)
  if (g.after === '\u0120' && LETTER.test(prev) && LETTER.test(next)) return 0;
  return breaksCase(g.after, text[g.start - 2] ?? '', prev, next) ? 0 : 0.75;
}

const UPPER = /\p{Lu}/u;
const LOWER_LETTER = /\p{Ll}/u;

/**
 * Would `letter`, between `prev` (after `prev2`) and `next`, break its word's case: a
 * lower-case letter after two capitals or between capitals, or a capital between
 * lower-case letters? (After one capital, lower case is a word's normal start.)
 */
function breaksCase(letter: string, prev2: string, prev: string, next: string): boolean {
  if (LOWER_LETTER.test(letter)) return UPPER.test(prev) && (UPPER.test(prev2) || UPPER.test(next));
  return UPPER.test(letter) && LOWER_LETTER.test(prev) && LOWER_LETTER.test(next);
}

/** Repairs of adjacent-sequence groups in `text`, one level deep. */
function findRepairs(text: string): Repair[] {
  const repairs: Repair[] = [];
  const push = (g: Group | null) => {
    const confidence = g ? groupConfidence(text, g) : 0;
    if (g && confidence > 0) repairs.push({ start: g.start, end: g.end, after: g.after, confidence });
  };
  let group: Group | null = null;
  SEQ.lastIndex = 0;
  for (let m = SEQ.exec(text); m; m = SEQ.exec(text)) {
    const decoded = decodeSequence(m[0]);
    if (decoded !== null && group && group.end === m.index) {
      group.end += m[0].length;
      group.after += decoded;
      group.count++;
      group.evident ||= selfEvident(m[0], decoded);
      continue;
    }
    push(group);
    group = decoded === null ? null : { start: m.index, end: m.index + m[0].length, after: decoded, count: 1, evident: selfEvident(m[0], decoded) };
  }
  push(group);
  return repairs;
}

function applyRepairs(text: string, repairs: readonly Repair[]): string {
  let out = '';
  let at = 0;
  for (const r of repairs) {
    out += text.slice(at, r.start) + r.after;
    at = r.end;
  }
  return out + text.slice(at);
}

/** A group's repair, with double encoding undone, and its evidence; null if the result is not text. */
function repairGroup(before: string, decoded: string): { after: string; evidence: string } | null {
  let repaired = decoded;
  let depth = 1;
  // Double (or triple) encoding: the repair is itself mojibake.
  while (depth < MAX_DEPTH && ANY_SEQ.test(repaired)) {
    const inner = findRepairs(repaired);
    if (inner.length === 0) break;
    repaired = applyRepairs(repaired, inner);
    depth++;
  }
  const after = finish(repaired);
  if (after === null) return null;
  const times = depth === 1 ? '' : depth === 2 ? ' twice' : ` ${depth} times`;
  return { after, evidence: `${show(before)} is the UTF-8 encoding of ${show(after)} misread as Windows-1252${times}` };
}

/** Mojibake repeats the same few groups; bounded so adversarial input cannot grow it without limit. */
const repairCache = memo<string, { after: string; evidence: string } | null>(50_000);

/**
 * `à` is C3 A0 in UTF-8: misread, `Ã` and a no-break space, and the no-break space is
 * often turned into a plain space on the way (`déjÃ  vu`, `Ã  la carte`). Repaired where
 * that is the only reading: `Ã` and two spaces after a letter, a space or punctuation
 * (one space was the lost byte), or `Ã` ending a lower-case word (`voilÃ `) — a capital
 * `Ã` after a lower-case letter is no language's spelling.
 */
const LETTER_OR_PUNCT = /[\p{L}\p{P}]/u;
const LOWER = /\p{Ll}/u;

function lostNoBreak(text: string, taken: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (let start = text.indexOf('Ã'); start >= 0; start = text.indexOf('Ã', start + 1)) {
    if (text[start + 1] !== ' ') continue;
    const prev = start > 0 ? text[start - 1] : ' ';
    const twoSpaces = text[start + 2] === ' ' && text[start + 3] !== undefined && /\S/.test(text[start + 3]);
    const afterLower = LOWER.test(prev);
    if (!afterLower && !(twoSpaces && (/\s/.test(prev) || LETTER_OR_PUNCT.test(prev)))) continue;
    // With two spaces the first is the lost byte and goes with the repair.
    const end = twoSpaces ? start + 2 : start + 1;
    if (taken.some((e) => e.start < end && start < e.end)) continue;
    out.push(fix(text, start, end, 'à', 'mojibake', 0.9, `${show(text.slice(start, end))} is the UTF-8 encoding of "à" (C3 A0) misread as Windows-1252, its no-break space turned into a space`));
  }
  return out;
}

function mojibakeOnce(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const r of findRepairs(text)) {
    const before = text.slice(r.start, r.end);
    let repair = repairCache.get(before);
    if (repair === undefined) {
      repair = repairGroup(before, r.after);
      repairCache.set(before, repair);
    }
    if (repair) edits.push(fix(text, r.start, r.end, repair.after, 'mojibake', r.confidence, repair.evidence));
  }
  if (text.includes('Ã')) edits.push(...lostNoBreak(text, edits));
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * Repairs until none is left: a repaired character can form a new sequence with
 * its neighbour (`ÂÅâ€œ` → `ÂÅ“` → …), and the stage must be idempotent. Each
 * round shortens the text, so this ends.
 */
export function mojibake(text: string): Edit[] {
  if (!ANY_SEQ.test(text) && !text.includes('Ã')) return [];
  const first = mojibakeOnce(text);
  const composer = new Composer(text);
  for (let current = text, next = first; next.length; next = ANY_SEQ.test(current) || current.includes('Ã') ? mojibakeOnce(current) : []) {
    composer.add(current, next);
    current = applyEdits(current, next);
  }
  return composer.edits();
}
