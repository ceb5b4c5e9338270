/**
 * Values kept on disk by number, read back in any order and from any thread: how a
 * two-pass run holds the cleaned texts and index data of a whole corpus between
 * pass 1 and the corpus stages without holding them in memory (the page cache holds
 * them instead, which is not the process's to keep). Values go through v8's
 * structured serialization, so strings come back exactly (lone surrogates included)
 * and typed arrays survive.
 *
 * The thread that writes owns the file; other threads open it read-only from its
 * `handle()`, a plain value that crosses threads.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { makeTempDir, tempWriteError, type TempDir } from './temp-dirs.js';
import { doubled } from '../hash-table.js';

/** Values by slot number, wherever they are kept. */
export interface Slots<T> {
  /** `keep` false: a value read once, not worth a place in a cache. */
  get(slot: number, keep?: boolean): T;
}

/** What another thread needs to read a Store: its file and where each value starts. */
export interface StoreHandle {
  file: string;
  /** Value i is bytes [offsets[i], offsets[i + 1]) of the file. */
  offsets: Float64Array;
}

/**
 * What a set-up task sends for a text store: a handle another thread opens, or values
 * held in memory, which only a runner working in this thread can be given.
 */
export type SlotsRef<T> = StoreHandle | Slots<T>;

/** `slots` as a set-up task sends it. */
export function slotsRef<T>(slots: Slots<T>): SlotsRef<T> {
  return slots instanceof Store ? slots.handle() : slots;
}

/** The values a SlotsRef refers to, and how to let go of them. */
export function openSlots<T>(ref: SlotsRef<T>, cacheSize: number): { slots: Slots<T>; close: () => void } {
  if (!('file' in ref)) return { slots: ref, close: () => {} };
  const store = new Store<T>(ref, cacheSize);
  return { slots: store, close: () => store.close() };
}

/** Values held in memory (a corpus of one, tests): only this thread can read them. */
export class MemorySlots<T> implements Slots<T> {
  private readonly values: T[] = [];

  put(value: T): number {
    return this.values.push(value) - 1;
  }

  get(slot: number): T {
    return this.values[slot];
  }
}

export class Store<T> implements Slots<T> {
  private fd: number | undefined;
  private offsets: Float64Array = new Float64Array(1025);
  private count = 0;
  /** Set for a store this thread owns (created it): removed with it. */
  private readonly temp?: TempDir;
  private readonly file: string;
  /** Recently read values, most recent last: a reader tends to come back to the same few. */
  private readonly cache = new Map<number, T>();

  /** A new, empty store in a temporary directory, or (with `handle`) another thread's, read-only. */
  constructor(handle?: StoreHandle, private readonly cacheSize = 0) {
    if (handle) {
      this.file = handle.file;
      this.offsets = handle.offsets;
      this.count = handle.offsets.length - 1;
      this.fd = openSync(this.file, 'r');
    } else {
      this.temp = makeTempDir('store');
      this.file = path.join(this.temp.path, 'values.bin');
      this.fd = openSync(this.file, 'w+');
    }
  }

  /** Appends a value; returns its slot (0, 1, 2… in the order put). */
  put(value: T): number {
    if (!this.temp) throw new Error('store opened read-only');
    const body = serialize(value);
    const at = this.offsets[this.count];
    try {
      writeSync(this.fd!, body, 0, body.length, at);
    } catch (err) {
      throw tempWriteError(err, this.file);
    }
    if (this.count + 2 > this.offsets.length) this.offsets = doubled(this.offsets);
    this.offsets[++this.count] = at + body.length;
    return this.count - 1;
  }

  get(slot: number, keep = true): T {
    if (this.fd === undefined) throw new Error('store closed');
    if (!(slot >= 0 && slot < this.count)) throw new Error(`no value in slot ${slot}`);
    const hit = this.cache.get(slot);
    if (hit !== undefined) {
      this.cache.delete(slot);
      this.cache.set(slot, hit);
      return hit;
    }
    const start = this.offsets[slot];
    const body = Buffer.allocUnsafe(this.offsets[slot + 1] - start);
    for (let at = 0; at < body.length; ) {
      const n = readSync(this.fd, body, at, body.length - at, start + at);
      if (n === 0) throw new Error('store file ended early');
      at += n;
    }
    const value = deserialize(body) as T;
    if (keep && this.cacheSize > 0) {
      this.cache.set(slot, value);
      if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    }
    return value;
  }

  /** For another thread to open the values put so far. */
  handle(): StoreHandle {
    return { file: this.file, offsets: this.offsets.slice(0, this.count + 1) };
  }

  /** Closes the file, and deletes it if this thread created it; safe to call more than once. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.cache.clear();
    this.temp?.remove();
  }
}
