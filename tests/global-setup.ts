/**
 * Every temporary file of a test run (the tests' own directories, the CLI's spools and
 * stores) goes under one directory, removed when the run ends, so runs do not pile up
 * directories in the system's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(tmpdir(), 'unspin-tests-'));
  // os.tmpdir() reads TMPDIR on every call; test workers and spawned CLIs inherit it.
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
