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

describe('annotate: a claimant named in lower case', () => {
  it('is a body or office ending its noun phrase ("…, the civil protection agency said", "officials said")', () => {
    const corpus = corpusOf([
      {
        id: 'l',
        text:
          'A storm hit Faro overnight, killing two people, the civil protection agency said.\n\n' +
          'Nine were hurt, officials said.\n\n' +
          'The head of the agency said little.\n',
        published: '2026-04-21',
      },
    ]);
    const by = (i: number) => sentenceAttributions(corpus, sentence(corpus, 'l', i)).map((a) => a.name);
    expect(by(0)).toEqual(['the civil protection agency']);
    expect(by(1)).toEqual(['officials']);
    expect(by(2)).not.toContain('agency');
  });
});

describe('annotate: a transcript', () => {
  it('gives the sentences under a speaker label that speaker, as the corpus names them', () => {
    const corpus = corpusOf([
      {
        id: 't',
        text:
          'Port chief Rui Sousa and safety head Marta Lima spoke on Tuesday.\n\n' +
          'SOUSA: Good morning. Forty ships were stranded by the storm.\n\n' +
          'LIMA: Two dock workers were injured. Both are stable.\n\n' +
          'QUESTION (Ana Reis, Porto Daily): Will there be compensation?\n',
        published: '2026-04-21',
      },
    ]);
    const by = (i: number) => sentenceAttributions(corpus, sentence(corpus, 't', i)).map((a) => a.name);
    expect(by(2)).toEqual(['Rui Sousa']);
    expect(by(4)).toEqual(['Marta Lima']);
    expect(by(5)).toEqual([]);
  });

  it('gives a broadcast\'s on-screen text ("LOWER THIRD:", "CAPTION:") to no one', () => {
    const corpus = corpusOf([
      {
        id: 'b',
        text:
          'ANCHOR: Good evening. Storms closed the port of Varna today.\n\n' +
          'LOWER THIRD: VARNA PORT CLOSED — 40 SHIPS STRANDED\n\n' +
          'CAPTION: Ships wait outside the harbour.\n',
        published: '2026-04-21',
      },
    ]);
    const by = (i: number) => sentenceAttributions(corpus, sentence(corpus, 'b', i)).map((a) => a.name);
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual([]);
  });
});

describe('annotate: quoted posts', () => {
  it("gives a post quoted under its poster's name (time stamp, role, platform) to the poster, person or body", () => {
    const corpus = corpusOf([
      {
        id: 'p',
        text:
          'Port chief Rui Sousa spoke on Tuesday.\n\n' +
          '[23:15] Rui Sousa, Port Chief (X): "Good news for the crews. Forty ships are free."\n\n' +
          '09:10 — Harbour Authority of Faro (Telegram): "Nine were hurt."\n\n' +
          'The storm passed: "Calm at last."\n',
        published: '2026-04-21',
      },
    ]);
    const by = (i: number) => sentenceAttributions(corpus, sentence(corpus, 'p', i)).map((a) => [a.name, a.kind]);
    expect(by(1)).toEqual([['Rui Sousa', 'person']]);
    expect(by(2)).toEqual([['Rui Sousa', 'person']]);
    expect(by(3)).toEqual([['Harbour Authority of Faro', 'org']]);
    expect(by(4)).toEqual([]);
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
