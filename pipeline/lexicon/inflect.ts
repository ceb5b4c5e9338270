/**
 * Generation of inflected forms: `inflect('run', 'v', 'past')` → `ran`.
 * Irregular table first (irregular.ts), then regular spelling rules (spelling.ts).
 * Multiword lemmas inflect their head: the first word of a verb phrase
 * ("keep in mind" → "kept in mind"), the word before a preposition in a noun phrase
 * ("head of state" → "heads of state"), otherwise the last word ("wall surface" →
 * "wall surfaces"); adjective/adverb phrases grade with more/most.
 */
import { irregularForm } from './irregular.js';
import { addEd, addGrade, addIng, addS, takesSuffixGrade } from './spelling.js';
import type { Form, Pos } from './types.js';

const NOUN_HEAD_BREAKERS = new Set(['of', 'in', 'on', 'at', 'for', 'to', 'by', 'with', 'from', 'de', 'du', 'la', 'le']);
/** -man nouns whose plural is -mans. */
const MAN_MANS = new Set(['human', 'german', 'roman', 'talisman', 'caiman', 'shaman', 'ottoman', 'norman', 'walkman', 'cayman', 'dolman', 'doberman']);

function keepCase(model: string, out: string): string {
  if (model === model.toLowerCase()) return out;
  if (model.length > 1 && model === model.toUpperCase()) return out.toUpperCase();
  return out[0].toUpperCase() + out.slice(1);
}

function inflectWord(word: string, pos: Pos, form: Form): string {
  if (form === 'base') return word;
  const lower = word.toLowerCase();
  const irr = irregularForm(lower, pos, form);
  if (irr) return keepCase(word, irr);
  switch (pos) {
    case 'n': {
      if (form !== 'plural') return word;
      if (/man$/.test(lower) && !MAN_MANS.has(lower)) return word.slice(0, -3) + (word.endsWith('MAN') ? 'MEN' : 'men');
      if (/[^aeiou]sis$/.test(lower)) return word.slice(0, -2) + 'es';
      return addS(word);
    }
    case 'v': {
      switch (form) {
        case '3sg':
          return /[^aeiou]o$/.test(lower) ? word + 'es' : addS(word);
        case 'past':
        case 'pastParticiple':
          return addEd(word);
        case 'gerund':
          return addIng(word);
        default:
          return word;
      }
    }
    case 'a':
    case 'r': {
      if (form !== 'comparative' && form !== 'superlative') return word;
      if (takesSuffixGrade(lower, pos)) return addGrade(word, form === 'comparative' ? 'er' : 'est');
      return `${form === 'comparative' ? 'more' : 'most'} ${word}`;
    }
  }
}

/**
 * `lemma` (any case; multiword with spaces or hyphens) put in `form`.
 * Forms that do not apply to the POS (e.g. `past` of a noun) return the lemma unchanged.
 */
export function inflect(lemma: string, pos: Pos, form: Form): string {
  if (form === 'base') return lemma;
  const words = lemma.split(' ');
  if (words.length === 1) return inflectWord(lemma, pos, form);
  const whole = irregularForm(lemma.toLowerCase(), pos, form);
  if (whole) return whole;
  let head: number;
  switch (pos) {
    case 'v':
      head = 0;
      break;
    case 'n': {
      const brk = words.findIndex((w, i) => i > 0 && NOUN_HEAD_BREAKERS.has(w.toLowerCase()));
      head = brk > 0 ? brk - 1 : words.length - 1;
      break;
    }
    default:
      return form === 'comparative' ? `more ${lemma}` : form === 'superlative' ? `most ${lemma}` : lemma;
  }
  const out = [...words];
  out[head] = inflectWord(words[head], pos, form);
  return out.join(' ');
}
