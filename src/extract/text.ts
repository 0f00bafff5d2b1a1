/** Small text helpers shared by the extractors: phrase words, stems, overlap. All pure. */
import { stemmer } from 'stemmer';
import { plain } from '../nlp/tokens.js';

/** Levenshtein distance: one implementation for the whole project (the engine's, unbounded here). */
export { editDistance } from '../engine/text.js';

/** Lower-case content words (letters and digits) of a phrase, for grouping similar phrases. */
export function contentWords(text: string, stop: ReadonlySet<string>): string[] {
  return (
    plain(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []
  )
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => !stop.has(w) && w.length > 1);
}

/** Porter stem of a word, for grouping phrases that say the same thing ("advancing" ~ "advance"). */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let out = STEMS.get(lower);
  if (out === undefined) {
    out = stemmer(lower);
    // The vocabulary of news text is bounded; the cap only guards against unbounded junk input.
    if (STEMS.size < 200_000) STEMS.set(lower, out);
  }
  return out;
}
const STEMS = new Map<string, string>();

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Formats a whole number with thousands separators ("55000" → "55,000"). */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
