import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc';
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { describe, expect, it } from 'vitest';
import {
  LANGUAGES, MIN_LETTERS, SAMPLE_CHARS, detectLanguage, letterCount, paragraphLanguages, paragraphs, sample,
} from '../pipeline/stages/language.js';
import { languageRanker } from '../pipeline/stages/language-rank.js';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'language');

const seeds = readdirSync(SEEDS).sort().map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')] as const);
/** Fixture files `<lang>.txt`, `<lang>-2.txt`: 4-5 sentences each, written for these tests. */
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => [f, f.split(/[-.]/)[0], readFileSync(join(FIXTURES, f), 'utf8').trim()] as const);
const CODES: Record<string, string> = { es: 'spa', fr: 'fra', de: 'deu', pt: 'por', it: 'ita' };

describe('detectLanguage', () => {
  for (const [f, text] of seeds) {
    it(`judges seed ${f} English`, () => {
      expect(detectLanguage(text)).toEqual({ code: 'eng', reliable: true, english: true });
    });
  }

  it('has a fixture of every foreign language, twice', () => {
    expect(new Set(fixtures.map(([, l]) => l))).toEqual(new Set(Object.keys(CODES)));
    expect(fixtures.length).toBe(10);
  });

  for (const [f, lang, text] of fixtures) {
    it(`judges ${f} as ${CODES[lang]}, not English`, () => {
      expect(letterCount(text)).toBeGreaterThanOrEqual(MIN_LETTERS);
      expect(detectLanguage(text)).toEqual({ code: CODES[lang], reliable: true, english: false });
    });
  }

  it('does not judge short text: und, not reliable, treated as English', () => {
    const notJudged = { code: 'und', reliable: false, english: true };
    expect(detectLanguage('')).toEqual(notJudged);
    expect(detectLanguage('CNN —')).toEqual(notJudged);
    expect(detectLanguage('El secretario de Estado llegó el sábado a la capital panameña.')).toEqual(notJudged);
    const es = fixtures.find(([f]) => f === 'es.txt')![2];
    // Cut the Spanish fixture just below and just at the threshold.
    let cut = 0;
    for (let n = 0; n < MIN_LETTERS - 1; cut++) if (/\p{L}/u.test(es[cut])) n++;
    expect(detectLanguage(es.slice(0, cut))).toEqual(notJudged);
    while (!/\p{L}/u.test(es[cut])) cut++;
    expect(detectLanguage(es.slice(0, cut + 1)).code).toBe('spa');
    // Digits, punctuation and whitespace are not letters.
    expect(detectLanguage('1234567890 '.repeat(100))).toEqual(notJudged);
  });

  it('keeps a mostly-English document English when one paragraph is foreign', () => {
    const fr = fixtures.find(([f]) => f === 'fr.txt')![2];
    const lines = seeds[2][1].split('\n');
    lines.splice(5, 0, fr);
    expect(detectLanguage(lines.join('\n'))).toMatchObject({ code: 'eng', english: true });
  });

  it('judges a bounded sample of a long document', () => {
    const long = seeds.map(([, t]) => t).join('\n').repeat(40);
    expect(long.length).toBeGreaterThan(500_000);
    const s = sample(long);
    expect(s.length).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(detectLanguage(long).code).toBe('eng');
  });

  it('samples the start, the middle and the end of a long text', () => {
    const text = `${'alpha '.repeat(500)}${'beta '.repeat(500)}${'gamma '.repeat(500)}`;
    const s = sample(text);
    expect(s).toContain('alpha');
    expect(s).toContain('beta');
    expect(s).toContain('gamma');
    expect(s.length).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(s).not.toMatch(/(?:^| )(?:alph|bet|gamm|lpha|eta|amma)(?: |$)/); // windows cut at word boundaries
  });
  it('judges a long document mostly in French with an English first paragraph French', () => {
    const en = seeds[0][1].split('\n').slice(0, 2).join('\n');
    const fr = fixtures.filter(([, l]) => l === 'fr').map(([, , t]) => t).join('\n\n');
    const doc = `${en}\n\n${Array(6).fill(fr).join('\n\n')}`;
    expect(doc.length).toBeGreaterThan(3 * SAMPLE_CHARS);
    expect(detectLanguage(doc)).toEqual({ code: 'fra', reliable: true, english: false });
  });

  it('judges a long English document with a French first paragraph English', () => {
    const fr = fixtures.find(([f]) => f === 'fr.txt')![2];
    const doc = `${fr}\n\n${seeds.map(([, t]) => t).join('\n')}`;
    // A third of the sample (the first window) is French, so the margin is small: English,
    // processed as English, but not `reliable`.
    expect(detectLanguage(doc)).toMatchObject({ code: 'eng', english: true });
  });

  it('judges a very long English document English, on a sample of the same size', () => {
    const long = seeds.map(([, t]) => t).join('\n').repeat(400); // ~10 MB
    expect(long.length).toBeGreaterThan(5_000_000);
    expect(sample(long).length).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(detectLanguage(long)).toEqual({ code: 'eng', reliable: true, english: true });
  });

  it('takes a short text mostly in a non-Latin script for not English, without judging its language', () => {
    const notEnglish = { code: 'und', reliable: false, english: false };
    expect(detectLanguage('Государственный секретарь прибыл в столицу Панамы в субботу утром.')).toEqual(notEnglish);
    expect(detectLanguage('国务卿星期六上午抵达巴拿马首都，与总统举行了会谈。')).toEqual(notEnglish);
    // a few foreign letters in English, or too few letters to tell, stay English
    expect(detectLanguage('The minister met Сергей Лавров in Moscow on Monday morning.').english).toBe(true);
    expect(detectLanguage('Москва — CNN').english).toBe(true);
  });

  it('does not judge a short foreign text, and judges it once it is long enough', () => {
    const fr = fixtures.find(([f]) => f === 'fr.txt')![2];
    const short = fr.slice(0, fr.indexOf('.') + 1);
    expect(letterCount(short)).toBeLessThan(MIN_LETTERS);
    expect(detectLanguage(short)).toEqual({ code: 'und', reliable: false, english: true });
    expect(detectLanguage(fr)).toMatchObject({ code: 'fra', english: false });
  });

  it('samples exactly as the plain regex version (white space runs, window cuts)', () => {
    const reference = (text: string): string => {
      const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
      if (text.length <= SAMPLE_CHARS) return squash(text);
      const w = Math.floor((SAMPLE_CHARS - 2) / 3);
      return [0, Math.floor((text.length - w) / 2), text.length - w].map((at) => {
        let a = at;
        let b = at + w;
        if (a > 0) {
          const sp = text.slice(a, b).search(/\s/);
          if (sp >= 0) a += sp + 1;
        }
        if (b < text.length) {
          const m = /\s\S*$/.exec(text.slice(a, b));
          if (m && m.index > 0) b = a + m.index;
        }
        return squash(text.slice(a, b));
      }).join(' ');
    };
    const texts = [
      ...seeds.map(([, t]) => t), ...fixtures.map(([, , t]) => t), seeds.map(([, t]) => t).join('\n\n'),
      ' \t\n  lead  \u00a0\u3000 trail \r\n'.repeat(300), 'x\u2028'.repeat(1500), `${'word '.repeat(700)}\u00a0\u00a0end`,
      'a'.repeat(5000), ' '.repeat(5000), 'b c'.repeat(1200), `${'z'.repeat(700)} ${'y '.repeat(900)}`, '', ' ', 'one two',
    ];
    for (const t of texts) for (const cut of [t.length, 1999, 2000, 2001, 2700]) expect(sample(t.slice(0, cut))).toBe(reference(t.slice(0, cut)));
  });

  it('counts letters as /\\p{L}/gu does (astral letters once, lone surrogates and digits not)', () => {
    const regexCount = (s: string, cap = Infinity): number => {
      let n = 0;
      const re = /\p{L}/gu;
      while (n < cap && re.exec(s) !== null) n++;
      return n;
    };
    const samples = [
      '', 'abc XYZ 123 !?', 'élan, naïve, Æsir, ß, İstanbul, ΣΟΦΟΣ, Привет, 中文, かな, 한국어',
      '𝐁𝐨𝐥𝐝 𐐀𐐁 😀 \ud800 lone \udc00 surrogates', '\u0000\t\u00a0\u2028 ٣٤ ⅷ', ...seeds.map(([, t]) => t), ...fixtures.map(([, , t]) => t),
    ];
    for (const s of samples) {
      expect(letterCount(s)).toBe(regexCount(s));
      for (const cap of [0, 1, 3, MIN_LETTERS]) expect(letterCount(s, cap)).toBe(regexCount(s, cap));
    }
  });
});

describe('languageRanker (exactly francAll)', () => {
  const rank = languageRanker(LANGUAGES);
  const franc = (s: string) => francAll(s, { only: [...LANGUAGES], minLength: 1 });
  const texts = [
    ...seeds.map(([, t]) => t), ...fixtures.map(([, , t]) => t),
    'Привет, как дела? Это тестовый текст на русском языке, чтобы проверить распознавание.',
    'Γεια σου κόσμε. ΣΟΦΟΣ ΑΝΘΡΩΠΟΣ. Αυτό είναι ένα ελληνικό κείμενο για δοκιμή.',
    '这是一个中文测试文本，用于检测语言。', 'これは日本語のテキストです。ひらがなとカタカナ。', '한국어 텍스트입니다.',
    'İSTANBUL büyük bir şehirdir ve Türkiye’nin en kalabalık şehridir.',
    // Σ lower-cases to ς at the end of a word: per character, `ΑΣ ΑΣΑ` would share a trigram.
    'The Greek capitals ΑΣ ΑΣΑ and ΟΔΟΣ ΟΔΟΣΑ, in an English sentence long enough to be judged.',
    'مرحبا بالعالم، هذا نص عربي للاختبار.', 'שלום עולם, זהו טקסט בעברית לבדיקה.', 'नमस्ते दुनिया, यह हिंदी में एक परीक्षण पाठ है।',
    'สวัสดีชาวโลก นี่คือข้อความภาษาไทย', 'ሰላም ዓለም', 'English 😀 with emoji, 𝐁𝐨𝐥𝐝, “curly” quotes — dashes…',
    // Astral letters lower-case as pairs: 𐐀𐐁 → 𐐨𐐩 (Deseret), so these two words share trigrams.
    'Deseret capitals 𐐀𐐁 and small letters 𐐨𐐩 in an English sentence long enough to be judged.',
    'Mixed English text and русский текст and ελληνικά και 中文 characters together.',
    '\u0000\u0001 weird\tcontrol\u000b chars\u00a0nbsp\u2028line\ufeffbom 123', '1234 567 !!!', '     ', 'a', 'ab', '',
  ];

  it('returns exactly what francAll returns: languages, order and scores', () => {
    let compared = 0;
    for (const t of texts) {
      for (const s of [t, sample(t), t.slice(0, 50), t.slice(0, 300), t.slice(0, 2100), t.repeat(3)]) {
        expect(rank(s)).toEqual(franc(s));
        compared++;
      }
    }
    // Every combination of two texts, so that scripts and languages compete.
    for (const a of texts) for (const b of texts.slice(-16)) {
      expect(rank(`${a} ${b}`)).toEqual(franc(`${a} ${b}`));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('paragraphLanguages', () => {
  for (const [f, text] of seeds) {
    it(`reports no foreign paragraph in seed ${f}`, () => expect(paragraphLanguages(text)).toEqual([]));
  }

  it('reports each foreign paragraph of a mostly-English document, with its offsets', () => {
    const en = seeds[2][1].split('\n');
    const parts = [en[2], fixtures.find(([f]) => f === 'de.txt')![2], en[3], en[4], fixtures.find(([f]) => f === 'it-2.txt')![2], en[5]];
    const text = parts.join('\n');
    const found = paragraphLanguages(text);
    expect(found.map((p) => p.code)).toEqual(['deu', 'ita']);
    expect(text.slice(found[0].start, found[0].end)).toBe(parts[1]);
    expect(text.slice(found[1].start, found[1].end)).toBe(parts[4]);
  });

  for (const [f, lang, text] of fixtures) {
    it(`reports ${f} inside English text as ${CODES[lang]}`, () => {
      const doc = `${seeds[0][1].split('\n')[0]}\n\n${text}\n\n${seeds[0][1].split('\n')[1]}\n`;
      const found = paragraphLanguages(doc);
      expect(found).toHaveLength(1);
      expect(found[0].code).toBe(CODES[lang]);
      expect(doc.slice(found[0].start, found[0].end)).toBe(text);
    });
  }

  it('does not judge short foreign paragraphs', () => {
    const doc = `${seeds[0][1].split('\n')[0]}\nLe canal appartient au Panama, a déclaré le président.\n${seeds[0][1].split('\n')[1]}\n`;
    expect(paragraphLanguages(doc)).toEqual([]);
  });

  it('splits one-paragraph-per-line text into lines and hard-wrapped blocks into one paragraph', () => {
    expect(paragraphs('One line.\nTwo lines.\n\nThree.\n')).toEqual([
      { start: 0, end: 9 }, { start: 10, end: 20 }, { start: 22, end: 28 },
    ]);
    const wrapped = 'This paragraph is hard\nwrapped at a narrow width\nand ends here.\n\nNext one.';
    expect(paragraphs(wrapped)).toEqual([{ start: 0, end: 63 }, { start: 65, end: 74 }]);
    expect(paragraphs('a\r\nb.\r\n')).toEqual([{ start: 0, end: 1 }, { start: 3, end: 5 }]);
  });
});

describe('the restricted language set (franc `only`)', () => {
  // The measurement behind LANGUAGES: 100-letter windows of the seeds and fixtures.
  function windows(s: string, n: number, max: number): string[] {
    const out: string[] = [];
    for (let st = 0; st < s.length && out.length < max; st += 37) {
      const a = s.indexOf(' ', st) + 1;
      let c = 0;
      let i = a;
      for (; i < s.length && c < n; i++) if (/\p{L}/u.test(s[i])) c++;
      if (c < n) break;
      out.push(s.slice(a, i));
    }
    return out;
  }

  it('is at least as accurate as all of franc’s languages on short windows, and exact on English', () => {
    const byLang: Record<string, string> = { eng: seeds.map(([, t]) => t.replace(/\n/g, ' ')).join(' ') };
    for (const [, lang, text] of fixtures) byLang[CODES[lang]] = (byLang[CODES[lang]] ?? '') + ' ' + text;
    let all = 0;
    let only = 0;
    let englishOnly = 0;
    let englishTotal = 0;
    for (const [code, text] of Object.entries(byLang)) {
      for (const w of windows(text, 100, code === 'eng' ? 200 : 40)) {
        if (francAll(w, { minLength: 1 })[0][0] === code) all++;
        const restricted = francAll(w, { minLength: 1, only: [...LANGUAGES] })[0][0] === code;
        if (restricted) only++;
        if (code === 'eng') {
          englishTotal++;
          if (restricted) englishOnly++;
        }
      }
    }
    expect(only).toBeGreaterThan(all);
    expect(englishOnly).toBe(englishTotal);
  });

  it('only names languages franc knows', () => {
    const known = new Set<string>(Object.keys(expressions));
    for (const langs of Object.values(data)) for (const code of Object.keys(langs)) known.add(code);
    expect(LANGUAGES.filter((code) => !known.has(code))).toEqual([]);
    expect(LANGUAGES).toHaveLength(49);
    for (const left of ['sco', 'glg', 'nno']) expect(LANGUAGES).not.toContain(left);
  });
});
