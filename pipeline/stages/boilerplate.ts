/**
 * Boilerplate stage: finds whole lines that are not article text — outlet marks, bylines
 * and datelines above the first paragraph, photo credits and the captions above them,
 * page furniture and link lines, contributor lines, and trailers after the last paragraph.
 *
 * Every decision comes from general features of a line — its position (above the first
 * body paragraph, in the trailing block, or in the middle), its length and casing, whether
 * it ends like a sentence, the `Name/Agency` credit shape, a caption directly followed by a
 * credit, a colon after a short label — never from a list of particular outlets or names.
 *
 * Precision comes first. Middle-of-article lines are only removed for shapes that cannot be
 * prose (credits, captions under credits, contributor sentences, page furniture, link
 * lines); a short capitalised line in the middle is a section heading and stays. Weaker
 * findings are returned as `suggestion: true` edits (reported, not applied).
 *
 * Each edit removes one whole line including its trailing newline (a last line without a
 * newline is removed as is); edits are sorted and never overlap. A text with no body
 * paragraph at all (no line of running prose) is left alone.
 */

import { makeEdit, type Edit } from '../edits.js';
import { captionShape, inlineCaptionCredit, parseCredit } from './boilerplate/credit.js';
import { bareLabel, linkLine, pageFurniture } from './boilerplate/labels.js';
import { DATE_AT_END, isDashLine, isProse, lines, type Line } from './boilerplate/shape.js';
import { byline, dashLine, dateline, outletMark } from './boilerplate/top.js';
import {
  callToAction, colonTrailer, contributorLine, copyrightLine, editorNote, endMark, reportingByLine,
} from './boilerplate/trailer.js';
import type { Verdict } from './boilerplate/verdict.js';

export { lines, type Line } from './boilerplate/shape.js';
export type { Verdict } from './boilerplate/verdict.js';

/** At most this many non-blank lines are examined above the first body paragraph. */
const TOP_WINDOW = 12;
/** At most this many non-blank lines are peeled off the end as trailers. */
const TAIL_WINDOW = 12;

export function findBoilerplate(text: string): Edit[] {
  const ls = lines(text);
  const firstBody = ls.findIndex((l) => !l.blank && isProse(l.trimmed));
  if (firstBody < 0) return [];

  const verdicts = new Map<number, Verdict>();
  const mark = (i: number, v: Verdict): void => {
    if (!verdicts.has(i)) verdicts.set(i, v);
  };

  // 1. Anywhere: shapes that are never prose.
  for (const l of ls) {
    if (l.blank) continue;
    const v = contributorLine(l.trimmed) ?? reportingByLine(l.trimmed) ?? pageFurniture(l.trimmed) ?? linkLine(l.trimmed);
    if (v) mark(l.index, v);
  }

  // 2. Anywhere: photo credits, and the caption directly above a credit.
  for (const l of ls) {
    if (l.blank || verdicts.has(l.index)) continue;
    creditAndCaption(ls, l, verdicts, mark);
  }

  // 3. Top matter: short lines above the first body paragraph.
  const top = ls.slice(0, firstBody).filter((l) => !l.blank).slice(0, TOP_WINDOW);
  for (let k = 0; k < top.length; k++) {
    const l = top[k];
    if (verdicts.has(l.index)) continue;
    const s = l.trimmed;
    // `Fox News` directly above a lone `—` is the split dateline "Fox News —".
    const clustered = top[k + 1] !== undefined && isDashLine(top[k + 1].trimmed);
    const v = dashLine(s) ?? byline(s) ?? dateline(s) ?? bareLabel(s, false) ?? outletMark(s, clustered);
    if (v) mark(l.index, v);
  }

  // 4. Trailing block: peel recognised lines off the end, stop at the first other line.
  let peeled = 0;
  for (let i = ls.length - 1; i > firstBody && peeled < TAIL_WINDOW; i--) {
    const l = ls[i];
    if (l.blank) continue;
    peeled++;
    if (verdicts.has(i)) continue;
    const s = l.trimmed;
    const v = colonTrailer(s) ?? callToAction(s) ?? copyrightLine(s) ?? editorNote(s) ?? byline(s) ?? dateline(s)
      ?? endMark(s) ?? outletMark(s, false);
    if (!v) break;
    mark(i, v.reason === 'outlet-mark' ? { ...v, evidence: v.evidence.replace('above the first paragraph', 'after the last paragraph') } : v);
  }

  // 5. Middle: a bare title-case colon label may be a heading — suggest only.
  for (let i = firstBody + 1; i < ls.length; i++) {
    const l = ls[i];
    if (l.blank || verdicts.has(i)) continue;
    const v = bareLabel(l.trimmed, true);
    if (v) {
      mark(i, {
        ...v,
        confidence: 0.4,
        suggestion: true,
        evidence: `${v.evidence} In the middle of the article it may be a heading, so it is only suggested.`,
      });
    }
  }

  return [...verdicts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, v]) => {
      const l = ls[i];
      return makeEdit(text, l.start, l.end, '', {
        stage: 'boilerplate',
        reason: v.reason,
        confidence: v.confidence,
        evidence: v.evidence,
        ...(v.suggestion ? { suggestion: true } : {}),
      });
    });
}

/** Marks `l` if it is a credit line (and the caption above it), or a caption+credit line. */
function creditAndCaption(
  ls: readonly Line[],
  l: Line,
  verdicts: ReadonlyMap<number, Verdict>,
  mark: (i: number, v: Verdict) => void,
): void {
  const blockStartAt = (i: number): boolean => i === 0 || ls[i - 1].blank || verdicts.has(i - 1);
  const credit = parseCredit(l.trimmed);
  if (!credit) {
    const inline = inlineCaptionCredit(l.trimmed);
    if (!inline) return;
    const confirmed = DATE_AT_END.test(inline.caption) || blockStartAt(l.index);
    mark(l.index, {
      reason: 'photo-caption',
      confidence: confirmed ? 0.8 : 0.45,
      evidence: `A caption sentence ending in a photo credit (${inline.credit.form}) on the same line.`,
      ...(confirmed ? {} : { suggestion: true }),
    });
    return;
  }

  const prev = l.index > 0 ? ls[l.index - 1] : undefined;
  const cap = prev && !prev.blank && !verdicts.has(prev.index) ? captionShape(prev.trimmed, blockStartAt(prev.index)) : undefined;
  const captioned = cap !== undefined && cap.ok && cap.confirmed;

  if (credit.strength === 'weak' && !captioned) return;
  mark(l.index, {
    reason: 'photo-credit',
    confidence: captioned ? (credit.strength === 'strong' ? 0.95 : 0.8) : 0.85,
    evidence: `A photo credit line: ${credit.form}, no sentence punctuation${captioned ? ', directly under a caption' : ''}.`,
  });
  if (!prev || !cap || !cap.ok) return;
  if (captioned) {
    mark(prev.index, {
      reason: 'photo-caption',
      confidence: credit.strength === 'strong' && cap.evidence.length >= 3 ? 0.9 : 0.8,
      evidence: `A photo caption (${cap.evidence.join(', ')}) directly followed by the credit line "${l.trimmed}".`,
    });
  } else {
    mark(prev.index, {
      reason: 'photo-caption',
      confidence: 0.45,
      evidence: `Possibly a photo caption (${cap.evidence.join(', ')}): it is directly followed by the credit line "${l.trimmed}", but neither ends in a date nor starts a block.`,
      suggestion: true,
    });
  }
}
