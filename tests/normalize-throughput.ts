/**
 * Throughput of the normalize stage (not a vitest test; run it by hand):
 *   npx tsx tests/normalize-throughput.ts
 * Feeds ~100 MB of documents of each kind through normalize() and prints MB/s
 * (millions of UTF-16 code units per second).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../pipeline/stages/normalize.js';

const here = import.meta.dirname;
const seed = (prefix: string) => {
  const dir = join(here, '../seeds');
  return readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))!), 'utf8');
};
const fixture = (name: string) => readFileSync(join(here, 'fixtures/normalize', name), 'utf8');

const kinds: [string, string][] = [
  ['clean ASCII (fast path)', seed('000_').replace(/[^\x00-\x7f]/g, 'e')],
  ['clean, curly quotes and dashes', seed('002_')],
  ['spun (flipped quotes, glued dashes)', seed('003_')],
  ['mojibake', fixture('mojibake-cp1252.txt').repeat(20)],
];

for (const [name, doc] of kinds) {
  const docs = Math.ceil(100e6 / doc.length);
  for (let i = 0; i < 200; i++) normalize(doc); // warm up the JIT
  let edits = 0;
  const t0 = performance.now();
  for (let i = 0; i < docs; i++) edits += normalize(doc).length;
  const seconds = (performance.now() - t0) / 1000;
  const mb = (docs * doc.length) / 1e6;
  console.log(`${name.padEnd(38)} ${(mb / seconds).toFixed(0).padStart(5)} MB/s  (${docs} docs of ${doc.length} chars, ${edits / docs} edits each)`);
}
