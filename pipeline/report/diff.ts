import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * The unified diff of one document, original vs cleaned, as every command writes it.
 * A name with a space gets a tab after it on the ---/+++ lines, as git writes it: GNU
 * patch reads a name up to a tab, and otherwise only up to the first space.
 */
export function renderDiff(relPath: string, original: string, clean: string): string {
  const patch = createTwoFilesPatch(`a/${relPath}`, `b/${relPath}`, original, clean, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  // jsdiff quotes names with special characters ("a/caf\303\251.txt"), not names with spaces.
  const plain = `--- a/${relPath}\n+++ b/${relPath}\n`;
  return relPath.includes(' ') && patch.startsWith(plain) ? `--- a/${relPath}\t\n+++ b/${relPath}\t\n${patch.slice(plain.length)}` : patch;
}
