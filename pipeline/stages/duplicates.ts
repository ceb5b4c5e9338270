/**
 * Near-duplicate detection (syndicated copies of one article) with MinHash over
 * word 5-shingles and LSH banding: documents are compared only when they share a
 * band bucket, never all pairs. Groups are joined transitively; each group's
 * representative is the cleanest copy (lowest spin score, then first by id).
 */

export interface DupDoc {
  id: string;
  text: string;
  /** Spin score in [0, 1]: the lowest is the group's representative. */
  score: number;
  /** `signature(text)` when already computed (null: too short); `text` is read only when absent. */
  minhash?: Uint32Array | null;
}

/** Estimated Jaccard similarity of shingle sets at or above which two documents are copies. */
export const DUPLICATE_SIMILARITY = 0.8;
const SHINGLE = 5;
const BANDS = 16;
const ROWS = 4;
const HASHES = BANDS * ROWS;
/** Documents with fewer shingles than this are too short to call copies. */
const MIN_SHINGLES = 20;

// Odd multipliers and offsets for the hash family, from a fixed-seed generator so runs are deterministic.
const MUL = new Uint32Array(HASHES);
const ADD = new Uint32Array(HASHES);
{
  let s = 0x9e3779b9;
  const next = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ Math.imul(s ^ (s >>> 12), 0x297a2d39)) >>> 0);
  for (let i = 0; i < HASHES; i++) {
    MUL[i] = next() | 1;
    ADD[i] = next();
  }
}

/**
 * hash.ts fnv1a32 of `words.slice(i, i + SHINGLE).join(' ')`, hashed word by word: the same
 * value without building the slice and the string (a shingle per word of every text:
 * they were most of the time signature took).
 */
function shingleHash(words: readonly string[], i: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < i + SHINGLE; k++) {
    if (k > i) h = Math.imul(h ^ 32, 0x01000193);
    const w = words[k];
    for (let j = 0; j < w.length; j++) h = Math.imul(h ^ w.charCodeAt(j), 0x01000193);
  }
  return h >>> 0;
}

/** MinHash signature of a text's lower-cased word 5-shingles, or undefined when too short. */
export function signature(text: string): Uint32Array | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(shingleHash(words, i));
  if (shingles.size < MIN_SHINGLES) return undefined;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < HASHES; k++) {
      const v = (Math.imul(h, MUL[k]) + ADD[k]) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/**
 * The bucket key of band `b` of a signature: its values as two UTF-16 code units each.
 * Exact, as a decimal list is, in a quarter of the characters and without the garbage
 * of building one (a key per band per document: a million at 60,000 documents).
 */
function bandKey(sig: Uint32Array, b: number): string {
  for (let r = 0; r < ROWS; r++) {
    const v = sig[b * ROWS + r];
    BAND_CODES[2 * r] = v >>> 16;
    BAND_CODES[2 * r + 1] = v & 0xffff;
  }
  return String.fromCharCode.apply(null, BAND_CODES as unknown as number[]);
}

const BAND_CODES = new Uint16Array(2 * ROWS);

/** For each document that copies another, the id of its group's representative. */
export function findDuplicates(docs: readonly DupDoc[]): Map<string, string> {
  const sigs = docs.map((d) => (d.minhash !== undefined ? d.minhash ?? undefined : signature(d.text)));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // One band at a time, so that only one band's buckets are held (a corpus's buckets
  // are a key and a list per band per document). The groups are the connected
  // components of the similar pairs that share a bucket, whatever order they are met in.
  for (let b = 0; b < BANDS; b++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      if (!sig) return;
      const key = bandKey(sig, b);
      const list = buckets.get(key);
      if (!list) {
        buckets.set(key, [i]);
        return;
      }
      for (const j of list) {
        if (find(i) !== find(j) && similarity(sig, sigs[j]!) >= DUPLICATE_SIMILARITY) parent[find(i)] = find(j);
      }
      list.push(i);
    });
  }
  const groups = new Map<number, number[]>();
  docs.forEach((_, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  });
  const out = new Map<string, string>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const rep = members.reduce((a, b) => (docs[b].score < docs[a].score || (docs[b].score === docs[a].score && docs[b].id < docs[a].id) ? b : a));
    for (const m of members) if (m !== rep) out.set(docs[m].id, docs[rep].id);
  }
  return out;
}
