import type { Summary } from './json.js';

/** The short table printed at the end of a run. */
export function formatSummary(s: Summary): string {
  const rows: [string, string][] = [
    ['documents', String(s.documents)],
    ['clean', String(s.verdicts.clean)],
    ['degraded', String(s.verdicts.degraded)],
    ['skipped', String(s.verdicts.skipped)],
  ];
  for (const [kind, n] of Object.entries(s.kinds).sort()) rows.push([`  kind ${kind}`, String(n)]);
  for (const [stage, n] of Object.entries(s.edits).sort()) rows.push([`edits ${stage}`, String(n)]);
  if (s.suggestions) rows.push(['suggestions', String(s.suggestions)]);
  if (s.errors) rows.push(['errors', String(s.errors)]);
  if (s.spinDetection === false) rows.push(['spin detection', 'off']);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v.padStart(7)}`).join('\n') + '\n';
}

/** A one-line progress bar for a terminal; callers draw it only when stderr is a TTY. */
export function progressLine(done: number, total: number, label: string): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`.slice(0, 100);
}
