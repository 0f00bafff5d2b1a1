import { wordsToNumber } from '../extract/numbers.js';
import type { Token } from './text.js';

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)$/i;

const LENGTH_UNITS = /^(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|yards?|feet|foot)$/i;

/** Qualifiers as written before a number, longest first. */
const QUALIFIERS: [RegExp, string][] = [
  [/\bno (?:fewer|less) than$/i, 'at least'],
  [/\bno more than$/i, 'up to'],
  [/\bbetween$/i, 'between'],
  [/\bjust under$/i, 'just under'],
  [/\bjust over$/i, 'just over'],
  [/\b(?:more than|over|in excess of)$/i, 'more than'],
  [/\b(?:fewer than|less than|under)$/i, 'less than'],
  [/\b(?:up to|as many as|as much as)$/i, 'up to'],
  [/\bat least$/i, 'at least'],
  [/\b(?:nearly|almost)$/i, 'nearly'],
  [/\b(?:about|around|approximately|roughly|some|an estimated|estimated)$/i, 'about'],
];

export type NumberKind = 'count' | 'percent' | 'length' | 'duration' | 'year' | 'date' | 'other';

export interface NumberMention {
  /** Index of the first and last token of the number (qualifier excluded, unit included). */
  first: number;
  last: number;
  /** Character span of the whole figure as written, qualifier included. */
  start: number;
  end: number;
  value: number;
  /** Upper bound of a range ("between 500,000 and 600,000"), else null. */
  high: number | null;
  kind: NumberKind;
  qualifier: string;
}

/** A spelled-out number ("two", "twenty-five"); scale words alone ("million") are not numbers. */
function wordValue(lower: string): number | undefined {
  if (SCALES[lower] !== undefined || lower === 'hundred' || !/^[a-z-]+$/.test(lower)) return undefined;
  return wordsToNumber(lower) ?? undefined;
}

/** Parses "55,000", "1.2" → number. */
function digitValue(surface: string): number {
  return Number(surface.replace(/,/g, ''));
}

/**
 * Finds the numbers in a tokenised sentence and classifies each: a count, a percentage, a length, a year,
 * a calendar date, or something else (a name like "France 2", an age like "4-year-old", a temperature).
 */
export function findNumbers(text: string, tokens: readonly Token[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    let value: number | undefined;
    if (tok.numeric) value = digitValue(tok.surface);
    else value = wordValue(tok.lower);
    if (value === undefined || Number.isNaN(value)) continue;
    if (!tok.numeric && tok.lower === 'one' && /^(?:of|another|side)$/i.test(tokens[i + 1]?.lower ?? '')) continue;

    let last = i;
    const next = tokens[i + 1];
    if (next && SCALES[next.lower] && text.slice(tok.end, next.start).trim() === '') {
      value *= SCALES[next.lower] ?? 1;
      last = i + 1;
    }
    const after = tokens[last + 1];
    const gapAfter = after ? text.slice(tokens[last]?.end ?? 0, after.start) : '';
    const prev = tokens[i - 1];
    const gapBefore = prev ? text.slice(prev.end, tok.start) : '';

    let kind: NumberKind = 'count';
    if (tok.numeric && ((gapAfter === ':' && after?.numeric) || (gapBefore === ':' && prev?.numeric))) {
      // A clock time ("07:30 — …", "at 16:20"), not a figure.
      out.push({
        first: i,
        last: gapAfter === ':' ? last + 1 : last,
        start: tok.start,
        end: tok.end,
        value,
        high: null,
        kind: 'other',
        qualifier: 'exact',
      });
      i = gapAfter === ':' ? last + 1 : last;
      continue;
    }
    if (after && (after.surface === '%' || /^(?:percent|per)$/i.test(after.lower)) && /^\s?$/.test(gapAfter)) {
      kind = 'percent';
      last += after.lower === 'per' ? 2 : 1;
    } else if (after && LENGTH_UNITS.test(after.lower) && /^[\s-]?$/.test(gapAfter)) {
      kind = 'length';
      last += 1;
    } else if (after && /^-$/.test(gapAfter) && /^(?:years?|months?|days?|weeks?)$/.test(after.lower)) {
      kind = 'other';
    } else if (after && TIME_UNITS.test(after.lower) && /^\s$/.test(gapAfter)) {
      // "40 minutes", "five months", "about 1 hour": a span of time.
      kind = 'duration';
      last += 1;
    } else if (/^-/.test(gapBefore.trim()) || /^°/.test(gapAfter)) {
      kind = 'other';
    } else if (tok.numeric && /^(?:1[89]|20)\d\d$/.test(tok.surface)) {
      kind = 'year';
    } else if (prev && MONTHS.has(prev.lower) && /^\s$/.test(gapBefore) && value <= 31) {
      kind = 'date';
    } else if (
      prev?.capitalized &&
      !prev.numeric &&
      /^\s$/.test(gapBefore) &&
      i > 0 &&
      tok.numeric &&
      !isSentenceStartWord(prev)
    ) {
      kind = 'other';
    } else if (/^-$/.test(gapAfter) && after && /^(?:fifths?|thirds?|quarters?|halfs?)$/.test(after.lower)) {
      kind = 'other';
    } else if (!tok.numeric && /^-$/.test(gapBefore)) {
      kind = 'other';
    }

    let start = tok.start;
    let qualifier = 'exact';
    const windowStart = Math.max(0, tok.start - 24);
    const before = text.slice(windowStart, tok.start).trimEnd();
    for (const [re, name] of QUALIFIERS) {
      const m = re.exec(before);
      if (m) {
        qualifier = name;
        start = windowStart + m.index;
        break;
      }
    }
    let high: number | null = null;
    const and = tokens[last + 1];
    const upper = tokens[last + 2];
    if (qualifier === 'between' && and?.lower === 'and' && upper?.numeric) {
      high = digitValue(upper.surface);
      last += 2;
      const scale = tokens[last + 1];
      if (scale && SCALES[scale.lower]) {
        high *= SCALES[scale.lower] ?? 1;
        last += 1;
      }
    }
    const end = tokens[last]?.end ?? tok.end;
    out.push({ first: i, last, start, end, value, high, kind, qualifier });
    i = last;
  }
  return out;
}

function isSentenceStartWord(tok: Token): boolean {
  return /^(?:The|A|An|In|On|At|By|Some|About|Nearly|Almost|Over|Under|Up|Only|All|And|But|With|Of)$/.test(tok.surface);
}
