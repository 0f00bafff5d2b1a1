import type { Citation, Corpus, Sentence } from '../types.js';
import type { EvalQuestion } from './evaluate.js';

export type AnswerableQuestion = Extract<EvalQuestion, { answer: string[] }>;

export function isAnswerable(q: EvalQuestion): q is AnswerableQuestion {
  return !('abstain' in q);
}

/**
 * A supporting sentence is a sentence of a listed source whose text (verbatim, or as corrected by the
 * article's correction notice) matches one of the question's answer patterns.
 */
export function isSupporting(q: AnswerableQuestion, s: Sentence): boolean {
  if (!q.sources.some((prefix) => s.source.startsWith(prefix))) return false;
  return q.answer.some((p) => {
    const re = new RegExp(p, 'i');
    return re.test(s.text) || re.test(s.corrected);
  });
}

/** Every supporting sentence of the corpus for a question. */
export function supportingSentences(corpus: Corpus, q: AnswerableQuestion): Sentence[] {
  return corpus.sentences.filter((s) => isSupporting(q, s));
}

/**
 * Whether a citation quotes a supporting sentence: a sentence of the cited article whose text the quote
 * contains (a quote may span sentences) or that contains the quote (a quote may be trimmed).
 */
export function citesSupporting(corpus: Corpus, q: AnswerableQuestion, c: Citation): boolean {
  const article = corpus.byId.get(c.source);
  if (!article || c.quote.length === 0) return false;
  return article.sentences.some((s) => (c.quote.includes(s.text) || s.text.includes(c.quote)) && isSupporting(q, s));
}

/** recall@k for one question: one of the first `k` ranked items is supporting. */
export function hitAt(supporting: readonly boolean[], k: number): boolean {
  return supporting.slice(0, k).some(Boolean);
}
