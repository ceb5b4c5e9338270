import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { KeyedStore } from '../pipeline/corpus/keyed.js';

const storeDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('unspin-store-'));

describe('KeyedStore', () => {
  for (const onDisk of [true, false]) {
    it(`hands each value back once, exactly, in any order (${onDisk ? 'on disk' : 'in memory'})`, () => {
      const store = new KeyedStore<unknown>(onDisk);
      try {
        const values: Record<string, unknown> = {
          'a.txt': { edits: [{ start: 1, end: 2, before: 'x', after: 'y', evidence: undefined, source: { id: 'b', text: 'lone \ud800' } }] },
          'b.txt': { error: 'restoration failed: boom' },
          'c.txt': { edits: [] },
        };
        for (const [k, v] of Object.entries(values)) store.set(k, v);
        expect(store.size).toBe(3);
        expect(() => store.set('a.txt', 1)).toThrow(/set twice/);
        for (const k of ['c.txt', 'a.txt', 'b.txt']) {
          const v = store.take(k);
          expect(v).toEqual(values[k]);
          // A property set to undefined comes back as such (structured serialization).
          if (k === 'a.txt') expect(Object.keys((v as { edits: object[] }).edits[0])).toEqual(Object.keys((values[k] as { edits: object[] }).edits[0]));
          expect(store.take(k)).toBeUndefined();
        }
        expect(store.take('missing')).toBeUndefined();
        expect(store.size).toBe(0);
      } finally {
        store.close();
      }
    });
  }

  it('creates no file until a value is kept, and deletes it on close', () => {
    const before = storeDirs();
    const store = new KeyedStore<string>(true);
    expect(storeDirs()).toEqual(before);
    store.set('x', 'value');
    const created = storeDirs().filter((d) => !before.includes(d));
    expect(created.length).toBe(1);
    store.close();
    expect(existsSync(`${tmpdir()}/${created[0]}`)).toBe(false);
    store.close();
  });
});
