import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/corpus.js';
import { termOf, tokenize } from '../../src/engine/text.js';
import { loadCorpus } from '../../src/sources/load.js';

/**
 * `tokenize` scans with a sticky expression at each position that can start a token. This is the
 * straightforward reading it must agree with: the global expression's matches found with `exec`, the
 * possessive stripped with a replace, and the per-word fields computed from the surface.
 */
const TOKEN = /U\.S\.(?![A-Za-z])|U\.N\.|[\p{L}][\p{L}\p{M}'’]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|%/gu;

interface Reference {
  surface: string;
  lower: string;
  start: number;
  end: number;
  capitalized: boolean;
  numeric: boolean;
  acronym: boolean;
}

function reference(text: string): Reference[] {
  const out: Reference[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const surface = m[0].replace(/['’](?:s)?$/i, '');
    if (!surface) continue;
    const numeric = /^\d/.test(surface);
    let lower = surface.toLowerCase().replace(/’/g, "'");
    if (surface === 'U.S.' || surface === 'US') lower = 'usa';
    else if (surface === 'U.N.' || surface === 'UN') lower = 'un';
    const capitalized = !numeric && surface !== lower && surface[0] !== lower[0];
    const acronym = capitalized && surface.length >= 2 && surface === surface.toUpperCase();
    out.push({ surface, lower, start: m.index, end: m.index + surface.length, capitalized, numeric, acronym });
  }
  return out;
}

function expectSame(text: string): void {
  const got = tokenize(text);
  const want = reference(text);
  expect(
    got.map(({ surface, lower, start, end, capitalized, numeric }) => ({
      surface,
      lower,
      start,
      end,
      capitalized,
      numeric,
    })),
  ).toEqual(want.map(({ acronym: _, ...rest }) => rest));
  // Index terms: the word's own, except for acronyms and the two rewrites ("per cent", "lost" a thing).
  want.forEach((w, i) => {
    if (w.acronym || /^(?:cent|lost|lose|loses|losing)$/.test(w.lower)) return;
    expect(got[i]?.term).toBe(termOf(w.lower));
  });
}

const PIECES = [
  'U',
  '.',
  'S',
  's',
  'N',
  "'",
  '’',
  ' ',
  'a',
  'A',
  '1',
  '0',
  ',',
  '%',
  'é',
  'É',
  '\u0301',
  '𝐀',
  '\ud835',
  '\udc00',
  '中',
  '-',
  '\n',
  'İ',
  'ß',
  'ǅ',
  'US',
  'UN',
  '’s',
  "'S",
  'Ωμ',
  '\t',
  '\u00a0',
  'ª',
  '٣',
  'lost ',
];

describe('tokenize', () => {
  it('finds the tokens a global exec finds, with the same fields', () => {
    for (const text of [
      "U.S. U.S.A U.N. US UN the US's Ukraine’s troops’ O'Neil’s rock'n'roll ''s s' S'S",
      '1,000,000.50 12.5% 3.14 1,00 007 per cent',
      'ÉCOLE naïve Ωmega 𝐀𝐁𝐂 \ud835 lone \udc00 surrogates 中文字 ǅemal İstanbul ß ﬁne Ａ x\u0301y',
      'NATO and the Center for Strategic and International Studies (CSIS) said',
      '’s',
      '',
    ])
      expectSame(text);
  });

  it('agrees on random strings of awkward characters', () => {
    const rand = mulberry32(2026);
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 12);
      for (let k = 0; k < length; k++) {
        text +=
          rand() < 0.25
            ? String.fromCharCode(Math.floor(rand() * 0x10000))
            : (PIECES[Math.floor(rand() * PIECES.length)] ?? '');
      }
      expectSame(text);
    }
  });

  it('agrees on every sentence of the seed articles', async () => {
    const loaded = await loadCorpus('seeds');
    if (!loaded.ok) throw new Error('seeds did not load');
    for (const s of loaded.corpus.sentences) expectSame(s.text);
  });
});
