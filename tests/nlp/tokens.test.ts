import { describe, expect, it } from 'vitest';
import { plain, tokenize, tokenTexts } from '../../src/nlp/tokens.js';

describe('tokenize', () => {
  it('keeps numbers with separators, inner hyphens and abbreviations whole', () => {
    expect(tokenize('Gen. Lind said 1,250 well-trained U.S. troops left.').map((t) => t.text)).toEqual([
      'Gen.',
      'Lind',
      'said',
      '1,250',
      'well-trained',
      'U.S.',
      'troops',
      'left',
      '.',
    ]);
  });

  it('gives offsets into the text', () => {
    const [, second] = tokenize('Talks resumed.');
    expect(second).toMatchObject({ text: 'resumed', lower: 'resumed', start: 6, end: 13 });
  });
});

describe('tokenTexts', () => {
  it('reads the same tokens as tokenize', () => {
    for (const text of [
      'Gen. Lind said 1,250 U.S.-trained troops left.',
      '"We are ready," Mr. Berg told reporters in Oslo on Monday — it was 2 p.m.',
      "Norland's envoy, Anna Lind, arrived.",
    ]) {
      expect(tokenTexts(text)).toEqual(tokenize(text).map((t) => t.text));
    }
  });
});

describe('plain', () => {
  it('makes quotes plain and blanks markdown emphasis without moving offsets', () => {
    const text = '- **Anna Lind**, “the envoy”';
    expect(plain(text)).toBe('-   Anna Lind  , "the envoy"');
    expect(plain(text)).toHaveLength(text.length);
  });
});
