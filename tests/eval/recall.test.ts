import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../src/eval/evaluate.js';
import {
  type AnswerableQuestion,
  citesSupporting,
  hitAt,
  isAnswerable,
  isSupporting,
  supportingSentences,
} from '../../src/eval/recall.js';
import { corpusOf } from './corpus.js';

const corpus = corpusOf({
  '100_wire.txt': 'Both sides exchanged 314 prisoners.\n\nThe talks ended on Saturday.',
  '200_blog.txt': 'Reports put the swap at 314 prisoners.',
});
const q: AnswerableQuestion = { id: 'x', q: 'How many prisoners?', answer: ['\\b314\\b'], sources: ['100'] };

describe('hitAt', () => {
  it('counts a supporting sentence at rank ≤ k and not one ranked below k', () => {
    const ranks = [false, false, true];
    expect(hitAt(ranks, 1)).toBe(false);
    expect(hitAt(ranks, 2)).toBe(false);
    expect(hitAt(ranks, 3)).toBe(true);
    expect(hitAt(ranks, 5)).toBe(true);
  });

  it('is a miss when nothing is ranked (an abstention)', () => {
    expect(hitAt([], 5)).toBe(false);
  });
});

describe('isSupporting', () => {
  it('needs a listed source and an answer pattern matching the sentence', () => {
    expect(supportingSentences(corpus, q).map((s) => s.text)).toEqual(['Both sides exchanged 314 prisoners.']);
    const blog = corpus.sentences.find((s) => s.source === '200_blog');
    expect(blog && isSupporting(q, blog)).toBe(false);
  });

  it('tells answerable questions from abstentions', () => {
    const abstain: EvalQuestion = { id: 'y', q: 'Weather?', abstain: true };
    expect(isAnswerable(q)).toBe(true);
    expect(isAnswerable(abstain)).toBe(false);
  });
});

describe('citesSupporting', () => {
  it('counts a citation quoting a supporting sentence, whole or in part', () => {
    const whole = { source: '100_wire', outlet: null, quote: 'Both sides exchanged 314 prisoners.' };
    const part = { source: '100_wire', outlet: null, quote: 'exchanged 314 prisoners' };
    expect(citesSupporting(corpus, q, whole)).toBe(true);
    expect(citesSupporting(corpus, q, part)).toBe(true);
  });

  it('does not count a citation of another sentence or of an unlisted source', () => {
    expect(
      citesSupporting(corpus, q, { source: '100_wire', outlet: null, quote: 'The talks ended on Saturday.' }),
    ).toBe(false);
    expect(
      citesSupporting(corpus, q, { source: '200_blog', outlet: null, quote: 'Reports put the swap at 314 prisoners.' }),
    ).toBe(false);
  });
});
