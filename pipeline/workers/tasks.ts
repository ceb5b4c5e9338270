/**
 * The per-document work of a run, as named tasks a thread can execute: pass 1 for one
 * input, cross-document judgement of one document, restoration of one document. The
 * same handlers run in the main thread (`--workers 1`) and in each worker of the
 * pool, so the results cannot depend on the number of workers.
 *
 * Two tasks are set-ups (`crossIndex`, `referenceIndex`) sent to every thread: each
 * hands the thread an index built once (stages/corpus.ts), whose tables are shared
 * memory and whose documents' texts the thread reads back from their store, and the
 * per-document tasks that follow read it.
 */
import { readInput } from '../corpus/read-input.js';
import { analyzeDocument, fromPlain, toPlain, unreadableDocument, type Options, type PlainState } from '../document.js';
import type { Edit } from '../edits.js';
import { runCorpusStages } from '../stages/corpus.js';
import { CrossIndex, type CrossClearance, type CrossEvidence, type SharedCrossIndex } from '../stages/crossdoc.js';
import { detectIntrinsic, type IntrinsicResult } from '../stages/detect.js';
import { ReferenceIndex, type SharedReferenceIndex } from '../stages/reference.js';
import { openSlots, type Slots, type SlotsRef } from '../corpus/store.js';
import { indexData, type IndexData } from '../stages/reference-data.js';
import { restoreDocument, type Suspect } from '../stages/restore.js';
import { segment } from '../stages/segment.js';
import { stageTimings, timed } from '../timings.js';
import { forgetMemos } from '../memos.js';

/** One input of pass 1: a file to read, or a text (JSON Lines record). */
export interface AnalyzeInput {
  id: string;
  path: string;
  file?: string;
  /** Why the file cannot be read, known before reading it (inputs.ts). */
  error?: string;
  text?: string;
  /** A Markdown file (by its name): see analyzeDocument. Never set for JSON Lines records. */
  markdown?: boolean;
  maxBytes: number;
  options: Options;
}

export interface Analyzed {
  state: PlainState;
  /** Bytes of input text read. */
  bytes: number;
  /** Intrinsic detection, for documents the corpus stages work on. */
  intrinsic?: IntrinsicResult;
  /** What the indexes take from the document, for the same documents. */
  index?: IndexData;
}

/** A set-up: an index built once (shared), and where its documents' texts are kept. */
export interface IndexSetup<S> {
  index: S;
  texts: SlotsRef<string>;
}

export interface RestoreJob {
  docId: string;
  /** The document's text, or its slot in the reference set-up's texts. */
  text?: string;
  slot?: number;
  suspects: readonly Suspect[];
  /** See RestoreContext.unconfirmedScore. */
  unconfirmedScore?: number;
}

/** Documents whose texts a thread keeps decoded: retrieval keeps coming back to the same few. */
const TEXT_CACHE = 1024;

export type Restored = { edits: Edit[] } | { error: string };

/**
 * Pass 1: read, normalize, language, boilerplate, then intrinsic detection and, unless
 * the document is a corpus of its own (`withIndex` false), its index data.
 */
export async function analyze(input: AnalyzeInput, withIndex = true): Promise<Analyzed> {
  let source: Uint8Array | string;
  if (input.text !== undefined) source = input.text;
  else {
    const bytes = input.error !== undefined ? { error: input.error } : await readInput(input.file!, input.maxBytes);
    if (!(bytes instanceof Uint8Array)) return { state: toPlain(unreadableDocument(input.id, input.path, bytes.error)), bytes: 0 };
    source = bytes;
  }
  const bytes = typeof source === 'string' ? Buffer.byteLength(source) : source.length;
  const state = analyzeDocument(input.id, input.path, source, input.options, { markdown: input.markdown });
  const active = state.log !== undefined && state.verdict !== 'skipped' && input.options.spin !== false;
  if (!active) return { state: toPlain(state), bytes };
  const text = state.log!.text;
  // One sentence split (Intl.Segmenter, a good part of either stage) for detection and the index.
  const seg = timed('detect', () => segment(text));
  const intrinsic = timed('detect', () => detectIntrinsic(text, seg));
  // A document spun on its own evidence is never a reference: retrieval data only.
  if (!withIndex) return { state: toPlain(state), bytes, intrinsic };
  const index = timed('index', () => indexData(text, !intrinsic.spun, seg.sentences));
  return { state: toPlain(state), bytes, intrinsic, index };
}

/** Handlers with their own index state: one set per thread. */
export function createHandlers() {
  let cross: CrossIndex | undefined;
  let reference: ReferenceIndex | undefined;
  let referenceTexts: Slots<string> | undefined;
  // Each set-up opens its texts; the next set-up (or null) lets go of them.
  let closeCross = () => {};
  let closeReference = () => {};
  return {
    analyze: (input: AnalyzeInput) => analyze(input),
    /** After the last `analyze` of a corpus: what pass 1 memoised, the corpus stages need little of (memos.ts). */
    endAnalysis(): void {
      forgetMemos();
    },
    crossIndex(setup: IndexSetup<SharedCrossIndex> | null): void {
      closeCross();
      cross = undefined;
      closeCross = () => {};
      if (!setup) return;
      const texts = openSlots(setup.texts, TEXT_CACHE);
      closeCross = texts.close;
      cross = CrossIndex.fromShared(setup.index, texts.slots);
    },
    crossCheck(id: string): CrossEvidence | null {
      if (!cross) throw new Error('crossCheck before crossIndex');
      return timed('cross-document', () => cross!.evidenceFor(id)) ?? null;
    },
    crossClear(id: string): CrossClearance | null {
      if (!cross) throw new Error('crossClear before crossIndex');
      return timed('cross-document', () => cross!.clearanceFor(id)) ?? null;
    },
    referenceIndex(setup: IndexSetup<SharedReferenceIndex> | null): void {
      closeReference();
      reference = referenceTexts = undefined;
      closeReference = () => {};
      if (!setup) return;
      const texts = openSlots(setup.texts, TEXT_CACHE);
      closeReference = texts.close;
      referenceTexts = texts.slots;
      reference = ReferenceIndex.fromShared(setup.index, texts.slots);
    },
    restore(job: RestoreJob): Restored {
      if (!reference) throw new Error('restore before referenceIndex');
      // Outside the try: a text that cannot be read is the run's failure, not the document's.
      const text = job.text ?? referenceTexts!.get(job.slot!, false);
      try {
        return { edits: timed('restore', () => restoreDocument({ docId: job.docId, text, suspects: job.suspects, index: reference!, unconfirmedScore: job.unconfirmedScore })) };
      } catch (err) {
        // A failure restoring one document must not take the corpus down with it.
        return { error: `restoration failed: ${(err as Error).message}` };
      }
    },
    /**
     * A JSON Lines record: pass 1 and the corpus stages over a corpus of one (no
     * other record to compare with or restore from), in this thread.
     */
    async record(input: AnalyzeInput): Promise<Analyzed> {
      // Alone, a record has no other record to retrieve or cite: no index data.
      const a = await analyze(input, false);
      const doc = { state: fromPlain(a.state), intrinsic: a.intrinsic, index: a.index };
      await runCorpusStages([doc], input.options, new LocalRunner());
      return { state: toPlain(doc.state), bytes: a.bytes };
    },
    timings(): Map<string, number> {
      return new Map(stageTimings());
    },
  };
}

export type Handlers = ReturnType<typeof createHandlers>;
export type TaskName = keyof Handlers;
export type Arg<K extends TaskName> = Parameters<Handlers[K]>[0];
export type Result<K extends TaskName> = Awaited<ReturnType<Handlers[K]>>;

export interface Runner {
  readonly threads: number;
  /** Runs task `name` on every argument; results in argument order. */
  map<K extends TaskName>(name: K, args: readonly Arg<K>[], onResult?: (i: number) => void): Promise<Result<K>[]>;
  /**
   * Runs task `name` on every argument and hands each result to `onResult` in argument
   * order as soon as it and all before it are done, without keeping them: streaming.
   */
  each<K extends TaskName>(name: K, args: readonly Arg<K>[], onResult: (i: number, value: Result<K>) => void): Promise<void>;
  /** Runs task `name` once on every thread (index set-ups). */
  broadcast<K extends TaskName>(name: K, arg: Arg<K>): Promise<Result<K>[]>;
  /** Stops the threads, after adding their stage timings to this thread's. */
  close(): Promise<void>;
}

/** Calls the one-thread runner starts ahead of the one it delivers (LocalRunner.each). */
const LOCAL_AHEAD = 4;

/** Runs the tasks in this thread, delivering their results in order. */
export class LocalRunner implements Runner {
  readonly threads = 1;
  private readonly handlers = createHandlers();

  private call<K extends TaskName>(name: K, arg: Arg<K>): Promise<Result<K>> {
    const fn = this.handlers[name] as (a: Arg<K>) => Result<K> | Promise<Result<K>>;
    return Promise.resolve(fn(arg));
  }

  async map<K extends TaskName>(name: K, args: readonly Arg<K>[], onResult?: (i: number) => void): Promise<Result<K>[]> {
    const out: Result<K>[] = [];
    await this.each(name, args, (i, v) => {
      out.push(v);
      onResult?.(i);
    });
    return out;
  }

  /**
   * A few calls ahead of the one delivered: pass 1 reads each file before analyzing it,
   * and with one call at a time the thread waited on every read. Results are delivered
   * in order, as they would be one at a time.
   */
  async each<K extends TaskName>(name: K, args: readonly Arg<K>[], onResult: (i: number, value: Result<K>) => void): Promise<void> {
    const ahead: Array<Promise<Result<K>>> = [];
    let next = 0;
    for (let i = 0; i < args.length; i++) {
      while (next < args.length && next < i + LOCAL_AHEAD) {
        const p = this.call(name, args[next++]);
        // Awaited in its turn below; until then its failure must not count as unhandled.
        p.catch(() => undefined);
        ahead.push(p);
      }
      onResult(i, await ahead.shift()!);
    }
  }

  async broadcast<K extends TaskName>(name: K, arg: Arg<K>): Promise<Result<K>[]> {
    return [await this.call(name, arg)];
  }

  async close(): Promise<void> {}
}
