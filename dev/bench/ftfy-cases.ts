/**
 * Scores unspin's mojibake repair on ftfy's own test cases (the JSON files under
 * `tests/test-cases/` of the python-ftfy repository: synthetic.json, in-the-wild.json,
 * negative.json; each case has "original", "fixed", optionally "fixed-encoding"), to
 * compare with a fixer the project did not write and on text it was not tuned on:
 *
 *   npx tsx dev/bench/ftfy-cases.ts <ftfy checkout>/tests/test-cases [--all-passes] [--list]
 *
 * By default only the mojibake pass runs (ftfy's "fixed-encoding" is its encoding repair
 * alone); --all-passes runs the whole normalize stage, whose whitespace and control
 * character rules differ from ftfy's on purpose. A case counts as repaired when the
 * output equals "fixed-encoding" or "fixed"; "changed clean text" counts cases that
 * needed no encoding repair and were changed anyway. The files are not in this
 * repository (ftfy is Apache-2.0; nothing of it is committed): point the script at a
 * checkout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyEdits } from '../../pipeline/edits.js';
import { normalizeText } from '../../pipeline/stages/normalize.js';
import { mojibake } from '../../pipeline/stages/normalize/mojibake.js';

interface Case {
  label: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'all-passes': { type: 'boolean' }, list: { type: 'boolean' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: npx tsx dev/bench/ftfy-cases.ts <python-ftfy>/tests/test-cases [--all-passes] [--list]\n');
  process.exit(2);
}
const repair = values['all-passes'] ? normalizeText : (t: string) => applyEdits(t, mojibake(t));
const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

for (const name of ['synthetic', 'in-the-wild', 'negative']) {
  const cases = JSON.parse(readFileSync(join(positionals[0], `${name}.json`), 'utf8')) as Case[];
  let repaired = 0;
  let untouched = 0;
  let changedClean = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const out = repair(c.original);
    const want = c['fixed-encoding'] ?? c.fixed;
    if (want === c.original && out !== c.original) changedClean++;
    if (out === want || out === c.fixed) repaired++;
    else {
      if (out === c.original) untouched++;
      misses.push(`  ${c.label}: ${show(c.original)} → ${show(out)}, want ${show(want)}`);
    }
  }
  console.log(`${name}: ${cases.length} cases, ${repaired} as ftfy expects; of the others ${untouched} left as they were; changed clean text ${changedClean}`);
  if (values.list) console.log(misses.join('\n'));
}
