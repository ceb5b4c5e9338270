/**
 * Which capitalised tokens the spinner leaves alone: names WordNet does not know
 * (Rubio, Sheinbaum), acronyms, proper nouns whose first WordNet sense is a name
 * (Panama, Thursday), rare words used as names (Trump), first names before an
 * unknown surname, and WordNet place names (Central America, Costa Rica) unless they
 * are part of a longer capitalised name ("Wall Street Journal" is spun word by word).
 * Titles and common words inside names ("Secretary", "Department") are NOT protected.
 */
import { frequency, isFunctionWord, morph, normalizeLemma, synsets, type Synset } from '../../pipeline/lexicon/index.js';
import { lexicon } from '../../pipeline/lexicon/store.js';
import { ABBREVIATIONS } from './tables.js';
import { nextWord, prevWord, type Token } from './tokens.js';

const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'da', 'the', 'and']);
const MIN_TAGS_MID_SENTENCE = 2;

const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isAcronym = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
};

function isNamed(s: Synset): boolean {
  return /^\p{Lu}/u.test(s.words[0]) && (s.lexfile === 'noun.location' || lexicon().pointers(s.id, ['i']).length > 0);
}

/** Is the first-sense reading of the word a proper noun (a capitalised member equal to the word)? */
function properFirstSense(word: string): boolean {
  const a = morph(word)[0];
  if (!a) return false;
  const first = synsets(a.lemma, a.pos)[0];
  if (!first) return false;
  return first.synset.words.some((m) => normalizeLemma(m) === a.lemma && /^\p{Lu}/u.test(m));
}

function isTitleWord(word: string): boolean {
  const first = synsets(normalizeLemma(word), 'n')[0] ?? morph(word, 'n').map((a) => synsets(a.lemma, 'n')[0])[0];
  return first?.synset.lexfile === 'noun.person';
}

/** A capitalised token that looks like a name: unknown to WordNet, a proper first sense, or rare. */
function nameLike(t: Token): boolean {
  const stem = t.text.replace(/['’]s$/, '');
  if (!isCap(stem) || isFunctionWord(stem)) return false;
  return !!t.compound || morph(stem).length === 0 || properFirstSense(stem) || frequency(stem) < MIN_TAGS_MID_SENTENCE;
}

/** Indices of tokens that must not be spun. */
export function protectedTokens(toks: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word || !isCap(t.text) || out.has(i)) continue;
    if (ABBREVIATIONS[t.text] !== undefined) continue;

    // WordNet place names of several words, unless a longer capitalised name continues
    const run = [i];
    let k = i;
    while (run.length < 5) {
      const j = nextWord(toks, k);
      if (j < 0 || toks[j].start - toks[k].end !== 1) break;
      if (!isCap(toks[j].text) && !CONNECTORS.has(toks[j].text)) break;
      run.push(j);
      k = j;
    }
    let named = 0;
    for (let n = run.length; n >= 2; n--) {
      const last = toks[run[n - 1]];
      if (!isCap(last.text)) continue;
      const phrase = normalizeLemma(run.slice(0, n).map((x) => toks[x].text.replace(/['’]s$/, '')).join(' '));
      const first = lexicon().senses(phrase, 'n')[0];
      if (!first || !isNamed(first.synset)) continue;
      const after = run[n];
      if (after !== undefined && isCap(toks[after].text)) break; // longer name: spin word by word
      named = n;
      break;
    }
    if (named) {
      for (const x of run.slice(0, named)) out.add(x);
      i = run[named - 1];
      continue;
    }

    const stem = t.text.replace(/['’]s$/, '');
    if (isFunctionWord(stem)) continue;
    if (t.compound || isAcronym(stem) || morph(stem).length === 0 || properFirstSense(stem)) {
      out.add(i);
      continue;
    }
    if (!t.sentenceStart && frequency(stem) < MIN_TAGS_MID_SENTENCE) {
      out.add(i);
      continue;
    }
    const j = nextWord(toks, i);
    if (j >= 0 && toks[j].start - t.end === 1 && nameLike(toks[j]) && !isTitleWord(stem)) out.add(i); // first name before a surname
    const p = prevWord(toks, i);
    if (!t.sentenceStart && p >= 0 && toks[p].end + 1 === t.start && nameLike(toks[p]) && !isTitleWord(stem)) out.add(i); // surname after a name
  }
  // a word protected as a name somewhere is a name everywhere ("Trump's" at a sentence start)
  const names = new Set<string>();
  for (const i of out) if (!toks[i].sentenceStart) names.add(toks[i].text.replace(/['’]s$/, ''));
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].word && names.has(toks[i].text.replace(/['’]s$/, ''))) out.add(i);
  }
  return out;
}
