import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkOutDir, insideDir, UsageError } from '../corpus/inputs.js';
import { OutputManifest } from '../corpus/manifest.js';
import { DocumentOutputs } from '../corpus/document-outputs.js';
import { AtomicStream } from '../corpus/outputs.js';
import { prepareOutDir } from '../corpus/out-dir.js';
import { checkTempDir } from '../corpus/temp-dirs.js';
import { WriteQueue } from '../corpus/write-queue.js';
import { HtmlReportWriter } from '../report/html.js';
import { addToSummary, emptySummary, reportDocument, reportFooter, reportHeader, type ReportDocument } from '../report/json.js';
import { renderDiff } from '../report/diff.js';
import { withOutputFailures, withoutOutputFailures } from '../report/output-failures.js';
import { formatSummary } from '../report/summary.js';
import { checkIds, cleanedText, decide, decidedDocument } from './apply.js';
import { InputError, parseDecisions, reportKey } from './decisions.js';
import { hasText, loadOriginal, readJson, readReport } from './load.js';

const HELP = `unspin apply: rewrite cleaned files from a report and a reviewer's decisions

Usage:
  unspin apply <decisions.json> --report <out>/report.json --out <dir>

<decisions.json> is exported from report.html ("Export decisions"):
  { "version": 1, "report": "<key>", "decisions": [ { "id": "<edit id>", "accept": true|false } ] }
Edits not named keep their default: applied edits accepted, suggestions rejected.
Detection is not re-run: each input (the report's "file", relative to the current
directory) is re-read, checked against its sha256, and the accepted edits applied.

Writes, atomically: <dir>/clean/<path>, <dir>/diff/<path>.diff, <dir>/report.json
(accepted changes as edits, rejected ones as suggestions; ids unchanged) and
<dir>/report.html (the review page of the new report). Outputs in <dir> from an
earlier run that this one did not write (<dir>/.unspin-outputs) are removed.

Options:
  --report <file>   the report.json the decisions were made on (required)
  --out <dir>       output directory (required; may be the original one)
  --quiet           no summary on stderr
  -h, --help        this help

Nothing is written or removed through a symbolic link below <dir>.

Exit codes: 0 success; 1 input problem (unknown edit id, overlapping accepted
changes, changed or missing input, decisions for another report; nothing is
written), or an output that could not be written (a name too long for the file
system, a link on its way: the others are written, and report.json says which);
2 usage error (also a symbolic link at <dir>/clean or <dir>/diff, an unusable TMPDIR).
`;

/** Input problems listed in one message. */
const MAX_PROBLEMS = 10;

interface Args {
  decisions: string;
  report: string;
  out: string;
  quiet: boolean;
}

function parse(argv: string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        report: { type: 'string' },
        out: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('give exactly one decisions file (see unspin apply --help)');
  if (!values.report) throw new UsageError('--report <report.json> is required');
  if (!values.out) throw new UsageError('--out <dir> is required');
  checkOutDir(values.out);
  return { decisions: positionals[0], report: values.report, out: values.out, quiet: values.quiet! };
}

/**
 * The output of `doc` in `sub`, relative to --out. Output paths come from the report:
 * refuse ones that would leave <dir> or overwrite an input.
 */
function outputPath(out: string, sub: string, doc: ReportDocument, suffix = ''): string {
  const base = path.resolve(out, sub);
  const file = path.resolve(base, doc.path + suffix);
  if (!file.startsWith(base + path.sep)) throw new InputError(`${doc.id}: path ${JSON.stringify(doc.path)} leaves the output directory`);
  if (doc.file && file === path.resolve(doc.file)) throw new UsageError(`--out ${out} would overwrite the input ${doc.file}`);
  return path.relative(path.resolve(out), file);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parse(argv);
    if (args === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    return await run(args);
  } catch (err) {
    process.stderr.write(`unspin apply: ${(err as Error).message}\n`);
    if (err instanceof UsageError) return 2;
    if (err instanceof InputError) return 1;
    // A system error (a file or directory that cannot be written) says all in its message.
    if (typeof (err as NodeJS.ErrnoException).code !== 'string') process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}

async function run(args: Args): Promise<number> {
  // The review page waits in a temporary file until the summary is known.
  checkTempDir();
  const report = await readReport(args.report);
  const docs = report.documents;
  const decisions = parseDecisions(await readJson(args.decisions, 'decisions'), reportKey(docs), args.decisions);
  checkIds(decisions, docs);

  // Pass 1 checks every document (inputs present and unchanged, decisions
  // consistent) before anything is written, so a bad decision leaves <dir> as it
  // was. Texts are re-read in pass 2 rather than kept, so memory stays per-document.
  // Every input problem is listed at once (a reviewer fixes them in one go), up to a few.
  const problems: string[] = [];
  for (const doc of docs) {
    if (!hasText(doc)) continue;
    outputPath(args.out, 'clean', doc);
    // As the main command refuses: outputs among the inputs would be read back as inputs by the next run.
    if (doc.file && (await insideDir(doc.file, args.out))) {
      throw new UsageError(`--out ${args.out} contains the input ${doc.file}; choose a directory outside the inputs`);
    }
    try {
      cleanedText(doc, await loadOriginal(doc), decide(doc, decisions).accepted);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length === 1) throw new InputError(problems[0]);
  if (problems.length > 1) {
    const shown = problems.slice(0, MAX_PROBLEMS).map((m) => `  ${m}`);
    if (problems.length > MAX_PROBLEMS) shown.push(`  … and ${problems.length - MAX_PROBLEMS} more`);
    throw new InputError(`${problems.length} documents cannot be applied; nothing was written:\n${shown.join('\n')}`);
  }

  // A --no-spin run stays one: its summary still says spin detection was off.
  const summary = emptySummary(report.summary?.spinDetection !== false);
  let accepted = 0;
  let rejected = 0;
  let failures = 0;
  // Only now, pass 1 having found nothing wrong: a refused run leaves no directory behind.
  const root = prepareOutDir(args.out);
  const manifest = new OutputManifest(root);
  const out = await AtomicStream.open(root, 'report.json');
  // One output at a time: apply is not where the time goes.
  const queue = new WriteQueue(1);
  let html: HtmlReportWriter | undefined;
  try {
    html = new HtmlReportWriter();
    await out.write(reportHeader());
    for (const [i, doc] of docs.entries()) {
      let next = doc;
      let original = '';
      if (hasText(doc)) {
        original = await loadOriginal(doc);
        const d = decide(doc, decisions);
        const clean = cleanedText(doc, original, d.accepted);
        // As in the main run, an output that fails for this document alone (a name too
        // long, a link on the way) fails the document, and the others are written.
        const outputs = new DocumentOutputs(queue, root);
        await outputs.write(outputPath(args.out, 'clean', doc), clean);
        const diffFile = outputPath(args.out, 'diff', doc, '.diff');
        // Same patch as the main run: one per document with edits.
        if (d.accepted.length > 0) await outputs.write(diffFile, renderDiff(doc.path, original, clean));
        else await outputs.remove(diffFile); // --out may be the original run's: no stale diff
        await queue.drain(); // a failure that stops the run (a full disk) is thrown here
        const { written, failures: failed } = await outputs.settled();
        for (const rel of written) manifest.wrote(rel);
        next = decidedDocument(doc, d);
        // The outputs are written again: what the report said of them before no longer holds.
        const error = withOutputFailures(withoutOutputFailures(next.error), failed);
        if (error !== next.error) next = { ...next, error };
        if (failed.length > 0) {
          failures++;
          for (const m of failed) process.stderr.write(`unspin apply: ${doc.path}: ${m}\n`);
        }
        accepted += d.accepted.length;
        rejected += d.rejected.length;
      }
      addToSummary(summary, next);
      await out.write(reportDocument(next, i === 0));
      html.add(next, original);
    }
    await out.write(reportFooter(summary));
    // As in the main run: report.html first, so the two never describe different runs.
    await html.commit(root, 'report.html', summary);
    manifest.wrote('report.html');
    await out.commit();
    await manifest.commit();
  } catch (err) {
    await out.abort();
    throw err;
  } finally {
    html?.discard();
  }
  if (!args.quiet) {
    process.stderr.write(`applied ${decisions.size} decisions: ${accepted} changes accepted, ${rejected} rejected\n`);
    process.stderr.write(formatSummary(summary));
  }
  return failures > 0 ? 1 : 0;
}
