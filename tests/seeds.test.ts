import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../pipeline/corpus/inputs.js';
import { defaultOptions } from '../pipeline/document.js';
import type { ReportDocument } from '../pipeline/report/json.js';
import { runFiles } from '../pipeline/run.js';

const options = { ...defaultOptions, maxBytes: 1 << 26 };
const CLEAN_SEEDS = ['000_a4ac4f495bfcf4c3.txt', '001_f1960d79763c8024.txt', '002_a93444f6f64412c1.txt', '004_fb4b3e61fc0b8a9c.txt'];
const SPUN_SEED = '003_6b31aa20c1764c55.txt';

async function runOn(dir: string) {
  const out = mkdtempSync(path.join(tmpdir(), 'unspin-seeds-'));
  await runFiles(await collectInputs([dir], out), out, options);
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  return { out, report, docs: new Map<string, ReportDocument>(report.documents.map((d: ReportDocument) => [d.path, d])) };
}

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  }
  return files;
}

describe('the seed corpus end to end', () => {
  let first: Awaited<ReturnType<typeof runOn>>;
  beforeAll(async () => {
    first = await runOn('seeds');
  }, 60_000);

  it('leaves every body line of the clean seeds byte-identical, removing only boilerplate lines', () => {
    for (const name of CLEAN_SEEDS) {
      const original = readFileSync(path.join('seeds', name), 'utf8');
      const clean = readFileSync(path.join(first.out, 'clean', name), 'utf8');
      const doc = first.docs.get(name)!;
      expect(doc.verdict, name).toBe('clean');
      expect(doc.sentences.filter((s) => s.score >= 0.5), name).toEqual([]);
      // Every edit removes whole boilerplate lines; nothing else is touched.
      for (const e of doc.edits) {
        expect(e.stage, `${name}: ${e.reason} ${JSON.stringify(e.before)}`).toBe('boilerplate');
        expect(e.after).toBe('');
      }
      const kept = clean.split('\n').filter(Boolean);
      const removed = doc.edits.map((e) => e.before.replace(/\n$/, ''));
      expect(original.split('\n').filter(Boolean).filter((l) => !removed.includes(l))).toEqual(kept);
    }
  });

  it('removes the seeds’ bylines, outlet marks, trailers and contributor lines, and shows them in the diffs', () => {
    const removed = (name: string) => first.docs.get(name)!.edits.map((e) => e.before.trim());
    expect(removed('001_f1960d79763c8024.txt')).toEqual(['CNN', '—', 'CNN’s Priscilla Alvarez contributed to this report.']);
    expect(removed('002_a93444f6f64412c1.txt')).toEqual(expect.arrayContaining(['CNN', '—', 'Article by:Source:']));
    expect(removed('004_fb4b3e61fc0b8a9c.txt')).toEqual(['Additional Coverage:']);
    const diff = readFileSync(path.join(first.out, 'diff', '001_f1960d79763c8024.txt.diff'), 'utf8');
    expect(diff).toMatch(/^-CNN$/m);
  });

  it('judges the spun seed degraded/spun with most body sentences flagged', () => {
    const doc = first.docs.get(SPUN_SEED)!;
    expect(doc.verdict).toBe('degraded');
    expect(doc.kinds).toContain('spun');
    const flagged = doc.sentences.filter((s) => s.score >= 0.5).length;
    expect(flagged / doc.sentences.length).toBeGreaterThanOrEqual(0.8);
  });

  it('restores canonical names and titles in the spun seed from the clean seeds', () => {
    const clean = readFileSync(path.join(first.out, 'clean', SPUN_SEED), 'utf8');
    expect(clean).toContain('Secretary of State Marco Rubio');
    expect(clean).toContain('State Department');
    expect(clean).not.toContain('State Division');
    expect(clean).toContain('Wall Street Journal');
    expect(clean).toContain('Trump administration');
    expect(clean).toContain('President Trump');
    expect(clean).not.toContain('united state');
    expect(clean).toContain('Claver-Carone, special envoy for Latin America');
    const doc = first.docs.get(SPUN_SEED)!;
    // Filler removal and WordNet reversal work from general knowledge: no source to cite,
    // but their evidence says what was seen.
    for (const e of doc.edits.filter((x) => x.stage === 'restore' && (x.reason === 'filler' || x.reason === 'wordnet-reversal'))) {
      expect(e.source).toBeUndefined();
      expect(e.evidence).toBeTruthy();
    }
    for (const e of doc.edits.filter((x) => x.stage === 'restore' && x.reason !== 'filler' && x.reason !== 'wordnet-reversal')) {
      expect(e.source, JSON.stringify(e)).toBeDefined();
      expect(e.confidence).toBeGreaterThanOrEqual(defaultOptions.minConfidence);
      // Sources cite the reference file as it is on disk.
      const ref = readFileSync(path.join('seeds', e.source!.id), 'utf8');
      expect(ref.slice(e.source!.start, e.source!.end)).toBe(e.source!.text);
    }
  });

  it('is idempotent: unspin on its own clean output proposes no edits', async () => {
    const again = await runOn(path.join(first.out, 'clean'));
    for (const d of again.report.documents as ReportDocument[]) {
      if (d.path === SPUN_SEED) continue; // restoration may still learn from the now-cleaner corpus
      expect(d.edits, d.path).toEqual([]);
    }
  });

  it('is deterministic: two runs give byte-identical outputs', async () => {
    const second = await runOn('seeds');
    expect(readTree(second.out)).toEqual(readTree(first.out));
  });
});
