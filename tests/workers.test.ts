import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spin } from '../dev/spin.js';
import { loadLexicon } from '../pipeline/lexicon/index.js';

// Spawns the real, built CLI (`make test` builds dist/ first): the pool's threads load dist/.
const CLI = path.resolve('dist/pipeline/cli.js');
const SEEDS = path.resolve('seeds');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });

/** Every file under `dir`, relative path → bytes (as latin1, to compare exactly). */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'latin1'));
  }
  return out;
}

/**
 * A corpus with work for every stage: the seeds, spun copies of the clean seeds (restored
 * against the originals), a near-duplicate, mojibake, an empty file and a binary one.
 */
let corpus = '';
beforeAll(() => {
  loadLexicon();
  corpus = mkdtempSync(path.join(tmpdir(), 'unspin-workers-'));
  const names = readdirSync(SEEDS).sort();
  for (const f of names) copyFileSync(path.join(SEEDS, f), path.join(corpus, f));
  mkdirSync(path.join(corpus, 'spun'));
  for (const [i, f] of names.filter((n) => !n.startsWith('003')).entries()) {
    const text = readFileSync(path.join(SEEDS, f), 'utf8');
    writeFileSync(path.join(corpus, 'spun', `s${i}.txt`), spin(text, { rate: 0.35, seed: 7 + i }).text);
  }
  writeFileSync(path.join(corpus, 'copy.txt'), readFileSync(path.join(SEEDS, names[0]), 'utf8').replace(/\.\s*$/, '. Copyright 2025.\n'));
  writeFileSync(path.join(corpus, 'mojibake.txt'), 'The minister\u00e2\u0080\u0099s caf\u00c3\u00a9 opened on Monday, and the mayor\u00e2\u0080\u0099s office said it would stay open.\n');
  writeFileSync(path.join(corpus, 'empty.txt'), '');
  writeFileSync(path.join(corpus, 'binary.txt'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 7]));
}, 120_000);

describe('--workers', () => {
  it('writes byte-identical outputs with 1, 2 and 3 threads', () => {
    const outs = [1, 2, 3].map((n) => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-w-')), 'out');
      const r = run([corpus, '--out', out, '--quiet', '--workers', String(n)]);
      expect(r.status, r.stderr).toBe(1); // the binary file is a failure (exit 1), the rest is written
      return tree(out);
    });
    const report = JSON.parse(outs[0].get('report.json')!);
    // The corpus exercised restoration, duplicates and unreadable input.
    const docs = report.documents as Array<{ path: string; kinds: string[]; edits: Array<{ stage: string; source?: unknown }> }>;
    expect(docs.filter((d) => d.kinds.includes('spun')).length).toBeGreaterThanOrEqual(4);
    expect(docs.some((d) => d.edits.some((e) => e.stage === 'restore' && e.source))).toBe(true);
    expect(docs.some((d) => d.kinds.includes('duplicate'))).toBe(true);
    expect(docs.some((d) => d.kinds.includes('unreadable'))).toBe(true);
    for (const other of outs.slice(1)) {
      expect([...other.keys()].sort()).toEqual([...outs[0].keys()].sort());
      for (const [file, bytes] of outs[0]) expect(other.get(file) === bytes, file).toBe(true);
    }
  }, 180_000);

  it('writes JSON Lines in input order, identically with 1 and 2 threads', () => {
    const lines = readdirSync(path.join(corpus, 'spun')).flatMap((f, i) => {
      const text = readFileSync(path.join(corpus, 'spun', f), 'utf8');
      // Many small records, so the window of records in flight wraps around several times.
      return text.split('\n\n').filter((p) => p.trim()).map((p, j) => JSON.stringify({ id: `${i}-${j}`, text: p, extra: j }));
    });
    lines.splice(3, 0, '{"id": "no-text"}', 'not json');
    const input = lines.join('\n') + '\n';
    const [one, two, streamed] = [['1'], ['2'], ['2', '--per-record']].map((a) => run(['--jsonl', '-', '--quiet', '--workers', ...a], input));
    for (const r of [one, two, streamed]) expect(r.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const ids = one.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    expect(streamed.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(ids);
    const expected = lines.flatMap((l) => {
      try {
        return [JSON.parse(l).id];
      } catch {
        return [];
      }
    });
    expect(ids).toEqual(expected);
  }, 120_000);

  it('restores JSON Lines records from each other, exactly as files mode restores files', () => {
    const files = [...tree(corpus)].filter(([f]) => f.endsWith('.txt') && !f.includes('binary') && !f.includes('empty'));
    const input = files.map(([f, latin1]) => JSON.stringify({ id: f, text: Buffer.from(latin1, 'latin1').toString('utf8') })).join('\n') + '\n';
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-w-')), 'out');
    expect(run([corpus, '--out', out, '--quiet', '--workers', '2']).status).toBe(1);
    const two = run(['--jsonl', '-', '--quiet', '--workers', '2'], input);
    expect(two.status, two.stderr).toBe(0);
    const records = two.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(files.map(([f]) => f));
    for (const r of records) expect(r.text, r.id).toBe(readFileSync(path.join(out, 'clean', r.id), 'utf8'));
    // Spun records took wording from the clean ones; alone, they cannot.
    const alone = run(['--jsonl', '-', '--quiet', '--workers', '2', '--per-record'], input);
    expect(alone.status).toBe(0);
    const edits = (stdout: string) => new Map(stdout.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.id, r.unspin.edits]));
    const [withRefs, without] = [edits(two.stdout), edits(alone.stdout)];
    const spunIds = records.filter((r) => r.id.startsWith('spun/')).map((r) => r.id);
    expect(spunIds.length).toBe(4);
    for (const id of spunIds) expect(withRefs.get(id), id).toBeGreaterThan(without.get(id) + 5);
  }, 180_000);

  it('passes a JSON Lines record with a reused id through unchanged, as a failure, in two passes', () => {
    const spun = readFileSync(path.join(corpus, 'spun', 's0.txt'), 'utf8');
    const clean = readFileSync(path.join(SEEDS, readdirSync(SEEDS).sort()[0]), 'utf8');
    const input = [{ id: 'a', text: clean }, { id: 'same', text: spun }, { id: 'same', text: 'Another text altogether, about a council vote.' }]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const r = run(['--jsonl', '-', '--quiet', '--workers', '2'], input);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('record id same was used by an earlier record');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'same', 'same']);
    expect(out[1].unspin.kinds).toContain('spun');
    expect(out[2]).toMatchObject({ text: 'Another text altogether, about a council vote.', unspin: { verdict: 'skipped', error: 'duplicate id' } });
    // One record at a time, ids need not be unique.
    expect(run(['--jsonl', '-', '--quiet', '--per-record'], input).status).toBe(0);
  }, 120_000);

  it('exits, rather than hangs, when its temporary files cannot be made', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'unspin-w-')), 'out');
    const r = spawnSync(process.execPath, [CLI, SEEDS, '--out', out, '--quiet', '--workers', '2'], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: path.join(tmpdir(), 'unspin-no-such-dir') },
      timeout: 60_000,
    });
    expect(r.signal).toBeNull();
    // Said before any thread starts: a usage error (exit 2), one line naming the directory.
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^unspin: TMPDIR \S*unspin-no-such-dir is not usable: no such file or directory; [^\n]*\n$/);
  }, 90_000);

  it('stops sending tasks once one result fails', async () => {
    const { createRunner } = await import(path.resolve('dist/pipeline/workers/pool.js'));
    const runner = createRunner(2);
    const options = { keepBoilerplate: false, minConfidence: 0.8, suggestOnly: false };
    const args = Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, path: `d${i}`, text: 'A short text.', maxBytes: 1 << 20, options }));
    let calls = 0;
    try {
      await expect(
        runner.each('analyze', args, (i: number) => {
          calls++;
          if (i === 3) throw new Error('stop here');
        }),
      ).rejects.toThrow('stop here');
      const after = calls;
      await new Promise((r) => setTimeout(r, 300));
      expect(calls).toBe(after);
      expect(calls).toBeLessThan(10);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('on one thread, delivers in input order while reading ahead, and fails on a file it cannot read', async () => {
    const { createRunner } = await import(path.resolve('dist/pipeline/workers/pool.js'));
    const runner = createRunner(1);
    const options = { keepBoilerplate: false, minConfidence: 0.8, suggestOnly: false, spin: false };
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-ahead-'));
    // Sizes vary, so later reads can finish first.
    const files = Array.from({ length: 12 }, (_, i) => {
      const file = path.join(dir, `f${i}.txt`);
      writeFileSync(file, `Document ${i}. `.repeat(i % 3 === 0 ? 20_000 : 5));
      return { id: `f${i}`, path: `f${i}`, file, maxBytes: 1 << 22, options };
    });
    const order: string[] = [];
    await runner.each('analyze', files, (i: number, a: { state: { id: string } }) => order.push(`${i}:${a.state.id}`));
    expect(order).toEqual(files.map((f, i) => `${i}:${f.id}`));
    // An unreadable file is a document with an error, not a failed run; a failing callback stops the run.
    const missing = [...files.slice(0, 2), { ...files[2], file: path.join(dir, 'missing.txt') }, ...files.slice(3)];
    const errors: string[] = [];
    await expect(
      runner.each('analyze', missing, (i: number, a: { state: { error?: string } }) => {
        if (a.state.error) errors.push(`${i}`);
        if (i === 5) throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
    expect(errors).toEqual(['2']);
    await runner.close();
  });

  it('refuses a bad --workers value', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = run([SEEDS, '--out', path.join(tmpdir(), 'unspin-never'), '--workers', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--workers');
    }
  });
});
