/**
 * Runs the real CLI (`node dist/pipeline/cli.js …`) as a child process and measures
 * wall time, CPU time and peak RSS. Peak RSS comes from `/usr/bin/time` (the
 * kernel's ru_maxrss of the child) when it is installed, otherwise from polling
 * VmHWM in /proc/<pid>/status (may miss the last poll interval's growth).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface CliRun {
  args: string[];
  status: 'ok' | 'failed' | 'timeout' | 'out-of-memory' | 'killed';
  exitCode: number | null;
  signal: string | null;
  wallS: number;
  userS?: number;
  sysS?: number;
  peakRssMB?: number;
  rssSource: 'time' | 'proc' | 'none';
  /** Last lines of stderr, when the run did not succeed. */
  stderrTail?: string;
  /** Seconds per stage, when the run was given --timings (its table on stderr). */
  stages?: Record<string, number>;
}

const TIME = '/usr/bin/time';

/**
 * Runs `<root>/dist/pipeline/cli.js` (root: the repository, or a snapshot of dist/ and
 * data/detect/ made by snapshotBuild) with the repository as working directory.
 */
export async function runCli(repo: string, args: string[], opts: { timeoutS: number; outDir: string; root?: string }): Promise<CliRun> {
  const cli = join(opts.root ?? repo, 'dist', 'pipeline', 'cli.js');
  const timeFile = join(opts.outDir, '.time');
  rmSync(timeFile, { force: true });
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime
    ? [TIME, ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, cli, ...args]]
    : [process.execPath, [cli, ...args]];
  const t0 = performance.now();
  const child = spawn(cmd, argv, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => {
    stderr += b.toString('utf8');
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  // Poll VmHWM of the node process (the child of /usr/bin/time, or the child itself).
  let hwmKB = 0;
  const poll = setInterval(() => {
    const pid = useTime ? grandchild(child.pid!) : child.pid;
    if (!pid) return;
    try {
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (m) hwmKB = Math.max(hwmKB, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 200);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    const pid = useTime ? grandchild(child.pid!) : undefined;
    if (pid) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
  }, opts.timeoutS * 1000);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  clearInterval(poll);
  clearTimeout(timer);
  const wallS = (performance.now() - t0) / 1000;

  let userS: number | undefined;
  let sysS: number | undefined;
  let peakKB = hwmKB;
  let rssSource: CliRun['rssSource'] = hwmKB ? 'proc' : 'none';
  let exitCode = code;
  let sig: string | null = signal;
  if (useTime && existsSync(timeFile)) {
    const text = readFileSync(timeFile, 'utf8');
    // "Command terminated by signal 9" / "Command exited with non-zero status 1" come first.
    const killed = text.match(/terminated by signal (\d+)/);
    if (killed) sig = `signal ${killed[1]}`;
    const exited = text.match(/non-zero status (\d+)/);
    if (exited) exitCode = Number(exited[1]);
    const m = text.trim().split('\n').pop()!.match(/^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/);
    if (m) {
      userS = Number(m[2]);
      sysS = Number(m[3]);
      peakKB = Math.max(peakKB, Number(m[4]));
      rssSource = 'time';
    }
  }
  const oom = /heap out of memory|Allocation failed|ENOMEM/i.test(stderr) || (sig === 'signal 9' && !timedOut);
  const status: CliRun['status'] = timedOut ? 'timeout' : oom ? 'out-of-memory' : sig ? 'killed' : exitCode === 0 ? 'ok' : 'failed';
  return {
    args,
    status,
    exitCode,
    signal: sig,
    wallS,
    userS,
    sysS,
    peakRssMB: peakKB ? peakKB / 1024 : undefined,
    rssSource,
    stderrTail: status === 'ok' ? undefined : stderrSummary(stderr),
    ...(args.includes('--timings') ? { stages: parseTimings(stderr) } : {}),
  };
}

/** The `--timings` table of the CLI (pipeline/timings.ts formatTimings): stage → seconds. */
export function parseTimings(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^(\S[\S ]*?)\s+(\d+\.\d+) s\s+[\d.]+ MB\/s$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

/** The lines of a failed run's stderr worth keeping: V8's fatal error and JS stack, else the last lines. */
function stderrSummary(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const fatal = lines.filter((l) => /FATAL ERROR|heap limit|Last few GCs|JavaScript stack|^\s*\d+: .*\.js:\d+/.test(l) || /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: /.test(l)).slice(0, 12);
  return (fatal.length ? fatal : lines.slice(-8)).join('\n');
}

/** The first child of `pid` (node under /usr/bin/time). */
function grandchild(pid: number): number | undefined {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return kids ? Number(kids.split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Copies dist/ and data/detect/ to `<dir>/dist` and `<dir>/data/detect`, so a long run
 * uses one build and one detection model while others rebuild or retune. The copy
 * still resolves node_modules (and the lexicon cache) from the repository above it,
 * and finds its data/detect before the repository's (pipeline/stages/detect/freq.ts
 * looks upwards from the module).
 */
export function snapshotBuild(repo: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  cpSync(join(repo, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(repo, 'data', 'detect'), join(dir, 'data', 'detect'), { recursive: true });
  return dir;
}

/** The CLI's --help text (to find options such as --workers). */
export async function cliHelp(repo: string, root = repo): Promise<string> {
  const child = spawn(process.execPath, [join(root, 'dist', 'pipeline', 'cli.js'), '--help'], { cwd: repo });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  await new Promise((r) => child.on('close', r));
  return out;
}
