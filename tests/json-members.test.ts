import { describe, expect, it } from 'vitest';
import { topLevelMembers } from '../pipeline/corpus/json-members.js';
import { recordLine, recordSource } from '../pipeline/corpus/jsonl-record.js';

const valueOf = (src: string, key: string) => {
  const m = topLevelMembers(src)!.find((x) => x.key === key)!;
  return src.slice(m.valueStart, m.valueEnd);
};

describe('topLevelMembers', () => {
  it('finds each top-level value as written, whatever it holds', () => {
    const src = ' { "id" : 12345678901234567890, "a\\"b": "x\\"}y", "n":[1,{"c":"]"}], "o":{"t":"{"} ,"text":"he said \\"hi\\"\\\\", "e":1e2 } ';
    expect(topLevelMembers(src)!.map((m) => m.key)).toEqual(['id', 'a"b', 'n', 'o', 'text', 'e']);
    expect(valueOf(src, 'id')).toBe('12345678901234567890');
    expect(valueOf(src, 'a"b')).toBe('"x\\"}y"');
    expect(valueOf(src, 'n')).toBe('[1,{"c":"]"}]');
    expect(valueOf(src, 'o')).toBe('{"t":"{"}');
    expect(JSON.parse(valueOf(src, 'text'))).toBe('he said "hi"\\');
    expect(valueOf(src, 'e')).toBe('1e2');
  });

  it('agrees with JSON.parse on the values of generated records', () => {
    const records = [{}, { text: '' }, { id: 1, text: 'a\nb', tags: ['x', { y: null }], ok: true, f: -0.5 }, { 'k "q"': { '}': '{' }, text: '\u2028\u00e9' }];
    for (const r of records) {
      for (const src of [JSON.stringify(r), JSON.stringify(r, null, 2)]) {
        const members = topLevelMembers(src)!;
        expect(members.map((m) => m.key)).toEqual(Object.keys(r));
        for (const m of members) expect(JSON.parse(src.slice(m.valueStart, m.valueEnd))).toEqual((r as Record<string, unknown>)[m.key]);
      }
    }
  });

  it('is undefined for what is not an object', () => {
    for (const src of ['[1]', '"x"', '{"a" 1}', '{"a":1,}', '']) expect(topLevelMembers(src)).toBeUndefined();
  });
});

describe('recordLine', () => {
  const line = (src: string, text: unknown, unspin = { verdict: 'clean' }) => recordLine(recordSource(src), JSON.parse(src), text, unspin);

  it('replaces the text and adds "unspin", keeping every other byte', () => {
    expect(line('{"id": 7 , "text":"a\\u0020b", "n":1.0}', 'new')).toBe('{"id": 7 , "text":"new", "n":1.0,"unspin":{"verdict":"clean"}}');
  });

  it('keeps the record\'s own text when it is passed through, and handles records without text or members', () => {
    expect(line('{"id":1,"text":"kept"}', undefined)).toBe('{"id":1,"text":"kept","unspin":{"verdict":"clean"}}');
    expect(line('{"id":1,"body":"x"}', undefined)).toBe('{"id":1,"body":"x","unspin":{"verdict":"clean"}}');
    expect(line('{}', undefined)).toBe('{"unspin":{"verdict":"clean"}}');
  });

  it('re-serializes a record that has its own "unspin" or a repeated key', () => {
    expect(line('{"text":"a","unspin":1}', 'b')).toBe('{"text":"b","unspin":{"verdict":"clean"}}');
    expect(line('{"text":"a","text":"c"}', undefined)).toBe('{"text":"c","unspin":{"verdict":"clean"}}');
  });
});
