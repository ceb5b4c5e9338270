import { readFileSync, statSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { OutRoot } from './out-root.js';
import { writeAtomic } from './outputs.js';

/**
 * The outputs a run wrote under --out (clean/… and diff/…, report.html, clean.jsonl),
 * listed in `<out>/.unspin-outputs`, one JSON string a line (a file name may hold a line
 * break). A run into the same directory (a files run, a JSON Lines run, or `apply`)
 * removes the files the previous run listed and this one did not write (a document no
 * longer in the corpus, one that now fails, the review page of a files run after a JSON
 * Lines run), so that the directory holds this run's outputs only. Nothing unspin did not list is
 * removed, and nothing this run wrote: on a case-insensitive file system
 * "clean/Report.txt" and "clean/report.txt" are one file, so a listed file is kept when
 * it is (same device and inode) a file this run wrote. Removal is best effort: a file
 * that cannot be removed stays, and the run does not fail for it; so does one behind a
 * symbolic link below --out (out-root.ts), which would be another directory's file.
 */
export const MANIFEST = '.unspin-outputs';

export class OutputManifest {
  private readonly written = new Set<string>();
  private readonly previous: string[];

  constructor(private readonly out: OutRoot) {
    this.previous = readManifest(out.real);
  }

  /** Records an output file written by this run, by its path relative to --out. */
  wrote(rel: string): void {
    this.written.add(toPosix(rel));
  }

  /** Removes the previous run's outputs this run did not write, then lists this run's. */
  async commit(): Promise<void> {
    const stale = this.previous.filter((rel) => !this.written.has(rel));
    if (stale.length > 0) {
      let mine: Set<string> | undefined;
      for (const rel of stale) {
        let file: string | undefined;
        try {
          file = this.out.existing(rel);
        } catch {
          continue; // a link or a file on its way: not ours to remove through
        }
        if (file === undefined) continue;
        const id = fileId(file);
        if (id === undefined) continue;
        mine ??= new Set([...this.written].map((w) => fileId(path.join(this.out.real, w))).filter((x): x is string => x !== undefined));
        if (mine.has(id)) continue;
        await rm(file, { force: true }).catch(() => undefined);
        await removeEmptyParents(this.out.real, file);
      }
    }
    await writeAtomic(this.out, MANIFEST, [...this.written].map((p) => `${JSON.stringify(p)}\n`).join(''));
  }
}

/** Removes the directories between `file` and `outDir` that are left empty (clean/ after a JSON Lines run). */
async function removeEmptyParents(outDir: string, file: string): Promise<void> {
  const root = path.resolve(outDir);
  for (let dir = path.dirname(path.resolve(file)); dir !== root && dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    // rmdir fails on a directory that still holds anything: then its parents do too.
    if (!(await rmdir(dir).then(() => true, () => false))) return;
  }
}

/** Device and inode of a regular file, or undefined (missing, or not a file). */
function fileId(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Outputs outside clean/ and diff/ that a run may list. report.json is not one: every run writes it. */
const TOP_LEVEL = new Set(['report.html', 'clean.jsonl']);

/** The listed paths that are plain relative paths inside clean/ or diff/, or TOP_LEVEL names (a damaged or edited list reaches nothing else). */
function readManifest(outDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rel: unknown;
    try {
      rel = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof rel !== 'string' || rel.includes('\\') || rel.includes('\0')) continue;
    if (TOP_LEVEL.has(rel)) {
      out.push(rel);
      continue;
    }
    const parts = rel.split('/');
    if ((parts[0] !== 'clean' && parts[0] !== 'diff') || parts.length < 2) continue;
    if (parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    out.push(rel);
  }
  return out;
}
