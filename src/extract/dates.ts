/**
 * Dates in news text, resolved against the article's publication date:
 * "last December" → 2025-12, "last month" → 2026-01, "last year" → 2025, "Wednesday" → 2026-02-04,
 * "in February 2025" → 2025-02, "the end of last year" → 2025-12, "February 24, 2022" → 2022-02-24.
 * Results are ISO prefixes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` — only as precise as the text.
 */
import { MONTHS, WEEKDAYS } from './lexicon.js';

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

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIsoDate(published: string | null): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function shiftDays(base: Ymd, days: number): string {
  const t = new Date(Date.UTC(base.y, base.m - 1, base.d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const MONTH_RE = MONTHS.join('|');
const WEEKDAY_RE = WEEKDAYS.join('|');

/**
 * Resolves one date phrase (without the preposition) against the publication date.
 * Returns null when the phrase needs a publication date that is missing, or is not a date.
 */
export function resolveDate(phrase: string, published: string | null): string | null {
  const p = phrase
    .toLowerCase()
    .replace(/^(?:the\s+)?(?:early|mid|late|the start of|the beginning of|the middle of)\s+/, '')
    .trim();
  const base = parseIsoDate(published);
  const month = (name: string | undefined) => pad(MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1);
  let m = new RegExp(`^(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`).exec(p);
  if (m) return `${m[3]}-${month(m[1])}-${pad(Number(m[2]))}`;
  m = new RegExp(`^(\\d{1,2})\\s+(${MONTH_RE}),?\\s+(\\d{4})$`).exec(p);
  if (m) return `${m[3]}-${month(m[2])}-${pad(Number(m[1]))}`;
  m = new RegExp(`^(${MONTH_RE}),?\\s+(\\d{4})$`).exec(p);
  if (m) return `${m[2]}-${month(m[1])}`;
  m = /^(\d{4})$/.exec(p);
  if (m) return m[1] ?? null;
  m = /^the end of (\d{4})$/.exec(p);
  if (m) return `${m[1]}-12`;
  if (!base) return null;

  if (p === 'today' || p === 'this morning' || p === 'tonight') return shiftDays(base, 0);
  // "Overnight" in a story is the night that ended on its publication day.
  if (p === 'overnight') return shiftDays(base, 0);
  if (p === 'yesterday' || p === 'last night') return shiftDays(base, -1);
  if (p === 'this year') return String(base.y);
  if (p === 'last year' || p === 'the past year' || p === 'the previous year') return String(base.y - 1);
  if (p === 'the end of last year') return `${base.y - 1}-12`;
  if (p === 'the end of this year') return `${base.y}-12`;
  if (p === 'this month') return `${base.y}-${pad(base.m)}`;
  if (p === 'last month' || p === 'the previous month' || p === 'the end of last month') {
    return base.m === 1 ? `${base.y - 1}-12` : `${base.y}-${pad(base.m - 1)}`;
  }
  if (p === 'next month') return base.m === 12 ? `${base.y + 1}-01` : `${base.y}-${pad(base.m + 1)}`;
  if (p === 'next year') return String(base.y + 1);
  if (p === 'last week' || p === 'this week') return shiftDays(base, p === 'last week' ? -7 : 0).slice(0, 7);

  m = new RegExp(`^(last|this|next)?\\s*(${MONTH_RE})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?$`).exec(p);
  if (m) {
    const mm = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
    let year = base.y;
    if (m[1] === 'next') year = mm > base.m ? base.y : base.y + 1;
    else if (m[1] === 'this') year = base.y;
    else if (m[1] === 'last') year = mm < base.m ? base.y : base.y - 1;
    else year = mm <= base.m ? base.y : base.y - 1;
    return m[3] ? `${year}-${pad(mm)}-${pad(Number(m[3]))}` : `${year}-${pad(mm)}`;
  }
  m = new RegExp(`^(last|this|next)?\\s*(${WEEKDAY_RE})(?:\\s+(?:night|morning|afternoon|evening))?$`).exec(p);
  if (m) {
    const want = WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]);
    const today = new Date(Date.UTC(base.y, base.m - 1, base.d)).getUTCDay();
    if (m[1] === 'next') return shiftDays(base, ((want - today + 7) % 7) + (want === today ? 7 : 0));
    // News writes weekdays for the most recent such day, the publication day included.
    const back = (today - want + 7) % 7;
    return shiftDays(base, m[1] === 'last' && back === 0 ? -7 : -back);
  }
  return null;
}

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
  'yesterday|today|overnight|last night',
  `(?:the war|the invasion|the conflict|the fighting) (?:began|started)`,
  '(?<![\\d,.])(?:1[89]|20)\\d{2}(?![\\d,])',
].join('|');

const DATE_RE = new RegExp(`\\b(${PHRASE})\\b`, 'gi');

const END_BEFORE = /(?:through|thru|by|until|till|up to|as of|to|and|ending(?: in)?)\s+(?:the\s+)?$/i;
const START_BEFORE = /(?:since|from|between|starting(?: in)?|beginning(?: in)?)\s+(?:the\s+)?$/i;
const COMPARE_BEFORE = /(?:compared (?:with|to)|than(?: in)?|versus|vs\.?)\s+$/i;
const REPORT_BEFORE = /(?:published|released|issued|given|presented|made public)\s+(?:on\s+)?$/i;
const STATEMENT_SINCE = /since\s+(?:a|an|the|its|his|her)\s+\w+\s+(?:in|on)\s+$/i;

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
  return 'other';
}

/** Every date phrase in a sentence, resolved, with the role it plays for nearby figures. */
export function findDates(text: string, published: string | null): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const phrase = m[1] ?? '';
    const start = m.index ?? 0;
    // "May" and "March" are also words; only take a bare month name when it is capitalized.
    if (new RegExp(`^(?:${MONTH_RE})$`, 'i').test(phrase) && !/^[A-Z]/.test(phrase)) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    const role = roleOf(before, phrase);
    const iso = /began|started|start of the|beginning of the/i.test(phrase)
      ? null
      : resolveDate(phrase.replace(/^(?:early|mid|late)[\s-]+(?=\d)/i, ''), published);
    out.push({ start, end: start + phrase.length, text: phrase, iso, role });
  }
  return out;
}

/** True when `a` and `b` can name the same time: equal, or one is a prefix of the other ("2025" and "2025-02"). */
export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.startsWith(b) || b.startsWith(a);
}
