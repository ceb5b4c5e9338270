import { describe, expect, it } from 'vitest';
import { findDuplicates, signature, similarity } from '../pipeline/stages/duplicates.js';

const ARTICLE = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i} of the report says the harbour authority will review ${i + 3} contracts before the winter storms arrive.`,
).join('\n');
const OTHER = Array.from(
  { length: 12 },
  (_, i) => `In section ${i}, the orchestra announced ${i + 7} new concerts and a tour of northern cities for the spring season.`,
).join('\n');

describe('near-duplicates', () => {
  it('groups a lightly edited copy with its original and keeps distinct articles apart', () => {
    const copy = ARTICLE.replace('Paragraph 4', 'Section 4').replace('winter storms', 'winter gales') + '\nReuters contributed.';
    const dups = findDuplicates([
      { id: 'a', text: ARTICLE, score: 0.1 },
      { id: 'b', text: copy, score: 0.05 },
      { id: 'c', text: OTHER, score: 0.1 },
    ]);
    // The cleaner copy (lower score) represents the group.
    expect([...dups]).toEqual([['a', 'b']]);
  });

  it('uses signatures computed earlier without reading the texts', () => {
    const copy = ARTICLE.replace('Paragraph 4', 'Section 4') + '\nReuters contributed.';
    const unread = (id: string, text: string, score: number) => ({
      id,
      score,
      minhash: signature(text) ?? null,
      get text(): string {
        throw new Error('text read');
      },
    });
    expect([...findDuplicates([unread('a', ARTICLE, 0.1), unread('b', copy, 0.05), unread('c', OTHER, 0.1), unread('d', 'too short', 0)])]).toEqual([['a', 'b']]);
  });

  it('estimates similarity: identical texts 1, unrelated texts near 0', () => {
    const a = signature(ARTICLE)!;
    expect(similarity(a, signature(ARTICLE)!)).toBe(1);
    expect(similarity(a, signature(OTHER)!)).toBeLessThan(0.1);
  });

  it('does not call short texts copies', () => {
    expect(signature('Too short to judge.')).toBeUndefined();
    expect(findDuplicates([{ id: 'a', text: 'Hello there.', score: 0 }, { id: 'b', text: 'Hello there.', score: 0 }]).size).toBe(0);
  });
});

describe('near-duplicates in a run', () => {
  it('reports the copy with the id of the document it copies', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { collectInputs } = await import('../pipeline/corpus/inputs.js');
    const { defaultOptions } = await import('../pipeline/document.js');
    const { runFiles } = await import('../pipeline/run.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'unspin-dup-'));
    writeFileSync(path.join(dir, 'a.txt'), ARTICLE + '\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Reuters\n' + ARTICLE.replace('Paragraph 4', 'Section 4') + '\n');
    writeFileSync(path.join(dir, 'c.txt'), OTHER + '\n');
    const out = dir + '-out';
    await runFiles(await collectInputs([dir], out), out, { ...defaultOptions, maxBytes: 1 << 20 });
    const docs = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).documents;
    const byPath = Object.fromEntries(docs.map((d: { path: string }) => [d.path, d]));
    const copy = byPath['a.txt'].duplicateOf ? byPath['a.txt'] : byPath['b.txt'];
    expect(copy.kinds).toContain('duplicate');
    expect(['a.txt', 'b.txt']).toContain(copy.duplicateOf);
    expect(byPath['c.txt'].kinds).not.toContain('duplicate');
  });
});
