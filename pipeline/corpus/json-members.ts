/**
 * Where the top-level members of a JSON object sit in its source text, so that a
 * JSON Lines record can be written back with only its "text" value replaced and an
 * "unspin" member added, every other byte as it came: JSON.parse + JSON.stringify
 * would round 64-bit ids (12345678901234567890 → 12345678901234567000) and rewrite
 * numbers (1.0 → 1, 1e2 → 100) and escapes.
 */
export interface Member {
  key: string;
  /** Offsets of the member's value in the source (end exclusive). */
  valueStart: number;
  valueEnd: number;
}

/** The top-level members of `src`, a JSON object that JSON.parse accepts; undefined if it is not one. */
export function topLevelMembers(src: string): Member[] | undefined {
  let i = skipSpace(src, 0);
  if (src[i] !== '{') return undefined;
  i = skipSpace(src, i + 1);
  const out: Member[] = [];
  if (src[i] === '}') return out;
  for (;;) {
    if (src[i] !== '"') return undefined;
    const keyEnd = stringEnd(src, i);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(src.slice(i, keyEnd)) as string;
    i = skipSpace(src, keyEnd);
    if (src[i] !== ':') return undefined;
    const valueStart = skipSpace(src, i + 1);
    const valueEnd = valueEndAt(src, valueStart);
    if (valueEnd < 0) return undefined;
    out.push({ key, valueStart, valueEnd });
    i = skipSpace(src, valueEnd);
    if (src[i] === '}') return out;
    if (src[i] !== ',') return undefined;
    i = skipSpace(src, i + 1);
  }
}

function skipSpace(src: string, i: number): number {
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

/** End (after the closing quote) of the string starting at i, or -1. */
function stringEnd(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 0x5c) k++;
    else if (c === 0x22) return k + 1;
  }
  return -1;
}

/** End of the value starting at i (a string, object, array, number or literal), or -1. */
function valueEndAt(src: string, i: number): number {
  const c = src[i];
  if (c === '"') return stringEnd(src, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let k = i; k < src.length; k++) {
      const d = src[k];
      if (d === '"') {
        k = stringEnd(src, k) - 1;
        if (k < 0) return -1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return k + 1;
      }
    }
    return -1;
  }
  let k = i;
  while (k < src.length && !/[\s,}\]]/.test(src[k])) k++;
  return k > i ? k : -1;
}
