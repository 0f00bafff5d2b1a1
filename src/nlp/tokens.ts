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
  const out = text
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”«»]/g, '"')
    // Markdown emphasis ("**Name**,") is layout, not text: blanked, so that offsets stay the same.
    .replace(/\*\*|__/g, '  ');
  return out === text ? text : narrowest(out);
}

/**
 * The same text one byte a character when it has only Latin-1 characters: a sentence whose only wide
 * characters were its curly quotes stays two bytes a character after `plain` replaces them, and the
 * annotation pass keeps the plain text of every sentence.
 */
function narrowest(text: string): string {
  const latin1 = Buffer.from(text, 'latin1').toString('latin1');
  return latin1 === text ? latin1 : text;
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

/** TOKEN anchored (sticky): a token starting exactly at `lastIndex`, read with `test` (no match array). */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');
/** Whitespace from `lastIndex` on (always matches), for the characters the fast check leaves open. */
const SPACES_AT = /\s*/uy;

/**
 * Words (with inner hyphens, apostrophes and dots kept), numbers and single punctuation marks.
 *
 * Every character other than whitespace starts a token (TOKEN's alternatives cover letters and digits,
 * and every other non-space character), so the tokens are found by skipping whitespace and matching
 * TOKEN right there: `test` on a sticky expression gives the token's end without allocating a match.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let at = 0;
  while (at < n) {
    const c = text.charCodeAt(at);
    if (c === 32 || (c >= 9 && c <= 13)) {
      at++;
      continue;
    }
    if (c >= 128) {
      SPACES_AT.lastIndex = at;
      SPACES_AT.test(text);
      if (SPACES_AT.lastIndex > at) {
        at = SPACES_AT.lastIndex;
        continue;
      }
    }
    let start = at;
    let end: number;
    TOKEN_AT.lastIndex = at;
    if (TOKEN_AT.test(text)) end = TOKEN_AT.lastIndex;
    else {
      // Not reached (see above); kept so that the tokens are TOKEN's matches whatever the text.
      const re = new RegExp(TOKEN.source, 'gu');
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) break;
      start = m.index;
      end = start + m[0].length;
    }
    at = end;
    push(out, text.slice(start, end), start);
  }
  return out;
}

/** One matched token; a trailing dot belongs to the word only in abbreviations ("U.S.", "Gen."), else it ends the sentence. */
function push(out: Token[], word: string, start: number): void {
  if (word.length > 1 && word.charCodeAt(word.length - 1) === 46 && !ABBREVIATIONS.has(word) && !DOTTED.test(word)) {
    const bare = word.slice(0, -1);
    out.push({ text: bare, lower: bare.toLowerCase(), start, end: start + bare.length });
    out.push({ text: '.', lower: '.', start: start + bare.length, end: start + bare.length + 1 });
    return;
  }
  out.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length });
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
