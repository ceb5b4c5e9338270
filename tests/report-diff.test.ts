import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiff } from '../pipeline/report/diff.js';

const hasPatch = spawnSync('patch', ['--version']).status === 0;

describe('renderDiff', () => {
  it('writes plain names as they are', () => {
    expect(renderDiff('x/a.txt', 'one  two\n', 'one two\n').split('\n').slice(0, 2)).toEqual(['--- a/x/a.txt', '+++ b/x/a.txt']);
  });

  it('ends a name with a space with a tab, as git does', () => {
    expect(renderDiff('my file.txt', 'one  two\n', 'one two\n').split('\n').slice(0, 2)).toEqual(['--- a/my file.txt\t', '+++ b/my file.txt\t']);
  });

  it.runIf(hasPatch)('gives diffs GNU patch applies, names with spaces included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-patch-'));
    for (const name of ['my file.txt', 'plain.txt']) {
      const original = 'The council met.\nIt approved the  plan.';
      writeFileSync(path.join(dir, name), original);
      const r = spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: renderDiff(name, original, 'The council met.\nIt approved the plan.') });
      expect(r.stderr.toString() + r.stdout.toString()).toBe('');
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe('The council met.\nIt approved the plan.');
    }
  });
});
