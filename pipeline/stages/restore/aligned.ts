import { makeEdit, type Edit } from '../../edits.js';
import { acceptedAlignment, isContent, veryUnequal, type AlignedPair, type Alignment } from '../align/align.js';
import { lexiconJudge, spinnerSwap } from '../align/judge.js';
import { FUNCTION_WORDS, sameKeys, type Token } from '../align/tokens.js';
import { units } from '../align/units.js';
import type { RefUnit } from '../reference.js';
import { matchInitialCase } from './casing.js';
import { OrderIndex } from './order.js';
import { matchInSources, type Matched } from './paired.js';
import type { Learned, RestoreContext } from './types.js';

/** Confidence of a restored run, by how the lexicon explains the difference. */
const CONFIDENCE = { synonym: 0.96, filler: 0.95, related: 0.93 } as const;
/**
 * Confidence of words the reference has and the degraded unit lacks: suggested, not
 * applied (default --min-confidence 0.8). Spinners swap and insert words; they seldom
 * drop any, so such a gap is as often a difference between two writers' sentences
 * ("the Communist Party" vs "the Party") as a spinner's swap of an expression for its
 * head ("human rights" → "rights"). Measured on `make eval` (seeds 1–2, all rates,
 * both splits): suggested rather than applied, they left 18 more of 1,780 sourced
 * errors unfixed and made 32 fewer harmful edits (86 → 54). Keeping the head swaps
 * applied won back as many harmful edits as fixes.
 */
const INSERTION = 0.7;

/**
 * Restores sentences and quotations that align with a reference unit: each aligned
 * run that differs takes the reference wording (quotations are verbatim in
 * journalism; a sentence shared by two articles is the same sentence). Alignment is
 * local: only runs bounded by aligned words on both sides are restored. Candidates come
 * from the skeleton index and, for units it does not reach, from sentence order
 * (order.ts); either way a candidate must pass the same alignment test. Last,
 * sentences still unaligned are looked for among all the sentences of the document's
 * known sources: by the same test, or for a short one with synonyms only (paired.ts).
 */
export function restoreAligned(ctx: RestoreContext, learned: Learned[]): Edit[] {
  const edits: Edit[] = [];
  const us = units(ctx.text);
  const tried = us.map((u) => ctx.index.candidates(u.tokens, 4, ctx.docId));
  // A unit a reference has word for word is attested as it is: it is not aligned with
  // the other candidates (one of them may word it differently), only placed.
  const best = us.map((u, i) => {
    const same = tried[i]!.find((c) => sameKeys(c.tokens, u.tokens));
    return same ? attested(same, u.tokens) : bestAlignment(u.tokens, tried[i]!);
  });
  // Units the skeleton index missed: by their place between units that aligned.
  const order = new OrderIndex(ctx.index);
  const placed = best.map((b) => (b ? order.place(b.ref) : undefined));
  us.forEach((u, i) => {
    if (best[i]) return;
    const fresh = order.candidates(placed, i).filter((c) => !tried[i]!.some((t) => t.id === c.id));
    best[i] = bestAlignment(u.tokens, fresh);
  });
  matchInSources(us, best, order);
  us.forEach((u, i) => {
    const found = best[i];
    if (!found) return;
    // A run the lexicon explains only in part is restored piece by piece, each piece
    // with its own confidence.
    const parts = found.al.pairs.flatMap((p) => (p.pieces && p.interior ? p.pieces.map((x) => ({ ...x, interior: true })) : [p]));
    for (const pair of parts) {
      const e = pairEdit(ctx, u.tokens, found.ref, pair, found.al);
      if (!e) continue;
      edits.push(e);
      // Words only the reference has (an insertion) teach no substitution.
      if ((pair.kind === 'synonym' || pair.kind === 'related') && e.source && pair.a[1] > pair.a[0]) {
        const spunTokens = u.tokens.slice(pair.a[0], pair.a[1]);
        learned.push({
          spun: spunTokens.map((t) => t.key).join(' '),
          canonical: e.source.text,
          support: 1,
          evidence: e,
          left: u.tokens[pair.a[0] - 1]?.key,
          right: u.tokens[pair.a[1]]?.key,
          at: spunTokens[0].start,
        });
      }
    }
  });
  return edits;
}

/** A unit matched by a reference unit of the same words: every token an anchor, nothing to restore. */
function attested(ref: RefUnit, tokens: readonly Token[]): Matched {
  return { ref, al: { anchors: tokens.length, anchorRatio: 1, contentAnchors: tokens.filter(isContent).length, pairs: [], explained: 1, accepted: true, score: 1 } };
}

/** The accepted alignment of a unit with the best score among the candidates, if any. */
function bestAlignment(tokens: readonly Token[], candidates: readonly RefUnit[]): Matched | undefined {
  let best: Matched | undefined;
  for (const ref of candidates) {
    const al = acceptedAlignment(tokens, ref.tokens, lexiconJudge);
    if (al && (!best || al.score > best.al.score)) best = { ref, al };
  }
  return best;
}

function pairEdit(ctx: RestoreContext, spun: Token[], ref: RefUnit, pair: AlignedPair, al: Alignment): Edit | undefined {
  const text = ctx.text;
  if (!pair.interior || pair.kind === 'fact') return undefined;
  const [a0, a1] = pair.a;
  const [b0, b1] = pair.b;
  const nA = a1 - a0;
  const nB = b1 - b0;
  // Very unequal runs are different clauses, not swapped words (unless the long side
  // is a known spinner phrase: "due to the fact that" for "because").
  if (veryUnequal(nA, nB) && !spinnerSwap(spun.slice(a0, a1), ref.tokens.slice(b0, b1))) return undefined;
  const confidence =
    pair.kind === 'unexplained' ? (al.anchorRatio >= 0.65 && al.explained >= 0.5 ? 0.85 : 0.7) : CONFIDENCE[pair.kind];
  const anchorsNote = `${al.anchors} of ${spun.length} words aligned, ${Math.round(al.explained * 100)}% of differences explained`;
  const refStart = nB ? ref.tokens[b0].start : ref.tokens[b0 - 1]?.end ?? ref.start;
  const refEnd = nB ? ref.tokens[b1 - 1].end : refStart;
  const refText = ref.docText.slice(refStart, refEnd);
  const meta = {
    stage: 'restore' as const,
    reason: ref.kind === 'quote' ? 'quote-alignment' : 'sentence-alignment',
    confidence,
    source: { id: ref.docId, start: refStart, end: refEnd, text: refText },
  };
  if (nA === 0) {
    // The reference has words the degraded unit lacks: insert them before the next
    // anchor (or after the last word, at the unit's end).
    const atEnd = a0 >= spun.length;
    const at = atEnd ? spun[a0 - 1].end : spun[a0].start;
    const inserted = atEnd ? ' ' + refText : refText + ' ';
    return makeEdit(text, at, at, inserted, {
      ...meta,
      confidence: Math.min(confidence, INSERTION),
      evidence: `inserted from ${ref.docId}: ${pair.kind}; ${anchorsNote}`,
    });
  }
  const start = spun[a0].start;
  const end = spun[a1 - 1].end;
  if (nB === 0) {
    const evidence = `"${text.slice(start, end)}" has no counterpart in ${ref.docId}; ${anchorsNote}`;
    // A capitalized spinner filler before an aligned word the reference capitalizes
    // ("…: Very first," for "…: First,"): the word takes the capital. Not when the next
    // word is itself part of a replaced run (a piece of a longer one): its own edit decides.
    const next = spun[a1];
    const anchor = next !== undefined && next.key === ref.tokens[b1]?.key;
    if (pair.kind === 'filler' && anchor && spun[a0].cap && !next.cap && ref.tokens[b1].cap && text.slice(end, next.start) === ' ') {
      return makeEdit(text, start, next.end, matchInitialCase(spun[a0].text, next.text), { ...meta, evidence });
    }
    // A spinner filler with no counterpart: delete it and one neighbouring space.
    const s = text[start - 1] === ' ' ? start - 1 : start;
    const e = s === start && text[end] === ' ' ? end + 1 : end;
    return makeEdit(text, s, e, '', { ...meta, evidence });
  }
  // Sentence-initial capitals follow the degraded unit's position, not the reference's;
  // a capital inside a sentence is kept unless it only marked the reference's start.
  const after =
    a0 === 0 || (b0 === 0 && FUNCTION_WORDS.has(ref.tokens[b0].key)) ? matchInitialCase(text.slice(start, end), refText) : refText;
  if (after === text.slice(start, end)) return undefined;
  return makeEdit(text, start, end, after, {
    ...meta,
    evidence: `aligned with ${ref.docId} (${pair.kind}): "${text.slice(start, end)}" → "${refText}"; ${anchorsNote}`,
  });
}
