import { diffArrays } from 'diff';
import type { Token } from './tokens.js';

/** One stretch of a token alignment: equal tokens, or a replaced run (either side may be empty). */
export type Chunk =
  | { kind: 'equal'; a: [number, number]; b: [number, number] }
  | { kind: 'replace'; a: [number, number]; b: [number, number] };

/**
 * Aligns two token sequences by their keys (jsdiff's array diff, a Myers diff) and
 * returns alternating equal and replace chunks as index ranges [from, to).
 */
export function alignTokens(a: readonly Token[], b: readonly Token[]): Chunk[] {
  const parts = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  const out: Chunk[] = [];
  let i = 0;
  let j = 0;
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (!p.added && !p.removed) {
      out.push({ kind: 'equal', a: [i, i + n], b: [j, j + n] });
      i += n;
      j += n;
      continue;
    }
    let last = out[out.length - 1];
    if (!last || last.kind !== 'replace') {
      last = { kind: 'replace', a: [i, i], b: [j, j] };
      out.push(last);
    }
    if (p.removed) {
      i += n;
      last.a[1] = i;
    } else {
      j += n;
      last.b[1] = j;
    }
  }
  return out;
}
