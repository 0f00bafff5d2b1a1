/**
 * The annotation pass' fast paths read exactly what the plain expressions read: `tokenize` and `tokenTexts`
 * (ASCII words without TOKEN) against TOKEN's own matches, and `findNumbers`' pre-check (a sentence without
 * a digit or a number word is not scanned) on number words in any case.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/corpus.js';
import { findNumbers } from '../../src/nlp/numbers.js';
import { tokenize, tokenTexts } from '../../src/nlp/tokens.js';

const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*(?:'s|')?\.?|[^\s\p{L}\p{N}]/gu;
const ABBREVIATIONS = new Set(
  'Gen. Adm. Mr. Mrs. Ms. Dr. Lt. Col. Maj. Capt. Sgt. Sen. Rep. Gov. Prof. St. Jr. Sr. Gens. No. vs.'.split(' '),
);

/** The tokens as TOKEN's global matches give them (the reading before the fast paths). */
function reference(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    const start = m.index ?? 0;
    if (w.length > 1 && w.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(w) && !ABBREVIATIONS.has(w)) {
      out.push({ text: w.slice(0, -1), start, end: start + w.length - 1 });
      out.push({ text: '.', start: start + w.length - 1, end: start + w.length });
    } else out.push({ text: w, start, end: start + w.length });
  }
  return out;
}

const ALPHABET = [...'aZ09 ,.-\'’"\t\n:;()%é€ſ\u00a0\u2009😀Ωı', 'U.S.', 'Gen.', "'s", '55,000', 'Mr.'];

describe('tokenize and tokenTexts fast paths', () => {
  const cases = [
    '',
    '   ',
    'Hello world.',
    'U.S. officials said 55,000 people, 1,000-kilometer; F-16s.',
    "Ukraine's army, the soldiers' kin, rock'n'roll.",
    'Café São Paulo — “quoted” ſix 12,34 1.2.3 x.y. end.',
    'Gen. Ann Moss and Mr. Smith met vs. No. 5',
    'trailing,',
    'a-',
    "b'",
  ];
  it('reads the fixed cases as TOKEN does', () => {
    for (const text of cases) {
      expect(tokenize(text).map(({ text: t, start, end }) => ({ text: t, start, end }))).toEqual(reference(text));
      expect(tokenTexts(text)).toEqual(reference(text).map((t) => t.text));
    }
  });
  it('reads 20,000 random strings as TOKEN does', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const len = Math.floor(rand() * 24);
      for (let i = 0; i < len; i++) text += ALPHABET[Math.floor(rand() * ALPHABET.length)];
      const want = reference(text);
      expect(tokenize(text).map(({ text: t, start, end }) => ({ text: t, start, end }))).toEqual(want);
      expect(tokenTexts(text)).toEqual(want.map((t) => t.text));
    }
  });
});

describe('findNumbers pre-check', () => {
  it('finds number words in any case', () => {
    for (const text of [
      'Dnipro strike kills six; talks go on',
      'SIX were hurt',
      'Twenty-five people',
      'half a million',
      'a hundred',
    ]) {
      expect(findNumbers(text).length, text).toBeGreaterThan(0);
    }
  });
  it('finds nothing where there is neither a digit nor a number word', () => {
    expect(findNumbers('No figure was given by the ministry.')).toEqual([]);
  });
});
