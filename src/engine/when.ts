import * as chrono from 'chrono-node';
import type { Sentence } from '../types.js';
import type { DateConstraint } from './analyze.js';
import type { Retriever } from './retrieval.js';

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
}

export interface SentenceDates {
  dates: EventDate[];
  /** True when the dates are the publication date's, not the text's. */
  implied: boolean;
}

/** A question date is met by a day this close (news says "overnight into Tuesday" for Monday night). */
const DAY_SLACK = 1;
/** How much a sentence whose dates contradict the question's date weighs against one that fits. */
export const DATE_MISMATCH = 0.25;
/** …and one whose only date is its article's publication date. */
export const DATE_UNSTATED_MISMATCH = 0.6;

const DAY_MS = 86_400_000;
/** "Briefing the Security Council on Monday, …", "Speaking to reporters on Friday": when it was said. */
const ADDRESSING_ON =
  /\b(?:briefing|addressing|speaking (?:to|at|on)|writing (?:on|in)|testifying (?:to|before)|interviewed by|in an interview with)\b(?:\s+[\p{L}'’.-]+){0,5}\s+(?:on|late on|early on)?\s*$/iu;
/** A reporting verb right before a date: the date is the statement's. */
const REPORTED_ON =
  /\b(?:said|says|told|announced|reported|added|stated|confirmed|briefing|statement|report(?:ed)? published|released)(?: \w+)?(?: on| late| early)?\s*$/i;
const cache = new WeakMap<Retriever, Map<number, EventDate[]>>();

function published(r: Retriever, s: Sentence): Date | null {
  const p = r.corpus.byId.get(s.source)?.meta.published;
  return p ? new Date(`${p}T12:00:00Z`) : null;
}

/** The dates a sentence's own text names. */
function ownDates(r: Retriever, s: Sentence): EventDate[] {
  let byOrdinal = cache.get(r);
  if (!byOrdinal) {
    byOrdinal = new Map();
    cache.set(r, byOrdinal);
  }
  const hit = byOrdinal.get(s.ordinal);
  if (hit) return hit;
  const ref = published(r, s);
  const out: EventDate[] = [];
  for (const res of chrono.parse(s.corrected, ref ?? new Date(), { forwardDate: false })) {
    const d = res.start;
    const day = d.isCertain('day') || d.isCertain('weekday');
    const month = day || d.isCertain('month');
    // A clock time ("10:20") or a bare number is no calendar date.
    if (!month && !d.isCertain('year')) continue;
    // "…, the UN said on Monday": when something was said, not when it happened.
    const before = s.corrected.slice(Math.max(0, res.index - 60), res.index);
    if (REPORTED_ON.test(before.slice(-24)) || ADDRESSING_ON.test(before)) continue;
    // A bare year or month without a year from the text: only what it states.
    out.push({
      year: d.get('year') ?? 0,
      month: month ? (d.get('month') ?? null) : null,
      day: day ? (d.get('day') ?? null) : null,
    });
  }
  for (const m of s.corrected.matchAll(/\b(?:19|20)\d\d\b/g)) {
    const year = Number(m[0]);
    if (!out.some((d) => d.year === year)) out.push({ year, month: null, day: null });
  }
  // "Overnight", "last night", "tonight": the night of the report.
  if (ref && out.length === 0 && /\b(?:overnight|last night|tonight|this morning|today)\b/i.test(s.corrected)) {
    out.push(toEvent(ref));
  }
  byOrdinal.set(s.ordinal, out);
  return out;
}

function toEvent(d: Date): EventDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function sentenceDates(r: Retriever, s: Sentence): SentenceDates {
  const own = ownDates(r, s);
  if (own.length > 0) return { dates: own, implied: false };
  const article = r.corpus.byId.get(s.source);
  const before = article?.sentences[s.index - 1];
  if (before && before.paragraph === s.paragraph && !before.boilerplate) {
    const inherited = ownDates(r, before);
    if (inherited.length > 0) return { dates: inherited, implied: false };
  }
  const ref = published(r, s);
  return { dates: ref ? [toEvent(ref)] : [], implied: true };
}

function fits(q: DateConstraint, d: EventDate, implied: boolean): boolean {
  if (q.year !== null && d.year !== q.year) return false;
  if (q.month === null) return true;
  if (d.month === null) return q.year !== null && !implied;
  if (q.day === null) return d.month === q.month;
  if (d.day === null) return d.month === q.month;
  const year = q.year ?? d.year;
  const gap = (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(year, q.month - 1, q.day)) / DAY_MS;
  // A report is published on the day of the event or after it.
  return implied ? gap >= 0 && gap <= DAY_SLACK : Math.abs(gap) <= DAY_SLACK;
}

/** 1 when the sentence's dates fit the question's date, less when they do not (never a veto). */
export function dateFit(r: Retriever, q: DateConstraint, s: Sentence): number {
  if (q.asOf) return reportedBy(r, q, s);
  const { dates, implied } = sentenceDates(r, s);
  if (dates.length === 0) return DATE_UNSTATED_MISMATCH;
  if (dates.some((d) => fits(q, d, implied))) return 1;
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
