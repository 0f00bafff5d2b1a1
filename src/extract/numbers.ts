/**
 * Numbers as news text writes them: "55,000", "1.2 million", "two", "twenty-five", "31%", "31 percent",
 * with the qualifier in front ("up to", "just under", "between … and …") turned into bounds.
 * Compounds such as "four-year-old" or "1,000-kilometer" are measurements, not counts, and are skipped.
 */

export interface NumberMention {
  /** Offsets of the whole mention (qualifier included) in the scanned string. */
  start: number;
  end: number;
  /** Offset of the first numeral, after the qualifier. */
  numberStart: number;
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
  /** A bare four-digit number between 1800 and 2100 with nothing after it that makes it a count. */
  yearLike: boolean;
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

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
const WORD_NUMBER = `(?:(?:${TEN_WORDS})(?:-(?:${UNIT_WORDS}))?|${UNIT_WORDS})(?:\\s+(?:hundred|thousand|million|billion|dozen))*`;
const DIGIT_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s+(?:hundred|thousand|million|billion)\b)?`;
const PERCENT = String.raw`(?:\s*%|\s+per\s?cent\b)?`;
/** One number: digits or words, a scale word, a percent sign. Not glued to a hyphen, letter or degree sign. */
const ONE = String.raw`(?:(?:${DIGIT_NUMBER})${SCALE}|\b(?:${WORD_NUMBER})\b)${PERCENT}`;
const NUMBER_RE = new RegExp(String.raw`(?<![\w.,\-−])(${ONE})(?![\w°\-]|,\d|\.\d)`, 'giu');

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
  'no more than',
  'up to',
  'as many as',
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

/** Parses number words ("two", "twenty-five", "three hundred", "two million") to a value. */
export function wordsToNumber(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of text.toLowerCase().split(/\s+/)) {
    for (const part of raw.split('-')) {
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
  return seen ? total + current : null;
}

/** Parses one number as written ("55,000", "1.2 million", "two", "31%") to its value. */
export function parseNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/\s*(?:%|per\s?cent)$/i, '')
    .trim();
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
const QUALIFIER_BEFORE = new RegExp(String.raw`(?:^|[^\w])(${QUALIFIERS.join('|')})\s+$`);

/**
 * Verbs that take "over" or "under" as a particle ("hand over 157 prisoners", "took over 30 towns" is
 * ambiguous, "went under"): after them the word belongs to the verb and does not bound the number.
 */
const PARTICLE_VERBS =
  /(?:^|[^\w])(?:hand|hands|handed|handing|turn|turns|turned|turning|give|gives|gave|given|giving|pass|passes|passed|passing|sign|signs|signed|signing|hold|holds|held|holding|bring|brings|brought|bringing|roll|rolls|rolled|rolling|carry|carries|carried|carrying|send|sends|sent|sending)\s+$/i;

function qualifierBefore(text: string, at: number): { qualifier: string; start: number } | null {
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

/** Every number in `text`, with its qualifier and bounds; ranges ("between A and B", "A to B") become one mention. */
export function findNumbers(text: string): NumberMention[] {
  const raw: { start: number; end: number; text: string; value: number; percent: boolean }[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const written = m[1] ?? '';
    const value = parseNumber(written);
    if (value === null) continue;
    const start = m.index ?? 0;
    raw.push({ start, end: start + written.length, text: written, value, percent: /%|per\s?cent/i.test(written) });
  }
  const out: NumberMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = raw[i];
    if (!first) continue;
    const next = raw[i + 1];
    const q = qualifierBefore(text, first.start);
    const start = q?.start ?? first.start;
    const link = next ? text.slice(first.end, next.start) : '';
    const isRange =
      next !== undefined &&
      ((q?.qualifier === 'between' && /^\s+and\s+$/i.test(link)) || /^\s*(?:to|-|–)\s*$/i.test(link)) &&
      next.value > first.value;
    if (isRange && next) {
      out.push({
        start,
        end: next.end,
        numberStart: first.start,
        text: text.slice(start, next.end),
        qualifier: 'between',
        low: first.value,
        high: next.value,
        value: first.value,
        value2: next.value,
        percent: first.percent || next.percent,
        yearLike: false,
      });
      i++;
      continue;
    }
    const qualifier = q && q.qualifier !== 'between' ? q.qualifier : 'exact';
    const mentionStart = qualifier === 'exact' ? first.start : start;
    out.push({
      start: mentionStart,
      end: first.end,
      numberStart: first.start,
      text: text.slice(mentionStart, first.end),
      qualifier,
      ...bounds(qualifier, first.value),
      value: first.value,
      value2: null,
      percent: first.percent,
      yearLike: /^\d{4}$/.test(first.text) && first.value >= 1800 && first.value <= 2100,
    });
  }
  return out;
}
