/**
 * Signal `rare-synonym`: a content word that is a less common member of a synset whose
 * other member is a much more common word ("anticipated" for "expected", "utilize" for
 * "use"). The per-word evidence is the log likelihood ratio of synonyms.ts, computed
 * once per word form; capitalized words inside a sentence are left to titles.ts.
 */
import { profileAt } from './synonyms.js';
import { CAP, FUNC, HAS_DIGIT, NUM, SENT_START, type Doc, type Finding } from './types.js';

/** Evidence (log LR) at which a word is reported; strength grows from there. */
export const RARE_MIN_EVIDENCE = 2.0;

/** Can word i be a spun content word that this signal judges? */
export function judgeable(doc: Doc, i: number): boolean {
  const f = doc.flags[i];
  if (f & (FUNC | NUM | HAS_DIGIT)) return false;
  if (f & CAP && !(f & SENT_START)) return false;
  return doc.lower[i].length >= 3;
}

/** Log LR per word (0 for words not judged). */
export function rareEvidence(doc: Doc): Float32Array {
  const out = new Float32Array(doc.lower.length);
  for (let i = 0; i < doc.lower.length; i++) {
    if (!judgeable(doc, i)) continue;
    const e = profileAt(doc, i).evidence;
    if (e > 0) out[i] = e;
  }
  return out;
}

export function strengthOf(e: number, min: number): number {
  return e <= min ? 0 : Math.min(0.95, 0.3 + 0.15 * (e - min));
}

export function rareSynonymFindings(doc: Doc, evidence: Float32Array = rareEvidence(doc)): Finding[] {
  const out: Finding[] = [];
  const words = doc.seg.words;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i];
    if (e < RARE_MIN_EVIDENCE) continue;
    const w = words[i];
    out.push({ start: w.start, end: w.end, signal: 'rare-synonym', strength: strengthOf(e, RARE_MIN_EVIDENCE - 0.5), sentence: w.sentence });
  }
  return out;
}
