import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  areSynonyms,
  formOf,
  frequency,
  inflect,
  isKnown,
  loadLexicon,
  morph,
  neighbours,
  relation,
  relations,
  senseFrequency,
  synonymLinks,
  synonyms,
  synsetByKey,
  synsets,
  UNKNOWN_FREQUENCY,
  type Form,
  type Pos,
} from '../pipeline/lexicon/index.js';
import { lexicon } from '../pipeline/lexicon/store.js';

const has = (word: string, lemma: string, pos: Pos, form?: Form) =>
  morph(word).some((a) => a.lemma === lemma && a.pos === pos && (form === undefined || a.form === form));

beforeAll(() => {
  loadLexicon(); // cold build on a fresh checkout takes ~1.5 s
}, 60_000);

describe('loading', () => {
  it('loads all of WordNet 3.1 once, from a cache file', () => {
    const info = loadLexicon();
    expect(info.synsets).toBe(117791);
    expect(info.lemmas).toBeGreaterThan(145_000);
    if (info.file) expect(existsSync(info.file)).toBe(true);
    expect(loadLexicon().ms).toBe(info.ms); // same instance: not reloaded
  });
});

describe('morph', () => {
  it('finds irregular forms from the project table', () => {
    expect(has('went', 'go', 'v', 'past')).toBe(true);
    expect(has('gone', 'go', 'v', 'pastParticiple')).toBe(true);
    expect(has('men', 'man', 'n', 'plural')).toBe(true);
    expect(has('children', 'child', 'n', 'plural')).toBe(true);
    expect(has('better', 'good', 'a', 'comparative')).toBe(true);
    expect(has('was', 'be', 'v', 'past')).toBe(true);
    expect(has('has', 'have', 'v', '3sg')).toBe(true);
  });

  it('puts the likeliest reading first', () => {
    expect(morph('said')[0]).toMatchObject({ lemma: 'say', pos: 'v' });
    expect(morph('saw')[0]).toMatchObject({ lemma: 'see', pos: 'v', form: 'past' });
  });

  it('applies detachment rules with undoubling and -ies/-ied/-ier', () => {
    expect(has('stopped', 'stop', 'v', 'past')).toBe(true);
    expect(has('running', 'run', 'v', 'gerund')).toBe(true);
    expect(has('tries', 'try', 'v', '3sg')).toBe(true);
    expect(has('tried', 'try', 'v', 'pastParticiple')).toBe(true);
    expect(has('cities', 'city', 'n', 'plural')).toBe(true);
    expect(has('boxes', 'box', 'n', 'plural')).toBe(true);
    expect(has('happier', 'happy', 'a', 'comparative')).toBe(true);
    expect(has('biggest', 'big', 'a', 'superlative')).toBe(true);
    expect(has('panicked', 'panic', 'v', 'past')).toBe(true);
    expect(has('dying', 'die', 'v', 'gerund')).toBe(true);
  });

  it('does not build regular pasts of irregular verbs', () => {
    expect(has('seed', 'see', 'v')).toBe(false);
  });

  it('analyses multiword expressions and is case-insensitive', () => {
    expect(has('heads of state', 'head of state', 'n', 'plural')).toBe(true);
    expect(has('Head of State', 'head of state', 'n', 'base')).toBe(true);
    expect(has('U.S.', 'u.s.', 'n', 'base')).toBe(true);
  });

  it('returns nothing for unknown words', () => {
    expect(morph('Sheinbaum')).toEqual([]);
    expect(isKnown('Rubio')).toBe(false);
  });
});

describe('synsets and synonyms', () => {
  it('lists senses in WordNet order with tag counts and multiword members', () => {
    const say = synsets('say', 'v');
    expect(say[0].rank).toBe(1);
    expect(say[0].synset.words).toEqual(expect.arrayContaining(['state', 'say', 'tell']));
    expect(say[0].tagCount).toBeGreaterThan(1000);
    expect(say[1].synset.words).toEqual(expect.arrayContaining(['allege', 'aver']));
    expect(synsets('head of state', 'n')[0].synset.words).toContain('chief of state');
    expect(synsets('united states', 'n')[0].synset.words).toEqual(expect.arrayContaining(['United States', 'USA']));
    expect(synsets('president', 'n')[1].synset.words).toContain('President of the United States');
  });

  it('gives a synset\'s members as lookup lemmas, and each member\'s rank in it', () => {
    const us = synsets('united states', 'n')[0].synset;
    const members = lexicon().memberLemmas(us.id);
    expect(members).toEqual(us.words.map((w) => w.toLowerCase()));
    expect(members).toContain('usa');
    for (const m of members) expect(lexicon().senseOf(m, 'n', us.id)).toEqual({ rank: expect.any(Number), tagCount: expect.any(Number) });
    const say = synsets('say', 'v')[1];
    expect(lexicon().senseOf('say', 'v', say.synset.id)).toEqual({ rank: 2, tagCount: say.tagCount });
    expect(lexicon().senseOf('say', 'n', say.synset.id)).toBeUndefined();
  });

  it('gives ranks in both directions', () => {
    const allege = synonyms('said', 'v').find((s) => s.lemma === 'allege');
    expect(allege).toMatchObject({ from: 'say', rank: 2, otherRank: 1 });
    const section = synonyms('Department').find((s) => s.lemma === 'section');
    expect(section).toMatchObject({ rank: 1 });
    expect(section!.otherRank).toBeGreaterThan(1);
  });

  it('reflects WordNet as it is: street has no synonym (not even road)', () => {
    expect(synonyms('street')).toEqual([]);
    expect(synsets('street', 'n').length).toBe(5);
    expect(relation('street', 'road')).toBeNull();
  });

  it('tells whether two expressions share a synset', () => {
    const link = areSynonyms('said', 'alleged');
    expect(link).toMatchObject({ lemmaA: 'say', lemmaB: 'allege', pos: 'v', rankA: 2, rankB: 1, sameLemma: false });
    expect(areSynonyms('big', 'large')).toMatchObject({ rankA: 1, rankB: 1 });
    expect(areSynonyms('heads of state', 'chief of state')).not.toBeNull();
    // WordNet 3.1 has no synset with both say and claim: spinners use wider thesauri
    expect(areSynonyms('said', 'claimed')).toBeNull();
    expect(areSynonyms('dog', 'cathedral')).toBeNull();
    expect(synonymLinks('says', 'said')[0].sameLemma).toBe(true);
  });

  it('finds every kind of relation past the quick test for unrelated pairs', () => {
    // relations() first rejects pairs with no shared synset, hypernym, similar-to link,
    // member word or multiword head; each kind must still get through.
    const kinds = (a: string, b: string) => relations(a, b).map((r) => r.kind);
    expect(kinds('alfilaria', 'filaree')).toContain('synonym');
    expect(kinds('4', 'fiver')).toContain('similar');
    expect(kinds('1770s', 'decennium')).toContain('hypernym');
    expect(kinds('area', 'half-moon')).toContain('hyponym');
    expect(kinds('abel', 'diophantus')).toContain('sister');
    expect(kinds('apteryx', 'chinese gooseberry')).toContain('bridge');
    expect(kinds('blastodisc', 'disc')).toContain('head');
    expect(relations('alfilaria', 'diophantus')).toEqual([]);
  });

  it('finds looser relations commercial spinners rely on', () => {
    expect(relation('President', 'head of state')).toMatchObject({ kind: 'hypernym', lemmaA: 'president' });
    expect(relation('Department', 'Division')?.kind).toBe('hypernym');
    expect(relation('secretary', 'assistant')?.kind).toBe('hypernym');
    expect(relation('deportation', 'expulsion')?.kind).toBe('hypernym');
    expect(relation('trip', 'journey')).not.toBeNull();
    expect(relation('stops', 'quits')?.kind).toBe('synonym');
  });

  it('reaches synsets by key and their neighbours', () => {
    const s = synsetByKey('n04341737');
    expect(s?.words).toEqual(['street']);
    expect(neighbours(s!, 'hypernym').map((h) => h.words[0])).toEqual(['thoroughfare']);
  });
});

describe('inflect and formOf', () => {
  it.each([
    ['run', 'v', 'past', 'ran'],
    ['run', 'v', 'gerund', 'running'],
    ['try', 'v', '3sg', 'tries'],
    ['try', 'v', 'past', 'tried'],
    ['go', 'v', '3sg', 'goes'],
    ['be', 'v', '3sg', 'is'],
    ['have', 'v', '3sg', 'has'],
    ['say', 'v', 'past', 'said'],
    ['stop', 'v', 'past', 'stopped'],
    ['visit', 'v', 'past', 'visited'],
    ['admit', 'v', 'gerund', 'admitting'],
    ['offer', 'v', 'past', 'offered'],
    ['make', 'v', 'gerund', 'making'],
    ['die', 'v', 'gerund', 'dying'],
    ['see', 'v', 'gerund', 'seeing'],
    ['panic', 'v', 'past', 'panicked'],
    ['take', 'v', 'pastParticiple', 'taken'],
    ['keep in mind', 'v', 'past', 'kept in mind'],
    ['city', 'n', 'plural', 'cities'],
    ['box', 'n', 'plural', 'boxes'],
    ['knife', 'n', 'plural', 'knives'],
    ['woman', 'n', 'plural', 'women'],
    ['policeman', 'n', 'plural', 'policemen'],
    ['human', 'n', 'plural', 'humans'],
    ['head of state', 'n', 'plural', 'heads of state'],
    ['wall surface', 'n', 'plural', 'wall surfaces'],
    ['Secretary of State', 'n', 'plural', 'Secretaries of State'],
    ['big', 'a', 'comparative', 'bigger'],
    ['happy', 'a', 'superlative', 'happiest'],
    ['nice', 'a', 'comparative', 'nicer'],
    ['good', 'a', 'superlative', 'best'],
    ['beautiful', 'a', 'comparative', 'more beautiful'],
    ['simple', 'a', 'comparative', 'simpler'],
  ] as const)('inflect(%s, %s, %s) = %s', (lemma, pos, form, expected) => {
    expect(inflect(lemma, pos, form)).toBe(expected);
  });

  it('round-trips: the form of an inflected word is recognised', () => {
    for (const [lemma, pos, form] of [
      ['claim', 'v', 'past'],
      ['country', 'n', 'plural'],
      ['travel', 'v', 'gerund'],
      ['close', 'a', 'superlative'],
    ] as const) {
      const word = inflect(lemma, pos, form);
      expect(morph(word)).toContainEqual(expect.objectContaining({ lemma, pos, form }));
      expect(formOf(word, pos)).toContain(form);
    }
  });

  it('guesses forms of unknown words by suffix', () => {
    expect(formOf('tweeted')).toEqual(['past', 'pastParticiple']);
    expect(formOf('stopped', 'v')).toEqual(['past', 'pastParticiple']);
    expect(formOf('went')).toEqual(['past']);
  });
});

describe('frequency', () => {
  it('ranks by SemCor tag counts with smoothing', () => {
    expect(frequency('say')).toBeGreaterThan(frequency('claim'));
    expect(frequency('claim')).toBeGreaterThan(frequency('aver'));
    expect(frequency('aver')).toBeGreaterThan(UNKNOWN_FREQUENCY);
    expect(frequency('Rubio')).toBe(UNKNOWN_FREQUENCY);
    expect(frequency('said')).toBe(frequency('say')); // inflected input → its lemma
    expect(frequency('say', 'n')).toBe(0.5); // known but never tagged as a noun
    expect(senseFrequency('say', 'v').slice(0, 2)).toEqual([synsets('say', 'v')[0].tagCount, synsets('say', 'v')[1].tagCount]);
  });
});
