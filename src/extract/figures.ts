/**
 * Reading casualty figures out of one article, sentence by sentence: which numbers count people harmed,
 * who is counted, what happened to them, who says so and as of when. Pure; see casualties.ts for
 * merging across articles.
 *
 * A number is a casualty figure only when the words around it say people were harmed or held:
 * - a people noun with a harm verb: "55,000 Ukrainian soldiers have been killed", "two people were injured";
 * - a harm noun: "140,000 deaths", "1.2 million Russian casualties", "314 prisoners" (exchanged/captured);
 * - a bare participle: "just over 40,000 injured", "1.5 million wounded or missing";
 * - a figure put on a harm noun phrase: "put Ukrainian military deaths at up to 140,000";
 * - "cost the lives of 55,000 …"; a percent change next to a harm noun: "a 31% increase in … casualties".
 * Numbers of objects (drones shot down, missiles fired), distances, ages ("four-year-old"), years and
 * durations are not casualty figures. A single person ("a man suffered a wound") is not counted: it has no numeral.
 */

import { isExplicit } from '../nlp/annotate.js';
import { type Attribution, attributionFor } from '../nlp/attribution.js';
import { type DateMention, findDates } from '../nlp/dates.js';
import type { Entity } from '../nlp/entities.js';
import { countableNumbers, type NumberMention, wordsToNumber } from '../nlp/numbers.js';
import { isCapitalized, type Token } from '../nlp/tokens.js';
import { type IncidentReading, readIncident, reportOrder, type Scope } from './incidents.js';
import {
  ATTACK_NOUNS,
  CLASS_MODIFIERS,
  type Country,
  countryOf,
  EXCHANGE_WORDS,
  MEASURE_WORDS,
  NAME_TITLES,
  ORG_WORDS,
  PEOPLE_NOUNS,
  RELEASE_WORDS,
  ROLE_NOUNS,
} from './lexicon.js';

export interface RawFigure {
  source: string;
  sentence: number;
  /** Offset of the number in the sentence. */
  position: number;
  population: string;
  demonym: string | null;
  both: boolean;
  cls: string | null;
  measure: string;
  low: number | null;
  high: number | null;
  value: number;
  value2: number | null;
  qualifier: string;
  text: string;
  percent: boolean;
  claimant: string | null;
  /** The claimant is named in the figure's own sentence (not through a pronoun or an earlier sentence). */
  claimantExplicit: boolean;
  asOf: string | null;
  quote: string;
  /** War total, a period's count, or one incident's (see incidents.ts). */
  scope: Scope;
  /** The incident (scope `incident`): its kind, place and day; the period (scope `period`) in `eventDate`. */
  incident: IncidentReading;
  /** Paragraph of the sentence in its article. */
  paragraph: number;
  /** When this count was reported, for ordering updates: publication day, then the entry's time stamp. */
  reportedAt: string;
  /** −1 for a count the text calls earlier ("first reports had put …"), +1 for a later one ("now say"). */
  reportOrder: -1 | 0 | 1;
  /** The population without the incident, from which `population` is labelled. */
  basePopulation: string;
}

/** What the previous figures of the article tell a new one (elliptical "and 40,000 injured"). */
export interface FigureMemory {
  figures: RawFigure[];
}

const AUX = new Set([
  'have',
  'has',
  'had',
  'been',
  'were',
  'was',
  'are',
  'is',
  'be',
  'being',
  'reportedly',
  'also',
  'officially',
  'now',
  'considered',
  'listed',
  'as',
  'confirmed',
  'believed',
  'thought',
  'feared',
  'presumed',
  'still',
  'all',
  'left',
  'were',
  'either',
  'later',
  'since',
]);
const NP_MODIFIERS = new Set([
  'total',
  'more',
  'additional',
  'other',
  'professional',
  'confirmed',
  'reported',
  'estimated',
  'war',
  'military',
  'civilian',
  'troop',
  'army',
  'combat',
  'battlefield',
  'child',
  'young',
  'unarmed',
  'innocent',
  'service',
]);
const HARM_ING: ReadonlyMap<string, string> = new Map([
  ['killing', 'killed'],
  ['wounding', 'wounded'],
  ['injuring', 'wounded'],
  ['capturing', 'captured'],
]);
const CHANGE_UP = /\b(?:increase[sd]?|rise|rose|risen|rising|jump(?:ed)?|surge[sd]?|grew|growth|up)\b/i;
const CHANGE_DOWN = /\b(?:decrease[sd]?|decline[sd]?|drop(?:ped)?|fell|fall(?:en)?|down|lower|reduction)\b/i;
const SAME_PERIOD = /\b(?:over|in|during|for) the same (?:time|period)\b/i;

/**
 * What follows "lost" when it is a harm to the people counted: nothing (the clause ends), a preposition
 * or conjunction ("lost in the invasion", "lost fighting"), or "their lives". Followed by an object
 * ("lost power", "lost their homes", "lost heating") it is a loss of something else, not of life.
 */
const INTRANSITIVE_AFTER = new Set(
  (
    'in on at during since to from over under while when as and or but after before amid near across ' +
    'fighting defending serving , . ; : — – ) "'
  ).split(' '),
);

/** An aim, plan or threat governing the number: "aims to inflict", "threatened to kill", "wants to free". */
const INTENT_BEFORE =
  /\b(?:aims?|aiming|aimed|plans?|planning|planned|wants?|wanted|seeks?|seeking|hopes?|hoping|intends?|intending|vows?|vowed|threatens?|threatened|targets?|targeting|pledged?|promised?)\s+to\s+(?:\w+\s+){1,3}$/i;

/** A bare "toll": the measure of the count it continues ("12 were killed … the toll rose to 14"), see below. */
const TOLL = 'toll';

/** A count that has not happened yet: "… prisoners are expected to be exchanged", "… will be released". */
const EXPECTED_AFTER =
  /^\s+(?:[\w-]+\s+){0,3}?(?:are|is|were|was)\s+(?:expected|due|set|scheduled|planned|going)\s+to\b|^\s+(?:[\w-]+\s+){0,3}?(?:will|would|could|may|might)\s+be\b/i;

/** What may follow a harm verb's number that is its whole object: "injured 25, …", "wounding 47 others". */
const OBJECT_END = new Set(
  (
    ', . ; : and or others more in on at during across overnight yesterday today earlier later since after ' +
    'before when while as including among monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** The measure of the harm word at `i`, read with what follows it (see INTRANSITIVE_AFTER). */
function harmAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const m = measureOf(t.lower);
  if (t.lower !== 'lost' || !m) return m;
  const next = tokens[i + 1];
  if (!next || INTRANSITIVE_AFTER.has(next.lower)) return m;
  if (next.lower === 'lives' || (next.lower === 'their' && tokens[i + 2]?.lower === 'lives')) return m;
  // "lost 300 soldiers": the number that follows is what was lost.
  if (/^\d/.test(next.text) || wordsToNumber(next.lower) !== null) return m;
  return undefined;
}

function measureOf(word: string): string | undefined {
  return MEASURE_WORDS.get(word) ?? HARM_ING.get(word);
}

interface NounPhrase {
  modifiers: Token[];
  head: Token | null;
  headIndex: number;
}

/** The noun phrase right after the number: up to four modifiers, then a people or harm noun. */
function nounPhraseAfter(tokens: Token[], from: number): NounPhrase {
  const modifiers: Token[] = [];
  for (let i = from; i < tokens.length && i < from + 6; i++) {
    const t = tokens[i];
    if (!t) break;
    const lower = t.lower.replace(/'s$/, '');
    // "157 Ukrainians": a plural demonym counts people of that country.
    if (demonymPlural(t.text)) return { modifiers: [...modifiers, t], head: t, headIndex: i };
    if (PEOPLE_NOUNS.has(lower) || measureOf(lower)) {
      // "military" and "civilian" are also modifiers: take them as the head only when nothing follows.
      const nextT = tokens[i + 1];
      if (
        CLASS_MODIFIERS.has(lower) &&
        nextT &&
        (PEOPLE_NOUNS.has(nextT.lower) || measureOf(nextT.lower) || nextT.lower === 'service')
      ) {
        modifiers.push(t);
        continue;
      }
      if (lower === 'service' && tokens[i + 1]?.lower === 'members')
        return { modifiers, head: tokens[i + 1] ?? t, headIndex: i + 1 };
      return { modifiers, head: t, headIndex: i };
    }
    if (lower === 'service' && tokens[i + 1]?.lower === 'members') {
      return { modifiers, head: tokens[i + 1] ?? t, headIndex: i + 1 };
    }
    const nextIsPeople = PEOPLE_NOUNS.has(tokens[i + 1]?.lower ?? '');
    if (
      NP_MODIFIERS.has(lower) ||
      (isCapitalized(t.text) && /\p{L}/u.test(t.text)) ||
      (nextIsPeople && /^\p{Ll}+$/u.test(t.text))
    ) {
      modifiers.push(t);
      continue;
    }
    break;
  }
  return { modifiers, head: null, headIndex: -1 };
}

/** A harm verb after a people noun: "have been killed", "dying", "are considered officially missing". */
function verbAfter(tokens: Token[], from: number): { measure: string; index: number } | null {
  for (let i = from; i < tokens.length && i < from + 7; i++) {
    const t = tokens[i];
    if (!t) break;
    const m = harmAt(tokens, i);
    if (m) return { measure: m, index: i };
    if (measureOf(t.lower)) return null;
    if (t.lower === 'taken' && tokens[i + 1]?.lower === 'prisoner') return { measure: 'captured', index: i + 1 };
    if (!AUX.has(t.lower)) return null;
  }
  return null;
}

/** "killed or missing" → "killed or missing"; "wounded and killed" → "casualties". */
function combineMeasure(tokens: Token[], index: number, first: string): string {
  const conj = tokens[index + 1]?.lower;
  const second = measureOf(tokens[index + 2]?.lower ?? '');
  if (!second || second === first || (conj !== 'or' && conj !== 'and')) return first;
  if (conj === 'and') return 'casualties';
  return `${first} or ${second}`;
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  const i = tokens.findIndex((t) => t.start >= offset);
  return i < 0 ? tokens.length : i;
}

interface Reading {
  measure: string;
  modifiers: Token[];
  headClass: string | null;
  /** Token range of the harm noun phrase, for looking around it. */
  npEnd: number;
}

/** A transfer of people from one side to the other: "hand over", "handed back", "turned over". */
const HANDED_OVER = /\b(?:hand|hands|handed|handing|turn|turns|turned|turning)\s+(?:over|back)\s+(?:\S+\s+){0,2}$/i;

/** Decides whether a number counts harmed people, and what it counts. */
function readCount(tokens: Token[], mention: NumberMention, text: string): Reading | null {
  const after = tokenIndexAt(tokens, mention.end);
  const first = tokenIndexAt(tokens, mention.start);
  const np = nounPhraseAfter(tokens, after);
  const headLower = np.head?.lower ?? '';
  const beforeWords = tokens.slice(Math.max(0, first - 4), first).map((t) => t.lower);
  const exchangeNear = tokens
    .slice(Math.max(0, first - 5), np.headIndex >= 0 ? np.headIndex + 7 : after + 4)
    .some((t) => EXCHANGE_WORDS.has(t.lower));
  // "released 157", "freed 157", and the phrasal verbs of the same act: "hand over 157", "handed back 157".
  const releaseNear =
    tokens.slice(Math.max(0, first - 4), first).some((t) => RELEASE_WORDS.has(t.lower)) ||
    HANDED_OVER.test(text.slice(Math.max(0, mention.start - 40), mention.start));

  if (np.head) {
    const headClass = PEOPLE_NOUNS.get(headLower) ?? (demonymPlural(np.head.text) ? 'people' : null);
    const headMeasure = measureOf(headLower);
    if (headClass === 'prisoners') {
      const measure = exchangeNear ? 'prisoners exchanged' : releaseNear ? 'prisoners released' : 'captured';
      return { measure, modifiers: np.modifiers, headClass, npEnd: np.headIndex + 1 };
    }
    if (headMeasure && !headClass) {
      return {
        measure: combineMeasure(tokens, np.headIndex, headMeasure),
        modifiers: np.modifiers,
        headClass: null,
        npEnd: np.headIndex + 1,
      };
    }
    if (headClass) {
      const verb = verbAfter(tokens, np.headIndex + 1);
      if (verb) {
        return {
          measure: combineMeasure(tokens, verb.index, verb.measure),
          modifiers: np.modifiers,
          headClass,
          npEnd: np.headIndex + 1,
        };
      }
      const verbBefore = tokens
        .slice(Math.max(0, first - 4), first)
        .map((_, k, window) => harmAt(tokens, first - window.length + k))
        .find((m) => m !== undefined);
      if (verbBefore && verbBefore !== 'casualties') {
        return { measure: verbBefore, modifiers: np.modifiers, headClass, npEnd: np.headIndex + 1 };
      }
      if (/\blives of\s*$/i.test(text.slice(0, mention.start))) {
        return { measure: 'killed', modifiers: np.modifiers, headClass, npEnd: np.headIndex + 1 };
      }
      if (exchangeNear && (headClass === 'soldiers' || headClass === 'people')) {
        return {
          measure: 'prisoners exchanged',
          modifiers: np.modifiers,
          headClass: 'prisoners',
          npEnd: np.headIndex + 1,
        };
      }
    }
    return null;
  }
  // "and injured 25, the agency said", "wounding 47 others": a harm verb with the number as its object.
  const verbBefore = harmAt(tokens, first - 1) ?? HARM_ING.get(tokens[first - 1]?.lower ?? '');
  const afterNumber = tokens[after];
  if (verbBefore && verbBefore !== 'casualties' && (!afterNumber || OBJECT_END.has(afterNumber.lower))) {
    return { measure: verbBefore, modifiers: [], headClass: null, npEnd: after };
  }
  // "put Ukrainian military deaths at up to 140,000": the harm noun phrase comes before "at".
  if (
    beforeWords.at(-1) === 'at' ||
    /\bat\s+(?:[a-z]+\s+){0,3}$/i.test(text.slice(Math.max(0, mention.start - 20), mention.start))
  ) {
    const atIndex = tokens.slice(0, first).findLastIndex((t) => t.lower === 'at');
    const window = tokens.slice(Math.max(0, atIndex - 8), atIndex);
    const cut = window.findLastIndex((t) => /^(?:put|puts|estimated|estimates|placed|pegged|set|,|;)$/.test(t.lower));
    const np2 = window.slice(cut + 1);
    const measureToken = [...np2].reverse().find((t) => measureOf(t.lower));
    if (measureToken) {
      const cls = np2.map((t) => PEOPLE_NOUNS.get(t.lower)).find((c) => c !== undefined) ?? null;
      return { measure: measureOf(measureToken.lower) ?? 'killed', modifiers: np2, headClass: cls, npEnd: atIndex };
    }
  }
  // "the death toll rose to 200"
  const tollWindow = tokens.slice(Math.max(0, first - 8), first).map((t) => t.lower);
  const toll = tollWindow.lastIndexOf('toll');
  if (toll >= 0) {
    return {
      measure: tollWindow[toll - 1] === 'death' || tollWindow.includes('death') ? 'killed' : TOLL,
      modifiers: [],
      headClass: null,
      npEnd: after,
    };
  }
  return null;
}

/** A percent change next to a harm noun: "a 31% increase in Ukrainian civilian casualties". */
function readPercent(tokens: Token[], mention: NumberMention, text: string): Reading | null {
  const window = text.slice(Math.max(0, mention.start - 60), Math.min(text.length, mention.end + 40));
  const up = CHANGE_UP.test(window);
  const down = CHANGE_DOWN.test(window);
  if (!up && !down) return null;
  const first = tokenIndexAt(tokens, mention.start);
  const after = tokenIndexAt(tokens, mention.end);
  const near = [...tokens.slice(Math.max(0, first - 8), first), ...tokens.slice(after, after + 8)];
  const harm = near.find((t) => measureOf(t.lower) && t.lower !== 'lost');
  if (!harm) return null;
  const harmIndex = tokens.indexOf(harm);
  const modifiers: Token[] = [];
  for (let i = harmIndex - 1; i >= 0 && modifiers.length < 3; i--) {
    const t = tokens[i];
    if (!t || !(NP_MODIFIERS.has(t.lower) || countryOf(t.text))) break;
    modifiers.unshift(t);
  }
  const direction = up && !down ? 'increase' : down && !up ? 'decrease' : 'change';
  return { measure: `${measureOf(harm.lower)} (% ${direction})`, modifiers, headClass: null, npEnd: harmIndex + 1 };
}

/* --------------------------------------------------------------- population */

/** A demonym or country word that names the counted people, not an attacker or an office. */
function victimCountry(tokens: Token[], i: number): string | null {
  const t = tokens[i];
  if (!t || !isCapitalized(t.text) || /'s$/.test(t.text)) return null;
  const c = countryOf(t.text);
  if (!c) return null;
  const next = tokens.slice(i + 1, i + 3).map((x) => x.lower);
  if (next.some((w) => ATTACK_NOUNS.has(w) || NAME_TITLES.has(w) || ROLE_NOUNS.has(w) || ORG_WORDS.has(w))) return null;
  if (next[0] && isCapitalized(tokens[i + 1]?.text ?? '')) return null;
  return c.demonym;
}

/** "Ukrainians" → Ukraine: a capitalized plural of a demonym. */
function demonymPlural(word: string): Country | undefined {
  if (!/^\p{Lu}\p{Ll}+s$/u.test(word)) return undefined;
  const c = countryOf(word.slice(0, -1));
  return c && c.demonym.toLowerCase() === word.slice(0, -1).toLowerCase() ? c : undefined;
}

function demonymOfModifiers(modifiers: Token[]): string | null {
  for (const m of modifiers) {
    const c = countryOf(m.text) ?? demonymPlural(m.text);
    if (c && !/'s$/.test(m.text)) return c.demonym;
  }
  const cap = modifiers.find((m) => isCapitalized(m.text) && !NAME_TITLES.has(m.lower));
  return cap ? cap.text.replace(/'s$/, '') : null;
}

function classOfModifiers(modifiers: Token[]): string | null {
  for (const m of modifiers) {
    const c = CLASS_MODIFIERS.get(m.lower);
    if (c) return c;
  }
  return null;
}

const SIDE = /\bon (?:the )?([A-Z][\w'.-]+) side\b/;
const BOTH = /\b(?:on|from|for) (?:both|each|all) sides?\b|\bboth sides'/i;

interface Population {
  demonym: string | null;
  both: boolean;
  cls: string | null;
}

function populationFromText(reading: Reading, mention: NumberMention, text: string): Population {
  let demonym = demonymOfModifiers(reading.modifiers);
  let both = reading.modifiers.some((m) => m.lower === 'total');
  const cls = reading.headClass ?? classOfModifiers(reading.modifiers);
  const rest = text.slice(mention.end);
  const side = SIDE.exec(rest);
  if (!demonym && side?.[1]) demonym = countryOf(side[1])?.demonym ?? side[1];
  if (!demonym && BOTH.test(rest)) both = true;
  if (!demonym && !both) {
    // "Russia suffered up to 325,000 troop deaths"
    const m = /\b([A-Z][\w.-]+)\s+(?:has |have |had )?(?:suffered|lost|sustained|recorded)\s+(?:[a-z]+\s+){0,3}$/.exec(
      text.slice(0, mention.start),
    );
    const c = m?.[1] ? countryOf(m[1]) : undefined;
    if (c) demonym = c.demonym;
  }
  return { demonym, both, cls };
}

/** For civilians: the country the sentence locates them in ("in the Ukrainian capital", "Mission in Ukraine"). */
function locatedCountry(tokens: Token[], mention: NumberMention): string | null {
  let best: { demonym: string; distance: number } | null = null;
  tokens.forEach((t, i) => {
    const d = victimCountry(tokens, i);
    if (!d) return;
    const prev = tokens[i - 1]?.lower;
    const prev2 = tokens[i - 2]?.lower;
    if (prev !== 'in' && prev2 !== 'in' && prev !== 'of' && prev2 !== 'of') return;
    const distance = Math.abs(t.start - mention.start);
    if (!best || distance < best.distance) best = { demonym: d, distance };
  });
  return (best as { demonym: string } | null)?.demonym ?? null;
}

const CONTEXT_CLASS: [RegExp, string][] = [
  [/\b(?:battlefield|military|troops?|soldiers|servicemen|combat)\b/i, 'soldiers'],
  [/\bcivilians?\b/i, 'civilians'],
];

function classFromContext(text: string): string | null {
  const found = CONTEXT_CLASS.filter(([re]) => re.test(text)).map(([, c]) => c);
  return found.length === 1 ? (found[0] ?? null) : null;
}

const CLASS_LABEL: Record<string, string> = {
  soldiers: 'soldiers',
  civilians: 'civilians',
  children: 'children',
  people: 'people',
  prisoners: 'prisoners',
};

/** "Ukrainian soldiers", "both sides (military)", "Ukrainian civilians", "civilians". */
export function populationLabel(p: Population): string {
  const cls = p.cls ? (CLASS_LABEL[p.cls] ?? p.cls) : null;
  if (p.both) return cls ? `both sides (${cls === 'soldiers' ? 'military' : cls})` : 'both sides';
  if (p.demonym) return cls ? `${p.demonym} ${cls}` : `${p.demonym} (unspecified)`;
  return cls ?? 'people';
}

/**
 * The population with the incident it belongs to: "Ukrainian civilians (attack in Kharkiv, 2026-01-24)",
 * "both sides (prisoners) (exchange, 2025-07-23)". War totals and period counts keep the plain label.
 */
export function incidentLabel(base: string, incident: IncidentReading): string {
  if (incident.scope !== 'incident' || !incident.kind) return base;
  if (incident.kind === 'exchange') return incident.date ? `${base} (exchange, ${incident.date})` : base;
  const where = incident.place ? ` in ${incident.place}` : '';
  return `${base} (${incident.kind}${where}, ${incident.date ?? 'date not stated'})`;
}

/* --------------------------------------------------------------- one article */

/**
 * Settles the incidents of one article once all its figures are read: a count with no place of its
 * own ("five people were wounded in the capital") belongs to the one place the article's other
 * counts of that day name; with two or more places it stands on its own.
 */
export function settleArticle(figures: RawFigure[]): void {
  const placed = new Map<string, RawFigure[]>();
  for (const f of figures) {
    if (f.scope !== 'incident' || f.incident.kind === 'exchange' || !f.incident.place) continue;
    const key = f.incident.date ?? '';
    const list = placed.get(key) ?? [];
    list.push(f);
    placed.set(key, list);
  }
  const dayApart = (a: string | null, b: string | null) =>
    !!a && !!b && a.length === 10 && b.length === 10 && Math.abs(Date.parse(a) - Date.parse(b)) <= 86_400_000;
  const family = (m: string) => m.replace(/ \(%.*\)$/, '');
  for (const f of figures) {
    if (f.scope !== 'incident' || f.incident.kind === 'exchange' || f.incident.place) continue;
    let siblings = placed.get(f.incident.date ?? '') ?? [];
    // A day read from the publication or from an update may be the day after the event's.
    if (f.incident.implied) {
      siblings = [...placed.values()]
        .flat()
        .filter((x) => x.incident.date === f.incident.date || dayApart(x.incident.date, f.incident.date));
    }
    // Counts of the same harm first: "12 were killed … the toll rose to 14".
    const sameMeasure = siblings.filter((x) => family(x.measure) === family(f.measure));
    // A toll without a place of its own ("the night's toll") joins a place only when it is the one counted that way.
    // (never one its own sentence sums up: "six in Velmar and three in Ostrava; the night's toll stood at nine").
    if (f.incident.aggregate) siblings = sameMeasure.filter((x) => x.sentence !== f.sentence);
    else if (sameMeasure.length) siblings = sameMeasure;
    const places = new Set(siblings.map((x) => x.incident.place));
    const sibling = siblings.find((x) => x.cls === f.cls) ?? siblings[0];
    if (places.size !== 1 || !sibling) continue;
    f.incident = {
      ...f.incident,
      place: sibling.incident.place,
      kind: f.incident.kind === 'attack' ? 'attack' : sibling.incident.kind,
    };
    if (!f.demonym && !f.both && sibling.demonym) {
      f.demonym = sibling.demonym;
      f.basePopulation = populationLabel({ demonym: f.demonym, both: f.both, cls: f.cls });
    }
    f.population = incidentLabel(f.basePopulation, f.incident);
  }
  // One incident has one kind: an "incident" in the same place and day as an "attack" is that attack.
  for (const f of figures) {
    if (f.scope !== 'incident' || f.incident.kind !== 'incident' || !f.incident.place) continue;
    const attack = figures.find(
      (x) =>
        x.incident.kind === 'attack' && x.incident.place === f.incident.place && x.incident.date === f.incident.date,
    );
    if (!attack) continue;
    f.incident = { ...f.incident, kind: 'attack' };
    f.population = incidentLabel(f.basePopulation, f.incident);
  }
}

/* --------------------------------------------------------------- as-of dates */

/** The date a figure holds at: an end date ("through last December") beats a statement date; start dates never count. */
export function asOfFor(dates: DateMention[], mention: NumberMention): string | null {
  let best: { iso: string; score: number } | null = null;
  for (const d of dates) {
    if (!d.iso || d.role === 'start' || d.role === 'compare') continue;
    if (d.start < mention.end && d.end > mention.start) continue;
    // A count holds as of the day it was given ("said on Monday") as much as of any other date it names.
    const priority = d.role === 'end' ? 3 : d.role === 'other' || d.role === 'said' ? 2 : 1;
    const distance = d.start >= mention.end ? d.start - mention.end : mention.start - d.end;
    const score = priority * 1000 - distance;
    if (!best || score > best.score) best = { iso: d.iso, score };
  }
  return best?.iso ?? null;
}

/* --------------------------------------------------------------- one sentence */

export interface SentenceInput {
  source: string;
  index: number;
  /** Plain text (see `plain`) of the corrected sentence. */
  text: string;
  /** The verbatim sentence, for the quote. */
  quote: string;
  tokens: Token[];
  attributions: readonly Attribution[];
  published: string | null;
  /** Named entities of the sentence (for the place of an incident). */
  entities?: Entity[];
  /** The sentence's dates, from the annotation (read only for sentences with a figure). */
  dates?: () => DateMention[];
  /** Paragraph of the sentence, and the time stamp of its entry in a live blog ("08:55"). */
  paragraph?: number;
  stamp?: string | null;
  /** `countableNumbers(text)`, when the caller has read them already. */
  numbers?: NumberMention[];
}

/** Casualty figures in one sentence; `memory` holds the article's earlier figures and is extended. */
export function figuresInSentence(input: SentenceInput, memory: FigureMemory): RawFigure[] {
  const { text } = input;
  const mentions = input.numbers ?? countableNumbers(text);
  if (mentions.length === 0) return [];
  const { tokens } = input;
  // Dates are read only for sentences that have a figure: most sentences have none.
  let dates: DateMention[] | null = null;
  const out: RawFigure[] = [];
  for (const mention of mentions) {
    const reading = mention.percent ? readPercent(tokens, mention, text) : readCount(tokens, mention, text);
    if (!reading) continue;
    // "aims to inflict 50,000 casualties a month": an aim or a threat, not a count of what happened;
    // "300 prisoners are expected to be exchanged": a plan.
    if (INTENT_BEFORE.test(text.slice(Math.max(0, mention.start - 60), mention.start))) continue;
    if (EXPECTED_AFTER.test(text.slice(mention.end, mention.end + 60))) continue;
    if (mention.yearLike && !reading.headClass) continue;
    const attribution = attributionFor(input.attributions, mention.numberStart);
    const claimant = attribution?.name ?? null;
    const pop = populationFromText(reading, mention, text);
    const sameSentence = out.at(-1);
    const sameClaimant = [...memory.figures].reverse().find((f) => f.claimant !== null && f.claimant === claimant);
    if (!pop.cls) pop.cls = sameSentence?.cls ?? classFromContext(text) ?? sameClaimant?.cls ?? null;
    if (!pop.demonym && !pop.both && sameSentence) {
      pop.demonym = sameSentence.demonym;
      pop.both = sameSentence.both;
    }
    if (!pop.demonym && !pop.both && (pop.cls === 'civilians' || pop.cls === 'people' || pop.cls === 'children')) {
      pop.demonym = locatedCountry(tokens, mention);
    }
    if (!pop.demonym && !pop.both && sameClaimant && (sameClaimant.cls === pop.cls || !sameClaimant.both)) {
      pop.demonym = sameClaimant.demonym;
      pop.both = sameClaimant.both;
    }
    // An exchange is between two sides.
    if (reading.measure === 'prisoners exchanged' && !pop.demonym) pop.both = true;
    if (pop.cls === 'people' && !/\b(?:soldiers?|troops|military|fighters)\b/i.test(text)) pop.cls = 'civilians';
    dates ??= input.dates ? input.dates() : findDates(text, input.published);
    const asOf = asOfFor(dates, mention) ?? (SAME_PERIOD.test(text) ? (sameClaimant?.asOf ?? null) : null);
    // "The toll rose to 14": the measure of the article's last count before it, else casualties.
    if (reading.measure === TOLL) {
      const last = [...memory.figures].reverse().find((f) => !f.percent);
      reading.measure = last && !/prisoners|captured/.test(last.measure) ? last.measure : 'casualties';
      if (!pop.cls && last) pop.cls = last.cls;
      if (!pop.demonym && !pop.both && last) {
        pop.demonym = last.demonym;
        pop.both = last.both;
      }
    }
    const exchange = reading.measure === 'prisoners exchanged' || reading.measure === 'prisoners released';
    const incident: IncidentReading = mention.percent
      ? { scope: 'period', kind: null, place: null, local: false, date: asOf }
      : readIncident(text, mention.numberStart, {
          dates,
          entities: input.entities ?? [],
          asOf,
          published: input.published,
          exchange,
          stamped: Boolean(input.stamp),
        });
    // Victims of an attack on a city are of its country ("three people were injured in Kyiv").
    if (incident.place && !pop.demonym && !pop.both && pop.cls !== 'soldiers') {
      pop.demonym = countryOf(incident.place)?.demonym ?? null;
    }
    const basePopulation = populationLabel(pop);
    const figure: RawFigure = {
      source: input.source,
      sentence: input.index,
      position: mention.numberStart,
      population: incidentLabel(basePopulation, incident),
      basePopulation,
      scope: incident.scope,
      incident,
      paragraph: input.paragraph ?? 0,
      reportedAt: `${input.published ?? ''}T${input.stamp ?? ''}`,
      reportOrder: reportOrder(text, mention.numberStart),
      demonym: pop.demonym,
      both: pop.both,
      cls: pop.cls,
      measure: reading.measure,
      low: mention.low,
      high: mention.high,
      value: mention.value,
      value2: mention.value2,
      qualifier: mention.qualifier,
      text: mention.text,
      percent: mention.percent,
      claimant,
      claimantExplicit: attribution !== null && isExplicit(attribution),
      asOf: incident.scope !== 'war' && incident.date ? incident.date : asOf,
      quote: input.quote,
    };
    out.push(figure);
    memory.figures.push(figure);
  }
  return out;
}
