import { describe, expect, it } from 'vitest';
import { fileName } from '../pipeline/corpus/file-name.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('file names that are not valid UTF-8', () => {
  it('keep a valid name as it is', () => {
    expect(fileName(Buffer.from('café €𝄞.txt'))).toEqual({ name: 'café €𝄞.txt', utf8: true });
    // U+FFFD written in UTF-8 is a valid name, not a sign of a lossy one.
    expect(fileName(Buffer.from('a\uFFFD.txt'))).toEqual({ name: 'a\uFFFD.txt', utf8: true });
  });

  it('are named with each stray byte written \\xHH, the valid sequences around it kept', () => {
    const latin1 = Buffer.concat([Buffer.from('caf'), bytes(0xe9), Buffer.from('.txt')]);
    expect(fileName(latin1)).toEqual({ name: 'caf\\xE9.txt', utf8: false });
    const mixed = Buffer.concat([Buffer.from('é'), bytes(0xff), Buffer.from('€')]);
    expect(fileName(mixed)).toEqual({ name: 'é\\xFF€', utf8: false });
  });

  it('tell overlong forms, surrogates, code points past U+10FFFF and cut sequences from valid ones', () => {
    expect(fileName(bytes(0xc0, 0xaf)).name).toBe('\\xC0\\xAF');
    expect(fileName(bytes(0xed, 0xa0, 0x80)).name).toBe('\\xED\\xA0\\x80');
    expect(fileName(bytes(0xf4, 0x90, 0x80, 0x80)).name).toBe('\\xF4\\x90\\x80\\x80');
    expect(fileName(bytes(0x61, 0xe2, 0x82)).name).toBe('a\\xE2\\x82');
    for (const b of [bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0x61, 0xe2, 0x82)]) {
      expect(fileName(b).utf8).toBe(false);
    }
  });
});
