/**
 * The one number reader: numbers as news English writes them — "55,000", "1.2 million", "half a
 * million", "two", "twenty-five", "three hundred", "31%", "31 percent" — with the qualifier written in
 * front ("up to", "no fewer than", "between … and …") turned into bounds, ranges ("500,000 to 600,000")
 * read as one mention, and each mention given a kind: a count, a percentage, a length, a span of time,
 * a year, a day of a month, or something else (a clock time, "France 2", an age like "four-year-old").
 *
 * Everything else (answers, reports) reads these mentions; nothing else parses numbers from text.
 */

export type NumberKind = 'count' | 'percent' | 'length' | 'duration' | 'year' | 'date' | 'other';

export interface NumberMention {
  /** Offsets of the whole mention (qualifier included) in the scanned string. */
  start: number;
  end: number;
  /** Offset of the first numeral, after the qualifier. */
  numberStart: number;
  /** End of the figure with its unit ("40 minutes", "1,000-kilometer"); `end` for other kinds. */
  unitEnd: number;
  /** As written: "up to 140,000", "between 500,000 and 600,000", "31%". */
  text: string;
  /** Lower-case qualifier as written ("just under", "up to"), "between", or "exact". */
  qualifier: string;
  low: number | null;
  high: number | null;
  /** The number written (the first one for a range). */
  value: number;
  /** The second number of a range. */
  value2: number | null;
  percent: boolean;
  /** A bare four-digit number between 1800 and 2100. */
  yearLike: boolean;
  kind: NumberKind;
  /**
   * Glued to a hyphen, a letter or a degree sign ("four-year-old", "1,000-kilometer", "F-16", "-20°C"),
   * or a clock time ("07:30"): part of another expression, never a count of anything.
   */
  compound: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
/** Multipliers after a number word: "two dozen" is 24. */
const MULTIPLIERS: Record<string, number> = { dozen: 12 };
/** Fractions written before "a": "half a million", "a quarter of a million". */
const FRACTIONS: Record<string, number> = { half: 0.5, quarter: 0.25 };

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
const WORD_CORE = `(?:(?:${TEN_WORDS})(?:-(?:${UNIT_WORDS}))?|${UNIT_WORDS})`;
/** "three hundred and twelve", "two thousand five hundred": after a scale word, more number words may follow. */
const WORD_NUMBER = `${WORD_CORE}(?:\\s+dozen)?(?:\\s+(?:hundred|thousand|million|billion)(?:(?:\\s+and)?\\s+${WORD_CORE}(?=\\s|$|[^\\p{L}-]))?)*`;
/** "a million", "half a million", "a quarter of a million", "a hundred", "a thousand". */
const ARTICLE_NUMBER = String.raw`(?:(?:half|a\s+quarter\s+of)\s+)?an?\s+(?:hundred|thousand|million|billion)`;
const DIGIT_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s+(?:hundred|thousand|million|billion)\b)?`;
const PERCENT = String.raw`(?:\s*%|\s+per\s?cent\b(?:\s+points?\b)?|\s+percentage\s+points?\b)?`;
/** "two and a half days", "2 and a half million": a half more than the number before it. */
const AND_A_HALF = String.raw`(?:\s+and\s+a\s+half\b)`;
const AND_A_HALF_RE = /^(.+?)\s+and\s+a\s+half(?:\s+(hundred|thousand|million|billion))?$/i;
/** One number: digits or words, a scale word, a percent sign. */
const ONE = String.raw`(?:(?:${DIGIT_NUMBER})${AND_A_HALF}?${SCALE}|\b(?:${ARTICLE_NUMBER}|${WORD_NUMBER}(?:${AND_A_HALF}${SCALE})?)\b)${PERCENT}`;
/** Not inside another number or word ("A320", "1.2.3", "12,34"); compounds are found and marked. */
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\d.,])(${ONE})(?!\d|,\d|\.\d)`, 'giu');
/**
 * Something every match of NUMBER_RE contains: a digit, a unit or tens word, or a scale word (an article
 * number, "a million", has its scale word). Most sentences have none, and this search is several times
 * cheaper than NUMBER_RE's scan, which tries its word alternatives at every word boundary. Without the
 * `u` flag (much slower with `i`): the only non-ASCII characters `iu` matches to a letter of these words
 * are the long s "ſ" (to "s") and the Kelvin sign (to "k", in none of them), so a text with "ſ" is read
 * in full (see `findNumbers`; not in this alternation: Node 20's V8 then misses "six", /ſ|six/i.test('six')).
 */
const NUMBER_HINT = new RegExp(String.raw`\d|${UNIT_WORDS}|${TEN_WORDS}|hundred|thousand|million|billion`, 'i');

/** Qualifiers, longest first. */
export const QUALIFIERS = [
  'just under',
  'just over',
  'just below',
  'just above',
  'well over',
  'more than',
  'fewer than',
  'less than',
  'no fewer than',
  'no less than',
  'no more than',
  'up to',
  'as many as',
  'as much as',
  'as few as',
  'at least',
  'at most',
  'upwards of',
  'in excess of',
  'close to',
  'almost',
  'nearly',
  'about',
  'around',
  'approximately',
  'roughly',
  'some',
  'an estimated',
  'estimated',
  'over',
  'under',
  'between',
] as const;

type Bound = 'exact' | 'above' | 'below' | 'upTo';

/** How a qualifier bounds the number written after it. */
export function qualifierBound(qualifier: string): Bound {
  switch (qualifier) {
    case 'more than':
    case 'just over':
    case 'just above':
    case 'well over':
    case 'over':
    case 'at least':
    case 'no fewer than':
    case 'no less than':
    case 'upwards of':
    case 'in excess of':
      return 'above';
    case 'just under':
    case 'just below':
    case 'fewer than':
    case 'less than':
    case 'under':
    case 'almost':
    case 'nearly':
    case 'close to':
      return 'below';
    case 'up to':
    case 'as many as':
    case 'as much as':
    case 'at most':
    case 'no more than':
      return 'upTo';
    default:
      return 'exact';
  }
}

/**
 * A class of qualifiers that say the same thing, used to merge one claim written two ways
 * ("almost 15,000" and "nearly 15,000"; "more than 46,000" and "46,000").
 */
export function qualifierClass(qualifier: string): string {
  const b = qualifierBound(qualifier);
  return b === 'upTo' ? 'below' : b;
}

/**
 * What a qualifier means, in one word for each reading: "no fewer than" and "at least" are both
 * "at least", "over" and "in excess of" both "more than", "almost" and "close to" both "nearly".
 */
export function qualifierMeaning(qualifier: string): string {
  switch (qualifier) {
    case 'at least':
    case 'no fewer than':
    case 'no less than':
      return 'at least';
    case 'more than':
    case 'over':
    case 'well over':
    case 'in excess of':
    case 'upwards of':
      return 'more than';
    case 'just over':
    case 'just above':
      return 'just over';
    case 'just under':
    case 'just below':
      return 'just under';
    case 'fewer than':
    case 'less than':
    case 'under':
      return 'less than';
    case 'up to':
    case 'as many as':
    case 'as much as':
    case 'at most':
    case 'no more than':
      return 'up to';
    case 'almost':
    case 'nearly':
    case 'close to':
      return 'nearly';
    case 'about':
    case 'around':
    case 'approximately':
    case 'roughly':
    case 'some':
    case 'an estimated':
    case 'estimated':
      return 'about';
    default:
      return qualifier;
  }
}

/** Parses number words ("two", "twenty-five", "three hundred", "two million", "half a million") to a value. */
export function wordsToNumber(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  let fraction = 1;
  const words = text.toLowerCase().split(/\s+/);
  // "half a million", "a quarter of a million", "a million": the article is one, the fraction scales it.
  let w = 0;
  if (words[0] === 'a' && words[1] === 'quarter' && words[2] === 'of') {
    fraction = FRACTIONS.quarter ?? 1;
    w = 3;
  } else if (FRACTIONS[words[0] ?? ''] !== undefined && /^an?$/.test(words[1] ?? '')) {
    fraction = FRACTIONS[words[0] ?? ''] ?? 1;
    w = 1;
  }
  if (/^an?$/.test(words[w] ?? '') && (words[w + 1] ?? '') in SCALES) {
    current = 1;
    w++;
    seen = true;
  } else if (fraction !== 1) return null;
  for (const raw of words.slice(w)) {
    for (const part of raw.split('-')) {
      // "three hundred and twelve"
      if (part === 'and' && seen) continue;
      if (seen && part in MULTIPLIERS) current = (current || 1) * (MULTIPLIERS[part] ?? 1);
      else if (part in UNITS) current += UNITS[part] ?? 0;
      else if (part in TENS) current += TENS[part] ?? 0;
      else if (part in SCALES) {
        const scale = SCALES[part] ?? 1;
        if (scale === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * scale;
          current = 0;
        }
      } else return null;
      seen = true;
    }
  }
  return seen ? (total + current) * fraction : null;
}

/** Parses one number as written ("55,000", "1.2 million", "two", "31%") to its value. */
export function parseNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/\s*(?:%|per\s?cent(?:\s+points?)?|percentage\s+points?)$/i, '')
    .trim();
  const half = AND_A_HALF_RE.exec(t);
  if (half?.[1]) {
    const whole = parseNumber(half[1]);
    const scale = half[2] ? (SCALES[half[2].toLowerCase()] ?? 1) : 1;
    return whole === null ? null : Math.round((whole + 0.5) * scale * 1000) / 1000;
  }
  const digits = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?$/i.exec(t);
  if (digits) {
    const base = Number((digits[1] ?? '').replace(/,/g, ''));
    const scale = digits[2] ? (SCALES[digits[2].toLowerCase()] ?? 1) : 1;
    return Math.round(base * scale * 1000) / 1000;
  }
  return wordsToNumber(t);
}

/**
 * The qualifier written right before a number. The leftmost one wins, so the longest reading is taken
 * ("no fewer than 300" is not "fewer than 300", "just over 40" is not "over 40").
 */
/** A currency sign written before a number ("$2", "€31.90"). */
const CURRENCY_SIGNS = '[$€£¥₴₽]';
const CURRENCY_SIGN = new RegExp(`^${CURRENCY_SIGNS}$`);
/** What joins the two ends of a range ("between 20 and 30", "20 to 30", "$1–$2"). */
const BETWEEN_LINK = new RegExp(String.raw`^\s+and\s+${CURRENCY_SIGNS}?$`, 'i');
const RANGE_LINK = new RegExp(String.raw`^\s*(?:to|-|–)\s*${CURRENCY_SIGNS}?$`, 'i');

const QUALIFIER_BEFORE = new RegExp(String.raw`(?:^|[^\w])(${QUALIFIERS.join('|')})\s+$`);

/**
 * Verbs that take "over" or "under" as a particle ("hand over 157 prisoners", "went under"): after them
 * the word belongs to the verb and does not bound the number.
 */
const PARTICLE_VERBS =
  /(?:^|[^\w])(?:hand|hands|handed|handing|turn|turns|turned|turning|give|gives|gave|given|giving|pass|passes|passed|passing|sign|signs|signed|signing|hold|holds|held|holding|bring|brings|brought|bringing|roll|rolls|rolled|rolling|carry|carries|carried|carrying|send|sends|sent|sending|take|takes|took|taken|taking|win|wins|won|winning)\s+$/i;

/** The qualifier written just before the number at `at0` ("at least 40", "nearly €40") and where it starts. */
export function qualifierBefore(text: string, at0: number): { qualifier: string; start: number } | null {
  // "between $1 and $2", "nearly €40": the currency sign stands between the qualifier and the number.
  const at = CURRENCY_SIGN.test(text[at0 - 1] ?? '') ? at0 - 1 : at0;
  const before = text.slice(Math.max(0, at - 30), at).toLowerCase();
  const m = QUALIFIER_BEFORE.exec(before);
  const q = m?.[1];
  if (!m || !q) return null;
  const offset = before.length - (m.index + m[0].indexOf(q));
  const start = at - offset;
  if ((q === 'over' || q === 'under') && PARTICLE_VERBS.test(text.slice(Math.max(0, start - 20), start))) return null;
  return { qualifier: q, start };
}

function bounds(qualifier: string, value: number): { low: number | null; high: number | null } {
  switch (qualifierBound(qualifier)) {
    case 'above':
      return { low: value, high: null };
    case 'below':
    case 'upTo':
      return { low: null, high: value };
    default:
      return { low: value, high: value };
  }
}

/* --------------------------------------------------------------- kinds */

/** Month names, whole and short, as news writes them. */
const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const MONTH_WORD = new RegExp(`^(?:${MONTH_NAMES})\\.?$`, 'i');
/** "May 13 and ", "Aug. 3 to ", "June 3–": a day of a month opening a span of days. */
const DAY_SPAN_BEFORE = new RegExp(`\\b(?:${MONTH_NAMES})\\.?\\s+\\d{1,2}\\s*(?:and|to|through|until|-|–)\\s*$`, 'i');
const TIME_UNIT = /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b/i;
const LENGTH_UNIT = /^(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|yards?|feet|foot)\b/i;
/**
 * "a 4-year-old", "a five-month-old": an age; "a ten-minute call", "a 30-day pause": a span of time. Either
 * way the number modifies a noun through its unit and counts nothing itself.
 */
const AGE_AFTER = /^-(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b/i;
const FRACTION_AFTER = /^-(?:fifths?|thirds?|quarters?|halfs?)\b/i;
/** Currencies by name, as news writes them after an amount ("25 million euros", "18,500 hryvnias"). */
export const CURRENCY_NAMES = 'euros?|dollars?|pounds?|sterling|hryvnias?|rubles?|roubles?|francs?|yen|yuan|zlotys?';
/** ISO 4217 codes news writes before an amount ("EUR 2.7 million", "UAH 1.9 billion"): money, not a name. */
export const CURRENCY_CODES =
  'USD|EUR|GBP|UAH|RUB|PLN|CHF|JPY|CNY|CAD|AUD|SEK|NOK|DKK|CZK|HUF|RON|BGN|TRY|INR|AED|SAR|ILS|KZT|GEL|MDL|BYN';
const CURRENCY_CODE = new RegExp(`^(?:${CURRENCY_CODES})$`);
/** A currency sign or code written just before a number ("$2", "EUR 3.2"): part of the figure as written. */
const CURRENCY_BEFORE = new RegExp(String.raw`(?:${CURRENCY_SIGNS}|\b(?:${CURRENCY_CODES})\s)$`);

/** How many characters of currency stand right before `at` (0 when none). */
function currencyBefore(text: string, at: number): number {
  return CURRENCY_BEFORE.exec(text.slice(Math.max(0, at - 4), at))?.[0].length ?? 0;
}
/** Capitalised words that open a sentence or a phrase: a number after them is no part of a name. */
const PHRASE_OPENER =
  /^(?:The|A|An|In|On|At|By|Some|About|Nearly|Almost|Over|Under|Up|Only|All|And|But|With|Of|To|For|From|Since|After|Before|Around|Roughly|Approximately|Just|More|Less|Fewer|At|As|Between)$/;

interface Kinded {
  kind: NumberKind;
  unitEnd: number;
}

/** What a number at [numberStart, end) counts or names, from the characters around it. */
function kindOf(text: string, numberStart: number, end: number, written: string, percent: boolean): Kinded {
  const digits = /^\d/.test(written);
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, numberStart - 40), numberStart);
  // A clock time ("07:30 — …", "at 16:20"), not a figure.
  if (digits && (/^:\d/.test(after) || /\d:$/.test(before))) return { kind: 'other', unitEnd: end };
  // "by 10 a.m.", "at 6pm", "10 o'clock": a time of day too.
  if (digits && /^\s?(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock\b)/i.test(after)) return { kind: 'other', unitEnd: end };
  // "11. The Ministry calls on …", "3) The sides agreed …": a numbered paragraph's marker, not a figure.
  if (digits && /^[\s*#>-]*$/.test(before) && /^[.)]\s+["“‘(]?\p{Lu}/u.test(after))
    return { kind: 'other', unitEnd: end };
  if (percent) return { kind: 'percent', unitEnd: end };
  const length = /^[\s-]?/.exec(after)?.[0] ?? '';
  const lengthUnit = LENGTH_UNIT.exec(after.slice(length.length));
  if (lengthUnit && length.length <= 1) return { kind: 'length', unitEnd: end + length.length + lengthUnit[0].length };
  if (AGE_AFTER.test(after) || FRACTION_AFTER.test(after)) return { kind: 'other', unitEnd: end };
  const timeUnit = /^\s/.test(after) ? TIME_UNIT.exec(after.slice(1)) : null;
  if (timeUnit) return { kind: 'duration', unitEnd: end + 1 + timeUnit[0].length };
  // "the 2025/26 season", "2025–26": the second year of a span of two.
  if (digits && /^\d\d$/.test(written) && /(?:1[89]|20)\d\d[/–]$/.test(before)) return { kind: 'year', unitEnd: end };
  // "-20°C", "F-16", "5th", "MH17": part of another word.
  if (/[-−]$/.test(before) || /^(?:°|\p{L})/u.test(after)) return { kind: 'other', unitEnd: end };
  if (digits && /^(?:1[89]|20)\d\d$/.test(written)) return { kind: 'year', unitEnd: end };
  const prev = /(\S+)\s$/.exec(before)?.[1] ?? '';
  const value = Number(written.replace(/,/g, ''));
  const next = /^\s([\p{L}.]+)/u.exec(after)?.[1] ?? '';
  if (
    (MONTH_WORD.test(prev) || (MONTH_WORD.test(next) && /^[A-Z]/.test(next))) &&
    value <= 31 &&
    /^\d{1,2}$/.test(written)
  )
    return { kind: 'date', unitEnd: end };
  // "between May 13 and 19": the other end of a span of days.
  if (digits && value <= 31 && /^\d{1,2}$/.test(written) && DAY_SPAN_BEFORE.test(before))
    return { kind: 'date', unitEnd: end };
  // "France 2", "Flight 752", "Article 5": a number in a name.
  if (digits && /^\p{Lu}[\p{L}.]*$/u.test(prev) && !PHRASE_OPENER.test(prev) && !CURRENCY_CODE.test(prev)) {
    return { kind: 'other', unitEnd: end };
  }
  // "one of them", "one another", "one side": a pronoun, not a count.
  if (/^one$/i.test(written) && /^\s+(?:of|another|side)\b/i.test(after)) return { kind: 'other', unitEnd: end };
  return { kind: 'count', unitEnd: end };
}

/** Glued to a hyphen before it, or to a letter, hyphen or degree sign after it. */
function isCompound(text: string, start: number, end: number): boolean {
  return /[-−]/.test(text[start - 1] ?? '') || /^[\p{L}\p{N}_°-]/u.test(text.slice(end, end + 1));
}

/* --------------------------------------------------------------- reader */

/** Every number in `text`, with its qualifier, bounds and kind; ranges ("between A and B", "A to B") are one mention. */
export function findNumbers(text: string): NumberMention[] {
  if (!NUMBER_HINT.test(text) && !text.includes('ſ')) return [];
  const raw: { start: number; end: number; text: string; value: number; percent: boolean; compound: boolean }[] = [];
  // exec on the one global expression, not matchAll: matchAll clones the expression on every call.
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const written = m[1] ?? '';
    const value = parseNumber(written);
    if (value === null) continue;
    const start = m.index ?? 0;
    const end = start + written.length;
    raw.push({
      start,
      end,
      text: written,
      value,
      percent: /%|per\s?cent/i.test(written),
      compound: isCompound(text, start, end),
    });
  }
  const out: NumberMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = raw[i];
    if (!first) continue;
    const next = raw[i + 1];
    const q = first.compound ? null : qualifierBefore(text, first.start);
    const start = q?.start ?? first.start;
    const link = next ? text.slice(first.end, next.start) : '';
    const isRange =
      next !== undefined &&
      !first.compound &&
      !next.compound &&
      ((q?.qualifier === 'between' && BETWEEN_LINK.test(link)) || RANGE_LINK.test(link)) &&
      next.value > first.value;
    if (isRange && next) {
      const kinded = kindOf(text, next.start, next.end, next.text, next.percent);
      const rangeStart = q ? start : start - currencyBefore(text, start);
      out.push({
        start: rangeStart,
        end: next.end,
        numberStart: first.start,
        unitEnd: kinded.unitEnd,
        text: text.slice(rangeStart, next.end),
        qualifier: 'between',
        low: first.value,
        high: next.value,
        value: first.value,
        value2: next.value,
        percent: first.percent || next.percent,
        yearLike: false,
        kind: kinded.kind === 'year' || kinded.kind === 'date' ? 'count' : kinded.kind,
        compound: false,
      });
      i++;
      continue;
    }
    // A clock time ("07:30") is one mention, of no kind that counts.
    if (next && text[first.end] === ':' && next.start === first.end + 1 && /^\d/.test(first.text)) {
      out.push({
        start: first.start,
        end: next.end,
        numberStart: first.start,
        unitEnd: next.end,
        text: text.slice(first.start, next.end),
        qualifier: 'exact',
        ...bounds('exact', first.value),
        value: first.value,
        value2: null,
        percent: false,
        yearLike: false,
        kind: 'other',
        compound: true,
      });
      i++;
      continue;
    }
    const qualifier = q && q.qualifier !== 'between' ? q.qualifier : 'exact';
    const mentionStart = qualifier === 'exact' ? first.start - currencyBefore(text, first.start) : start;
    const kinded = kindOf(text, first.start, first.end, first.text, first.percent);
    out.push({
      start: mentionStart,
      end: first.end,
      numberStart: first.start,
      unitEnd: kinded.unitEnd,
      text: text.slice(mentionStart, first.end),
      qualifier,
      ...bounds(qualifier, first.value),
      value: first.value,
      value2: null,
      percent: first.percent,
      yearLike: /^\d{4}$/.test(first.text) && first.value >= 1800 && first.value <= 2100,
      kind: kinded.kind,
      compound: first.compound,
    });
  }
  return out;
}

/** The numbers that can count something: not part of a compound word ("four-year-old", "F-16"). */
export function countableNumbers(text: string): NumberMention[] {
  return findNumbers(text).filter((m) => !m.compound);
}
