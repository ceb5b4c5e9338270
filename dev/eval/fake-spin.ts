/**
 * A trivial stand-in for dev/spin.ts with the same API, for the eval's own tests and
 * for `--fake-spinner` runs while the real spinner is not there. Each word found in a
 * small table is replaced with probability `rate`.
 */
import type { SpinChange, SpinResult } from './sets.js';
import { Rng } from './text.js';

const TABLE: Record<string, { after: string; kind: string }> = {
  said: { after: 'claimed', kind: 'synonym' },
  says: { after: 'claims', kind: 'synonym' },
  has: { after: 'has actually', kind: 'filler' },
  have: { after: 'have actually', kind: 'filler' },
  secretary: { after: 'assistant', kind: 'synonym' },
  first: { after: 'very first', kind: 'filler' },
  important: { after: 'crucial', kind: 'synonym' },
  country: { after: 'nation', kind: 'synonym' },
  people: { after: 'individuals', kind: 'synonym' },
  help: { after: 'assist', kind: 'synonym' },
  big: { after: 'huge', kind: 'synonym' },
  great: { after: 'terrific', kind: 'synonym' },
  new: { after: 'brand-new', kind: 'synonym' },
  world: { after: 'globe', kind: 'synonym' },
  make: { after: 'make', kind: 'noop' },
  work: { after: 'job', kind: 'synonym' },
  government: { after: 'federal government', kind: 'synonym' },
  nation: { after: 'country', kind: 'synonym' },
  whale: { after: 'whale', kind: 'noop' },
  sea: { after: 'ocean', kind: 'synonym' },
  ship: { after: 'vessel', kind: 'synonym' },
  old: { after: 'aged', kind: 'synonym' },
  man: { after: 'guy', kind: 'synonym' },
  also: { after: 'additionally', kind: 'synonym' },
  state: { after: 'state', kind: 'noop' },
  the: { after: 'the', kind: 'noop' },
  very: { after: '', kind: 'drop' },
};

function matchCase(src: string, repl: string): string {
  if (repl && src[0] === src[0].toUpperCase() && src[0] !== src[0].toLowerCase()) {
    return repl[0].toUpperCase() + repl.slice(1);
  }
  return repl;
}

export function fakeSpin(text: string, opts: { rate: number; seed: number }): SpinResult {
  const rng = new Rng(opts.seed);
  const changes: SpinChange[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const entry = TABLE[m[0].toLowerCase()];
    if (!entry || entry.kind === 'noop' || rng.next() >= opts.rate) continue;
    let start = m.index;
    let end = start + m[0].length;
    // Dropping a word takes one of its neighbouring spaces with it.
    if (entry.after === '' && text[end] === ' ') end++;
    else if (entry.after === '' && start > 0 && text[start - 1] === ' ') start--;
    changes.push({ start, end, before: text.slice(start, end), after: matchCase(m[0], entry.after), kind: entry.kind });
  }
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += text.slice(at, c.start) + c.after;
    at = c.end;
  }
  return { text: out + text.slice(at), changes };
}
