import type { Answer, Corpus } from '../types.js';

/** The answer engine over one corpus. Built once per snapshot; `ask` is synchronous and pure. */
export interface Engine {
  readonly corpus: Corpus;
  /** Answers one question (already validated with `validateQuestion`). */
  ask(question: string): Answer;
  /** Up to `limit` suggested questions/phrases for a partial input (autocomplete), each ≤ `maxLength` chars. */
  suggest(partial: string, limit: number, maxLength: number): string[];
  readonly stats: { passages: number; terms: number };
}

// PLACEHOLDER until the engine lands (this session): always abstains.
export function buildEngine(corpus: Corpus): Engine {
  return {
    corpus,
    ask: (question) => ({
      question,
      answer: 'I could not find that in my sources.',
      abstained: true,
      kind: 'description',
      supportingSources: 0,
      totalSources: corpus.articles.length,
      alternatives: [],
      citations: [],
    }),
    suggest: () => [],
    stats: { passages: corpus.sentences.length, terms: 0 },
  };
}
