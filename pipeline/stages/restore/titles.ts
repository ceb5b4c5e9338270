import { makeEdit, type Edit } from '../../edits.js';
import { kinship } from '../align/judge.js';
import { tokenize } from '../align/tokens.js';
import { domainTitles } from '../reference-data.js';
import type { PhraseEntry } from '../reference.js';
import { matchInitialCase } from './casing.js';
import { SpanIndex } from '../../span-index.js';
import { overlapsAny, suspected, type Restoring } from './types.js';

/**
 * Titles of a named domain: "unique agent for Latin America", where the references
 * write "special envoy for Latin America". The domain name is what a spinner leaves
 * alone, so it anchors the title; the title words are restored when each is a WordNet
 * relative of the reference's word in the same place, the spun title is attested
 * nowhere in the references, and one reference title is the clear choice.
 * Applied (confidence ≥ 0.85) only when the references write the title at least
 * twice or detection found the words suspicious; suggested otherwise.
 */
export function restoreTitles(ctx: Restoring, taken: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  // Edits made or taken, indexed for overlap checks: both grow with the document.
  const touched = new SpanIndex(taken);
  const tokens = ctx.tokens;
  // The longest domain name first: "for Latin America" before "for Latin".
  const found = domainTitles(ctx.text, tokens).sort((a, b) => a.from - b.from || b.to - a.to);
  const done = new Set<number>();
  for (const t of found) {
    if (done.has(t.from)) continue;
    const title = tokens.slice(t.from, t.prep);
    const domainKey = tokens.slice(t.prep, t.to).map((x) => x.key).join(' ');
    const candidates = ctx.index.titlesOf(domainKey);
    if (candidates.length === 0) continue;
    const titleKey = title.map((x) => x.key).join(' ');
    if (candidates.some((c) => c.tokens.map((x) => x.key).join(' ') === titleKey)) continue; // attested as written
    const fits = candidates
      .map((entry) => ({ entry, kinds: pairKinds(title.map((x) => x.key), entry) }))
      .filter((c): c is { entry: PhraseEntry; kinds: Array<'equal' | 'synonym' | 'related'> } => c.kinds !== undefined)
      .sort((a, b) => b.entry.count - a.entry.count);
    // Two reference titles fit about as well: no clear choice.
    if (fits.length === 0 || (fits.length > 1 && fits[1].entry.count * 2 > fits[0].entry.count)) continue;
    done.add(t.from);
    const { entry, kinds } = fits[0];
    const first = kinds.findIndex((k) => k !== 'equal');
    const last = kinds.length - 1 - [...kinds].reverse().findIndex((k) => k !== 'equal');
    const start = title[first].start;
    const end = title[last].end;
    if (overlapsAny(touched, start, end)) continue;
    const form = bestForm(entry);
    const canonTokens = tokenize(form);
    const canonical = form.slice(canonTokens[first].start, canonTokens[last].end);
    const swaps = kinds.slice(first, last + 1).filter((k) => k !== 'equal');
    const flagged = suspected(ctx, start, end);
    // Two articles may word a title differently: one reference use of the title, on
    // words detection did not flag, is a suggestion however close the synonyms.
    const confidence = entry.count >= 2 || flagged ? (swaps.every((k) => k === 'synonym') ? 0.9 : 0.85) : 0.7;
    out.push(
      makeEdit(ctx.text, start, end, first === 0 ? matchInitialCase(ctx.text.slice(start, end), canonical) : canonical, {
        stage: 'restore',
        reason: 'domain-title',
        confidence,
        evidence:
          `"${ctx.text.slice(title[0].start, tokens[t.to - 1].end)}" is not attested; the references write "${entry.source.text}" ` +
          `(${entry.count}×) and ${swaps.length === 1 ? 'the swap is' : 'the swaps are'} WordNet ${[...new Set(swaps)].join('/')}` +
          (flagged ? '; detection flagged the words' : ''),
        source: { ...entry.source },
      }),
    );
    touched.add(out[out.length - 1]);
  }
  return out;
}

/** Per title word: equal, or its WordNet kinship with the reference word; undefined if any pair is unrelated or none differs. */
function pairKinds(spun: string[], entry: PhraseEntry): Array<'equal' | 'synonym' | 'related'> | undefined {
  const ref = entry.tokens.map((x) => x.key);
  if (ref.length !== spun.length) return undefined;
  const kinds: Array<'equal' | 'synonym' | 'related'> = [];
  for (let i = 0; i < spun.length; i++) {
    if (spun[i] === ref[i]) kinds.push('equal');
    else {
      const k = kinship(spun[i], ref[i]);
      if (!k) return undefined;
      kinds.push(k);
    }
  }
  return kinds.some((k) => k !== 'equal') ? kinds : undefined;
}

/** The references' most frequent writing of the title words (first seen on a tie). */
function bestForm(entry: PhraseEntry): string {
  let best = '';
  let n = 0;
  for (const [form, count] of entry.forms) if (count > n) [best, n] = [form, count];
  return best;
}
