/**
 * Signal `spinner-phrase`: function words and short phrases article spinners put in place
 * of plain ones (the table of pipeline/lexicon/spinner-phrases.ts). Only the phrase
 * itself is marked.
 */
import { morph } from '../../lexicon/index.js';
import { SPINNER_PHRASES, type SpinnerPhrase } from '../../lexicon/spinner-phrases.js';
import { ADJ_PREV, CAP, FUNC, HAS_DIGIT, NUM, SENT_START, type Doc, type Finding } from './types.js';

const BY_FIRST = new Map<string, SpinnerPhrase[]>();
for (const t of SPINNER_PHRASES) {
  const list = BY_FIRST.get(t.words[0]) ?? [];
  list.push(t);
  list.sort((a, b) => b.words.length - a.words.length);
  BY_FIRST.set(t.words[0], list);
}

export function tellFindings(doc: Doc): Finding[] {
  const out: Finding[] = [];
  const { lower, flags } = doc;
  const words = doc.seg.words;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const list = BY_FIRST.get(lower[i]);
    if (!list) continue;
    for (const t of list) {
      const len = t.words.length;
      if (i + len > n) continue;
      if (t.midSentence && flags[i] & SENT_START) continue;
      let ok = true;
      for (let k = 1; k < len && ok; k++) ok = lower[i + k] === t.words[k] && (flags[i + k] & ADJ_PREV) !== 0;
      if (!ok) continue;
      out.push({ start: words[i].start, end: words[i + len - 1].end, signal: 'spinner-phrase', strength: t.strength, sentence: words[i].sentence });
      i += len - 1;
      break;
    }
  }
  grammarTells(doc, out);
  return out.sort((a, b) => a.start - b.start);
}

const DEGREE_NEXT = new Set(['much', 'many', 'long', 'far', 'often', 'little', 'few', 'hard', 'great', 'small', 'large', 'well', 'good', 'bad']);
const AUX_AFTER_THAT = new Set(['has', 'had', 'was', 'were', 'will', 'would', 'have']);

/** A content word whose likeliest reading is a verb in the past or 3rd-person form. */
function finiteVerb(w: string): boolean {
  const a = morph(w)[0];
  return a !== undefined && a.pos === 'v' && (a.form === 'past' || a.form === '3sg');
}

/**
 * Word-order tells of swapped function words:
 * - "however" used as a conjunction ("…the captain, however was divided"),
 * - "concerning"/"regarding" before a number (for "about" = approximately),
 * - ", that" + finite verb after a name (for ", who"),
 */
function grammarTells(doc: Doc, out: Finding[]): void {
  const { lower, flags, text } = doc;
  const words = doc.seg.words;
  const n = lower.length;
  const push = (i: number, strength: number): void => {
    out.push({ start: words[i].start, end: words[i].end, signal: 'spinner-phrase', strength, sentence: words[i].sentence });
  };
  for (let i = 0; i + 1 < n; i++) {
    const w = lower[i];
    const nextAdj = (flags[i + 1] & ADJ_PREV) !== 0;
    if (w === 'however') {
      if (flags[i] & SENT_START || !nextAdj) continue;
      if (DEGREE_NEXT.has(lower[i + 1]) || /ly$/.test(lower[i + 1])) continue;
      const a = morph(lower[i + 1])[0];
      if (a && (a.pos === 'a' || a.pos === 'r')) continue;
      push(i, 0.15);
    } else if ((w === 'concerning' || w === 'regarding') && nextAdj && flags[i + 1] & (NUM | HAS_DIGIT)) {
      push(i, 0.5);
    } else if (w === 'that' && i > 0 && nextAdj && !(flags[i] & SENT_START)) {
      if (!/^\s*,\s*$/.test(text.slice(words[i - 1].end, words[i].start))) continue;
      if (!(flags[i - 1] & CAP) || flags[i - 1] & FUNC) continue;
      const next = lower[i + 1];
      if (AUX_AFTER_THAT.has(next) || (!(flags[i + 1] & FUNC) && finiteVerb(next))) push(i, 0.25);
    }
  }
}
