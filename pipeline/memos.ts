/**
 * The per-thread memos of pure lookups (lexicon readings, word profiles, detection
 * phrases…), registered so that a thread can empty them all when pass 1 ends. Pass 1
 * fills them with the word forms of a whole corpus; the corpus stages that follow
 * look up few of those again (restoration reads the words of the spun documents and
 * their references only) and refill what they need. Left full, they were a third of
 * each worker's heap at the run's peak, during restoration (80 MB bench, heap
 * snapshot: some 140 MB a worker; emptied, peak RSS went from 1.26 GB to 1.01 GB).
 * Emptying a memo never changes a result, only what is computed again.
 */
const clears: Array<() => void> = [];

/**
 * A memo holding at most `max` entries: full, it is emptied before the next one goes in
 * (cheaper than evicting one by one, and a memo refills with what is still asked for).
 */
class Memo<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max) this.clear();
    return super.set(key, value);
  }
}

/**
 * A Map emptied by `forgetMemos`, for a memo whose values depend on its keys only;
 * with `max`, also emptied whenever it is full (Memo).
 */
export function memo<K, V>(max = Infinity): Map<K, V> {
  const m = new Memo<K, V>(max);
  clears.push(() => m.clear());
  return m;
}

/** Registers how to empty a memo that is more than one Map. */
export function onForgetMemos(clear: () => void): void {
  clears.push(clear);
}

/** Empties every memo of this thread. */
export function forgetMemos(): void {
  for (const clear of clears) clear();
}
