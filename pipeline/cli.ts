#!/usr/bin/env node
import { createReadStream, fstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { checkOutDir, collectInputs, insideDir, UsageError } from './corpus/inputs.js';
import { checkTempDir, sweepDeadRuns } from './corpus/temp-dirs.js';
import { AtomicStream } from './corpus/outputs.js';
import { prepareOutDir } from './corpus/out-dir.js';
import type { OutRoot } from './corpus/out-root.js';
import { cleanUpOnSignals, removeTemporaries } from './corpus/cleanup.js';
import { defaultOptions } from './document.js';
import { formatSummary, progressLine } from './report/summary.js';
import { runFiles, runJsonl, type JsonlSink, type RunOptions, type RunResult } from './run.js';
import { formatTimings } from './timings.js';

export const EXIT = { ok: 0, failures: 1, usage: 2, degraded: 3 } as const;

const HELP = `unspin: detect and repair degraded text (spun text, mojibake, boilerplate)

Usage:
  unspin <input>... --out <dir> [options]
  unspin --jsonl <file.jsonl|-> [--out <dir>] [options]
  unspin apply <decisions.json> --report <dir>/report.json --out <dir>
  unspin report <dir>/report.json [--doc <path>]

Inputs are files or directories (recursed for *.txt, *.md and *.markdown; symbolic links and hidden
entries inside a directory are not followed); a file may be a pipe (a FIFO, <(...), /dev/stdin),
named as given (clean/63, clean/stdin). Inputs are never modified.
Writes, atomically (temp file, then rename), never through a symbolic link below <dir>:
  <dir>/clean/<relative path>        the cleaned text
  <dir>/diff/<relative path>.diff    a unified diff, original vs cleaned, for every changed document
  <dir>/report.json                  { version, documents: [...], summary } (see README)
  <dir>/report.html                  a self-contained review page: every change with its evidence,
                                     accept/reject, "Export decisions" for \`unspin apply\`

With --jsonl, inputs are JSON Lines records with "id" and "text" ("-" reads stdin).
Cleaned records go to stdout, or to <dir>/clean.jsonl with --out, every other field
kept and an "unspin" field added ({ verdict, kinds, edits }), in input order. Records
are read in two passes, like files, so spun records are restored from clean ones: they
wait on a temporary file until the input ends. --per-record writes each record as soon
as it is done, judging it alone (no cross-record detection or restoration).

Options:
  -o, --out <dir>          output directory (required for files; optional with --jsonl)
  --jsonl                  inputs are JSON Lines
  --per-record             with --jsonl: stream, each record a corpus of its own
  --keep-boilerplate       report boilerplate lines as suggestions but keep them in the text
  --min-confidence <x>     apply restorations at or above this confidence (default ${defaultOptions.minConfidence}); the rest are suggestions
  --suggest-only           report every restoration as a suggestion; texts keep their wording
  --no-spin                no spin detection or restoration: reading, normalization, language and
                           boilerplate only (the fast pass); report.json's summary says so
  --fail-on degraded       exit 3 when any document is degraded (for CI gates)
  --max-bytes <n>          refuse input files (with --jsonl: record texts) larger than n bytes (default 67108864)
                           (a pipe or a device is read up to n bytes and refused if more comes)
  --workers <n>            threads for the per-document work (default: the number of cores, ${availableParallelism()});
                           the outputs are identical whatever the number
  --quiet                  no progress and no summary on stderr
  --timings                print time and MB/s per stage on stderr
  -h, --help               this help
  --version                print the version

Subcommands:
  apply    rewrite clean/, diff/, report.json and report.html from the original inputs and a
           reviewer's decisions (exported from report.html), without re-running detection
  report   print a report's summary; --doc <path> shows one document's changes inline
  Each has --help. Run both from the directory unspin ran in: the report names inputs relative to it.

Exit codes:
  0  success
  1  some inputs could not be processed, or an output of one could not be written (a name too long for
     the file system, a link on its way): the rest is written; each failure is on stderr and in
     report.json. Also a write error that stops the run (a full disk): the message names the file
  2  usage error (bad option, missing input, output directory inside an input or not writable, a
     symbolic link at <dir>/clean or <dir>/diff, a TMPDIR that is missing or not writable)
  3  --fail-on degraded and a document is degraded (1 wins when some input also failed)
`;

interface Parsed {
  inputs: string[];
  out?: string;
  jsonl: boolean;
  quiet: boolean;
  timings: boolean;
  failOnDegraded: boolean;
  options: RunOptions;
}

function parse(argv: string[]): Parsed | 'help' | 'version' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      jsonl: { type: 'boolean', default: false },
      'per-record': { type: 'boolean', default: false },
      'keep-boilerplate': { type: 'boolean', default: false },
      'min-confidence': { type: 'string' },
      'suggest-only': { type: 'boolean', default: false },
      'no-spin': { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      'max-bytes': { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      timings: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (positionals.length === 0) throw new UsageError('no input given (see --help)');
  if (!values.jsonl && !values.out) throw new UsageError('--out <dir> is required');
  if (values.out) checkOutDir(values.out);
  if (values['fail-on'] !== undefined && values['fail-on'] !== 'degraded') {
    throw new UsageError(`--fail-on takes "degraded", not "${values['fail-on']}"`);
  }
  const rawConfidence = values['min-confidence'];
  // Number('') is 0: an empty value (an unset shell variable) must not mean "apply everything".
  const minConfidence = rawConfidence === undefined ? defaultOptions.minConfidence : rawConfidence.trim() === '' ? NaN : Number(rawConfidence);
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError('--min-confidence takes a number from 0 to 1');
  const maxBytes = values['max-bytes'] === undefined ? 64 * 1024 * 1024 : Number(values['max-bytes']);
  if (!(Number.isInteger(maxBytes) && maxBytes > 0)) throw new UsageError('--max-bytes takes a positive whole number');
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!(Number.isInteger(workers) && workers >= 1 && workers <= 256)) throw new UsageError('--workers takes a whole number from 1 to 256');
  if (values['per-record'] && !values.jsonl) throw new UsageError('--per-record needs --jsonl');
  if (!values.jsonl && positionals.includes('-')) throw new UsageError('"-" (stdin) needs --jsonl');
  return {
    inputs: positionals,
    out: values.out,
    jsonl: values.jsonl!,
    quiet: values.quiet!,
    timings: values.timings!,
    failOnDegraded: values['fail-on'] === 'degraded',
    options: {
      keepBoilerplate: values['keep-boilerplate']!,
      suggestOnly: values['suggest-only']!,
      spin: !values['no-spin'],
      minConfidence,
      maxBytes,
      workers,
      perRecord: values['per-record']!,
    },
  };
}

/** clean.jsonl and report.json, opened together: if the second cannot be, the first's temp file goes. */
async function openJsonlOutputs(out: OutRoot): Promise<{ records: AtomicStream; report: AtomicStream; outDir: OutRoot }> {
  const records = await AtomicStream.open(out, 'clean.jsonl');
  try {
    return { records, report: await AtomicStream.open(out, 'report.json'), outDir: out };
  } catch (err) {
    await records.abort();
    throw err;
  }
}

async function runJsonlInputs(p: Parsed): Promise<RunResult> {
  // Validate everything before any output file is opened.
  if (p.inputs.length > 1) throw new UsageError('give one JSONL input at a time (a file, or - for stdin)');
  const input = p.inputs[0];
  if (input !== '-') {
    const st = await stat(input).catch(() => undefined);
    if (!st?.isFile()) throw new UsageError(`cannot read JSONL input ${input}`);
    if (p.out && (await insideDir(input, p.out))) throw new UsageError(`JSONL input ${input} is inside the output directory ${p.out}`);
  }
  const out = p.out === undefined ? undefined : prepareOutDir(p.out);
  const sink: JsonlSink = out ? await openJsonlOutputs(out) : { records: process.stdout };
  if (!p.out) {
    // The reader went away (EPIPE: `| head`) or the disk filled (ENOSPC): the records
    // cannot all be delivered, so the run stops with one line, not a stack trace.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EPIPE' ? 'the reader closed its end of the pipe' : err.message;
      process.stderr.write(`unspin: cannot write to stdout (${why}); the output is incomplete\n`);
      removeTemporaries();
      process.exit(EXIT.failures);
    });
  }
  const stream = input === '-' ? process.stdin : createReadStream(input);
  // A JSON Lines file (checked above), or stdin redirected from one: no producer waits.
  const inputIsFile = input !== '-' || fstatSync(0).isFile();
  try {
    return await runJsonl(stream, sink, { ...p.options, inputIsFile }, input === '-' ? 'stdin' : input);
  } catch (err) {
    if (sink.records instanceof AtomicStream) await sink.records.abort();
    await sink.report?.abort();
    throw err;
  }
}

/** Subcommands live in their own modules, loaded only when used. */
const SUBCOMMANDS: Record<string, () => Promise<{ main(argv: string[]): Promise<number> }>> = {
  apply: () => import('./apply/cli.js'),
  report: () => import('./report/cli.js'),
};

export async function main(argv: string[]): Promise<number> {
  // stderr carries messages for people: a full or closed one (2>/dev/full) must not turn
  // a finished run into a failure. The exit code still says whether inputs failed.
  process.stderr.on('error', () => {});
  const sub = SUBCOMMANDS[argv[0] ?? ''];
  if (sub) {
    // apply writes temporary files too (its outputs, the review page's spool).
    cleanUpOnSignals((signal) => process.stderr.write(`\nunspin ${argv[0]}: stopped by ${signal}; temporary files removed\n`));
    return (await sub()).main(argv.slice(1));
  }
  let parsed: Parsed | 'help' | 'version';
  try {
    parsed = parse(argv);
  } catch (err) {
    process.stderr.write(`unspin: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (parsed === 'version') {
    process.stdout.write('unspin 0.1.0\n');
    return EXIT.ok;
  }
  const p = parsed;
  // Every run but a --per-record one keeps its documents in temporary files between passes.
  if (!p.options.perRecord) {
    try {
      checkTempDir();
    } catch (err) {
      process.stderr.write(`unspin: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
  }
  const tty = process.stderr.isTTY && !p.quiet;
  // Temporary directories of runs of this machine that were killed outright (the OOM killer) go first.
  sweepDeadRuns();
  cleanUpOnSignals((signal) => process.stderr.write(`${tty ? '\n' : ''}unspin: stopped by ${signal}; temporary files removed, outputs already written kept\n`));
  p.options.onError = (m) => process.stderr.write(`${tty ? '\n' : ''}unspin: ${m}\n`);
  if (tty) p.options.onProgress = (done, total, label) => process.stderr.write(progressLine(done, total, label));
  let result: RunResult;
  try {
    if (p.jsonl) result = await runJsonlInputs(p);
    else {
      const files = await collectInputs(p.inputs, p.out);
      result = await runFiles(files, prepareOutDir(p.out!), p.options);
    }
  } catch (err) {
    process.stderr.write(`unspin: ${(err as Error).message}\n`);
    return err instanceof UsageError ? EXIT.usage : EXIT.failures;
  }
  if (tty) process.stderr.write('\n');
  if (!p.quiet) process.stderr.write(formatSummary(result.summary));
  if (p.timings) process.stderr.write(formatTimings(result.bytes));
  if (result.failures > 0) return EXIT.failures;
  if (p.failOnDegraded && result.summary.verdicts.degraded > 0) return EXIT.degraded;
  return EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`unspin: internal error: ${(err as Error).stack ?? err}\n`);
    process.exitCode = EXIT.failures;
  },
);
