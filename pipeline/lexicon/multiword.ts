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
  /** Second words by first word: which two words can start a lemma. */
  secondsAfter: ReadonlyMap<string, ReadonlySet<string>>;
}

let parts: MultiwordParts | undefined;

export function multiwordParts(): MultiwordParts {
  if (parts) return parts;
  const lemmas = new Set<string>();
  const firsts = new Set<string>();
  const seconds = new Set<string>();
  const lasts = new Set<string>();
  const secondsAfter = new Map<string, Set<string>>();
  for (const l of lexicon().lemmas()) {
    const k = l.indexOf(' ');
    if (k < 0) continue;
    lemmas.add(l);
    const first = l.slice(0, k);
    firsts.add(first);
    const k2 = l.indexOf(' ', k + 1);
    const second = l.slice(k + 1, k2 < 0 ? l.length : k2);
    seconds.add(second);
    let after = secondsAfter.get(first);
    if (!after) secondsAfter.set(first, (after = new Set()));
    after.add(second);
    lasts.add(l.slice(l.lastIndexOf(' ') + 1));
  }
  parts = { lemmas, firsts, seconds, lasts, secondsAfter };
  return parts;
}
