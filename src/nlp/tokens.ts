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

/** Where the token `nextToken` found starts and ends: one object, reused, so that no token allocates a match. */
const found = { start: 0, end: 0 };

/** An ASCII letter or digit. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * The first token at or after `at`, into `found`; false when only whitespace is left.
 *
 * Every character other than whitespace starts a token (TOKEN's alternatives cover letters and digits,
 * and every other non-space character), so the token is found by skipping whitespace and matching
 * TOKEN right there: `test` on a sticky expression gives the token's end without allocating a match.
 *
 * Most tokens need no expression at all. An ASCII mark is a token of its own (TOKEN's last alternative).
 * A run of ASCII letters and digits followed by the end of the text or by an ASCII character other than
 * `,` `-` `'` `.` is exactly TOKEN's word: the word alternative stops there with nothing optional to add,
 * and the grouped-number alternative needs a comma after its first digits. Anything else (a non-ASCII
 * letter, an inner hyphen or apostrophe, "55,000", a trailing dot) is left to TOKEN.
 */
function nextToken(text: string, at: number): boolean {
  const n = text.length;
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
    if (c < 128) {
      if (!isAsciiWordChar(c)) {
        found.start = at;
        found.end = at + 1;
        return true;
      }
      let end = at + 1;
      while (end < n && isAsciiWordChar(text.charCodeAt(end))) end++;
      const after = end < n ? text.charCodeAt(end) : 32;
      if (after < 128 && after !== 44 && after !== 45 && after !== 39 && after !== 46) {
        found.start = at;
        found.end = end;
        return true;
      }
    }
    TOKEN_AT.lastIndex = at;
    if (TOKEN_AT.test(text)) {
      found.start = at;
      found.end = TOKEN_AT.lastIndex;
      return true;
    }
    // Not reached (see above); kept so that the tokens are TOKEN's matches whatever the text.
    const re = new RegExp(TOKEN.source, 'gu');
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return false;
    found.start = m.index;
    found.end = m.index + m[0].length;
    return true;
  }
  return false;
}

/** A trailing dot belongs to the word only in abbreviations ("U.S.", "Gen."), else it ends the sentence. */
function endsSentence(word: string): boolean {
  return word.length > 1 && word.charCodeAt(word.length - 1) === 46 && !ABBREVIATIONS.has(word) && !DOTTED.test(word);
}

/** Words (with inner hyphens, apostrophes and dots kept), numbers and single punctuation marks. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (let at = 0; nextToken(text, at); at = found.end) push(out, text.slice(found.start, found.end), found.start);
  return out;
}

/** One matched token, its trailing dot apart when it ends the sentence. */
function push(out: Token[], word: string, start: number): void {
  if (endsSentence(word)) {
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
  for (let at = 0; nextToken(text, at); at = found.end) {
    const word = text.slice(found.start, found.end);
    if (endsSentence(word)) out.push(word.slice(0, -1), '.');
    else out.push(word);
  }
  return out;
}

export function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}
