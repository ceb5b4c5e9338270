import { describe, expect, it } from 'vitest';
import { applyEdits } from '../pipeline/edits.js';
import { normalize } from '../pipeline/stages/normalize.js';
import { codeBlocks, isMarkdownPath } from '../pipeline/stages/normalize/markdown.js';

const md = (t: string) => applyEdits(t, normalize(t, { markdown: true }));
const plain = (t: string) => applyEdits(t, normalize(t));

describe('codeBlocks', () => {
  it.each([
    ['a fenced block, fences included', 'text\n```js\nx   =   1\n```\nmore', [[5, 25]]],
    ['a tilde fence closes only on tildes', '~~~\na\n```\nb\n~~~\nafter', [[0, 16]]],
    ['a closing fence at least as long', '````\na\n```\nb\n````\n', [[0, 18]]],
    ['an unclosed fence runs to the end', 'p\n```\ncode  here', [[2, 16]]],
    ['an indented block after a blank line', 'para\n\n    x   =   1\n    y\n\nnext', [[6, 27]]],
    ['an indented line inside a paragraph is not code', 'para\n    continued  here', []],
    ['a tab-indented block', '\n\tx  =  1\n', [[1, 10]]],
    ['a line of backticks with a backtick after them is inline code, not a fence', '```x``` is code\nprose  here', []],
    ['an indented block right after a fenced one', '```\na\n```\n    b  c\n', [[0, 10], [10, 19]]],
    ['CRLF lines', 'p\r\n```\r\nx  y\r\n```\r\nq', [[3, 19]]],
  ])('%s', (_name, text, expected) => {
    expect(codeBlocks(text)).toEqual(expected);
  });
});

describe('normalize, Markdown', () => {
  it('keeps the spacing, quotes and dashes of a fenced code block', () => {
    const text = 'Intro  text.\n```\nx   =   1   # "aligned"--yes\n```\nEnd  here. ';
    expect(md(text)).toBe('Intro text.\n```\nx   =   1   # "aligned"--yes\n```\nEnd here.');
  });

  it('still repairs mojibake inside code', () => {
    expect(md('```\ncafÃ©  =  1\n```\n')).toBe('```\ncafé  =  1\n```\n');
  });

  it('keeps two trailing spaces that break a line inside a paragraph', () => {
    expect(md('Intro line with a hard break  \nnext line.')).toBe('Intro line with a hard break  \nnext line.');
    expect(plain('Intro line with a hard break  \nnext line.')).toBe('Intro line with a hard break\nnext line.');
  });

  it('removes trailing spaces that break nothing: one space, before a blank line, at the end', () => {
    expect(md('one \nline  \n\npara  ')).toBe('one\nline\n\npara');
  });

  it('keeps an indented code block as written', () => {
    expect(md('Para  one.\n\n    a  =  1  \n')).toBe('Para one.\n\n    a  =  1  \n');
  });

  it('judges the whole prose, not the part between two code blocks: dashes spaced elsewhere', () => {
    const text = 'He came — then left — twice.\n\n```\nx\n```\n\nShe stayed—yes.\n';
    expect(md(text)).toBe(text.replace('stayed—yes', 'stayed — yes'));
    // Code does not count: dashes glued in code do not make the prose's rule.
    expect(md('a—b\n\n```\nx — y — z — w\n```\n')).toBe('a—b\n\n```\nx — y — z — w\n```\n');
  });

  it('gives the same result as plain text when there is no code and no hard break', () => {
    const t = 'He said  “hello”  and left . \r\nThen — nothing.';
    expect(md(t)).toBe(plain(t));
  });

  it.each([
    ['a.md', true],
    ['notes/README.markdown', true],
    ['A.MD', true],
    ['a.txt', false],
    ['md', false],
  ])('isMarkdownPath(%s) is %s', (p, expected) => {
    expect(isMarkdownPath(p)).toBe(expected);
  });
});
