import { describe, expect, it } from 'vitest';
import {
  analyzeCorpus,
  claimantAt,
  sentenceAttributions,
  sentenceDateMentions,
  sentenceNumbers,
} from '../../src/nlp/annotate.js';
import type { Corpus } from '../../src/types.js';
import { corpusOf } from '../extract/corpus.js';

const articles = () =>
  corpusOf([
    {
      id: 'a',
      text: 'Interior Minister Lena Varga spoke in Tallin.\n\nShe said 40 people were hurt on Friday.\n\nThe Harbour Authority said 12 ships were lost, while Varga said 30 were.\n',
      published: '2026-02-05',
    },
    { id: 'b', text: 'Lena Varga said 41 people were hurt.\n', published: '2026-02-06' },
  ]);

const sentence = (corpus: Corpus, id: string, i: number) => {
  const s = corpus.byId.get(id)?.sentences[i];
  if (!s) throw new Error(`${id}#${i}`);
  return s;
};

describe('annotate: attributions', () => {
  it('resolves "she said" through the article, before any report has read the corpus', () => {
    const corpus = articles();
    expect(sentenceAttributions(corpus, sentence(corpus, 'a', 1)).map((a) => [a.name, a.via])).toEqual([
      ['Lena Varga', 'pronoun'],
    ]);
  });

  it('gives each figure of a sentence the claimant nearest before it', () => {
    const corpus = articles();
    analyzeCorpus(corpus);
    const s = sentence(corpus, 'a', 2);
    const [ships, people] = sentenceNumbers(s);
    expect(claimantAt(corpus, s, ships?.numberStart)?.name).toBe('Harbour Authority');
    expect(claimantAt(corpus, s, people?.numberStart)?.name).toBe('Lena Varga');
  });
});

describe('annotate: numbers and dates', () => {
  it('reads a sentence once and returns the same reading after', () => {
    const corpus = articles();
    const s = sentence(corpus, 'a', 1);
    expect(sentenceNumbers(s)).toBe(sentenceNumbers(s));
    expect(sentenceDateMentions(s, '2026-02-05')).toBe(sentenceDateMentions(s, '2026-02-05'));
  });

  it('resolves a weekday against the publication day, the day itself being the most recent', () => {
    const corpus = articles();
    expect(sentenceDateMentions(sentence(corpus, 'a', 1), '2026-02-05').map((d) => d.iso)).toEqual(['2026-01-30']);
  });
});
