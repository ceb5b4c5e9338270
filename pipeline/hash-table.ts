/**
 * Open-addressing tables keyed by non-negative integers below 2^53 (the `hash53` of a
 * string): 12 bytes a slot in typed arrays, where a Map<number, …> spends about five
 * times that on boxed keys and entries. Used for the reference index's counts and
 * postings, which grow with the corpus.
 */

const EMPTY = -1;

type TypedArray = Float64Array | Int32Array | Uint8Array;

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

/**
 * Key → list of 32-bit ids, in the order added. Built in two steps: `add` appends
 * (key, id) pairs; the first `get` freezes the pairs into one array of ids grouped by
 * key (compressed rows), after which nothing can be added.
 */
export class PostingTable {
  private pairKeys: Float64Array = new Float64Array(1024);
  private pairIds: Int32Array = new Int32Array(1024);
  private pairs = 0;
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
    if (this.pairs === this.pairKeys.length) {
      const k = new Float64Array(this.pairs * 2);
      k.set(this.pairKeys);
      const d = new Int32Array(this.pairs * 2);
      d.set(this.pairIds);
      this.pairKeys = k;
      this.pairIds = d;
    }
    this.pairKeys[this.pairs] = key;
    this.pairIds[this.pairs++] = id;
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
    t.pairKeys = new Float64Array(0);
    t.pairIds = new Int32Array(0);
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

  /** `shared`: build the frozen table in shared memory (see toShared). */
  private freeze(shared = false): { index: CountTable; offsets: Int32Array; ids: Int32Array } {
    const int32 = (n: number) => (shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n));
    // Row numbers from 1 (0 = absent), in order of first appearance; then counts, offsets, fill.
    const index = new CountTable(1024, shared);
    const rowOf = new Int32Array(this.pairs);
    let rows = 0;
    for (let p = 0; p < this.pairs; p++) {
      let row = index.get(this.pairKeys[p]);
      if (row === 0) index.add(this.pairKeys[p], (row = ++rows));
      rowOf[p] = row;
    }
    const offsets = int32(rows + 1);
    for (let p = 0; p < this.pairs; p++) offsets[rowOf[p]]++;
    for (let r = 1; r <= rows; r++) offsets[r] += offsets[r - 1];
    const fill = offsets.slice(0, rows + 1);
    const ids = int32(this.pairs);
    for (let p = 0; p < this.pairs; p++) ids[fill[rowOf[p] - 1]++] = this.pairIds[p];
    this.pairKeys = new Float64Array(0);
    this.pairIds = new Int32Array(0);
    this.perKey = undefined;
    return { index, offsets, ids };
  }
}
