/**
 * Signal family `title-*`: corrupted fixed expressions and names.
 *
 * - `title-lowercase`: a capitalized word starts a lower-case WordNet expression inside a
 *   capitalized run ("Wall surface Road Journal", "Head of state Trump"): a spinner put a
 *   multiword synonym in a name and capitalized only its first letter.
 * - `lowercased-name`: a multiword name WordNet only knows capitalized, written in lower
 *   case ("the united states", "the united nations").
 * - `title-synonym`: a capitalized run that is not a known name, in which swapping one
 *   word for a WordNet synonym gives a known one ("State Division" → "State Department"):
 *   known names are capitalized runs of the frequency text (freq.ts) and capitalized
 *   WordNet lemmas.
 */
import { morph, synsets } from '../../lexicon/index.js';
import { FUNCTION_IN_TITLE, freqTables } from './freq.js';
import { maybeMultiword, maybeMultiwordStart, startsMultiword } from './mwe.js';
import { profile } from './synonyms.js';
import { ADJ_PREV, ALLCAPS, CAP, FUNC, HAS_DIGIT, NUM, type Doc, type Finding } from './types.js';
import { memo } from '../../memos.js';

const MAX_PHRASE = 4;
/** A capitalized run this often in the frequency text is a known name. */
const KNOWN_TITLE = 2;

const memoWordnetName = memo<string, number>();

/**
 * 2 when `phrase` (lower case) is a WordNet lemma only ever written capitalized
 * ("united states"), 1 when it is a lemma with some capitalized member spelling,
 * 0 when it is a lemma written in lower case, -1 when not a lemma at all.
 */
export function wordnetName(phrase: string): number {
  let v = memoWordnetName.get(phrase);
  if (v !== undefined) return v;
  v = -1;
  const senses = synsets(phrase);
  if (senses.length > 0) {
    let cap = 0;
    let low = 0;
    for (const s of senses) {
      for (const m of s.synset.words) {
        if (m.toLowerCase() !== phrase) continue;
        if (/^\p{Lu}/u.test(m)) cap++;
        else low++;
      }
    }
    v = cap > 0 && low === 0 ? 2 : cap > 0 ? 1 : 0;
  }
  memoWordnetName.set(phrase, v);
  return v;
}

/** Is `phrase` a (possibly inflected) lower-case WordNet multiword expression? */
function lowerExpression(phrase: string): boolean {
  if (!maybeMultiword(phrase)) return false;
  for (const a of morph(phrase)) if (wordnetName(a.lemma) === 0) return true;
  return false;
}

let firsts: Set<string> | undefined;

/** First words of the capitalized runs seen often enough to be checked by alwaysCapitalized. */
function nameFirsts(): Set<string> {
  if (firsts) return firsts;
  firsts = new Set();
  for (const [k, c] of freqTables().titles) if (c >= MIN_NAME) firsts.add(k.slice(0, k.indexOf(' ')));
  return firsts;
}

const MIN_NAME = 20;

/** Seen often, and (nearly) only capitalized, in the frequency text ("united states"). */
function alwaysCapitalized(phrase: string): boolean {
  const t = freqTables();
  const cap = t.titles.get(phrase) ?? 0;
  const all = t.count.get(phrase) ?? 0;
  return cap >= MIN_NAME && cap >= 0.99 * all;
}

function knownName(key: string): boolean {
  return (freqTables().titles.get(key) ?? 0) >= KNOWN_TITLE || wordnetName(key) >= 1;
}

const isTitleWord = (f: number): boolean => (f & CAP) !== 0 && (f & ALLCAPS) === 0;

export function titleFindings(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { lower, flags, facts } = doc;
  const words = doc.seg.words;
  const n = lower.length;
  const push = (a: number, b: number, signal: string, strength: number): void => {
    out.push({ start: words[a].start, end: words[b].end, signal, strength, sentence: words[a].sentence });
  };

  for (let i = 0; i < n; i++) {
    // title-lowercase: Cap + lower-case continuation forming a WordNet expression, inside a name.
    if (isTitleWord(flags[i]) && i + 1 < n && (facts[i].startsMultiword ??= startsMultiword(lower[i])) && (flags[i + 1] & ADJ_PREV) && !(flags[i + 1] & (CAP | NUM | HAS_DIGIT)) && maybeMultiwordStart(facts[i], facts[i + 1])) {
      let phrase = lower[i];
      for (let j = i + 1; j < Math.min(n, i + MAX_PHRASE); j++) {
        if (!(flags[j] & ADJ_PREV) || flags[j] & CAP) break;
        phrase += ` ${lower[j]}`;
        if (flags[j] & FUNC) continue;
        if (!lowerExpression(phrase)) continue;
        const after = j + 1 < n && (flags[j + 1] & ADJ_PREV) !== 0 && isTitleWord(flags[j + 1]) && !(flags[j + 1] & FUNC) && lower[j + 1] !== 'i';
        // Only inside a name that goes on: "Wall surface Road", not "the Social Security system".
        if (after) {
          push(i, j, 'title-lowercase', 0.85);
          i = j;
        }
        break;
      }
    }
  }

  // lowercased-name: lower-case run that WordNet only knows as a capitalized name.
  for (let i = 0; i + 1 < n; i++) {
    // Every phrase tried below starts with words i and i + 1.
    if (flags[i] & (CAP | FUNC | NUM | HAS_DIGIT) || !nameFirsts().has(lower[i]) || !maybeMultiwordStart(facts[i], facts[i + 1])) continue;
    let phrase = lower[i];
    for (let j = i + 1; j < Math.min(n, i + MAX_PHRASE); j++) {
      if (!(flags[j] & ADJ_PREV) || flags[j] & (CAP | NUM | HAS_DIGIT)) break;
      phrase += ` ${lower[j]}`;
      if (flags[j] & FUNC) continue;
      if (maybeMultiword(phrase) && wordnetName(phrase) === 2 && alwaysCapitalized(phrase)) {
        push(i, j, 'lowercased-name', 0.8);
        i = j;
        break;
      }
    }
  }

  // title-synonym: capitalized runs (with inner connectors), inside sentences.
  let i = 0;
  while (i < n) {
    if (!isTitleWord(flags[i])) {
      i++;
      continue;
    }
    const run = [i];
    let j = i + 1;
    while (j < n && flags[j] & ADJ_PREV) {
      if (isTitleWord(flags[j])) run.push(j);
      else if (!FUNCTION_IN_TITLE.has(lower[j]) || !(j + 1 < n && isTitleWord(flags[j + 1]))) break;
      else run.push(j);
      j++;
    }
    i = j;
    const content = run.filter((k) => !FUNCTION_IN_TITLE.has(lower[k]) && !(flags[k] & FUNC));
    if (content.length < 2) continue;
    for (const k of content) {
      const hit = titleSwap(doc, run, k);
      if (hit) push(k, k, 'title-synonym', 0.6);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Does swapping word k of the capitalized run for a synonym turn an unknown name into a known one? */
function titleSwap(doc: Doc, run: number[], k: number): boolean {
  const { lower } = doc;
  const pos = run.indexOf(k);
  const p = profile(lower[k]);
  if (p.candidates.length === 0) return false;
  // A word usually capitalized in running text (Americans, Nations) is a name's own word.
  const t = freqTables();
  const all = t.count.get(lower[k]) ?? 0;
  if (all < 5 || (t.capMid.get(lower[k]) ?? 0) > 0.3 * all) return false;
  // Windows of 2–4 words of the run containing k, that start and end with a content word.
  for (let a = Math.max(0, pos - 3); a <= pos; a++) {
    for (let b = Math.max(pos, a + 1); b < Math.min(run.length, a + MAX_PHRASE); b++) {
      if (FUNCTION_IN_TITLE.has(lower[run[a]]) || FUNCTION_IN_TITLE.has(lower[run[b]])) continue;
      const parts = run.slice(a, b + 1).map((x) => lower[x]);
      if (knownName(parts.join(' '))) return false;
      for (const c of p.candidates) {
        parts[pos - a] = c.word;
        const key = parts.join(' ');
        if ((t.titles.get(key) ?? 0) >= 5 || wordnetName(key) >= 1) return true;
      }
    }
  }
  return false;
}
