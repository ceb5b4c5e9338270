import type { OutRoot } from './out-root.js';
import { oneDocumentMessage } from './output-error.js';
import { removeStale, writeAtomic } from './outputs.js';
import type { WriteQueue } from './write-queue.js';

/**
 * One document's outputs (its cleaned text and diff, each written, or an earlier run's
 * removed), started on the run's write queue. A failure that is the document's alone
 * (output-error.ts: a name too long for the file system, a link on the way) is kept for
 * its report entry, and the run goes on; any other failure is the queue's, and stops
 * the run. `settled` says, once they are done, which outputs were written (in the order
 * started, so the list of outputs is the same on every run) and which failed.
 */
export class DocumentOutputs {
  /** Each output started: whether it goes on the list of outputs, and its failure's message once done (undefined: done well). */
  private readonly started: Array<{ rel: string; lists: boolean; failure: Promise<string | undefined> }> = [];

  constructor(
    private readonly queue: WriteQueue,
    private readonly out: OutRoot,
  ) {}

  /** Writes the output `rel` (relative to --out). */
  write(rel: string, data: string): Promise<void> {
    return this.start(rel, true, () => writeAtomic(this.out, rel, data));
  }

  /** Removes an output `rel` an earlier run left, if any. */
  remove(rel: string): Promise<void> {
    return this.start(rel, false, () => removeStale(this.out, rel));
  }

  /** The outputs written and the messages of those that failed, in the order started, once every one is done. */
  async settled(): Promise<{ written: string[]; failures: string[] }> {
    const failures = await Promise.all(this.started.map((s) => s.failure));
    return {
      written: this.started.filter((s, i) => s.lists && failures[i] === undefined).map((s) => s.rel),
      failures: failures.filter((f): f is string => f !== undefined),
    };
  }

  private start(rel: string, lists: boolean, job: () => Promise<void>): Promise<void> {
    return this.queue.add(() => {
      const done = job();
      // `failure` never rejects, and is this output's own failure only: one that stops the
      // run (a full disk) reaches the queue through `done`, and is no document's to report.
      const failure = done.then(() => undefined, oneDocumentMessage);
      this.started.push({ rel, lists, failure });
      return done.catch((err: unknown) => {
        if (oneDocumentMessage(err) === undefined) throw err;
      });
    });
  }
}
