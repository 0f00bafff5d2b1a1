/**
 * Constraints on where an answer stands in its sentence: the side and the measure next to a figure, the
 * side qualifying a role, the side acting, the speaker of a quote, and what a figure counts.
 */
import { qualifierBefore } from '../nlp/numbers.js';
import type { WeightedTerm } from './analyze.js';
import { SPEECH } from './claimants.js';
import { findNumbers } from './numbers.js';
import type { Slot } from './slots.js';
import { MEASURE_TERMS, SIDE_TERMS, type Token, termOf } from './text.js';

/** Measures that are outcomes, not things ("killed", "injured"): a figure may stand a few words from them. */
export const OUTCOME_TERMS = ['killed', 'injured', 'missing', 'casualties'].map((w) => termOf(w) ?? w);

export const CASUALTIES_TERM = termOf('casualties') ?? 'casualties';

/** Who a casualty figure can count ("46,000 Ukrainian servicemen", "two people"). */
const POPULATION_TERMS = ['soldiers', 'civilians', 'people', 'children', 'men', 'women'].map((w) => termOf(w) ?? w);

/** Punctuation between two words that puts them in different phrases: a comma, a bracket, a quote, a dash. */
const PHRASE_GAP = /[,;:()—–“”"]/;
/** … or a spaced hyphen, which sets a figure off from its label in a factbox ("1,170 - homes left …"). */
const FIGURE_PHRASE_GAP = /[,;:()—–“”"]|\s-\s/;

export function near(distance: number): number {
  if (distance <= 1) return 1;
  if (distance <= 3) return 0.85;
  if (distance <= 6) return 0.65;
  if (distance <= 10) return 0.45;
  return 0.25;
}

export function distanceTo(positions: readonly number[], first: number, last: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const p of positions) {
    const d = p < first ? first - p : p > last ? p - last : 0;
    if (d < best) best = d;
  }
  return best;
}

/**
 * True when the concept of `cls` nearest the slot (within `reach` tokens) is not one of `wanted`.
 * Nothing to check when the question names none of the class.
 */
export function conflicts(
  positions: Map<string, number[]>,
  slot: Slot,
  cls: readonly string[],
  wanted: Set<string>,
  reach: number,
  /** Positions that may match what is wanted but never conflict with it ("fired 158 missiles at Ukraine"). */
  neutral?: (position: number) => boolean,
): boolean {
  if (wanted.size === 0) return false;
  let nearest: string | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const concept of cls) {
    const at = positions.get(concept) ?? [];
    const d = distanceTo(neutral && !wanted.has(concept) ? at.filter((p) => !neutral(p)) : at, slot.first, slot.last);
    if (d < nearestDistance || (d === nearestDistance && wanted.has(concept))) {
      nearestDistance = d;
      nearest = concept;
    }
  }
  return nearest !== null && nearestDistance <= reach && !wanted.has(nearest);
}

/**
 * For names: the side that modifies the role word next to the name ("Russia's top negotiator, Igor
 * Kostyukov"), looked up to three words before the role word within its phrase: the one asked about
 * ('match'), another ('conflict'), or none.
 */
export function roleModifier(
  text: string,
  tokens: readonly Token[],
  headPositions: readonly number[],
  slot: Slot,
  wanted: Set<string>,
): 'match' | 'conflict' | 'none' {
  if (wanted.size === 0 || headPositions.length === 0) return 'none';
  let hp = headPositions[0] ?? 0;
  for (const p of headPositions)
    if (distanceTo([p], slot.first, slot.last) < distanceTo([hp], slot.first, slot.last)) hp = p;
  for (let k = hp - 1; k >= Math.max(0, hp - 3); k--) {
    const gap = text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0);
    if (PHRASE_GAP.test(gap)) break;
    const term = tokens[k]?.term;
    if (term && SIDE_TERMS.includes(term)) return wanted.has(term) ? 'match' : 'conflict';
  }
  return 'none';
}

/**
 * The noun right after a figure ("five months", "314 prisoners"; a side word in between is skipped) is
 * neither a word of the question nor a measure: the figure counts something else.
 */
const OTHERS_TERM = termOf('others') ?? 'other';

/** A figure in a unit of measure ("1.2 million tonnes"): an amount, reported of its clause's subject. */
export function inUnit(tokens: readonly Token[], slot: Slot): boolean {
  return UNIT_TERMS.has(tokens[slot.last]?.term ?? '') || UNIT_TERMS.has(tokens[slot.last + 1]?.term ?? '');
}

/** Units of measure (mass, volume, energy, distance, area, share), as index terms. */
const UNIT_TERMS: ReadonlySet<string> = new Set(
  'tonnes tonne tons ton kilograms kilogram kg grams barrels barrel litres liters gallons cubic metres meters megawatt megawatts gigawatts gigawatt-hours kilowatt-hours mwh gwh kwh twh bcm kilometres kilometers km miles hectares acres points cents dollars euros pounds hryvnias roubles rubles yuan'
    .split(' ')
    .flatMap((w) => termOf(w) ?? []),
);

/** "a town of", "a city of some": a population follows. */
const SETTLEMENT_OF =
  /\b(?:town|city|village|settlement|community|suburb|port|country|nation|region|district|province)\s+of\s+(?:(?:about|around|some|nearly|roughly|almost|more than|over|under|fewer than|less than|just)\s+)*$/i;
/** Words asking how many live somewhere (as written: "residents" is indexed as "people"). */
const DWELLING = /^(?:lives?|lived|living|population|populated|inhabit\p{L}*|resid\p{L}*)$/iu;

/**
 * "Varna, a city of about 300,000 people": how many live in a place — never a count of what happened there,
 * unless the question asks how many live there.
 */
export function populationOfPlace(
  text: string,
  tokens: readonly Token[],
  slot: Slot,
  terms: readonly WeightedTerm[],
): boolean {
  const at = tokens[slot.first]?.start ?? 0;
  return SETTLEMENT_OF.test(text.slice(Math.max(0, at - 60), at)) && !terms.some((t) => DWELLING.test(t.surface));
}

export function countsSomethingElse(
  text: string,
  tokens: readonly Token[],
  slot: Slot,
  terms: readonly WeightedTerm[],
): boolean {
  let other = false;
  let end = slot.last + 2;
  for (let k = slot.last + 1; k <= end && k < tokens.length; k++) {
    // A comma, a bracket, a quote or a dash (a spaced hyphen too: a factbox's "1,170 - homes left without
    // heating") ends the figure's own noun phrase.
    if (FIGURE_PHRASE_GAP.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) break;
    const term = tokens[k]?.term;
    if (!term) break;
    if (SIDE_TERMS.includes(term)) continue;
    // "6 Kestrel-B signal rockets": a name of a make or model qualifies the noun after it.
    if (tokens[k]?.capitalized && !terms.some((t) => t.term === term) && end < slot.last + 5) {
      end++;
      continue;
    }
    // "wounding 11 others": people, counted by the verb before them.
    if (term === OTHERS_TERM && OUTCOME_TERMS.includes(tokens[slot.first - 1]?.term ?? '')) return false;
    // "9,400 megawatt-hours of power", "1.2 million tonnes": a unit measures an amount — of the
    // thing after "of" when one is named, else of what the sentence is about.
    if (UNIT_TERMS.has(term)) {
      let at = k + 1;
      while (at < tokens.length && (UNIT_TERMS.has(tokens[at]?.term ?? '') || /^hours?$/.test(tokens[at]?.lower ?? '')))
        at++;
      if (tokens[at]?.lower !== 'of') return false;
      const of = tokens[at + 1]?.term;
      return !(of && (terms.some((t) => t.term === of) || SIDE_TERMS.includes(of)));
    }
    // "12 patrol boats": a noun phrase whose head is what is asked about counts it.
    if (
      terms.some((t) => t.term === term) ||
      MEASURE_TERMS.includes(term) ||
      OUTCOME_TERMS.includes(term) ||
      POPULATION_TERMS.includes(term)
    )
      return false;
    other = true;
  }
  return other;
}

/**
 * The figure is followed by a noun of its own ("800,000 troops") that the question does not name — read
 * where what the question counts is a word no source uses, so that any noun of the figure's tells.
 */
export function countsOwnNoun(
  text: string,
  tokens: readonly Token[],
  slot: Slot,
  terms: readonly WeightedTerm[],
): boolean {
  const next = tokens[slot.last + 1];
  if (!next?.term || FIGURE_PHRASE_GAP.test(text.slice(tokens[slot.last]?.end ?? 0, next.start))) return false;
  const term = next.term;
  return !terms.some((t) => t.term === term) && !MEASURE_TERMS.includes(term) && !OUTCOME_TERMS.includes(term);
}

/** Words that end a figure without saying what it counts: a scale, or a share ("20 percent", "3 per cent"). */
const NUMBER_TAIL = /^(?:hundreds?|thousands?|millions?|billions?|trillions?|bn|percent|cent|%)$/;

/**
 * A figure with no word of its own to say what it counts ("14 were inspected", "41 of the 95", "about 20
 * percent of the land"): what it counts is told by the rest of its sentence. A unit says how it counts,
 * not what; "up to 140,000 deaths" and "50,000 soldiers" say what.
 */
export function bareFigure(text: string, tokens: readonly Token[], slot: Slot): boolean {
  const last = tokens[slot.last];
  if (!last || !(last.numeric || NUMBER_TAIL.test(last.lower) || UNIT_TERMS.has(last.term ?? ''))) return false;
  const next = tokens[slot.last + 1];
  return !next?.term || UNIT_TERMS.has(next.term) || FIGURE_PHRASE_GAP.test(text.slice(last.end, next.start));
}

/** What is done with drones and missiles: fired at a target, or shot down. */
export const WEAPON_ACTS = ['fired', 'downed'].map((w) => termOf(w) ?? w);
/** The weapons those acts count. */
export const WEAPON_TERMS = ['drones', 'missiles'].map((w) => termOf(w) ?? w);
/** How many words from a figure the verb of its clause may stand. */
const ACT_REACH = 6;

/**
 * "The army launched 30 drones and 12 missiles, and nine of the missiles were shot down": the act a weapon
 * figure is counted by — the act's verb before it in its clause ("launched … 12 missiles"), else after it
 * ("nine … were shot down") — is not the one asked (`asked`: the acts the question names).
 */
export function actConflict(text: string, tokens: readonly Token[], slot: Slot, asked: ReadonlySet<string>): boolean {
  if (asked.size === 0) return false;
  for (let k = slot.first - 1; k >= Math.max(0, slot.first - ACT_REACH); k--) {
    if (/[;:()—–]|,\s+(?:and|while|but)\b/.test(text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0))) break;
    const term = tokens[k]?.term;
    if (term && WEAPON_ACTS.includes(term)) return !asked.has(term);
  }
  for (let k = slot.last + 1; k <= Math.min(tokens.length - 1, slot.last + ACT_REACH); k++) {
    if (/[,;:()—–]/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) break;
    // "four missiles and 25 drones were shot down": a figure joined to the next shares its verb.
    if (/^(?:and|or|but|while)$/.test(tokens[k]?.lower ?? '') && !tokens[k + 1]?.numeric) break;
    const term = tokens[k]?.term;
    if (term && WEAPON_ACTS.includes(term)) return !asked.has(term);
  }
  return false;
}

/** The side word acting just before a figure ("Russia fired 183 drones") is not one of `actors`. */
export function actorConflict(tokens: readonly Token[], slot: Slot, actors: readonly string[]): boolean {
  for (let k = slot.first - 1; k >= Math.max(0, slot.first - 6); k--) {
    const term = tokens[k]?.term;
    if (term && SIDE_TERMS.includes(term)) return !actors.includes(term);
  }
  return false;
}

/** A speaker (one of `names`) stands within three words of a speech verb ("Trump said", "according to Zelenskyy"). */
export function speaks(
  tokens: readonly Token[],
  names: readonly WeightedTerm[],
  positions: Map<string, number[]>,
  text?: string,
): boolean {
  if (names.length === 0) return true;
  return names.some((n) =>
    (positions.get(n.term) ?? []).some(
      (p) =>
        tokens.some((t, k) => Math.abs(k - p) <= 3 && SPEECH.test(t.lower)) ||
        (text !== undefined && SPEECH.test(afterAppositive(text, tokens, p)?.lower ?? '')),
    ),
  );
}

/** How far an appositive set off by commas may run ("Berg, who heads the port authority, said"). */
const APPOSITIVE_CHARS = 80;

/** The word after a name's appositive ("X, Ukraine's chief negotiator, said" → "said"), if it has one. */
function afterAppositive(text: string, tokens: readonly Token[], p: number): Token | undefined {
  const name = tokens[p];
  if (!name || !/^\s*,/.test(text.slice(name.end))) return undefined;
  const open = text.indexOf(',', name.end);
  const close = text.indexOf(',', open + 1);
  if (close < 0 || close - open > APPOSITIVE_CHARS) return undefined;
  return tokens.find((t) => t.start > close);
}

/** How many words after a figure its "of" phrase may run ("61 per cent of all verified civilian casualties"). */
const OF_PHRASE_REACH = 6;

/**
 * The measure a figure counts: the measure word in the noun phrase right after it ("183 drones",
 * "two ballistic missiles"), else the nearest one within six words. A conflict when the question asks
 * about another measure.
 */
export function measureConflict(
  text: string,
  tokens: readonly Token[],
  positions: Map<string, number[]>,
  slot: Slot,
  asked: Set<string>,
): boolean {
  if (asked.size === 0) return false;
  // "Casualties" covers the killed, the injured and the missing.
  const wanted = asked.has(CASUALTIES_TERM) ? new Set([...asked, ...OUTCOME_TERMS]) : asked;
  // "killing two workers", "wounded 47 others": a verb right before the figure says what it counts.
  // ("2 killed, 15 injured": not a verb whose clause a comma has ended.)
  // ("killing at least six people": the figure's qualifier, as the number reader reads it, stands between them.)
  const qualified = qualifierBefore(text, tokens[slot.first]?.start ?? 0);
  const before = qualified ? tokens.findLastIndex((t) => t.end <= qualified.start) : slot.first - 1;
  const verb = tokens[before]?.term;
  const joined = /^\s*$/.test(text.slice(tokens[before]?.end ?? 0, tokens[before + 1]?.start ?? 0));
  if (verb && joined && OUTCOME_TERMS.includes(verb) && /(?:ing|ed)$/.test(tokens[before]?.lower ?? '')) {
    return !wanted.has(verb);
  }
  // "15 injured" read as one figure: its own measure word says what it counts.
  for (let k = slot.first + 1; k <= slot.last; k++) {
    const term = tokens[k]?.term;
    if (term && MEASURE_TERMS.includes(term)) return !wanted.has(term);
  }
  // "61 per cent of all verified civilian casualties": the noun phrase after "of" is what the figure is of,
  // however many words it has, and it decides before any measure word nearer by (a subject's "drones").
  const own = tokens[slot.last + 1]?.lower === 'of' ? OF_PHRASE_REACH : 3;
  for (let k = slot.last + 1; k <= slot.last + own && k < tokens.length; k++) {
    if (/[,;:()—–]/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) break;
    // "… two workers and wounding 11 others": a measure after a conjunction belongs to the next figure.
    if (/^(?:and|or|but|while|as)$/.test(tokens[k]?.lower ?? '')) break;
    const term = tokens[k]?.term;
    if (term && MEASURE_TERMS.includes(term)) return !wanted.has(term);
  }
  return conflicts(positions, slot, MEASURE_TERMS, wanted, 6);
}

/** A name's own title: the role or person noun right before it ("Harbour master Ivo Kask"), or in
 * the apposition right after it ("Ivo Kask, the port's harbour master,"), lower-cased; null when none. */
export function titleOfName(
  text: string,
  tokens: readonly Token[],
  slot: Slot,
  nouns: (lower: string) => boolean,
): string | null {
  const before = tokens[slot.first - 1];
  if (before && nouns(before.lower) && !PHRASE_GAP.test(text.slice(before.end, tokens[slot.first]?.start ?? 0)))
    return before.lower;
  const after = tokens[slot.last + 1];
  if (!after || !/^\s*,\s*$/.test(text.slice(tokens[slot.last]?.end ?? 0, after.start))) return null;
  // ", a spokesman for …", ", the region's governor", ", a 34-year-old mother of two": up to four words in.
  for (let k = slot.last + 1; k <= slot.last + 5 && k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || (k > slot.last + 1 && PHRASE_GAP.test(text.slice(tokens[k - 1]?.end ?? 0, t.start)))) break;
    if (nouns(t.lower)) return t.lower;
  }
  return null;
}

const CIVILIANS_TERM = termOf('civilians') ?? 'civilians';
const SOLDIERS_TERM = termOf('soldiers') ?? 'soldiers';

/**
 * "How many civilians …?" is not answered by "9,000 troop deaths": the figure's own noun (a
 * side word or two may stand between) counts soldiers where civilians are asked about, or the other way round.
 */
export function populationConflict(tokens: readonly Token[], slot: Slot, terms: readonly WeightedTerm[]): boolean {
  const asked = terms.find((t) => t.term === CIVILIANS_TERM || t.term === SOLDIERS_TERM)?.term;
  if (
    asked === undefined ||
    terms.some((t) => t.term !== asked && (t.term === CIVILIANS_TERM || t.term === SOLDIERS_TERM))
  )
    return false;
  for (let k = slot.first; k <= slot.last + 3 && k < tokens.length; k++) {
    const term = tokens[k]?.term;
    if (term === CIVILIANS_TERM || term === SOLDIERS_TERM) return term !== asked;
  }
  // A figure with no such noun of its own, in a sentence that names only the other: the other's.
  const other = asked === CIVILIANS_TERM ? SOLDIERS_TERM : CIVILIANS_TERM;
  return tokens.some((t) => t.term === other) && !tokens.some((t) => t.term === asked);
}

/**
 * Verbs that tie a figure to the subject of its clause: a copula or auxiliary ("seven of the sailors were
 * cadets"), or a verb of measuring ("the damage was estimated at …", "the toll rose to …").
 */
const LINKING_VERBS: ReadonlySet<string> = new Set(
  'is are was were be been being stood stands reached reaches rose risen rises fell fallen falls climbed climbs dropped drops grew grown totalled totaled totals amounted amounts numbered estimated put'.split(
    ' ',
  ),
);
/** How many words a figure may stand from the noun it is said of, within one clause. */
const PREDICATE_REACH = 14;
/** How many words may stand between the linking verb and what it links ("was estimated at about …"). */
const LINK_REACH = 2;

/**
 * The figure is said of the word at one of `at` within one clause: the word is (in) the subject and the
 * figure follows its linking verb ("damage to the port since March was estimated at $3 million"), or the
 * figure is the subject and the word follows the linking verb ("Seven of the sailors who came ashore were cadets",
 * "40 of the drones and two of the missiles were shot down"). A comma, a bracket or a dash ends the clause; so does
 * another figure (a date or a year within the clause is not one), unless it opens a partitive coordinated
 * with the first ("… and two of the missiles …").
 */
export function predicatedOf(text: string, tokens: readonly Token[], at: readonly number[], slot: Slot): boolean {
  if (slot.first < 0) return false;
  let figures: ReturnType<typeof findNumbers> | undefined;
  const figureList = () => {
    figures ??= findNumbers(text, tokens).filter((m) => m.kind !== 'date' && m.kind !== 'year');
    return figures;
  };
  const isFigure = (k: number) => figureList().some((m) => k >= m.first && k <= m.last);
  // The words strictly between `from` and `to` hold a linking verb, the last of them (for a word before the
  // figure) or the first (for one after it) within LINK_REACH of the figure's side … of the far end.
  const linked = (from: number, to: number, figureFirst: boolean): boolean => {
    let verb = -1;
    for (let k = from + 1; k <= to; k++) {
      if (PHRASE_GAP.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) return false;
      if (k === to) break;
      const t = tokens[k];
      if (!t) return false;
      if (isFigure(k)) {
        const partitive = figureFirst && tokens[k - 1]?.lower === 'and' && tokens[k + 1]?.lower === 'of';
        if (!partitive) return false;
      }
      if (LINKING_VERBS.has(t.lower) && (verb < 0 || !figureFirst)) verb = k;
    }
    return verb >= 0 && to - verb - 1 <= LINK_REACH;
  };
  const said = (first: number, last: number) =>
    at.some((p) =>
      p < first
        ? first - p <= PREDICATE_REACH && linked(p, first, false)
        : p > last && p - last <= PREDICATE_REACH && linked(last, p, true),
    );
  if (said(slot.first, slot.last)) return true;
  // "Exports had reached 1.2 million tonnes by May 4, down about 12% from a year earlier": a change set off
  // after the figure it changes is said of what that figure is.
  if (!CHANGE_AFTER.test(text.slice(0, tokens[slot.first]?.start ?? 0))) return false;
  const previous = figureList()
    .filter((m) => m.last < slot.first && slot.first - m.last <= CHANGE_REACH)
    .at(-1);
  return previous !== undefined && said(previous.first, previous.last);
}

/** A change set off after a figure: ", down", ", up by", ", higher". */
const CHANGE_AFTER =
  /,\s*(?:up|down|higher|lower)(?:\s+by)?\s*(?:about|around|roughly|some|nearly|almost|more than|over)?\s*$/i;
/** How many words after the figure it changes such a change may stand ("… tonnes by May 4, down …"). */
const CHANGE_REACH = 8;
