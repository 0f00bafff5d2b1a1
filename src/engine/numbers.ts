/**
 * The engine's view of a sentence's numbers: the one reader's mentions (src/nlp/numbers.ts), placed on
 * the engine's tokens. No number is parsed here.
 */
import { type NumberKind, qualifierMeaning, findNumbers as readNumbers } from '../nlp/numbers.js';
import type { Token } from './text.js';

export type { NumberKind };

export interface NumberMention {
  /** Index of the first and last token of the number (qualifier excluded, unit included). */
  first: number;
  last: number;
  /** Character span of the whole figure as written, qualifier and unit included. */
  start: number;
  end: number;
  value: number;
  /** Upper bound of a range ("between 500,000 and 600,000"), else null. */
  high: number | null;
  kind: NumberKind;
  /** What the qualifier means ("no fewer than" → "at least"; see `qualifierMeaning`), or "exact". */
  qualifier: string;
}

/** The numbers of a tokenised sentence, as the number reader reads them, with their token spans. */
export function findNumbers(text: string, tokens: readonly Token[]): NumberMention[] {
  const out: NumberMention[] = [];
  let t = 0;
  for (const m of readNumbers(text)) {
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= m.numberStart) t++;
    const first = t;
    if (first >= tokens.length) break;
    const stop = Math.max(m.end, m.unitEnd);
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1]?.end ?? Number.POSITIVE_INFINITY) <= stop) last++;
    out.push({
      first,
      last,
      start: m.start,
      end: Math.max(tokens[last]?.end ?? m.end, m.end),
      value: m.value,
      high: m.value2,
      kind: m.kind,
      qualifier: qualifierMeaning(m.qualifier),
    });
    t = last + 1;
  }
  return out;
}
