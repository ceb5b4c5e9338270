import { readdir, realpath, stat } from 'node:fs/promises';
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { describeFsError } from './fs-error.js';
import { fileName } from './file-name.js';

/** One input document found on disk. */
export interface FileInput {
  /** Absolute path of the file. */
  file: string;
  /** Path relative to its input root, with forward slashes: the document id. */
  rel: string;
  /** Why the input cannot be read, when that is known without reading it (a name that is not UTF-8). */
  error?: string;
}

export class UsageError extends Error {}

const TEXT_FILE = /\.(txt|md|markdown)$/i;

/**
 * Expands the command-line inputs into files, sorted by relative path so runs are
 * deterministic. Directories are recursed for *.txt, *.md and *.markdown; a file given directly
 * is taken whatever its extension. Problems that make the whole run meaningless
 * (a missing path, a directory given twice, the output directory inside an input)
 * are usage errors.
 */
export async function collectInputs(args: readonly string[], outDir: string | undefined): Promise<FileInput[]> {
  const seenRoots = new Map<string, string>();
  const out: FileInput[] = [];
  const outReal = outDir ? await realpathOrResolve(outDir) : undefined;
  const multipleRoots = args.length > 1;
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch (err) {
      // Node decodes the command line as UTF-8 as well: a name that is not arrives with U+FFFD, and is not found.
      const hint = arg.includes('\uFFFD') && (err as NodeJS.ErrnoException).code === 'ENOENT' ? ' (a name that is not valid UTF-8 cannot be passed to unspin: rename it)' : '';
      throw new UsageError(`cannot read input ${arg}: ${describeFsError(err)}${hint}`);
    }
    const { real, key } = await identify(arg, st);
    const twice = seenRoots.get(key);
    if (twice !== undefined) throw new UsageError(`input ${arg} is the same as ${twice}; give each input once`);
    seenRoots.set(key, arg);
    if (st.isDirectory()) {
      if (outReal && (outReal === real || outReal.startsWith(real + path.sep))) {
        throw new UsageError(`output directory ${outDir} is inside input directory ${arg}; outputs would be read back as inputs`);
      }
      const prefix = multipleRoots ? path.basename(real) + '/' : '';
      for (const { file, error } of await walk(real)) out.push({ file, rel: prefix + toPosix(path.relative(real, file)), ...(error && { error }) });
    } else {
      out.push({ file: real, rel: path.basename(real) });
    }
  }
  // An input inside the output directory could be overwritten by its own output
  // (re-running on out/clean/x.txt with --out out): refuse rather than risk it.
  if (outReal) {
    for (const f of out) {
      if (f.file.startsWith(outReal + path.sep)) {
        throw new UsageError(`input ${f.file} is inside the output directory ${outDir}; choose another --out so inputs are never overwritten`);
      }
    }
  }
  // A file given itself and inside a directory also given would be processed twice,
  // under two names. (Paths here are real: roots are resolved, and the walk does not follow links;
  // a pipe, which has no real path, cannot be inside a directory.)
  const byFile = new Map<string, string>();
  for (const f of out) {
    const other = byFile.get(f.file);
    if (other !== undefined) throw new UsageError(`${f.file} is among the inputs twice (as ${other} and as ${f.rel}); give it once`);
    byFile.set(f.file, f.rel);
  }
  out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (let i = 1; i < out.length; i++) {
    if (out[i].rel === out[i - 1].rel) {
      throw new UsageError(`two inputs map to the same output path ${out[i].rel} (${out[i - 1].file} and ${out[i].file})`);
    }
  }
  return out;
}

/**
 * Where an input is, for the checks above, and what tells it from the others. Its real
 * path, mostly; but realpath cannot resolve a pipe's name, which stat and open take:
 * `<(...)` is /dev/fd/63, and /dev/stdin fed by a pipe a link to `pipe:[…]`. Such an
 * input is read as a named FIFO is, under its path as given, and is the same input as
 * another of the same device and inode (/dev/stdin and /dev/fd/0), which would otherwise
 * share the pipe's bytes. A directory must resolve: it is walked and compared with --out.
 */
async function identify(arg: string, st: Stats): Promise<{ real: string; key: string }> {
  try {
    const real = await realpath(arg);
    return { real, key: real };
  } catch (err) {
    if (st.isDirectory()) throw new UsageError(`cannot resolve input directory ${arg}: ${describeFsError(err)}`);
    // A NUL cannot be in a path: the key never equals a real path's.
    return { real: path.resolve(arg), key: `\0${st.dev}:${st.ino}` };
  }
}

/** Is `file` (resolved through symlinks) inside directory `dir` (which may not exist yet)? */
export async function insideDir(file: string, dir: string): Promise<boolean> {
  const f = await realpathOrResolve(file);
  const d = await realpathOrResolve(dir);
  return f.startsWith(d + path.sep);
}

/**
 * The text files under `dir`. A subdirectory that cannot be read is listed itself, as
 * an input that fails (read-input.ts says why), so the run processes everything else
 * and reports it, as it does an unreadable file; an unreadable input root is a usage error.
 * Names are read as bytes: a file or subdirectory whose name is not valid UTF-8 cannot
 * be opened through a string (file-name.ts), so it is listed, under its name with those
 * bytes written \xHH, as an input that fails and says why.
 */
async function walk(dir: string, root = true): Promise<{ file: string; error?: string }[]> {
  const files: { file: string; error?: string }[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    if (root) throw new UsageError(`cannot read input directory ${dir}: ${describeFsError(err)}`);
    return [{ file: dir }];
  }
  for (const entry of entries) {
    if (entry.name[0] === DOT) continue;
    const { name, utf8 } = fileName(entry.name);
    const full = path.join(dir, name);
    if (entry.isDirectory()) {
      if (utf8) files.push(...(await walk(full, false)));
      else files.push({ file: full, error: 'directory name is not valid UTF-8; rename it to read the files in it' });
    } else if (entry.isFile() && TEXT_FILE.test(name)) {
      files.push(utf8 ? { file: full } : { file: full, error: 'file name is not valid UTF-8; rename it to read it' });
    }
  }
  return files;
}

const DOT = 0x2e;

async function realpathOrResolve(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    // Not created yet: resolve its nearest existing parent so symlinks are seen.
    const parent = path.dirname(path.resolve(p));
    if (parent === path.resolve(p)) return parent;
    return path.join(await realpathOrResolve(parent), path.basename(p));
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** --out must be a directory or a path one can be made at: not a file, nor below one. */
export function checkOutDir(out: string): void {
  let at = path.resolve(out);
  for (;;) {
    let st;
    try {
      st = statSync(at, { throwIfNoEntry: false });
    } catch {
      st = undefined; // ENOTDIR: a file on the way; its parent says which
    }
    if (st) {
      if (!st.isDirectory()) throw new UsageError(at === path.resolve(out) ? `--out ${out} is a file, not a directory` : `--out ${out} is below ${at}, which is a file`);
      return;
    }
    const parent = path.dirname(at);
    if (parent === at) return;
    at = parent;
  }
}
