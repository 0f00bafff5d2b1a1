/**
 * What `/ask` suggests as people type, on top of the engine's suggestions: a letter or two gets the
 * starter questions (not two dozen single words), spelling and title variants of one question are
 * offered once ("What did Donald Trump say?" covers "What did U.S. President Donald Trump say?"),
 * and "who is <ordinary word>" is not offered as if the word were a person.
 */

/** Fewer characters than this get starter questions. */
export const MIN_TYPED_FOR_WORDS = 3;

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bu\.?s\.?\b/g, 'us')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Tokens that are the same word, allowing one edit in long words ("Zelensky" / "Zelenskyy"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** Whether every word of `short` is in `long` (so `long` only adds titles or variants). */
function covers(short: string[], long: string[]): boolean {
  return short.length >= 2 && short.every((w) => long.some((x) => sameWord(w, x)));
}

const WHO_IS_WORD = /^(?:who is|who's|who are)\s+[a-z]/;

/** The engine's suggestions, with variants of an earlier suggestion and "who is <word>" left out. */
export function refineSuggestions(typed: string, suggestions: readonly string[]): string[] {
  const kept: { text: string; words: string[] }[] = [];
  for (const s of suggestions) {
    const words = tokens(s);
    if (s.trim() !== typed.trim() && WHO_IS_WORD.test(s.trim())) continue;
    if (kept.some((k) => k.words.length > 1 && (covers(k.words, words) || covers(words, k.words)))) continue;
    kept.push({ text: s, words });
  }
  return kept.map((k) => k.text);
}

/** Suggestions for what was typed: starter questions for a letter or two, refined engine suggestions otherwise. */
export function suggestFor(typed: string, suggest: (partial: string) => string[]): string[] {
  const t = typed.trim();
  if (t.length < MIN_TYPED_FOR_WORDS) {
    const starters = refineSuggestions('', suggest(''));
    if (!t) return starters;
    const matching = starters.filter((s) => tokens(s).some((w) => w.startsWith(t.toLowerCase())));
    return matching.length ? matching : starters;
  }
  return refineSuggestions(t, suggest(t));
}
