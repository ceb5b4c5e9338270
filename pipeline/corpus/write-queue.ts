/**
 * Output files written concurrently, a bounded number at a time. Pass 2 writes two
 * files per document (cleaned text, diff), each a temp file + rename: awaited one by
 * one, the main thread spends most of pass 2 waiting on the file system. Each file
 * is still written atomically; only the order in which different files appear changes.
 */
export class WriteQueue {
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;
  private failed = false;

  constructor(readonly limit = 16) {}

  /** Starts `write`, after waiting for a free slot; throws the first failure of any earlier write. */
  async add(write: () => Promise<void>): Promise<void> {
    this.check();
    while (this.pending.size >= this.limit) {
      await Promise.race(this.pending);
      this.check();
    }
    const p: Promise<void> = write()
      .catch((err: unknown) => {
        if (!this.failed) [this.failed, this.failure] = [true, err];
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for every write started; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.pending);
    this.check();
  }

  private check(): void {
    if (this.failed) throw this.failure;
  }
}
