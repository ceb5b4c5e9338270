/**
 * Lists the applied edits of an eval run (detection or restoration set) that touch no
 * spun word, the ones that lower edit precision, with their reason and confidence, and
 * tallies right / wrong edits per reason.
 *
 *   npx tsx dev/eval/wrong-edits.ts out/eval/light            # a detection set
 *   npx tsx dev/eval/wrong-edits.ts out/eval/restore/light    # a restoration set
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appliedEdits, indexReport, type PipelineReport } from './report.js';
import type { Split } from './corpus.js';
import type { DetectionTruth, LocatedChange, RestoreTruth } from './sets.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx dev/eval/wrong-edits.ts <eval set directory (with truth.json, docs/, run/)>');
  process.exit(2);
}
const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as DetectionTruth | RestoreTruth;
const report = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8')) as PipelineReport;
const find = indexReport(report);
const spunDocs: Array<{ file: string; split: Split; changes: LocatedChange[] }> =
  truth.kind === 'detection' ? truth.documents.filter((d) => d.spun) : truth.clusters;

const tally = new Map<string, { right: number; wrong: number }>();
for (const d of spunDocs) {
  const text = readFileSync(join(dir, 'docs', d.file), 'utf8');
  const rd = find(d.file);
  for (const e of appliedEdits(rd, text).edits) {
    // Right: the edit touches a spinner change (or sits at an insertion point).
    const right = d.changes.some((c) => (c.sStart < e.end && e.start < c.sEnd) || (c.sStart === c.sEnd && c.sStart >= e.start && c.sStart <= e.end));
    const full = rd?.edits.find((x) => x.start === e.start && x.end === e.end);
    const reason = full?.reason ?? '?';
    const t = tally.get(reason) ?? { right: 0, wrong: 0 };
    t[right ? 'right' : 'wrong']++;
    tally.set(reason, t);
    if (right) continue;
    const context = `${text.slice(Math.max(0, e.start - 40), e.start)}[${text.slice(e.start, e.end)}→${e.after}]${text.slice(e.end, e.end + 30)}`;
    console.log(`${d.split} ${reason} ${full?.confidence?.toFixed(2)} ${JSON.stringify(context.replace(/\s+/g, ' '))}`);
  }
}
for (const [reason, t] of [...tally].sort()) console.log(`${reason}: ${t.right} right, ${t.wrong} wrong (${((100 * t.right) / (t.right + t.wrong)).toFixed(1)}%)`);
