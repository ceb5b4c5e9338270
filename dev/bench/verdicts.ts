/**
 * What the pipeline said about each benchmark document, read back from its outputs
 * without loading them whole (report.json of a large run is far bigger than the
 * corpus): verdict and kinds by document id, crossed with the labels the generator
 * put on the documents. A sanity check riding along with the benchmark, not an eval.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Label } from './corpus.js';

export interface Judged {
  verdict: string;
  kinds: string[];
}

/** Per document of report.json (pretty-printed, one key per line at 6 spaces). */
export async function readReport(file: string): Promise<Map<string, Judged>> {
  const out = new Map<string, Judged>();
  if (!existsSync(file)) return out;
  let id: string | undefined;
  let cur: Judged | undefined;
  let inKinds = false;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (inKinds) {
      if (line.startsWith('      ]')) inKinds = false;
      else if (cur) cur.kinds.push(JSON.parse(line.trim().replace(/,$/, '')) as string);
      continue;
    }
    if (!line.startsWith('      "') || line.startsWith('       ')) continue;
    const m = line.match(/^ {6}"(id|verdict|kinds)": (.*?),?$/);
    if (!m) continue;
    if (m[1] === 'id') {
      id = JSON.parse(m[2]) as string;
      cur = { verdict: '?', kinds: [] };
      out.set(id.replace(/\.txt$/, ''), cur);
    } else if (m[1] === 'verdict' && cur) cur.verdict = JSON.parse(m[2]) as string;
    else if (m[1] === 'kinds' && cur) {
      if (m[2].startsWith('[]')) continue;
      if (m[2] === '[') inKinds = true;
    }
  }
  return out;
}

/** Per record of clean.jsonl (`unspin: {verdict, kinds}`). */
export async function readJsonlOutput(file: string): Promise<Map<string, Judged>> {
  const out = new Map<string, Judged>();
  if (!existsSync(file)) return out;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; unspin: Judged };
    out.set(r.id, { verdict: r.unspin.verdict, kinds: r.unspin.kinds });
  }
  return out;
}

export interface Crosstab {
  /** Documents of each label (and `plain`: no label but typographic or none at all). */
  rows: Record<string, { docs: number; degraded: number; expectedKind: number; expected: string }>;
  /** Documents the outputs do not mention. */
  missing: number;
}

const EXPECTED: Record<string, string> = {
  spun: 'spun',
  mojibake: 'mojibake',
  boilerplate: 'boilerplate',
  'near-dup': '-',
  'original-of-spun': '-',
  clean: '-',
};

/**
 * For each label: how many documents the pipeline judged degraded, and how many got
 * the kind the label calls for. `clean` = no spin, mojibake or boilerplate injected
 * (plain or typographic text, originals and near-duplicates of such) — any degraded
 * verdict there is a false alarm.
 */
export function crosstab(labels: Map<string, Label[]>, judged: Map<string, Judged>): Crosstab {
  const rows: Crosstab['rows'] = {};
  let missing = 0;
  for (const [id, ls] of labels) {
    const j = judged.get(id);
    if (!j) {
      missing++;
      continue;
    }
    const keys: string[] = ls.filter((l) => l !== 'typographic');
    if (!ls.some((l) => l === 'spun' || l === 'mojibake' || l === 'boilerplate')) keys.push('clean');
    for (const k of keys) {
      const row = (rows[k] ??= { docs: 0, degraded: 0, expectedKind: 0, expected: EXPECTED[k] ?? '-' });
      row.docs++;
      if (j.verdict === 'degraded') row.degraded++;
      if (row.expected !== '-' && j.kinds.includes(row.expected)) row.expectedKind++;
    }
  }
  return { rows, missing };
}
