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
import { type Attribution, attributionFor } from './attribution.js';
import { type DateMention, findDates } from './dates.js';
import {
  ATTACK_NOUNS,
  CLASS_MODIFIERS,
  countryOf,
  EXCHANGE_WORDS,
  MEASURE_WORDS,
  NAME_TITLES,
  ORG_WORDS,
  PEOPLE_NOUNS,
  RELEASE_WORDS,
  ROLE_NOUNS,
} from './lexicon.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { isCapitalized, type Token } from './text.js';

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
const INCIDENT =
  /\b(?:overnight|last night|yesterday|in (?:a|an|the) (?:\w+ )?(?:attack|strike|shelling|bombing|explosion|raid)|drone (?:strikes|attacks))\b/i;
const CUMULATIVE =
  /\b(?:since|through|so far|to date|in total|total|the war|the invasion|the conflict|began|start of)\b/i;

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
    const m = measureOf(t.lower);
    if (m) return { measure: m, index: i };
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

/** Decides whether a number counts harmed people, and what it counts. */
function readCount(tokens: Token[], mention: NumberMention, text: string): Reading | null {
  const after = tokenIndexAt(tokens, mention.end);
  const first = tokenIndexAt(tokens, mention.start);
  const np = nounPhraseAfter(tokens, after);
  const headLower = np.head?.lower ?? '';
  const beforeWords = tokens.slice(Math.max(0, first - 4), first).map((t) => t.lower);
  const exchangeNear = tokens
    .slice(Math.max(0, first - 5), np.headIndex >= 0 ? np.headIndex + 4 : after + 4)
    .some((t) => EXCHANGE_WORDS.has(t.lower));
  const releaseNear = tokens.slice(Math.max(0, first - 4), first).some((t) => RELEASE_WORDS.has(t.lower));

  if (np.head) {
    const headClass = PEOPLE_NOUNS.get(headLower) ?? null;
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
      const verbBefore = beforeWords.map((w) => measureOf(w)).find((m) => m !== undefined);
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
  const tollWindow = tokens.slice(Math.max(0, first - 6), first).map((t) => t.lower);
  if (tollWindow.includes('toll')) {
    return {
      measure: tollWindow.includes('death') ? 'killed' : 'casualties',
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

function demonymOfModifiers(modifiers: Token[]): string | null {
  for (const m of modifiers) {
    const c = countryOf(m.text);
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

/** "Ukrainian soldiers", "both sides (military)", "Ukrainian civilians (one attack)", "civilians". */
export function populationLabel(p: Population, incident: boolean): string {
  const cls = p.cls ? (CLASS_LABEL[p.cls] ?? p.cls) : null;
  let label: string;
  if (p.both) label = cls ? `both sides (${cls === 'soldiers' ? 'military' : cls})` : 'both sides';
  else if (p.demonym) label = cls ? `${p.demonym} ${cls}` : `${p.demonym} (unspecified)`;
  else label = cls ?? 'people';
  return incident ? `${label} (one attack)` : label;
}

/* --------------------------------------------------------------- as-of dates */

/** The date a figure holds at: an end date ("through last December") beats a statement date; start dates never count. */
export function asOfFor(dates: DateMention[], mention: NumberMention): string | null {
  let best: { iso: string; score: number } | null = null;
  for (const d of dates) {
    if (!d.iso || d.role === 'start' || d.role === 'compare') continue;
    if (d.start < mention.end && d.end > mention.start) continue;
    const priority = d.role === 'end' ? 3 : d.role === 'other' ? 2 : 1;
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
  attributions: Attribution[];
  published: string | null;
}

/** Casualty figures in one sentence; `memory` holds the article's earlier figures and is extended. */
export function figuresInSentence(input: SentenceInput, memory: FigureMemory): RawFigure[] {
  const { text } = input;
  const mentions = findNumbers(text);
  if (mentions.length === 0) return [];
  const { tokens } = input;
  // Dates are read only for sentences that have a figure: most sentences have none.
  let dates: DateMention[] | null = null;
  const datesOf = () => {
    dates ??= findDates(text, input.published);
    return dates;
  };
  const incident = INCIDENT.test(text) && !CUMULATIVE.test(text);
  const out: RawFigure[] = [];
  for (const mention of mentions) {
    const reading = mention.percent ? readPercent(tokens, mention, text) : readCount(tokens, mention, text);
    if (!reading) continue;
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
    const figure: RawFigure = {
      source: input.source,
      sentence: input.index,
      position: mention.numberStart,
      population: populationLabel(pop, incident && !mention.percent),
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
      claimantExplicit: attribution !== null && attribution.via !== 'pronoun' && attribution.via !== 'report-ref',
      asOf: asOfFor(datesOf(), mention) ?? (SAME_PERIOD.test(text) ? (sameClaimant?.asOf ?? null) : null),
      quote: input.quote,
    };
    out.push(figure);
    memory.figures.push(figure);
  }
  return out;
}
