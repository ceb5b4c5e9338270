/**
 * The words multiword lemmas are made of, by position: built once from the lexicon so
 * callers can rule out a phrase ("the measure would") without asking the lexicon.
 */
import { lexicon } from './store.js';

export interface MultiwordParts {
  /** Every multiword lemma. */
  lemmas: ReadonlySet<string>;
  /** Their first, second and last words. */
  firsts: ReadonlySet<string>;
  seconds: ReadonlySet<string>;
  lasts: ReadonlySet<string>;
}

let parts: MultiwordParts | undefined;

export function multiwordParts(): MultiwordParts {
  if (parts) return parts;
  const lemmas = new Set<string>();
  const firsts = new Set<string>();
  const seconds = new Set<string>();
  const lasts = new Set<string>();
  for (const l of lexicon().lemmas()) {
    const k = l.indexOf(' ');
    if (k < 0) continue;
    lemmas.add(l);
    firsts.add(l.slice(0, k));
    const k2 = l.indexOf(' ', k + 1);
    seconds.add(l.slice(k + 1, k2 < 0 ? l.length : k2));
    lasts.add(l.slice(l.lastIndexOf(' ') + 1));
  }
  parts = { lemmas, firsts, seconds, lasts };
  return parts;
}
