/**
 * `make bench`: how fast unspin is, and how its time and memory grow with the corpus.
 *
 *   npx tsx dev/bench.ts                 # 20 MB: files + JSON Lines, stages, ftfy (~5 min on 2 cores, +1 min the first time)
 *   npx tsx dev/bench.ts --quick         # 20 MB, files mode only, smaller samples (~3 min)
 *   npx tsx dev/bench.ts --full          # 20, 80 and 320 MB: ~45 min (measured 2026-11; at 320 MB files mode ran out of memory after 14 min)
 *   npx tsx dev/bench.ts --sizes 20,80 [--timeout 60] [--stage-mb 4] [--mojibake-mb 20] [--no-ftfy]
 *
 * 1. Corpora (dev/bench/corpus.ts): deterministic news-like documents under
 *    out/bench/<size>mb/ (docs/*.txt and docs.jsonl), cached across runs.
 * 2. End to end: the built CLI (dist/pipeline/cli.js, `make build`) on each corpus, as
 *    files and as JSON Lines: wall time, MB/s, documents/s, CPU time, peak RSS; growth
 *    of time between sizes; with --workers, if the CLI has it, the speed-up of 2 workers.
 * 3. Stages in-process (dev/bench/stages.ts): normalize over the smallest corpus;
 *    detection, pass 1 and the corpus stages over a prefix of it (`--stage-mb 4,16`:
 *    over prefixes of several sizes, to see which stage grows faster than the input).
 * 4. One long document (dev/bench/long-document.ts): the smallest corpus's texts joined
 *    into one line of 2 and of 4 MB, one thread: time must grow linearly with length.
 * 5. ftfy (dev/bench/ftfy.ts): speed on a mojibake corpus and exact repairs of known cases.
 * Prints tables and writes out/bench/bench.json (rewritten after every step). There are
 * no timed assertions: this is a measurement, not a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './eval/corpus.js';
import { cliHelp, runCli, snapshotBuild, type CliRun } from './bench/cli-run.js';
import { defaultParams, ensureCorpus, readLabels, type Manifest } from './bench/corpus.js';
import { compareWithFtfy, type FtfyComparison } from './bench/ftfy.js';
import type { StageResult } from './bench/stages.js';
import { measureLongDocument, type LongDocumentRun } from './bench/long-document.js';
import { num, table, type Cell } from './bench/table.js';
import { crosstab, readJsonlOutput, readReport, type Crosstab } from './bench/verdicts.js';

interface Args {
  sizes: number[];
  quick: boolean;
  jsonl: boolean;
  seed: number;
  timeoutMin: number;
  stageMB: number[];
  mojibakeMB: number;
  ftfy: boolean;
  keepOutputs: boolean;
  snapshot: boolean;
  out: string;
}

function parse(): Args {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      'no-jsonl': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string' },
      'stage-mb': { type: 'string' },
      'mojibake-mb': { type: 'string' },
      'no-ftfy': { type: 'boolean', default: false },
      'keep-outputs': { type: 'boolean', default: false },
      'no-snapshot': { type: 'boolean', default: false },
      out: { type: 'string', default: join(REPO_ROOT, 'out', 'bench') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npx tsx dev/bench.ts [--quick | --full | --sizes 20,80,320] [--no-jsonl] [--timeout MIN] [--stage-mb N] [--mojibake-mb N] [--no-ftfy] [--keep-outputs] [--no-snapshot] [--seed N] [--out DIR]\n',
    );
    process.exit(0);
  }
  const quick = values.quick!;
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.full ? [20, 80, 320] : [20];
  if (!sizes.every((s) => Number.isFinite(s) && s > 0)) throw new Error('--sizes takes sizes in MB, e.g. 20,80,320');
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    quick,
    jsonl: !values['no-jsonl'] && !quick,
    seed: Number(values.seed),
    timeoutMin: values.timeout ? Number(values.timeout) : 120,
    stageMB: values['stage-mb'] ? values['stage-mb'].split(',').map(Number) : [quick ? 2 : 4],
    mojibakeMB: values['mojibake-mb'] ? Number(values['mojibake-mb']) : quick ? 10 : 20,
    ftfy: !values['no-ftfy'],
    keepOutputs: values['keep-outputs']!,
    snapshot: !values['no-snapshot'],
    out: values.out!,
  };
}

interface SizeResult {
  sizeMB: number;
  dir: string;
  manifest: Manifest;
  corpusCached: boolean;
  runs: Array<CliRun & { mode: string; mbPerS?: number; docsPerS?: number; crosstab?: Crosstab }>;
}

interface BenchResult {
  when: string;
  machine: { cpus: number; cpuModel: string; memGB: number; node: string; loadavgAtStart: number[] };
  repo: { commit?: string; dirty?: boolean; distBuilt?: string; detectModel?: string; detectModelChanged?: boolean; distRebuilt?: boolean };
  args: Args;
  workers: string;
  startup?: CliRun;
  sizes: SizeResult[];
  growth: Array<{ mode: string; from: number; to: number; sizeRatio: number; timeRatio: number; cpuRatio?: number; rssRatio?: number }>;
  stages: Array<StageResult & { corpusMB: number }>;
  /** One long single-line document at two lengths (dev/bench/long-document.ts). */
  longDocument?: LongDocumentRun[];
  ftfy?: FtfyComparison;
}

const log = (m: string) => process.stderr.write(m + '\n');

/** The detection model's hash: it is data read at run time, and tuned while others work. */
function modelHash(): string | undefined {
  const f = join(REPO_ROOT, 'data', 'detect', 'model.json');
  return existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 12) : undefined;
}

function gitInfo(): { commit?: string; dirty?: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'pipeline', 'data'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const args = parse();
  const cli = join(REPO_ROOT, 'dist', 'pipeline', 'cli.js');
  if (!existsSync(cli)) {
    log('dist/pipeline/cli.js is missing: run `make build` (or `make bench`) first');
    process.exit(2);
  }
  mkdirSync(args.out, { recursive: true });
  const result: BenchResult = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memGB: Math.round(totalmem() / 2 ** 30), node: process.version, loadavgAtStart: loadavg().map((x) => Number(x.toFixed(2))) },
    repo: { ...gitInfo(), distBuilt: statSync(cli).mtime.toISOString(), detectModel: modelHash() },
    args,
    workers: 'not available',
    sizes: [],
    growth: [],
    stages: [],
  };
  const save = () => writeFileSync(join(args.out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
  // The CLI runs from a copy of dist/ and data/detect/ (see snapshotBuild), unless --no-snapshot.
  const root = args.snapshot ? snapshotBuild(REPO_ROOT, join(REPO_ROOT, 'out', 'bench', 'snapshot')) : REPO_ROOT;
  const timeoutS = args.timeoutMin * 60;
  log(`unspin bench: sizes ${args.sizes.join(', ')} MB${args.quick ? ' (quick)' : ''}; ${result.machine.cpus} CPUs, node ${process.version}, load ${result.machine.loadavgAtStart.join(' ')}`);
  if (args.sizes.some((s) => s > 20)) log('  (sizes over 20 MB take long: tens of minutes to hours, and may run out of memory; see bench.json as it goes)');

  // Options.
  const help = await cliHelp(REPO_ROOT, root);
  const hasWorkers = /--workers\b/.test(help);
  result.workers = hasWorkers ? 'available' : 'not available';

  // Fixed cost: one small document.
  const tiny = join(args.out, 'startup');
  rmSync(tiny, { recursive: true, force: true });
  mkdirSync(join(tiny, 'docs'), { recursive: true });
  writeFileSync(join(tiny, 'docs', 'a.txt'), 'The committee met on Tuesday and approved the budget for the coming year.\nIt will vote again in March.');
  result.startup = await runCli(REPO_ROOT, [join(tiny, 'docs'), '--out', join(tiny, 'run'), '--quiet'], { timeoutS: 300, outDir: tiny, root });
  log(`startup (1 tiny document): ${result.startup.wallS.toFixed(2)} s, peak RSS ${num(result.startup.peakRssMB, 0)} MB`);

  for (const sizeMB of args.sizes) {
    log(`\n== ${sizeMB} MB`);
    const params = defaultParams(sizeMB, args.seed);
    const { dir, manifest, cached } = await ensureCorpus(args.out, params, log);
    log(`corpus ${dir}: ${manifest.docs} documents, ${(manifest.bytes / 1e6).toFixed(1)} MB${cached ? ' (cached)' : ` (generated in ${(manifest.generatedMs / 1000).toFixed(0)} s)`}`);
    const sr: SizeResult = { sizeMB, dir, manifest, corpusCached: cached, runs: [] };
    result.sizes.push(sr);
    const labels = readLabels(dir);
    const modes: Array<{ mode: string; args: (o: string) => string[]; judged: (o: string) => Promise<Map<string, { verdict: string; kinds: string[] }>> }> = [];
    const files = (extra: string[]) => (o: string) => [join(dir, 'docs'), '--out', o, '--quiet', ...extra];
    // With worker threads, files mode runs on 1 and on 2 threads (the default on 2 cores): the speed-up.
    // The 1-thread run also prints its stage times (--timings): what detection costs.
    if (hasWorkers) for (const w of [1, 2]) modes.push({ mode: `files --workers ${w}`, args: files(['--workers', String(w), ...(w === 1 ? ['--timings'] : [])]), judged: (o) => readReport(join(o, 'report.json')) });
    else modes.push({ mode: 'files', args: files([]), judged: (o) => readReport(join(o, 'report.json')) });
    // The skeleton pipeline (no spin detection, no restoration), end to end on the same thread
    // count: the base that detection's cost is measured against.
    if (hasWorkers && /--no-spin\b/.test(help)) modes.push({ mode: 'files --no-spin --workers 1', args: files(['--no-spin', '--workers', '1']), judged: (o) => readReport(join(o, 'report.json')) });
    if (args.jsonl) {
      const jsonl = (extra: string[]) => (o: string) => ['--jsonl', join(dir, 'docs.jsonl'), '--out', o, '--quiet', ...extra];
      modes.push({ mode: 'jsonl', args: jsonl([]), judged: (o) => readJsonlOutput(join(o, 'clean.jsonl')) });
      // Streaming, each record alone: memory should not grow with the number of records.
      if (/--per-record\b/.test(help)) modes.push({ mode: 'jsonl --per-record', args: jsonl(['--per-record']), judged: (o) => readJsonlOutput(join(o, 'clean.jsonl')) });
    }
    for (const m of modes) {
      const o = join(dir, `run-${m.mode.replace(/[^a-z0-9]+/g, '-')}`);
      rmSync(o, { recursive: true, force: true });
      mkdirSync(o, { recursive: true });
      log(`run ${m.mode}: node dist/pipeline/cli.js ${m.args(o).map((a) => a.replace(REPO_ROOT + '/', '')).join(' ')}`);
      const run = await runCli(REPO_ROOT, m.args(o), { timeoutS, outDir: o, root });
      const ok = run.status === 'ok' || (run.status === 'failed' && run.exitCode === 1);
      const entry: SizeResult['runs'][number] = {
        ...run,
        mode: m.mode,
        mbPerS: ok ? manifest.bytes / 1e6 / run.wallS : undefined,
        docsPerS: ok ? manifest.docs / run.wallS : undefined,
      };
      if (ok) entry.crosstab = crosstab(labels, await m.judged(o));
      sr.runs.push(entry);
      log(
        `  ${run.status}${run.exitCode ? ` (exit ${run.exitCode})` : ''}${run.signal ? ` (${run.signal})` : ''}: ${run.wallS.toFixed(1)} s` +
          `${entry.mbPerS ? `, ${entry.mbPerS.toFixed(3)} MB/s, ${entry.docsPerS!.toFixed(1)} docs/s` : ''}, peak RSS ${num(run.peakRssMB, 0)} MB` +
          `${run.userS !== undefined ? `, CPU ${(run.userS + run.sysS!).toFixed(1)} s` : ''}`,
      );
      if (run.stderrTail) log(run.stderrTail.replace(/^/gm, '    | '));
      if (!args.keepOutputs) rmSync(o, { recursive: true, force: true });
      save();
    }
  }

  // One long document, cut from the smallest corpus: its time must be linear in its length.
  if (!args.quick && result.sizes.length > 0) {
    log('\n== one long document (a single line, --workers 1)');
    result.longDocument = await measureLongDocument(REPO_ROOT, root, join(result.sizes[0].dir, 'docs'), args.out, [2, 4], timeoutS, log);
    save();
  }

  // Growth between consecutive sizes, per mode.
  for (let i = 1; i < result.sizes.length; i++) {
    const a = result.sizes[i - 1];
    const b = result.sizes[i];
    for (const rb of b.runs) {
      const ra = a.runs.find((r) => r.mode === rb.mode);
      if (!ra?.mbPerS || !rb.mbPerS) continue;
      result.growth.push({
        mode: rb.mode,
        from: a.sizeMB,
        to: b.sizeMB,
        sizeRatio: b.manifest.bytes / a.manifest.bytes,
        timeRatio: rb.wallS / ra.wallS,
        cpuRatio: ra.userS !== undefined && rb.userS !== undefined ? (rb.userS + rb.sysS!) / (ra.userS + ra.sysS!) : undefined,
        rssRatio: ra.peakRssMB && rb.peakRssMB ? rb.peakRssMB / ra.peakRssMB : undefined,
      });
    }
  }
  save();

  // Stages in-process, on the smallest corpus.
  const smallest = result.sizes[0];
  for (const sampleMB of args.stageMB) {
    log(`\n== stages in-process (${smallest.sizeMB} MB corpus; detection and corpus stages on a ${sampleMB} MB prefix)`);
    result.stages.push({ ...measureStagesInChild(smallest.dir, sampleMB, args.out), corpusMB: smallest.manifest.bytes / 1e6 });
    save();
  }

  // ftfy.
  if (args.ftfy) {
    log(`\n== ftfy comparison (${args.mojibakeMB} MB mojibake corpus)`);
    result.ftfy = await compareWithFtfy(args.out, args.mojibakeMB, args.seed, log);
    save();
  }

  // Others may rebuild dist/ or retune the model while the bench runs: say so.
  result.repo.detectModelChanged = modelHash() !== result.repo.detectModel;
  result.repo.distRebuilt = !args.snapshot && (!existsSync(cli) || statSync(cli).mtime.toISOString() !== result.repo.distBuilt);
  save();
  process.stdout.write(render(result) + '\n');
  log(`\nwrote ${join(args.out, 'bench.json')}`);
}

/** dev/bench/stages.ts in a fresh process: every sample starts with cold caches, like the CLI. */
function measureStagesInChild(dir: string, sampleMB: number, outDir: string): StageResult {
  const out = join(outDir, `.stages-${sampleMB}.json`);
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'dev', 'bench', 'stages.ts'), dir, String(sampleMB), out], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`dev/bench/stages.ts failed (exit ${r.status ?? r.signal})`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as StageResult;
  rmSync(out, { force: true });
  return result;
}

function render(r: BenchResult): string {
  const out: string[] = [];
  const mb = (b: number) => (b / 1e6).toFixed(1);
  out.push(
    `unspin bench — ${r.when}, ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memGB} GB, node ${r.machine.node}, load at start ${r.machine.loadavgAtStart.join(' ')}` +
      `${r.repo.commit ? `, commit ${r.repo.commit}${r.repo.dirty ? ' + uncommitted pipeline changes' : ''}` : ''}, detect model ${r.repo.detectModel ?? '?'}`,
  );
  if (r.args.snapshot) out.push(`The CLI ran from a snapshot of dist/ (built ${r.repo.distBuilt}) and data/detect/ taken at the start (out/bench/snapshot); the in-process stages import pipeline/ sources as they are.`);
  if (r.repo.detectModelChanged) out.push(`NOTE: data/detect/model.json changed during the run${r.args.snapshot ? ' (the CLI runs used the snapshot; the in-process stages may not have)' : ': verdicts of different runs may come from different models'}.`);
  if (r.repo.distRebuilt) out.push('WARNING: dist/ was rebuilt during the run: runs may have used different builds.');
  if (r.startup) out.push(`CLI startup (1 tiny document): ${r.startup.wallS.toFixed(2)} s, peak RSS ${num(r.startup.peakRssMB, 0)} MB`);

  out.push('', 'End to end (node dist/pipeline/cli.js … --quiet; MB = 10^6 bytes of input):');
  const rows: Cell[][] = [];
  for (const s of r.sizes) {
    for (const run of s.runs) {
      rows.push([
        `${s.sizeMB} MB`,
        run.mode,
        s.manifest.docs,
        mb(s.manifest.bytes),
        num(run.wallS, 1),
        num(run.mbPerS, 3),
        num(run.docsPerS, 1),
        run.userS !== undefined ? num(run.userS + run.sysS!, 1) : undefined,
        num(run.peakRssMB, 0),
        run.status + (run.exitCode ? ` (exit ${run.exitCode})` : ''),
      ]);
    }
  }
  out.push(table(['size', 'mode', 'docs', 'MB', 'wall s', 'MB/s', 'docs/s', 'CPU s', 'peak RSS MB', 'status'], rows));
  if (r.growth.length) {
    out.push('', 'Growth (wall time, CPU time and peak RSS of the larger run ÷ the smaller; linear = the size ratio):');
    out.push(table(['mode', 'sizes', 'size ×', 'time ×', 'CPU ×', 'RSS ×'], r.growth.map((g) => [g.mode, `${g.to}/${g.from} MB`, num(g.sizeRatio, 2), num(g.timeRatio, 2), num(g.cpuRatio, 2), num(g.rssRatio, 2)])));
  } else if (r.sizes.length === 1) out.push('', 'Growth: one size only (run with --full or --sizes 20,80,320 for time(4×)/time(×)).');
  const w = r.sizes.flatMap((s) => s.runs.filter((x) => x.mode.startsWith('files --workers')).map((x) => ({ s: s.sizeMB, x })));
  if (r.workers === 'available' && w.length) {
    out.push('', 'Workers:');
    for (const s of r.sizes) {
      const w1 = s.runs.find((x) => x.mode === 'files --workers 1');
      const w2 = s.runs.find((x) => x.mode === 'files --workers 2');
      if (!w1?.mbPerS || !w2?.mbPerS) continue;
      let line = `  ${s.sizeMB} MB: speed-up with 2 workers ${(w1.wallS / w2.wallS).toFixed(2)}×`;
      // One worker already keeps part of a second core busy (V8's concurrent garbage
      // collection, file I/O): on 2 cores the speed-up cannot pass 2 ÷ the cores it uses.
      if (w1.userS !== undefined && w2.userS !== undefined) {
        const cores1 = (w1.userS + w1.sysS!) / w1.wallS;
        const cores2 = (w2.userS + w2.sysS!) / w2.wallS;
        line += `; cores busy ${cores1.toFixed(2)} with 1 worker, ${cores2.toFixed(2)} with 2; at the same CPU time 2 cores allow at most ${(2 / cores1).toFixed(2)}×`;
      }
      out.push(line);
    }
  } else out.push('', `workers: ${r.workers}`);

  const long = r.longDocument?.filter((x) => x.mbPerS !== undefined) ?? [];
  if (long.length) {
    out.push('', 'One long document (the texts of the smallest corpus joined into one line; 1 worker):');
    out.push(table(['MB', 'wall s', 'MB/s', 'peak RSS MB'], long.map((x) => [num(x.mb, 1), num(x.run.wallS, 1), num(x.mbPerS, 3), num(x.run.peakRssMB, 0)])));
    if (long.length === 2) out.push(`  time × ${(long[1].run.wallS / long[0].run.wallS).toFixed(2)} for length × ${(long[1].mb / long[0].mb).toFixed(2)} (linear: the same)`);
  }

  const detection = detectionCost(r);
  if (detection.length) out.push('', 'Detection vs the skeleton pipeline (1 worker; detection = the detect and cross-document stages of --timings; skeleton = the --no-spin run end to end):', ...detection);

  for (const s of r.sizes) {
    for (const run of s.runs) {
      if (!run.crosstab) continue;
      out.push('', `Verdicts, ${s.sizeMB} MB ${run.mode}, against what the generator injected${run.crosstab.missing ? ` (${run.crosstab.missing} documents missing from the output!)` : ''}:`);
      out.push(
        table(
          ['injected', 'docs', 'judged degraded', 'with kind', 'kind'],
          Object.entries(run.crosstab.rows).map(([k, v]) => [k, v.docs, `${v.degraded} (${((100 * v.degraded) / v.docs).toFixed(0)}%)`, v.expected === '-' ? undefined : `${v.expectedKind} (${((100 * v.expectedKind) / v.docs).toFixed(0)}%)`, v.expected]),
        ),
      );
    }
  }

  if (r.stages.length) {
    out.push('', `Stages in-process (normalize over the ${r.stages[0].corpusMB.toFixed(1)} MB corpus; the rest over its first MB, "sample"):`);
    const rows: Cell[][] = [];
    for (const st of r.stages) {
      const c = st.corpus;
      const sample = `${st.sampleMB.toFixed(1)} MB`;
      rows.push(
        ['normalize', '(all)', mb(st.normalize.bytes), st.normalize.docs, num(st.normalize.seconds, 2), num(st.normalize.mbPerS, 1), num(st.normalize.docsPerS, 0), `${st.normalize.changedDocs} documents changed`],
        ['detect (detectIntrinsic)', sample, mb(st.detect.bytes), st.detect.docs, num(st.detect.seconds, 2), num(st.detect.mbPerS, 3), num(st.detect.docsPerS, 1), `first call ${st.detectFirstCallS.toFixed(2)} s (data load); cold caches`],
        ['normalize + detect', sample, mb(st.normalizeDetect.bytes), st.normalizeDetect.docs, num(st.normalizeDetect.seconds, 2), num(st.normalizeDetect.mbPerS, 3), num(st.normalizeDetect.docsPerS, 1), ''],
        ['pass 1 (analyzeDocument)', sample, mb(st.pass1.bytes), st.pass1.docs, num(st.pass1.seconds, 2), num(st.pass1.mbPerS, 3), num(st.pass1.docsPerS, 1), 'read+normalize+boilerplate+language'],
        ['corpus: intrinsic detect', sample, mb(c.intrinsic.bytes), c.intrinsic.docs, num(c.intrinsic.seconds, 2), num(c.intrinsic.mbPerS, 3), num(c.intrinsic.docsPerS, 1), 'second pass: warm caches'],
        ['corpus: cross-document', sample, mb(c.crossdoc.bytes), c.crossdoc.docs, num(c.crossdoc.seconds, 2), num(c.crossdoc.mbPerS, 3), num(c.crossdoc.docsPerS, 1), `${c.crossdoc.checked} checked, ${c.crossdoc.found} found spun`],
        ['corpus: reference index', sample, mb(c.referenceIndex.bytes), c.referenceIndex.docs, num(c.referenceIndex.seconds, 2), num(c.referenceIndex.mbPerS, 3), num(c.referenceIndex.docsPerS, 1), c.referenceIndex.heapMB !== undefined ? `retains ${c.referenceIndex.heapMB.toFixed(0)} MB heap (${(c.referenceIndex.heapMB / (c.referenceIndex.bytes / 1e6)).toFixed(0)}× the text)` : ''],
        ['corpus: restore', sample, mb(c.restore.bytes), c.restore.docs, num(c.restore.seconds, 2), num(c.restore.mbPerS, 3), num(c.restore.docsPerS, 1), `${c.restore.restored} documents`],
      );
    }
    out.push(table(['stage', 'sample', 'MB', 'docs', 'seconds', 'MB/s', 'docs/s', 'notes'], rows));
    for (let i = 1; i < r.stages.length; i++) {
      const a = r.stages[i - 1];
      const b = r.stages[i];
      const g = (x: number, y: number) => (y / x).toFixed(2);
      out.push(
        `Stage growth, ${a.sampleMB.toFixed(1)} → ${b.sampleMB.toFixed(1)} MB sample (×${(b.sampleMB / a.sampleMB).toFixed(2)} input): time × ` +
          [
            `detect ${g(a.detect.seconds, b.detect.seconds)}`,
            `pass 1 ${g(a.pass1.seconds, b.pass1.seconds)}`,
            `cross-document ${g(a.corpus.crossdoc.seconds, b.corpus.crossdoc.seconds)}`,
            `reference index ${g(a.corpus.referenceIndex.seconds, b.corpus.referenceIndex.seconds)}`,
            `restore ${g(a.corpus.restore.seconds, b.corpus.restore.seconds)} (per restored doc ${g(a.corpus.restore.seconds / a.corpus.restore.docs, b.corpus.restore.seconds / b.corpus.restore.docs)})`,
          ].join(', '),
      );
    }
  }

  if (r.ftfy) {
    const f = r.ftfy;
    out.push('', `Mojibake repair: unspin normalize vs ftfy, ${mb(f.corpus.bytes)} MB, ${f.corpus.docs} documents (${f.corpus.brokenDocs} broken):`);
    const rows: Cell[][] = [['unspin normalizeText', num(f.unspin.seconds, 2), num(f.unspin.mbPerS, 2), f.unspin.changed, '']];
    if (f.ftfy) {
      rows.push([`ftfy ${f.ftfy.version} fix_text, defaults`, num(f.ftfy.default.seconds, 2), num(f.ftfy.default.mbPerS, 2), f.ftfy.default.changed, `unspin ${f.speedRatio!.vsDefault.toFixed(1)}× ftfy's speed`]);
      rows.push([`ftfy fix_text, comparable config`, num(f.ftfy.comparable.seconds, 2), num(f.ftfy.comparable.mbPerS, 2), f.ftfy.comparable.changed, `unspin ${f.speedRatio!.vsComparable.toFixed(1)}×; quotes/width/ligatures kept`]);
    }
    out.push(table(['tool', 'seconds', 'MB/s', 'docs changed', 'ratio'], rows));
    if (f.skipped) out.push(`NOTE: ${f.skipped}`);
    out.push('', 'Known cases restored exactly (ftfy comparable = uncurl_quotes, fix_character_width, fix_latin_ligatures off):');
    out.push(
      table(
        ['kind', 'cases', 'unspin', 'ftfy comparable', 'ftfy defaults'],
        [
          ...f.cases.map((c) => [c.kind, c.cases, c.unspin, c.ftfyComparable, c.ftfyDefault]),
          ['total', f.cases.reduce((a, c) => a + c.cases, 0), f.cases.reduce((a, c) => a + c.unspin, 0), f.ftfy ? f.cases.reduce((a, c) => a + (c.ftfyComparable ?? 0), 0) : undefined, f.ftfy ? f.cases.reduce((a, c) => a + (c.ftfyDefault ?? 0), 0) : undefined],
        ],
      ),
    );
    if (f.unspinMisses.length) {
      out.push('', 'Some cases unspin did not restore (end of text):');
      for (const m of f.unspinMisses) out.push(`  [${m.kind}]\n    input: ${m.broken}\n    got:   ${m.got}\n    want:  ${m.want}`);
    }
  }
  return out.join('\n');
}

/**
 * Detection's time over the skeleton pipeline's. The index data of pass 1 serves both
 * the cross-document check and restoration's reference index, so the ratio is also
 * given with it counted as detection's.
 */
function detectionCost(r: BenchResult): string[] {
  const out: string[] = [];
  for (const s of r.sizes) {
    const full = s.runs.find((x) => x.mode === 'files --workers 1');
    const skeleton = s.runs.find((x) => x.mode === 'files --no-spin --workers 1');
    const t = full?.stages;
    if (!t || t.detect === undefined || !skeleton?.mbPerS) continue;
    const detect = t.detect + (t['cross-document'] ?? 0);
    const index = t.index ?? 0;
    out.push(
      `  ${s.sizeMB} MB: detect ${t.detect.toFixed(2)} s + cross-document ${(t['cross-document'] ?? 0).toFixed(2)} s = ${detect.toFixed(2)} s; ` +
        `skeleton ${skeleton.wallS.toFixed(2)} s wall (${skeleton.mbPerS.toFixed(2)} MB/s) → detection adds ${(detect / skeleton.wallS).toFixed(2)}× the skeleton's time ` +
        `(${((detect + index) / skeleton.wallS).toFixed(2)}× counting the index data, ${index.toFixed(2)} s)`,
    );
  }
  return out;
}

main().catch((err) => {
  log(`bench: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
