/**
 * Detection eval: generates out/eval/<setting>/{docs/*.txt,truth.json} for each spin
 * setting, runs the CLI on each corpus, scores report.json against the truth and writes
 * out/eval/detect.json. Every figure is given for the tune and the held-out split.
 *
 *   npx tsx dev/eval/detect.ts [--n 25] [--seed 1] [--settings light,medium,heavy]
 *                              [--generate-only | --score-only] [--fake-spinner]
 *                              [--cli dist/pipeline/cli.js] [--out out/eval]
 *
 * --score-only scores the sets and the report.json already under out/eval/<setting>/run/
 * (e.g. a hand-made report) without generating or running anything.
 */
import { exitWith, num, pct, runEval, table } from './run.js';
import { scoreDetection, type DetectionScore } from './score.js';
import { buildDetectionSet, SPLITS, type DetectionTruth } from './sets.js';

const USAGE = `usage: npx tsx dev/eval/detect.ts [--n N] [--seed S] [--settings light,medium,heavy]
       [--generate-only | --score-only] [--fake-spinner] [--cli PATH] [--out DIR]`;

exitWith(
  runEval<DetectionTruth, Record<string, DetectionScore>>({
    usage: USAGE,
    defaultN: 25,
    root: (outRoot) => outRoot,
    build(pool, setting, opts, spin, spinnerName) {
      const set = buildDetectionSet(pool, { setting, n: opts.n, seed: opts.seed, spinnerName }, spin);
      const docs = set.truth.documents;
      return { set, describe: `${docs.length} documents (${docs.filter((d) => d.spun).length} spun)` };
    },
    score: scoreDetection,
    print: printSetting,
    output: (opts) => ({ file: 'detect.json', head: { kind: 'detection', seed: opts.seed, n: opts.n } }),
  }),
);

function printSetting(name: string, rate: number, score: Record<string, DetectionScore>, seconds: number | null): void {
  console.log(`\n== detection: ${name} (rate ${rate})${seconds === null ? '' : `, CLI ${seconds} s`}`);
  const rows = SPLITS.map((split) => {
    const s = score[split];
    return {
      split,
      docs: `${s.documents.n}`,
      'doc acc': pct(s.documents.accuracy),
      'doc P': pct(s.documents.precision),
      'doc R': pct(s.documents.recall),
      'clean FPR': pct(s.documents.fpr),
      'sent P': pct(s.sentences.precision),
      'sent R': pct(s.sentences.recall),
      'sent F1': pct(s.sentences.f1),
      'clean chg/1k': `${num(s.clean.restoreChangedWordsPer1k)} (${num(s.clean.changedWordsPer1k)})`,
      'edit P': pct(s.spunEdits.precision),
      'edit R': pct(s.spunEdits.recall),
      'err red': pct(s.spunErrors.reduction),
      missing: `${s.hygiene.missing}`,
    };
  });
  console.log(table(rows));
  console.log('clean chg/1k: words changed per 1000 in clean documents by the restore stage (all stages)');
  const bySource = SPLITS.flatMap((split) =>
    Object.entries(score[split].bySource).map(([src, c]) => ({
      split,
      source: src,
      docs: `${c.n}`,
      acc: pct(c.accuracy),
      recall: pct(c.recall),
      FPR: pct(c.fpr),
    })),
  );
  console.log(table(bySource));
  for (const split of SPLITS) {
    const h = score[split].hygiene;
    if (h.invalidEdits + h.overlappingEdits > 0) {
      console.log(`${split}: ${h.invalidEdits} edits do not match the text, ${h.overlappingEdits} overlap (left out)`);
    }
  }
}
