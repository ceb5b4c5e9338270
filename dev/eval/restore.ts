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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from './corpus.js';
import { loadReport, loadSpinner, num, parseRunnerArgs, pct, readJson, readTexts, rel, runCli, table, writeSet } from './run.js';
import { scoreRestore, type RestoreScore } from './score.js';
import { buildRestoreSet, SPLITS, type RestoreTruth } from './sets.js';

const USAGE = `usage: npx tsx dev/eval/restore.ts [--n CLUSTERS] [--seed S] [--settings light,medium,heavy]
       [--generate-only | --score-only] [--fake-spinner] [--cli PATH] [--out DIR]`;

async function main(): Promise<number> {
  const opts = parseRunnerArgs(process.argv.slice(2), 15, USAGE);
  const root = join(opts.outRoot, 'restore');
  let failed = false;
  const results: Record<string, unknown> = {};

  if (opts.mode !== 'score-only') {
    const t0 = performance.now();
    const { spin, name } = await loadSpinner(opts.fakeSpinner);
    const pool = loadCorpus();
    for (const setting of opts.settings) {
      const set = buildRestoreSet(pool, { setting, clusters: opts.n, seed: opts.seed, spinnerName: name }, spin);
      const dir = join(root, setting.name);
      writeSet(dir, set);
      for (const w of set.warnings) console.warn(`warning [${setting.name}]: ${w}`);
      const sents = set.truth.clusters.flatMap((c) => c.sentences);
      console.log(
        `${setting.name}: ${set.truth.clusters.length} clusters, ${set.truth.references.length} references, ` +
          `${sents.filter((s) => s.sourced).length}/${sents.length} spun sentences sourced → ${rel(dir)}/docs, truth.json`,
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
    const dir = join(root, setting.name);
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
    const truth = readJson<RestoreTruth>(join(dir, 'truth.json'));
    const score = scoreRestore(truth, loadReport(reportPath), readTexts(join(dir, 'docs')));
    results[setting.name] = { rate: setting.rate, cliSeconds: seconds, spinner: truth.spinner, ...score };
    printSetting(setting.name, setting.rate, score, seconds);
  }

  mkdirSync(opts.outRoot, { recursive: true });
  const outFile = join(opts.outRoot, 'restore.json');
  writeFileSync(outFile, JSON.stringify({ kind: 'restore', seed: opts.seed, clusters: opts.n, settings: results }, null, 1) + '\n');
  console.log(`\nwrote ${rel(outFile)}`);
  return failed ? 1 : 0;
}

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

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
