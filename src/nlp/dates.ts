/**
 * The one date reader, for answers and reports. Dates in news text, resolved against the article's
 * publication date:
 * "last December" → 2025-12, "last month" → 2026-01, "last year" → 2025, "Wednesday" → 2026-02-04,
 * "in February 2025" → 2025-02, "the end of last year" → 2025-12, "February 24, 2022" → 2022-02-24.
 * Results are ISO prefixes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` — only as precise as the text.
 *
 * chrono-node reads the calendar (its casual English parser, the publication date as reference); the precision
 * comes from the components it reports as certain. Added to chrono here: bare years, "overnight", "the previous
 * year/month", and the conventions of news writing where chrono's defaults differ (`newsConventions`). Which
 * spans are dates, and the role each plays, stay regular expressions: they decide what the figures sit next to.
 */
import { casual, type ParsedComponents, type Parser, ParsingComponents, type Refiner } from 'chrono-node';
import { MONTHS, WEEKDAYS } from '../extract/lexicon.js';
import { parseNumber } from './numbers.js';

/** What a date expression does for a figure next to it. */
export type DateRole =
  /** The figure counts up to this date: "through last December", "by the end of last year", "as of May". */
  | 'end'
  /** The count starts here: "since 2022", "since the war began". Never an as-of date. */
  | 'start'
  /** A comparison base: "compared with 2024". Never an as-of date. */
  | 'compare'
  /** When a report was published or given: "a report published Wednesday". */
  | 'report'
  /** When something was said: "the ministry said on Monday", "speaking to reporters on Friday". */
  | 'said'
  /** Any other date: when something was said or happened. */
  | 'other';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO prefix, or null when it names no calendar date ("the start of the war"). */
  iso: string | null;
  role: DateRole;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Bare four-digit years ("since 2022", "early 2025"; "the end of 2025" is its December). chrono reads a year
 * only next to a month and drops number-only results, so they are added after its filters.
 */
const bareYears: Refiner = {
  refine: (context, results) => {
    const added = [...context.text.matchAll(/\b[1-9]\d{3}\b/g)]
      .map((m) => ({ at: m.index ?? 0, year: Number(m[0]) }))
      .filter(({ at }) => !results.some((r) => r.index < at + 4 && at < r.index + r.text.length))
      .map(({ at, year }) => {
        const endOf = /\bend\s+of\s+(?:the\s+)?$/i.test(context.text.slice(0, at));
        return context.createParsingResult(at, String(year), endOf ? { year, month: 12 } : { year });
      });
    return [...results, ...added].sort((a, b) => a.index - b.index);
  },
};

/** A time of day alone ("this morning") is on the publication day; after chrono joins "Wednesday" + "morning". */
const timeOfDay: Refiner = {
  refine: (_context, results) => {
    for (const { start: c } of results) {
      if (c.isCertain('day') || c.isCertain('weekday') || !c.tags().has('parser/ENCasualTimeParser')) continue;
      for (const unit of ['year', 'month', 'day'] as const) c.assign(unit, c.get(unit) ?? 0);
    }
    return results;
  },
};

/** Phrases chrono's casual parser does not know. */
const casualExtrasParser: Parser = {
  pattern: () => /\b(?:overnight|(?:the\s+)?previous\s+(year|month))\b/i,
  extract: (context, match) => {
    const unit = match[1]?.toLowerCase();
    if (unit === 'year') return ParsingComponents.createRelativeFromReference(context.reference, { year: -1 });
    if (unit === 'month') return ParsingComponents.createRelativeFromReference(context.reference, { month: -1 });
    // "Overnight" in a story is the night that ended on its publication day.
    const today = context.reference.getDateWithAdjustedTimezone();
    return { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
  },
};

/**
 * Days from the reference weekday to a named weekday. News writes a bare (or "this") weekday for the most
 * recent such day, the publication day included; "last" is strictly before it, "next" strictly after.
 * chrono picks the closest day instead (so "Friday" on a Thursday is the next day).
 */
function weekdayOffset(today: number, weekday: number, modifier: string | undefined): number {
  const back = (today - weekday + 7) % 7;
  if (modifier === 'next') return back === 0 ? 7 : 7 - back;
  if (modifier === 'last' || modifier === 'past') return back === 0 ? -7 : -back;
  return -back;
}

/**
 * The year of a month named without one. A bare month is the most recent one, the current month included;
 * "last"/"next" are strictly before/after the current month, "this" is in the current year.
 * chrono ignores these words before a month name and picks the closest year.
 */
function monthYear(year: number, month: number, named: number, modifier: string | undefined): number {
  if (modifier === 'next') return named > month ? year : year + 1;
  if (modifier === 'this') return year;
  if (modifier === 'last') return named < month ? year : year - 1;
  return named <= month ? year : year - 1;
}

/** Where news conventions differ from chrono's defaults. Runs before chrono drops invalid dates. */
const newsConventions: Refiner = {
  refine: (context, results) => {
    const ref = context.reference.getDateWithAdjustedTimezone();
    const daysFromRef = (days: number) => new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + days);
    return results.filter((r) => {
      const c = r.start;
      const before = context.text.slice(0, r.index);
      const tags = r.tags();
      // Only four digits make a year: in "December 45" the number is a count, not 2045.
      if (tags.has('parser/ENMonthNameParser') && c.isCertain('year') && !/\d{4}/.test(r.text)) c.delete('year');

      const weekday = c.get('weekday');
      if (weekday !== null && c.isCertain('weekday') && !c.isCertain('day')) {
        const modifier = /^(last|past|this|next)\b/i.exec(r.text)?.[1]?.toLowerCase();
        const d = daysFromRef(weekdayOffset(ref.getDay(), weekday, modifier));
        c.imply('year', d.getFullYear());
        c.imply('month', d.getMonth() + 1);
        c.imply('day', d.getDate());
      } else if (c.isCertain('month') && !c.isCertain('year')) {
        const modifier = /\b(last|this|next)\s+$/i.exec(before)?.[1]?.toLowerCase();
        c.imply('year', monthYear(ref.getFullYear(), ref.getMonth() + 1, c.get('month') ?? 0, modifier));
      }

      // Kept as before: "the past month/week" (a rolling window) and "next week" name no calendar date.
      if (/^(?:past\s+(?:month|week)|next\s+week)$/i.test(r.text)) return false;
      // A relative date keeps the reference's day unless chrono's month arithmetic overflowed: "last month"
      // on March 31 is "February 31", which JavaScript rolls into March. Step back to the month meant.
      if (tags.has('result/relativeDate') && !c.isCertain('day') && c.get('day') !== ref.getDate()) {
        const back = new Date(c.get('year') ?? 0, (c.get('month') ?? 1) - 2, 1);
        if (c.isCertain('year')) c.assign('year', back.getFullYear());
        if (c.isCertain('month')) c.assign('month', back.getMonth() + 1);
      }

      // A week is dated to the month of the same weekday that week (chrono: the week's Sunday, or the day).
      const week = /^(this|last)\s*week$/i.exec(r.text)?.[1]?.toLowerCase();
      if (week) {
        const d = daysFromRef(week === 'this' ? 0 : -7);
        c.delete('day');
        c.imply('day', d.getDate());
        c.assign('month', d.getMonth() + 1);
        c.assign('year', d.getFullYear());
      }

      // "The end of last year" names a month, not chrono's last day of it.
      if (tags.has('refiner/ENEndOfPeriodRefiner')) {
        const day = c.get('day') ?? 1;
        c.delete('day');
        c.imply('day', day);
      }
      return true;
    });
  },
};

const parser = casual.clone();
parser.parsers.push(casualExtrasParser);
const refinerAt = (name: string) => parser.refiners.findIndex((r) => r.constructor.name === name);
// Right after chrono moves "the end of …" to the period's last day; before it drops impossible dates, so
// that "February 29" can still take a leap year by the convention.
parser.refiners.splice(refinerAt('ENEndOfPeriodRefiner') + 1, 0, newsConventions);
// The caller has already told the month "May" from the verb (findDates takes it only capitalized); chrono's
// own guess would drop "last May".
parser.refiners = parser.refiners.filter((r) => r.constructor.name !== 'ENUnlikelyFormatFilter');
parser.refiners.push(bareYears, timeOfDay);

/** The ISO prefix of what the text states: a named weekday is a day; implied components add no precision. */
function isoOf(c: ParsedComponents): string | null {
  const y = String(c.get('year'));
  const m = pad(c.get('month') ?? 1);
  if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${m}-${pad(c.get('day') ?? 1)}`;
  if (c.isCertain('month')) return `${y}-${m}`;
  return c.isCertain('year') ? y : null;
}

function isoAgainst(phrase: string, ref: Date): string | null {
  const first = parser.parse(phrase, ref)[0];
  return first ? isoOf(first.start) : null;
}

/** Noon on that day in the process's time zone: some of chrono's casual parsers read the reference instant
 * in local time whatever `timezone` says, so local time is the one reading every parser agrees on. */
const localNoon = (y: number, m: number, d: number): Date => new Date(y, m - 1, d, 12);

/** Two unrelated references: a phrase that resolves the same against both states its own date. */
const PROBES = [localNoon(2001, 3, 14), localNoon(2012, 10, 27)] as const;

/**
 * Resolves one date phrase (without the preposition) against the publication date.
 * Returns null when the phrase needs a publication date that is missing, or is not a date.
 */
export function resolveDate(phrase: string, published: string | null): string | null {
  const absolute = calendarDate(phrase);
  if (absolute !== undefined) return absolute;
  const dayOfMonth = monthDay(phrase, published) ?? relativeDay(phrase, published) ?? relativePeriod(phrase, published);
  if (dayOfMonth !== undefined) return dayOfMonth;
  const key = `${published}|${phrase}`;
  const hit = RESOLVED.get(key);
  if (hit !== undefined) return hit;
  const iso = resolveUncached(phrase, published);
  if (RESOLVED.size < 200_000) RESOLVED.set(key, iso);
  return iso;
}
/** Abbreviated month names as news style writes them ("Feb. 3", "Sept. 12"). */
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const MONTH_INDEX = new Map<string, number>([
  ...MONTHS.map((m, i) => [m, i + 1] as const),
  ...MONTH_ABBREVIATIONS.map((a) => [a, MONTHS.findIndex((m) => m.startsWith(a.slice(0, 3))) + 1] as const),
]);
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([a-z]+),?\s+(\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const MONTH_YEAR = /^([a-z]+),?\s+(\d{4})$/i;
const YEAR_ONLY = /^(?:(?:early|mid|late)[\s-]+)?(\d{4})$/i;
const END_OF_YEAR = /^the end of (\d{4})$/i;
const START_OF_YEAR = /^(?:the\s+)?(?:start|beginning) of (\d{4})$/i;
/** The start of the war or of "the year": no calendar date (chrono finds none either). */
const NO_DATE =
  /^(?:(?:the\s+)?(?:start|beginning) of (?:the war|the invasion|the conflict|the year)|(?:the war|the invasion|the conflict|the fighting) (?:began|started)|the past month|next week)$/i;

/**
 * A date written with its year needs no reference: read directly (what chrono reads for these forms, checked
 * in the tests), without chrono. `undefined` for every other phrase, and for impossible days ("February 30"),
 * which chrono reads its own way.
 */
/** A four-digit year as written, else null. (This and the helpers below are functions of their own, not
 * closures made on every call: every date phrase of every sentence read goes through them.) */
function yearOf(y: string | undefined): string | null {
  const n = Number(y);
  return n >= 1000 && n <= 9999 ? String(n) : null;
}

/** `YYYY-MM-DD` of a day written with its month's name; undefined for an impossible day. */
function ymd(y: string | undefined, monthName: string | undefined, d: string | undefined): string | undefined {
  const m = MONTH_INDEX.get((monthName ?? '').toLowerCase());
  const yy = yearOf(y);
  const day = Number(d);
  if (!m || !yy || day < 1 || day > new Date(Date.UTC(Number(yy), m, 0)).getUTCDate()) return undefined;
  return `${yy}-${pad(m)}-${pad(day)}`;
}

function calendarDate(phrase: string): string | null | undefined {
  const p = phrase.trim();
  let m = MONTH_DAY_YEAR.exec(p);
  if (m) return ymd(m[3], m[1], m[2]);
  m = DAY_MONTH_YEAR.exec(p);
  if (m) return ymd(m[3], m[2], m[1]);
  m = MONTH_YEAR.exec(p);
  if (m) {
    const month = MONTH_INDEX.get((m[1] ?? '').toLowerCase());
    const yy = yearOf(m[2]);
    return month && yy ? `${yy}-${pad(month)}` : undefined;
  }
  m = YEAR_ONLY.exec(p);
  if (m) return yearOf(m[1]) ?? undefined;
  m = END_OF_YEAR.exec(p);
  if (m) {
    const yy = yearOf(m[1]);
    return yy ? `${yy}-12` : undefined;
  }
  m = START_OF_YEAR.exec(p);
  if (m) return yearOf(m[1]) ?? undefined;
  if (NO_DATE.test(p)) return null;
  return undefined;
}

/** `YYYY-MM` of the month `offset` months from month `mo` of year `y`. */
function monthFrom(y: number, mo: number, offset: number): string {
  const d = new Date(Date.UTC(y, mo - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** "last" is a step back, "next" a step ahead, "this" none. */
function stepOf(w: string | undefined): number {
  return w?.toLowerCase() === 'last' ? -1 : w?.toLowerCase() === 'next' ? 1 : 0;
}

const RELATIVE_PERIOD =
  /^(?:(the end of )?(last|this|next) (year|month)|the (?:past|previous) year|the previous month|(last|this) week|(last|this|next) ([a-z]+))$/i;

/**
 * A month or year named from the publication day ("last month", "the end of last year", "last December",
 * "this week"): what chrono and `newsConventions` read, checked in the tests, without chrono.
 */
function relativePeriod(phrase: string, published: string | null): string | null | undefined {
  const ref = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
  const m = RELATIVE_PERIOD.exec(phrase.trim());
  if (!ref || !m) return undefined;
  const y = Number(ref[1]);
  const mo = Number(ref[2]);
  const lower = phrase.trim().toLowerCase();
  if (m[3]) {
    const endOf = Boolean(m[1]);
    if (m[3].toLowerCase() === 'year') return endOf ? `${y + stepOf(m[2])}-12` : String(y + stepOf(m[2]));
    if (endOf && stepOf(m[2]) > 0) return undefined;
    return monthFrom(y, mo, stepOf(m[2]));
  }
  if (/^the (?:past|previous) year$/.test(lower)) return String(y - 1);
  if (lower === 'the previous month') return monthFrom(y, mo, -1);
  if (m[4]) {
    const d = new Date(Date.UTC(y, mo - 1, Number(ref[3]) + (m[4].toLowerCase() === 'last' ? -7 : 0)));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  const named = MONTH_INDEX.get((m[6] ?? '').toLowerCase());
  if (!named) return undefined;
  return `${monthYear(y, mo, named, m[5]?.toLowerCase())}-${pad(named)}`;
}

const MONTH_DAY = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?$/i;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)$/i;

/**
 * "March 9" in an article of a given day: the most recent March 9 by the month (a bare month is the most
 * recent one, its own month included); "December 45" names the month only (the number is a count);
 * an impossible day ("February 30") names nothing. What chrono and the conventions above read, checked in
 * the tests, without chrono. `undefined` for other phrases.
 */
function monthDay(phrase: string, published: string | null): string | null | undefined {
  const dm = DAY_MONTH.exec(phrase.trim());
  const m = dm ? [dm[0], dm[2], dm[1]] : MONTH_DAY.exec(phrase.trim());
  const ref = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
  const month = MONTH_INDEX.get((m?.[1] ?? '').toLowerCase());
  if (!m || !ref || !month) return undefined;
  const year = monthYear(Number(ref[1]), Number(ref[2]), month, undefined);
  const day = Number(m[2]);
  if (day > 31) return `${year}-${pad(month)}`;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM-DD` of the day `offset` days from the publication day `ref` (its `YYYY`, `MM`, `DD` groups). */
function dayFrom(ref: RegExpExecArray, offset: number): string {
  const d = new Date(Date.UTC(Number(ref[1]), Number(ref[2]) - 1, Number(ref[3]) + offset));
  return d.toISOString().slice(0, 10);
}

const WEEKDAY_PHRASE = new RegExp(
  `^(?:(last|past|this|next|early|late)\\s+)?(${WEEKDAYS.join('|')})(?:\\s+(?:night|morning|afternoon|evening))?$`,
  'i',
);
const SAME_DAY = /^(?:today|tonight|this morning|this afternoon|this evening|overnight)$/i;
const DAY_BEFORE = /^(?:yesterday|last night)$/i;

/**
 * A weekday or a day named from the publication day ("Friday", "last Friday", "yesterday", "overnight"):
 * what chrono and `newsConventions` read, checked in the tests, without chrono. `undefined` for other phrases.
 */
function relativeDay(phrase: string, published: string | null): string | null | undefined {
  const ref = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
  if (!ref) return undefined;
  const p = phrase.trim();
  if (SAME_DAY.test(p)) return dayFrom(ref, 0);
  if (DAY_BEFORE.test(p)) return dayFrom(ref, -1);
  const m = WEEKDAY_PHRASE.exec(p);
  if (!m) return undefined;
  const weekday = (WEEKDAYS as readonly string[]).indexOf((m[2] ?? '').toLowerCase());
  const today = new Date(Date.UTC(Number(ref[1]), Number(ref[2]) - 1, Number(ref[3]))).getUTCDay();
  const modifier = m[1]?.toLowerCase();
  return dayFrom(
    ref,
    weekdayOffset(today, weekday, modifier === 'early' || modifier === 'late' ? undefined : modifier),
  );
}

/** chrono is the slowest step of the pass; one phrase against one publication date always reads the same. */
const RESOLVED = new Map<string, string | null>();

/** chrono's reading with the conventions above, uncached (exported for the tests of the direct readings). */
export function resolveUncached(phrase: string, published: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
  if (m) return isoAgainst(phrase, localNoon(Number(m[1]), Number(m[2]), Number(m[3])));
  const [a, b] = PROBES.map((ref) => isoAgainst(phrase, ref));
  return a === b ? (a ?? null) : null;
}

const MONTH_RE = `${MONTHS.join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.?`;
const WEEKDAY_RE = WEEKDAYS.join('|');

/** Date phrases, longest alternatives first. */
const PHRASE = [
  `(?:${MONTH_RE})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `\\d{1,2}\\s+(?:${MONTH_RE}),?\\s+\\d{4}`,
  `(?:early|mid|late)[\\s-]+\\d{4}`,
  `(?:${MONTH_RE}),?\\s+\\d{4}`,
  `the end of (?:last year|this year|last month|\\d{4})`,
  `(?:the\\s+)?(?:start|beginning) of (?:the war|the invasion|the conflict|the year|\\d{4})`,
  `(?:last|this|next)\\s+(?:year|month|week)`,
  `the (?:past|previous) (?:year|month)`,
  `(?:last|this|next)\\s+(?:${MONTH_RE})`,
  `(?:(?:early|late|last|this|next)\\s+)?(?:${WEEKDAY_RE})(?:\\s+(?:night|morning|afternoon|evening))?`,
  `(?:${MONTH_RE})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?`,
  `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_RE})`,
  'yesterday|today|tonight|overnight|last night|this (?:morning|afternoon|evening)',
  `(?:the war|the invasion|the conflict|the fighting) (?:began|started)`,
  // A year is not glued to other digits ("2,025", "20255"); a comma after it ends a clause ("in 2025, up from").
  '(?<![\\d,.])(?:1[89]|20)\\d{2}(?!\\d|,\\d)',
].join('|');

const DATE_RE = new RegExp(`\\b(${PHRASE})\\b`, 'gi');
const BARE_MONTH = new RegExp(`^(?:${MONTH_RE})$`, 'i');
const MONTH_WORD = new RegExp(`\\b(?:${MONTHS.join('|')}|${MONTH_ABBREVIATIONS.join('|')})\\b`, 'gi');

const END_BEFORE = /(?:through|thru|by|until|till|up to|as of|to|and|ending(?: in)?)\s+(?:the\s+)?$/i;
const START_BEFORE = /(?:since|from|between|starting(?: in)?|beginning(?: in)?)\s+(?:the\s+)?$/i;
const COMPARE_BEFORE = /(?:compared (?:with|to)|than(?: in)?|versus|vs\.?)\s+$/i;
const REPORT_BEFORE = /(?:published|released|issued|given|presented|made public)\s+(?:on\s+)?$/i;
/** A verb of saying right before the date: when it was said, not when anything happened. */
const SAID_BEFORE =
  /\b(?:said|says|told|tells|announced|confirmed|added|wrote|stated|declared|insisted|reported|briefed|briefing|statement)\b(?:\s+[\w'’]+){0,3}?\s+(?:(?:late|early)\s+)?(?:on\s+)?$/i;
/** "Briefing the Security Council on Monday, …", "Speaking to reporters on Friday": when it was said. */
const ADDRESSING_BEFORE =
  /\b(?:briefing|addressing|speaking (?:to|at|on)|writing (?:on|in)|testifying (?:to|before)|interviewed by|in an interview with)\b(?:\s+[\p{L}'’.-]+){0,5}\s+(?:on|late on|early on)?\s*$/iu;
const STATEMENT_SINCE = /since\s+(?:a|an|the|its|his|her)\s+\w+\s+(?:in|on)\s+$/i;

/** Whether a month name in `phrase` is written in lower case. */
function hasLowerCaseMonth(phrase: string): boolean {
  MONTH_WORD.lastIndex = 0;
  for (let w = MONTH_WORD.exec(phrase); w; w = MONTH_WORD.exec(phrase)) {
    const c = w[0].charCodeAt(0);
    if (c < 65 || c > 90) {
      MONTH_WORD.lastIndex = 0;
      return true;
    }
  }
  return false;
}

function roleOf(before: string, phrase: string): DateRole {
  if (/^(?:the\s+)?(?:start|beginning) of|began|started/i.test(phrase)) return 'start';
  if (STATEMENT_SINCE.test(before)) return 'other';
  if (/between\s+[^,;]{0,40}\s+and\s+$/i.test(before)) return 'end';
  if (/^the end of/i.test(phrase)) {
    return START_BEFORE.test(before) ? 'start' : 'end';
  }
  if (END_BEFORE.test(before)) {
    // "from A to B": B ends the period; "A and B" ends one only after "between".
    if (/(?:^|\s)and\s+(?:the\s+)?$/i.test(before)) return 'other';
    return 'end';
  }
  if (START_BEFORE.test(before)) return 'start';
  if (COMPARE_BEFORE.test(before)) return 'compare';
  if (REPORT_BEFORE.test(before)) return 'report';
  if (SAID_BEFORE.test(before.slice(-50)) || ADDRESSING_BEFORE.test(before)) return 'said';
  return 'other';
}

/** Every date phrase in a sentence, resolved, with the role it plays for nearby figures. */
export function findDates(text: string, published: string | null): DateMention[] {
  const out: DateMention[] = [];
  // exec on the one global expression, not matchAll (which clones it on every call); nothing below uses DATE_RE.
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const phrase = m[1] ?? '';
    const start = m.index ?? 0;
    // "May" and "March" are also words; only take a bare month name when it is capitalized.
    if (BARE_MONTH.test(phrase) && !/^[A-Z]/.test(phrase)) continue;
    // English writes month names with a capital: "12 may have died" and "mar" are no dates.
    if (hasLowerCaseMonth(phrase)) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    // "The same attack", "the same night": the date of an event named before, not a new one.
    if (/\bthe same\s+$/i.test(before)) continue;
    const role = roleOf(before, phrase);
    // "The start of the war", "the war began": no calendar date (chrono finds none either).
    const written = phrase.replace(/\b([A-Za-z]{3,4})\./, '$1');
    const iso = resolveDate(isFuture(text, start) ? forward(written) : written, published);
    out.push({ start, end: start + phrase.length, text: phrase, iso, role });
  }
  return out;
}

/**
 * Tense, for a weekday or month named without "last"/"next": a future clause ("talks will resume on
 * Friday", "the second round would take place on Wednesday", "set for Sunday") names the next such day;
 * any other ("said on Friday") the most recent one, the publication day included.
 */
const FUTURE_MARKER =
  /\b(?:will|shall|would|is due to|are due to|was due to|were due to|(?:is|are|was|were) (?:set|scheduled|expected|planned|slated|going) to|plans? to|planning to|intends? to|aims? to|(?:agreed|agrees|promised|pledged|vowed|hopes?|hoped|expects?|expected|wants?|wanted|threatened|offered|decided) to|(?:expects?|expected|wants?|wanted)\s+(?:(?!to\b)[\w'’-]+\s+){1,4}to)\b|'ll\b/gi;
/** What ends the reach of a future marker: a new clause, or a verb of saying in the past ("said on Monday"). */
const FUTURE_BREAK =
  /[;:.!?]|,\s+(?:but|while|and|though|although)\b|\b(?:said|told|announced|added|confirmed|wrote)\b/gi;
const SCHEDULED_FOR =
  /\b(?:set|scheduled|planned|slated|due|expected|pencilled in|penciled in|moved|postponed|pushed back)\s+(?:for|to|until|till)\s+$/i;
const BARE_DAY_OR_MONTH = new RegExp(
  `^(?:(?:${WEEKDAY_RE})(?:\\s+(?:night|morning|afternoon|evening))?|(?:${MONTH_RE}))$`,
  'i',
);

/** True when the date at `at` stands in a future clause of `text`. */
export function isFuture(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (SCHEDULED_FOR.test(before)) return true;
  let marker = -1;
  for (const m of before.matchAll(FUTURE_MARKER)) marker = m.index ?? 0;
  if (marker < 0) return false;
  const between = before.slice(marker);
  FUTURE_BREAK.lastIndex = 0;
  return !FUTURE_BREAK.test(between.slice(between.search(/\s/) + 1));
}

/** "Friday" → "next Friday": the day or month ahead. Other phrases say their own direction. */
function forward(phrase: string): string {
  return BARE_DAY_OR_MONTH.test(phrase.trim()) ? `next ${phrase}` : phrase;
}

/** True when `a` and `b` can name the same time: equal, or one is a prefix of the other ("2025" and "2025-02"). */
export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.startsWith(b) || b.startsWith(a);
}

/** A shift of time from a moment the narrative has already set. */
export interface NarrativeShift {
  unit: 'day' | 'week' | 'month' | 'year';
  /** How many units forward (negative: back). */
  n: number;
}

const SHIFT_UNIT = '(day|week|month|year)s?';
const SHIFT_COUNT = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})';
/**
 * "the following month", "the next day", "the previous week"; "the day before", "the week after" standing
 * alone ("the day before the vote" counts from the vote, a date of its own).
 */
const SHIFT_THE = new RegExp(
  `\\bthe\\s+(?:(following|next|previous|preceding)\\s+${SHIFT_UNIT}\\b|${SHIFT_UNIT}\\s+(before|after)(?=\\s*(?:[,.;:]|$)))`,
  'i',
);
/** "a week later", "two months later", "three days earlier". */
const SHIFT_LATER = new RegExp(`\\b${SHIFT_COUNT}\\s+${SHIFT_UNIT}\\s+(later|earlier|afterwards|before that)\\b`, 'i');

/**
 * How far a sentence moves on from the time the story has reached: "The following month the line resumed sailing",
 * "A week later the port reopened", "the day before". Such phrases count from the last date the narrative
 * gave, never from the publication date ("the next day" in an article about 2019 is in 2019); the reader
 * applies them to the date a sentence inherits from the ones before it. Null when the sentence says none.
 */
export function narrativeShift(text: string): NarrativeShift | null {
  const the = SHIFT_THE.exec(text);
  if (the) {
    const unit = (the[2] ?? the[3] ?? '').toLowerCase() as NarrativeShift['unit'];
    const way = (the[1] ?? the[4] ?? '').toLowerCase();
    return { unit, n: way === 'following' || way === 'next' || way === 'after' ? 1 : -1 };
  }
  const later = SHIFT_LATER.exec(text);
  if (later) {
    // "a week later": one; else the number as the one number reader reads it.
    const n = parseNumber(later[1] ?? '') ?? 1;
    const unit = (later[2] ?? '').toLowerCase() as NarrativeShift['unit'];
    return { unit, n: /^(?:later|afterwards)$/i.test(later[3] ?? '') ? n : -n };
  }
  return null;
}
