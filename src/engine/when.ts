import { MONTHS } from '../extract/lexicon.js';
import { sentenceDateMentions } from '../nlp/annotate.js';
import { findDates, type NarrativeShift, narrativeShift } from '../nlp/dates.js';
import { plain } from '../nlp/tokens.js';
import type { Sentence } from '../types.js';
import type { DateConstraint } from './analyze.js';
import type { Retriever } from './retrieval.js';
import { type Slot, tokenSpan } from './slots.js';
import type { Token } from './text.js';

/**
 * When a sentence's events happen, as far as the text says: the calendar dates it names, resolved against
 * the article's publication date ("on Tuesday", "last Friday", "overnight"); a sentence that names none
 * takes the dates of the sentence before it in the same paragraph ("The same attack…"), else the
 * publication date itself (news reports what happened that day or the night before).
 */
export interface EventDate {
  year: number;
  /** 1–12, or null when only the year is known. */
  month: number | null;
  day: number | null;
  /** Where a count starts ("since February 2022"), not when something happened. */
  since?: boolean;
}

export interface SentenceDates {
  dates: EventDate[];
  /** True when the dates are the publication date's, not the text's. */
  implied: boolean;
}

/** A question date is met by a day this close (news says "overnight into Tuesday" for Monday night). */
const DAY_SLACK = 1;
/** A sentence dated a day either side of the question's day weighs this share of one dated that day. */
export const NEXT_DAY_FIT = 0.85;
/** How much a sentence whose dates contradict the question's date weighs against one that fits. */
export const DATE_MISMATCH = 0.25;
/** …and one whose only date is its article's publication date. */
export const DATE_UNSTATED_MISMATCH = 0.6;

const DAY_MS = 86_400_000;
const cache = new WeakMap<Retriever, Map<number, EventDate[]>>();

function published(r: Retriever, s: Sentence): Date | null {
  const p = r.corpus.byId.get(s.source)?.meta.published;
  return p ? new Date(`${p}T12:00:00Z`) : null;
}

/** An ISO prefix of the date reader ("2026-02-03", "2026-02", "2026") as an event date. */
function fromIso(iso: string): EventDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y ?? 0, month: m ?? null, day: d ?? null };
}

/**
 * The dates a sentence's own text names, as the one date reader reads them (src/nlp/dates.ts): not when
 * something was said ("…, the UN said on Monday") or published, only when it happened or will.
 */
function ownDates(r: Retriever, s: Sentence): EventDate[] {
  let byOrdinal = cache.get(r);
  if (!byOrdinal) {
    byOrdinal = new Map();
    cache.set(r, byOrdinal);
  }
  const hit = byOrdinal.get(s.ordinal);
  if (hit) return hit;
  const out: EventDate[] = [];
  // Under a dateline ("TUESDAY.", "Monday, March 9"), "on Wednesday" is the Wednesday after that day.
  const line = datelineOf(r, s);
  const day = line?.[0];
  const reference =
    day?.month != null && day.day !== null
      ? `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`
      : (r.corpus.byId.get(s.source)?.meta.published ?? null);
  const mentions = sentenceDateMentions(s, reference);
  // "since the flood began, through last May": the end of a count that began earlier.
  const counted = mentions.some((d) => d.role === 'start');
  for (const d of mentions) {
    // Not when it happened: when it was said or published, what it is compared with ("fewer than in
    // December"), or where a count starts ("since February 2022").
    if (!d.iso || d.role === 'said' || d.role === 'report' || d.role === 'compare') continue;
    // A count since a date spans from then to the report (or to the date ending it): it is a count in no
    // one month or year.
    const since = d.role === 'start' || (d.role === 'end' && counted);
    const event = since ? { ...fromIso(d.iso), since: true } : fromIso(d.iso);
    if (!out.some((o) => o.year === event.year && o.month === event.month && o.day === event.day)) out.push(event);
  }
  byOrdinal.set(s.ordinal, out);
  return out;
}

function toEvent(d: Date): EventDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** At most this many words make a line that only dates its paragraph ("MONDAY.", "Saturday, February 7, 2026"). */
const DATELINE_WORDS = 4;

/**
 * The day a paragraph is dated by its opening line, when that line is only a day ("MONDAY.", "Tuesday,
 * March 10"), as a week in review, a diary or a live page date their entries; null otherwise and for that
 * line itself.
 */
function datelineOf(r: Retriever, s: Sentence): EventDate[] | null {
  const article = r.corpus.byId.get(s.source);
  if (!article) return null;
  let i = s.index;
  while (i > 0 && article.sentences[i - 1]?.paragraph === s.paragraph) i--;
  const first = article.sentences[i];
  if (!first || first === s || first.text.split(/\s+/).length > DATELINE_WORDS) return null;
  const dates = ownDates(r, first);
  return dates.length === 1 && dates[0]?.day !== null ? dates : null;
}

/** How many sentences back, within its paragraph, a sentence with no date of its own takes one from. */
const INHERIT_REACH = 3;

export function sentenceDates(r: Retriever, s: Sentence): SentenceDates {
  const own = ownDates(r, s);
  if (own.length > 0) return { dates: own, implied: false };
  const article = r.corpus.byId.get(s.source);
  // Under a dateline, a sentence with no date of its own happened that day.
  const line = datelineOf(r, s);
  if (line) return { dates: line, implied: false };
  // "On Friday, drones hit the port … The same attack injured 25 … Nearly 600 homes lost
  // heating.": each takes the date of the nearest sentence before it in the paragraph that has one.
  for (let i = s.index - 1; i >= Math.max(0, s.index - INHERIT_REACH); i--) {
    const before = article?.sentences[i];
    if (!before || before.paragraph !== s.paragraph || before.boilerplate) break;
    // "… most of whom had sailed on the line since 2019. The eldest was 70": where a count starts is no
    // time of the sentences after it.
    const inherited = ownDates(r, before).filter((d) => !d.since);
    if (inherited.length === 0) continue;
    // "… closed in March 2024. The following month the line reopened": April 2024.
    const shift = narrativeShift(s.text);
    return { dates: shift ? inherited.map((d) => shifted(d, shift)) : inherited, implied: false };
  }
  const ref = published(r, s);
  return { dates: ref ? [toEvent(ref)] : [], implied: true };
}

/** An event date moved on (or back) by a narrative shift, only as precisely as the date was known. */
function shifted(d: EventDate, by: NarrativeShift): EventDate {
  if (by.unit === 'year') return { ...d, year: d.year + by.n };
  if (d.month === null) return d;
  if (by.unit === 'month') {
    const months = d.year * 12 + (d.month - 1) + by.n;
    return { ...d, year: Math.floor(months / 12), month: (months % 12) + 1, day: null };
  }
  if (d.day === null) return d;
  const moved = new Date(Date.UTC(d.year, d.month - 1, d.day + by.n * (by.unit === 'week' ? 7 : 1)));
  return { ...d, ...toEvent(moved) };
}

function fits(q: DateConstraint, d: EventDate, implied: boolean, slack = DAY_SLACK): boolean {
  if (d.since) return false;
  if (q.year !== null && d.year !== q.year) return false;
  if (q.month === null) return true;
  if (d.month === null) return q.year !== null && !implied;
  if (q.day === null) return d.month === q.month;
  if (d.day === null) return d.month === q.month;
  const year = q.year ?? d.year;
  const gap = (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(year, q.month - 1, q.day)) / DAY_MS;
  // A report is published on the day of the event or after it.
  return implied ? gap >= 0 && gap <= slack : Math.abs(gap) <= slack;
}

/** 1 when the sentence's dates fit the question's date, less when they do not (never a veto). */
export function dateFit(r: Retriever, q: DateConstraint, s: Sentence): number {
  if (q.asOf) return reportedBy(r, q, s);
  const { dates, implied } = sentenceDates(r, s);
  if (dates.length === 0) return DATE_UNSTATED_MISMATCH;
  if (dates.some((d) => fits(q, d, implied, 0))) return 1;
  // A day either side still fits (a night reported under the next day's date), below the day itself.
  if (dates.some((d) => fits(q, d, implied))) return NEXT_DAY_FIT;
  return implied ? DATE_UNSTATED_MISMATCH : DATE_MISMATCH;
}

/** How long before an "as of" date a report still tells how things stood then. */
const AS_OF_DAYS = 7;

/** "As of January 30": a report published on that day or in the week before it says how things stood. */
function reportedBy(r: Retriever, q: DateConstraint, s: Sentence): number {
  const p = published(r, s);
  if (!p || q.month === null || q.day === null) return 1;
  const at = Date.UTC(q.year ?? p.getUTCFullYear(), q.month - 1, q.day, 12);
  const gap = (at - p.getTime()) / DAY_MS;
  return gap >= 0 && gap <= AS_OF_DAYS ? 1 : DATE_UNSTATED_MISMATCH;
}

/**
 * A date as written with the calendar date it resolves to, in words, where the text does not already give
 * it: "on Friday (January 30, 2026)", "last month (January 2026)"; "on February 3" gains only its year.
 */
export function withCalendarDate(written: string, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const lower = month ? MONTHS[month - 1] : undefined;
  const name = lower ? lower[0]?.toUpperCase() + lower.slice(1) : undefined;
  if (!year || !name) return written.includes(iso) ? written : `${written} (${iso})`;
  const calendar = day ? `${name} ${day}, ${year}` : `${name} ${year}`;
  if (written === iso) return calendar;
  const namesMonth = new RegExp(`\\b${name.slice(0, 3)}`, 'i').test(written);
  if (namesMonth) return /\b\d{4}\b/.test(written) ? written : `${written}, ${year}`;
  return `${written} (${calendar})`;
}

/**
 * Answer slots for "when" questions, read by the one date reader: every date the sentence names, as
 * precise as the text and resolved as /casualties and /talks resolve it ("on Friday (January 30, 2026)").
 * Meant to replace the chrono reading in slots.ts (`dateSlots`), which resolves a weekday to the closest
 * one rather than the most recent.
 */
export function annotatedDateSlots(text: string, tokens: readonly Token[], published: string | null): Slot[] {
  const out: Slot[] = [];
  const flat = plain(text);
  for (const d of findDates(flat, published)) {
    if (!d.iso) continue;
    // A day is answered with its preposition: "on Sunday", "on February 3".
    const on = d.iso.length === 10 ? /\bon\s+$/i.exec(flat.slice(Math.max(0, d.start - 4), d.start)) : null;
    // A span of days is answered whole: "20–21 March", "January 23-24".
    const before =
      d.iso.length === 10 ? /\b(\d{1,2})\s*[–-]\s*$/.exec(flat.slice(Math.max(0, d.start - 6), d.start)) : null;
    const after = d.iso.length === 10 ? /^\s*[–-]\s*(\d{1,2})\b(?!\s*[:.]\d)/.exec(flat.slice(d.end)) : null;
    const start = before ? d.start - before[0].length : on ? d.start - on[0].length : d.start;
    const end = after && /\d$/.test(d.text) ? d.end + after[0].length : d.end;
    const { first, last } = tokenSpan(tokens, start, end);
    const written = text.slice(start, end);
    out.push({
      first,
      last,
      key: `date:${d.iso}`,
      text: withCalendarDate(written, d.iso),
      prior: 1,
    });
  }
  return out;
}
