/**
 * Irregular English inflections — the project's own table, written for unspin (not
 * derived from WordNet's *.exc files or any other exception list). It covers common
 * irregular verbs, nouns and adjective/adverb grades; regular forms are handled by the
 * spelling rules in morph.ts / inflect.ts.
 *
 * Format: one entry per line; alternatives separated by `/`, the first one is the form
 * `inflect` produces, all of them are recognised by `morph`.
 */
import type { Form, Pos } from './types.js';

/** base past pastParticiple */
const VERBS = `
arise arose arisen
awake awoke awoken
be was/were been
bear bore borne/born
beat beat beaten/beat
become became become
befall befell befallen
begin began begun
behold beheld beheld
bend bent bent
beset beset beset
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burned/burnt burned/burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamed/dreamt dreamed/dreamt
drink drank drunk
drive drove driven
dwell dwelt/dwelled dwelt/dwelled
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got got/gotten
give gave given
go went gone
grind ground ground
grow grew grown
hang hung/hanged hung/hanged
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
input input input
keep kept kept
kneel knelt/kneeled knelt/kneeled
know knew known
lay laid laid
lead led led
lean leaned/leant leaned/leant
leap leaped/leapt leaped/leapt
learn learned/learnt learned/learnt
leave left left
lend lent lent
let let let
lie lay/lied lain/lied
light lit/lighted lit/lighted
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
misunderstand misunderstood misunderstood
mow mowed mown/mowed
offset offset offset
outdo outdid outdone
outgrow outgrew outgrown
output output output
overcome overcame overcome
overdo overdid overdone
overhear overheard overheard
override overrode overridden
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
partake partook partaken
pay paid paid
plead pleaded/pled pleaded/pled
prove proved proven/proved
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
redo redid redone
remake remade remade
rend rent rent
repay repaid repaid
rethink rethought rethought
retake retook retaken
retell retold retold
rewrite rewrote rewritten
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
saw sawed sawn/sawed
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn/sewed
shake shook shaken
shear sheared shorn/sheared
shed shed shed
shine shone/shined shone/shined
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
smell smelled/smelt smelled/smelt
sow sowed sown/sowed
speak spoke spoken
speed sped/speeded sped/speeded
spell spelled/spelt spelled/spelt
spend spent spent
spill spilled/spilt spilled/spilt
spin spun spun
spit spat spat
split split split
spoil spoiled/spoilt spoiled/spoilt
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove/strived striven/strived
swear swore sworn
sweep swept swept
swell swelled swollen/swelled
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
undo undid undone
upset upset upset
uphold upheld upheld
wake woke woken
wear wore worn
weave wove woven
wed wed/wedded wed/wedded
weep wept wept
wet wet/wetted wet/wetted
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
`;

/** Verbs whose 3sg / gerund are not produced by the regular rules. */
const VERB_EXTRA: Record<string, Partial<Record<Form, string>>> = {
  be: { '3sg': 'is', gerund: 'being' },
  have: { '3sg': 'has' },
};
/** Other finite forms of `be` recognised by morph (am/are are present, not 3sg). */
const BE_PRESENT = ['am', 'are', 'art'];

/** singular plural */
const NOUNS = `
man men
woman women
child children
person people/persons
foot feet
tooth teeth
goose geese
mouse mice
louse lice
ox oxen
die dice
penny pence/pennies
criterion criteria
phenomenon phenomena
datum data
medium media/mediums
bacterium bacteria
curriculum curricula
memorandum memoranda/memorandums
stratum strata
analysis analyses
basis bases
crisis crises
diagnosis diagnoses
emphasis emphases
hypothesis hypotheses
oasis oases
parenthesis parentheses
synopsis synopses
thesis theses
axis axes
cactus cacti/cactuses
fungus fungi
nucleus nuclei
stimulus stimuli
radius radii
alumnus alumni
syllabus syllabi/syllabuses
appendix appendices/appendixes
index indices/indexes
matrix matrices
vertex vertices
life lives
wife wives
knife knives
leaf leaves
half halves
self selves
shelf shelves
wolf wolves
calf calves
loaf loaves
thief thieves
sheaf sheaves
elf elves
scarf scarves/scarfs
hoof hooves/hoofs
wharf wharves/wharfs
potato potatoes
tomato tomatoes
hero heroes
echo echoes
veto vetoes
torpedo torpedoes
embargo embargoes
volcano volcanoes/volcanos
mosquito mosquitoes
sheep sheep
deer deer
fish fish/fishes
series series
species species
aircraft aircraft
spacecraft spacecraft
offspring offspring
moose moose
swine swine
bison bison
salmon salmon
means means
headquarters headquarters
passer-by passers-by
mother-in-law mothers-in-law
son-in-law sons-in-law
daughter-in-law daughters-in-law
`;

/** base comparative superlative (adjectives; `well` is handled for adverbs too) */
const GRADES = `
good better best
bad worse worst
ill worse worst
far farther/further farthest/furthest
little less/littler least/littlest
many more most
much more most
old older/elder oldest/eldest
`;

export interface IrregularForm {
  lemma: string;
  pos: Pos;
  form: Form;
}

function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
}

/** lemma → form → preferred spelling (for inflect). */
const forward: Record<Pos, Map<string, Partial<Record<Form, string>>>> = {
  n: new Map(),
  v: new Map(),
  a: new Map(),
  r: new Map(),
};
/** inflected spelling → analyses (for morph). */
const backward = new Map<string, IrregularForm[]>();

function addBack(word: string, lemma: string, pos: Pos, form: Form): void {
  let list = backward.get(word);
  if (!list) backward.set(word, (list = []));
  if (!list.some((x) => x.lemma === lemma && x.pos === pos && x.form === form)) list.push({ lemma, pos, form });
}

for (const [base, past, pp] of rows(VERBS)) {
  const pasts = past.split('/');
  const pps = pp.split('/');
  forward.v.set(base, { past: pasts[0], pastParticiple: pps[0], ...VERB_EXTRA[base] });
  for (const p of pasts) addBack(p, base, 'v', 'past');
  for (const p of pps) addBack(p, base, 'v', 'pastParticiple');
}
for (const [base, extra] of Object.entries(VERB_EXTRA)) {
  const f = forward.v.get(base) ?? {};
  forward.v.set(base, { ...f, ...extra });
  if (extra['3sg']) addBack(extra['3sg'], base, 'v', '3sg');
  if (extra.gerund) addBack(extra.gerund, base, 'v', 'gerund');
}
for (const w of BE_PRESENT) addBack(w, 'be', 'v', 'base');
for (const [sg, pl] of rows(NOUNS)) {
  const pls = pl.split('/');
  forward.n.set(sg, { plural: pls[0] });
  for (const p of pls) if (p !== sg) addBack(p, sg, 'n', 'plural');
}
for (const [base, cmp, sup] of rows(GRADES)) {
  const cmps = cmp.split('/');
  const sups = sup.split('/');
  forward.a.set(base, { comparative: cmps[0], superlative: sups[0] });
  for (const c of cmps) addBack(c, base, 'a', 'comparative');
  for (const s of sups) addBack(s, base, 'a', 'superlative');
}
for (const [base, cmp, sup] of [
  ['well', 'better', 'best'],
  ['badly', 'worse', 'worst'],
  ['far', 'farther', 'farthest'],
  ['much', 'more', 'most'],
  ['little', 'less', 'least'],
]) {
  forward.r.set(base, { comparative: cmp, superlative: sup });
  addBack(cmp, base, 'r', 'comparative');
  addBack(sup, base, 'r', 'superlative');
}

/** Irregular analyses of a lower-case word form (`went` → go/v/past). */
export function irregularAnalyses(word: string): readonly IrregularForm[] {
  return backward.get(word) ?? [];
}

/** The irregular spelling of `lemma` in `form`, if the table has one. */
export function irregularForm(lemma: string, pos: Pos, form: Form): string | undefined {
  return forward[pos].get(lemma)?.[form];
}

/** Is `lemma` listed as an irregular verb (so regular -ed must not be produced)? */
export function isIrregularVerb(lemma: string): boolean {
  return forward.v.has(lemma);
}
