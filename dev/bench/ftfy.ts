/**
 * unspin's normalize stage against ftfy (the Python mojibake fixer), in one run:
 *  - speed: both over the same mojibake corpus (`texts.jsonl`: half the documents
 *    broken — Windows-1252, Latin-1 and double encodings of curly quotes, dashes and
 *    accented names — half clean), timing only the fixing call;
 *  - repairs: known cases, each a clean sentence with one kind of character broken
 *    one way; how many each tool restores exactly, by kind. The `intact` kind is
 *    clean text that must come back unchanged.
 * ftfy's defaults also straighten curly quotes and fold full-width characters, which
 * unspin deliberately keeps, so exactness is judged with those fixers off
 * (`comparable`); speed is reported for both configurations.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../../pipeline/stages/normalize.js';
import { Rng } from '../eval/text.js';
import { defaultParams, documentStream, GENERATOR_VERSION, sentences, type GeneratedDoc } from './corpus.js';
import { breakString, typographize, type BreakMode } from './mojibake.js';

export interface MojibakeCase {
  kind: string;
  original: string;
  broken: string;
}

export interface FtfyComparison {
  corpus: { dir: string; docs: number; bytes: number; brokenDocs: number };
  ftfy?: { python: string; version: string; default: { seconds: number; mbPerS: number; changed: number }; comparable: { seconds: number; mbPerS: number; changed: number } };
  unspin: { seconds: number; mbPerS: number; changed: number };
  /** unspin MB/s ÷ ftfy MB/s (>1: unspin is faster). */
  speedRatio?: { vsDefault: number; vsComparable: number };
  cases: Array<{ kind: string; cases: number; unspin: number; ftfyComparable?: number; ftfyDefault?: number }>;
  /** A few cases unspin did not restore, for the report. */
  unspinMisses: Array<{ kind: string; broken: string; got: string; want: string }>;
  skipped?: string;
}

const PY = String.raw`
import json, sys, time
import ftfy
texts_file, cases_file, out_file = sys.argv[1:4]
with open(texts_file, encoding='utf-8') as f:
    texts = [json.loads(l)['text'] for l in f if l.strip()]
with open(cases_file, encoding='utf-8') as f:
    cases = [json.loads(l) for l in f if l.strip()]
configs = {
    'default': ftfy.TextFixerConfig(),
    'comparable': ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False),
}
res = {'version': ftfy.__version__, 'python': sys.version.split()[0], 'bytes': sum(len(t.encode('utf-8')) for t in texts)}
for name, cfg in configs.items():
    for t in texts[:20]:
        ftfy.fix_text(t, cfg)
    secs = 0.0
    changed = 0
    for t in texts:
        t0 = time.perf_counter()
        fixed = ftfy.fix_text(t, cfg)
        secs += time.perf_counter() - t0
        if fixed != t:
            changed += 1
    res[name] = {'seconds': secs, 'changed': changed}
    res[name + '_cases'] = [ftfy.fix_text(c['broken'], cfg) for c in cases]
with open(out_file, 'w', encoding='utf-8') as f:
    json.dump(res, f)
`;

/** A Python with ftfy importable: `python3` first, then Debian's /usr/bin/python3. */
export function findFtfyPython(): { python?: string; note: string } {
  const tried: string[] = [];
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import ftfy; print(ftfy.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python: py, note: `${py}: ftfy ${r.stdout.trim()}` };
    tried.push(`${py}: ${r.error ? 'not found' : 'no ftfy'}`);
  }
  return { note: `ftfy is not importable (${tried.join('; ')}); install it with "apt-get install python3-ftfy" (Debian 13+) or "python3 -m pip install ftfy"` };
}

// ---------------------------------------------------------------- the known cases

interface CaseKind {
  kind: string;
  phrases: string[];
  mode: BreakMode;
  /** Break only the first non-ASCII character (a document that is only partly broken). */
  firstOnly?: boolean;
  intact?: boolean;
  /** Damage after the mis-decoding (e.g. a no-break space that became a space). */
  then?: (broken: string) => string;
}

const CASE_KINDS: CaseKind[] = [
  { kind: '’ → â€™ (cp1252)', mode: 'cp1252', phrases: ['It’s not over, officials say.', 'The nation’s debt rose again.', 'We don’t know yet, he said.'] },
  { kind: '“ ” → â€œ â€\\x9d (cp1252)', mode: 'cp1252', phrases: ['He called it “a fair deal.”', '“No comment,” she said.', 'The so-called “reform” failed.'] },
  { kind: '— – … → â€” â€“ â€¦', mode: 'cp1252', phrases: ['The vote — long delayed — passed.', 'See pages 10–12 of the report.', 'And so it went…'] },
  { kind: 'é è ü → Ã© Ã¨ Ã¼', mode: 'cp1252', phrases: ['José Martínez met Hélène Côté in Zürich.', 'A naïve façade, said Renée.', 'Flights from Malmö and Besançon resumed.'] },
  { kind: 'Latin Extended → Å‚ Å™ …', mode: 'cp1252', phrases: ['Antonín Dvořák wrote it.', 'Łukasz Wójcik lives in Łódź.', 'Çağlar Söyüncü scored twice.'] },
  { kind: 'Latin-1 decoding (C1 controls)', mode: 'latin1', phrases: ['It’s the nation’s “best” year — so far.', 'José met Zoë in Curaçao.', 'We don’t know…'] },
  { kind: 'double-encoded', mode: 'double', phrases: ['It’s not over.', 'José Martínez met Hélène in Zürich.', '“No comment,” she said — twice.'] },
  { kind: 'no-break space → Â\\xa0', mode: 'cp1252', phrases: ['The town lies 10\u00a0km north.', 'Mr.\u00a0Smith declined.', 'Prices rose 5\u00a0% in May.'] },
  { kind: 'emoji → ðŸ…', mode: 'cp1252', phrases: ['Great news 🎉 for fans.', 'Vote today 👍 they said.', 'A heart ❤ emoji.'] },
  { kind: 'non-Latin words → Ð Ñ æ', mode: 'cp1252', phrases: ['The talks moved to Москва.', 'The word αλήθεια means truth.', 'Flights to 東京 resumed.'] },
  { kind: 'partly broken (1st char only)', mode: 'cp1252', firstOnly: true, phrases: ['It’s the nation’s café.', 'José and José.', '“Yes,” she said — “yes.”'] },
  { kind: 'uppercase → Ã‰ Ã– Ã‡', mode: 'cp1252', phrases: ['The ÉLYSÉE said no.', 'ÉCOLE NORMALE in Österreich.', 'Ça va, said PEÑA.'] },
  { kind: 'symbols → â‚¬ Â£ Â°', mode: 'cp1252', phrases: ['He paid €50 and £20.', 'It was 20 °C ± 2.', 'A © 2024 notice.'] },
  { kind: 'à → Ã + space (no-break byte lost)', mode: 'cp1252', then: (s) => s.replace(/\u00a0/g, ' '), phrases: ['They ate à la carte.', 'A feeling of déjà vu.', 'Voilà la solution.'] },
  { kind: 'intact (must not change)', mode: 'cp1252', intact: true, phrases: ['It’s “fine” — really…', 'São Paulo, Zürich and Łódź.', 'Gruß aus München, 20 °C, £5, ½ cup.'] },
  { kind: 'intact look-alikes (must not change)', mode: 'cp1252', intact: true, phrases: ['LE CAFÉ… FERMÉ', 'C’EST L’ÉTÉ… ENFIN', 'SÃO PAULO and NÃO.', '„Gruß“ aus Köln.', 'THE RÉSUMÉ’S TITLE'] },
];

/** Known cases: an ASCII sentence of the corpus + a phrase, the phrase broken one way. */
export function makeCases(perKind: number, seed = 1): MojibakeCase[] {
  const rng = Rng.from('bench-mojibake-cases', seed);
  const ascii = sentences().filter((s) => /^[\x20-\x7e]+$/.test(s) && s.length < 200);
  const out: MojibakeCase[] = [];
  for (const k of CASE_KINDS) {
    for (let i = 0; i < perKind; i++) {
      const base = typographize(ascii[Math.floor(rng.next() * ascii.length)]);
      const phrase = k.phrases[i % k.phrases.length];
      const original = `${base} ${phrase}`;
      let brokenPhrase = phrase;
      if (k.firstOnly) {
        const at = [...phrase].findIndex((c) => c.charCodeAt(0) > 0x7f);
        const chars = [...phrase];
        chars[at] = breakString(chars[at], k.mode);
        brokenPhrase = chars.join('');
      } else if (!k.intact) brokenPhrase = breakString(phrase, k.mode);
      if (k.then) brokenPhrase = k.then(brokenPhrase);
      // `base` may hold typographic characters of its own: left intact, as in a mixed document.
      out.push({ kind: k.kind, original, broken: `${base} ${brokenPhrase}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------- the speed corpus

/** A mojibake corpus of `sizeMB` MB as JSON Lines {id, text}, cached. */
export async function ensureMojibakeCorpus(root: string, sizeMB: number, seed: number): Promise<{ dir: string; docs: number; bytes: number; brokenDocs: number }> {
  const params = {
    ...defaultParams(sizeMB, seed),
    spunShare: 0,
    spinPool: 0,
    mojibakeShare: 0.5,
    boilerplateShare: 0,
    nearDupShare: 0,
    typographicShare: 0.6,
    accentedSentences: 8,
  };
  const dir = join(root, `mojibake-${sizeMB}mb`);
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (JSON.stringify(m.params) === JSON.stringify(params)) return { dir, docs: m.docs, bytes: m.bytes, brokenDocs: m.brokenDocs };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(join(dir, 'texts.jsonl.tmp'));
  let bytes = 0;
  let docs = 0;
  let brokenDocs = 0;
  const gen = documentStream(params, [], 'm');
  while (bytes < sizeMB * 1e6) {
    const d = gen.next().value as GeneratedDoc;
    if (!out.write(JSON.stringify({ id: d.id, text: d.text }) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    bytes += Buffer.byteLength(d.text);
    docs++;
    if (d.labels.includes('mojibake')) brokenDocs++;
  }
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(join(dir, 'texts.jsonl.tmp'), join(dir, 'texts.jsonl'));
  writeFileSync(manifestFile, JSON.stringify({ params, generator: GENERATOR_VERSION, docs, bytes, brokenDocs }, null, 2) + '\n');
  return { dir, docs, bytes, brokenDocs };
}

// ---------------------------------------------------------------- the comparison

export async function compareWithFtfy(root: string, sizeMB: number, seed: number, log: (m: string) => void): Promise<FtfyComparison> {
  const corpus = await ensureMojibakeCorpus(root, sizeMB, seed);
  const cases = makeCases(30, seed);
  const casesFile = join(corpus.dir, 'cases.jsonl');
  writeFileSync(casesFile, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const texts = readFileSync(join(corpus.dir, 'texts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);

  // unspin's normalize stage, timed per call.
  for (const t of texts.slice(0, 20)) normalizeText(t);
  let uSecs = 0;
  let uChanged = 0;
  for (const t of texts) {
    const t0 = performance.now();
    const fixed = normalizeText(t);
    uSecs += (performance.now() - t0) / 1000;
    if (fixed !== t) uChanged++;
  }
  const unspin = { seconds: uSecs, mbPerS: corpus.bytes / 1e6 / uSecs, changed: uChanged };
  log(`  unspin normalize: ${unspin.mbPerS.toFixed(1)} MB/s over ${(corpus.bytes / 1e6).toFixed(1)} MB`);
  const unspinFixed = cases.map((c) => normalizeText(c.broken));

  const result: FtfyComparison = {
    corpus: { dir: corpus.dir, docs: corpus.docs, bytes: corpus.bytes, brokenDocs: corpus.brokenDocs },
    unspin,
    cases: [],
    unspinMisses: [],
  };

  const py = findFtfyPython();
  let ftfyFixed: { default: string[]; comparable: string[] } | undefined;
  if (!py.python) {
    result.skipped = py.note;
    log(`  NOTE: ${py.note} — skipping the ftfy side of the comparison`);
  } else {
    const script = join(corpus.dir, 'ftfy_fix.py');
    const outFile = join(corpus.dir, 'ftfy-result.json');
    writeFileSync(script, PY);
    rmSync(outFile, { force: true });
    log(`  ftfy (${py.note}) …`);
    const r = spawnSync(py.python, [script, join(corpus.dir, 'texts.jsonl'), casesFile, outFile], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0 || !existsSync(outFile)) {
      result.skipped = `ftfy run failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(-3).join(' | ')}`;
      log(`  NOTE: ${result.skipped}`);
    } else {
      const res = JSON.parse(readFileSync(outFile, 'utf8')) as {
        version: string;
        python: string;
        bytes: number;
        default: { seconds: number; changed: number };
        comparable: { seconds: number; changed: number };
        default_cases: string[];
        comparable_cases: string[];
      };
      const mb = res.bytes / 1e6;
      result.ftfy = {
        python: `${py.python} (Python ${res.python})`,
        version: res.version,
        default: { ...res.default, mbPerS: mb / res.default.seconds },
        comparable: { ...res.comparable, mbPerS: mb / res.comparable.seconds },
      };
      result.speedRatio = {
        vsDefault: unspin.mbPerS / result.ftfy.default.mbPerS,
        vsComparable: unspin.mbPerS / result.ftfy.comparable.mbPerS,
      };
      ftfyFixed = { default: res.default_cases, comparable: res.comparable_cases };
    }
  }

  const byKind = new Map<string, FtfyComparison['cases'][number]>();
  cases.forEach((c, i) => {
    let row = byKind.get(c.kind);
    if (!row) {
      row = { kind: c.kind, cases: 0, unspin: 0, ...(ftfyFixed ? { ftfyComparable: 0, ftfyDefault: 0 } : {}) };
      byKind.set(c.kind, row);
    }
    row.cases++;
    if (unspinFixed[i] === c.original) row.unspin++;
    else if (result.unspinMisses.filter((m) => m.kind === c.kind).length < 2) {
      result.unspinMisses.push({ kind: c.kind, broken: tail(c.broken), got: tail(unspinFixed[i]), want: tail(c.original) });
    }
    if (ftfyFixed) {
      if (ftfyFixed.comparable[i] === c.original) row.ftfyComparable!++;
      if (ftfyFixed.default[i] === c.original) row.ftfyDefault!++;
    }
  });
  result.cases = [...byKind.values()];
  return result;
}

/** The end of `s` (where the broken phrase is), escaped, for short reports. */
function tail(s: string): string {
  return JSON.stringify(s.slice(-70)).slice(1, -1);
}
