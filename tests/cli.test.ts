import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { feed, makeFifo } from './fifo.js';

// Spawns the real, built CLI (`make test` builds dist/ first).
const CLI = path.resolve('dist/pipeline/cli.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, FORCE_COLOR: '0' } });

/**
 * Runs the CLI without blocking this process (which may have to feed a FIFO meanwhile).
 * A run still going after 30 s is killed: a test of a hang fails rather than leave it behind.
 */
function runAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const ARTICLE =
  'The council met on Tuesday to discuss the new budget for the city library. Members said the plan would add ' +
  'two reading rooms and extend opening hours on weekends. The vote is expected next month after a public hearing.\n';

function corpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unspin-cli-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('unspin CLI', () => {
  it('documents the contract in --help', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--out', '--jsonl', '--fail-on', '--keep-boilerplate', '--min-confidence', '--suggest-only', '--no-spin', '--quiet', 'Exit codes']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('processes a directory, writes clean/, diff/ and report.json, and leaves inputs alone', () => {
    const dir = corpus({ 'a.txt': ARTICLE, 'sub/b.md': 'CNN\n—\n' + ARTICLE, 'skip.json': '{}' });
    const before = sha(path.join(dir, 'sub/b.md'));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-out-')), 'out');
    const r = run([dir, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(path.join(out, 'clean/a.txt'), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(path.join(out, 'clean/sub/b.md'), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(path.join(out, 'diff/sub/b.md.diff'), 'utf8')).toContain('-CNN');
    expect(existsSync(path.join(out, 'diff/a.txt.diff'))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.documents.map((d: { path: string }) => d.path)).toEqual(['a.txt', 'sub/b.md']);
    expect(report.summary.documents).toBe(2);
    expect(sha(path.join(dir, 'sub/b.md'))).toBe(before);
  });

  it('exits 1 for unreadable inputs but still writes the others', () => {
    const dir = corpus({
      'good.txt': ARTICLE,
      'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]),
      'latin1.txt': Buffer.from('caf\xe9 au lait, s\'il vous pla\xeet\n', 'latin1'),
    });
    const out = path.join(dir, '..', path.basename(dir) + '-out');
    const r = run([dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/binary\.txt: binary data/);
    expect(r.stderr).toMatch(/latin1\.txt: invalid UTF-8 at byte 3/);
    expect(readFileSync(path.join(out, 'clean/good.txt'), 'utf8')).toBe(ARTICLE);
    expect(existsSync(path.join(out, 'clean/binary.txt'))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    const bad = report.documents.find((d: { path: string }) => d.path === 'binary.txt');
    expect(bad).toMatchObject({ verdict: 'skipped', kinds: ['unreadable'] });
    expect(report.summary.errors).toBe(2);
  });

  it('reports an empty file as skipped without failing', () => {
    const dir = corpus({ 'empty.txt': '', 'a.txt': ARTICLE });
    const out = path.join(dir, '..', path.basename(dir) + '-out');
    const r = run([dir, '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.documents[1]).toMatchObject({ path: 'empty.txt', verdict: 'skipped', kinds: ['empty'] });
  });

  it.each([
    [['--out', '/tmp/x'], /no input/],
    [['seeds'], /--out <dir> is required/],
    [['/nonexistent/dir', '--out', '/tmp/x'], /no such file or directory/],
    [['seeds', 'seeds', '--out', '/tmp/x'], /same as seeds/],
    [['seeds', 'seeds/000_a4ac4f495bfcf4c3.txt', '--out', '/tmp/x'], /among the inputs twice/],
    [['seeds', '--out', 'seeds/out'], /inside input directory/],
    [['seeds', '--out', '/tmp/x', '--fail-on', 'sometimes'], /--fail-on takes "degraded"/],
    [['seeds', '--out', '/tmp/x', '--bogus'], /Unknown option/],
  ])('exits 2 on usage error %j', (args, message) => {
    const r = run(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('refuses inputs inside the output directory, so they are never overwritten', () => {
    const dir = corpus({ 'clean/a.txt': 'An  article with two spaces.\n' });
    const r = run([path.join(dir, 'clean/a.txt'), '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/inside the output directory/);
    expect(readFileSync(path.join(dir, 'clean/a.txt'), 'utf8')).toBe('An  article with two spaces.\n');
  });

  it('refuses more than one JSONL input and leaves no temp files', () => {
    const dir = corpus({ 'a.jsonl': '{"id":1,"text":"x"}\n', 'b.jsonl': '{"id":2,"text":"y"}\n' });
    const out = dir + '-out';
    const r = run(['--jsonl', path.join(dir, 'a.jsonl'), path.join(dir, 'b.jsonl'), '--out', out]);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('removes a diff left by an earlier run when the document no longer changes', () => {
    const dir = corpus({ 'a.txt': 'CNN\n—\n' + ARTICLE });
    const out = dir + '-out';
    expect(run([dir, '--out', out, '--quiet']).status).toBe(0);
    expect(existsSync(path.join(out, 'diff/a.txt.diff'))).toBe(true);
    writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    expect(run([dir, '--out', out, '--quiet']).status).toBe(0);
    expect(existsSync(path.join(out, 'diff/a.txt.diff'))).toBe(false);
  });

  it('removes the outputs of an earlier run that this run did not write, and nothing else', () => {
    const dir = corpus({ 'a.txt': 'CNN\n—\n' + ARTICLE, 'b.txt': ARTICLE, 'c.txt': ARTICLE });
    const out = dir + '-out';
    expect(run([dir, '--out', out, '--quiet']).status).toBe(0);
    writeFileSync(path.join(out, 'clean', 'mine.txt'), 'a file unspin did not write');
    // a.txt leaves the corpus, b.txt can no longer be read, c.txt stays
    rmSync(path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x41, 0x00, 0x42]));
    expect(run([dir, '--out', out, '--quiet']).status).toBe(1);
    expect(existsSync(path.join(out, 'clean/a.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'diff/a.txt.diff'))).toBe(false);
    expect(existsSync(path.join(out, 'clean/b.txt'))).toBe(false);
    expect(readFileSync(path.join(out, 'clean/c.txt'), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(path.join(out, 'clean/mine.txt'), 'utf8')).toBe('a file unspin did not write');
  });

  it('refuses an --out that is a file, or below one, with a plain message', () => {
    const dir = corpus({ 'a.txt': ARTICLE, 'afile': 'x' });
    for (const out of [path.join(dir, 'afile'), path.join(dir, 'afile', 'sub')]) {
      const r = run([path.join(dir, 'a.txt'), '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^unspin: --out .* (is a file|which is a file)/);
    }
  });

  it('refuses an --out no directory can be made at, or written in, at once: one line, exit 2', () => {
    const dir = corpus({ 'a.txt': ARTICLE, 'in.jsonl': JSON.stringify({ id: 'a', text: ARTICLE }) + '\n' });
    // /proc fails mkdir of a new entry with ENOENT though /proc exists: Node's recursive
    // mkdir took that for a missing parent and retried forever. A link to nothing failed
    // only once pass 1 was done, with exit 1.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'unspin-out-'));
    symlinkSync(path.join(elsewhere, 'nowhere'), path.join(elsewhere, 'dangling'));
    const outs = [path.join(elsewhere, 'dangling', 'out')];
    if (existsSync('/proc/self')) outs.push('/proc/unspin-out', '/proc/unspin-out/sub', '/proc');
    for (const out of outs) {
      for (const args of [[dir, '--out', out], ['--jsonl', path.join(dir, 'in.jsonl'), '--out', out]]) {
        // A hang is killed (SIGKILL: a blocked event loop handles no SIGTERM) and fails the test.
        const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/^unspin: cannot (make|write in) --out [^\n]*\n$/);
      }
    }
  });

  it('names UTF-16 text as such', () => {
    const dir = corpus({ 'a.txt': Buffer.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]) });
    const r = run([dir, '--out', dir + '-out', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('UTF-16 text (little-endian byte-order mark); re-encode the file as UTF-8');
  });

  it('refuses an empty --min-confidence rather than taking it for 0', () => {
    const dir = corpus({ 'a.txt': ARTICLE });
    const r = run([dir, '--out', dir + '-out', '--min-confidence=']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--min-confidence');
  });

  it('exits 3 with --fail-on degraded when a document is degraded', () => {
    const moji = 'The minister said itâ€™s time to act, and the mayor agreed: â€œWe canâ€™t wait.â€\u009d\n';
    const dir = corpus({ 'moji.txt': moji + ARTICLE });
    const out = path.join(dir, '..', path.basename(dir) + '-out');
    expect(run([dir, '--out', out, '--quiet']).status).toBe(0);
    expect(run([dir, '--out', out, '--quiet', '--fail-on', 'degraded']).status).toBe(3);
  });

  it('--no-spin skips spin detection and restoration, keeps the hygiene stages, and says so', () => {
    const spun = readFileSync(path.resolve('seeds', readdirSync('seeds').find((f) => f.startsWith('003_'))!), 'utf8');
    const dir = corpus({ 'spun.txt': spun, 'b.txt': 'CNN\n—\n' + ARTICLE });
    const report = (args: string[]) => {
      const out = mkdtempSync(path.join(tmpdir(), 'unspin-nospin-'));
      expect(run([dir, '--out', out, '--quiet', ...args]).status).toBe(0);
      return JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    };
    const full = report([]);
    const fast = report(['--no-spin']);
    expect(full.documents[1].kinds).toContain('spun');
    expect(full.summary.spinDetection).toBeUndefined();
    expect(fast.summary.spinDetection).toBe(false);
    // Same boilerplate removal; no spin verdict, sentence scores or restorations.
    expect(fast.documents[0].edits.map((e: { before: string }) => e.before)).toEqual(full.documents[0].edits.map((e: { before: string }) => e.before));
    const spunDoc = fast.documents[1];
    expect(spunDoc.kinds).not.toContain('spun');
    expect(spunDoc.sentences).toEqual([]);
    expect(spunDoc.edits.filter((e: { stage: string }) => e.stage === 'restore')).toEqual([]);
    expect(spunDoc.edits.some((e: { stage: string }) => e.stage === 'boilerplate')).toBe(true);
  });

  it('streams JSON Lines from stdin, keeping other fields', () => {
    const input = [
      JSON.stringify({ id: 'r1', text: 'CNN\n—\n' + ARTICLE, lang: 'en' }),
      'not json',
      JSON.stringify({ id: 'r2', text: ARTICLE }),
    ].join('\n');
    const r = run(['--jsonl', '-', '--quiet'], input);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stdin:2: not a JSON object/);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ id: 'r1', lang: 'en', text: ARTICLE, unspin: { verdict: 'clean', kinds: ['boilerplate'] } });
    expect(records[0].unspin.edits).toBe(2);
    expect(records[1]).toMatchObject({ id: 'r2', text: ARTICLE, unspin: { verdict: 'clean', edits: 0 } });
  });
});

describe('unspin CLI, JSONL records that cannot be processed', () => {
  it('lists them in report.json and counts them as errors, in input order', () => {
    const lines = [JSON.stringify({ id: 'a', text: ARTICLE }), '{not json', JSON.stringify({ id: 'b', body: 'no text' }), JSON.stringify({ id: 'c', text: ARTICLE })];
    const dir = corpus({ 'in.jsonl': lines.join('\n') + '\n' });
    const out = dir + '-out';
    const r = run(['--jsonl', path.join(dir, 'in.jsonl'), '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual(['a', `${path.join(dir, 'in.jsonl')}:2`, 'b', 'c']);
    expect(report.documents[1]).toMatchObject({ verdict: 'skipped', kinds: ['unreadable'], error: expect.stringContaining('not a JSON object') });
    expect(report.documents[2].error).toContain('no text field');
    expect(report.summary.errors).toBe(2);
    // the malformed line is left out; the record without text is passed through
    const written = readFileSync(path.join(out, 'clean.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
    expect(written).toEqual(['a', 'b', 'c']);
  });
});

describe('unspin CLI, JSONL fields', () => {
  it('writes every field but "text" back byte for byte: 64-bit ids, number formats, escapes', () => {
    const line = `{"id":"x","big":12345678901234567890,"n":1.0,"e":1e2,"s":"caf\\u00e9", "text":${JSON.stringify('CNN\n—\n' + ARTICLE)}}`;
    const r = run(['--jsonl', '-', '--quiet'], line + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout.trim();
    expect(out.startsWith('{"id":"x","big":12345678901234567890,"n":1.0,"e":1e2,"s":"caf\\u00e9", "text":')).toBe(true);
    const rec = JSON.parse(out);
    expect(rec.text).toBe(ARTICLE);
    expect(rec.unspin).toMatchObject({ kinds: ['boilerplate'], edits: 2 });
  });

  it('tells ids apart by their JSON text: 64-bit numbers and object ids are not duplicates', () => {
    const ids = ['12345678901234567890', '12345678901234567891', '{"k":"a"}', '{"k":"b"}'];
    const input = ids.map((id, i) => `{"id":${id},"text":${JSON.stringify(ARTICLE.replace('Tuesday', `day ${i}`))}}`).join('\n') + '\n';
    const out = mkdtempSync(path.join(tmpdir(), 'unspin-ids-'));
    const r = run(['--jsonl', '-', '--out', out, '--quiet'], input);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = readFileSync(path.join(out, 'clean.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => l.slice(6, 6 + l.indexOf(',"text"') - 6))).toEqual(ids);
    expect(lines.every((l) => JSON.parse(l).unspin.verdict !== 'skipped')).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual(ids);
  });

  it('treats "id": null as no id, and never reads a record as Markdown for its id', () => {
    const text = 'A line with a hard break  \nand the rest of its paragraph, long enough to be judged English by the language stage.';
    const input = [null, null, 'notes.md'].map((id) => JSON.stringify({ id, text })).join('\n') + '\n';
    const r = run(['--jsonl', '-', '--quiet'], input);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.unspin.verdict)).toEqual(['clean', 'clean', 'clean']);
    expect(out.every((o) => !o.text.includes('  \n'))).toBe(true);
  });

  it('passes a record whose text is over --max-bytes through unchanged, as an error', () => {
    const input = `{"id":"small","text":"A short record."}\n{"id":"big","text":${JSON.stringify(ARTICLE)}}\n`;
    const r = run(['--jsonl', '-', '--max-bytes', '100', '--quiet'], input);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/record big: text is \d+ bytes, over the 100-byte limit/);
    const [small, big] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(small.unspin.verdict).not.toBe('skipped');
    expect(big.text).toBe(ARTICLE);
    expect(big.unspin).toMatchObject({ verdict: 'skipped' });
  });
});

describe('unspin CLI, one output directory for runs of both kinds', () => {
  it('a JSON Lines run removes a files run\'s outputs, and the other way round', () => {
    const dir = corpus({ 'in/a.txt': 'CNN\n—\n' + ARTICLE });
    const out = path.join(dir, 'out');
    expect(run([path.join(dir, 'in'), '--out', out, '--quiet']).status).toBe(0);
    expect(existsSync(path.join(out, 'report.html'))).toBe(true);
    const records = path.join(dir, 'r.jsonl');
    writeFileSync(records, JSON.stringify({ id: 'r', text: ARTICLE }) + '\n');
    expect(run(['--jsonl', records, '--out', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.unspin-outputs', 'clean.jsonl', 'report.json']);
    expect(run([path.join(dir, 'in'), '--out', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.unspin-outputs', 'clean', 'diff', 'report.html', 'report.json']);
  });
});

describe('unspin CLI, JSONL bytes', () => {
  it('reports a JSONL line that is not valid UTF-8 instead of altering it', () => {
    const input = Buffer.concat([Buffer.from('{"id":"a","text":"caf'), Buffer.from([0xe9]), Buffer.from(' au lait"}\n{"id":"b","text":"ok"}\n')]);
    const r = spawnSync(process.execPath, [CLI, '--jsonl', '-', '--quiet'], { input });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/stdin:1: invalid UTF-8/);
    const out = r.stdout.toString().trim().split('\n');
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]).id).toBe('b');
  });
});

describe('unspin CLI, --per-record streams', () => {
  it('answers each record while its producer waits, before the input ends', async () => {
    const child = spawn(process.execPath, [CLI, '--jsonl', '-', '--per-record', '--quiet', '--workers', '1']);
    const lines: string[] = [];
    let buffered = '';
    let notify = () => {};
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      lines.push(...parts);
      notify();
    });
    const answered = (n: number) =>
      new Promise<void>((resolve) => {
        notify = () => lines.length >= n && resolve();
        notify();
      });
    // One record at a time, the next only once the previous came back: stdin stays open.
    for (let i = 1; i <= 3; i++) {
      child.stdin!.write(JSON.stringify({ id: `r${i}`, text: `Record ${i} has actually been written.` }) + '\n');
      await answered(i);
      expect(JSON.parse(lines[i - 1]).id).toBe(`r${i}`);
    }
    child.stdin!.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
  }, 30_000);
});

describe('unspin CLI, a stderr that cannot be written', () => {
  it('does not fail a finished run (2>/dev/full), and still fails a run whose input failed', () => {
    const dir = corpus({ 'in/a.txt': ARTICLE, 'bad/b.txt': Buffer.from([0xff, 0xfe, 0x00, 0x41]) });
    const full = openSync('/dev/full', 'w');
    try {
      const ok = spawnSync(process.execPath, [CLI, path.join(dir, 'in'), '--out', dir + '-o1'], { stdio: ['ignore', 'pipe', full] });
      expect(ok.status).toBe(0);
      expect(existsSync(path.join(dir + '-o1', 'report.json'))).toBe(true);
      const bad = spawnSync(process.execPath, [CLI, path.join(dir, 'bad'), '--out', dir + '-o2'], { stdio: ['ignore', 'pipe', full] });
      expect(bad.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});

describe('inputs that cannot be read', () => {
  it('report a directory among the inputs (one the walk could not open) as a failed input', async () => {
    const { readInput } = await import('../pipeline/corpus/read-input.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-dir-'));
    const r = await readInput(dir, 1 << 20);
    expect(r).toEqual({ error: expect.stringContaining('directory cannot be read') });
  });
});

describe('inputs that are not regular files', () => {
  it('stops reading a FIFO or a device once over --max-bytes and refuses it, as an oversized file; the others are written', async () => {
    const dir = corpus({ 'a.txt': ARTICLE });
    const fifo = makeFifo('f.txt');
    const out = dir + '-out';
    const writer = feed(fifo, Buffer.from(ARTICLE.repeat(20_000))); // 4 MB
    const r = await runAsync([path.join(dir, 'a.txt'), fifo, '/dev/zero', '--out', out, '--max-bytes', '10000', '--quiet']);
    writer.release();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unspin: f.txt: file is over the 10000-byte limit (raise it with --max-bytes)');
    expect(r.stderr).toContain('unspin: zero: file is over the 10000-byte limit (raise it with --max-bytes)');
    expect(readFileSync(path.join(out, 'clean/a.txt'), 'utf8')).toBe(ARTICLE);
    expect(existsSync(path.join(out, 'clean/f.txt'))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.summary.errors).toBe(2);
  });
});

describe('file names that are not valid UTF-8', () => {
  // Node decodes names as UTF-8 with U+FFFD for the rest: caf\xe9.txt was reported
  // "caf�.txt: no such file or directory", a file unspin had itself found.
  it('fail as inputs, each named and saying why; the other inputs are written', () => {
    const dir = corpus({ 'a.txt': ARTICLE });
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), latin1('caf\xe9.txt')]), ARTICLE);
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), latin1('caf\xe8.txt')]), ARTICLE); // the same name to a lossy decoder
    mkdirSync(Buffer.concat([Buffer.from(dir + '/'), latin1('r\xe9sum\xe9s')]));
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), latin1('r\xe9sum\xe9s/b.txt')]), ARTICLE);
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), latin1('notes\xe9.json')]), '{}'); // not a text file: skipped as before
    const out = dir + '-out';
    const r = run([dir, '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'unspin: caf\\xE8.txt: file name is not valid UTF-8; rename it to read it\n' +
        'unspin: caf\\xE9.txt: file name is not valid UTF-8; rename it to read it\n' +
        'unspin: r\\xE9sum\\xE9s: directory name is not valid UTF-8; rename it to read the files in it\n',
    );
    expect(readdirSync(path.join(out, 'clean'))).toEqual(['a.txt']);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.documents.map((d: { id: string; verdict: string }) => [d.id, d.verdict])).toEqual([
      ['a.txt', 'clean'],
      ['caf\\xE8.txt', 'skipped'],
      ['caf\\xE9.txt', 'skipped'],
      ['r\\xE9sum\\xE9s', 'skipped'],
    ]);
    expect(report.summary.errors).toBe(3);
  });

  it('given on the command line, cannot be found, and the message says why', () => {
    const dir = corpus({});
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from('caf\xe9.txt', 'latin1')]), ARTICLE);
    const r = spawnSync('bash', ['-c', 'exec "$0" "$1" "$2/caf"$\'\\xe9\'".txt" --out "$2-out"', process.execPath, CLI, dir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file or directory (a name that is not valid UTF-8 cannot be passed to unspin: rename it)');
  });
});

describe('inputs that are pipes', () => {
  // realpath cannot resolve a pipe's name (/dev/fd/63, /dev/stdin -> pipe:[…]): the run
  // failed with a raw "ENOENT: …, realpath" and wrote nothing, not even the other inputs.
  it('reads a process substitution <(...) beside a file, named as given', () => {
    const dir = corpus({ 'a.txt': ARTICLE, 'b.txt': 'CNN\n—\n' + ARTICLE });
    const out = dir + '-out';
    const r = spawnSync('bash', ['-c', 'exec "$0" "$1" "$2" <(cat "$3") --out "$4" --quiet', process.execPath, CLI, path.join(dir, 'a.txt'), path.join(dir, 'b.txt'), out], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const names = readdirSync(path.join(out, 'clean'));
    expect(names).toHaveLength(2);
    const piped = names.find((n) => n !== 'a.txt')!;
    expect(piped).toMatch(/^\d+$/); // /dev/fd/<n>
    expect(readFileSync(path.join(out, 'clean', piped), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(path.join(out, 'clean/a.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('reads /dev/stdin fed by a pipe, and refuses it given twice under two names', () => {
    const dir = corpus({ 'b.txt': 'CNN\n—\n' + ARTICLE });
    const out = dir + '-out';
    // `cat | node`: a pipe (spawnSync's own stdin is a socket, which no one can open by name).
    const piped = (...args: string[]) =>
      spawnSync('bash', ['-c', 'cat "$0" | "$1" "$2" "${@:3}"', path.join(dir, 'b.txt'), process.execPath, CLI, ...args], { encoding: 'utf8' });
    const r = piped('/dev/stdin', '--out', out, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(out, 'clean/stdin'), 'utf8')).toBe(ARTICLE);
    const twice = piped('/dev/stdin', '/dev/fd/0', '--out', out + '2');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('unspin: input /dev/fd/0 is the same as /dev/stdin; give each input once\n');
  });
});

/** Is a thread of process `pid` waiting in open() of a FIFO for a writer (Linux)? */
function blockedInFifoOpen(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((t) => readFileSync(`/proc/${pid}/task/${t}/wchan`, 'utf8') === 'wait_for_partner');
  } catch {
    return false;
  }
}

describe('interrupted runs', () => {
  const records = (n: number) =>
    Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i}`, text: ARTICLE.replace('Tuesday', `day ${i}`) })).join('\n') + '\n';

  /**
   * Runs the CLI asynchronously with its own TMPDIR; resolves with its exit status as a
   * shell reports it (128 + n for a process signal n ended), the signal, and stderr.
   * A run still going after `timeout` ms is killed (SIGKILL, status 137): a hang fails the test.
   */
  function spawnCli(
    args: string[],
    tmp: string,
    onStart: (child: ChildProcess) => void,
    timeout = 25_000,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, TMPDIR: tmp, FORCE_COLOR: '0' }, timeout, killSignal: 'SIGKILL' });
      let stderr = '';
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('close', (code, signal) => resolve({ code: code ?? 128 + constants.signals[signal!], signal, stderr }));
      onStart(child);
    });
  }

  it('on SIGINT removes its temporary files and spool, and exits 130', async () => {
    const dir = corpus({ 'in.jsonl': records(3000) });
    const tmp = mkdtempSync(path.join(tmpdir(), 'unspin-tmp-'));
    const out = dir + '-out';
    const r = await spawnCli(['--jsonl', path.join(dir, 'in.jsonl'), '--out', out], tmp, (child) => {
      // interrupt once the run is reading records (its first progress or spool files)
      const poll = setInterval(() => {
        if (readdirSync(tmp).length > 0) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 20);
      child.on('close', () => clearInterval(poll));
    });
    expect(r.code).toBe(130);
    expect(r.signal).toBe('SIGINT'); // the shell's 130: cleanup done, the process dies of the signal
    expect(r.stderr).toContain('stopped by SIGINT');
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.tmp')) : []).toEqual([]);
  }, 30_000);

  it('leaves no report of an earlier run beside outputs of an interrupted one', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`in/d${i}.txt`] = ARTICLE.replace('Tuesday', `day ${i}`);
    const dir = corpus(files);
    const tmp = mkdtempSync(path.join(tmpdir(), 'unspin-tmp-'));
    const out = dir + '-out';
    expect(run([path.join(dir, 'in'), '--out', out, '--quiet']).status).toBe(0);
    // The second run changes every output; stop it while it replaces them (its report gone).
    for (const f of Object.keys(files)) writeFileSync(path.join(dir, f), files[f].replace('day', 'night'));
    const r = await spawnCli([path.join(dir, 'in'), '--out', out, '--quiet'], tmp, (child) => {
      const poll = setInterval(() => {
        if (!existsSync(path.join(out, 'report.json'))) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 5);
      child.on('close', () => clearInterval(poll));
    });
    expect(r.code).toBe(130);
    expect(existsSync(path.join(out, 'report.json'))).toBe(false);
    expect(existsSync(path.join(out, 'report.html'))).toBe(false);
  }, 60_000);

  // A FIFO no one writes to blocks a thread of libuv's pool in open() for good; exiting
  // with process.exit waited for that thread, so the run said "stopped by SIGTERM" and hung.
  it('on SIGTERM exits at once, even with a thread blocked opening a FIFO that has no writer', async () => {
    const fifo = makeFifo('f.txt');
    const tmp = mkdtempSync(path.join(tmpdir(), 'unspin-tmp-'));
    let signalled = 0;
    const r = await spawnCli([fifo, '--out', fifo + '-out', '--quiet'], tmp, (child) => {
      const start = Date.now();
      const poll = setInterval(() => {
        // Signal once a thread waits in the FIFO's open (its kernel wait channel says so);
        // where /proc has no wait channels, after 3 s, by when it has long been waiting.
        if (blockedInFifoOpen(child.pid!) || Date.now() - start > 3_000) {
          clearInterval(poll);
          signalled = Date.now();
          child.kill('SIGTERM');
        }
      }, 50);
      child.on('close', () => clearInterval(poll));
    }, 15_000);
    const took = Date.now() - signalled;
    expect(r.stderr).toContain('stopped by SIGTERM');
    expect(r.signal).toBe('SIGTERM');
    expect(r.code).toBe(143);
    expect(took).toBeLessThan(5_000);
    expect(readdirSync(tmp)).toEqual([]);
  }, 30_000);

  it('stops with one line and exit 1 when the reader of stdout goes away', async () => {
    const dir = corpus({ 'in.jsonl': records(3000) });
    const tmp = mkdtempSync(path.join(tmpdir(), 'unspin-tmp-'));
    const r = await spawnCli(['--jsonl', path.join(dir, 'in.jsonl')], tmp, (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot write to stdout');
    expect(r.stderr).not.toContain('    at ');
    expect(readdirSync(tmp)).toEqual([]);
  }, 30_000);
});

describe('outputs below --out never go through a symbolic link', () => {
  const BOILERPLATE = 'CNN\n—\n' + ARTICLE;

  it('refuses a linked clean/ or diff/ at the start (exit 2, one line): the inputs behind it are neither overwritten nor deleted', () => {
    // The QA case: out/clean -> ../in made the first run overwrite in/a.txt and the
    // second (another corpus, same --out) delete it as a stale output.
    const dir = corpus({ 'in/a.txt': BOILERPLATE, 'other/b.txt': ARTICLE, 'records.jsonl': JSON.stringify({ id: 'r', text: ARTICLE }) + '\n' });
    mkdirSync(path.join(dir, 'out'));
    for (const sub of ['clean', 'diff']) {
      symlinkSync('../in', path.join(dir, 'out', sub));
      for (const args of [['in'], ['other'], ['--jsonl', 'records.jsonl']]) {
        const r = spawnSync(process.execPath, [CLI, ...args, '--out', 'out', '--quiet'], { encoding: 'utf8', cwd: dir });
        expect(r.status, `${sub}: ${args.join(' ')}`).toBe(2);
        expect(r.stderr).toBe(`unspin: --out out: ${sub} is a symbolic link, and unspin never writes or removes files through a link below --out; remove it or choose another --out\n`);
      }
      rmSync(path.join(dir, 'out', sub));
    }
    expect(readdirSync(path.join(dir, 'in'))).toEqual(['a.txt']);
    expect(readFileSync(path.join(dir, 'in/a.txt'), 'utf8')).toBe(BOILERPLATE);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });

  it('fails the output that would go through a link found below clean/ or diff/ (exit 1) and writes everything else', () => {
    const dir = corpus({ 'in/sub/a.txt': BOILERPLATE, 'in/b.txt': BOILERPLATE, 'victim/a.txt': 'not an output', 'out/clean/.keep': '' });
    symlinkSync('../../victim', path.join(dir, 'out/clean/sub'));
    const r = spawnSync(process.execPath, [CLI, 'in', '--out', 'out', '--quiet'], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('unspin: sub/a.txt: cannot write clean/sub/a.txt: clean/sub is a symbolic link, and unspin never writes or removes files through a link below --out\n');
    expect(readdirSync(path.join(dir, 'victim'))).toEqual(['a.txt']);
    expect(readFileSync(path.join(dir, 'victim/a.txt'), 'utf8')).toBe('not an output');
    expect(readFileSync(path.join(dir, 'out/clean/b.txt'), 'utf8')).toBe(ARTICLE);
    expect(existsSync(path.join(dir, 'out/diff/sub/a.txt.diff'))).toBe(true);
    expect(existsSync(path.join(dir, 'out/report.html'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
    expect(report.documents.map((d: { path: string; error?: string }) => [d.path, d.error])).toEqual([
      ['b.txt', undefined],
      ['sub/a.txt', 'output error: cannot write clean/sub/a.txt: clean/sub is a symbolic link, and unspin never writes or removes files through a link below --out'],
    ]);
    expect(report.summary.errors).toBe(1);
    // Only what was written is listed: a later run never removes the victim's file through the link.
    expect(readFileSync(path.join(dir, 'out/.unspin-outputs'), 'utf8')).toBe('"clean/b.txt"\n"diff/b.txt.diff"\n"diff/sub/a.txt.diff"\n"report.html"\n');
  });
});

describe('long file names', () => {
  const spun = () => readFileSync(path.resolve('seeds', readdirSync('seeds').find((f) => f.startsWith('003_'))!), 'utf8');

  it('writes the outputs of any input name the file system takes (a 240-byte name: temp files were named after it)', () => {
    const long = 'x'.repeat(236) + '.txt';
    const dir = corpus({ [long]: spun(), 'ok.txt': ARTICLE });
    const out = dir + '-out';
    const r = run([dir, '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(path.join(out, 'diff', `${long}.diff`))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).summary.documents).toBe(2);
  });

  it('fails only the output whose name is too long (exit 1), and writes everything else, report.json and report.html included', () => {
    // 254 bytes: the cleaned file's name is fine, the diff's (259 bytes) is not.
    const long = 'x'.repeat(250) + '.txt';
    const unchanged = 'y'.repeat(250) + '.txt';
    const dir = corpus({ [long]: spun(), [unchanged]: ARTICLE, 'ok.txt': ARTICLE });
    const out = dir + '-out';
    const why = `cannot write diff/${long}.diff: file name too long for the file system (259 bytes)`;
    const check = () => {
      const r = run([dir, '--out', out, '--quiet']);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`unspin: ${long}: ${why}\n`);
      expect(readdirSync(path.join(out, 'clean')).sort()).toEqual(['ok.txt', long, unchanged]);
      expect(readdirSync(path.join(out, 'diff'))).toEqual([]);
      expect(existsSync(path.join(out, 'report.html'))).toBe(true);
      const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
      const doc = report.documents.find((d: { path: string }) => d.path === long);
      expect(doc).toMatchObject({ verdict: 'degraded', error: `output error: ${why}` });
      expect(doc.edits.length).toBeGreaterThan(0);
      expect(report.summary.errors).toBe(1);
    };
    check();
    // Again into the same directory: the search for stale outputs meets the same names (the unchanged document's diff).
    check();
  });
});

describe('an unusable TMPDIR', () => {
  it('is a usage error said before any work: one line, exit 2, nothing written', () => {
    const dir = corpus({ 'a.txt': ARTICLE, 'in.jsonl': JSON.stringify({ id: 'a', text: ARTICLE }) + '\n', 'afile': 'x' });
    const cases: Array<[string, string]> = [
      ['/nonexistent', 'no such file or directory'],
      [path.join(dir, 'afile'), 'not a directory'],
    ];
    for (const [tmp, why] of cases) {
      const env = { ...process.env, TMPDIR: tmp };
      for (const args of [[dir, '--out', dir + '-out'], ['--jsonl', path.join(dir, 'in.jsonl'), '--out', dir + '-out'], ['--jsonl', '-']]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, input: '' });
        expect(r.status, `${tmp}: ${args.join(' ')}`).toBe(2);
        expect(r.stderr).toBe(`unspin: TMPDIR ${tmp} is not usable: ${why}; set TMPDIR to a directory unspin can write in\n`);
        expect(r.stdout).toBe('');
      }
    }
    expect(existsSync(dir + '-out')).toBe(false);
    // --per-record keeps no temporary files: it runs.
    const r = spawnSync(process.execPath, [CLI, '--jsonl', '-', '--per-record', '--quiet'], { encoding: 'utf8', env: { ...process.env, TMPDIR: '/nonexistent' }, input: readFileSync(path.join(dir, 'in.jsonl'), 'utf8') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('a');
  });
});
