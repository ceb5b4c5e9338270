import type { Edit } from '../../edits.js';
import { excerpt, fix } from './pass.js';

/**
 * Puts back the space before a dash glued to the previous word, a spinner
 * artifact: `historical– claiming` → `historical – claiming`.
 *
 * Each dash kind (en –, em —) is judged on its own, since documents often space
 * one and glue the other. Occurrences are classed by their spacing:
 *  - spaced ` – `, glued `a–b`, left-glued `a– b`, right-glued `a –b`;
 *  - dashes at a line's edge (list bullets, dialogue, lone `—` separators) or next
 *    to another dash are not counted and never touched.
 * Fixes:
 *  - left-glued dashes get the missing space: space after but not before is not a
 *    style any style guide uses, so the asymmetry is the evidence. Except where
 *    the document glues that kind of dash (more `a—b` than spaced or left-glued):
 *    there `tell—   Oh` is the document's own style with a collapsed line break
 *    after it (verse in Moby-Dick), and a space before would break the style;
 *  - glued em dashes between letters get spaces when the document spaces most of
 *    its em dashes (at least two). Glued en dashes are left alone: `2020–2024`,
 *    `Paris–Berlin`, `cost–benefit` are correct unspaced;
 *  - right-glued dashes are left alone (`–5 °C` uses the en dash as a minus).
 * Dash kinds are never changed, and hyphens are not touched.
 */

const KINDS = [
  { dash: '\u2013', name: 'en dash' },
  { dash: '\u2014', name: 'em dash' },
];
const DASHES = /[-\u2010-\u2015\u2212]/;
const SPACE = /[ \t\u00A0\u2000-\u200A\u202F]/;
const LETTER = /\p{L}/u;
const OPENER = /[([{\u201C\u2018\u00AB]/;

type Spacing = 'spaced' | 'glued' | 'left-glued' | 'right-glued' | 'edge';

function spacing(text: string, i: number): Spacing {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (prev === undefined || prev === '\n' || next === undefined || next === '\n') return 'edge';
  if (DASHES.test(prev) || DASHES.test(next)) return 'edge';
  const before = SPACE.test(prev);
  const after = SPACE.test(next);
  if (after) {
    // Only trailing space after the dash: it ends the line (a cut-off sentence).
    let r = i + 1;
    while (r < text.length && SPACE.test(text[r])) r++;
    if (r === text.length || text[r] === '\n') return 'edge';
  }
  if (before) {
    let l = i - 1;
    while (l >= 0 && SPACE.test(text[l])) l--;
    if (l < 0 || text[l] === '\n') return 'edge';
  }
  return before ? (after ? 'spaced' : 'right-glued') : after ? 'left-glued' : 'glued';
}

const ANY_DASH = /[\u2013\u2014]/g;

function fixKind(text: string, positions: number[], dash: string, name: string, edits: Edit[]): void {
  const seen: { i: number; s: Spacing }[] = [];
  const counts: Record<Spacing, number> = { spaced: 0, glued: 0, 'left-glued': 0, 'right-glued': 0, edge: 0 };
  for (const i of positions) {
    const s = spacing(text, i);
    counts[s]++;
    if (s === 'left-glued' || s === 'glued') seen.push({ i, s });
  }
  if (seen.length === 0) return;
  const tally = `the document has ${counts.spaced} spaced, ${counts.glued} glued, ${counts['left-glued']} left-glued ${name}es`;
  const spacesMost = counts.spaced >= 2 && counts.spaced > counts.glued;
  const gluesMost = counts.glued > counts.spaced && counts.glued > counts['left-glued'];
  for (const { i, s } of seen) {
    if (s === 'left-glued' && !gluesMost && !OPENER.test(text[i - 1])) {
      edits.push(fix(text, i, i + 1, ` ${dash}`, 'glued-dash', counts.spaced > 0 ? 0.9 : 0.8,
        `${name} has a space after but none before: ${excerpt(text, i, i + 1)}; ${tally}`));
    } else if (s === 'glued' && dash === '\u2014' && spacesMost && LETTER.test(text[i - 1]) && LETTER.test(text[i + 1])) {
      edits.push(fix(text, i, i + 1, ` ${dash} `, 'glued-dash', 0.7,
        `${name} glued between words where the document spaces its ${name}es: ${excerpt(text, i, i + 1)}; ${tally}`));
    }
  }
}

export function gluedDashes(text: string): Edit[] {
  const positions: number[][] = KINDS.map(() => []);
  ANY_DASH.lastIndex = 0;
  for (let m = ANY_DASH.exec(text); m; m = ANY_DASH.exec(text)) positions[m[0] === KINDS[0].dash ? 0 : 1].push(m.index);
  const edits: Edit[] = [];
  KINDS.forEach(({ dash, name }, k) => {
    if (positions[k].length) fixKind(text, positions[k], dash, name, edits);
  });
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}
