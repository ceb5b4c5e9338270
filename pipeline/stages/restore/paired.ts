import { alignUnits, type Alignment } from '../align/align.js';
import { lexiconJudge } from '../align/judge.js';
import type { Token } from '../align/tokens.js';
import type { RefUnit } from '../reference.js';
import type { OrderIndex } from './order.js';

/**
 * Short sentences within a document's sources. When several sentences of a spun
 * document aligned with one reference article, that article is its source; a short
 * sentence of the spun document that found no alignment ("Individuals were losing
 * chores.") is compared with that article's sentences of about its length, and taken
 * as the rendering of one of them when every difference is a WordNet synonym or a
 * spinner filler and the two share at least one word. Too short for the general
 * alignment test (which wants three anchors and 45% of the words), such a sentence is
 * recognised here only because its source is already known, and only with synonyms:
 * looser relatives ("bases" for "feet") would match unrelated short sentences.
 */

export interface Matched {
  ref: RefUnit;
  al: Alignment;
}

/** Aligned units with one reference article that make it a source of the document. */
const MIN_ALIGNED = 3;
/** Sources tried per unit, most aligned first. */
const MAX_SOURCES = 2;
/** Longest unit (in tokens) this looks at; longer ones are the general test's. */
const MAX_TOKENS = 14;

export function matchInSources(units: ReadonlyArray<{ tokens: readonly Token[] }>, best: Array<Matched | undefined>, order: OrderIndex): void {
  const aligned = new Map<string, number>();
  for (const b of best) if (b) aligned.set(b.ref.docId, (aligned.get(b.ref.docId) ?? 0) + 1);
  const sources = [...aligned]
    .filter(([, n]) => n >= MIN_ALIGNED)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_SOURCES)
    .map(([id]) => id);
  if (sources.length === 0) return;
  units.forEach((u, i) => {
    const n = u.tokens.length;
    if (best[i] || n < 2 || n > MAX_TOKENS) return;
    const keys = new Set(u.tokens.map((t) => t.key));
    let found: Matched | undefined;
    let ties = 0;
    for (const id of sources) {
      for (const ref of order.unitsOf(id)) {
        const m = ref.tokens.length;
        if (Math.abs(m - n) > Math.max(2, 0.3 * n) || !ref.tokens.some((t) => keys.has(t.key))) continue;
        const al = alignUnits(u.tokens, ref.tokens, lexiconJudge);
        if (!synonymsOnly(al)) continue;
        if (found && al.score === found.al.score) ties++;
        else if (!found || al.score > found.al.score) {
          found = { ref, al: { ...al, accepted: true } };
          ties = 0;
        }
      }
    }
    // Two sentences as good as each other: neither is known to be the source.
    if (found && ties === 0) best[i] = found;
  });
}

function synonymsOnly(al: Alignment): boolean {
  return al.anchors > 0 && al.pairs.length > 0 && al.pairs.every((p) => p.interior && (p.kind === 'synonym' || p.kind === 'filler'));
}
