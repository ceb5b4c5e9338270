import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clash, checkIds, decide } from '../pipeline/apply/apply.js';
import { InputError, parseDecisions, reportKey } from '../pipeline/apply/decisions.js';
import { applyEdits } from '../pipeline/edits.js';
import type { ReportDocument, ReportEdit } from '../pipeline/report/json.js';

// Spawns the real, built CLI (`make test` builds dist/ first).
const CLI = path.resolve('dist/pipeline/cli.js');
const run = (args: string[], cwd = process.cwd()) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const read = (f: string) => readFileSync(f, 'utf8');

interface Report {
  version: 1;
  documents: ReportDocument[];
  summary: unknown;
}

/** A hand-made report, so the error cases do not depend on what the stages find. */
const TEXT = 'Hello wrold, this is a tset of the aplly command.\n';
function edit(start: number, end: number, after: string, extra: Partial<ReportEdit> = {}): ReportEdit {
  return { id: sha(`${start}-${end}-${after}`).slice(0, 12), start, end, before: TEXT.slice(start, end), after, stage: 'restore', reason: 'typo', confidence: 0.9, ...extra };
}
const WORLD = edit(6, 11, 'world');
const TEST = edit(23, 27, 'test', { suggestion: true, confidence: 0.6 });
const WORD = edit(6, 11, 'word', { suggestion: true, confidence: 0.5 });
const APPLY = edit(35, 40, 'apply');

function handMade(): { dir: string; report: string; key: string; doc: ReportDocument } {
  const dir = tmp('unspin-apply-');
  mkdirSync(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'in/a.txt'), TEXT);
  const doc: ReportDocument = {
    id: 'a.txt', path: 'a.txt', file: 'in/a.txt', sha256: sha(TEXT), verdict: 'degraded', kinds: ['spun'], language: 'eng', score: 0.9,
    sentences: [{ start: 0, end: 49, score: 0.9, signals: [] }], edits: [WORLD, APPLY], suggestions: [TEST, WORD],
  };
  const summary = { documents: 1, verdicts: { clean: 0, degraded: 1, skipped: 0 }, kinds: { spun: 1 }, edits: { restore: 2 }, suggestions: 2, errors: 0 };
  const report = path.join(dir, 'report.json');
  writeFileSync(report, JSON.stringify({ version: 1, documents: [doc], summary }, null, 2));
  return { dir, report, key: reportKey([doc]), doc };
}
function decisionsFile(dir: string, key: string, decisions: Array<{ id: string; accept: boolean }>, name = 'decisions.json'): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ version: 1, report: key, decisions }));
  return file;
}

describe('decisions', () => {
  it('keys a report by its documents and their input hashes', () => {
    const a = [{ id: 'a', sha256: '1' }, { id: 'b', sha256: '2' }];
    expect(reportKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(reportKey(a)).toBe(reportKey([...a]));
    expect(reportKey([{ id: 'a', sha256: '1' }, { id: 'b', sha256: '3' }])).not.toBe(reportKey(a));
    expect(reportKey([a[1], a[0]])).not.toBe(reportKey(a));
  });

  it('rejects malformed files and files made on another report', () => {
    const ok = { version: 1, report: 'k', decisions: [{ id: 'x', accept: true }] };
    expect(parseDecisions(ok, 'k')).toEqual(new Map([['x', true]]));
    expect(() => parseDecisions({ ...ok, version: 2 }, 'k')).toThrow(/version/);
    expect(() => parseDecisions(ok, 'other')).toThrow(/different report/);
    expect(() => parseDecisions({ ...ok, decisions: [{ id: 'x', accept: 'yes' }] }, 'k')).toThrow(/decision 0/);
    expect(() => parseDecisions({ ...ok, decisions: [{ id: 'x', accept: true }, { id: 'x', accept: false }] }, 'k')).toThrow(/both accepted and rejected/);
    expect(() => parseDecisions([], 'k')).toThrow(InputError);
  });

  it('keeps the defaults for edits not named, and refuses unknown ids and overlaps', () => {
    const { doc } = handMade();
    expect(decide(doc, new Map()).accepted).toEqual([WORLD, APPLY]);
    expect(decide(doc, new Map([[TEST.id, true], [APPLY.id, false]])).accepted.map((e) => e.after)).toEqual(['world', 'test']);
    expect(() => checkIds(new Map([['nope', true]]), [doc])).toThrow(/does not have: nope/);
    expect(() => decide(doc, new Map([[WORD.id, true]]))).toThrow(/accepted suggestion .* overlaps accepted edit/);
    expect(decide(doc, new Map([[WORD.id, true], [WORLD.id, false]])).accepted.map((e) => e.after)).toEqual(['word', 'apply']);
    expect(clash(edit(3, 3, 'x'), edit(3, 3, 'y'))).toBe(true);
    expect(clash(edit(3, 3, 'x'), edit(3, 5, 'y'))).toBe(false);
    expect(clash(edit(4, 4, 'x'), edit(3, 5, 'y'))).toBe(true);
  });
});

describe('unspin apply (hand-made report)', () => {
  it('applies accepted edits and suggestions, and records them in the new report', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, [{ id: TEST.id, accept: true }, { id: APPLY.id, accept: false }]);
    const r = run(['apply', dec, '--report', report, '--out', 'out', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(read(path.join(dir, 'out/clean/a.txt'))).toBe('Hello world, this is a test of the aplly command.\n');
    expect(read(path.join(dir, 'out/diff/a.txt.diff'))).toContain('+Hello world, this is a test of the aplly command.');
    const next: Report = JSON.parse(read(path.join(dir, 'out/report.json')));
    const doc = next.documents[0];
    expect(doc.edits.map((e) => [e.id, e.suggestion])).toEqual([[WORLD.id, undefined], [TEST.id, undefined]]);
    expect(doc.suggestions.map((e) => [e.id, e.suggestion])).toEqual([[APPLY.id, true], [WORD.id, true]]);
    // The changes the reviewer moved say so; the others are as the pipeline left them.
    expect([...doc.edits, ...doc.suggestions].map((e) => [e.id, e.reviewed])).toEqual([
      [WORLD.id, undefined],
      [TEST.id, 'accepted'],
      [APPLY.id, 'rejected'],
      [WORD.id, undefined],
    ]);
    expect(run(['report', 'out/report.json', '--doc', 'a.txt'], dir).stdout).toMatch(/#\d restore\/typo 0\.60 \(reviewer accepted\)/);
    // The same decisions apply again to the report apply wrote: ids and key are unchanged.
    const again = run(['apply', dec, '--report', 'out/report.json', '--out', 'out2', '--quiet'], dir);
    expect(again.status).toBe(0);
    expect(read(path.join(dir, 'out2/clean/a.txt'))).toBe(read(path.join(dir, 'out/clean/a.txt')));
  });

  it('removes a stale diff when every edit is rejected', () => {
    const { dir, report, key } = handMade();
    expect(run(['apply', decisionsFile(dir, key, []), '--report', report, '--out', 'out', '-q'], dir).status).toBe(0);
    expect(existsSync(path.join(dir, 'out/diff/a.txt.diff'))).toBe(true);
    const none = decisionsFile(dir, key, [WORLD, APPLY].map((e) => ({ id: e.id, accept: false })), 'none.json');
    expect(run(['apply', none, '--report', report, '--out', 'out', '-q'], dir).status).toBe(0);
    expect(read(path.join(dir, 'out/clean/a.txt'))).toBe(TEXT);
    expect(existsSync(path.join(dir, 'out/diff/a.txt.diff'))).toBe(false);
  });

  it('keeps saying spin detection was off when the report came from a --no-spin run', () => {
    const { dir, report, key } = handMade();
    const data = JSON.parse(read(report));
    writeFileSync(report, JSON.stringify({ ...data, summary: { ...data.summary, spinDetection: false } }));
    expect(run(['apply', decisionsFile(dir, key, []), '--report', report, '--out', 'out', '-q'], dir).status).toBe(0);
    expect(JSON.parse(read(path.join(dir, 'out/report.json'))).summary.spinDetection).toBe(false);
    expect(run(['apply', decisionsFile(dir, key, [], 'd2.json'), '--report', 'out/report.json', '--out', 'out2', '-q'], dir).status).toBe(0);
    expect(JSON.parse(read(path.join(dir, 'out2/report.json'))).summary.spinDetection).toBe(false);
    // A full run's report has no such field.
    const plain = handMade();
    expect(run(['apply', decisionsFile(plain.dir, plain.key, []), '--report', plain.report, '--out', 'out', '-q'], plain.dir).status).toBe(0);
    expect(JSON.parse(read(path.join(plain.dir, 'out/report.json'))).summary).not.toHaveProperty('spinDetection');
  });

  it.each([
    ['an unknown id', () => [{ id: 'feedfacecafe', accept: true }], (k: string) => k, /does not have: feedfacecafe/],
    ['an accepted suggestion overlapping an accepted edit', () => [{ id: WORD.id, accept: true }], (k: string) => k, /suggestion .* overlaps accepted edit/],
    ['decisions made on another report', (_key: string) => [], () => 'f'.repeat(64), /different report/],
  ] as const)('exits 1 on %s and writes nothing', (_, decisions, keyOf, message) => {
    const { dir, report, key } = handMade();
    const r = run(['apply', decisionsFile(dir, keyOf(key), decisions(key)), '--report', report, '--out', 'out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('exits 1 when an input changed or is missing', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, []);
    writeFileSync(path.join(dir, 'in/a.txt'), TEXT.replace('Hello', 'Howdy'));
    let r = run(['apply', dec, '--report', report, '--out', 'out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/in\/a\.txt changed since the report was made/);
    r = run(['apply', 'decisions.json', '--report', 'nope/report.json', '--out', 'out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read report nope\/report\.json: no such file/);
    r = run(['apply', dec, '--report', report, '--out', 'out'], tmp('unspin-elsewhere-'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read input in\/a\.txt: no such file/);
  });

  it('refuses an input that was a pipe at once, instead of waiting for a writer', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, []);
    rmSync(path.join(dir, 'in/a.txt'));
    execFileSync('mkfifo', [path.join(dir, 'in/a.txt')]);
    const r = spawnSync(process.execPath, [CLI, 'apply', dec, '--report', report, '--out', 'out'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout: it did not wait for a writer
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('in/a.txt is not a regular file (a pipe?)');
    const shown = spawnSync(process.execPath, [CLI, 'report', report, '--doc', 'a.txt'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(shown.signal).toBeNull();
    expect(shown.stdout).toContain('the text is not available');
  });

  it('exits 2 on usage errors', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, []);
    // the last: an --out that holds the inputs (in/a.txt), whose outputs the next run would read back
    for (const args of [[dec, '--report', report], [dec, '--out', 'o'], ['--report', report, '--out', 'o'], [dec, '--report', report, '--out', 'o', '--bogus'], [dec, '--report', report, '--out', '.']]) {
      const r = run(['apply', ...args], dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^unspin apply: /);
    }
    expect(run(['apply', '--help']).stdout).toContain('unspin apply <decisions.json> --report');
    // An --out that is a file, or below one: one line, no stack trace.
    for (const o of [dec, path.join(dec, 'sub')]) {
      const r = run(['apply', dec, '--report', report, '--out', o], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^unspin apply: --out .* (is a file, not a directory|which is a file)\n$/);
    }
  });

  it('refuses an --out no directory can be made at with one line and exit 2, writing nothing', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, []);
    // /proc fails mkdir of a new entry with ENOENT: Node's recursive mkdir retried it forever.
    // A link to nothing failed with exit 1.
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    const outs = ['dangling/out', ...(existsSync('/proc/self') ? ['/proc/unspin-out'] : [])];
    for (const out of outs) {
      const r = spawnSync(process.execPath, [CLI, 'apply', dec, '--report', report, '--out', out], { encoding: 'utf8', cwd: dir, timeout: 20_000, killSignal: 'SIGKILL' });
      expect(r.status, out).toBe(2);
      expect(r.stderr).toMatch(/^unspin apply: cannot make --out [^\n]*\n$/);
    }
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses an unusable TMPDIR (the review page waits there) with one line and exit 2, writing nothing', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, []);
    const r = spawnSync(process.execPath, [CLI, 'apply', dec, '--report', report, '--out', 'out'], { encoding: 'utf8', cwd: dir, env: { ...process.env, TMPDIR: '/nonexistent' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('unspin apply: TMPDIR /nonexistent is not usable: no such file or directory; set TMPDIR to a directory unspin can write in\n');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('reads a decisions file saved with a BOM', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, [{ id: APPLY.id, accept: false }]);
    writeFileSync(dec, '\uFEFF' + read(dec));
    const r = run(['apply', dec, '--report', report, '--out', 'out', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(read(path.join(dir, 'out/clean/a.txt'))).toBe('Hello world, this is a tset of the aplly command.\n');
  });

  it.each([
    ['without "after"', { after: undefined }],
    ['with a string offset', { start: '6' }],
    ['with start after end', { start: 12 }],
    ['without an id', { id: undefined }],
  ])('refuses a report with an edit %s and writes nothing', (_, change) => {
    const { dir, report, key } = handMade();
    const data = JSON.parse(read(report));
    data.documents[0].edits[0] = JSON.parse(JSON.stringify({ ...data.documents[0].edits[0], ...change }));
    writeFileSync(report, JSON.stringify(data));
    const r = run(['apply', decisionsFile(dir, key, []), '--report', report, '--out', 'out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^unspin apply: .*report\.json: document a\.txt: (edit [0-9a-f]+: |an edit has no)/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('unspin apply: outputs below --out never go through a symbolic link', () => {
  it('refuses a linked clean/ or diff/ with one line and exit 2, the inputs untouched', () => {
    const { dir, report, key } = handMade();
    const dec = decisionsFile(dir, key, []);
    mkdirSync(path.join(dir, 'ap'));
    for (const sub of ['clean', 'diff']) {
      symlinkSync('../in', path.join(dir, 'ap', sub));
      const r = run(['apply', dec, '--report', report, '--out', 'ap'], dir);
      expect(r.status, sub).toBe(2);
      expect(r.stderr).toBe(`unspin apply: --out ap: ${sub} is a symbolic link, and unspin never writes or removes files through a link below --out; remove it or choose another --out\n`);
      rmSync(path.join(dir, 'ap', sub));
    }
    expect(readdirSync(path.join(dir, 'in'))).toEqual(['a.txt']);
    expect(read(path.join(dir, 'in/a.txt'))).toBe(TEXT);
  });

  it('fails an output behind a link further down (exit 1), writes the rest, and says so in the report until a later apply writes it', () => {
    const { dir, report, key, doc } = handMade();
    // A second document, in a subdirectory, from the same input.
    const data: Report = JSON.parse(read(report));
    data.documents.push({ ...doc, id: 'sub/a.txt', path: 'sub/a.txt' });
    writeFileSync(report, JSON.stringify(data));
    const dec = decisionsFile(dir, reportKey(data.documents), []);
    mkdirSync(path.join(dir, 'victim'));
    mkdirSync(path.join(dir, 'ap/diff'), { recursive: true });
    symlinkSync('../../victim', path.join(dir, 'ap/diff/sub'));
    let r = run(['apply', dec, '--report', report, '--out', 'ap', '--quiet'], dir);
    expect(r.status).toBe(1);
    const why = 'cannot write diff/sub/a.txt.diff: diff/sub is a symbolic link, and unspin never writes or removes files through a link below --out';
    expect(r.stderr).toBe(`unspin apply: sub/a.txt: ${why}\n`);
    expect(readdirSync(path.join(dir, 'victim'))).toEqual([]);
    for (const f of ['clean/a.txt', 'clean/sub/a.txt', 'diff/a.txt.diff', 'report.html']) expect(existsSync(path.join(dir, 'ap', f)), f).toBe(true);
    let next: Report = JSON.parse(read(path.join(dir, 'ap/report.json')));
    expect(next.documents.map((d) => d.error)).toEqual([undefined, `output error: ${why}`]);
    expect((next.summary as { errors: number }).errors).toBe(1);
    // Applied again, from the report that says so, once the link is gone: the outputs are written and the error goes.
    rmSync(path.join(dir, 'ap/diff/sub'));
    r = run(['apply', dec, '--report', 'ap/report.json', '--out', 'ap2', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    next = JSON.parse(read(path.join(dir, 'ap2/report.json')));
    expect(next.documents.map((d) => d.error)).toEqual([undefined, undefined]);
    expect(existsSync(path.join(dir, 'ap2/diff/sub/a.txt.diff'))).toBe(true);
  });
});

describe('unspin apply (round trip on the seeds)', () => {
  let work: string;
  let out: string;
  let report: Report;
  beforeAll(() => {
    // Inputs are named relative to the working directory, as a user runs it.
    work = tmp('unspin-seeds-');
    mkdirSync(path.join(work, 'seeds'));
    for (const f of readdirSync('seeds')) writeFileSync(path.join(work, 'seeds', f), readFileSync(path.join('seeds', f)));
    out = path.join(work, 'out');
    const r = run(['seeds', '--out', out, '--quiet'], work);
    expect(r.status, r.stderr).toBe(0);
    report = JSON.parse(read(path.join(out, 'report.json')));
  }, 120_000);

  const allDecisions = (accept: (e: ReportEdit, suggestion: boolean) => boolean) =>
    report.documents.flatMap((d) => [...d.edits.map((e) => ({ id: e.id, accept: accept(e, false) })), ...d.suggestions.map((e) => ({ id: e.id, accept: accept(e, true) }))]);

  it('reproduces the main run byte for byte when every edit is accepted and suggestions rejected', () => {
    const dec = decisionsFile(work, reportKey(report.documents), allDecisions((_, s) => !s), 'all.json');
    const r = run(['apply', dec, '--report', 'out/report.json', '--out', 'applied', '--quiet'], work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const d of report.documents) {
      expect(read(path.join(work, 'applied/clean', d.path)), d.path).toBe(read(path.join(out, 'clean', d.path)));
      const diff = path.join('diff', `${d.path}.diff`);
      expect(existsSync(path.join(work, 'applied', diff)), diff).toBe(existsSync(path.join(out, diff)));
      if (existsSync(path.join(out, diff))) expect(read(path.join(work, 'applied', diff))).toBe(read(path.join(out, diff)));
    }
    expect(read(path.join(work, 'applied/report.json'))).toBe(read(path.join(out, 'report.json')));
    // The review page is the new report's: here, the main run's page.
    expect(read(path.join(work, 'applied/report.html'))).toBe(read(path.join(out, 'report.html')));
  });

  it('names every input that changed or is missing, and writes nothing', () => {
    const dir = tmp('unspin-apply-many-');
    mkdirSync(path.join(dir, 'in'));
    const names = readdirSync('seeds').sort();
    for (const f of names) writeFileSync(path.join(dir, 'in', f), readFileSync(path.join('seeds', f)));
    expect(run(['in', '--out', 'o', '--quiet'], dir).status).toBe(0);
    const first: Report = JSON.parse(read(path.join(dir, 'o/report.json')));
    writeFileSync(path.join(dir, 'in', names[0]), 'changed\n');
    rmSync(path.join(dir, 'in', names[1]));
    const r = run(['apply', decisionsFile(dir, reportKey(first.documents), []), '--report', 'o/report.json', '--out', 'applied'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^unspin apply: 2 documents cannot be applied; nothing was written:\n/);
    expect(r.stderr).toContain(`${names[0]}: input in/${names[0]} changed since the report was made`);
    expect(r.stderr).toContain(`${names[1]}: cannot read input in/${names[1]}: no such file`);
    expect(existsSync(path.join(dir, 'applied'))).toBe(false);
  });

  it('keeps the output list, so a later run into the same directory removes what apply wrote and it did not', () => {
    const dir = tmp('unspin-apply-rerun-');
    mkdirSync(path.join(dir, 'in'));
    for (const f of readdirSync('seeds')) writeFileSync(path.join(dir, 'in', f), readFileSync(path.join('seeds', f)));
    expect(run(['in', '--out', 'o', '--suggest-only', '--keep-boilerplate', '--quiet'], dir).status).toBe(0);
    const first: Report = JSON.parse(read(path.join(dir, 'o/report.json')));
    const doc4 = first.documents.find((d) => d.path.startsWith('004'))!;
    expect(existsSync(path.join(dir, 'o/diff', `${doc4.path}.diff`))).toBe(false);
    const dec = decisionsFile(dir, reportKey(first.documents), doc4.suggestions.map((e) => ({ id: e.id, accept: true })));
    expect(run(['apply', dec, '--report', 'o/report.json', '--out', 'o', '--quiet'], dir).status).toBe(0);
    expect(existsSync(path.join(dir, 'o/diff', `${doc4.path}.diff`))).toBe(true);
    expect(read(path.join(dir, 'o/report.html'))).toContain(doc4.suggestions[0].id);
    rmSync(path.join(dir, 'in', doc4.path));
    expect(run(['in', '--out', 'o', '--suggest-only', '--keep-boilerplate', '--quiet'], dir).status).toBe(0);
    expect(existsSync(path.join(dir, 'o/diff', `${doc4.path}.diff`))).toBe(false);
    expect(existsSync(path.join(dir, 'o/clean', doc4.path))).toBe(false);
  });

  it('puts a rejected edit back to the original wording and nothing else', () => {
    const doc = report.documents.find((d) => d.edits.some((e) => e.stage === 'restore'))!;
    const rejected = doc.edits.find((e) => e.stage === 'restore')!;
    const dec = decisionsFile(work, reportKey(report.documents), [{ id: rejected.id, accept: false }], 'one.json');
    const r = run(['apply', dec, '--report', 'out/report.json', '--out', 'one', '--quiet'], work);
    expect(r.status, r.stderr).toBe(0);
    const original = read(path.join(work, doc.file!));
    expect(read(path.join(work, 'one/clean', doc.path))).toBe(applyEdits(original, doc.edits.filter((e) => e !== rejected)));
    const next: Report = JSON.parse(read(path.join(work, 'one/report.json')));
    expect(next.documents.find((d) => d.id === doc.id)!.suggestions.map((e) => e.id)).toContain(rejected.id);
  });
});

describe('unspin report', () => {
  it('prints the summary, and one document inline with reasons', () => {
    const { dir, report } = handMade();
    let r = run(['report', report], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/documents\s+1/);
    expect(r.stdout).toContain('worst documents');
    r = run(['report', report, '--doc', 'a.txt'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hello [-wrold-]{+world+}, this is a [?-tset-?]{?+test+?} of the [-aplly-]{+apply+} command.');
    expect(r.stdout).toMatch(/#1 restore\/typo 0\.90 {2}"wrold" → "world"/);
    expect(r.stdout).toMatch(/#2 suggestion restore\/typo 0\.50/);
    expect(r.stdout).not.toContain('\x1b[');
    r = run(['report', report, '--doc', 'a.txt', '--color'], dir);
    expect(r.stdout).toContain('\x1b[9;31mwrold\x1b[0m\x1b[32mworld\x1b[0m');
    r = run(['report', report, '--doc', 'missing.txt'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no document missing.txt');
    expect(run(['report', path.join(dir, 'nope.json')], dir).status).toBe(1);
  });

  it('shows control characters of the input as escapes, never raw on the terminal', () => {
    const dir = tmp('unspin-report-ctl-');
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in/e.txt'), 'The council met.\x1b]0;PWNED\x07 It approved the \x1b[31mred\x1b[0m plan.\r\nSecond line.\n');
    expect(run(['in', '--out', 'out', '--quiet'], dir).status).toBe(0);
    const r = run(['report', 'out/report.json', '--doc', 'e.txt'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain('[-\\x1b-]]0;PWNED[-\\x07-]');
    expect(r.stdout).toContain('[-␍⏎-]{+⏎+}');
    // Ids and paths are the input's too (a JSON Lines id, a file name).
    const records = path.join(dir, 'r.jsonl');
    writeFileSync(records, JSON.stringify({ id: '\x1b]0;PWNED\x07x', text: 'The council met.\x1b[31m It approved the plan.' }) + '\n');
    expect(run(['--jsonl', records, '--out', 'jo', '--quiet'], dir).status).toBe(0);
    const summary = run(['report', 'jo/report.json'], dir);
    expect(summary.stdout).toContain('\\x1b]0;PWNED\\x07x');
    expect(summary.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    // A line break in a name would split its row of the table.
    writeFileSync(records, JSON.stringify({ id: 'two\nlines', text: 'The council met.\x1b[31m It approved the plan.' }) + '\n');
    expect(run(['--jsonl', records, '--out', 'jo', '--quiet'], dir).status).toBe(0);
    expect(run(['report', 'jo/report.json'], dir).stdout).toContain('two⏎lines');
  });

  it('shows the changes of a document whose outputs failed, below the error', () => {
    const { dir, report } = handMade();
    const r0 = JSON.parse(read(report));
    r0.documents[0].error = 'output error: cannot write clean/a.txt: file name too long';
    writeFileSync(report, JSON.stringify(r0));
    const r = run(['report', report, '--doc', 'a.txt'], dir);
    expect(r.stdout).toContain('error: output error: cannot write clean/a.txt');
    expect(r.stdout).toContain('Hello [-wrold-]{+world+}');
  });

  it('stops quietly, exit 0, when its reader goes away early (| head)', () => {
    const { dir, report } = handMade();
    // Far more than a pipe holds: the listing cannot be written before head exits.
    const long = TEXT + 'An unchanged line of the document.\n'.repeat(20_000);
    writeFileSync(path.join(dir, 'in/a.txt'), long);
    const doc = JSON.parse(read(report));
    doc.documents[0].sha256 = sha(long);
    writeFileSync(report, JSON.stringify(doc));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" report "${report}" --doc a.txt --full | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toContain('a.txt');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
