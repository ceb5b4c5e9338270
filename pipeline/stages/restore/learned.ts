import { makeEdit, type Edit } from '../../edits.js';
import { tokenize, type Token } from '../align/tokens.js';
import { matchInitialCase } from './casing.js';
import type { Learned, RestoreContext } from './types.js';

/**
 * Learned substitutions: every accepted alignment taught spun → canonical pairs;
 * they are applied to the document's other uses of the same spun wording. A
 * multiword pair, or a pair seen twice, applies anywhere; a single word seen once
 * only where detection also found the word suspicious.
 */
export function applyLearned(ctx: RestoreContext, learned: readonly Learned[], taken: readonly Edit[]): Edit[] {
  const bySpun = new Map<string, Learned>();
  for (const l of learned) {
    const prev = bySpun.get(l.spun);
    if (!prev) bySpun.set(l.spun, { ...l });
    else if (prev.canonical.toLowerCase() === l.canonical.toLowerCase()) prev.support++;
    else prev.support = -Infinity; // taught two different canonicals: ambiguous, never applied
  }
  const tokens = tokenize(ctx.text);
  const covered = (s: number, e: number) => taken.some((t) => s < Math.max(t.end, t.start + 1) && t.start < e);
  const suspect = (s: number, e: number) => ctx.suspects.some((x) => s < x.end && x.start < e);
  const out: Edit[] = [];
  for (const l of bySpun.values()) {
    if (l.support < 1) continue;
    const keys = l.spun.split(' ');
    for (let i = 0; i + keys.length <= tokens.length; i++) {
      if (!keys.every((k, j) => tokens[i + j].key === k)) continue;
      const start = tokens[i].start;
      const end = tokens[i + keys.length - 1].end;
      if (covered(start, end)) continue;
      const multi = keys.length > 1;
      if (!multi && l.support < 2 && !suspect(start, end)) continue;
      const after = adaptCase(ctx, tokens[i], l.canonical);
      if (after === undefined || after === ctx.text.slice(start, end)) continue;
      out.push(
        makeEdit(ctx.text, start, end, after, {
          stage: 'restore',
          reason: 'learned-substitution',
          confidence: multi || l.support >= 2 ? 0.88 : 0.8,
          evidence: `"${l.spun}" → "${l.canonical}" learned ${l.support}× from accepted alignments (first: ${l.evidence.reason} at ${l.evidence.start})`,
          ...(l.evidence.source ? { source: l.evidence.source } : {}),
        }),
      );
    }
  }
  return out;
}

/**
 * The canonical wording in the case of this use: a capitalized canonical is used in
 * lower case only where the references also write its words in lower case.
 */
function adaptCase(ctx: RestoreContext, first: Token, canonical: string): string | undefined {
  const canonUp = /^\p{Lu}/u.test(canonical);
  if (first.cap) return canonUp ? canonical : matchInitialCase(first.text, canonical);
  if (!canonUp) return canonical;
  const lower = canonical.toLowerCase();
  const words = tokenize(lower);
  return words.every((w) => ctx.index.lowercaseWords.has(w.key)) ? lower : undefined;
}
