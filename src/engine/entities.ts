import nlp from 'compromise';
import { countryOf, MONTHS, WEEKDAYS } from '../extract/lexicon.js';
import { type EntityKind, findEntities, type NameContext } from '../nlp/entities.js';
import { plain } from '../nlp/tokens.js';
import { editDistance, type Token } from './text.js';
import { ORGANISATION_WORDS, TITLE_WORDS } from './vocabulary.js';

/**
 * A small corpus-level entity recogniser: capitalised runs of words, typed as person, organisation or
 * place from how the corpus uses them (titles before them, speech verbs after them, "in"/"at" before them,
 * organisation words inside them). It knows no names in advance, so it works on articles it has never seen.
 */

export type EntityType = 'person' | 'organisation' | 'place' | 'other';

export interface EntitySpan {
  /** Token indexes, inclusive; the title ("President", "General") is excluded. */
  first: number;
  last: number;
  text: string;
  type: EntityType;
}

/** A capitalised run ending in a role word is a title ("Supreme Allied Commander"), not a name. */
const ROLE_ENDINGS = new Set([
  'commander',
  'minister',
  'president',
  'envoy',
  'secretary',
  'general',
  'chief',
  'ambassador',
  'officer',
  'director',
  'spokesman',
  'spokesperson',
]);
const CONNECTORS = new Set(['for', 'and', 'of', 'de', 'al', 'bin']);
const SPEECH_VERBS =
  /^(?:said|says|told|added|announced|stated|described|confirmed|wrote|noted|stressed|emphasized|emphasised|revealed|warned|claimed|acknowledged|insisted)$/i;
const PLACE_PREPOSITIONS = /^(?:in|at|to|from|near|across|toward|towards|into)$/i;
const SENTENCE_START_WORDS = new Set(
  'the a an in on at by as but and or so if for with from after before while since meanwhile however additionally this that these those it its they he she we his her their our there here when where who what which some all both neither nor last first according'.split(
    ' ',
  ),
);

interface Evidence {
  person: number;
  place: number;
  organisation: number;
  count: number;
}

export interface EntityLexicon {
  /** Lower-cased entity text → its type. */
  types: Map<string, EntityType>;
  /** Lower-cased surname (last word of a person's name) → the full name, most frequent spelling. */
  surnames: Map<string, string>;
  /** Lower-cased spelling variant → canonical lower-cased spelling ("zelensky" → "zelenskyy"). */
  variants: Map<string, string>;
  /** Lower-cased acronym → lower-cased full names ("csis" → "center for strategic and international studies"). */
  acronyms: Map<string, string[]>;
  /** What the entity recogniser (src/nlp/entities.ts) needs of the corpus: mid-sentence capitals, surnames. */
  names?: NameContext;
  /**
   * Lower-cased surname → the country its person's titles name ("Brazilian President Luis Soto" →
   * Russia), where the corpus' titles agree on one.
   */
  countries?: Map<string, string>;
}

/** Lower-case role nouns a country's possessive gives a person ("Ukraine's chief negotiator X"). */
const ROLE_NOUN =
  '(?:negotiator|envoy|minister|president|secretary|spokes(?:man|woman|person)|ambassador|commander|chief|head|adviser|advisor|aide|mediator|representative|delegate|diplomat|general)';
const POSSESSIVE_ROLE_BEFORE = new RegExp(
  `(?:^|[\\s(])(\\p{Lu}[\\p{L}.]*)['’]s\\s+(?:[\\p{Ll}-]+\\s+){0,3}?${ROLE_NOUN}s?\\s+$`,
  'u',
);
const POSSESSIVE_ROLE_AFTER = new RegExp(
  `^,\\s+(\\p{Lu}[\\p{L}.]*)['’]s\\s+(?:[\\p{Ll}-]+\\s+){0,3}?${ROLE_NOUN}\\b`,
  'u',
);

/** Weekdays and months are capitalised but name no one. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set<string>([...MONTHS, ...WEEKDAYS]);

function isNameWord(tok: Token | undefined): boolean {
  if (!tok) return false;
  return tok.capitalized && !tok.numeric && !CALENDAR_WORDS.has(tok.lower);
}

/** Whether tokens `a` and `b` of `text` are one space apart (a name's words never have more between them). */
function joinedBySpace(tokens: readonly Token[], text: string, a: number, b: number): boolean {
  return text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0) === ' ';
}

/** The first of tokens `from`…`to` (inclusive) written "and", as an offset from `from`; -1 if none is. */
function andOffset(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from; k <= to; k++) if (tokens[k]?.lower === 'and') return k - from;
  return -1;
}

function hasOrganisationWord(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (ORGANISATION_WORDS.has(tokens[k]?.lower ?? '')) return true;
  return false;
}

/**
 * Capitalised runs in a sentence ("Center for Strategic and International Studies", "Steve Witkoff"),
 * with titles split off. Runs never cross punctuation; "and" joins only organisation names; sentence-initial
 * function words and calendar words are not names.
 */
export function capitalisedRuns(
  tokens: readonly Token[],
  text: string,
): { first: number; last: number; title: string | null }[] {
  const runs: { first: number; last: number; title: string | null }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i];
    if (!tok || !isNameWord(tok) || (i === 0 && SENTENCE_START_WORDS.has(tok.lower))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      if (!next || !joinedBySpace(tokens, text, j, j + 1)) break;
      if (isNameWord(next)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (CONNECTORS.has(next.lower) && isNameWord(after) && joinedBySpace(tokens, text, j + 1, j + 2)) {
        j += 2;
        continue;
      }
      break;
    }
    // "Witkoff and Jared Kushner" is two people; "Center for Strategic and International Studies" is one name.
    const andAt = andOffset(tokens, i, j);
    if (andAt > 0 && !hasOrganisationWord(tokens, i, j)) j = i + andAt - 1;
    let first = i;
    let title: string | null = null;
    // "Chilean President Ana Rojas", "Danish Foreign Minister Lars Holm", "Navy Secretary Jo
    // Berg": every word up to the last title word belongs to the title.
    for (let k = j - 1; k >= i; k--) {
      if (!TITLE_WORDS.has(tokens[k]?.lower ?? '')) continue;
      title = tokens
        .slice(i, k + 1)
        .map((t) => t.surface)
        .join(' ');
      first = k + 1;
      break;
    }
    runs.push({ first, last: j, title });
    i = j + 1;
  }
  return runs;
}

function spanText(tokens: readonly Token[], first: number, last: number, text: string): string {
  return text.slice(tokens[first]?.start ?? 0, tokens[last]?.end ?? 0);
}

// The expressions `add` tests for every name, made once (a literal in the loop is a new object each time).
/** What may end the gap before a capitalised word that does not make it a mid-sentence capital. */
const OPENS_QUOTE_OR_CLAUSE = /["“—–:-]\s*$/;
const SPACES = /\s+/;
const ACRONYM = /^[A-Z]{2,6}$/;
const PARENTHESISED_ACRONYM = /^\s*\(([A-Z]{2,8})\)/;
const CAPITALISED = /^\p{Lu}/u;
const TWO_CAPITALISED_WORDS = /^\p{Lu}\S*\s+\p{Lu}/u;
const POSSESSIVE_S = /['’]s$/;

function isOrganisationWord(word: string): boolean {
  return ORGANISATION_WORDS.has(word);
}

/** The country a title names ("Brazilian President" → Brazil), from the first of its words that names one. */
function titleCountry(title: string): string | undefined {
  for (const w of title.split(SPACES)) {
    const country = countryOf(w.replace(POSSESSIVE_S, ''))?.name;
    if (country !== undefined) return country;
  }
  return undefined;
}

/** The words of a name that start with a capital letter. */
function capitalWords(name: string): string[] {
  return name.split(SPACES).filter((w) => CAPITALISED.test(w));
}

/** Lower-cased initials of words ("Center", "Strategic" → "cs"). */
function initialsOf(words: readonly string[]): string {
  let initials = '';
  for (const w of words) initials += w[0];
  return initials.toLowerCase();
}

/**
 * Collects entity evidence sentence by sentence (so the index can be built in one pass over the corpus),
 * then types every name once at the end.
 */
export class LexiconBuilder {
  readonly #evidence = new Map<string, Evidence>();
  readonly #surnameSpeech = new Map<string, number>();
  readonly #acronyms = new Map<string, string[]>();
  readonly #spellings = new Map<string, number>();
  readonly #midCaps = new Set<string>();
  readonly #countries = new Map<string, Map<string, number>>();
  readonly #twoWordAcronyms = new Map<string, string>();

  #addCountry(surname: string, country: string): void {
    const seen = this.#countries.get(surname) ?? new Map<string, number>();
    seen.set(country, (seen.get(country) ?? 0) + 1);
    this.#countries.set(surname, seen);
  }

  #addAcronym(acronym: string, full: string): void {
    const list = this.#acronyms.get(acronym) ?? [];
    if (!list.includes(full)) list.push(full);
    this.#acronyms.set(acronym, list);
  }

  /** The evidence of one name, added (all counts zero) the first time the name is seen. */
  #evidenceOf(key: string): Evidence {
    let e = this.#evidence.get(key);
    if (e === undefined) {
      e = { person: 0, place: 0, organisation: 0, count: 0 };
      this.#evidence.set(key, e);
    }
    return e;
  }

  add(text: string, tokens: readonly Token[]): void {
    const surnameSpeech = this.#surnameSpeech;
    const spellings = this.#spellings;
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (k > 0 && tok?.capitalized && !OPENS_QUOTE_OR_CLAUSE.test(text.slice(tokens[k - 1]?.end ?? 0, tok.start))) {
        this.#midCaps.add(tok.lower);
      }
      if (tok?.capitalized && !tok.numeric && tok.surface.length >= 4) {
        spellings.set(tok.lower, (spellings.get(tok.lower) ?? 0) + 1);
        const next = tokens[k + 1];
        if (next && SPEECH_VERBS.test(next.lower))
          surnameSpeech.set(tok.lower, (surnameSpeech.get(tok.lower) ?? 0) + 1);
      }
    }
    for (const run of capitalisedRuns(tokens, text)) {
      const name = spanText(tokens, run.first, run.last, text);
      const key = name.toLowerCase();
      // One record per run, looked up once: every piece of evidence below adds to it.
      const e = this.#evidenceOf(key);
      e.count++;
      const words = key.split(SPACES);
      const organisation = words.some(isOrganisationWord);
      if (organisation) e.organisation += 3;
      if (words.length === 1 && ACRONYM.test(name)) e.organisation += 2;
      if (run.title) {
        e.person += 3;
        // "Brazilian President Luis Soto", "Chilean Navy Secretary Ana Ruiz": the title names the side.
        const country = titleCountry(run.title);
        const surname = words.at(-1);
        if (country && surname) this.#addCountry(surname, country);
      } else if (words.length >= 2) {
        // "Norway's chief negotiator Ana Ruiz", "Ana Ruiz, Norway's chief negotiator,": a
        // country's role in lower case, before the name or as its appositive.
        const before = POSSESSIVE_ROLE_BEFORE.exec(
          text.slice(Math.max(0, (tokens[run.first]?.start ?? 0) - 60), tokens[run.first]?.start ?? 0),
        );
        const after = POSSESSIVE_ROLE_AFTER.exec(text.slice(tokens[run.last]?.end ?? 0));
        const country = countryOf(before?.[1] ?? after?.[1] ?? '')?.name;
        const surname = words.at(-1);
        if (country && surname) this.#addCountry(surname, country);
      }
      // "in the United States": look past a determiner for the preposition.
      const before = tokens[run.first - 1]?.lower === 'the' ? tokens[run.first - 2] : tokens[run.first - 1];
      const after = tokens[run.last + 1];
      if (after && SPEECH_VERBS.test(after.lower)) e.person += 2;
      if (before && SPEECH_VERBS.test(before.lower)) e.person += 1;
      // "according to X" names a source (a person or a body), not a destination.
      const according = before?.lower === 'to' && tokens[run.first - 2]?.lower === 'according';
      if (according) e.person += 1;
      else if (before && PLACE_PREPOSITIONS.test(before.lower) && !run.title) e.place += 2;
      const end = tokens[run.last]?.end ?? 0;
      if (text.startsWith(', who', end)) e.person += 2;
      // "Center for Strategic and International Studies (CSIS)"
      const paren = PARENTHESISED_ACRONYM.exec(text.slice(end));
      if (paren?.[1] && words.length > 1) this.#addAcronym(paren[1].toLowerCase(), key);
      // "United Nations Human Rights…" is also "UN": initials of each leading run of two or more words.
      if (words.length >= 2 && organisation) {
        const caps = capitalWords(name);
        for (let n = 2; n < caps.length; n++) {
          if (!ORGANISATION_WORDS.has(caps[n - 1]?.toLowerCase() ?? '')) continue;
          this.#addAcronym(initialsOf(caps.slice(0, n)), key);
        }
      }
      // "African Union" is "AU": a two-word body's initials too, where no longer name has them.
      if (words.length === 2 && ORGANISATION_WORDS.has(words[1] ?? '') && TWO_CAPITALISED_WORDS.test(name)) {
        const initials = `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}`;
        if (!this.#twoWordAcronyms.has(initials)) this.#twoWordAcronyms.set(initials, key);
      }
      if (words.length >= 3) {
        const initials = initialsOf(capitalWords(name));
        if (initials.length >= 3) this.#addAcronym(initials, key);
      }
    }
  }

  finish(): EntityLexicon {
    const evidence = this.#evidence;
    const surnameSpeech = this.#surnameSpeech;
    for (const [initials, full] of this.#twoWordAcronyms)
      if (!this.#acronyms.has(initials)) this.#addAcronym(initials, full);
    const acronyms = this.#acronyms;
    const spellings = this.#spellings;
    // Spelling variants: long capitalised words one edit apart with the same first three letters.
    const variants = new Map<string, string>();
    const words = [...spellings.keys()].filter((w) => w.length >= 6).sort();
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 1; b < words.length; b++) {
        const wa = words[a] ?? '';
        const wb = words[b] ?? '';
        if (wa.slice(0, 3) !== wb.slice(0, 3)) break;
        if (editDistance(wa, wb, 1) <= 1 && !/s$/.test(wb.replace(wa, '')) && !/s$/.test(wa.replace(wb, ''))) {
          const [rare, common] = (spellings.get(wa) ?? 0) >= (spellings.get(wb) ?? 0) ? [wb, wa] : [wa, wb];
          variants.set(rare, variants.get(common) ?? common);
        }
      }
    }

    const types = new Map<string, EntityType>();
    let checked = 0;
    const surnames = new Map<string, string>();
    const surnameCounts = new Map<string, number>();
    for (const [key, e] of evidence) {
      const words = key.split(/\s+/);
      const surname = words.at(-1) ?? '';
      const lastWordSpeaks = (surnameSpeech.get(surname) ?? 0) + (surnameSpeech.get(variants.get(surname) ?? '') ?? 0);
      let type: EntityType = 'other';
      if (TITLE_WORDS.has(surname) || ROLE_ENDINGS.has(surname)) type = 'other';
      else if (e.organisation > 0 && e.organisation >= e.person) type = 'organisation';
      else if (e.person + (words.length >= 2 ? lastWordSpeaks : 0) > e.place && (words.length >= 2 || e.person >= 3))
        type = 'person';
      else if (e.place > 0) type = 'place';
      else if (words.length >= 2 && words.length <= 3) type = 'person';
      // What the corpus suggests is a person may be a country or a body general English knows
      // ("the United Arab Emirates said …"): compromise's lexicon of places and organisations decides.
      if (checked < MAX_NAME_CHECKS && (type === 'person' || type === 'other' || words.length >= 2)) {
        checked++;
        type = knownType(key) ?? type;
      }
      types.set(key, type);
      if (type === 'person' && words.length >= 2) {
        const canonicalSurname = variants.get(surname) ?? surname;
        if ((surnameCounts.get(canonicalSurname) ?? 0) < e.count) {
          surnameCounts.set(canonicalSurname, e.count);
          surnames.set(canonicalSurname, key);
        }
      }
    }
    const nameSurnames = new Map<string, string>();
    for (const [surname, full] of surnames) nameSurnames.set(surname, full);
    // A person's country where every title that names one names the same.
    const countries = new Map<string, string>();
    for (const [surname, seen] of this.#countries) {
      if (seen.size === 1) countries.set(variants.get(surname) ?? surname, [...seen.keys()][0] ?? '');
    }
    return {
      types,
      surnames,
      variants,
      acronyms,
      names: { midCaps: this.#midCaps, surnames: nameSurnames },
      countries,
    };
  }
}

const knownTypes = new Map<string, EntityType | null>();
/**
 * At most this many names are looked up in compromise per build (2–3 ms each): a large corpus keeps its
 * corpus-evidence typing for the rest.
 */
export const MAX_NAME_CHECKS = 1000;

/**
 * What compromise reads a name as, where its lexicon knows: a person (first names it knows), a place (a
 * country, a city) or an organisation; null when it does not know or reads it more than one way.
 */
function knownType(name: string): EntityType | null {
  let type = knownTypes.get(name);
  if (type !== undefined) return type;
  const title = name.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  const doc = nlp(title);
  const found: EntityType[] = [];
  if (doc.people().found) found.push('person');
  if (doc.places().found) found.push('place');
  if (doc.organizations().found) found.push('organisation');
  type = found.length === 1 ? (found[0] ?? null) : null;
  knownTypes.set(name, type);
  return type;
}

/** Builds the lexicon from every sentence of a corpus (tokens and text per sentence). */
export function buildLexicon(sentences: Iterable<{ text: string; tokens: readonly Token[] }>): EntityLexicon {
  const builder = new LexiconBuilder();
  for (const { text, tokens } of sentences) builder.add(text, tokens);
  return builder.finish();
}

const KIND_TYPES: Record<EntityKind, EntityType> = {
  person: 'person',
  org: 'organisation',
  place: 'place',
  role: 'other',
  other: 'other',
};

/** The recogniser's entities placed on the engine's tokens, names without their titles. */
function recognisedSpans(text: string, tokens: readonly Token[], lexicon: EntityLexicon): EntitySpan[] {
  const out: EntitySpan[] = [];
  const flat = plain(text);
  for (const e of findEntities(flat, lexicon.names)) {
    if (e.kind === 'role') {
      // "NATO's Supreme Allied Commander": the role is no name, its possessor is one.
      const owner = /^([\p{Lu}][\p{L}.&' -]*?)'s?\s/u.exec(flat.slice(e.start, e.end))?.[1];
      if (!owner) continue;
      const first = tokens.findIndex((t) => t.end > e.start);
      let last = first;
      while (last + 1 < tokens.length && (tokens[last + 1]?.end ?? Number.POSITIVE_INFINITY) <= e.start + owner.length)
        last++;
      if (first < 0) continue;
      const name = text.slice(tokens[first]?.start ?? e.start, tokens[last]?.end ?? e.start + owner.length);
      const known = findEntities(name, lexicon.names)[0];
      out.push({
        first,
        last,
        text: name,
        type: known ? KIND_TYPES[known.kind] : (lexicon.types.get(name.toLowerCase()) ?? 'other'),
      });
      continue;
    }
    const written = e.name === e.text ? e.start : text.indexOf(e.name, e.start);
    const from = written >= e.start && written < e.end ? written : e.start;
    const to = written >= e.start && written < e.end ? written + e.name.length : e.end;
    const first = tokens.findIndex((t) => t.end > from);
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Number.POSITIVE_INFINITY) < to) last++;
    if (first < 0) continue;
    const name = text.slice(tokens[first]?.start ?? from, tokens[last]?.end ?? to);
    const key = name.toLowerCase();
    let type = KIND_TYPES[e.kind];
    if (type === 'other') type = lexicon.types.get(key) ?? 'other';
    // A surname alone in another spelling ("Zelensky" where the corpus writes "Volodymyr Zelenskyy").
    if (type === 'other' && first === last && lexicon.surnames.has(lexicon.variants.get(key) ?? key)) type = 'person';
    out.push({ first, last, text: name, type });
  }
  return out;
}

/** Spans read per sentence text, most recent last: answers read the same candidate sentences again and again. */
const SPANS = new WeakMap<EntityLexicon, Map<string, EntitySpan[]>>();
const SPAN_CACHE_SIZE = 20_000;

/**
 * Typed entity spans of one sentence: the entity recogniser's (src/nlp/entities.ts), on the engine's
 * tokens; a name it leaves untyped takes the corpus lexicon's type.
 */
export function entitySpans(text: string, tokens: readonly Token[], lexicon: EntityLexicon): EntitySpan[] {
  let cache = SPANS.get(lexicon);
  if (!cache) {
    cache = new Map();
    SPANS.set(lexicon, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const spans = recognisedSpans(text, tokens, lexicon);
  if (cache.size >= SPAN_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(text, spans);
  return spans;
}

/** The full name for a person span ("Witkoff" → "steve witkoff"), lower-cased. */
export function personKey(name: string, lexicon: EntityLexicon): string {
  const key = name.toLowerCase();
  const words = key.split(/\s+/);
  const surname = words.at(-1) ?? key;
  const canonicalSurname = lexicon.variants.get(surname) ?? surname;
  return lexicon.surnames.get(canonicalSurname) ? canonicalSurname : key;
}
