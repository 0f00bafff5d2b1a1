/**
 * Who a sentence's figure is attributed to, as the annotation pass reads it (src/nlp/attribution.ts,
 * through src/nlp/annotate.ts): the same claimant, in the same canonical spelling, that /casualties shows.
 * Nothing is read here.
 */
import { claimantAt, isExplicit, opensWithLabel, sentenceAttributions } from '../nlp/annotate.js';
import type { Sentence } from '../types.js';
import type { Retriever } from './retrieval.js';
import { paragraphAt, type Token, tokenize } from './text.js';

/** Verbs of saying, for questions that ask who said something. */
export const SPEECH =
  /^(?:said|says|told|added|announced|stated|estimated|estimates|claimed|claims|reported|reports|confirmed|according|revealed|acknowledged|wrote|writes|posted|posts|tweeted|described|cited|counted|recorded)$/;

/** The corpus sentences by their corrected text (the first of syndicated copies), per retriever. */
const BY_TEXT = new WeakMap<Retriever, Map<string, Sentence>>();

function sentenceOf(r: Retriever, text: string): Sentence | undefined {
  let map = BY_TEXT.get(r);
  if (!map) {
    map = new Map();
    for (const s of r.corpus.sentences) if (!s.boilerplate && !map.has(s.corrected)) map.set(s.corrected, s);
    BY_TEXT.set(r, map);
  }
  return map.get(text);
}

/**
 * The claimant a corpus sentence names itself ("X said", "according to X", "a report by X") for the
 * figure at character `at` (by default the sentence's first figure): a sentence can quote two claimants
 * ("X said 7,000 …, while Y said over 2,500 …").
 */
export function findClaimant(r: Retriever, text: string, _tokens?: readonly Token[], at?: number): string | null {
  const sentence = sentenceOf(r, text);
  const a = sentence ? claimantAt(r.corpus, sentence, at, r.lexicon.names?.midCaps) : null;
  return a && isExplicit(a) ? a.name : null;
}

/** The claimant a sentence names through its article ("he said", "its report", "the same report"), for the figure at `at`. */
export function previousClaimant(r: Retriever, sentence: Sentence, at?: number): string | null {
  const a = claimantAt(r.corpus, sentence, at, r.lexicon.names?.midCaps);
  return a && !isExplicit(a) ? a.name : null;
}

/**
 * Whether the annotation pass gives the sentence to one of the asked names: a speaker label or a quoted
 * post's poster ("[23:15] Lena Varga (X): "…"") as much as "Varga said". `names`: index terms.
 */
export function spokenBy(r: Retriever, sentence: Sentence, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const terms = attributedTerms(r, sentence);
  return names.some((n) => terms.has(n));
}

const NO_TERMS: ReadonlySet<string> = new Set();

/** The index terms of the names the annotation pass gives the sentence to (see `spokenBy`). */
export function attributedTerms(r: Retriever, sentence: Sentence): ReadonlySet<string> {
  if (!(PRONOUN_SAID.test(sentence.text) || underLabel(r, sentence))) return NO_TERMS;
  return namesTerms(r, sentence, () => true);
}

/** The index terms of the names of a sentence's attributions that `keep` accepts. */
function namesTerms(
  r: Retriever,
  sentence: Sentence,
  keep: (a: ReturnType<typeof sentenceAttributions>[number]) => boolean,
): ReadonlySet<string> {
  const terms = new Set<string>();
  for (const a of sentenceAttributions(r.corpus, sentence, r.lexicon.names?.midCaps))
    if (keep(a)) for (const t of tokenize(a.name)) if (t.term !== null) terms.add(t.term);
  return terms;
}

/** "…,” he wrote": a claimant the annotation pass finds through the article. */
const PRONOUN_SAID =
  /\b(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|wrote|writes|added|adds|told|posted|tweeted|stated)\b/i;

/**
 * Whether the sentence's paragraph opens with a speaker's or poster's label. With a pronoun's claimant,
 * the only attributions the annotation pass adds to what the sentence's own words show ("Varga said"),
 * so the only ones worth its reading at answer time.
 */
function underLabel(r: Retriever, sentence: Sentence): boolean {
  const sentences = r.corpus.byId.get(sentence.source)?.sentences ?? [];
  return opensWithLabel(paragraphAt(sentences, sentence.index)[0]?.text ?? '');
}

/** The index terms of every name a sentence's words are given to ("X said …, while Y said …": both). */
export function speakerTerms(r: Retriever, sentence: Sentence): ReadonlySet<string> {
  return namesTerms(r, sentence, isExplicit);
}
