/**
 * One long document: a corpus's texts joined into a single line (no paragraph break),
 * at two lengths, each run alone on one thread. Its time must grow with its length and
 * no faster: V8's Intl.Segmenter once made sentence splitting quadratic in a
 * paragraph's length, and restoration's overlap checks quadratic in a document's
 * (a 5 MB line took about 10 minutes; README, Limits).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliRun } from './cli-run.js';

export interface LongDocumentRun {
  mb: number;
  run: CliRun;
  mbPerS?: number;
}

/** Joins the texts of `corpusDocs` (sorted) into one line of about `mb` megabytes. */
function longLine(corpusDocs: string, mb: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (const f of readdirSync(corpusDocs).sort()) {
    const text = readFileSync(join(corpusDocs, f), 'utf8').replace(/\s*\n\s*/g, ' ').trim();
    parts.push(text);
    bytes += Buffer.byteLength(text) + 1;
    if (bytes >= mb * 1e6) break;
  }
  return parts.join(' ') + '\n';
}

export async function measureLongDocument(
  repo: string,
  root: string,
  corpusDocs: string,
  outDir: string,
  sizesMB: readonly number[],
  timeoutS: number,
  log: (m: string) => void,
): Promise<LongDocumentRun[]> {
  const out: LongDocumentRun[] = [];
  for (const mb of sizesMB) {
    const dir = join(outDir, `long-${mb}mb`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'docs'), { recursive: true });
    const text = longLine(corpusDocs, mb);
    writeFileSync(join(dir, 'docs', 'long.txt'), text);
    const run = await runCli(repo, [join(dir, 'docs'), '--out', join(dir, 'run'), '--quiet', '--workers', '1'], { timeoutS, outDir: dir, root });
    const bytes = Buffer.byteLength(text);
    const ok = run.status === 'ok';
    out.push({ mb: bytes / 1e6, run, mbPerS: ok ? bytes / 1e6 / run.wallS : undefined });
    log(`  one ${(bytes / 1e6).toFixed(1)} MB line: ${run.status}, ${run.wallS.toFixed(1)} s, peak RSS ${run.peakRssMB?.toFixed(0) ?? '?'} MB`);
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
