/** Plain-text tables for the benchmark's output. */

export type Cell = string | number | undefined | null;

/** Numbers right-aligned, text left-aligned; `undefined`/`null` print as `-`. */
export function table(headers: string[], rows: Cell[][]): string {
  const text = (c: Cell) => (c === undefined || c === null ? '-' : String(c));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => text(r[i]).length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number' || r[i] === undefined || r[i] === null || /^[\d.,x×%+-]+( ?[a-zA-Z%]+)?$/.test(text(r[i]))));
  const line = (cells: Cell[], header = false) =>
    cells
      .map((c, i) => (numeric[i] && !header ? text(c).padStart(widths[i]) : text(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers, true), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r))].join('\n');
}

/** A number with `digits` decimals, or `-`. */
export function num(x: number | undefined, digits = 1): string | undefined {
  return x === undefined || !Number.isFinite(x) ? undefined : x.toFixed(digits);
}
