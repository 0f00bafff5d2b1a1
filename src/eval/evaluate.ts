import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { mainAnswer } from '../engine/alternatives.js';
import type { Engine } from '../engine/engine.js';
import type { Answer, Corpus } from '../types.js';

/** One development question: answer patterns (regexes) and the source id prefixes that support them. */
export const evalQuestionSchema = z.union([
  z.object({ id: z.string(), q: z.string(), answer: z.array(z.string()).min(1), sources: z.array(z.string()).min(1) }),
  z.object({ id: z.string(), q: z.string(), abstain: z.literal(true) }),
]);
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export async function readEvalQuestions(file: string): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface EvalResult {
  id: string;
  question: string;
  expected: 'answer' | 'abstain';
  answer: string;
  abstained: boolean;
  correct: boolean;
  /** Why it is wrong, for people. */
  reason: string | null;
  citations: number;
  verbatimCitations: number;
}

export interface EvalTotals {
  questions: number;
  correctAnswers: number;
  answerable: number;
  correctAbstentions: number;
  unanswerable: number;
  citations: number;
  verbatimCitations: number;
  verbatimShare: number;
}

/**
 * A quote is verbatim when it appears, character for character, in the file of the article it names.
 * Checked against the file on disk, not against the engine's own copy of the text.
 */
export function isVerbatim(corpus: Corpus, source: string, quote: string): boolean {
  const article = corpus.byId.get(source);
  if (!article || quote.length === 0) return false;
  const file = path.resolve(corpus.dir, article.file);
  let text = fileCache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    fileCache.set(file, text);
  }
  return text.includes(quote);
}

const fileCache = new Map<string, string>();

export function judge(corpus: Corpus, q: EvalQuestion, a: Answer): EvalResult {
  const verbatim = a.citations.filter((c) => isVerbatim(corpus, c.source, c.quote)).length;
  const base = {
    id: q.id,
    question: q.q,
    answer: a.answer,
    abstained: a.abstained,
    citations: a.citations.length,
    verbatimCitations: verbatim,
  };
  if ('abstain' in q) {
    return {
      ...base,
      expected: 'abstain',
      correct: a.abstained,
      reason: a.abstained ? null : 'answered an unanswerable question',
    };
  }
  if (a.abstained) return { ...base, expected: 'answer', correct: false, reason: 'abstained' };
  const patterns = q.answer.map((p) => new RegExp(p, 'i'));
  // Only the main answer counts, not the disagreeing answers listed after it.
  const answerMatches = patterns.some((re) => re.test(mainAnswer(a)));
  const supported = a.citations.some(
    (c) =>
      q.sources.some((s) => c.source.startsWith(s)) &&
      isVerbatim(corpus, c.source, c.quote) &&
      patterns.some((re) => re.test(c.quote)),
  );
  const reason = !answerMatches
    ? 'answer does not match'
    : !supported
      ? 'no verbatim quote from a listed source supports it'
      : null;
  return { ...base, expected: 'answer', correct: reason === null, reason };
}

export function evaluate(
  engine: Engine,
  questions: readonly EvalQuestion[],
): { results: EvalResult[]; totals: EvalTotals } {
  const results = questions.map((q) => judge(engine.corpus, q, engine.ask(q.q)));
  const answerable = results.filter((r) => r.expected === 'answer');
  const unanswerable = results.filter((r) => r.expected === 'abstain');
  const citations = results.reduce((s, r) => s + r.citations, 0);
  const verbatimCitations = results.reduce((s, r) => s + r.verbatimCitations, 0);
  return {
    results,
    totals: {
      questions: results.length,
      correctAnswers: answerable.filter((r) => r.correct).length,
      answerable: answerable.length,
      correctAbstentions: unanswerable.filter((r) => r.correct).length,
      unanswerable: unanswerable.length,
      citations,
      verbatimCitations,
      verbatimShare: citations === 0 ? 1 : verbatimCitations / citations,
    },
  };
}
