/** Who a figure is attributed to: "according to X", "X said", or, for "its report said", the one named just before. */
import type { Sentence } from '../types.js';
import { type EntitySpan, entitySpans } from './entities.js';
import type { Retriever } from './retrieval.js';
import { type Token, tokenize } from './text.js';

export const SPEECH =
  /^(?:said|says|told|added|announced|stated|estimated|estimates|claimed|claims|reported|reports|confirmed|according|revealed|acknowledged|wrote|described|cited|counted|recorded)$/;

/** Nouns for what a claimant publishes: "a report by …", "the analysis of …". */
const SOURCE_NOUN = /^(?:report|reports|analysis|study|estimate|estimates|survey|data|figures|count|tally|assessment)$/;

export function findClaimant(r: Retriever, text: string, tokens: readonly Token[]): string | null {
  const spans = entitySpans(text, tokens, r.lexicon).filter((s) => s.type === 'person' || s.type === 'organisation');
  let best: { span: EntitySpan; distance: number } | null = null;
  tokens.forEach((t, i) => {
    if (!SPEECH.test(t.lower)) return;
    for (const span of spans) {
      const d = span.last < i ? i - span.last : span.first > i ? span.first - i : 0;
      const limit = t.lower === 'according' ? 3 : 2;
      if (d <= limit && (!best || d < best.distance)) best = { span, distance: d };
    }
  });
  let found = best as { span: EntitySpan; distance: number } | null;
  if (!found) {
    // "a report by X", "an analysis from X", "figures of X": the source of the report is the claimant.
    tokens.forEach((t, i) => {
      if (found || !SOURCE_NOUN.test(t.lower) || !/^(?:by|from|of)$/.test(tokens[i + 1]?.lower ?? '')) return;
      const span = spans.find((s) => s.first >= i + 2 && s.first <= i + 6);
      if (span) found = { span, distance: 0 };
    });
  }
  if (!found) return null;
  // One spelling across outlets ("Zelensky" → "Zelenskyy"): the corpus' most common one.
  return found.span.text
    .replace(/^the\s+/i, '')
    .split(' ')
    .map((w) => {
      const common = r.lexicon.variants.get(w.toLowerCase());
      return common ? w[0] + common.slice(1) : w;
    })
    .join(' ');
}

/** "Its report said…", "the same report estimated…", "he said": the claimant named in the sentence before. */
export function previousClaimant(r: Retriever, sentence: Sentence): string | null {
  if (
    !/\b(?:its|their|his|her) (?:report|estimate|analysis|statement)\b|\bthe same (?:report|study|estimate)\b|\b(?:he|she|it|they) (?:said|added|told)\b/i.test(
      sentence.corrected,
    )
  ) {
    return null;
  }
  const prev = r.corpus.byId.get(sentence.source)?.sentences[sentence.index - 1];
  return prev && !prev.boilerplate
    ? (findClaimant(r, prev.corrected, tokenize(prev.corrected)) ?? firstOrganisation(r, prev.corrected))
    : null;
}

/** The first organisation a sentence names ("The Center for Strategic and International Studies estimated …"). */
function firstOrganisation(r: Retriever, text: string): string | null {
  const span = entitySpans(text, tokenize(text), r.lexicon).find((e) => e.type === 'organisation');
  return span ? span.text.replace(/^the\s+/i, '') : null;
}
