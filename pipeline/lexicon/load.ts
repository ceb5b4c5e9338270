/** Explicit loading / diagnostics for the lazily loaded lexicon. */
import type { LoadInfo } from './cache.js';
import { lexicon, lexiconLoaded } from './store.js';

export interface LexiconInfo extends LoadInfo {
  synsets: number;
  lemmas: number;
}

/** Loads the lexicon now (otherwise it loads on first use) and says how. */
export function loadLexicon(): LexiconInfo {
  const lx = lexicon();
  return { ...lx.info, synsets: lx.synsetCount, lemmas: lx.lemmaCount };
}

/** Load information if the lexicon is already loaded in this process, else undefined. */
export function lexiconInfo(): LexiconInfo | undefined {
  return lexiconLoaded() ? loadLexicon() : undefined;
}
