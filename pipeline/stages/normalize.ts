import { applyEdits, type Edit } from '../edits.js';
import { Composer } from './normalize/compose.js';
import { gluedDashes } from './normalize/dashes.js';
import { invisible } from './normalize/invisible.js';
import { mojibake } from './normalize/mojibake.js';
import { newlines } from './normalize/newlines.js';
import { nfc } from './normalize/nfc.js';
import type { Pass } from './normalize/pass.js';
import { flippedQuotes } from './normalize/quotes.js';
import { whitespace } from './normalize/whitespace.js';

/**
 * The normalize stage: encoding and typography repairs that need no reference
 * text. Each rule is a pass in ./normalize/; see there for what it does and does not do.
 *
 * Order matters: mojibake first (it needs the C1 controls that `invisible` would
 * delete, and its output may need NFC or be a flipped quote); then characters;
 * then typography; whitespace last, so it tidies the spaces other passes leave.
 */
export const PASSES: readonly Pass[] = [mojibake, invisible, newlines, nfc, flippedQuotes, gluedDashes, whitespace];

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
export function normalize(text: string): Edit[] {
  if (!SUSPICIOUS.test(text)) return [];
  const composer = new Composer(text);
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const pass of PASSES) {
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
