/**
 * Where the corpus stages find the cleaned text and index data of each document
 * between pass 1 and the end of the corpus stages: on disk for a two-pass run (so
 * that neither this thread nor the workers hold a whole corpus of texts), in memory
 * for a corpus of one. A CorpusEntry names its document's `slot` in both.
 */
import type { CorpusDoc, CorpusEntry } from '../stages/corpus.js';
import type { IndexData } from '../stages/reference-data.js';
import { MemorySlots, Store, type Slots } from './store.js';

export class HeldCorpus {
  readonly texts: Slots<string> & { put(v: string): number };
  readonly indexes: Slots<IndexData | undefined> & { put(v: IndexData | undefined): number };

  constructor(readonly onDisk: boolean) {
    this.texts = onDisk ? new Store<string>() : new MemorySlots<string>();
    this.indexes = onDisk ? new Store<IndexData | undefined>() : new MemorySlots<IndexData | undefined>();
  }

  /** Puts the document's text and index data away; returns what stays in memory. */
  hold(doc: CorpusDoc): CorpusEntry {
    const { text, index, ...rest } = doc;
    const slot = this.texts.put(text);
    if (this.indexes.put(index) !== slot) throw new Error('held corpus: texts and index data out of step');
    return { ...rest, slot };
  }

  /** Deletes the files (if any); safe to call more than once. */
  close(): void {
    if (this.texts instanceof Store) this.texts.close();
    if (this.indexes instanceof Store) this.indexes.close();
  }
}
