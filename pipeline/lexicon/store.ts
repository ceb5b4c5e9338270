/**
 * In-memory lexicon over the cached LexiconData: O(1) lemma lookup, lazily decoded
 * entries and lazily materialised Synset objects. One instance per process, created on
 * first use (`lexicon()`).
 */
import type { LexiconData, PointerKind } from './build.js';
import { loadLexiconData, type LoadInfo } from './cache.js';
import type { Pos, Sense, Synset } from './types.js';
import { memo } from '../memos.js';

/** WordNet lexicographer file names, by number (lexnames). */
const LEXNAMES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact',
  'noun.attribute', 'noun.body', 'noun.cognition', 'noun.communication', 'noun.event',
  'noun.feeling', 'noun.food', 'noun.group', 'noun.location', 'noun.motive', 'noun.object',
  'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession', 'noun.process',
  'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition',
  'verb.consumption', 'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion',
  'verb.perception', 'verb.possession', 'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
];

interface PosSenses {
  ids: number[];
  tags: number[];
}
type Entry = Partial<Record<Pos, PosSenses>>;

const EMPTY: Entry = Object.freeze({}) as Entry;

/** Normalises a lemma/expression for lookup: lower case, `_`/runs of spaces → one space, curly apostrophe → '. */
export function normalizeLemma(s: string): string {
  return s.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/[_\s]+/g, ' ');
}

export class LexiconStore {
  readonly info: LoadInfo;
  private readonly data: LexiconData;
  private readonly raw = new Map<string, string>();
  private readonly decoded = memo<string, Entry>();
  private readonly synsetObjs: Array<Synset | undefined>;
  private readonly memberLemmaCache: Array<readonly string[] | undefined>;
  /** Lemmas of each POS, for callers that need to iterate (built lazily). */
  private lemmaList?: string[];

  constructor(data: LexiconData, info: LoadInfo) {
    this.data = data;
    this.info = info;
    const idx = data.index;
    for (let i = 0; i < idx.length; i += 2) this.raw.set(idx[i], idx[i + 1]);
    this.synsetObjs = new Array(data.synWords.length);
    this.memberLemmaCache = new Array(data.synWords.length);
  }

  get synsetCount(): number {
    return this.data.synWords.length;
  }

  get lemmaCount(): number {
    return this.raw.size;
  }

  /** All lemmas (any POS), in no particular order. */
  lemmas(): readonly string[] {
    return (this.lemmaList ??= [...this.raw.keys()]);
  }

  private entry(lemma: string): Entry {
    let e = this.decoded.get(lemma);
    if (e) return e;
    const raw = this.raw.get(lemma);
    if (raw === undefined) return EMPTY;
    e = {};
    for (const group of raw.split('|')) {
      const pos = group[0] as Pos;
      const ids: number[] = [];
      const tags: number[] = [];
      for (const s of group.slice(1).split(',')) {
        const colon = s.indexOf(':');
        ids.push(Number(colon < 0 ? s : s.slice(0, colon)));
        tags.push(colon < 0 ? 0 : Number(s.slice(colon + 1)));
      }
      e[pos] = { ids, tags };
    }
    this.decoded.set(lemma, e);
    return e;
  }

  /** Is `lemma` (already normalised) a WordNet lemma, for `pos` or for any POS? */
  has(lemma: string, pos?: Pos): boolean {
    if (pos === undefined) return this.raw.has(lemma);
    return this.raw.has(lemma) && this.entry(lemma)[pos] !== undefined;
  }

  /** POSes under which `lemma` (normalised) is listed. */
  posesOf(lemma: string): Pos[] {
    return Object.keys(this.entry(lemma)) as Pos[];
  }

  /** Senses of a normalised lemma for one POS, in WordNet sense order. */
  senses(lemma: string, pos: Pos): Sense[] {
    const e = this.entry(lemma)[pos];
    if (!e) return [];
    return e.ids.map((id, i) => ({ lemma, pos, synset: this.synset(id), rank: i + 1, tagCount: e.tags[i] }));
  }

  /** The members of synset `id` as normalised lemmas (normalizeLemma), in member order; computed once. */
  memberLemmas(id: number): readonly string[] {
    let m = this.memberLemmaCache[id];
    if (!m) m = this.memberLemmaCache[id] = Object.freeze(this.synset(id).words.map(normalizeLemma));
    return m;
  }

  /** Rank (1-based) and tag count of `lemma` in synset `id`, or undefined when not a member. */
  senseOf(lemma: string, pos: Pos, id: number): { rank: number; tagCount: number } | undefined {
    const e = this.entry(lemma)[pos];
    if (!e) return undefined;
    const i = e.ids.indexOf(id);
    return i < 0 ? undefined : { rank: i + 1, tagCount: e.tags[i] };
  }

  /** Sum of tag counts and number of senses of a lemma, for one POS or all. */
  tagStats(lemma: string, pos?: Pos): { tags: number; senses: number } {
    const e = this.entry(lemma);
    let tags = 0;
    let senses = 0;
    for (const p of pos ? [pos] : (Object.keys(e) as Pos[])) {
      const s = e[p];
      if (!s) continue;
      senses += s.ids.length;
      for (const t of s.tags) tags += t;
    }
    return { tags, senses };
  }

  synset(id: number): Synset {
    let s = this.synsetObjs[id];
    if (s) return s;
    const d = this.data;
    const ch = d.synPos[id];
    if (ch === undefined) throw new RangeError(`no synset ${id}`);
    const pos: Pos = ch === 's' ? 'a' : (ch as Pos);
    s = Object.freeze({
      id,
      key: `${pos}${String(d.synOffset[id]).padStart(8, '0')}`,
      pos,
      satellite: ch === 's',
      lexfile: LEXNAMES[d.synLex[id]] ?? String(d.synLex[id]),
      words: Object.freeze(d.synWords[id].split('|')),
    });
    this.synsetObjs[id] = s;
    return s;
  }

  private keyIndex?: Map<string, number>;

  /** Synset by WordNet key (`n04341737`; `a` or `s` for adjectives), or undefined. */
  synsetByKey(key: string): Synset | undefined {
    if (!this.keyIndex) {
      const m = new Map<string, number>();
      const d = this.data;
      for (let i = 0; i < d.synOffset.length; i++) {
        const ch = d.synPos[i] === 's' ? 'a' : d.synPos[i];
        m.set(`${ch}${String(d.synOffset[i]).padStart(8, '0')}`, i);
      }
      this.keyIndex = m;
    }
    const id = this.keyIndex.get(key[0] === 's' ? `a${key.slice(1)}` : key);
    return id === undefined ? undefined : this.synset(id);
  }

  /** Synsets reached from `id` by one pointer of the given kinds (`@` hypernym, `i` instance hypernym, `&` similar-to). */
  pointers(id: number, kinds: readonly PointerKind[] = ['@', 'i']): Synset[] {
    const raw = this.data.synPtr[id];
    if (!raw) return [];
    const out: Synset[] = [];
    for (const p of raw.split(' ')) {
      if (kinds.includes(p[0] as PointerKind)) out.push(this.synset(Number(p.slice(1))));
    }
    return out;
  }
}

let instance: LexiconStore | undefined;

/** The process-wide lexicon, loaded (from cache, or built) on first call. */
export function lexicon(): LexiconStore {
  if (!instance) {
    const { data, info } = loadLexiconData();
    instance = new LexiconStore(data, info);
  }
  return instance;
}

/** True once the lexicon has been loaded in this process. */
export function lexiconLoaded(): boolean {
  return instance !== undefined;
}
