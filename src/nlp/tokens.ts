/**
 * Tokens of the annotation pass: plain text (typographic quotes made ASCII, offsets kept), words,
 * numbers and punctuation marks with their offsets. The reports and the entity, attribution and date
 * readers read these tokens; the answer engine's index tokens (src/engine/text.ts) add index terms.
 */
/**
 * Replaces typographic quotes and apostrophes with ASCII ones and blanks markdown emphasis, one
 * character for one character, so offsets into the result are offsets into the original.
 */
export function plain(text: string): string {
  return (
    text
      .replace(/[‘’ʼ]/g, "'")
      .replace(/[“”«»]/g, '"')
      // Markdown emphasis ("**Name**,") is layout, not text: blanked, so that offsets stay the same.
      .replace(/\*\*|__/g, '  ')
  );
}

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*(?:'s|')?\.?|[^\s\p{L}\p{N}]/gu;

const ABBREVIATIONS = new Set(
  'Gen. Adm. Mr. Mrs. Ms. Dr. Lt. Col. Maj. Capt. Sgt. Sen. Rep. Gov. Prof. St. Jr. Sr. Gens. No. vs.'.split(' '),
);

const DOTTED = /^(?:\p{L}\.){2,}$/u;

/** Words (with inner hyphens, apostrophes and dots kept), numbers and single punctuation marks. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // One regular expression object per call, read with exec (cheaper than matchAll's iterator).
  const re = new RegExp(TOKEN.source, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let word = m[0];
    const start = m.index;
    // A trailing dot belongs to the word only in abbreviations ("U.S.", "Gen."); otherwise it ends the sentence.
    if (word.length > 1 && word.charCodeAt(word.length - 1) === 46 && !ABBREVIATIONS.has(word) && !DOTTED.test(word)) {
      word = word.slice(0, -1);
      out.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length });
      out.push({ text: '.', lower: '.', start: start + word.length, end: start + word.length + 1 });
      continue;
    }
    out.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length });
  }
  return out;
}

/** The texts of `tokenize(text)` only, without offsets or lower-case forms: for scans of a whole corpus. */
export function tokenTexts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.match(TOKEN) ?? []) {
    if (m.length > 1 && m.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(m) && !ABBREVIATIONS.has(m)) {
      out.push(m.slice(0, -1), '.');
    } else out.push(m);
  }
  return out;
}

export function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}
