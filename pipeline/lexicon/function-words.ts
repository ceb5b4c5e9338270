/**
 * Closed-class English words (the project's own list): determiners, pronouns,
 * prepositions, conjunctions, auxiliaries, modals, particles. WordNet lists some of
 * them under odd senses ("a" vitamin A, "will" testament, "can" tin can, "us" United
 * States, "may" the month); callers treating text should not look them up as content.
 */

const FUNCTION = `
a an the this that these those such what which whose whatever whichever
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
it its itself we us our ours ourselves they them their theirs themselves one ones oneself
who whom whoever whomever someone somebody something anyone anybody anything everyone everybody
everything nobody nothing none noone each every either neither both all any some few many much
more most less least several enough other another own same
and or but nor so yet for if then else than because since unless until although though while
whereas whether as once lest till
of in on at by to from with without within into onto upon about above below under over after
before between among amongst through throughout during against toward towards across along
around behind beside besides beyond despite except inside outside near off out up down via per
like unlike amid amidst past regarding concerning including plus versus vs
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought
not no n't nor never yes
there here where when why how whenever wherever however
to too very just only even also still already yet again ever else
s 's ’s t ll ve re d m o
`;

const NUMBERS = `
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion dozen
first second third fourth fifth sixth seventh eighth ninth tenth
`;

function set(text: string): ReadonlySet<string> {
  return new Set(text.trim().split(/\s+/));
}

export const FUNCTION_WORDS: ReadonlySet<string> = set(FUNCTION);
export const NUMBER_WORDS: ReadonlySet<string> = set(NUMBERS);

/** Is the word (any case) a closed-class function word? */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase().replace(/’/g, "'"));
}

/** Is the word a number: digits (2,000 / 3.5 / 25%) or a number word (five, hundred, first)? */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return /^[\d.,%]+(st|nd|rd|th|s)?$/.test(w) || NUMBER_WORDS.has(w);
}
