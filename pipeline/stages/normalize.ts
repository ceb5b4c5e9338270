import { applyEdits, type Edit } from '../edits.js';
import { Composer } from './normalize/compose.js';
import { gluedDashes } from './normalize/dashes.js';
import { invisible } from './normalize/invisible.js';
import { mojibake } from './normalize/mojibake.js';
import { newlines } from './normalize/newlines.js';
import { nfc } from './normalize/nfc.js';
import type { Pass } from './normalize/pass.js';
import { flippedQuotes } from './normalize/quotes.js';
import { codeBlocks } from './normalize/markdown.js';
import { markdownWhitespace, whitespace } from './normalize/whitespace.js';

/**
 * The normalize stage: encoding and typography repairs that need no reference
 * text. Each rule is a pass in ./normalize/; see there for what it does and does not do.
 *
 * Order matters: mojibake first (it needs the C1 controls that `invisible` would
 * delete, and its output may need NFC or be a flipped quote); then characters;
 * then typography; whitespace last, so it tidies the spaces other passes leave.
 */
export const PASSES: readonly Pass[] = [mojibake, invisible, newlines, nfc, flippedQuotes, gluedDashes, whitespace];
/** Markdown prose: the same, keeping hard line breaks. */
const MARKDOWN_PASSES: readonly Pass[] = [mojibake, invisible, newlines, nfc, flippedQuotes, gluedDashes, markdownWhitespace];
/** Markdown code blocks: encoding repairs only; spacing, quotes and dashes are the code's. */
const CODE_PASSES: readonly Pass[] = [mojibake, invisible, newlines, nfc];

export interface NormalizeOptions {
  /** The text is Markdown (normalize/markdown.ts): code blocks and hard line breaks keep their whitespace. */
  markdown?: boolean;
}

/**
 * One round normally suffices; a second catches repairs that expose others
 * (`Ã\u200B©` only becomes mojibake once the zero-width space is gone), so the
 * output is a fixed point and normalizing it again yields no edits.
 */
const MAX_ROUNDS = 3;

/**
 * Anything any pass could act on: a character outside printable ASCII (other
 * than \n), two spaces, or a space at a line's end. Clean ASCII text fails this
 * one test and costs nothing more.
 */
const SUSPICIOUS = /[^\n\x20-\x7E]| [ \n]| $/;

/**
 * Normalization edits for `text`: offsets into `text`, sorted and
 * non-overlapping, so `applyEdits(text, normalize(text))` is the normalized text.
 */
export function normalize(text: string, options: NormalizeOptions = {}): Edit[] {
  if (!SUSPICIOUS.test(text)) return [];
  if (!options.markdown) return normalizeWith(text, PASSES);
  const blocks = codeBlocks(text);
  if (blocks.length === 0) return normalizeWith(text, MARKDOWN_PASSES);
  // The prose is normalized as one text, its code blocks masked (same length, line
  // breaks kept, nothing any pass acts on), so passes that look at the whole document
  // (does it space its dashes? does it open quotes with “?) see all of its prose and
  // none of its code; each block (whole lines) is then normalized on its own.
  let masked = '';
  let at = 0;
  for (const [start, end] of blocks) {
    masked += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, 'x');
    at = end;
  }
  masked += text.slice(at);
  const edits = normalizeWith(masked, MARKDOWN_PASSES);
  for (const [start, end] of blocks) {
    for (const e of normalizeWith(text.slice(start, end), CODE_PASSES)) edits.push({ ...e, start: e.start + start, end: e.end + start });
  }
  return edits.sort((a, b) => a.start - b.start);
}

function normalizeWith(text: string, passes: readonly Pass[]): Edit[] {
  if (!SUSPICIOUS.test(text)) return [];
  const composer = new Composer(text);
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const pass of passes) {
      const edits = pass(current);
      if (edits.length === 0) continue;
      composer.add(current, edits);
      current = applyEdits(current, edits);
      changed = true;
    }
    if (!changed || !SUSPICIOUS.test(current)) break;
  }
  return composer.edits();
}

/** `text` normalized. */
export function normalizeText(text: string): string {
  return applyEdits(text, normalize(text));
}
