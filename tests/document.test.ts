import { describe, expect, it } from 'vitest';
import { analyzeDocument, defaultOptions } from '../pipeline/document.js';

const TEXT = 'The council met on Tuesday to discuss the new budget for the city library. Members said the plan would add two reading rooms.\n';

describe('analyzeDocument', () => {
  it('counts a removed BOM as normalization', () => {
    const state = analyzeDocument('a.txt', 'a.txt', Buffer.from('\uFEFF' + TEXT), defaultOptions);
    expect(state.log?.text).toBe(TEXT);
    expect([...state.kinds]).toEqual(['normalization']);
    expect(analyzeDocument('b.txt', 'b.txt', Buffer.from(TEXT), defaultOptions).kinds.size).toBe(0);
  });

  it('treats an input as Markdown when told, whatever its name', () => {
    const text = 'A line with a hard break  \nand its next line, in a long enough paragraph to be judged English by the language stage.\n';
    expect(analyzeDocument('a.txt', 'a.txt', Buffer.from(text), defaultOptions, { markdown: true }).log?.text).toBe(text);
    expect(analyzeDocument('a.md', 'a.md', Buffer.from(text), defaultOptions).log?.text).toBe(text.replace('  \n', '\n'));
  });
});
