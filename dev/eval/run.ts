/**
 * Shared plumbing of the eval runners (detect.ts, restore.ts): options, the spinner,
 * writing a set, running the CLI, reading the report, printing tables.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus, REPO_ROOT, type CleanDoc } from './corpus.js';
import { fakeSpin } from './fake-spin.js';
import type { PipelineReport } from './report.js';
import { SETTINGS, type BuiltSet, type Setting, type Spinner } from './sets.js';

export interface RunnerOptions {
  settings: Setting[];
  seed: number;
  /** Documents per class per split (detect) or clusters per split (restore). */
  n: number;
  outRoot: string;
  cli: string;
  mode: 'full' | 'generate-only' | 'score-only';
  fakeSpinner: boolean;
}

export function parseRunnerArgs(argv: string[], defaultN: number, usage: string): RunnerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      seed: { type: 'string' },
      settings: { type: 'string' },
      out: { type: 'string' },
      cli: { type: 'string' },
      'generate-only': { type: 'boolean' },
      'score-only': { type: 'boolean' },
      'fake-spinner': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const names = (values.settings ?? SETTINGS.map((s) => s.name).join(',')).split(',').filter(Boolean);
  const settings = names.map((n) => {
    const s = SETTINGS.find((x) => x.name === n);
    if (!s) throw new Error(`unknown setting ${n} (known: ${SETTINGS.map((x) => x.name).join(', ')})`);
    return s;
  });
  const int = (v: string | undefined, d: number): number => {
    const x = v === undefined ? d : Number(v);
    if (!Number.isInteger(x) || x < 0) throw new Error(`not a non-negative integer: ${v}`);
    return x;
  };
  return {
    settings,
    seed: int(values.seed, 1),
    n: int(values.n, defaultN),
    outRoot: values.out ?? join(REPO_ROOT, 'out', 'eval'),
    cli: values.cli ?? join(REPO_ROOT, 'dist', 'pipeline', 'cli.js'),
    mode: values['score-only'] ? 'score-only' : values['generate-only'] ? 'generate-only' : 'full',
    fakeSpinner: values['fake-spinner'] === true,
  };
}

/** The real spinner (dev/spin.ts), or the fake one when asked for. */
export async function loadSpinner(fake: boolean): Promise<{ spin: Spinner; name: string }> {
  if (fake) return { spin: fakeSpin, name: 'fake (dev/eval/fake-spin.ts)' };
  const path = join(REPO_ROOT, 'dev', 'spin.ts');
  if (!existsSync(path)) {
    throw new Error('dev/spin.ts does not exist yet: pass --fake-spinner to try the eval with the stand-in spinner');
  }
  const mod = (await import(pathToFileURL(path).href)) as { spin?: unknown; default?: { spin?: unknown } };
  const spin = mod.spin ?? mod.default?.spin;
  if (typeof spin !== 'function') throw new Error('dev/spin.ts does not export a function `spin`');
  return { spin: spin as Spinner, name: 'dev/spin.ts' };
}

/** Writes `<dir>/docs/*.txt` and `<dir>/truth.json`, replacing what was there. */
export function writeSet(dir: string, set: BuiltSet<unknown>): void {
  rmSync(join(dir, 'docs'), { recursive: true, force: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  for (const [file, text] of set.files) writeFileSync(join(dir, 'docs', file), text);
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(set.truth, null, 1) + '\n');
}

export function readTexts(docsDir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of readdirSync(docsDir).sort()) {
    if (f.endsWith('.txt')) m.set(f, readFileSync(join(docsDir, f), 'utf8'));
  }
  return m;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Runs `node <cli> <docsDir> --out <outDir> --quiet`; returns whether it succeeded and how long it took. */
export function runCli(cli: string, docsDir: string, outDir: string): { ok: boolean; seconds: number; detail: string } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, docsDir, '--out', outDir, '--quiet'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  if (r.error) return { ok: false, seconds, detail: String(r.error) };
  const written = existsSync(join(outDir, 'report.json'));
  // Exit 1: some inputs failed, the rest is in the report (failed ones count as missing).
  if (r.status === 1 && written) return { ok: true, seconds, detail: 'exit 1: some documents failed (see stderr)' };
  if (r.status !== 0) return { ok: false, seconds, detail: `exit ${r.status ?? r.signal}` };
  if (!written) return { ok: false, seconds, detail: 'no report.json written' };
  return { ok: true, seconds, detail: 'ok' };
}

export function loadReport(path: string): PipelineReport {
  const r = readJson<PipelineReport>(path);
  if (!r || !Array.isArray(r.documents)) throw new Error(`${path}: not a report (no documents array)`);
  return r;
}

export const rel = (p: string): string => relative(process.cwd(), p) || '.';

// ---------------------------------------------------------------- formatting

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);
export const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(digits);

/** A plain aligned text table. */
export function table(rows: ReadonlyArray<Record<string, string>>): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ').trimEnd();
  return [line(cols), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => r[c] ?? '')))].join('\n');
}

/** What differs between the eval runners: how a set is built, scored and printed. */
export interface EvalSpec<Truth extends { spinner: string }, Score> {
  usage: string;
  defaultN: number;
  /** Where the sets go under the output root (out/eval or out/eval/restore). */
  root(outRoot: string): string;
  /** One setting's set and a line describing it. */
  build(pool: CleanDoc[], setting: Setting, opts: RunnerOptions, spin: Spinner, spinnerName: string): { set: BuiltSet<Truth>; describe: string };
  score(truth: Truth, report: PipelineReport, texts: Map<string, string>): Score;
  print(name: string, rate: number, score: Score, seconds: number | null): void;
  /** The results file (under the output root) and the fields before `settings`. */
  output(opts: RunnerOptions): { file: string; head: Record<string, unknown> };
}

/**
 * An eval run: generates each setting's set (unless --score-only), runs the CLI on it
 * (unless --generate-only or --score-only), scores its report against the truth, prints
 * the tables and writes the results file. Exit code 1 if any setting failed.
 */
export async function runEval<Truth extends { spinner: string }, Score extends object>(spec: EvalSpec<Truth, Score>): Promise<number> {
  const opts = parseRunnerArgs(process.argv.slice(2), spec.defaultN, spec.usage);
  const root = spec.root(opts.outRoot);
  let failed = false;
  const results: Record<string, unknown> = {};

  if (opts.mode !== 'score-only') {
    const t0 = performance.now();
    const { spin, name } = await loadSpinner(opts.fakeSpinner);
    const pool = loadCorpus();
    for (const setting of opts.settings) {
      const { set, describe } = spec.build(pool, setting, opts, spin, name);
      const dir = join(root, setting.name);
      writeSet(dir, set);
      for (const w of set.warnings) console.warn(`warning [${setting.name}]: ${w}`);
      console.log(`${setting.name}: ${describe} → ${rel(dir)}/docs, truth.json`);
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
    const truth = readJson<Truth>(join(dir, 'truth.json'));
    const score = spec.score(truth, loadReport(reportPath), readTexts(join(dir, 'docs')));
    results[setting.name] = { rate: setting.rate, cliSeconds: seconds, spinner: truth.spinner, ...score };
    spec.print(setting.name, setting.rate, score, seconds);
  }

  mkdirSync(opts.outRoot, { recursive: true });
  const { file, head } = spec.output(opts);
  const outFile = join(opts.outRoot, file);
  writeFileSync(outFile, JSON.stringify({ ...head, settings: results }, null, 1) + '\n');
  console.log(`\nwrote ${rel(outFile)}`);
  return failed ? 1 : 0;
}

/** Runs an eval's main and exits with its code (1 with the message on an exception). */
export function exitWith(main: Promise<number>): void {
  main.then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
