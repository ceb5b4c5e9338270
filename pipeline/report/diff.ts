import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** The unified diff of one document, original vs cleaned, as every command writes it. */
export function renderDiff(relPath: string, original: string, clean: string): string {
  return createTwoFilesPatch(`a/${relPath}`, `b/${relPath}`, original, clean, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
