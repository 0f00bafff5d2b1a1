/**
 * What a casualty figure counts beyond who and how: the incident it belongs to. News text gives three
 * kinds of count, and only counts of the same thing can disagree:
 * - a war total: "55,000 soldiers have been killed since the invasion began" (scope `war`);
 * - a period count: "2,088 civilians were killed in 2024", "in December alone, 150" (scope `period`);
 * - an incident: "the overnight drone attack on Kharkiv wounded 19 people", "three people were injured in
 *   Kyiv" (scope `incident`), identified by what happened, where and when.
 * The clause the figure stands in decides: its event noun (attack, strike, shelling, exchange …), the
 * place named after a locative preposition, the date, and the words that make a count cumulative or
 * a period's. A later report of the same incident updates it; `reportOrder` reads "first reports had
 * put …", "an earlier update …" (before) and "now say", "rose to" (after).
 */
import type { DateMention } from '../nlp/dates.js';
import type { Entity } from '../nlp/entities.js';
import { countryOf } from './lexicon.js';

export type Scope = 'war' | 'period' | 'incident';

export interface IncidentReading {
  scope: Scope;
  /** For incidents: "attack" when an attack noun names it, else "incident"; "exchange" for prisoner swaps. */
  kind: 'attack' | 'incident' | 'exchange' | null;
  /** The place the clause names for it ("Kharkiv"), or null. */
  place: string | null;
  /** The place is a generic local one ("in the capital", "in the city"): the article's own place. */
  local: boolean;
  /** The event's date (incident) or the period counted (period), as precise as the text. */
  date: string | null;
  /** A toll or total over several places: never given the place of another count. */
  aggregate?: boolean;
  /** The day is the publication's, not written: the event may be of the day before ("overnight"). */
  implied?: boolean;
}

/** Where a clause ends: a semicolon, a dash between spaces, or a contrasting conjunction after a comma. */
const CLAUSE_BREAK = /;|\s[—–]\s|,\s+(?:while|whereas|but|although|though)\s/g;

/** The clause of `text` around offset `at`. */
export function clauseAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const i = m.index ?? 0;
    if (i + m[0].length <= at) start = i + m[0].length;
    else if (i >= at) {
      end = i;
      break;
    }
  }
  return { start, end };
}

function pieceAround(text: string, at: number, start: number, end: number): { start: number; end: number } {
  const before = text.slice(start, at);
  const cut = before.lastIndexOf(', ');
  const after = text.slice(at, end).indexOf(', ');
  return { start: cut >= 0 ? start + cut + 2 : start, end: after >= 0 ? at + after : end };
}

/** Nouns that name one violent event or its weapons (English news vocabulary, not a story's). */
const EVENT_NOUN =
  /\b(?:attacks?|strikes?|airstrikes?|air strikes?|shelling|bombings?|bombs?|bombardments?|barrages?|raids?|explosions?|blasts?|assaults?|shootings?|ambush(?:es)?|missiles?|drones?|rockets?|crash(?:es)?|derailments?|fire)\b/i;
/** The same nouns in the singular: one event, even when dated only by month ("a strike in November"). */
const SINGLE_EVENT =
  /\b(?:an?|the|that|this|one|same|single)\s+(?:\w+[\s-]+){0,3}?(?:attack|strike|airstrike|shelling|bombing|bombardment|barrage|raid|explosion|blast|assault|shooting|ambush|crash|derailment)\b/i;
/**
 * Times that put a count on one night. (A weekday is not one: "briefing the council on Monday" dates a
 * statement, not an event.)
 */
const EVENT_TIME = /\b(?:overnight|last night|in the early hours|the night's)\b/i;
/** Dates read from the publication day rather than written: a written date says more. */
const IMPLIED_DATE = /^(?:overnight|today|tonight|this morning|last night)$/i;
/** Words that make a count cumulative: everything so far. */
const CUMULATIVE = /\b(?:since|so far|to date|in total|all told|overall|began|start of|throughout|through)\b/i;
/** A count for the whole war, when no period is named: "the war has killed …", "lost in the invasion". */
const WAR = /\b(?:war|invasion|conflict|fighting|battlefield)\b/i;
/** A sum over a time or over everything: "the night's toll", "in total", "overall". */
const SUM_OVER = /\b(?:night's|day's|weekend's|week's)\s+toll\b|\b(?:total|overall|altogether|in all)\b/i;
/** Words that sum counts up: "the night's toll", "a total of". */
const AGGREGATE = /\b(?:toll|total|overall|altogether|in all)\b/i;
/** A generic local place: the article's city or region. */
const LOCAL_PLACE =
  /\b(?:in|on|across|around|near)\s+the\s+(?:\w+\s+)?(?:capital|city|town|village|region|area|district)\b/i;
const SAID_ON =
  /\b(?:said|says|wrote|writes|posted|posts|told \w+|announced|reported|added|published)\s+(?:in an? (?:post|statement|video|message|interview)\s+)?(?:on|in)\s+(?:the\s+|his\s+|her\s+|its\s+)?$/i;
const LOCATIVE = /\b(?:in|on|at|near|across|around|over|outside|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$/i;

function placeIn(text: string, from: number, to: number, entities: readonly Entity[]): string | null {
  let best: string | null = null;
  for (const e of entities) {
    if (e.start < from || e.end > to) continue;
    if (e.kind !== 'place' && e.kind !== 'other') continue;
    const before = text.slice(Math.max(from, e.start - 30), e.start);
    // "Kharkiv: regional governor …" opens an entry about the place.
    const heading = e.start === from && /^\s*:/.test(text.slice(e.end, e.end + 2));
    if (!heading && !LOCATIVE.test(before)) continue;
    // "said on Telegram", "wrote on X": where something was said, not where it happened.
    if (SAID_ON.test(before)) continue;
    const written = e.text.replace(/'s$/, '');
    const c = countryOf(written);
    // A country names where a war is fought, not where one attack hit ("in Ukraine"); its capital is a place.
    if (c && (c.name.toLowerCase() === written.toLowerCase() || c.demonym.toLowerCase() === written.toLowerCase())) {
      continue;
    }
    best ??= written;
  }
  return best;
}

function precision(iso: string | null): number {
  return iso ? iso.split('-').length : 0;
}

/**
 * The scope of a figure at `at` in `text`. `dates` are the sentence's dates; `asOf` the figure's date
 * as read for the whole sentence; `published` the article's day; `exchange` says the figure counts
 * prisoners handed over.
 */
/** The most precise date of `dates` within [from, to) that can date a count (not a start or a comparison). */
function bestDateIn(dates: readonly DateMention[], from: number, to: number): DateMention | undefined {
  return dates
    .filter((d) => d.start >= from && d.end <= to && d.iso && d.role !== 'start' && d.role !== 'compare')
    .sort(
      (a, b) =>
        precision(b.iso) - precision(a.iso) || Number(IMPLIED_DATE.test(a.text)) - Number(IMPLIED_DATE.test(b.text)),
    )[0];
}

/**
 * A date counts the figure's period when it stands in the figure's own piece, or sets the period of
 * the whole clause ("In December alone, …", "During 2024, …"); "In February 2025, he said …" dates a statement.
 */
function isPeriodDate(text: string, piece: { start: number; end: number }, d: DateMention): boolean {
  return (
    (d.start >= piece.start && d.end <= piece.end) ||
    /^\s*alone\b/i.test(text.slice(d.end, d.end + 8)) ||
    /\b(?:during|throughout|over)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, d.start - 16), d.start))
  );
}

/** What happened and where in text[from, to): the place, a local place word, an attack or another event, the war. */
function evidenceIn(text: string, entities: readonly Entity[], from: number, to: number): Evidence {
  const part = text.slice(from, to);
  const place = placeIn(text, from, to, entities);
  const attack = EVENT_NOUN.test(part);
  const war = WAR.test(part);
  // One night or one event named in the singular: read once, and only where it decides something (an
  // attack noun makes an event already, and only a war word needs ruling out; SINGLE_EVENT is the costliest).
  const oneEvent = (!attack || war) && (EVENT_TIME.test(part) || SINGLE_EVENT.test(part));
  return {
    place,
    local: !place && LOCAL_PLACE.test(part),
    attack,
    // A toll that rose, or the first reports of one, counts one event as it is updated.
    event: attack || oneEvent || EARLIER.test(part) || TOLL_ROSE.test(part),
    war: war && !oneEvent,
  };
}

interface Evidence {
  place: string | null;
  local: boolean;
  attack: boolean;
  event: boolean;
  war: boolean;
}

/**
 * The evidence of the last sentence read as a whole: a sentence's figures are read one after the other, and
 * its whole-sentence evidence is the same for each (read-only: callers copy it before changing anything).
 */
let lastWhole: { text: string; entities: readonly Entity[]; evidence: Evidence } | null = null;

function wholeEvidence(text: string, entities: readonly Entity[]): Evidence {
  if (lastWhole?.text !== text || lastWhole.entities !== entities) {
    lastWhole = { text, entities, evidence: evidenceIn(text, entities, 0, text.length) };
  }
  return lastWhole.evidence;
}

export function readIncident(
  text: string,
  at: number,
  opts: {
    dates: readonly DateMention[];
    entities: readonly Entity[];
    asOf: string | null;
    published: string | null;
    exchange: boolean;
    /** The entry has a time stamp (a live blog): what it reports happened on its day. */
    stamped: boolean;
  },
): IncidentReading {
  const clause = clauseAround(text, at);
  // The comma-delimited piece of the clause holding the figure: "since 2022" in "…, making 2025 the
  // deadliest year since 2022" does not make the count before it cumulative.
  const piece = pieceAround(text, at, clause.start, clause.end);
  let impliedDay = true;
  const pieceBest = bestDateIn(opts.dates, piece.start, piece.end);
  if (pieceBest) impliedDay = IMPLIED_DATE.test(pieceBest.text);
  const pieceDate = pieceBest?.iso ?? null;
  let clauseDate = pieceDate;
  if (
    clauseDate === null &&
    opts.dates.some((d) => d.start >= clause.start && d.end <= clause.end && d.iso && isPeriodDate(text, piece, d))
  ) {
    const best = bestDateIn(opts.dates, clause.start, clause.end);
    if (best) impliedDay = IMPLIED_DATE.test(best.text);
    clauseDate = best?.iso ?? null;
  }
  let date = clauseDate ?? opts.asOf;
  // "up from 22 killed a year earlier": the year before the one the sentence names.
  if (
    !pieceDate &&
    date &&
    /^\d{4}/.test(date) &&
    /\ba year (?:earlier|before)\b/i.test(text.slice(piece.start, piece.end))
  ) {
    date = String(Number(date.slice(0, 4)) - 1);
  }
  const war: IncidentReading = { scope: 'war', kind: null, place: null, local: false, date: null };
  const pieceText = text.slice(piece.start, piece.end);
  const clauseText = text.slice(clause.start, clause.end);
  if (opts.exchange) {
    const place = placeIn(text, clause.start, clause.end, opts.entities);
    return { scope: 'incident', kind: 'exchange', place, local: false, date: precision(date) === 3 ? date : null };
  }
  if (CUMULATIVE.test(pieceText) && !SINGLE_EVENT.test(clauseText)) return war;
  // A count for a year or a month ("in 2024", "in December alone", "last year") is that period's, unless
  // the clause names one event ("a strike on Ternopil in November").
  if (clauseDate && precision(clauseDate) < 3 && !SINGLE_EVENT.test(clauseText)) {
    return { scope: 'period', kind: null, place: null, local: false, date: date ?? clauseDate };
  }
  // What happened and where: in the figure's clause, else in the rest of its sentence ("The same attack
  // killed four people in Kyiv; an earlier update had put the number of injured at 19").
  let found = evidenceIn(text, opts.entities, clause.start, clause.end);
  const whole = wholeEvidence(text, opts.entities);
  if (!found.event && !found.place && !found.local && !WAR.test(pieceText) && !whole.war) found = whole;
  // A toll or total sums up several places ("put the night's toll at …"): it is of none of them.
  // A toll being updated ("first reports had put the toll at five", "the toll rose to 14") is the incident's own.
  const aggregate =
    !placeIn(text, piece.start, piece.end, opts.entities) &&
    (SUM_OVER.test(pieceText) ||
      (AGGREGATE.test(pieceText) && !EARLIER.test(clauseText) && !TOLL_ROSE.test(clauseText)));
  if (aggregate) found = { ...found, place: null, local: false };
  // A clause without a place of its own is about the place its sentence names.
  else if (!found.place && !found.local && whole.place) found = { ...found, place: whole.place };
  if (WAR.test(pieceText) && !found.event) return war;
  if (!(found.event || found.place || found.local || opts.stamped)) return war;
  // Attacks counted over a year or a month ("drone attacks killed 57 in 2025") are that period's count.
  if (date && precision(date) < 3 && !SINGLE_EVENT.test(clauseText) && !EVENT_TIME.test(clauseText)) {
    return { scope: 'period', kind: null, place: null, local: false, date };
  }
  const day = precision(date) === 3 ? date : precision(date) === 0 ? opts.published : date;
  return {
    scope: 'incident',
    kind: found.attack || whole.attack ? 'attack' : 'incident',
    place: found.place,
    local: found.local,
    aggregate,
    date: day,
    // "Overnight" or no date at all: the publication's day, which may be the day after the event.
    // …and so is the day of an update or an earlier count: it may be the day it was reported.
    implied:
      precision(date) !== 3 ||
      (clauseDate === null && opts.asOf === null) ||
      (clauseDate !== null && impliedDay) ||
      EARLIER.test(clauseText) ||
      LATER.test(clauseText),
  };
}

/** A toll that grew: "the toll rose to 14", "the death toll has risen to nine". */
const TOLL_ROSE = /\btoll\b[^,;]{0,40}?\b(?:rose|risen|climbed|increased|jumped|reached)\b/i;

const EARLIER =
  /\b(?:(?:first|initial|early|earlier|previous|preliminary)\s+(?:reports?|counts?|updates?|figures?|estimates?|tolls?|tallies)|initially|at first)\b|\bhad\s+(?:earlier\s+|initially\s+|first\s+)?(?:put|given|reported|said)\b/i;
const LATER = /\b(?:now|later|risen|rose|climbed|updated|revised|latest|final)\b/i;

/** Whether the clause reports an earlier (−1) or later (+1) count than the rest of its article, or neither (0). */
export function reportOrder(text: string, at: number): -1 | 0 | 1 {
  const { start, end } = clauseAround(text, at);
  const clause = text.slice(start, end);
  if (EARLIER.test(clause)) return -1;
  if (LATER.test(clause)) return 1;
  return 0;
}

/**
 * A live-blog entry's stamp at the start of its paragraph: a clock time then a dash ("08:55 — …"), a zone
 * ("09:10 GMT — …", "08:55 local time …"), a zone named by a word and "time" then a dash or colon
 * ("14:40 Lisbon time — …", "14:40 Eastern Time: …"), or a time in brackets ("[14:40] …", "[14:40 CET] …").
 */
const TIME_STAMP =
  /^\s*(?:\[\s*(\d{1,2}):(\d{2})(?:\s+[^\]\n]{1,24})?\s*\]|(\d{1,2}):(\d{2})\s*(?:[—–-]|GMT|UTC|local|(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}[Tt]ime\s*[—–:-]|\p{Lu}{2,5}\s*[—–-]))/u;

/** The time stamp of a live-blog entry (see TIME_STAMP), as HH:MM, or null. */
export function timeStamp(paragraphStart: string): string | null {
  const m = TIME_STAMP.exec(paragraphStart);
  if (!m) return null;
  const hours = m[1] ?? m[3];
  const minutes = m[2] ?? m[4];
  if (hours === undefined || minutes === undefined) return null;
  const h = Number(hours);
  const min = Number(minutes);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${minutes}` : null;
}
