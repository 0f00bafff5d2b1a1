import { stemmer } from 'stemmer';
import type { Sentence } from '../types.js';
import { MEASURE_WORDS, SIDE_WORDS, SYNONYM_GROUPS } from './vocabulary.js';

/** English function words and question words: never index terms, never required in an answer. */
export const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ' +
    'ours ourselves out over own same she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until very was we were what when where which while who whom why will with would ' +
    'you your yours yourself yourselves also s t don now get got ever many much whose may might must shall us yet tell ' +
    'know give gave given please any anyone anything something someone there thing things way ve ll re d ' +
    'among amid amidst across within without toward towards upon per via onto including regarding concerning despite ' +
    'besides beyond behind near along throughout versus vs'
  ).split(' '),
);

/** Words that only shape a question: "how many", "what is", "according to" carry no content of their own. */
export const QUESTION_NOISE = new Set([
  'according',
  'say',
  'said',
  'says',
  'exactly',
  'currently',
  'so',
  'far',
  'total',
]);

export interface Token {
  /** The text as written (possessive stripped). */
  surface: string;
  lower: string;
  /** Canonical index term (stemmed, synonyms folded), or null for stop words. */
  term: string | null;
  /** Character offsets in the source string. */
  start: number;
  end: number;
  capitalized: boolean;
  numeric: boolean;
}

const TOKEN = /U\.S\.(?![A-Za-z])|U\.N\.|[\p{L}][\p{L}\p{M}'’]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|%/gu;

/** Spellings British and American English write differently, where no rule below covers them. */
const SPELLING_VARIANTS = new Map([
  ['defence', 'defense'],
  ['defences', 'defenses'],
  ['offence', 'offense'],
  ['offences', 'offenses'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
  ['practise', 'practice'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['grey', 'gray'],
  ['metre', 'meter'],
  ['metres', 'meters'],
  ['litre', 'liter'],
  ['litres', 'liters'],
]);

/**
 * One spelling for words British and American English spell differently ("organised"/"organized",
 * "labour"/"labor", "centre"/"center", "analyse"/"analyze"), so a question in one matches a source in
 * the other. Applied alike to questions and sources, so a word that only looks like a variant
 * ("promise" → "promize") is changed everywhere and still matches itself.
 */
export function americanSpelling(lower: string): string {
  const listed = SPELLING_VARIANTS.get(lower);
  if (listed) return listed;
  if (lower.length < 6) return lower;
  return lower
    .replace(/^(.{4,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2')
    .replace(/^(.{3,})ys(e|es|ed|ing)$/, '$1yz$2')
    .replace(/^(.{2,})our(s|ed|ing|able|ite|ites|ful)?$/, '$1or$2')
    .replace(/^(.{3,})tre(s)?$/, '$1ter$2');
}

const stemCache = new Map<string, string>();
/**
 * Synonym folding. A word listed in a group maps to the group's first word as written; other inflections
 * of it ("kills", "striking", "dropped") map through their stem, unless two groups share the stem (Porter
 * folds "negotiator" and "negotiations" together), in which case only the listed spellings decide. Only
 * inflections: Porter also gives "general" and "generator", "officer" and "office", "regional" and
 * "region" one stem, and a generator is no commander.
 */
const bySurface = new Map<string, string>();
const byStem = new Map<string, string>();
const ambiguousStems = new Set<string>();
/** What an inflection adds to its stem: "-s", "-es", "-ed", "-ing", "-ies" ("studies" on "studi"). */
const INFLECTION = /^(?:|s|es|e|ed|d|ing|ings|y|ies|ied|['’]s)$/;

/** Whether `word` is its stem plus an inflection ("trading" on "trade", "dropping" on "drop"). */
function inflects(word: string, stem: string): boolean {
  if (word.startsWith(stem)) {
    const rest = word.slice(stem.length);
    // "dropping", "planned": a doubled last consonant before the ending.
    return INFLECTION.test(rest) || (rest.length > 1 && rest[0] === stem.at(-1) && /^.(?:ing|ed)$/.test(rest));
  }
  // "trading" on "trade", "studies" on "studi": the stem's last letter gives way to the ending.
  const base = stem.slice(0, -1);
  return word.startsWith(base) && /^(?:ing|ed|es|ies|ied|y)$/.test(word.slice(base.length));
}

for (const group of SYNONYM_GROUPS) {
  const head = group[0] ?? '';
  for (const word of group) {
    if (!bySurface.has(word)) bySurface.set(word, head);
    const s = stemWord(word);
    // "shaheds" on "shahe": a listed plural or past form is its singular's inflection.
    if (!inflects(word, s) && !inflects(word.replace(/(?:es|s|ed|ing)$/, ''), s)) continue;
    const previous = byStem.get(s);
    if (previous !== undefined && previous !== head) ambiguousStems.add(s);
    else byStem.set(s, head);
  }
}
// "states" is a noun as often as a verb ("the United States", "member states"): only the listed "stated"
// says something was said. Likewise "blocking" and "blocks" (of flats), "lives" and "live" ("a live blog",
// "they live in Varna": see unfoldLivesAsVerb). The adjective "coming" ("the coming days") is "next"; the
// verb it shares a stem with is not ("who came back", "comes to power").
for (const word of ['states', 'blocks', 'lives', 'coming']) ambiguousStems.add(stemWord(word));
for (const s of ambiguousStems) byStem.delete(s);

function stemWord(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stemmer(americanSpelling(lower));
    if (stemCache.size < 200_000) stemCache.set(lower, s);
  }
  return s;
}

/** Index terms of the words read so far (bounded like the stems): most words recur in every article. */
const termCache = new Map<string, string | null>();

/** The index term for one lower-cased word: stem, then fold synonyms. Null for stop words. */
export function termOf(lower: string): string | null {
  const known = termCache.get(lower);
  if (known !== undefined) return known;
  const term = readTerm(lower);
  if (termCache.size < 200_000) termCache.set(lower, term);
  return term;
}

/**
 * Irregular past forms, read as their verb ("met" → "meet", "struck" → "strike"), which no stemmer folds.
 * Forms that are also other words ("left", "found", "wound", "saw", "rose", "lead") are not listed.
 */
const IRREGULAR_PAST = new Map(
  (
    'met:meet held:hold fought:fight struck:strike stricken:strike shot:shoot led:lead sent:send brought:bring ' +
    'began:begin begun:begin took:take taken:take went:go gone:go won:win fallen:fall risen:rise spoke:speak ' +
    'spoken:speak wrote:write written:write flew:fly flown:fly kept:keep seen:see thought:think sought:seek ' +
    'withdrew:withdraw withdrawn:withdraw chose:choose chosen:choose broke:break broken:break made:make ' +
    'stood:stand understood:understand became:become came:come ran:run paid:pay built:build froze:freeze ' +
    'frozen:freeze stole:steal stolen:steal hid:hide hidden:hide forgave:forgive forgiven:forgive ' +
    'undertook:undertake undertaken:undertake overtook:overtake overtaken:overtake oversaw:oversee overseen:oversee ' +
    'drove:drive driven:drive rode:ride ridden:ride sold:sell bought:buy caught:catch taught:teach ' +
    'heard:hear meant:mean slept:sleep swore:swear sworn:swear threw:throw thrown:throw grew:grow grown:grow ' +
    'knew:know known:know blew:blow blown:blow drew:draw drawn:draw forbade:forbid forbidden:forbid'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

function readTerm(lower: string): string | null {
  if (STOP_WORDS.has(lower)) return null;
  if (/^\d/.test(lower)) return lower.replace(/,/g, '');
  if (lower === '%') return bySurface.get('percent') ?? 'percent';
  const listed = bySurface.get(lower);
  if (listed !== undefined) return listed;
  const base = IRREGULAR_PAST.get(lower);
  if (base !== undefined) return readTerm(base);
  const stem = stemWord(lower);
  const folded = byStem.get(stem);
  return folded !== undefined && inflects(lower, stem) ? folded : stem;
}

/** TOKEN anchored (sticky): a token starting exactly at `lastIndex`, read with `test` (no match array). */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

/**
 * Whether an ASCII character can start a TOKEN match: letters ("U.S." and "U.N." start with one), digits
 * and "%". Any other ASCII character starts none, so the scan steps over it without running the expression.
 */
function mayStartToken(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 37;
}

/** What a token is, given its surface: the same for every occurrence of the same word. */
interface Shape {
  lower: string;
  term: string | null;
  capitalized: boolean;
  numeric: boolean;
}

/**
 * Shapes of the surfaces read so far (bounded like the terms): a corpus writes the same few thousand words
 * again and again, and the shape of a surface depends on nothing else.
 */
const shapeCache = new Map<string, Shape>();

function shapeOf(surface: string): Shape {
  const known = shapeCache.get(surface);
  if (known !== undefined) return known;
  const first = surface.charCodeAt(0);
  const numeric = first >= 48 && first <= 57;
  let lower = surface.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  if (surface === 'U.S.' || surface === 'US') lower = 'usa';
  else if (surface === 'U.N.' || surface === 'UN') lower = 'un';
  const capitalized = !numeric && surface !== lower && surface[0] !== lower[0];
  // Acronyms ("CSIS", "NATO") are names: never stemmed.
  const acronym = capitalized && surface.length >= 2 && surface === surface.toUpperCase();
  const shape = { lower, term: acronym ? (bySurface.get(lower) ?? lower) : termOf(lower), capitalized, numeric };
  if (shapeCache.size < 200_000) shapeCache.set(surface, shape);
  return shape;
}

function isApostrophe(c: number): boolean {
  return c === 39 /* ' */ || c === 8217 /* ’ */;
}

/** The length of the possessive ending of the word text[start, end): "’s" or "'S" 2, "’" 1, none 0. */
function possessiveLength(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (isApostrophe(last)) return 1;
  const endsInS = last === 115 /* s */ || last === 83; /* S */
  return endsInS && end - start >= 2 && isApostrophe(text.charCodeAt(end - 2)) ? 2 : 0;
}

/**
 * Splits text into word and number tokens with offsets and index terms.
 *
 * The tokens are TOKEN's matches, found as a global `exec` would find them (leftmost first, the search
 * going on after each match) but without a match array: at each position that can start one, the sticky
 * TOKEN_AT says whether a token starts there and where it ends.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let at = 0;
  while (at < n) {
    const c = text.charCodeAt(at);
    if (c < 128 && !mayStartToken(c)) {
      at++;
      continue;
    }
    TOKEN_AT.lastIndex = at;
    if (!TOKEN_AT.test(text)) {
      // A unicode expression moves on by code points: past both halves of a surrogate pair.
      const pair = c >= 0xd800 && c <= 0xdbff && at + 1 < n && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
      at += pair ? 2 : 1;
      continue;
    }
    const start = at;
    at = TOKEN_AT.lastIndex;
    // Possessives: "Ukraine’s" → "Ukraine", "troops’" → "troops".
    const end = at - possessiveLength(text, start, at);
    if (end === start) continue;
    const surface = text.slice(start, end);
    const { lower, term, capitalized, numeric } = shapeOf(surface);
    tokens.push({ surface, lower, term, start, end, capitalized, numeric });
  }
  unfoldLostThings(tokens);
  unfoldLivesAsVerb(tokens);
  perCent(tokens);
  unshout(tokens);
  return tokens;
}

/** A word written in capitals: a short one may be an acronym; read alone, any is ("NATO", "CSIS"). */
function inCapitals(t: Token | undefined): boolean {
  return t?.capitalized === true && t.surface.length >= 2 && t.surface === t.surface.toUpperCase();
}

/**
 * Words in a run of capitals ("THE NORTHGATE HERALD | THE WEEK IN REVIEW", a transcript's "ANNA LIND:") are
 * words set in capitals, not acronyms: each is indexed as the same word in lower case would be ("northgate"
 * stemmed as "Northgate" is; "THE" no term). Short ones keep their own term unless they are function words:
 * "UN", "EU" stay names.
 */
function unshout(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !inCapitals(t) || !(inCapitals(tokens[i - 1]) || inCapitals(tokens[i + 1]))) continue;
    const word = termOf(t.lower);
    if (word === null || t.surface.length >= SHOUTED_WORD) tokens[i] = { ...t, term: word };
  }
}
/** How long a word in a run of capitals must be to be read as a word rather than as an acronym. */
const SHOUTED_WORD = 5;

/** Words before the noun "lives" ("their lives", "the lives of", "many lives", "1,000 lives"). */
const LIVES_NOUN_BEFORE: ReadonlySet<string> = new Set(
  'their his her its our your the of many more most few fewer thousands hundreds dozens civilian civilians human innocent own countless lost claimed cost saved'.split(
    ' ',
  ),
);
const LIVE = 'live';

/**
 * "Lives" is a death as a noun ("lost their lives", "cost the lives of 40 sailors"); as a verb ("the
 * family lives in Varna") it is where someone lives.
 */
function unfoldLivesAsVerb(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.lower !== 'lives') continue;
    const prev = tokens[i - 1];
    if (prev && (prev.numeric || LIVES_NOUN_BEFORE.has(prev.lower))) continue;
    tokens[i] = { ...t, term: LIVE };
  }
}

const PERCENT = bySurface.get('percent') ?? 'percent';

/** British "per cent" is "percent": the two words, one term (on "cent"; "per" is a stop word). */
function perCent(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.lower === 'cent' && tokens[i - 1]?.lower === 'per') tokens[i] = { ...t, term: PERCENT };
  }
}

// Sets, not expressions: every token of every sentence is looked up in LOSE_FORMS.
const LOSE_FORMS: ReadonlySet<string> = new Set(['lost', 'lose', 'loses', 'losing']);
const DETERMINERS: ReadonlySet<string> = new Set('their its his her the all some much most access contact'.split(' '));
const LOSE = 'lose';

/**
 * "Lost" is a death ("soldiers lost", "lost 55,000 troops", "lost their lives") except with a thing as its
 * object: "lost power", "lost their homes", "lost its water supply", "lost it" count no one killed.
 */
function unfoldLostThings(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !LOSE_FORMS.has(t.lower)) continue;
    let k = i + 1;
    while (tokens[k] && DETERMINERS.has(tokens[k]?.lower ?? '') && k < i + 3) k++;
    const object = tokens[k];
    // "the buildings that lost it": a thing, whatever "it" stands for.
    if (object?.lower === 'it') {
      tokens[i] = { ...t, term: LOSE };
      continue;
    }
    if (!object || object.numeric || object.capitalized || !object.term) continue;
    if (/^(?:lives?|life|soldiers?|troops?|men|people|civilians?|servicemen|fighters?)$/.test(object.lower)) continue;
    tokens[i] = { ...t, term: LOSE };
  }
}

/** Index terms of a text (stop words dropped, duplicates kept). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (t.term) out.push(t.term);
  return out;
}

/** Levenshtein distance, optionally bounded: returns `max + 1` as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Ordinals of a series ("the third session"): which one of several is meant. */
/** The ordinal words, in order: ORDINAL_WORDS[n - 1] is the nth. */
export const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
export const ORDINALS = new RegExp(`^(?:${ORDINAL_WORDS.join('|')})$`);

/** The concept terms of the domain vocabulary ("prisoners" for "POWs"): words, not names. */
export const CONCEPT_TERMS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.map((group) => group[0] ?? ''));

/** Index terms of the side concepts (Ukraine, Russia, the U.S.). */
export const SIDE_TERMS: readonly string[] = SIDE_WORDS.map((w) => termOf(w) ?? w);
/** Index terms of the measure concepts (killed, injured, missing, …). */
export const MEASURE_TERMS: readonly string[] = MEASURE_WORDS.map((w) => termOf(w) ?? w);

/** A paragraph's label or list mark opening a sentence: "4. ", "- ", "Q. ", "A: ". */
const OPENING_LABEL = /^\s*(?:[-•*–]|\d{1,2}[.)]|[QA][.:])\s+/;

/** A sentence as an answer shows it: without the label or list mark it opens with. */
export function withoutLabel(text: string): string {
  return text.replace(OPENING_LABEL, '');
}

/** The sentences of the paragraph sentence `i` stands in. */
export function paragraphAt(sentences: readonly Sentence[], i: number): Sentence[] {
  const own = sentences[i]?.paragraph;
  let a = i;
  let b = i;
  while (a > 0 && sentences[a - 1]?.paragraph === own) a--;
  while (b + 1 < sentences.length && sentences[b + 1]?.paragraph === own) b++;
  return sentences.slice(a, b + 1);
}
