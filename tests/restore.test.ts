import { describe, expect, it } from 'vitest';
import { applyEdits, type Edit } from '../pipeline/edits.js';
import { alignUnits } from '../pipeline/stages/align/align.js';
import { lexiconJudge, strictJudge } from '../pipeline/stages/align/judge.js';
import { tokenize } from '../pipeline/stages/align/tokens.js';
import { ReferenceIndex } from '../pipeline/stages/reference.js';
import { restoreDocument } from '../pipeline/stages/restore.js';
import { restoreFillers } from '../pipeline/stages/restore/fillers.js';
import { OrderIndex } from '../pipeline/stages/restore/order.js';

// Fixtures written for these tests: a clean "reference" article and a spun rendering
// of some of its sentences, with the swaps a WordNet spinner makes.
const REFERENCE = [
  'The Senate Finance Committee will hold a hearing on the trade bill next Tuesday, the chairman said.',
  'Senator Maria Lopez, who leads the committee, said the bill would help farmers sell more grain abroad.',
  '"We need to open new markets for our growers," Lopez said in a statement on Friday.',
  'The Finance Committee has scheduled two further sessions in March.',
].join('\n');

const SPUN = [
  'The Senate Finance Commission will certainly hold a hearing on the trade measure next Tuesday, the chairman claimed.',
  'Senator Maria Lopez, who leads the commission, said the measure would help farmers sell more grain abroad.',
  '"We require to open new markets for our growers," Lopez said in a statement on Friday.',
  'Officials have actually declined to comment on the cost of the program.',
].join('\n');

function restore(text: string, refs: Record<string, string>) {
  const index = new ReferenceIndex();
  for (const [id, t] of Object.entries(refs)) index.add(id, t);
  const edits = restoreDocument({ docId: 'spun', text, index, suspects: [] });
  return { edits, text: applyEdits(text, edits) };
}

/** Restores `text` with detection's finding on the first use of `word`. */
function restoreFlagged(text: string, refs: Record<string, string>, word: string) {
  const index = new ReferenceIndex();
  for (const [id, t] of Object.entries(refs)) index.add(id, t);
  const at = text.indexOf(word);
  return restoreDocument({ docId: 'spun', text, index, suspects: [{ start: at, end: at + word.length, signal: 'rare-synonym', strength: 0.6 }] });
}

/** Aligns a degraded sentence with a reference sentence, with the sentence judge. */
const alignPair = (spun: string, ref: string) => alignUnits(tokenize(spun), tokenize(ref), lexiconJudge);

describe('alignment', () => {
  it('accepts a synonym-swapped rendering of a sentence and explains its differences', () => {
    const al = alignUnits(
      tokenize('Senator Maria Lopez, who leads the commission, said the measure would help farmers sell more grain abroad.'),
      tokenize('Senator Maria Lopez, who leads the committee, said the bill would help farmers sell more grain abroad.'),
      lexiconJudge,
    );
    expect(al.accepted).toBe(true);
    expect(al.pairs.filter((p) => p.interior).map((p) => p.kind)).not.toContain('fact');
  });

  it('judges a run only the reference has (an insertion) like any other, without a NaN', () => {
    // 1942 State of the Union (public domain), spun: "swallowing up" lost its "up".
    const al = alignPair(
      'It can achieve its destructions by isolating us and swallowing all our coalition.',
      'It can achieve its ends by isolating us and swallowing up all our allies.',
    );
    expect(Number.isFinite(al.explained)).toBe(true);
    expect(Number.isFinite(al.score)).toBe(true);
    expect(al.accepted).toBe(true);
    const r = restore('It can achieve its destructions by isolating us and swallowing all our coalition.', {
      ref: 'It can achieve its ends by isolating us and swallowing up all our allies.',
    });
    // The swaps are applied; the missing "up" is only suggested (below the default 0.8).
    const applied = r.edits.filter((e) => e.confidence >= 0.8).map((e) => `${e.before}→${e.after}`);
    expect(applied.sort()).toEqual(['coalition→allies', 'destructions→ends']);
    expect(r.edits.find((e) => e.after.trim() === 'up')?.confidence).toBeLessThan(0.8);
  });

  it('rejects sentences that differ in a negation between aligned words, but not for a negating expression or an edge clause', () => {
    const align = (a: string, b: string) => alignPair(a, b).accepted;
    expect(align('Victory is not winning for our party.', 'Victory is winning for our country.')).toBe(false);
    // WordNet's "not bad" is a synonym of "good"; "no matter" of "regardless".
    expect(align('We have got a not bad beginning in our hospitals.', 'We have got a good beginning in our hospitals.')).toBe(true);
    expect(align('We kept the same weapon, no matter the precautions of the war.', 'We kept the same weapon, regardless the precautions of the war.')).toBe(true);
    // A clause at the edge is left alone, not taken for the opposite sentence.
    expect(align('This glorious thing is utterly unknown to men ashore! never!', 'This glorious thing is utterly unknown to men ashore!')).toBe(true);
  });

  it('explains a spinner phrase inside a longer run ("an extremely" / "a very")', () => {
    const al = alignPair('It was an extremely cold winter for the farmers of the valley.', 'It was a very cold winter for the farmers of the valley.');
    expect(al.accepted).toBe(true);
    expect(al.pairs).toMatchObject([{ kind: 'related', interior: true }]);
  });

  it('takes an intensifier the reference lacks for a filler only before its host ("absolute best")', () => {
    const filler = alignPair('Our auto industry just had its absolute best year ever, the minister said.', 'Our auto industry just had its best year ever, the minister said.');
    expect(filler.pairs).toMatchObject([{ kind: 'filler', interior: true }]);
    // Before another word the same intensifier is the writer's: left unexplained.
    const own = alignPair('The vote was held in the absolute silence of the hall, the minister said.', 'The vote was held in the silence of the hall, the minister said.');
    expect(own.pairs).toMatchObject([{ kind: 'unexplained', interior: true }]);
  });

  it('takes a proper noun WordNet lists with a common word ("Caucasian" / "white") for a swap, not a different name', () => {
    const ref = 'Reporters waited outside the White House on Monday to hear the spokesman speak.';
    const swapped = alignPair('Reporters waited outside the Caucasian House on Monday to hear the spokesman talk.', ref);
    expect(swapped.accepted).toBe(true);
    expect(swapped.pairs.map((p) => p.kind)).toEqual(['synonym', 'synonym']);
    expect(alignPair('Reporters waited outside the Elysee House on Monday to hear the spokesman talk.', ref).accepted).toBe(false);
    // Number words too ("hundred" shares a synset with "century"); digits never.
    const century = 'The threats of the new century are more widespread and less certain than before, the report said.';
    expect(alignPair('The menaces of the new hundred are more widespread and less certain than before, the report said.', century).accepted).toBe(true);
    expect(alignPair('The menaces of the new 100 are more widespread and less certain than before, the report said.', century).accepted).toBe(false);
  });

  it('rejects sentences whose names or numbers differ', () => {
    const al = alignUnits(
      tokenize('Senator Maria Lopez said the bill would help 300 farmers sell grain.'),
      tokenize('Senator John Park said the bill would help 500 farmers sell grain.'),
      lexiconJudge,
    );
    expect(al.accepted).toBe(false);
  });

  it('takes a spinner phrase at the start of a sentence for a swap, not an extra clause', () => {
    const al = alignUnits(
      tokenize('Due to the fact that right now 9 out of 10 people who have insurance get it through their employers.'),
      tokenize('Because right now 9 out of 10 people who have insurance get it through their employers.'),
      lexiconJudge,
    );
    expect(al.pairs).toMatchObject([{ a: [0, 5], b: [0, 1], interior: true, kind: 'related' }]);
  });

  it('rejects sentences that share only function words', () => {
    const al = alignUnits(tokenize('I am willing to work to resolve them.'), tokenize('I am glad to report on them.'), lexiconJudge);
    expect(al.accepted).toBe(false);
  });

  it('treats a number written in digits and in words as the same fact', () => {
    const al = alignUnits(
      tokenize('The panel has scheduled 2 further sessions in March.'),
      tokenize('The panel has scheduled two further sessions in March.'),
      lexiconJudge,
    );
    expect(al.accepted).toBe(true);
  });

  it('treats tens and scale words written in digits as the same fact, and restores them', () => {
    const spun = 'The wall is about 40 feet high, with three 100 slats on a side.';
    const ref = 'The wall is about forty feet high, with three hundred slats on a side.';
    expect(alignUnits(tokenize(spun), tokenize(ref), lexiconJudge).accepted).toBe(true);
    expect(restore(spun, { ref }).text).toBe(ref);
    // A different value is still a different fact.
    expect(alignUnits(tokenize(spun.replace('100', '200')), tokenize(ref), lexiconJudge).accepted).toBe(false);
  });

  it('restores a spinner phrase aligned with the plain word of the source, however unequal the lengths', () => {
    const spun = 'People came to the valley due to the fact that they wanted to farm their own land.';
    const ref = 'People came to the valley because they wanted to farm their own land.';
    expect(restore(spun, { ref }).text).toBe(ref);
    // An unlisted long run against one word stays a different clause.
    const other = 'People came to the valley as soon as the railway opened and they wanted to farm their own land.';
    expect(restore(other, { ref }).text).toBe(other);
  });

  it('leaves a name + noun the references pair with many other nouns, unless detection flags the noun', () => {
    const refs = {
      a: 'The American people want jobs. The American people deserve better schools and safer streets.',
      b: 'American workers and American families need help, and the American economy needs growth.',
      c: 'Our American values guide us, and American farmers feed the world.',
    };
    const spun = 'We owe the American citizenry a full account of the budget.';
    const names = restore(spun, refs).edits.filter((x) => x.reason === 'name-title');
    // Suggested (below the default --min-confidence 0.8), not applied.
    expect(names.map((e) => e.confidence)).toEqual([0.7]);
    // The same swap where detection flagged the noun is applied.
    const flagged = restoreFlagged(spun, refs, 'citizenry');
    expect(flagged.find((e) => e.reason === 'name-title')?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('takes a name + word the references write once for a suggestion, not a swap, unless detection flags the word', () => {
    const ref = 'As Lincoln said in his second address, the nation must bind up its wounds.';
    const spun = 'Let us renew the rule that Lincoln stated so simply in another age.';
    const names = restore(spun, { ref }).edits.filter((x) => x.reason === 'name-title');
    expect(names.map((e) => [e.after, e.confidence])).toEqual([['said', 0.7]]);
    const flagged = restoreFlagged(spun, { ref }, 'stated');
    expect(flagged.find((e) => e.reason === 'name-title')?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('takes a looser swap inside a name the references write once, with nothing else pairing its words, for a suggestion', () => {
    const ref = 'The bill gives the Departments of Homeland Security new powers over ports.';
    const spun = 'I propose that the Departments of State, Treasury, Defense, and Justice report to me.';
    const names = restore(spun, { ref }).edits.filter((x) => x.reason === 'name-title');
    expect(names.map((e) => [e.before, e.after])).toEqual([['State', 'Homeland']]);
    expect(names[0].confidence).toBeLessThan(0.8);
    // flagged by detection, the same swap is applied
    const flagged = restoreFlagged(spun, { ref }, 'State');
    expect(flagged.find((e) => e.reason === 'name-title')?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('inside names, takes a synonym or a more general spun word for a swap, not a narrower one', () => {
    // "head of state" is more general than "president": a spinner's swap.
    expect(strictJudge.judge(tokenize('Head of state'), tokenize('President'), {})).not.toBe('unexplained');
    // "people" is more general than "blood": no spinner puts the narrower word in.
    expect(strictJudge.judge(tokenize('blood'), tokenize('people'), {})).toBe('unexplained');
    // The sentence judge still takes both.
    expect(lexiconJudge.judge(tokenize('blood'), tokenize('people'), {})).toBe('related');
  });

  it('does not let names change inside a title', () => {
    expect(strictJudge.judge(tokenize('Russia'), tokenize('Union'), {})).toBe('fact');
  });
});

describe('restoration', () => {
  it('restores aligned sentences and quotes from the reference, with provenance', () => {
    const { edits, text } = restore(SPUN, { ref: REFERENCE });
    expect(text).toContain('help farmers');
    expect(text).toContain('the committee, said the bill would');
    expect(text).toContain('"We need to open new markets');
    for (const e of edits.filter((x) => x.reason.endsWith('alignment'))) {
      expect(e.source?.id).toBe('ref');
      expect(REFERENCE.slice(e.source!.start, e.source!.end)).toBe(e.source!.text);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.evidence).toBeTruthy();
    }
  });

  it('restores a name whose words were swapped, everywhere in the document', () => {
    const { text } = restore(SPUN, { ref: REFERENCE });
    expect(text).toContain('The Senate Finance Committee will hold');
    expect(text).not.toContain('Commission');
  });

  it('removes spinner fillers but leaves sentences with no source alone otherwise', () => {
    const { text } = restore(SPUN, { ref: REFERENCE });
    expect(text).toContain('Officials have declined to comment on the cost of the program.');
    expect(text).not.toContain('will certainly');
  });

  it('changes nothing where the document agrees with its references word for word', () => {
    const other = 'Lawmakers met again on Monday.\nThe Finance Committee has scheduled two further sessions in March.\n';
    const { edits } = restore(REFERENCE, { other });
    expect(edits).toEqual([]);
  });

  it('only suggests swapping a word inside a properly capitalized name', () => {
    const ref = 'The Department of Social Security said on Monday that payments would rise next year.\n';
    const { edits } = restore('Officials at the Department of Homeland Security declined to comment on the plan.\n', { ref });
    for (const e of edits) expect(e.confidence).toBeLessThan(0.8);
  });

  // Each case: a reference, a real name it must leave alone, and a spun name of the reference it still maps back.
  it.each([
    [
      'a name whose word is more general than its own ("country" is narrower than "state" here)',
      'The Department of State said on Monday that the talks would resume. A Department of State spokesman agreed.\n',
      'Officials at the Department of Homeland Security declined to comment on the plan.\n',
      'Officials at the Department of Country declined to comment.\n',
      'State',
    ],
    [
      'a name WordNet knows, however much a reference name looks like its synonym',
      'Loans from the International Bank for Reconstruction helped. The International Bank said on Monday it would lend more to the region.\n',
      'Through the World Bank and other agencies, we will help farmers abroad.\n',
      'Through the Global Bank and other agencies, we will help farmers abroad.\n',
      'International',
    ],
  ])('does not map %s', (_, ref, real, spun, restored) => {
    const names = (text: string) => restore(text, { ref }).edits.filter((e) => e.reason === 'name-title');
    expect(names(real)).toEqual([]);
    expect(names(spun).map((e) => e.after)).toEqual([restored]);
  });

  it('does not map a capitalized word inside a name to a lower-case reference word', () => {
    const ref = 'The leaders praised Latin American democracy and the Latin American democracy movement.\n';
    const spun = 'Delegates from the Latin American Republics met in Lima on Tuesday.\n';
    expect(restore(spun, { ref }).edits.filter((e) => e.reason === 'name-title')).toEqual([]);
  });

  it('suggests, but does not insert, words the reference has and the degraded sentence lacks', () => {
    const ref = 'The Communist Party took power across Eastern Europe after the war, the historian said.\n';
    const spun = 'The Party took power across Eastern Europe after the war, the historian stated.\n';
    const { edits, text } = restore(spun, { ref });
    expect(text).toContain('the historian said.');
    const inserted = edits.filter((e) => e.before === '' && e.after.includes('Communist'));
    expect(inserted).toHaveLength(1);
    expect(inserted[0].confidence).toBeLessThan(0.8);
  });

  const plans = 'The chairman listed his plans for the year: First, the committee will hold a hearing on the trade bill in March.\n';

  it('gives the capital of a deleted capitalized filler to the word the reference capitalizes', () => {
    const spun = 'The chairman detailed his plans for the year: Very first, the commission will hold a hearing on the trade measure in March.\n';
    const { text } = restore(spun, { ref: plans });
    expect(text).toContain('for the year: First, the committee will hold');
  });

  it('moves a deleted filler\'s capital only onto an aligned word, not onto a replaced one', () => {
    const spun = 'The chairman detailed his plans for the year: Very initial banana, the commission will hold a hearing on the trade measure in March.\n';
    expect(restore(spun, { ref: plans }).text).toContain('for the year: First, the committee will hold');
  });

  it('keeps the reference\'s capital where the degraded word has no case ("7 years" for "Seven years")', () => {
    const ref = 'Seven years from now, the first members of the baby boom generation will begin to retire, the report said.\n';
    const spun = '7 years from now, the very first members of the baby boom generation will start to retire, the report stated.\n';
    expect(restore(spun, { ref }).text).toMatch(/^Seven years from now, the first members/);
  });

  it('leaves a sentence a reference has word for word, even when another reference words it differently', () => {
    const a = 'The committee will hold a hearing on the trade bill next Tuesday, the chairman said.\nIt met twice in May.\n';
    const b = 'The commission will hold a hearing on the trade measure next Tuesday, the chairman stated.\nIt met in June.\n';
    const spun = 'The committee will hold a hearing on the trade bill next Tuesday, the chairman said.\n';
    expect(restore(spun, { a, b }).edits).toEqual([]);
    // Without the verbatim copy, the other wording is taken.
    expect(restore(spun, { b }).edits.length).toBeGreaterThan(0);
  });

  it('never pastes in text from a reference that does not align', () => {
    const unrelated = 'The city council approved a new budget for the public library on Monday evening.';
    const { edits } = restore(SPUN, { ref: unrelated });
    expect(edits.filter((e) => e.source)).toEqual([]);
  });
});

describe('fillers', () => {
  it('removes an emphatic adverb after an auxiliary and "very" before "first"', () => {
    const t = 'They have actually chosen a site. It will certainly open in the very first week.';
    expect(applyEdits(t, restoreFillers(t))).toBe('They have chosen a site. It will open in the first week.');
  });

  it('leaves "actually" and "certainly" elsewhere alone', () => {
    const t = 'Actually, the plan is certainly bold. He actually left.';
    expect(restoreFillers(t)).toEqual([]);
  });
});

function referenceIndex(): ReferenceIndex {
  const index = new ReferenceIndex();
  index.add('ref', REFERENCE);
  return index;
}

describe('a document only its own score calls spun, and barely', () => {
  const restoreScored = (unconfirmedScore?: number) =>
    restoreDocument({ docId: 'spun', text: SPUN, index: referenceIndex(), suspects: [], unconfirmedScore });
  const filler = (edits: Edit[]) => edits.find((e) => e.reason === 'filler' && e.before === 'actually ');

  it('gets the edits no source backs as suggestions only', () => {
    const sure = filler(restoreScored())!;
    expect(sure.confidence).toBeGreaterThanOrEqual(0.8);
    const marginal = filler(restoreScored(0.55))!;
    expect(marginal.confidence).toBeLessThan(0.8);
    expect(marginal.evidence).toMatch(/suggested only.*0\.55/);
    expect(filler(restoreScored(0.75))!.confidence).toBe(sure.confidence);
  });

  it('keeps the edits its cleaner sources back', () => {
    const sourced = (edits: Edit[]) => edits.filter((e) => e.source).map((e) => [e.start, e.end, e.after, e.confidence]);
    expect(sourced(restoreScored(0.55))).toEqual(sourced(restoreScored()));
    expect(sourced(restoreScored()).length).toBeGreaterThan(0);
  });
});

describe('alignment by sentence order', () => {
  // The middle sentence shares no skeleton shingle with its source: the spinner swapped
  // the function words its skeleton is made of ("many" → "lots of", "about" → "regarding").
  const ref = [
    'The city council approved the new budget on Monday after a long debate in the chamber.',
    'Many residents are worried about the new taxes.',
    'The mayor said the plan would pay for two new schools and a public library.',
  ].join(' ');
  const spunMiddle = 'Lots of residents are concerned regarding the new taxes.';
  // The spun first and last sentences, around `middle`.
  const around = (middle: string) =>
    [
      'The city council approved the new budget on Monday after a long argument in the chamber.',
      middle,
      'The mayor said the plan would pay for two new schools and a public depository library.',
    ].join(' ');

  it('cannot reach the swapped sentence through the skeleton index alone', () => {
    const index = new ReferenceIndex();
    index.add('ref', ref);
    expect(index.candidates(tokenize(spunMiddle), 4, 'spun')).toEqual([]);
  });

  it('restores a sentence between two aligned sentences from the sentence between their sources', () => {
    const spun = around(spunMiddle);
    const r = restore(spun, { ref });
    expect(r.text).toBe(ref);
    const middle = r.edits.filter((e) => e.start > spun.indexOf('Lots') - 1 && e.end <= spun.indexOf('The mayor'));
    expect(middle.length).toBeGreaterThan(0);
    for (const e of middle) expect(e.source?.id).toBe('ref');
  });

  it('leaves a different sentence in that place alone', () => {
    const other = 'Officials have declined to comment on the cost of the program.';
    const spun = around(other);
    const r = restore(spun, { ref });
    expect(r.text).toContain(other);
  });
});

describe('OrderIndex', () => {
  const index = new ReferenceIndex();
  index.add('ref', 'One sentence here. Two sentence here. Three sentence here. Four sentence here. Five sentence here.');
  const order = new OrderIndex(index);
  const texts = (us: Array<{ text: string }>) => us.map((u) => u.text);

  it('proposes the reference units between the sources of the nearest aligned neighbours', () => {
    expect(texts(order.candidates([{ docId: 'ref', at: 0 }, undefined, undefined, { docId: 'ref', at: 3 }], 1))).toEqual([
      'Two sentence here.',
      'Three sentence here.',
    ]);
  });

  it('counts from one neighbour when the other is missing or in another reference', () => {
    expect(texts(order.candidates([{ docId: 'ref', at: 1 }, undefined], 1))).toEqual(['Three sentence here.', 'Four sentence here.']);
    expect(order.candidates([{ docId: 'ref', at: 1 }, undefined, undefined, undefined], 3)).toEqual([]);
  });

  it('places a reference unit by its span', () => {
    const third = order.unitsOf('ref')[2]!;
    expect(order.place(third)).toEqual({ docId: 'ref', at: 2 });
  });
});

describe('sentences within a known source', () => {
  const ref = [
    'The factory in Dayton closed its doors on Friday after forty years of production.',
    'People were losing jobs.',
    'The company blamed rising costs and falling demand for its steel products.',
    'Union leaders said the workers had received no warning before the announcement.',
    'The mayor promised to help the families find new work in the region.',
  ].join(' ');
  // A spun rendering of the reference's sentences but the second, with `extra` at `at`.
  const SPUN_BODY = [
    'The factory in Dayton closed its doors on Friday after forty years of manufacturing.',
    'The company blamed rising costs and falling demand for its steel merchandise.',
    'Union leaders said the workers had received no notice before the announcement.',
    'The mayor promised to help the families find new employment in the region.',
  ];
  const spunWith = (extra: string, at: number) => [...SPUN_BODY.slice(0, at), extra, ...SPUN_BODY.slice(at)].join(' ');

  it('restores a short sentence whose differences are all synonyms, once the article is known to be the source', () => {
    const r = restore(spunWith('Individuals were losing chores.', 4), { ref });
    expect(r.text).toContain('People were losing jobs.');
  });

  it('restores a longer sentence the skeleton index cannot reach, by the general alignment test within the known source', () => {
    const source = 'His motions plainly denoted his extreme exhaustion. ' + ref;
    // Placed last, far from where its source stands: sentence order does not reach it either.
    const r = restore(spunWith('His gestures plainly denoted his intense fatigue.', 4), { ref: source });
    expect(r.text).toContain('His motions plainly denoted his extreme exhaustion.');
    expect(restore('His gestures plainly denoted his intense fatigue.', { ref: source }).text).toBe('His gestures plainly denoted his intense fatigue.');
  });

  it('restores a short sentence that is the same words but for one close relative, word for word', () => {
    const source = 'It was his death stroke. ' + ref;
    const applied = (extra: string) =>
      restore(spunWith(extra, 1), { ref: source }).edits.filter((e) => e.confidence >= 0.8).map((e) => `${e.before}→${e.after}`);
    expect(applied('It was his death touch.')).toContain('touch→stroke');
    // Not word for word: one word against two is not a relative's swap.
    expect(applied('It was his death.').join()).not.toContain('stroke');
  });

  it('takes a sentence that is also part of a quotation for one candidate, not a tie', () => {
    const source = '"Our hope lies in peace. His motions plainly denoted his extreme exhaustion." ' + ref;
    // Between two sentences whose sources are neighbours ("People were losing jobs."
    // between them): sentence order does not reach the quotation.
    expect(restore(spunWith('His gestures plainly denoted his intense fatigue.', 1), { ref: source }).text).toContain('His motions plainly denoted his extreme exhaustion.');
  });

  it('needs the source: the same short sentence alone is left as it is', () => {
    const r = restore('Individuals were losing chores.', { ref });
    expect(r.text).toBe('Individuals were losing chores.');
  });
});

describe('OrderIndex, taken units', () => {
  it('does not propose a reference unit that is already another unit’s source', () => {
    const index = new ReferenceIndex();
    index.add('ref', 'One sentence here. Two sentence here. Three sentence here.');
    const order = new OrderIndex(index);
    // Unit 1 follows unit 0 (placed at 0); unit 2 is placed at 1: "Two" is taken.
    const found = order.candidates([{ docId: 'ref', at: 0 }, undefined, { docId: 'ref', at: 1 }], 1).map((u) => u.text);
    expect(found).not.toContain('Two sentence here.');
    expect(found).not.toContain('One sentence here.');
  });
});
