import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './outputs.js';

/**
 * The per-document outputs a run wrote under --out (clean/… and diff/…), listed in
 * `<out>/.unspin-outputs`, one path a line. A run into the same directory removes the
 * files the previous run listed and this one did not write (a document no longer in
 * the corpus, or one that now fails), so that clean/ and diff/ hold this run's outputs
 * only. Nothing that unspin did not list is ever removed.
 */
export const MANIFEST = '.unspin-outputs';

export class OutputManifest {
  private readonly written = new Set<string>();
  private readonly previous: string[];

  constructor(private readonly outDir: string) {
    this.previous = readManifest(outDir);
  }

  /** Records an output file written by this run. */
  wrote(file: string): void {
    this.written.add(path.relative(this.outDir, file));
  }

  /** Removes the previous run's outputs this run did not write, then lists this run's. */
  async commit(): Promise<void> {
    for (const rel of this.previous) {
      if (!this.written.has(rel)) await rm(path.join(this.outDir, rel), { force: true });
    }
    await writeAtomic(path.join(this.outDir, MANIFEST), [...this.written].map((p) => `${p}\n`).join(''));
  }
}

function readManifest(outDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return [];
  }
  // Only paths inside clean/ and diff/: a damaged or edited list cannot reach other files.
  return text.split('\n').filter((p) => {
    if (!p) return false;
    const parts = p.split(/[\\/]/);
    return (parts[0] === 'clean' || parts[0] === 'diff') && parts.length > 1 && !parts.includes('..') && !path.isAbsolute(p);
  });
}
