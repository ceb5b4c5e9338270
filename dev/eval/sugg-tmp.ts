// Scores applied edits and suggestions of a restoration eval set by reason and confidence band.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexReport, type PipelineReport, type ReportEdit } from './report.js';
import type { RestoreTruth } from './sets.js';
const dirs = process.argv.slice(2);
const tally = new Map<string, { exact: number; touch: number; wrong: number }>();
const wrongs: string[] = [];
let missedSyn = 0, totalSyn = 0;
for (const dir of dirs) {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as RestoreTruth;
  const report = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8')) as PipelineReport;
  const find = indexReport(report);
  for (const d of truth.clusters) {
    const text = readFileSync(join(dir, 'docs', d.file), 'utf8');
    const rd = find(d.file) as unknown as { edits: ReportEdit[]; suggestions?: ReportEdit[] };
    if (!rd) continue;
    const all = [...rd.edits.filter((e) => e.stage === 'restore').map((e) => ({ e, s: false })), ...(rd.suggestions ?? []).map((e) => ({ e, s: true }))];
    for (const { e, s } of all) {
      const c = d.changes.find((c) => c.sStart < e.end && e.start < c.sEnd);
      const exact = c && c.sStart === e.start && c.sEnd === e.end && c.before.toLowerCase() === e.after.toLowerCase();
      const band = s ? `S${Math.floor(e.confidence * 10) / 10}` : 'A';
      const k = `${e.reason.padEnd(18)} ${band}`;
      const t = tally.get(k) ?? { exact: 0, touch: 0, wrong: 0 };
      t[exact ? 'exact' : c ? 'touch' : 'wrong']++;
      tally.set(k, t);
      if (!c && s && e.confidence >= 0.6) wrongs.push(`${e.reason} ${e.confidence} ${text.slice(Math.max(0, e.start - 30), e.start)}[${e.before}→${e.after}]${text.slice(e.end, e.end + 20)}`.replace(/\s+/g, ' '));
    }
  }
}
for (const [k, t] of [...tally].sort()) console.log(k, `exact ${t.exact} touch ${t.touch} wrong ${t.wrong}  P(exact) ${((100 * t.exact) / (t.exact + t.touch + t.wrong)).toFixed(0)}%`);
console.log(wrongs.slice(0, 30).join('\n'));
