/**
 * Open-addressing tables keyed by non-negative integers below 2^53 (the `hash53` of a
 * string): 12 bytes a slot in typed arrays, where a Map<number, …> spends about five
 * times that on boxed keys and entries. Used for the reference index's counts and
 * postings, which grow with the corpus.
 */

const EMPTY = -1;

type TypedArray = Float64Array | Int32Array | Uint8Array;

/** A copy of `a` twice as long (the rest zero): how the growing arrays of the indexes grow. */
export function doubled<T extends TypedArray>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  out.set(a as never);
  return out;
}

/**
 * A copy of `a` in a SharedArrayBuffer (or `a` itself if it is in one already):
 * sent to another thread, it arrives as a view of the same memory, not a copy, so an
 * index built once serves every thread.
 */
export function toShared<T extends TypedArray>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const C = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** Slot index for a key: its low 32 bits, mixed. */
function mix(key: number): number {
  let h = key % 4294967296 | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A CountTable as plain data (structured-clone safe), to send it to another thread. */
export interface CountSnapshot {
  keys: Float64Array;
  values: Int32Array;
  size: number;
}

/** Key → 32-bit count. */
export class CountTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  /**
   * `shared`: keep the table in shared memory from the start, for a table that ends up
   * shared (see `sharedSnapshot`), so it is never copied there.
   */
  constructor(capacity = 1024, private readonly shared = false) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = this.allocKeys(n);
    this.values = this.allocValues(n);
    this.mask = n - 1;
  }

  private allocKeys(n: number): Float64Array {
    return (this.shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n)).fill(EMPTY);
  }

  private allocValues(n: number): Int32Array {
    return this.shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
  }

  private find(key: number): number {
    let i = mix(key) & this.mask;
    while (this.keys[i] !== EMPTY && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  snapshot(): CountSnapshot {
    return { keys: this.keys, values: this.values, size: this.size };
  }

  /** A snapshot in shared memory (see toShared): the table must not change after. */
  sharedSnapshot(): CountSnapshot {
    this.keys = toShared(this.keys);
    this.values = toShared(this.values);
    return this.snapshot();
  }

  static fromSnapshot(s: CountSnapshot): CountTable {
    const t = new CountTable(0);
    t.keys = s.keys;
    t.values = s.values;
    t.mask = s.keys.length - 1;
    t.size = s.size;
    return t;
  }

  get(key: number): number {
    const i = this.find(key);
    return this.keys[i] === key ? this.values[i] : 0;
  }

  add(key: number, by = 1): void {
    let i = this.find(key);
    if (this.keys[i] !== key) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.find(key);
      }
      this.keys[i] = key;
      this.size++;
    }
    this.values[i] += by;
  }

  /** Calls `fn` for every key and count, in slot order. */
  forEach(fn: (key: number, count: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) fn(this.keys[i], this.values[i]);
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = this.allocKeys(keys.length * 2);
    this.values = this.allocValues(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const j = this.find(keys[i]);
      this.keys[j] = keys[i];
      this.values[j] = values[i];
    }
  }
}

/** A frozen PostingTable as plain data. */
export interface SharedPostings {
  index: CountSnapshot;
  offsets: Int32Array;
  ids: Int32Array;
}

/** Pairs a PairLog chunk holds at most (12 MB). */
const MAX_CHUNK = 1 << 20;

/**
 * (key, id) pairs, appended and read back in order, in chunks that double up to
 * MAX_CHUNK pairs and then stay that size: growing never copies what is held. A
 * corpus's postings are the largest table a run builds (23 million pairs at 320 MB of
 * input); in one array doubled as it fills, growing held the old and the new array at
 * once (three times the pairs' size) and left up to half of the new one unused.
 */
export class PairLog {
  private keys: Float64Array[] = [];
  private ids: Int32Array[] = [];
  /** Free places in the last chunk. */
  private room = 0;
  length = 0;

  push(key: number, id: number): void {
    if (this.room === 0) this.addChunk();
    const c = this.keys.length - 1;
    const at = this.keys[c].length - this.room--;
    this.keys[c][at] = key;
    this.ids[c][at] = id;
    this.length++;
  }

  /** Calls `fn` for every pair, in the order pushed. */
  forEach(fn: (key: number, id: number) => void): void {
    let left = this.length;
    for (let c = 0; c < this.keys.length; c++) {
      const keys = this.keys[c];
      const ids = this.ids[c];
      const n = Math.min(keys.length, left);
      for (let i = 0; i < n; i++) fn(keys[i], ids[i]);
      left -= n;
    }
  }

  private addChunk(): void {
    const n = Math.min(2 * (this.keys.at(-1)?.length ?? 512), MAX_CHUNK);
    this.keys.push(new Float64Array(n));
    this.ids.push(new Int32Array(n));
    this.room = n;
  }
}

/**
 * Key → list of 32-bit ids, in the order added. Built in two steps: `add` appends
 * (key, id) pairs; the first `get` freezes the pairs into one array of ids grouped by
 * key (compressed rows), after which nothing can be added.
 */
export class PostingTable {
  private pairs = new PairLog();
  private frozen?: { index: CountTable; offsets: Int32Array; ids: Int32Array };
  private perKey?: CountTable;

  /**
   * `cap`: a key keeps at most cap + 1 ids, enough for a reader to tell it is over the
   * cap (a shingle too common to retrieve by) without storing all of them.
   */
  constructor(private readonly cap = Infinity) {
    if (Number.isFinite(cap)) this.perKey = new CountTable(1024);
  }

  add(key: number, id: number): void {
    if (this.frozen) throw new Error('PostingTable: add after the table was read');
    if (this.perKey) {
      if (this.perKey.get(key) > this.cap) return;
      this.perKey.add(key);
    }
    this.pairs.push(key, id);
  }

  /** The frozen table in shared memory (see toShared), for `fromShared` in any thread. */
  share(): SharedPostings {
    const f = (this.frozen ??= this.freeze(true));
    f.offsets = toShared(f.offsets);
    f.ids = toShared(f.ids);
    return { index: f.index.sharedSnapshot(), offsets: f.offsets, ids: f.ids };
  }

  static fromShared(s: SharedPostings): PostingTable {
    const t = new PostingTable();
    t.frozen = { index: CountTable.fromSnapshot(s.index), offsets: s.offsets, ids: s.ids };
    return t;
  }

  /** The ids added under `key`, in order (a view: do not keep it past the table). */
  get(key: number): Int32Array | undefined {
    const f = (this.frozen ??= this.freeze());
    const row = f.index.get(key);
    if (row === 0) return undefined;
    return f.ids.subarray(f.offsets[row - 1], f.offsets[row]);
  }

  /**
   * `shared`: build the frozen table in shared memory (see toShared). Rows are looked
   * up again in the second walk rather than remembered per pair: a hash lookup per
   * pair is cheap next to holding another 4 bytes per pair while the pairs are held.
   */
  private freeze(shared = false): { index: CountTable; offsets: Int32Array; ids: Int32Array } {
    const int32 = (n: number) => (shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n));
    // Row numbers from 1 (0 = absent), in order of first appearance, and their lengths.
    const index = new CountTable(1024, shared);
    let lengths: Int32Array = new Int32Array(1024);
    let rows = 0;
    this.pairs.forEach((key) => {
      let row = index.get(key);
      if (row === 0) {
        index.add(key, (row = ++rows));
        if (row === lengths.length) lengths = doubled(lengths);
      }
      lengths[row]++;
    });
    const offsets = int32(rows + 1);
    for (let r = 1; r <= rows; r++) offsets[r] = offsets[r - 1] + lengths[r];
    const fill = offsets.slice(0, rows + 1);
    const ids = int32(this.pairs.length);
    this.pairs.forEach((key, id) => {
      ids[fill[index.get(key) - 1]++] = id;
    });
    this.pairs = new PairLog();
    this.perKey = undefined;
    return { index, offsets, ids };
  }
}
