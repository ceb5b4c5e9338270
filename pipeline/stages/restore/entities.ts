import { makeEdit, type Edit } from '../../edits.js';
import { isKnown } from '../../lexicon/query.js';
import { strictJudge } from '../align/judge.js';
import { alignTokens } from '../align/diff-pairs.js';
import { FUNCTION_WORDS, type Token } from '../align/tokens.js';
import { wordnetName } from '../detect/titles.js';
import { isNamePhrase } from '../reference-data.js';
import type { PhraseEntry } from '../reference.js';
import { suspected, type Learned, type Restoring } from './types.js';

const MAX_SPUN_PHRASE = 6;
/** Confidence of a name swap nothing but the references supports: suggested, not applied (default --min-confidence 0.8). */
const UNSUPPORTED = 0.7;
/** dominance() above which a name + noun phrase of the references is the name's usual one. */
const DOMINANT = 0.5;

interface Match {
  from: number;
  to: number;
  entry: PhraseEntry;
  pairs: Array<{ a: [number, number]; b: [number, number]; kind: string }>;
}

/**
 * Names and titles: a name-like phrase of the degraded document that no reference
 * attests, whose words are synonym swaps of a reference phrase sharing an anchor
 * word ("Assistant of State Marco Rubio" vs "Secretary of State Marco Rubio"), is
 * mapped to the reference form everywhere in the document; lower-case uses too
 * where the references write the phrase in lower case.
 */
export function restoreEntities(ctx: Restoring, learned: Learned[]): Edit[] {
  const tokens = ctx.tokens;
  const sentenceStarts = new Set<number>();
  for (const m of ctx.text.matchAll(/(?:^|[.!?]["”’]?\s+|\n\s*)(?=\S)/g)) sentenceStarts.add(m.index! + m[0].length);
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let best: Match | undefined;
    for (let n = Math.min(MAX_SPUN_PHRASE, tokens.length - i); n >= 2; n--) {
      const span = tokens.slice(i, i + n);
      // A spun name may carry up to two lower-case swaps inside ("Head of state Trump").
      if (!isNamePhrase(ctx.text, span, sentenceStarts.has(span[0].start), 2)) continue;
      const key = span.map((t) => t.key).join(' ');
      if (ctx.index.phraseCount(key) > 0) continue; // attested: leave it
      // A name the dictionary knows ("World Bank") is the writer's: a spinner's word
      // swaps rarely land on one, and a reference phrase of another name ("International
      // Bank") only looks like its synonym.
      if (wordnetName(key) >= 1) continue;
      const words = span.map((t) => t.text).join('\u0001');
      const hit = phraseFor(ctx, span, words);
      const m = hit && { ...hit, from: i, to: i + n };
      if (m && (!best || m.entry.count > best.entry.count)) best = m;
    }
    if (best) {
      matches.push(best);
      i = best.to - 1;
    }
  }
  const edits: Edit[] = [];
  for (const m of matches) {
    for (const p of m.pairs) {
      if (p.kind === 'equal') continue;
      const spunKey = tokens.slice(m.from + p.a[0], m.from + p.a[1]).map((t) => t.key).join(' ');
      const canonTokens = m.entry.tokens.slice(p.b[0], p.b[1]);
      const canonical = canonTokens.length ? m.entry.source.text.slice(canonTokens[0].start - m.entry.source.start, canonTokens[canonTokens.length - 1].end - m.entry.source.start) : '';
      const edit = phraseEdit(ctx, tokens, m, p, canonical);
      if (!edit) continue;
      edits.push(edit);
      if (spunKey && canonical) {
        learned.push({
          spun: spunKey,
          canonical,
          support: 1,
          evidence: edit,
          left: tokens[m.from + p.a[0] - 1]?.key,
          right: tokens[m.from + p.a[1]]?.key,
          at: edit.start,
        });
      }
    }
  }
  return edits;
}

/**
 * Best reference phrases by the written words of a span, for the reference index they
 * were found in. A name recurs within a document ("President Trump" ten times) and
 * across the documents of a story: its best phrase depends on the words and the index
 * only, not on the document, unless the document is itself a reference (its own
 * phrases are then left out), so it is looked up once per thread and index (and
 * kept as long as the index is). On the bench corpus a third of the lookups were
 * repeats, at some 3 ms each.
 */
const phraseMemos = new WeakMap<Restoring['index'], Map<string, Match | undefined>>();
/** Spans remembered per index; emptied when full. */
const PHRASE_MEMO_MAX = 50_000;

function phraseFor(ctx: Restoring, span: Token[], words: string): Match | undefined {
  if (ctx.index.indexes(ctx.docId)) return bestPhrase(ctx, span, 0);
  let found = phraseMemos.get(ctx.index);
  if (!found) phraseMemos.set(ctx.index, (found = new Map()));
  if (found.has(words)) return found.get(words);
  if (found.size >= PHRASE_MEMO_MAX) found.clear();
  const m = bestPhrase(ctx, span, 0);
  found.set(words, m);
  return m;
}

function bestPhrase(ctx: Restoring, span: Token[], from: number): Match | undefined {
  const candidates = new Map<string, PhraseEntry>();
  for (const e of ctx.index.phrasesAnchoredOn(span[0].key)) candidates.set(e.key, e);
  for (const e of ctx.index.phrasesAnchoredOn(span[span.length - 1].key)) candidates.set(e.key, e);
  let best: Match | undefined;
  for (const entry of candidates.values()) {
    if (entry.source.id === ctx.docId || Math.abs(entry.tokens.length - span.length) > 2) continue;
    const chunks = alignTokens(span, entry.tokens);
    const replaced = chunks.filter((c) => c.kind === 'replace');
    if (replaced.length === 0) continue;
    // At least one word of the name itself must be shared, capitalized on both sides.
    const capitalAnchor = chunks.some(
      (c) => c.kind === 'equal' && span.slice(c.a[0], c.a[1]).some((t, k) => t.cap && entry.tokens[c.b[0] + k].cap && !FUNCTION_WORDS.has(t.key)),
    );
    if (!capitalAnchor) continue;
    // Both ends must be anchored or explained: a phrase is matched whole, not a part of it.
    const pairs: Match['pairs'] = [];
    let ok = true;
    for (const c of chunks) {
      if (c.kind === 'equal') {
        pairs.push({ a: c.a, b: c.b, kind: 'equal' });
        continue;
      }
      const a = span.slice(c.a[0], c.a[1]);
      const b = entry.tokens.slice(c.b[0], c.b[1]);
      if (a.length === 0 || b.length === 0 || a.length > 3 || b.length > 3) {
        ok = false;
        break;
      }
      // A spinner keeps a word's case: a capital inside the name ("Latin American
      // Republics") was not spun from a lower-case word ("Latin American democracy").
      if (a.some((t, k) => t.cap && c.a[0] + k > 0) && b.every((t) => !t.cap)) {
        ok = false;
        break;
      }
      let kind: string = strictJudge.judge(a, b, { before: span[c.a[0] - 1], after: span[c.a[1]] });
      // Inside a name bracketed by the same capitalized words on both ends ("Wall …
      // Journal"), dictionary words in place of the name's own words are a swap even
      // when the lexicon cannot say why: a thesaurus wider than WordNet made it.
      if (kind === 'unexplained' && bracketed(span, entry.tokens) && b.every((t) => t.cap) && a.every((t) => isKnown(t.key))) {
        kind = 'bracketed';
      }
      // A name + common noun ("Trump administration") needs a true synonym or a phrase
      // the references use repeatedly: "American economy" and "American system" are
      // both fine English, and one mention is weak evidence.
      const nameAndNoun = span.length === 2 && !span[1].cap;
      if (nameAndNoun && kind !== 'synonym' && entry.count < 2) {
        ok = false;
        break;
      }
      if (kind !== 'synonym' && kind !== 'related' && kind !== 'bracketed') {
        ok = false;
        break;
      }
      pairs.push({ a: c.a, b: c.b, kind });
    }
    if (!ok) continue;
    // One shared capital is thin evidence unless the spun phrase is itself odd (a
    // lower-case word inside a name: "Head of state Trump"), the references use the
    // phrase repeatedly, or every swap is a true synonym.
    const capitalAnchors = pairs
      .filter((p) => p.kind === 'equal')
      .reduce((n, p) => n + span.slice(p.a[0], p.a[1]).filter((t) => t.cap && !FUNCTION_WORDS.has(t.key)).length, 0);
    const mixedCase = span.slice(1, -1).some((t) => !t.cap && !FUNCTION_WORDS.has(t.key)) && span[span.length - 1].cap;
    const allSynonyms = pairs.every((p) => p.kind === 'equal' || p.kind === 'synonym');
    if (capitalAnchors < 2 && !mixedCase && !allSynonyms && support(ctx, span, entry, pairs) < 2) continue;
    if (!best || entry.count > best.entry.count) best = { from, to: from + span.length, entry, pairs };
  }
  return best;
}

/**
 * How often the references pair the canonical words with the shared name, in any
 * of their phrases: "Secretary Rubio" is supported by "Secretary of State Marco Rubio" too.
 * With `besides`, the mention of the entry itself is not counted (a phrase whose first
 * use overlaps it counts one use less): what else backs the pairing.
 */
function support(ctx: Restoring, span: Token[], entry: PhraseEntry, pairs: Match['pairs'], besides = false): number {
  const anchors = pairs.filter((p) => p.kind === 'equal').flatMap((p) => span.slice(p.a[0], p.a[1]).filter((t) => t.cap).map((t) => t.key));
  const canon = pairs.filter((p) => p.kind !== 'equal').flatMap((p) => entry.tokens.slice(p.b[0], p.b[1]).map((t) => t.key));
  let n = 0;
  const seen = new Set<string>();
  for (const a of anchors) {
    for (const e of ctx.index.phrasesAnchoredOn(a)) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      const keys = new Set(e.tokens.map((t) => t.key));
      if (!canon.every((k) => keys.has(k))) continue;
      const own = besides && e.source.id === entry.source.id && e.source.start < entry.source.end && entry.source.start < e.source.end;
      n += own ? e.count - 1 : e.count;
    }
  }
  return n;
}


function bracketed(a: readonly Token[], b: readonly Token[]): boolean {
  const [a0, a1, b0, b1] = [a[0], a[a.length - 1], b[0], b[b.length - 1]];
  return a0.key === b0.key && a1.key === b1.key && a0.cap && a1.cap && b0.cap && b1.cap && a.length >= 3 && b.length >= 3;
}

/** Share of the references' name + lower-case noun phrases on the entry's name that are the entry. */
function dominance(ctx: Restoring, entry: PhraseEntry): number {
  const name = entry.tokens[0].key;
  let all = 0;
  for (const e of ctx.index.phrasesAnchoredOn(name)) {
    if (e.tokens.length === 2 && e.tokens[0].key === name && !e.tokens[1].cap) all += e.count;
  }
  return all ? entry.count / all : 0;
}

function phraseEdit(ctx: Restoring, tokens: readonly Token[], m: Match, p: Match['pairs'][number], canonical: string): Edit | undefined {
  const a = tokens.slice(m.from + p.a[0], m.from + p.a[1]);
  const start = a[0].start;
  const end = a[a.length - 1].end;
  const before = ctx.text.slice(start, end);
  if (before === canonical) return undefined;
  // A name + common noun ("American child", "Federal funds") is ordinary English that
  // references on other subjects phrase otherwise ("American people", "Federal budget").
  // The noun is taken for a swap only where detection found it suspicious or the
  // references pair the name with this noun, twice or more, more than with all others
  // together ("Trump administration"), not where the name goes with many nouns ("American …").
  // One mention in the references is not a usual pairing, however dominant ("Lincoln
  // said" once does not make "Lincoln stated" a swap).
  const nameAndNoun = m.to - m.from === 2 && !tokens[m.from + 1].cap && (m.entry.count < 2 || dominance(ctx, m.entry) <= DOMINANT);
  const lexical = p.kind === 'synonym' ? 0.93 : p.kind === 'related' ? 0.9 : undefined;
  // A looser relation than a synonym ("State" ~ "Homeland"), backed by one mention of the
  // name in the references and no other phrase of theirs pairing its words ("Secretary
  // Rubio" has "Secretary of State Marco Rubio"), is two names as easily as one name spun
  // ("the Departments of State, Treasury…" against "the Departments of Homeland
  // Security"): a suggestion, unless detection flags the words.
  const thin = p.kind === 'related' && m.entry.count < 2 && support(ctx, tokens.slice(m.from, m.to), m.entry, m.pairs, true) === 0;
  return makeEdit(ctx.text, start, end, canonical, {
    stage: 'restore',
    reason: 'name-title',
    // A bracketed swap is applied only where the spun name is itself odd — a lower-case
    // word inside it ("Wall surface Road Journal") — or detection found the words
    // suspicious: "Department of Homeland Security" and "… of Social Security" are both names.
    confidence:
      (nameAndNoun || thin) && !suspected(ctx, start, end)
        ? UNSUPPORTED
        : lexical ?? (a.some((t) => !t.cap) || suspected(ctx, start, end) ? 0.85 : UNSUPPORTED),
    evidence: `"${ctx.text.slice(tokens[m.from].start, tokens[m.to - 1].end)}" is not attested; the references write "${m.entry.source.text}" (${m.entry.count}×) and "${before}" ~ "${canonical}" (${p.kind})`,
    source: { ...m.entry.source },
  });
}
