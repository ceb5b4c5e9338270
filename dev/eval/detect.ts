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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from './corpus.js';
import { loadReport, loadSpinner, num, parseRunnerArgs, pct, readJson, readTexts, rel, runCli, table, writeSet } from './run.js';
import { scoreDetection, type DetectionScore } from './score.js';
import { buildDetectionSet, SPLITS, type DetectionTruth } from './sets.js';

const USAGE = `usage: npx tsx dev/eval/detect.ts [--n N] [--seed S] [--settings light,medium,heavy]
       [--generate-only | --score-only] [--fake-spinner] [--cli PATH] [--out DIR]`;

async function main(): Promise<number> {
  const opts = parseRunnerArgs(process.argv.slice(2), 25, USAGE);
  let failed = false;
  const results: Record<string, unknown> = {};

  if (opts.mode !== 'score-only') {
    const t0 = performance.now();
    const { spin, name } = await loadSpinner(opts.fakeSpinner);
    const pool = loadCorpus();
    for (const setting of opts.settings) {
      const set = buildDetectionSet(pool, { setting, n: opts.n, seed: opts.seed, spinnerName: name }, spin);
      const dir = join(opts.outRoot, setting.name);
      writeSet(dir, set);
      for (const w of set.warnings) console.warn(`warning [${setting.name}]: ${w}`);
      const docs = set.truth.documents;
      console.log(
        `${setting.name}: ${docs.length} documents (${docs.filter((d) => d.spun).length} spun) → ${rel(dir)}/docs, truth.json`,
      );
    }
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s with spinner ${name}`);
    if (opts.mode === 'generate-only') return 0;
    if (!existsSync(opts.cli)) {
      console.error(`${rel(opts.cli)} not found: build the pipeline first (npm run build), or use --generate-only`);
      return 1;
    }
  }

  for (const setting of opts.settings) {
    const dir = join(opts.outRoot, setting.name);
    const runDir = join(dir, 'run');
    let seconds: number | null = null;
    if (opts.mode === 'full') {
      const r = runCli(opts.cli, join(dir, 'docs'), runDir);
      seconds = r.seconds;
      if (!r.ok) {
        console.error(`${setting.name}: the CLI failed (${r.detail}) after ${r.seconds} s`);
        results[setting.name] = { rate: setting.rate, error: r.detail, cliSeconds: seconds };
        failed = true;
        continue;
      }
      if (r.detail !== 'ok') console.warn(`${setting.name}: ${r.detail}`);
    }
    const reportPath = join(runDir, 'report.json');
    if (!existsSync(reportPath)) {
      console.error(`${setting.name}: ${rel(reportPath)} not found`);
      failed = true;
      continue;
    }
    const truth = readJson<DetectionTruth>(join(dir, 'truth.json'));
    const score = scoreDetection(truth, loadReport(reportPath), readTexts(join(dir, 'docs')));
    results[setting.name] = { rate: setting.rate, cliSeconds: seconds, spinner: truth.spinner, ...score };
    printSetting(setting.name, setting.rate, score, seconds);
  }

  mkdirSync(opts.outRoot, { recursive: true });
  const outFile = join(opts.outRoot, 'detect.json');
  writeFileSync(outFile, JSON.stringify({ kind: 'detection', seed: opts.seed, n: opts.n, settings: results }, null, 1) + '\n');
  console.log(`\nwrote ${rel(outFile)}`);
  return failed ? 1 : 0;
}

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

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
