import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '../corpus/fs-error.js';
import type { ReportDocument, Summary } from '../report/json.js';
import { readText } from '../stages/read.js';
import { InputError } from './decisions.js';

export interface Report {
  version: number;
  documents: ReportDocument[];
  summary: Summary;
}

export async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${what} ${file}: ${describeFsError(err)}`);
  }
  try {
    // A BOM, as some editors save JSON, is not part of it.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`${what} ${file} is not valid JSON (${(err as Error).message})`);
  }
}

export async function readReport(file: string): Promise<Report> {
  const data = (await readJson(file, 'report')) as Partial<Report> | null;
  if (!data || typeof data !== 'object' || data.version !== 1 || !Array.isArray(data.documents)) {
    throw new InputError(`${file} is not an unspin report (version 1 with "documents")`);
  }
  for (const d of data.documents) {
    if (typeof d?.id !== 'string' || typeof d.path !== 'string' || !Array.isArray(d.edits) || !Array.isArray(d.suggestions)) {
      throw new InputError(`${file}: a document lacks id, path, edits or suggestions`);
    }
    for (const e of [...d.edits, ...d.suggestions]) {
      const why = badEdit(e);
      if (why) throw new InputError(`${file}: document ${d.id}: ${why}`);
    }
  }
  return data as Report;
}

/** What is wrong with an edit of a report, if anything: apply writes `after` into files at [start, end). */
function badEdit(e: unknown): string | undefined {
  if (e === null || typeof e !== 'object') return 'an edit is not an object';
  const x = e as Record<string, unknown>;
  const id = typeof x.id === 'string' ? x.id : undefined;
  if (!id) return 'an edit has no string "id"';
  const offset = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!offset(x.start) || !offset(x.end) || (x.end as number) < (x.start as number)) return `edit ${id}: "start" and "end" are not offsets with start ≤ end`;
  if (typeof x.before !== 'string' || typeof x.after !== 'string') return `edit ${id}: "before" and "after" must be strings`;
  if (typeof x.confidence !== 'number') return `edit ${id}: "confidence" is not a number`;
  return undefined;
}

/** Unreadable documents have no text, so no cleaned file: there is nothing to re-read. */
export const hasText = (d: ReportDocument) => !d.kinds.includes('unreadable');

/**
 * The original text of a report document, re-read from its input file and checked
 * against the hash in the report: edits carry offsets into exactly that text, so a
 * changed input must be refused, not patched.
 */
export async function loadOriginal(doc: ReportDocument, cwd = process.cwd()): Promise<string> {
  if (!doc.file) {
    throw new InputError(`${doc.id}: the report does not name its input file (a --jsonl run?); cannot re-read it`);
  }
  const file = path.resolve(cwd, doc.file);
  let bytes: Buffer;
  try {
    // A pipe (a FIFO, <(...), /dev/stdin) was read once, by the run: opened again it
    // would wait for a writer, or read this process's own stdin.
    if (!(await stat(file)).isFile()) {
      throw new InputError(`${doc.id}: input ${doc.file} is not a regular file (a pipe?): it cannot be read again; run unspin on a file instead`);
    }
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // The report names inputs relative to where unspin ran: a missing one most often means another directory.
    const hint = (err as NodeJS.ErrnoException).code === 'ENOENT' ? ' (run from the directory the report was made in)' : '';
    throw new InputError(`${doc.id}: cannot read input ${doc.file}: ${describeFsError(err)}${hint}`);
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== doc.sha256) {
    throw new InputError(`${doc.id}: input ${doc.file} changed since the report was made (sha256 ${sha.slice(0, 12)}…, report has ${doc.sha256.slice(0, 12)}…); run unspin again`);
  }
  const read = readText(bytes);
  if (!read.ok) throw new InputError(`${doc.id}: ${read.message}`);
  return read.text;
}
