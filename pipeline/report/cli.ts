import { parseArgs } from 'node:util';
import { InputError } from '../apply/decisions.js';
import { hasText, loadOriginal, readReport } from '../apply/load.js';
import { UsageError } from '../corpus/inputs.js';
import type { ReportDocument, ReportEdit } from './json.js';
import { formatSummary } from './summary.js';

const HELP = `unspin report: read a report.json in the terminal

Usage:
  unspin report <out>/report.json              the summary and the worst documents
  unspin report <out>/report.json --doc <path> one document's changes inline, each with its reason

Options:
  --doc <path>   the document (its path or id in the report); its input is re-read
  --full         with --doc, print every line, not only the changed ones
  --color        colours even when stdout is not a terminal (--no-color: never)
  -h, --help     this help
`;

interface Paint {
  del(s: string): string;
  ins(s: string): string;
  sdel(s: string): string;
  sins(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const ansi = (open: string) => (s: string) => `\x1b[${open}m${s}\x1b[0m`;
const COLOR: Paint = { del: ansi('9;31'), ins: ansi('32'), sdel: ansi('9;33'), sins: ansi('4;33'), dim: ansi('2'), bold: ansi('1') };
// Without colour, wdiff-style brackets keep the change kinds apart.
const PLAIN: Paint = {
  del: (s) => `[-${s}-]`,
  ins: (s) => `{+${s}+}`,
  sdel: (s) => `[?-${s}-?]`,
  sins: (s) => `{?+${s}+?}`,
  dim: (s) => s,
  bold: (s) => s,
};

export async function main(argv: string[]): Promise<number> {
  quietWhenReaderLeaves();
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        doc: { type: 'string' },
        full: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give one report.json (see unspin report --help)');
    const color = values['no-color'] ? false : (values.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR));
    const paint = color ? COLOR : PLAIN;
    const report = await readReport(positionals[0]);
    if (values.doc === undefined) {
      process.stdout.write(formatSummary(report.summary) + worstDocuments(report.documents, paint));
      return 0;
    }
    const doc = report.documents.find((d) => d.path === values.doc || d.id === values.doc || d.file === values.doc);
    if (!doc) throw new UsageError(`no document ${values.doc} in the report (try one of: ${report.documents.slice(0, 5).map((d) => d.path).join(', ')})`);
    process.stdout.write(await formatDocument(doc, paint, values.full!));
    return 0;
  } catch (err) {
    process.stderr.write(`unspin report: ${safe((err as Error).message)}\n`);
    return err instanceof InputError ? 1 : 2;
  }
}

/**
 * A reader that stops early (`| head`, quitting `less`) closes the pipe: the rest of
 * the listing is not wanted, which is not an error of the report, so the writes left
 * are dropped and the exit stays 0 (instead of an unhandled EPIPE and its stack trace).
 */
function quietWhenReaderLeaves(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return;
    process.stderr.write(`unspin report: cannot write to stdout: ${err.message}\n`);
    process.exitCode = 1;
  });
}

/** Documents most in need of review: highest spin score, then most changes. */
export function worstFirst(docs: readonly ReportDocument[]): ReportDocument[] {
  return [...docs].sort((a, b) => b.score - a.score || b.edits.length + b.suggestions.length - (a.edits.length + a.suggestions.length));
}

function worstDocuments(docs: readonly ReportDocument[], paint: Paint): string {
  const rows = worstFirst(docs).filter((d) => d.edits.length || d.suggestions.length || d.verdict !== 'clean').slice(0, 10);
  if (rows.length === 0) return '';
  const lines = rows.map(
    (d) => `  ${d.verdict.padEnd(8)} ${d.score.toFixed(2)} ${String(d.edits.length).padStart(6)} ${String(d.suggestions.length).padStart(6)}  ${visible(d.path)}`,
  );
  return `\n${paint.bold('worst documents')}\n  verdict  score  edits  sugg.  path\n${lines.join('\n')}\n`;
}

/**
 * Control characters of the input (ESC, BEL, CR, C1, bidi overrides) shown as escapes,
 * never written to the terminal: scraped text could otherwise set its title or colours.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const safe = (s: string) => s.replace(CONTROLS, (c) => (c === '\r' ? '␍' : `\\x${c.charCodeAt(0) <= 0xff ? c.charCodeAt(0).toString(16).padStart(2, '0') : `{${c.charCodeAt(0).toString(16)}}`}`));
const visible = (s: string) => safe(s).replace(/\n/g, '⏎').replace(/\t/g, '→');

function note(n: number, e: ReportEdit, paint: Paint): string {
  const what = `${e.suggestion ? 'suggestion ' : ''}${e.stage}/${e.reason} ${e.confidence.toFixed(2)}${e.reviewed ? ` (reviewer ${e.reviewed})` : ''}`;
  const change = `${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}`;
  const src = e.source ? `; source ${e.source.id}@${e.source.start}-${e.source.end} ${JSON.stringify(e.source.text)}` : '';
  return paint.dim(safe(`      #${n} ${what}  ${change}${e.evidence ? `  — ${e.evidence}` : ''}${src}  [${e.id}]`));
}

/**
 * One document as an inline diff: lines (joined where a change spans several)
 * with each change marked in place and its reason and confidence below.
 */
export async function formatDocument(doc: ReportDocument, paint: Paint, full: boolean): Promise<string> {
  const changes = [...doc.edits, ...doc.suggestions].sort((a, b) => a.start - b.start || a.end - b.end);
  const head = `${paint.bold(visible(doc.path))}  ${doc.verdict}  score ${doc.score.toFixed(2)}  ${doc.kinds.join(', ') || 'no findings'}  (${doc.edits.length} edits, ${doc.suggestions.length} suggestions)\n`;
  // A document whose outputs failed keeps its verdict and edits: say so, then show them.
  const error = doc.error ? `error: ${safe(doc.error)}\n` : '';
  if (doc.error && !hasText(doc)) return head + error;
  let text: string;
  try {
    if (!hasText(doc)) throw new InputError('no text');
    text = await loadOriginal(doc);
  } catch (err) {
    // Without the input the changes can still be listed, just not shown in context.
    const why = `(the text is not available: ${safe((err as Error).message)})\n`;
    return head + error + why + changes.map((e, i) => note(i + 1, e, paint)).join('\n') + '\n';
  }
  const out: string[] = [head + error];
  let c = 0;
  let skipped = false;
  for (const [start, end, lineNo] of rows(text, changes)) {
    const inRow: Array<[number, ReportEdit]> = [];
    while (c < changes.length && changes[c].start < end + (changes[c].start === end && end === text.length ? 1 : 0)) {
      inRow.push([c + 1, changes[c]]);
      c++;
    }
    if (inRow.length === 0 && !full) {
      skipped = true;
      continue;
    }
    if (skipped) out.push(paint.dim('   …'));
    skipped = false;
    let line = '';
    let at = start;
    for (const [, e] of inRow) {
      if (e.start < at) continue; // overlaps the previous change: listed below only
      line += safe(text.slice(at, e.start));
      const [d, i] = e.suggestion ? [paint.sdel, paint.sins] : [paint.del, paint.ins];
      line += (e.before ? d(visible(e.before)) : '') + (e.after ? i(visible(e.after)) : '');
      at = e.end;
    }
    line += safe(text.slice(at, end));
    out.push(`${String(lineNo).padStart(4)}  ${line.replace(/\n$/, '')}`);
    for (const [n, e] of inRow) out.push(note(n, e, paint));
  }
  if (skipped) out.push(paint.dim('   …'));
  return out.join('\n') + '\n';
}

/** [start, end, first line number] of each line, lines joined where a change crosses a line break. */
export function rows(text: string, changes: readonly ReportEdit[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let reach = 0; // furthest end of a change starting in the current row
  let c = 0;
  let start = 0;
  let lineNo = 1;
  let rowLine = 1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const end = Math.min(i + 1, text.length);
    while (c < changes.length && changes[c].start < end) reach = Math.max(reach, changes[c++].end);
    lineNo++;
    // A change ending past this line (not just at its newline) keeps the row open.
    if (reach > end && i < text.length) continue;
    if (end > start || out.length === 0) out.push([start, end, rowLine]);
    start = end;
    rowLine = lineNo;
    if (i >= text.length) break;
  }
  return out;
}
