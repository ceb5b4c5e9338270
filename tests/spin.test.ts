import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFor, matchCase, spin, SPIN_SETTINGS, type SpinChange } from '../dev/spin.js';
import { formOf, loadLexicon } from '../pipeline/lexicon/index.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const seed = (prefix: string) =>
  readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

/** The clean seed articles (003 is commercially spun) — about 2,650 words. */
let clean = '';
/** Exactly 2,000 whitespace-separated words of clean text. */
let twoThousand = '';

beforeAll(() => {
  loadLexicon();
  clean = ['000', '001', '002', '004'].map(seed).join('\n');
  twoThousand = clean.split(/(?<=\s)/).slice(0, 2000).join('');
}, 60_000);

const LEXICAL = new Set(['synonym', 'hypernym', 'similar']);

function checkOffsets(original: string, changes: SpinChange[], result: string): void {
  let at = 0;
  let rebuilt = '';
  for (const c of changes) {
    expect(original.slice(c.start, c.end)).toBe(c.before);
    expect(c.start).toBeGreaterThanOrEqual(at);
    rebuilt += original.slice(at, c.start) + c.after;
    at = c.end;
  }
  rebuilt += original.slice(at);
  expect(rebuilt).toBe(result);
}

describe('spin', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    const a = spin(clean, { rate: 0.35, seed: 7 });
    const b = spin(clean, { rate: 0.35, seed: 7 });
    const c = spin(clean, { rate: 0.35, seed: 8 });
    expect(b).toEqual(a);
    expect(c.text).not.toBe(a.text);
    expect(a.text).not.toBe(clean);
  });

  it.each(Object.entries(SPIN_SETTINGS))('respects the %s rate (±5 points) on 2,000 words', (_name, rate) => {
    for (const s of [1, 2, 3]) {
      const r = spin(twoThousand, { rate, seed: s });
      const lexical = r.changes.filter((c) => LEXICAL.has(c.kind)).length;
      expect(r.stats.replaced).toBe(lexical);
      expect(r.stats.eligible).toBeGreaterThan(500);
      expect(Math.abs(lexical / r.stats.eligible - rate)).toBeLessThanOrEqual(0.05);
    }
  });

  it('reports changes whose offsets index the original text', () => {
    for (const options of [{ rate: 0.6, seed: 3 }, { rate: 0.15, seed: 4, artifacts: true }]) {
      const r = spin(clean, options);
      checkOffsets(clean, r.changes, r.text);
    }
  });

  it('rate 0 with extras off changes nothing', () => {
    const r = spin(clean, { rate: 0, seed: 1 });
    expect(r.text).toBe(clean);
    expect(r.changes).toEqual([]);
  });

  it('keeps inflection: plurals stay plural, pasts stay past', () => {
    const r = spin(clean, { rate: 1, seed: 2 });
    const plurals = r.changes.filter((c) => c.pos === 'n' && c.form === 'plural');
    const pasts = r.changes.filter((c) => c.pos === 'v' && c.form === 'past');
    expect(plurals.length).toBeGreaterThan(20);
    expect(pasts.length).toBeGreaterThan(10);
    for (const c of plurals) expect(formOf(c.after.replace(/['’]s$/, ''), 'n')).toContain('plural');
    for (const c of pasts) {
      const word = c.after.replace(/^an? /i, c.before.match(/^an? /i) ? '' : '$&').split(' ')[0];
      const forms = formOf(word, 'v');
      expect(forms.some((f) => f === 'past' || f === 'pastParticiple')).toBe(true);
    }
  });

  it('keeps the capitalisation pattern', () => {
    const r = spin(clean, { rate: 1, seed: 5 });
    for (const c of r.changes.filter((x) => LEXICAL.has(x.kind))) {
      const upper = /^\p{Lu}/u.test(c.before);
      expect(/^\p{Lu}/u.test(c.after), `${c.before} → ${c.after}`).toBe(upper);
      if (upper && c.after.includes(' ') && !/^An? /.test(c.after)) {
        // Title Case only on the first letter: "Wall surface", "Head of state"
        expect(c.after.slice(1)).toBe(c.after.slice(1).toLowerCase());
      }
    }
    expect(matchCase('Street', 'road')).toBe('Road');
    expect(matchCase('President', 'head of state')).toBe('Head of state');
    expect(matchCase('NATO', 'pact')).toBe('PACT');
  });

  it('lets names WordNet does not know, and place names, survive', () => {
    for (const s of [1, 2, 3]) {
      const r = spin(clean, { rate: 1, seed: s });
      for (const name of ['Rubio', 'Mulino', 'Claver-Carone', 'Trump', 'Panama', 'Costa Rica', 'El Salvador', 'Central America', 'Guatemala', 'Bukele']) {
        const count = (t: string) => t.split(name).length - 1;
        expect(count(r.text), name).toBe(count(clean));
      }
    }
  });

  it('swaps capitalised words inside titles and names', () => {
    const text = 'The State Department told the Wall Street Journal the Secretary of State will travel on Monday.';
    const swapped = new Set<string>();
    for (let s = 1; s <= 30; s++) {
      for (const c of spin(text, { rate: 1, seed: s, phraseRate: 0 }).changes) {
        if (LEXICAL.has(c.kind)) swapped.add(c.before);
      }
    }
    expect(swapped).toContain('Department');
    expect(swapped).toContain('Secretary');
    expect(swapped).toContain('Street');
  });

  it('makes spinner insertions and swaps at a rate tied to the setting', () => {
    const heavy = spin(clean, { rate: 0.6, seed: 1 });
    const light = spin(clean, { rate: 0.15, seed: 1 });
    const afters = heavy.changes.map((c) => c.after);
    expect(afters.some((a) => /^ha(s|ve|d) actually$/.test(a))).toBe(true);
    expect(afters.some((a) => /^will certainly$/.test(a))).toBe(true);
    expect(afters.some((a) => /^very first$/i.test(a))).toBe(true);
    expect(heavy.changes.some((c) => c.kind === 'function')).toBe(true);
    expect(heavy.stats.extra).toBeGreaterThan(light.stats.extra * 1.5);
  });

  it('expands abbreviations then lower-cases them', () => {
    const outs = new Set<string>();
    for (let s = 1; s <= 10; s++) {
      for (const c of spin('Officials said the U.S. economy grew.', { rate: 1, seed: s }).changes) {
        if (c.kind === 'abbreviation') outs.add(c.after);
      }
    }
    expect(outs).toContain('united states');
  });

  it('keeps a/an agreement when it replaces the next word', () => {
    expect(articleFor('extended')).toBe('an');
    expect(articleFor('long')).toBe('a');
    expect(articleFor('united states')).toBe('a');
    expect(articleFor('hour')).toBe('an');
    for (let s = 1; s <= 5; s++) {
      const r = spin(clean, { rate: 1, seed: s });
      expect(r.text).not.toMatch(/\b[Aa] [aeio]\w/);
      expect(r.text).not.toMatch(/\b[Aa]n [bcdfgjklmnpqrstvwxz]\w/);
    }
  });

  it('spins 2,000 words quickly once the lexicon is loaded', () => {
    spin(twoThousand, { rate: 0.35, seed: 99 });
    const t0 = performance.now();
    spin(twoThousand, { rate: 0.35, seed: 100 });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
