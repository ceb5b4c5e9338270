import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { MemorySlots, openSlots, slotsRef, Store } from '../pipeline/corpus/store.js';
import { ReferenceIndex } from '../pipeline/stages/reference.js';
import { restoreDocument } from '../pipeline/stages/restore.js';
import { tokenize } from '../pipeline/stages/align/tokens.js';
import { CrossIndex } from '../pipeline/stages/crossdoc.js';

describe('Store', () => {
  it('gives back each value exactly, in any order, here and through a handle', () => {
    const store = new Store<unknown>();
    try {
      const values = ['plain', 'curly “quotes” and a lone \ud800 surrogate', '', { a: new Float64Array([1.5, 2]) }, undefined];
      values.forEach((v, i) => expect(store.put(v)).toBe(i));
      expect(store.get(3)).toEqual(values[3]);
      expect(store.get(1)).toBe(values[1]);
      const reader = new Store<unknown>(store.handle(), 2);
      for (const i of [4, 0, 1, 1, 2, 3, 0]) expect(reader.get(i)).toEqual(values[i]);
      expect(() => reader.put('x')).toThrow(/read-only/);
      expect(() => reader.get(5)).toThrow(/no value/);
      reader.close();
    } finally {
      store.close();
    }
  });

  it('is read by another thread from its handle', async () => {
    const store = new Store<string>();
    try {
      store.put('first');
      store.put('second “two”');
      const url = new URL('data:text/javascript,' + encodeURIComponent(`
        import { parentPort, workerData } from 'node:worker_threads';
        import { readSync, openSync } from 'node:fs';
        import { deserialize } from 'node:v8';
        const { file, offsets } = workerData;
        const fd = openSync(file, 'r');
        const buf = Buffer.alloc(offsets[2] - offsets[1]);
        readSync(fd, buf, 0, buf.length, offsets[1]);
        parentPort.postMessage(deserialize(buf));
      `));
      const w = new Worker(url, { workerData: store.handle() });
      const got = await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject));
      expect(got).toBe('second “two”');
      await w.terminate();
    } finally {
      store.close();
    }
  });

  it('refers to values in memory as themselves, and to a store by a handle', () => {
    const mem = new MemorySlots<string>();
    mem.put('a');
    expect(slotsRef(mem)).toBe(mem);
    expect(openSlots(slotsRef(mem), 4).slots.get(0)).toBe('a');
    const store = new Store<string>();
    try {
      store.put('b');
      const ref = slotsRef(store);
      expect('file' in ref).toBe(true);
      const opened = openSlots(ref, 4);
      expect(opened.slots.get(0)).toBe('b');
      opened.close();
    } finally {
      store.close();
    }
  });
});

const REFS: Record<string, string> = {
  a: 'The Senate Finance Committee will hold a hearing on the trade bill next Tuesday, the chairman said.\nSenator Maria Lopez, who leads the committee, said the bill would help farmers sell more grain abroad.',
  b: '"We need to open new markets for our growers," Lopez said in a statement on Friday.\nThe Finance Committee has scheduled two further sessions in March, the special envoy for Latin America said.',
};
const SPUN =
  'The Senate Finance Commission will certainly hold a hearing on the trade measure next Tuesday, the chairman claimed.\nSenator Maria Lopez, who leads the commission, said the measure would help farmers sell more grain abroad.';

describe('shared indexes', () => {
  it('restore the same from a shared reference index reading texts from a store as from one built in place', () => {
    const direct = new ReferenceIndex();
    for (const [id, t] of Object.entries(REFS)) direct.add(id, t);
    const store = new Store<string>();
    try {
      const built = new ReferenceIndex({ texts: store });
      for (const [id, t] of Object.entries(REFS)) built.add(id, t, undefined, store.put(t));
      const opened = openSlots<string>(store.handle(), 1);
      // As a thread receives it: structured-cloned, tables in shared memory.
      const shared = ReferenceIndex.fromShared(structuredClone(built.share()), opened.slots);
      const expected = restoreDocument({ docId: 's', text: SPUN, index: direct, suspects: [] });
      expect(expected.length).toBeGreaterThan(0);
      expect(restoreDocument({ docId: 's', text: SPUN, index: shared, suspects: [] })).toEqual(expected);
      expect(shared.count('committee')).toBe(direct.count('committee'));
      expect(shared.titlesOf('latin america')).toEqual(direct.titlesOf('latin america'));
      const tokens = tokenize(SPUN);
      expect(shared.candidates(tokens)).toEqual(direct.candidates(tokens));
      opened.close();
    } finally {
      store.close();
    }
  });

  it('judge cross-document evidence the same from a shared cross index', () => {
    const docs = [
      { id: 'a', text: REFS.a, score: 0.1 },
      { id: 's', text: SPUN, score: 0.6 },
    ];
    const direct = new CrossIndex(docs);
    const store = new Store<string>();
    try {
      const built = new CrossIndex([], store);
      for (const d of docs) built.add({ ...d, slot: store.put(d.text) });
      const opened = openSlots<string>(store.handle(), 1);
      const shared = CrossIndex.fromShared(structuredClone(built.share()), opened.slots);
      expect(direct.evidenceFor('s')).toBeDefined();
      expect(shared.evidenceFor('s')).toEqual(direct.evidenceFor('s'));
      expect(shared.evidenceFor('a')).toEqual(direct.evidenceFor('a'));
      opened.close();
    } finally {
      store.close();
    }
  });
});
