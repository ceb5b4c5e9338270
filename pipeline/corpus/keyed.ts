/**
 * Values by string key, each put once and taken back once: how a two-pass run keeps
 * the corpus stages' per-document conclusions (restorations, which grow with the
 * corpus: their edits carry evidence and cited sources) from the corpus stages to
 * pass 2 without holding them in memory. On disk, values go into a Store (so they
 * come back exactly, through v8's structured serialization, as they came from the
 * worker threads); in memory (a corpus of one, tests), into MemorySlots, until close.
 */
import { MemorySlots, Store } from './store.js';

export class KeyedStore<T> {
  /** Key → slot of its value in `values`. */
  private readonly slots = new Map<string, number>();
  /** Created with the first value, so a run with nothing to keep creates no file. */
  private values?: MemorySlots<T> | Store<T>;

  constructor(private readonly onDisk: boolean) {}

  get size(): number {
    return this.slots.size;
  }

  /** Keeps `value` under `key` (a key is set once). */
  set(key: string, value: T): void {
    if (this.slots.has(key)) throw new Error(`keyed store: ${key} set twice`);
    this.values ??= this.onDisk ? new Store<T>() : new MemorySlots<T>();
    this.slots.set(key, this.values.put(value));
  }

  /** The value under `key`, handed over: a second take finds nothing. */
  take(key: string): T | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    this.slots.delete(key);
    return this.values!.get(slot, false);
  }

  /** Deletes the file (if any) and lets go of the values; safe to call more than once. */
  close(): void {
    if (this.values instanceof Store) this.values.close();
    this.values = undefined;
    this.slots.clear();
  }
}
