/**
 * unspin's own article spinner, for generating evaluation data.
 *
 * A deterministic (seeded mulberry32) WordNet-based spinner imitating commercial
 * "article rewriters": each eligible content word is, with probability `rate`, replaced
 * by a sense-blind pick among its synonyms (sometimes a hypernym or a multiword
 * synonym), put in the same inflected form and capitalisation; spinner habits are added
 * at a rate tied to `rate` (fillers "has actually", "will certainly", "very first",
 * function-word swaps "but" → "however", abbreviation expansion "U.S." → "united
 * states"). Names WordNet does not know, and place names it knows, survive.
 *
 *   spin(text, { rate: 0.35, seed: 1 }) → { text, changes, stats }
 *
 * `changes` index the ORIGINAL text, so an evaluator knows exactly which words (and
 * therefore which sentences) were spun.
 *
 * CLI: npx tsx dev/spin.ts --rate 0.35|light|medium|heavy --seed 1 [--artifacts] [--json] < in.txt > out.txt
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  formOf,
  frequency,
  inflect,
  isFunctionWord,
  isNumberWord,
  morph,
  synonyms,
  type Form,
  type Pos,
} from '../pipeline/lexicon/index.js';
import { lemmaCandidates, type Candidate } from './spin/candidates.js';
import { Rng } from './spin/prng.js';
import {
  ABBREVIATIONS,
  BE,
  DETERMINERS,
  FILLERS,
  FUNCTION_SWAPS,
  HAVE,
  MODALS,
  NUMBER_DIGITS,
  PREFIXED,
  RELATIVE_WHO,
  SPIN_SETTINGS,
  SUBJECTS,
  type SpinSetting,
} from './spin/tables.js';
import { nextWord, prevWord, tokenize, type Token } from './spin/tokens.js';
import { protectedTokens } from './spin/names.js';

export { SPIN_SETTINGS, type SpinSetting } from './spin/tables.js';

export type SpinKind =
  | 'synonym'
  | 'hypernym'
  | 'similar'
  | 'filler'
  | 'function'
  | 'abbreviation'
  | 'number'
  | 'punctuation';

export interface SpinChange {
  /** Offsets into the ORIGINAL text (UTF-16, end exclusive). */
  start: number;
  end: number;
  before: string;
  after: string;
  kind: SpinKind;
  /** For lexical swaps: the source lemma, POS and form, the replacement lemma, its synset and the sense rank used. */
  lemma?: string;
  pos?: Pos;
  form?: Form;
  target?: string;
  synset?: string;
  rank?: number;
}

export interface SpinOptions {
  /** Fraction of eligible content words replaced (0..1), or a named setting. */
  rate: number | SpinSetting;
  seed?: number;
  /** Filler insertions (has actually, will certainly, very first). Default true. */
  fillers?: boolean;
  /** Function-word / phrase swaps (but → however). Default true. */
  functionWords?: boolean;
  /** Abbreviation expansion (U.S. → united states). Default true. */
  abbreviations?: boolean;
  /** Number words to digits (five → 5). Default true. */
  numbers?: boolean;
  /** Typographic artifacts of HTML spinners (line-initial opening quote → "” ", " — " → "– "). Default false. */
  artifacts?: boolean;
  /** Probability that a multiword WordNet expression is replaced as a unit (vs word by word). Default 0.4. */
  phraseRate?: number;
}

export interface SpinStats {
  /** Word tokens in the text. */
  words: number;
  /** Content units (words or WordNet multiword expressions) that had at least one candidate. */
  eligible: number;
  /** Content units replaced (kinds synonym / hypernym / similar). */
  replaced: number;
  /** replaced / eligible. */
  rate: number;
  /** Other changes (fillers, function words, abbreviations, numbers, punctuation). */
  extra: number;
}

export interface SpinResult {
  text: string;
  changes: SpinChange[];
  stats: SpinStats;
}

export function resolveRate(rate: number | SpinSetting): number {
  const r = typeof rate === 'number' ? rate : SPIN_SETTINGS[rate];
  if (!(r >= 0 && r <= 1)) throw new RangeError(`spin rate must be in [0, 1] or light|medium|heavy, got ${rate}`);
  return r;
}

/** Applies the original's capitalisation pattern to a replacement. */
export function matchCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  // Title Case stays Title Case on the first letter only: "Wall Street" → "Wall surface Road"
  if (/^\p{Lu}/u.test(original)) return replacement[0].toUpperCase() + replacement.slice(1).toLowerCase();
  // a lower-case original gets a lower-case replacement, names included ("united states")
  return /\p{Lu}/u.test(original) ? replacement : replacement.toLowerCase();
}

/** Strength of the pull towards the target rate (0 = plain Bernoulli draws). */
const RATE_FEEDBACK = 0.1;

const low = (s: string) => s.toLowerCase().replace(/’/g, "'");

interface Group {
  lemma: string;
  pos: Pos;
  forms: Form[];
  weight: number;
  candidates: readonly Candidate[];
}

/** Spins `text`. Deterministic for a given text, options and seed. */
export function spin(text: string, options: SpinOptions): SpinResult {
  const rate = resolveRate(options.rate);
  const rng = new Rng(options.seed ?? 1);
  const o = {
    fillers: options.fillers ?? true,
    functionWords: options.functionWords ?? true,
    abbreviations: options.abbreviations ?? true,
    numbers: options.numbers ?? true,
    artifacts: options.artifacts ?? false,
    phraseRate: options.phraseRate ?? 0.4,
  };
  const pFiller = Math.min(0.95, rate * 2.2);
  const pFunction = Math.min(0.9, rate * 1.8);
  const pNumber = Math.min(0.5, rate * 0.6);

  const toks = tokenize(text);
  const guarded = protectedTokens(toks);
  const changes: SpinChange[] = [];
  const stats: SpinStats = { words: 0, eligible: 0, replaced: 0, rate: 0, extra: 0 };
  const done = new Set<number>();
  const maxTableWords = Math.max(...Object.keys(FUNCTION_SWAPS).map((k) => k.split(' ').length));

  const lowerAt = (k: number) => (k >= 0 ? low(toks[k].text) : '');
  /** Records a change, keeping a/an agreement ("an extended" → "a long": the article joins the change). */
  const push = (c: SpinChange) => {
    const m = /(?:^|[^\p{L}\p{N}])(an?|An?|AN?) $/u.exec(text.slice(Math.max(0, c.start - 4), c.start));
    if (m && /^\p{L}/u.test(c.after)) {
      const need = articleFor(c.after);
      if (low(m[1]) !== need) {
        const start = c.start - m[1].length - 1;
        c = { ...c, start, before: text.slice(start, c.end), after: `${matchCase(m[1], need)} ${c.after}` };
      }
    }
    changes.push(c);
  };
  const extra = (c: SpinChange) => {
    push(c);
    stats.extra++;
  };

  /** Word tokens i, i+1, … joined by single spaces, up to n of them. */
  const run = (i: number, n: number): number[] => {
    const idx = [i];
    let k = i;
    while (idx.length < n) {
      const j = nextWord(toks, k);
      if (j < 0 || toks[j].start - toks[k].end !== 1) break;
      idx.push(j);
      k = j;
    }
    return idx;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word || done.has(i)) continue;
    stats.words++;
    const w = low(t.text);
    const prev = prevWord(toks, i);
    const next = nextWord(toks, i);
    const prevLow = lowerAt(prev);

    // — fillers: "has" + participle → "has actually"
    if (o.fillers) {
      const rule = FILLERS.find((f) => f.trigger.includes(w));
      if (rule && next >= 0 && !DETERMINERS.has(prevLow) && fillerFits(toks[next].text, rule.next)) {
        if (rng.chance(pFiller)) {
          extra({ start: t.start, end: t.end, before: t.text, after: `${t.text} ${rng.pick(rule.insert)}`, kind: 'filler' });
        }
        continue;
      }
      const pre = PREFIXED[w];
      if (pre && prevLow !== 'very' && prevLow !== 'at') {
        if (rng.chance(pFiller)) {
          extra({ start: t.start, end: t.end, before: t.text, after: matchCase(t.text, rng.pick(pre)), kind: 'filler' });
        }
        continue;
      }
    }

    // — function words and phrases
    if (o.functionWords) {
      if (w === 'who' && /,\s*$/.test(text.slice(Math.max(0, t.start - 8), t.start))) {
        if (rng.chance(pFunction)) {
          extra({ start: t.start, end: t.end, before: t.text, after: matchCase(t.text, rng.pick(RELATIVE_WHO)), kind: 'function' });
        }
        continue;
      }
      const idx = run(i, maxTableWords);
      let matched = 0;
      for (let n = idx.length; n >= 1; n--) {
        const phrase = idx.slice(0, n).map(lowerAt).join(' ');
        if (FUNCTION_SWAPS[phrase]) {
          matched = n;
          break;
        }
      }
      if (matched) {
        const span = idx.slice(0, matched);
        const end = toks[span[span.length - 1]].end;
        const before = text.slice(t.start, end);
        for (const k of span) done.add(k);
        const alts = FUNCTION_SWAPS[low(before).replace(/\s+/g, ' ')].filter((a) => a !== low(before));
        if (alts.length && rng.chance(pFunction)) {
          extra({ start: t.start, end, before, after: matchCase(t.text, rng.pick(alts)), kind: 'function' });
        }
        stats.words += matched - 1;
        continue;
      }
    }

    // — abbreviations: expand, then lower-case or replace by a synonym of the expansion
    const expansion = ABBREVIATIONS[t.text];
    if (expansion !== undefined) {
      if (o.abbreviations && rng.chance(rate)) {
        // the lower-cased expansion, or an acronym synonym of it (US → USA)
        const options = [expansion.toLowerCase()];
        for (const s of synonyms(expansion, 'n')) {
          if (s.rank === 1 && /^\p{Lu}{2,}$/u.test(s.word) && s.word !== t.text) options.push(s.word);
        }
        const weights = options.map((_, k) => (k === 0 ? 3 : 1));
        extra({ start: t.start, end: t.end, before: t.text, after: options[rng.weighted(weights)], kind: 'abbreviation' });
      }
      continue;
    }

    // — number words → digits
    if (NUMBER_DIGITS[w] !== undefined) {
      if (o.numbers && rng.chance(pNumber)) {
        extra({ start: t.start, end: t.end, before: t.text, after: NUMBER_DIGITS[w], kind: 'number' });
      }
      continue;
    }

    // — content words
    if (guarded.has(i) || isFunctionWord(w) || isNumberWord(w) || /\d/.test(w) || w.length < 3) continue;
    const possessive = /^(.+?)(['’]s)$/.exec(t.text);
    const stem = possessive ? possessive[1] : t.text;
    if (possessive && isFunctionWord(stem)) continue;

    // a multiword WordNet expression, replaced as a unit some of the time
    let span = [i];
    let groups: Group[] = [];
    if (!possessive && !t.compound) {
      const idx = run(i, 4);
      for (let n = idx.length; n >= 2; n--) {
        const ids = idx.slice(0, n);
        if (ids.some((k) => guarded.has(k) || toks[k].compound || /['’]/.test(toks[k].text))) continue;
        if (ids.every((k) => isFunctionWord(toks[k].text))) continue;
        const phrase = ids.map((k) => toks[k].text).join(' ');
        const g = contentGroups(phrase, prevLow, t);
        if (g.length === 0) continue;
        if (rng.chance(o.phraseRate)) {
          span = ids;
          groups = g;
        }
        break;
      }
    }
    if (span.length === 1) groups = contentGroups(stem, prevLow, t);
    if (groups.length === 0) continue;
    const end = toks[span[span.length - 1]].end;
    const before = text.slice(t.start, end);
    for (const k of span) done.add(k);
    if (span.length > 1) stats.words += span.length - 1;
    // Bernoulli(rate), nudged towards the target so the realised rate stays close to it
    const p = Math.min(1, Math.max(0, rate + RATE_FEEDBACK * (rate * stats.eligible - stats.replaced)));
    stats.eligible++;
    if (!rng.chance(p)) continue;

    const g = groups[Math.max(0, rng.weighted(groups.map((x) => x.weight)))];
    const form = pickForm(g, toks, i);
    const cands = g.candidates;
    const pickIdx = rng.weighted(cands.map((c) => c.weight));
    const source = possessive ? stem : before;
    let chosen: { c: Candidate; out: string } | undefined;
    for (let k = 0; k < cands.length && !chosen; k++) {
      const c = cands[(pickIdx + k) % cands.length];
      const out = matchCase(source, inflect(c.text, g.pos, form));
      if (low(out) !== low(source)) chosen = { c, out };
    }
    if (!chosen) continue;
    push({
      start: t.start,
      end,
      before,
      after: chosen.out + (possessive ? possessive[2] : ''),
      kind: chosen.c.kind,
      lemma: g.lemma,
      pos: g.pos,
      form,
      target: chosen.c.text,
      synset: chosen.c.synset,
      rank: chosen.c.rank,
    });
    stats.replaced++;
  }

  if (o.artifacts) {
    const taken = (s: number, e: number) => changes.some((c) => s < c.end && c.start < e);
    // an opening quote at the start of a line comes out as a closing one plus a space
    for (const m of text.matchAll(/^(["“])(?=\p{L})/gmu)) {
      const s = m.index!;
      if (!taken(s, s + 1)) extra({ start: s, end: s + 1, before: m[1], after: '” ', kind: 'punctuation' });
    }
    for (const m of text.matchAll(/ (—|--|-) /g)) {
      const s = m.index!;
      if (!taken(s, s + m[0].length)) extra({ start: s, end: s + m[0].length, before: m[0], after: '– ', kind: 'punctuation' });
    }
  }

  changes.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += text.slice(at, c.start) + c.after;
    at = c.end;
  }
  out += text.slice(at);
  stats.rate = stats.eligible ? stats.replaced / stats.eligible : 0;
  return { text: out, changes, stats };
}

/** Indefinite article for a following word (spelling-based, with common exceptions). */
export function articleFor(next: string): 'a' | 'an' {
  const w = next.toLowerCase();
  if (/^(uni|use|usu|uti|eu|one|once|ur[aeiou])/.test(w)) return 'a';
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** Does the word after a filler trigger fit ("has" + participle/adverb, "will" + verb/adverb)? */
function fillerFits(nextText: string, need: 'participle' | 'verb'): boolean {
  const n = low(nextText);
  if (['to', 'a', 'an', 'the', 'no', 'not', "n't", 'better'].includes(n)) return false;
  const as = morph(n);
  const adverb = as[0]?.pos === 'r' || ['also', 'already', 'just', 'never', 'long', 'since', 'still', 'ever', 'only'].includes(n);
  if (adverb) return true;
  if (need === 'participle') return as.some((a) => a.pos === 'v' && a.form === 'pastParticiple');
  return n === 'be' || n === 'have' || as.some((a) => a.pos === 'v' && a.form === 'base');
}

/** Lemma readings of a word/phrase with their context weights and candidates. */
function contentGroups(word: string, prevLow: string, t: Token): Group[] {
  const byKey = new Map<string, Group>();
  const capitalizedInside = /^\p{Lu}/u.test(t.text) && !t.sentenceStart;
  for (const a of morph(word)) {
    if (isFunctionWord(a.lemma)) continue;
    const k = `${a.lemma}|${a.pos}`;
    let g = byKey.get(k);
    if (!g) {
      const candidates = lemmaCandidates(a.lemma, a.pos);
      if (candidates.length === 0) continue;
      g = { lemma: a.lemma, pos: a.pos, forms: [], weight: 0, candidates };
      byKey.set(k, g);
    }
    if (!g.forms.includes(a.form)) g.forms.push(a.form);
  }
  // weight: how common the reading is, times how well its best form fits the context
  for (const g of byKey.values()) {
    const fit = Math.max(...g.forms.map((f) => contextFactor(g.pos, f, prevLow, capitalizedInside)));
    g.weight = frequency(g.lemma, g.pos) * fit;
  }
  return [...byKey.values()];
}

/** How much the previous word favours a reading (a crude, deliberately imperfect POS guess). */
function contextFactor(pos: Pos, form: Form, prevLow: string, capitalizedInside: boolean): number {
  let f = 1;
  if (capitalizedInside) f *= pos === 'n' ? 4 : 0.3;
  if (DETERMINERS.has(prevLow)) f *= pos === 'n' ? 4 : pos === 'a' ? 3 : pos === 'v' ? (form === 'gerund' || form === 'pastParticiple' ? 0.5 : 0.1) : 0.5;
  else if (MODALS.has(prevLow)) f *= pos === 'v' && form === 'base' ? 6 : 0.3;
  else if (HAVE.has(prevLow)) f *= pos === 'v' && form === 'pastParticiple' ? 6 : pos === 'n' ? 0.5 : 1;
  else if (BE.has(prevLow)) f *= pos === 'v' && (form === 'pastParticiple' || form === 'gerund') ? 4 : pos === 'a' ? 3 : 0.6;
  else if (SUBJECTS.has(prevLow)) f *= pos === 'v' && form !== 'pastParticiple' && form !== 'gerund' ? 4 : 0.5;
  return f;
}

/** Picks the form of the chosen reading: past vs participle by the preceding have/be. */
function pickForm(g: Group, toks: readonly Token[], i: number): Form {
  if (g.forms.includes('past') && g.forms.includes('pastParticiple')) {
    let k = i;
    for (let back = 0; back < 3; back++) {
      k = prevWord(toks, k);
      if (k < 0) break;
      const w = low(toks[k].text);
      // have/be + participle, or an adjectival participle after a determiner ("an extended …")
      if (HAVE.has(w) || BE.has(w) || DETERMINERS.has(w) || w === 'get' || w === 'got') return 'pastParticiple';
      if (!/ly$/.test(w) && !['not', 'also', 'already', 'just', 'never', 'long', 'been'].includes(w)) break;
    }
    return 'past';
  }
  return g.forms[0] ?? (formOf(toks[i].text, g.pos)[0] as Form);
}

// — CLI —————————————————————————————————————————————————————————————

function main(argv: string[]): void {
  const arg = (name: string) => {
    const k = argv.indexOf(`--${name}`);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const rateArg = arg('rate') ?? 'medium';
  const rate = /^[\d.]+$/.test(rateArg) ? Number(rateArg) : (rateArg as SpinSetting);
  const seed = Number(arg('seed') ?? 1);
  const input = readFileSync(0, 'utf8');
  const res = spin(input, { rate, seed, artifacts: argv.includes('--artifacts') });
  if (argv.includes('--json')) process.stdout.write(JSON.stringify(res, null, 2) + '\n');
  else process.stdout.write(res.text);
  process.stderr.write(
    `spin: rate ${resolveRate(rate)} seed ${seed}: ${res.stats.replaced}/${res.stats.eligible} content words replaced (${(res.stats.rate * 100).toFixed(1)}%), ${res.stats.extra} other changes\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
