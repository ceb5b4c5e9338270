import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentPidSpace, makeTempDir, sweepDeadRuns } from '../pipeline/corpus/temp-dirs.js';

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('temporary directories of killed runs', () => {
  it('are named after the machine boot, the pid namespace and the process', () => {
    const temp = makeTempDir('spool');
    const dir = temp.path;
    expect(path.basename(dir)).toBe(`unspin-spool-${currentPidSpace()}.${process.pid}-${path.basename(dir).slice(-6)}`);
    expect(existsSync(dir)).toBe(true);
    temp.remove();
    expect(existsSync(dir)).toBe(false);
  });

  it.runIf(currentPidSpace() !== 'nospace')('are removed when their process is gone; live runs, other machines or pid namespaces and other names are kept', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'unspin-sweep-'));
    const space = currentPidSpace();
    const other = space.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const names = {
      dead: `unspin-spool-${space}.${deadPid()}-abc123`,
      live: `unspin-store-${space}.${process.pid}-abc123`,
      parent: `unspin-store-${space}.${process.ppid}-xyz789`,
      otherHost: `unspin-spool-${other}.${deadPid()}-abc123`,
      oldStyle: 'unspin-spool-abc123',
      unrelated: 'something-else',
    };
    for (const n of Object.values(names)) {
      mkdirSync(path.join(root, n));
      writeFileSync(path.join(root, n, 'spool.bin'), 'x');
    }
    expect(sweepDeadRuns(root)).toBe(1);
    expect(existsSync(path.join(root, names.dead))).toBe(false);
    for (const n of [names.live, names.parent, names.otherHost, names.oldStyle, names.unrelated]) expect(existsSync(path.join(root, n)), n).toBe(true);
  });
});
