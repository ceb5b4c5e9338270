import { makeEdit, type Edit } from '../../edits.js';
import { FUNCTION_WORDS, tokenize, type Token } from '../align/tokens.js';
import { matchInitialCase } from './casing.js';
import { SpanIndex } from '../../span-index.js';
import { overlapsAny, suspected, type Learned, type Restoring } from './types.js';

interface Lesson {
  spun: string;
  canonical: string;
  /** Distinct uses in the document that taught it. */
  uses: Set<number>;
  contexts: Set<string>;
  first: Edit;
  ambiguous: boolean;
}

/**
 * Learned substitutions: every accepted alignment taught spun → canonical pairs;
 * they are applied to the document's other uses of the same spun wording. A
 * multiword pair applies where it was taught twice or its context matches a taught
 * use (the same word before or after) or detection found it suspicious; a single word
 * (with its article: "a new") needs two taught uses and a matching content word or a
 * detection flag. Pairs of function words are never learned, nor a spun wording taught
 * two canonicals.
 */
export function applyLearned(ctx: Restoring, learned: readonly Learned[], taken: readonly Edit[]): Edit[] {
  const lessons = new Map<string, Lesson>();
  for (const l of learned) {
    const keys = l.spun.split(' ');
    if (keys.every((k) => FUNCTION_WORDS.has(k))) continue;
    let lesson = lessons.get(l.spun);
    if (!lesson) {
      lesson = { spun: l.spun, canonical: l.canonical, uses: new Set(), contexts: new Set(), first: l.evidence, ambiguous: false };
      lessons.set(l.spun, lesson);
    } else if (lesson.canonical.toLowerCase() !== l.canonical.toLowerCase()) lesson.ambiguous = true;
    lesson.uses.add(l.at);
    if (l.left) lesson.contexts.add(`L ${l.left}`);
    if (l.right) lesson.contexts.add(`R ${l.right}`);
  }
  const tokens = ctx.tokens;
  const takenIndex = new SpanIndex(taken);
  const covered = (s: number, e: number) => overlapsAny(takenIndex, s, e);
  const out: Edit[] = [];
  // Where each key stands: a lesson visits its first word's uses, not every token.
  const positions = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const list = positions.get(tokens[i].key);
    if (list) list.push(i);
    else positions.set(tokens[i].key, [i]);
  }
  for (const lesson of lessons.values()) {
    if (lesson.ambiguous) continue;
    const keys = lesson.spun.split(' ');
    for (const i of positions.get(keys[0]) ?? []) {
      if (i + keys.length > tokens.length) break;
      let same = true;
      for (let j = 1; j < keys.length && same; j++) same = tokens[i + j].key === keys[j];
      if (!same) continue;
      const start = tokens[i].start;
      const end = tokens[i + keys.length - 1].end;
      if (covered(start, end)) continue;
      // A phrase is two words or more besides articles: "a new" → "an unprecedented" is
      // one word's lesson with its article in agreement, and needs a word's support.
      const multi = wordsBesidesArticles(keys) > 1;
      // A capital inside the match is a name's ("a New Federalism"): a lesson taught on
      // other words does not rewrite it into lower case.
      // (The canonical's own first word may be capitalized only because it began the reference's sentence.)
      if (!/\p{Lu}/u.test(afterFirstWord(lesson.canonical)) && tokens.slice(i + 1, i + keys.length).some((t) => t.cap)) continue;
      // A single word's neighbour must be a content word to show a shared context.
      const shares = (side: 'L' | 'R', t: Token | undefined) =>
        t !== undefined && (multi || telling(t.key)) && lesson.contexts.has(`${side} ${t.key}`);
      const context = shares('L', tokens[i - 1]) || shares('R', tokens[i + keys.length]);
      // A single word needs two taught uses and a matching context or a detection flag;
      // a phrase needs one of the three.
      if (!multi && (lesson.uses.size < 2 || (!context && !suspected(ctx, start, end)))) continue;
      if (multi && lesson.uses.size < 2 && !context && !suspected(ctx, start, end)) continue;
      const after = adaptCase(ctx, tokens[i], lesson.canonical);
      if (after === undefined || after === ctx.text.slice(start, end)) continue;
      out.push(
        makeEdit(ctx.text, start, end, after, {
          stage: 'restore',
          reason: 'learned-substitution',
          confidence: multi ? 0.88 : 0.82,
          evidence:
            `"${lesson.spun}" → "${lesson.canonical}" learned from ${lesson.uses.size} aligned use(s) ` +
            `(first: ${lesson.first.reason} at ${lesson.first.start})` +
            (multi ? '' : context ? '; same neighbouring word as a taught use' : '; flagged by detection'),
          ...(lesson.first.source ? { source: lesson.first.source } : {}),
        }),
      );
    }
  }
  return out;
}

function afterFirstWord(s: string): string {
  const sp = s.indexOf(' ');
  return sp < 0 ? '' : s.slice(sp);
}

function wordsBesidesArticles(keys: readonly string[]): number {
  let n = 0;
  for (const k of keys) if (k !== 'a' && k !== 'an' && k !== 'the') n++;
  return n;
}

/**
 * A neighbour that can show two uses share a context: a content word. A function
 * word or a possessive ("the", "has", "’s") neighbours a word in any sense.
 */
function telling(key: string): boolean {
  return /^\p{L}/u.test(key) && !FUNCTION_WORDS.has(key);
}

/**
 * The canonical wording in the case of this use: a capitalized canonical is used in
 * lower case only where the references also write its words in lower case.
 */
function adaptCase(ctx: Restoring, first: Token, canonical: string): string | undefined {
  const canonUp = /^\p{Lu}/u.test(canonical);
  // Acronyms and abbreviations ("U.S.", "NATO") are written one way whatever the use.
  if (/^(?:\p{Lu}\.?){2,}$|^\p{Lu}(?:\.\p{Lu})+\.?$/u.test(canonical)) return canonical;
  if (first.cap) return canonUp ? canonical : matchInitialCase(first.text, canonical);
  if (!canonUp) return canonical;
  const lower = canonical.toLowerCase();
  const words = tokenize(lower);
  return words.every((w) => ctx.index.writesInLowerCase(w.key)) ? lower : undefined;
}
