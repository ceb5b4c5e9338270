/**
 * Copies the capitalization of a sentence-initial word onto a replacement. An
 * original with no case ("7" for "Seven") leaves the replacement as it is.
 */
export function matchInitialCase(original: string, replacement: string): string {
  if (!replacement) return replacement;
  const up = /^\p{Lu}/u.test(original);
  const low = /^\p{Ll}/u.test(original);
  const repUp = /^\p{Lu}/u.test(replacement);
  if (up && !repUp) return replacement[0].toUpperCase() + replacement.slice(1);
  if (low && repUp && !/^\p{Lu}{2}|^\p{Lu}\./u.test(replacement)) return replacement[0].toLowerCase() + replacement.slice(1);
  return replacement;
}
