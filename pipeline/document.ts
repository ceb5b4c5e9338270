import { createHash } from 'node:crypto';
import { EditLog, type EditLogSnapshot } from './edit-log.js';
import type { Edit } from './edits.js';
import { findBoilerplate } from './stages/boilerplate.js';
import { detectLanguage } from './stages/language.js';
import { normalize } from './stages/normalize.js';
import { bomEdits, readText } from './stages/read.js';
import { timed } from './timings.js';

export type Verdict = 'clean' | 'degraded' | 'skipped';

/** A sentence the detection stage scored, in original offsets. */
export interface SentenceFinding {
  start: number;
  end: number;
  score: number;
  signals: string[];
}

export interface Options {
  keepBoilerplate: boolean;
  minConfidence: number;
  suggestOnly: boolean;
  /**
   * false: no spin detection and no restoration (`--no-spin`): reading, normalization,
   * language and boilerplate only, the fast pass for text that only needs hygiene.
   */
  spin?: boolean;
}

export const defaultOptions: Options = { keepBoilerplate: false, minConfidence: 0.8, suggestOnly: false };

/** One document as it moves through the stages. */
export interface DocumentState {
  id: string;
  path: string;
  /** The input file, relative to the working directory (files mode only). */
  file?: string;
  /** For a near-duplicate copy: the id of the cleanest copy of the same article. */
  duplicateOf?: string;
  sha256: string;
  verdict: Verdict;
  kinds: Set<string>;
  language: string;
  score: number;
  /** Present unless the document could not be read. */
  log?: EditLog;
  sentences: SentenceFinding[];
  /** Edits proposed but not applied (below threshold, --keep-boilerplate, --suggest-only). */
  suggestions: Edit[];
  error?: string;
}

/** A DocumentState as plain data (structured-clone safe), to move it between threads. */
export type PlainState = Omit<DocumentState, 'log'> & { log?: EditLogSnapshot };

export function toPlain(state: DocumentState): PlainState {
  return { ...state, log: state.log?.snapshot() };
}

export function fromPlain(plain: PlainState): DocumentState {
  return { ...plain, log: plain.log && EditLog.fromSnapshot(plain.log) };
}

/** Mojibake repairs beyond this many in one document mean its own wording was damaged. */
const STRAY_MOJIBAKE = 1;

/** A document that could not be read as text: skipped, with the reason, no text. */
export function unreadableDocument(id: string, path: string, error: string, sha256 = ''): DocumentState {
  return { id, path, sha256, verdict: 'skipped', kinds: new Set(['unreadable']), language: 'und', score: 0, sentences: [], suggestions: [], error };
}

/**
 * Pass 1 for one document: read, normalize, strip boilerplate, judge the language.
 * `format.markdown`: the input is a Markdown file (normalize keeps its code and hard breaks).
 * Corpus-level stages (detection, restoration) run afterwards on `state.log`.
 */
export function analyzeDocument(id: string, path: string, input: Uint8Array | string, options: Options, format: { markdown?: boolean } = {}): DocumentState {
  const sha256 = createHash('sha256').update(input).digest('hex');
  const state: DocumentState = { id, path, sha256, verdict: 'clean', kinds: new Set(), language: 'und', score: 0, sentences: [], suggestions: [] };
  let text: string;
  let readEdits: Edit[];
  if (typeof input === 'string') {
    text = input;
    readEdits = bomEdits(text);
  } else {
    const read = timed('read', () => readText(input));
    if (!read.ok) return unreadableDocument(id, path, read.message, sha256);
    text = read.text;
    readEdits = read.edits;
  }
  const log = new EditLog(text);
  state.log = log;
  if (text.trim() === '') {
    state.verdict = 'skipped';
    state.kinds.add('empty');
    return state;
  }
  log.apply(readEdits);
  const normalized = timed('normalize', () => normalize(log.text, { markdown: format.markdown }));
  log.apply(normalized);
  if (normalized.filter((e) => e.reason === 'mojibake').length > STRAY_MOJIBAKE) {
    state.verdict = 'degraded';
    state.kinds.add('mojibake');
  } else if (normalized.length || readEdits.length) state.kinds.add('normalization'); // a removed BOM is one too

  const language = timed('language', () => detectLanguage(log.text));
  state.language = language.code;
  if (!language.english) {
    // English-only stages would do harm here: pass the document through untouched.
    state.verdict = 'skipped';
    state.kinds = new Set(['language']);
    state.log = new EditLog(text);
    return state;
  }

  // Uncertain lines (a caption whose credit is not conclusive) are only suggested.
  const boilerplate = timed('boilerplate', () => findBoilerplate(log.text));
  const remove = options.keepBoilerplate ? [] : boilerplate.filter((e) => !e.suggestion);
  if (boilerplate.some((e) => !e.suggestion)) state.kinds.add('boilerplate');
  state.suggestions.push(...boilerplate.filter((e) => !remove.includes(e)).map((e) => mapSuggestion(log, e)));
  log.apply(remove);
  return state;
}

/** Maps an edit proposed on the current text to original offsets without applying it. */
export function mapSuggestion(log: EditLog, e: Edit): Edit {
  return { ...log.map(e), suggestion: true };
}
