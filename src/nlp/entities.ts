/**
 * Named-entity recognition for news English, by shape and context rather than by lists of names:
 * runs of capitalized words (with "of", "for", "and", "in" inside organisation names), classified as
 * person, organisation, place or bare role from their words (titles, organisation nouns, the country
 * gazetteer) and from what the corpus says elsewhere (a surname seen in a full name is a person).
 */

import { editDistance } from '../engine/text.js';
import { pushTo } from '../extract/group.js';
import { type Country, countryOf, FUNCTION_WORDS, NAME_TITLES, ORG_WORDS, ROLE_NOUNS } from '../extract/lexicon.js';
import { isCapitalized, plain, type Token, tokenize, tokenTexts } from './tokens.js';

export type EntityKind = 'person' | 'org' | 'place' | 'role' | 'other';

export interface Entity {
  /** The span as written (typographic quotes made plain). */
  text: string;
  start: number;
  end: number;
  /** Token indexes `[tokenStart, tokenEnd)` in the sentence's tokens. */
  tokenStart: number;
  tokenEnd: number;
  /** The name without titles, leading demonyms or possessors, "the" or "-based" descriptors. */
  name: string;
  kind: EntityKind;
  /** Written with "'s": a modifier ("Trump's son-in-law"), not an actor. */
  possessive: boolean;
  /** Title words removed from the front ("President", "Mayor", "General"). */
  titles: string[];
  /** The country or bloc named by a stripped prefix ("Ukraine's President …", "Russian Defense Ministry"). */
  country: Country | null;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'in', 'de', 'al', 'bin', 'von', 'van', 'der', 'the', 'on', '&']);
const GEO_WORDS = new Set(
  'sea river region oblast province city mountains island islands peninsula gulf bay lake strait valley district county border front'.split(
    ' ',
  ),
);
const EVENT_WORDS = new Set(
  'war day talks summit accords accord agreement treaty conference games olympics cup ii iii'.split(' '),
);
/** Marks after which a capital letter only starts a sentence: a quote, a dateline dash, a colon. */
const OPENERS = new Set(['"', '—', '–', '-', ':']);
const TIME_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
const WEEKDAY_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const DESCRIPTOR = /-(?:based|led|backed|brokered|mediated|run|controlled|installed|born|made)$/i;

/** What the corpus as a whole tells us about names: words seen capitalized mid-sentence, known people. */
export interface NameContext {
  /** Lower-case words that appear capitalized somewhere other than at a sentence start. */
  midCaps: ReadonlySet<string>;
  /** Lower-case surnames (and single names) of people seen with a first name or title, → full names. */
  surnames: ReadonlyMap<string, string>;
}

export const EMPTY_CONTEXT: NameContext = { midCaps: new Set(), surnames: new Map() };

function isCapToken(t: Token): boolean {
  // A capital is a letter, so a capitalized token has one.
  return isCapitalized(t.text);
}

/** `word` without a final "'s" (either case) or "'": by its last characters (it runs for every capitalised word). */
function stripPossessive(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 39) return word.slice(0, -1);
  if ((last === 115 || last === 83) && word.charCodeAt(n - 2) === 39) return word.slice(0, -2);
  return word;
}

/** Any letter: the first token with one is the sentence's first word. */
const HAS_LETTER = /\p{L}/u;

function firstWordIndex(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) if (HAS_LETTER.test((tokens[i] as Token).text)) return i;
  return -1;
}

interface Span {
  from: number;
  to: number;
  possessive: boolean;
}

/** Runs of capitalized tokens; a possessive ends a run; connectors join two capitalized tokens. */
function capitalSpans(tokens: Token[], ctx: NameContext): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !isCapToken(t)) {
      i++;
      continue;
    }
    let j = i;
    let possessive = false;
    while (j < tokens.length) {
      const cur = tokens[j];
      if (!cur) break;
      if (cur.text.endsWith("'s") || cur.text.endsWith("s'")) {
        possessive = true;
        j++;
        break;
      }
      const next = tokens[j + 1];
      const after = tokens[j + 2];
      if (next && isCapToken(next) && next.start === cur.end + 1) {
        j++;
        continue;
      }
      if (next && after && CONNECTORS.has(next.lower) && isCapToken(after) && !cur.text.endsWith("'s")) {
        j += 2;
        continue;
      }
      // "Office for the Coordination of …"
      const after2 = tokens[j + 3];
      if (
        next &&
        after &&
        after2 &&
        CONNECTORS.has(next.lower) &&
        after.lower === 'the' &&
        isCapToken(after2) &&
        !cur.text.endsWith("'s")
      ) {
        j += 3;
        continue;
      }
      j++;
      break;
    }
    spans.push({ from: i, to: j, possessive });
    i = j;
  }
  return trimSpans(spans, tokens, ctx);
}

/** Drops sentence-initial and function words from the front of a run; splits "Moscow and Kyiv". */
function trimSpans(spans: Span[], tokens: Token[], ctx: NameContext): Span[] {
  const out: Span[] = [];
  if (spans.length === 0) return out;
  const firstWord = firstWordIndex(tokens);
  for (const span of spans) {
    let { from } = span;
    while (from < span.to) {
      const t = tokens[from];
      if (!t) break;
      const lower = stripPossessive(t.lower);
      const atStart = from === firstWord || OPENERS.has(tokens[from - 1]?.text ?? '');
      const joinedByConnector = CONNECTORS.has(tokens[from + 1]?.lower ?? '');
      if (FUNCTION_WORDS.has(lower) || CONNECTORS.has(lower)) from++;
      // "on Tuesday the State Emergency Service said": a day (or a month before "the") does not begin a name.
      else if (WEEKDAY_WORD.test(lower) || (TIME_WORDS.test(lower) && joinedByConnector)) from++;
      else if (atStart && !ctx.midCaps.has(lower) && !countryOf(lower) && (from + 1 >= span.to || joinedByConnector)) {
        from++;
      } else break;
    }
    if (from >= span.to) continue;
    const trimmed = { from, to: span.to, possessive: span.possessive };
    // A joining word has a word on each side: a run of one or two tokens is never split.
    if (span.to - from < 3) out.push(trimmed);
    else out.push(...splitJoined(trimmed, tokens));
  }
  return out;
}

/** A country named as such ("Ukraine"), not by its capital ("Kyiv"). */
function isCountryName(words: string): boolean {
  return countryOf(words)?.name.toLowerCase() === words;
}

function splitJoined(span: Span, tokens: Token[]): Span[] {
  const words = tokens.slice(span.from, span.to).map((t) => stripPossessive(t.lower));
  const last = words.at(-1) ?? '';
  const isOrg = ORG_WORDS.has(last) || words.some((w) => ORG_WORDS.has(w));
  for (let k = 1; k < words.length - 1; k++) {
    const w = words[k];
    if (w !== 'and' && w !== 'in' && w !== 'on' && w !== '&') continue;
    const left = words.slice(0, k);
    const keep =
      w === 'in'
        ? // "the Observer Mission in Chile" is a name; "the Baltic Policy Institute in Tallinn" a
          // body and where it is.
          left.some((x) => ROLE_NOUNS.has(x)) ||
          (left.some((x) => ORG_WORDS.has(x)) && isCountryName(words.slice(k + 1).join(' ')))
        : w === 'on'
          ? false
          : // "Navy Secretary Jo Berg and Gen. Ann Moss": titled people, not one body — unless the run ends in
            // a body's word after the "and" ("Maritime Safety and Defence Board": "defence" is a title word too).
            isOrg &&
            !countryOf(left.join(' ')) &&
            (words.slice(k + 1).some((x) => ORG_WORDS.has(x)) || !words.some((x) => NAME_TITLES.has(x)));
    if (!keep) {
      return [
        ...splitJoined({ from: span.from, to: span.from + k, possessive: false }, tokens),
        ...splitJoined({ from: span.from + k + 1, to: span.to, possessive: span.possessive }, tokens),
      ];
    }
  }
  return [span];
}

function isTitleWord(lower: string): boolean {
  return NAME_TITLES.has(lower) || ROLE_NOUNS.has(lower);
}

/** Classifies the words of a span (already without leading possessors) and strips its titles. */
function classify(
  words: string[],
  ctx: NameContext,
  followedBySay: boolean,
): { name: string; kind: EntityKind; titles: string[]; country: Country | null } {
  let country: Country | null = null;
  let k = 0;
  // A leading demonym or country ("Ukrainian President …", "U.S. special envoy …", "Russian Defense Ministry").
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const c = countryOf(words.slice(0, n).join(' '));
    if (c) {
      country = c;
      k = n;
      break;
    }
  }
  const rest = words.slice(k).filter((w) => !DESCRIPTOR.test(w));
  // "US-brokered", "Kremlin-backed": the descriptor still names who is behind it.
  const described = words.find((w) => DESCRIPTOR.test(w));
  if (!country && described) country = countryOf(described.split('-')[0] ?? '') ?? null;
  const lowerRest = rest.map((w) => stripPossessive(w).toLowerCase());
  if (rest.length === 0) {
    const whole = countryOf(words.join(' ')) ?? country ?? undefined;
    return { name: whole?.name ?? words.join(' '), kind: 'place', titles: [], country: whole ?? null };
  }
  const whole = countryOf(words.join(' '));
  if (whole && k === 0) return { name: whole.name, kind: 'place', titles: [], country: whole };
  // "Navy Secretary Jo Berg", "Coast Guard Admiral Ann Moss": a title, then a name of two or more words —
  // a person, whatever body the title names.
  const lastTitle = lowerRest.findLastIndex((w) => NAME_TITLES.has(w));
  const titled = rest.slice(lastTitle + 1);
  if (
    lastTitle >= 0 &&
    titled.length >= 2 &&
    titled.every(
      (w, i) =>
        /^\p{Lu}/u.test(w) &&
        !ORG_WORDS.has(lowerRest[lastTitle + 1 + i] ?? '') &&
        !GEO_WORDS.has(lowerRest[lastTitle + 1 + i] ?? ''),
    )
  ) {
    return { name: titled.join(' '), kind: 'person', titles: rest.slice(0, lastTitle + 1), country };
  }
  if (lowerRest.some((w) => ORG_WORDS.has(w)) || (rest.length === 1 && /^[A-Z]{2,}$/.test(rest[0] ?? ''))) {
    return { name: words.filter((w) => !DESCRIPTOR.test(w)).join(' '), kind: 'org', titles: [], country };
  }
  const lastRole = lowerRest.findLastIndex((w) => ROLE_NOUNS.has(w));
  const afterRole = lowerRest[lastRole + 1];
  if (lastRole >= 0 && (afterRole === undefined || ['in', 'of', 'for', 'to', 'on'].includes(afterRole))) {
    return { name: rest.join(' '), kind: 'role', titles: rest, country };
  }
  let t = 0;
  while (t < rest.length && isTitleWord(lowerRest[t] ?? '')) t++;
  const titles = rest.slice(0, t);
  const nameWords = rest.slice(t);
  if (nameWords.length === 0) return { name: rest.join(' '), kind: 'role', titles, country };
  const name = nameWords.join(' ');
  const lowerName = nameWords.map((w) => w.toLowerCase());
  // "Supreme Allied Commander Atlantic": a title word inside the words is an office, not a person's name
  // (one ending a name may be a surname: "John Major").
  if (lowerName.slice(1, -1).some((w) => isTitleWord(w)))
    return { name: rest.join(' '), kind: 'role', titles: rest, country };
  if (lowerName.some((w) => GEO_WORDS.has(w)) || countryOf(name)) {
    return { name: countryOf(name)?.name ?? name, kind: 'place', titles, country };
  }
  if (lowerName.some((w) => EVENT_WORDS.has(w))) return { name, kind: 'other', titles, country };
  if (titles.length > 0 || nameWords.length >= 2) return { name, kind: 'person', titles, country };
  const surname = ctx.surnames.get(lowerName[0] ?? '');
  if (surname) return { name, kind: 'person', titles, country };
  return { name, kind: followedBySay ? 'person' : 'other', titles, country };
}

const SAY_NEXT = /^(?:said|says|told|tells|added|adds|wrote|announced|stated|claimed|described|insisted|argued)$/;

/**
 * One string object for each name written: a corpus names the same people and places over and over,
 * and the analysis of every sentence is kept while the reports are built.
 */
const INTERNED = new Map<string, string>();
function intern(s: string): string {
  const hit = INTERNED.get(s);
  if (hit !== undefined) return hit;
  if (INTERNED.size < 500_000) INTERNED.set(s, s);
  return s;
}
const NO_TITLES: string[] = [];

/** Named entities of one sentence (pass the plain text, see `plain`). */
export function findEntities(text: string, ctx: NameContext = EMPTY_CONTEXT, tokens = tokenize(text)): Entity[] {
  const spans = capitalSpans(tokens, ctx);
  const out: Entity[] = [];
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s];
    if (!span) continue;
    const first = tokens[span.from];
    const last = tokens[span.to - 1];
    if (!first || !last) continue;
    // Dates are not names: "Monday", "December".
    if (span.to - span.from === 1 && TIME_WORDS.test(stripPossessive(first.lower))) continue;
    const words = tokens
      .slice(span.from, span.to)
      .map((t, i, all) => (i === all.length - 1 ? stripPossessive(t.text) : t.text));
    const next = tokens[span.to];
    const followedBySay = next !== undefined && SAY_NEXT.test(next.lower);
    const c = datelinePlace(text, tokens, span) ?? classify(words, ctx, followedBySay);
    out.push({
      text: intern(text.slice(first.start, last.end)),
      start: first.start,
      end: last.end,
      tokenStart: span.from,
      tokenEnd: span.to,
      name: intern(c.name),
      kind: c.kind,
      possessive: span.possessive,
      titles: c.titles.length ? c.titles.map(intern) : NO_TITLES,
      country: c.country,
    });
  }
  return joinPossessors(out, text);
}

/**
 * A wire dateline: "NOWA WIES, Poland - …", "GDANSK, Poland, March 6 -": a name in capitals opening the
 * text, followed by a comma and a country, is the place the story was filed from.
 */
function datelinePlace(
  text: string,
  tokens: readonly Token[],
  span: Span,
): { name: string; kind: EntityKind; titles: string[]; country: Country | null } | null {
  if (span.from !== 0) return null;
  const first = tokens[0];
  const last = tokens[span.to - 1];
  if (!first || !last) return null;
  const written = text.slice(first.start, last.end);
  if (!/^[\p{Lu}\s'.-]{3,}$/u.test(written) || !/\p{Lu}{2}/u.test(written)) return null;
  // The country named as such ("Ukraine", not its capital) and the dateline's dash or date after it.
  const country = /^,\s*(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})\s*[,–—-]/u.exec(text.slice(last.end))?.[1];
  const known = country ? countryOf(country) : undefined;
  if (!known || known.name.toLowerCase() !== country?.toLowerCase()) return null;
  const name = written
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return { name, kind: 'place', titles: [], country: known };
}

/**
 * "Russia's Defense Ministry" → one organisation, "Russian Defense Ministry";
 * "Ukraine's President Volodymyr Zelenskyy" → the person, with Ukraine as country.
 */
function joinPossessors(entities: Entity[], text: string): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const n = entities[i + 1];
    if (e && n && e.possessive && e.kind === 'place' && /^\s+$/.test(text.slice(e.end, n.start))) {
      const country = countryOf(e.name) ?? null;
      const name = n.kind === 'org' && country && !n.country ? `${country.demonym} ${n.name}` : n.name;
      out.push({ ...n, text: text.slice(e.start, n.end), start: e.start, name, country: n.country ?? country });
      i++;
      continue;
    }
    if (e) out.push(e);
  }
  // A copy of exactly its length: an array grown by push keeps room for 17 items, and the entities of
  // every sentence are kept while the reports are built (at 10,000 articles, ~40 MB of empty room).
  return out.slice();
}

/* ------------------------------------------------------------ corpus-wide names */

/** Builds the name context from all sentences: mid-sentence capitals and surnames of people. */
export function buildNameContext(sentences: readonly string[]): NameContext {
  return readNames(sentences.map(plain)).context;
}

export interface NameReading {
  context: NameContext;
  /**
   * Per sentence: its entities read with the mid-sentence capitals. Read them again with the whole
   * context where `hasKnownSurname` says so (the only thing the surnames change).
   */
  entities: Entity[][];
}

/** Lower-case words written capitalized somewhere other than at the start of a sentence. */
export function midSentenceCapitals(texts: readonly string[]): Set<string> {
  const midCaps = new Set<string>();
  for (const text of texts) {
    const words = tokenTexts(text);
    let firstWord = -1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      if (firstWord < 0 && HAS_LETTER.test(w)) firstWord = i;
      if (i !== firstWord && isCapitalized(w) && !OPENERS.has(words[i - 1] ?? '')) {
        midCaps.add(stripPossessive(w.toLowerCase()));
      }
    }
  }
  return midCaps;
}

/**
 * Two passes over the plain texts of all sentences: the mid-sentence capitals, then every sentence's
 * entities and the surnames of the people among them. Tokens are not kept (they are most of the memory
 * of a large corpus); each pass tokenizes again.
 */
export function readNames(texts: readonly string[], corpusCaps?: ReadonlySet<string>): NameReading {
  const midCaps = corpusCaps ?? midSentenceCapitals(texts);
  const base: NameContext = { midCaps, surnames: new Map() };
  const surnames = new Map<string, string>();
  const entities = texts.map((text) => {
    const found = findEntities(text, base);
    for (const e of found) {
      if (e.kind !== 'person') continue;
      const parts = e.name.split(/\s+/);
      const last = parts.at(-1)?.toLowerCase();
      if (last && (parts.length >= 2 || e.titles.length > 0) && !surnames.has(last)) surnames.set(last, e.name);
    }
    return found;
  });
  return { context: { midCaps, surnames }, entities };
}

/**
 * A sentence's entities read with the surnames of the whole context: the one thing surnames change is
 * that a single word with no title, otherwise unknown, is a person when it is a known surname
 * ("Zelenskyy" alone, after "Volodymyr Zelenskyy" elsewhere). Equal to `findEntities` with the context.
 */
export function withSurnames(entities: readonly Entity[], ctx: NameContext): Entity[] {
  let out: Entity[] | null = null;
  entities.forEach((e, i) => {
    if (e.kind !== 'other' || e.titles.length || /\s/.test(e.name)) return;
    const lower = e.name.toLowerCase();
    if (EVENT_WORDS.has(lower) || !ctx.surnames.has(lower)) return;
    out ??= [...entities];
    out[i] = { ...e, kind: 'person' };
  });
  return out ?? (entities as Entity[]);
}

/* ------------------------------------------------------------ canonical names */

const ACRONYM_SKIP = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'de']);

/** Initials of the capitalized words: "Center for Strategic and International Studies" → "CSIS". */
export function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !ACRONYM_SKIP.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[.]/g, '').toLowerCase();
}

/** True when two names written differently are the same person or organisation. */
export function sameName(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return true;
  const wa = fa.split(/\s+/);
  const wb = fb.split(/\s+/);
  if (wa.length === 1 && wb.length > 1) return sameWord(wa[0] ?? '', wb.at(-1) ?? '') || fa === fold(acronym(b));
  if (wb.length === 1 && wa.length > 1) return sameWord(wb[0] ?? '', wa.at(-1) ?? '') || fb === fold(acronym(a));
  if (wa.length === 1 && wb.length === 1) return sameWord(fa, fb);
  if ((wa[0]?.[0] ?? '') !== (wb[0]?.[0] ?? '') || (wa.at(-1)?.[0] ?? '') !== (wb.at(-1)?.[0] ?? '')) return false;
  return editDistance(fa, fb) <= Math.max(1, Math.floor(Math.max(fa.length, fb.length) * 0.08));
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && a[0] === b[0] && editDistance(a, b) <= 1;
}

/**
 * Maps every spelling of a name to one canonical form: the most frequent multi-word spelling
 * ("Zelensky", "Zelenskyy", "Volodymyr Zelensky" → "Volodymyr Zelenskyy"; "CSIS" → the full name).
 */
export class NameIndex {
  readonly #counts = new Map<string, number>();
  readonly #order: string[] = [];
  #canonical: Map<string, string> | null = null;
  /** Names looked up that were never added, with what they matched. */
  #misses = new Map<string, string>();

  add(name: string): void {
    const n = name.trim();
    if (!n) return;
    if (!this.#counts.has(n)) this.#order.push(n);
    this.#counts.set(n, (this.#counts.get(n) ?? 0) + 1);
    this.#canonical = null;
    this.#misses = new Map();
  }

  canonical(name: string): string {
    const map = this.#build();
    const direct = map.get(name.trim());
    if (direct) return direct;
    const missed = this.#misses.get(name);
    if (missed !== undefined) return missed;
    let found = name.trim();
    // A country or capital is its own name, not a word of an organisation's ("Ukraine" is not "… Mission in Ukraine").
    if (countryOf(found)) return found;
    for (const [known, canon] of map) {
      if (sameName(known, name)) {
        found = canon;
        break;
      }
    }
    this.#misses.set(name, found);
    return found;
  }

  #build(): Map<string, string> {
    if (this.#canonical) return this.#canonical;
    const names = this.#order;
    const parent = names.map((_, i) => i);
    const find = (i: number): number => {
      let r = i;
      while (parent[r] !== r) r = parent[r] ?? r;
      return r;
    };
    // Only names that can match are compared: same initial of the last word, or acronym and full name.
    const buckets = new Map<string, number[]>();
    const byAcronym = new Map<string, number[]>();
    names.forEach((n, i) => {
      const key = fold(n.split(/\s+/).at(-1) ?? '').charAt(0);
      pushTo(buckets, key, i);
      const a = fold(acronym(n));
      if (n.includes(' ') && a.length >= 2) pushTo(byAcronym, a, i);
    });
    const union = (i: number, j: number) => {
      if (sameName(names[i] ?? '', names[j] ?? '')) parent[find(j)] = find(i);
    };
    for (const members of buckets.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) union(members[x] ?? 0, members[y] ?? 0);
      }
    }
    names.forEach((n, i) => {
      if (!/^[A-Z]{2,}$/.test(n)) return;
      for (const j of byAcronym.get(fold(n)) ?? []) union(j, i);
    });
    const groups = new Map<number, string[]>();
    names.forEach((n, i) => {
      const r = find(i);
      pushTo(groups, r, n);
    });
    const map = new Map<string, string>();
    const position = new Map(names.map((n, i) => [n, i]));
    const at = (n: string) => position.get(n) ?? 0;
    for (const members of groups.values()) {
      const best = [...members].sort((x, y) => this.#rank(y) - this.#rank(x) || at(x) - at(y))[0];
      for (const m of members) map.set(m, best ?? m);
    }
    this.#canonical = map;
    return map;
  }

  #rank(name: string): number {
    const words = name.split(/\s+/).length;
    const multi = words >= 2 && !/^[A-Z]{2,}$/.test(name) ? 1000 : 0;
    return multi + (this.#counts.get(name) ?? 0) * 10 + Math.min(words, 9);
  }
}
