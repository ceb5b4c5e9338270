/**
 * Index of the first item of `items` for which `reached` holds, where `reached` is
 * false for a prefix of the array and true for the rest (items sorted by the key it
 * tests); `items.length` when it holds for none. Binary search.
 */
export function firstWhere<T>(items: readonly T[], reached: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
