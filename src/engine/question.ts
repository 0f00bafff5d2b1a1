/** Longest question accepted, in characters (Discord's slash option limit is 6,000; we keep questions short). */
export const MAX_QUESTION_CHARS = 300;

export type QuestionCheck = { ok: true; question: string } | { ok: false; error: string };

/** Normalises and checks a user question: not empty, not oversized. Messages are safe to show to users. */
export function validateQuestion(input: string): QuestionCheck {
  const question = input.replace(/\s+/g, ' ').trim();
  if (question.length === 0)
    return { ok: false, error: 'Please ask a question, e.g. "How many prisoners were exchanged?"' };
  if (question.length > MAX_QUESTION_CHARS) {
    return {
      ok: false,
      error: `That question is ${question.length} characters long; please keep it under ${MAX_QUESTION_CHARS}.`,
    };
  }
  if (!/[\p{L}\p{N}]/u.test(question))
    return { ok: false, error: 'That does not look like a question: it has no words in it.' };
  return { ok: true, question };
}
