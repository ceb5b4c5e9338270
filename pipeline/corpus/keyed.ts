/**
 * Values by string key, each put once and taken back once: how a two-pass run keeps
 * the corpus stages' per-document conclusions (restorations, which grow with the
 * corpus: their edits carry evidence and cited sources) from the corpus stages to
 * pass 2 without holding them in memory. On disk, values go into a Store (so they
 * come back exactly, through v8's structured serialization, as they came from the
 * worker threads); in memory (a corpus of one, tests), into a Map.
 */
import { Store } from './store.js';

export class KeyedStore<T> {
  private readonly inMemory = new Map<string, T>();
  private readonly slots = new Map<string, number>();
  /** Created with the first value, so a run with nothing to keep creates no file. */
  private store?: Store<T>;

  constructor(private readonly onDisk: boolean) {}

  get size(): number {
    return this.onDisk ? this.slots.size : this.inMemory.size;
  }

  /** Keeps `value` under `key` (a key is set once). */
  set(key: string, value: T): void {
    if (this.slots.has(key) || this.inMemory.has(key)) throw new Error(`keyed store: ${key} set twice`);
    if (!this.onDisk) {
      this.inMemory.set(key, value);
      return;
    }
    this.store ??= new Store<T>();
    this.slots.set(key, this.store.put(value));
  }

  /** The value under `key`, handed over: a second take finds nothing. */
  take(key: string): T | undefined {
    if (!this.onDisk) {
      const value = this.inMemory.get(key);
      this.inMemory.delete(key);
      return value;
    }
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    this.slots.delete(key);
    return this.store!.get(slot, false);
  }

  /** Deletes the file (if any); safe to call more than once. */
  close(): void {
    this.store?.close();
    this.slots.clear();
    this.inMemory.clear();
  }
}
