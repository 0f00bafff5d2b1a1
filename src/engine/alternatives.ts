import type { Answer } from '../types.js';

/**
 * How an answer's text lists the answers that disagree with it: "40 ferries (…); the sources also give:
 * about 35 ferries (…)". Written once here for the engine that joins them and the readers that need the
 * main answer alone (the Discord renderer, which lists the others apart; the eval judge, which scores the
 * main answer only). A module of its own, so the Discord process reads it without loading the engine.
 */
export const ALTERNATIVES_LEAD = '; the sources also give: ';

/** The answer's text before the disagreeing answers listed after it (all of it when none are). */
export function mainAnswer(a: Pick<Answer, 'answer' | 'alternatives'>): string {
  const at = a.alternatives.length > 0 ? a.answer.indexOf(ALTERNATIVES_LEAD) : -1;
  return at > 0 ? a.answer.slice(0, at) : a.answer;
}
