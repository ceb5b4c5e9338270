/**
 * Restoration eval on story clusters: generates out/eval/restore/<setting>/{docs/*.txt,
 * truth.json} (spun articles with 1–2 cleaner reference articles each), runs the CLI,
 * scores the restored wording against the originals and writes out/eval/restore.json.
 * Every figure is given for the tune and the held-out split, and the token error
 * reduction separately for sourced sentences (their original is in a reference) and
 * unsourced ones.
 *
 *   npx tsx dev/eval/restore.ts [--n 15] [--seed 1] [--settings light,medium,heavy]
 *                               [--generate-only | --score-only] [--fake-spinner]
 *                               [--cli dist/pipeline/cli.js] [--out out/eval]
 */
import { join } from 'node:path';
import { exitWith, num, pct, runEval, table } from './run.js';
import { scoreRestore, type RestoreScore } from './score.js';
import { buildRestoreSet, SPLITS, type RestoreTruth } from './sets.js';

const USAGE = `usage: npx tsx dev/eval/restore.ts [--n CLUSTERS] [--seed S] [--settings light,medium,heavy]
       [--generate-only | --score-only] [--fake-spinner] [--cli PATH] [--out DIR]`;

exitWith(
  runEval<RestoreTruth, Record<string, RestoreScore>>({
    usage: USAGE,
    defaultN: 15,
    root: (outRoot) => join(outRoot, 'restore'),
    build(pool, setting, opts, spin, spinnerName) {
      const set = buildRestoreSet(pool, { setting, clusters: opts.n, seed: opts.seed, spinnerName }, spin);
      const sents = set.truth.clusters.flatMap((c) => c.sentences);
      return {
        set,
        describe:
          `${set.truth.clusters.length} clusters, ${set.truth.references.length} references, ` +
          `${sents.filter((s) => s.sourced).length}/${sents.length} spun sentences sourced`,
      };
    },
    score: scoreRestore,
    print: printSetting,
    output: (opts) => ({ file: 'restore.json', head: { kind: 'restore', seed: opts.seed, clusters: opts.n } }),
  }),
);

function printSetting(name: string, rate: number, score: Record<string, RestoreScore>, seconds: number | null): void {
  console.log(`\n== restoration: ${name} (rate ${rate})${seconds === null ? '' : `, CLI ${seconds} s`}`);
  const fixed = (t: RestoreScore['sourced']): string =>
    `${t.fixedSentences}/${t.wrongSentences}${t.brokenSentences ? ` (+${t.brokenSentences} broken)` : ''}`;
  const rows = SPLITS.map((split) => {
    const s = score[split];
    return {
      split,
      clusters: `${s.clusters}`,
      'err red sourced': pct(s.sourced.reduction),
      'err red unsourced': pct(s.unsourced.reduction),
      'err red all': pct(s.all.reduction),
      'fixed sourced': fixed(s.sourced),
      'fixed unsourced': fixed(s.unsourced),
      'edit P': pct(s.edits.precision),
      'edit R': pct(s.edits.recall),
      'help/neut/harm': `${s.edits.helpful}/${s.edits.neutral}/${s.edits.harmful}`,
      'S flagged': pct(s.spunFlagged),
      'ref chg/1k': `${num(s.references.restoreChangedWordsPer1k)} (${num(s.references.changedWordsPer1k)})`,
      'ref flagged': `${s.references.flaggedSpun}/${s.references.docs}`,
      missing: `${s.hygiene.missing}`,
    };
  });
  console.log(table(rows));
  const errs = SPLITS.map((split) => {
    const s = score[split];
    return {
      split,
      'sourced errors spun→restored': `${s.sourced.spunErrors}→${s.sourced.restoredErrors}`,
      'unsourced errors spun→restored': `${s.unsourced.spunErrors}→${s.unsourced.restoredErrors}`,
      sentences: `${s.sourced.sentences} sourced, ${s.unsourced.sentences} unsourced`,
    };
  });
  console.log(table(errs));
  for (const split of SPLITS) {
    const h = score[split].hygiene;
    if (h.invalidEdits + h.overlappingEdits > 0) {
      console.log(`${split}: ${h.invalidEdits} edits do not match the text, ${h.overlappingEdits} overlap (left out)`);
    }
  }
}
