import { COUNTRIES, MONTHS } from '../extract/lexicon.js';
import { CURRENCY_NAMES } from '../nlp/numbers.js';
import type { AnswerKind } from '../types.js';
import { asksDuration } from './slots.js';
import { CONCEPT_TERMS, MEASURE_TERMS, QUESTION_NOISE, SIDE_TERMS, type Token, termOf, tokenize } from './text.js';
import { PERSON_ROLE_WORDS } from './vocabulary.js';

/**
 * Question analysis: what kind of answer is wanted (a count, a person, a place, a date, a length, a
 * description), which words name the thing asked about (the focus: "prisoners" in "how many prisoners…"),
 * and which words constrain it (sides, names, dates).
 */

export interface QuestionTerm {
  term: string;
  surface: string;
  /** Part of the thing asked about ("Ukrainian soldiers" in "How many Ukrainian soldiers…"). */
  focus: boolean;
  /** Part of the subject of "what did X say", "what will X be like": must be known to the sources. */
  subject: boolean;
  /** The head noun of the focus: an answer must be anchored next to it. */
  head: boolean;
  /** A proper name or acronym written with a capital in the question (not its first word). */
  proper: boolean;
  /** A side concept (ukraine/russia/american): constrains whose figure is meant. */
  side: boolean;
  /** Position in the question (for verbs: "agree to reopen" → object extraction). */
  position: number;
}

/** A question term with its weight: rarity (idf) times its role in the question. */
export interface WeightedTerm extends QuestionTerm {
  weight: number;
  /** Stands in, by meaning, for a question word no source uses: support, never the only evidence. */
  soft?: boolean;
}

export interface DateConstraint {
  year: number | null;
  month: number | null;
  day: number | null;
  /** "As of January 30": the date of the reporting, not of the event. */
  asOf?: boolean;
  text: string;
}

export interface QuestionAnalysis {
  question: string;
  kind: AnswerKind;
  terms: QuestionTerm[];
  tokens: Token[];
  date: DateConstraint | null;
  /** Verbs of a "what did X <verb>" question, as index terms ("reopen"). */
  verbs: string[];
  /** Sides that act in "how many drones did Russia fire": the figure must be theirs. */
  actors: string[];
  /** The act is done to the other side's people or things ("shoot down", "kill", "capture"). */
  actsOnOther?: boolean;
  /** "What did X say …": the answer must be something X said. */
  asksWhatWasSaid: boolean;
}

const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'did',
  'do',
  'does',
  'will',
  'would',
  'can',
  'could',
  'should',
  'been',
  'be',
]);

const MONTH_NAMES: readonly string[] = MONTHS;

/** "countries" → "country", "cities" → "city", "officials" → "official". */
function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
}

const DATE_WORDS = new Set(['date', 'day', 'year', 'month', 'time']);
const PLACE_WORDS = new Set([
  'city',
  'country',
  'place',
  'venue',
  'location',
  'capital',
  'district',
  'region',
  'province',
  'oblast',
  'town',
  'village',
  'county',
  'neighbourhood',
  'neighborhood',
  'port',
]);
const ORGANISATION_TYPE_WORDS = new Set([
  'tank',
  'organization',
  'organisation',
  'group',
  'agency',
  'institute',
  'ministry',
  'outlet',
  'body',
  'monitor',
  'mission',
  'newspaper',
  'broadcaster',
  'network',
]);
/** Words that only say what type of answer is wanted ("which city", "the name of"): not content to match. */
export const ANSWER_TYPE_WORDS = new Set([
  ...PLACE_WORDS,
  ...DATE_WORDS,
  'name',
  'person',
  'figure',
  'number',
  'count',
  'total',
]);
/** Role words so generic that any person answers them ("which official", "what person"). */
const GENERIC_PERSON_WORDS = new Set(['official', 'officials', 'person', 'individual', 'man', 'woman', 'figure']);
const FIGURE_WORDS = new Set([
  'figure',
  'number',
  'toll',
  'count',
  'estimate',
  'total',
  'tally',
  'size',
  'scale',
  'extent',
  'range',
  'projection',
]);
/** Where a noun phrase in a question ends: a preposition, auxiliary, wh-word, conjunction or punctuation. */
const PHRASE_END =
  /^(?:[^\p{L}\p{N}]+|for|of|on|in|at|by|from|to|with|since|during|per|according|and|or|than|that|which|who|whom|when|where|did|does|do|is|was|are|were|has|have|had|will|would|say|said)$/iu;
const PERCENT_WORDS = new Set(['percentage', 'percent', 'share', 'rate', 'proportion']);

const WH_WORDS = new Set(['who', 'whom', 'where', 'when', 'which', 'what', 'how']);

/** "… in euros", "in US dollars", "in hryvnias": an amount asked for in a currency. */
const IN_CURRENCY = new RegExp(
  String.raw`\bin (?:(?:us|u\.s\.|american|canadian|australian) )?(?:${CURRENCY_NAMES})\b`,
);

/** Demonyms in lower case ("american", "ukrainian"), the gazetteer's one-word ones. */
const DEMONYMS: ReadonlySet<string> = new Set(
  COUNTRIES.map((c) => c.demonym.toLowerCase()).filter((d) => !/[\s.]/.test(d)),
);

function detectKind(lower: string, tokens: Token[]): AnswerKind {
  const words = tokens.map((t) => t.lower);
  // The question word may come late ("Tell me where…", "Drones launched overnight: how many?").
  const wh = words.findIndex((w) => WH_WORDS.has(w));
  const first = wh >= 0 ? (words[wh] ?? '') : (words[0] ?? '');
  // "How much of the valley does the river authority hold?": a share of a whole.
  if (/\b(?:by how much|how much of|(?:what|which) (?:percentage|percent|share|proportion|rate))\b/.test(lower))
    return 'percent';
  // "How big an army …", "how large is the delegation": the size of a group of people is a count.
  if (
    /\bhow (?:large|big)\b(?:\s+\w+){0,3}?\s+(?:army|armies|force|forces|delegation|team|contingent|crowd|group|population|military|coalition|battalion|brigade|unit)\b/.test(
      lower,
    )
  )
    return 'count';
  // "How big is the buffer zone?" asks a size in space; "how big is the discount?", an amount.
  if (/\bhow (?:large|big)\b/.test(lower) && !SPATIAL_SIZE.test(lower)) return 'count';
  if (/\bhow (?:long|far|wide|large|big)\b|\bwhat is the length\b|^length\b/.test(lower)) return 'length';
  // "How much did civilian casualties grow?": a change, given as a percentage.
  if (/\bhow much\b/.test(lower) && tokens.some((t) => t.term !== null && CHANGE_TERMS.has(t.term))) return 'percent';
  // "How much did casualties go up?": a change too, said with the phrasal verb.
  if (/\bhow much\b.*\b(?:go|goes|gone|went|going) (?:up|down)\b/.test(lower)) return 'percent';
  // "How many times bigger is …", "how much deadlier was 2025 than 2024?": a ratio or a relative change,
  // given as a multiple ("two and a half times"), a share ("a fifth higher") or a percentage.
  if (CHANGE_ASKED.test(lower)) return 'percent';
  if (
    /\bhow many\b|\bhow much\b|^(?:the )?(?:number|count|tally|toll) of\b/.test(lower) &&
    !/\bhow many (?:kilomet|km\b|miles?\b|met(?:er|re)s?\b)/.test(lower)
  ) {
    return 'count';
  }
  if (/\bhow many (?:kilomet|km\b|miles?\b|met(?:er|re)s?\b)/.test(lower)) return 'length';
  if (/\bhow old\b/.test(lower)) return 'count';
  // "What was the damage in euros?": a currency as the unit asks for a sum.
  if (/^(?:what|which)\b/.test(first) && IN_CURRENCY.test(lower)) return 'count';
  if (first === 'when' || /\b(?:what|which) (?:date|day|year|month|time)\b/.test(lower)) return 'date';
  // "I'd like to know the location of …", "the date of …"
  if (wh < 0 && /\bthe (?:location|venue|place|city) (?:of|for)\b/.test(lower)) return 'place';
  if (wh < 0 && /\bthe date (?:of|for)\b/.test(lower)) return 'date';
  if (first === 'where' || /\b(?:in|at) (?:what|which) (?:city|country|place|venue|location)\b/.test(lower))
    return 'place';
  if (first === 'who' || first === 'whom') return 'person';
  if (/\bwhat(?:'s|s)?(?: (?:is|was|are|were))? the names? of\b|\bwhat(?:'s|s| is| was) (?:his|her) name\b/.test(lower))
    return 'person';
  // Imperatives: "Name Ukraine's lead negotiator."
  if (/^(?:name|identify)\b/.test(lower) && words.some((w) => PERSON_ROLE_WORDS.has(w))) return 'person';
  if ((first === 'which' || first === 'what') && words.length > wh + 1) {
    // Plurals ask for the same kind: "which two countries", "which officials".
    const next = words
      .slice(wh + 1, wh + 5)
      .filter((w) => !AUXILIARIES.has(w) && w !== 'the')
      .flatMap((w) => [w, singular(w)]);
    if (next.some((w) => PLACE_WORDS.has(w))) return 'place';
    if (next.some((w) => DATE_WORDS.has(w))) return 'date';
    // "What interception rate did the navy's count give?": the share named right after the question word is
    // what is asked, whatever figure word comes later.
    if (next.slice(0, 4).some((w) => PERCENT_WORDS.has(w))) return 'percent';
    // "What is the Ukrainian president's latest figure for …": a figure, though a role is named.
    if (
      !/^(?:did|does|do)$/.test(words[wh + 1] ?? '') &&
      words.slice(wh + 1).some((w) => FIGURE_WORDS.has(w)) &&
      !(next[0] !== undefined && PERSON_ROLE_WORDS.has(next[0]))
    ) {
      return 'count';
    }
    // "What did Russia's envoy blame …": the noun after a "did" is the subject, not the kind of answer.
    const subjectFollows = /^(?:did|does|do|will|would|can|could|should|has|have|had)$/.test(words[wh + 1] ?? '');
    if (!subjectFollows && next.some((w) => PERSON_ROLE_WORDS.has(w))) return 'person';
    // "Which detained Canadian did …", "which Norwegians were …": a people's name as the noun asked about is a
    // person (as an adjective, "which Canadian proposal", it is not the head).
    const aux = words.findIndex((w, k) => k > wh + 1 && AUXILIARIES.has(w));
    if (aux > wh + 1 && aux <= wh + 4 && DEMONYMS.has(singular(words[aux - 1] ?? ''))) return 'person';
    if (!subjectFollows && next.some((w) => ORGANISATION_TYPE_WORDS.has(w))) return 'organisation';
    if (next.some((w) => FIGURE_WORDS.has(w))) return 'count';
    if (next.some((w) => PERCENT_WORDS.has(w))) return 'percent';
  }
  return 'description';
}

/** Words that end a focus noun phrase (with auxiliaries and verbs). */
const FOCUS_END = /^(?:in|on|at|by|from|to|since|during|after|before|according|that|about|for|with)$/;

/** Token indexes of the focus phrase: what follows "how many", "which", "what is the", "who is". */
function focusRange(tokens: Token[], kind: AnswerKind, text: string, change: boolean): [number, number] | null {
  const words = tokens.map((t) => t.lower);
  let start = -1;
  // "When the search was called off, how many were missing?": a clause before the question word sets the
  // scene; "how many" says what is counted.
  const howMany = words.findIndex((w, i) => w === 'how' && (words[i + 1] === 'many' || words[i + 1] === 'much'));
  for (let i = howMany > 0 && kind === 'count' ? howMany : 0; i < words.length; i++) {
    const w = words[i];
    const n = words[i + 1];
    if (w === 'how' && n === 'old') return [i + 1, i + 1];
    if (w === 'how' && (n === 'many' || n === 'much' || n === 'long' || n === 'far' || n === 'big' || n === 'large')) {
      start = i + 2;
      // "How many times bigger is the estimate …", "how much deadlier was …": the comparison is the form of
      // the question; what is compared comes after it.
      if (change) {
        if (words[start] === 'times') start++;
        start += words[start] === 'as' ? 2 : 1;
      }
      break;
    }
    if (w === 'which' || w === 'what' || w === 'who' || w === 'where' || w === 'when') {
      start = i + 1;
      break;
    }
    if (i === 0 && (w === 'name' || w === 'identify')) {
      start = 1;
      break;
    }
  }
  // Fragments: "Number of prisoners released?", "Length of the front line?"
  if (start < 0 && /^(?:number|count|tally|toll|length)$/.test(words[0] ?? '') && words[1] === 'of') start = 2;
  if (start < 0) return null;
  // "Which of the Lisbon rounds was the shortest?": one of a set told apart by what is said of it — the
  // predicate ("shortest") is asked about; the set ("the Lisbon rounds") is context.
  if (words[start] === 'of') {
    const aux = words.findIndex((w, k) => k > start && AUXILIARIES.has(w));
    let p = aux + 1;
    if (aux > 0 && /^(?:the|a|an)$/.test(words[p] ?? '')) p++;
    if (aux > 0 && p > aux + 1 && p < words.length && !looksLikeVerb(words[p] ?? '')) {
      let end = p;
      while (
        end < words.length &&
        !/^(?:in|on|at|by|from|to|of|since|during|after|before|that|for|with)$/.test(words[end] ?? '')
      )
        end++;
      if (end > p) return [p, end - 1];
    }
  }
  // "What did the think tank estimate…", "What does Moscow insist on": the words after the auxiliary are the
  // subject, not the thing asked about.
  if (/^(?:did|does|do|will|would|can|could|should|has|have|had)$/.test(words[start] ?? '') && kind !== 'count')
    return null;
  // "what is the X", "who is Ukraine's X", "what figure for X did": skip auxiliaries and articles.
  while (start < words.length && (AUXILIARIES.has(words[start] ?? '') || /^(?:the|a|an)$/.test(words[start] ?? '')))
    start++;
  // "the Port of Varna's damage estimate", "the port's appeal": the possessor is not the thing
  // asked about — what it owns is (the possessive "'s" is no token: it follows a token in the text).
  for (let k = start; k < Math.min(words.length - 1, start + 5); k++) {
    const w = words[k] ?? '';
    if (AUXILIARIES.has(w) || FOCUS_END.test(w) || looksLikeVerb(w)) break;
    if (!/^['’]s?\b/.test(text.slice(tokens[k]?.end ?? 0))) continue;
    // "Russia's last official toll": a side as possessor says whose figure, and stays in the focus.
    if (!SIDE_TERMS.includes(tokens[k]?.term ?? '')) start = k + 1;
    break;
  }
  if (kind === 'count' && FIGURE_WORDS.has(words[start] ?? '') && /^(?:for|of)$/.test(words[start + 1] ?? ''))
    start += 2;
  // The focus is a noun phrase: it ends before an auxiliary, a preposition or a verb. "How many square
  // kilometres of Donetsk", "how many rounds of talks": what is counted stands before "of".
  let end = start;
  while (
    end < words.length &&
    !AUXILIARIES.has(words[end] ?? '') &&
    !FOCUS_END.test(words[end] ?? '') &&
    !(end > start && kind === 'count' && words[end] === 'of') &&
    !(end > start && looksLikeVerb(words[end] ?? ''))
  )
    end++;
  if (end <= start) return null;
  return [start, end - 1];
}

/** The subject of "what did/does/will X <verb>": the words after the auxiliary, up to the verb. */
function subjectRange(tokens: readonly Token[]): [number, number] | null {
  const aux = tokens.findIndex((t, i) => i > 0 && WH_WORDS.has(tokens[i - 1]?.lower ?? '') && AUXILIARIES.has(t.lower));
  if (aux < 0) return null;
  let start = aux + 1;
  while (start < tokens.length && /^(?:the|a|an)$/.test(tokens[start]?.lower ?? '')) start++;
  let end = start;
  const stop = (w: string) => AUXILIARIES.has(w) || PREPOSITIONS.test(w) || looksLikeVerb(w) || BASE_VERBS.has(w);
  while (end < tokens.length && !(end > start && stop(tokens[end]?.lower ?? ''))) end++;
  return end > start ? [start, end - 1] : null;
}

/** Verbs that follow the subject of "what did X …" in news questions ("say", "agree", "want"). */
const BASE_VERBS = new Set(
  'say like think want do mean agree insist demand plan expect propose offer claim announce give estimate report ask accept reject decide seek need hope call describe reveal confirm deny warn promise threaten reopen restore discuss'.split(
    ' ',
  ),
);

/** Common irregular past forms and -ed forms: where a question's noun phrase ends ("which envoy took part"). */
const IRREGULAR_VERBS = new Set(
  'took take takes met meet meets led lead leads held hold holds gave give gives said say says made make makes came come went go saw see told tell began begin sent send won win lost lose fought fight brought bring got get put kept keep left leave spoke speak wrote write shot shoot stood stand ran run became become'.split(
    ' ',
  ),
);

function looksLikeVerb(word: string): boolean {
  return IRREGULAR_VERBS.has(word) || (/(?:ed|ing)$/.test(word) && word.length > 5);
}

/** Acts done to the other side's people or things: shooting down, killing, capturing, exchanging. */
const AGAINST_TERMS = new Set(['downed', 'killed', 'captured', 'exchange', 'injured'].map((w) => termOf(w) ?? w));

/** Index terms of change words ("increase", "rise", "drop"). */
const CHANGE_TERMS = new Set(['increase', 'decrease'].map((w) => termOf(w) ?? w));

/**
 * A comparison asked as a ratio or a relative change: "how many times bigger / more / as many", "how many
 * times X's figure is …", "how much higher / deadlier … than" — not "how many times did …", a count of
 * events. ("How much more money …" asks an amount: "more" and "less" are left out.)
 */
export const CHANGE_ASKED =
  /\bhow many times (?!(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could|in|on|this|that|a|an|per|each|since|so far)\b)|\bhow much (?!more\b|less\b|further\b|longer\b|later\b|after\b|over\b|under\b|other\b|never\b|ever\b|per\b)\p{L}{2,}er\b(?=.*\bthan\b)/u;

/** How far after a figure the year it is compared with may be ("12% higher than in 2024"). */
const BASE_REACH = 6;

/** A year as a token ("2024"). */
export const YEAR_WORD = /^(?:19|20)\d\d$/;

/**
 * The word marking the year at token `k` as the base of a comparison: "than (in) 2024" → "than", "compared
 * with/to (in) 2024" → "compared", "vs 2024" → "vs"; null when none does.
 */
export function comparisonMarker(tokens: readonly Token[], k: number): 'than' | 'compared' | 'vs' | null {
  const j = tokens[k - 1]?.lower === 'in' ? k - 2 : k - 1;
  const before = tokens[j]?.lower ?? '';
  if (before === 'than') return 'than';
  if (before === 'vs' || before === 'versus') return 'vs';
  if ((before === 'with' || before === 'to') && tokens[j - 1]?.lower === 'compared') return 'compared';
  return null;
}

/**
 * The year a comparison is measured from, in the words from `from` on: "than (in) 2024", "compared
 * with 2024", "vs 2024"; null when none comes before another figure or within `reach` words.
 */
export function comparisonBase(tokens: readonly Token[], from: number, reach = BASE_REACH): string | null {
  for (let k = from; k < Math.min(tokens.length, from + reach); k++) {
    const w = tokens[k]?.lower ?? '';
    if (tokens[k]?.numeric && !YEAR_WORD.test(w)) return null;
    if (YEAR_WORD.test(w) && comparisonMarker(tokens, k) !== null) return w;
  }
  return null;
}

/** Verbs that give a figure ("estimate", "put", "report", "give", "count", "tally"), as index terms. */
const FIGURE_VERB_TERMS = new Set(
  ['estimate', 'put', 'report', 'give', 'count', 'tally', 'record'].map((w) => termOf(w) ?? w),
);

/** "How big is the zone …": a size in space is asked of a place, a stretch of land or a structure. */
const SPATIAL_SIZE =
  /\bhow (?:large|big)\b(?:\s+\w+){0,3}?\s+(?:zones?|areas?|front(?:line)?s?|lines?|territor(?:y|ies)|regions?|corridors?|buildings?|craters?|sites?|fields?|plants?|cit(?:y|ies)|towns?|villages?|countr(?:y|ies)|islands?|reservoirs?|ships?|vessels?|rooms?|halls?|land|strip|plots?|distances?|gap between)\b/;

const PREPOSITIONS = /^(?:in|on|at|about|for|with|of|from|over|into|during|after|before|between|against|by|since)$/;

/** Verbs of saying in writing, which stand for "say" in a question about what someone said. */
const WROTE = /^(?:write|wrote|post|posted|tweet|tweeted)$/;

/** A clause of its own begins ("… agree when they met", "… say after the strike hit"): its verbs are not the asked action. */
const SUBORDINATORS = /^(?:when|while|whilst|as|because|if|once|where|until|whereas|though|although)$/;

/** True when a preposition (or a subordinating conjunction) stands between the end of the focus and token `i`. */
function afterPreposition(tokens: readonly Token[], focusEnd: number, i: number): boolean {
  for (let k = focusEnd + 1; k < i; k++) {
    const w = tokens[k]?.lower ?? '';
    if (PREPOSITIONS.test(w) || SUBORDINATORS.test(w)) return true;
  }
  return false;
}

const MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const monthOf = (word: string) => MONTH_NAMES.findIndex((m) => m.startsWith(word.slice(0, 3))) + 1;

/** Words before a date that make it where a count starts ("since", "from", "starting"), not what is asked. */
const COUNT_START = '\\b(?:since|from|starting)\\s+';

/**
 * The date a question is about: a year ("in 2025"), a month ("in January 2026") or a day ("the February 3
 * strikes", "on 3 Feb", "as of January 30").
 */
export function detectDate(lower: string): DateConstraint | null {
  const dayFirst = new RegExp(
    `\\b([0-3]?\\d)(?:st|nd|rd|th)? (?:of )?(${MONTH_PATTERN})\\.?\\b(?:,? ((?:19|20)\\d\\d))?`,
  ).exec(lower);
  const monthFirst = new RegExp(
    `\\b(${MONTH_PATTERN})\\.? ([0-3]?\\d)(?:st|nd|rd|th)?\\b(?![,.]?\\d)(?:,? ((?:19|20)\\d\\d))?`,
  ).exec(lower);
  const day = monthFirst
    ? { month: monthOf(monthFirst[1] ?? ''), day: Number(monthFirst[2]), year: monthFirst[3], text: monthFirst[0] }
    : dayFirst
      ? { month: monthOf(dayFirst[2] ?? ''), day: Number(dayFirst[1]), year: dayFirst[3], text: dayFirst[0] }
      : null;
  if (day && day.month > 0 && day.day >= 1 && day.day <= 31) {
    const before = lower.slice(0, lower.indexOf(day.text));
    // "since January 1": where a count starts, as with a year below ("from" a day may open a span of days).
    if (/\bsince\s+$/.test(before)) return null;
    const asOf = /\b(?:as of|as at)\s*$/.test(before);
    return { year: day.year ? Number(day.year) : null, month: day.month, day: day.day, text: day.text.trim(), asOf };
  }
  // "in February 2025", "back in feb 2025", "Dec. 2024".
  const m = new RegExp(
    `\\b(?:in |since |by |of )?(?:(early|late|mid)[- ])?(?:\\b(${MONTH_PATTERN})\\b\\.?)?\\s*((?:19|20)\\d\\d)\\b`,
  ).exec(lower);
  if (m?.[3]) {
    // "since (Feb) 2022": where a count starts, not when what is counted happened.
    const before = lower.slice(0, m.index);
    if (/^since\b/.test(m[0]) || new RegExp(`${COUNT_START}(?:(?:${MONTH_PATTERN})\\.?\\s*)?$`).test(before))
      return null;
    return { year: Number(m[3]), month: m[2] ? monthOf(m[2]) : null, day: null, text: m[0].trim() };
  }
  // "… in January?": a month of no stated year ("may" is left out: it is more often the verb).
  const bare =
    /\b(?:in|during|through|throughout) (?:(?:early|late|mid)[- ])?(january|february|march|april|june|july|august|september|october|november|december)\b(?![- ]?\d)/.exec(
      lower,
    );
  if (bare?.[1]) return { year: null, month: MONTH_NAMES.indexOf(bare[1]) + 1, day: null, text: bare[0].trim() };
  return null;
}

export function analyzeQuestion(question: string): QuestionAnalysis {
  // "How much did casualties go up?": the phrasal verb is one word for a change, not "go" and "up" to find
  // ("up to 900").
  const clean = question
    .replace(/<@!?\d+>/g, ' ')
    .replace(/\b(?:go|goes|gone|went|going) (up|down)\b/gi, (_m, way: string) =>
      way.toLowerCase() === 'up' ? 'increase' : 'decrease',
    )
    // "took down", "brought down" (drones): shot down.
    .replace(/\b(?:took|take|takes|taken|taking|brought|bring|brings|bringing) (?:them |it )?down\b/gi, 'shot down')
    .trim();
  const lower = clean.toLowerCase();
  // "How many times bigger …": "times" is part of the question's form, not a word to find.
  const change = CHANGE_ASKED.test(lower);
  const tokens = tokenize(clean).map((t, k, all) =>
    change && t.lower === 'times' && all[k - 1]?.lower === 'many' ? { ...t, term: null } : t,
  );
  let kind = detectKind(lower, tokens);
  const range = focusRange(tokens, kind, clean, change);
  // "Who is Jared Kushner?": the question names the person; the answer is the role the sources give them.
  if (kind === 'person' && /^(?:[Ww]ho|[Ww]hom) (?:is|was|are|were) (?:\p{Lu}[\p{L}'’.-]*\s?){1,4}\??$/u.test(clean)) {
    kind = 'role';
  }
  // "What was the increase in civilian casualties?": a change, given as a percentage.
  if (
    kind === 'description' &&
    range &&
    tokens.slice(range[0], range[1] + 1).some((t) => CHANGE_TERMS.has(t.term ?? ''))
  ) {
    kind = 'percent';
  }
  // "What is the CSIS estimate of …", "what death toll …": a figure is wanted.
  if (kind === 'description' && range && tokens.slice(range[0], range[1] + 1).some((t) => FIGURE_WORDS.has(t.lower)))
    kind = 'count';
  // "Higher than in 2023": the year a change is measured from is not when what is asked about happened.
  const base = comparisonBase(tokens, 0, tokens.length);
  const read = detectDate(lower);
  const date =
    base !== null && read?.year === Number(base) && read.month === null
      ? detectDate(lower.replace(new RegExp(`\\b(?:than|vs|versus|compared (?:with|to))(?: in)? ${base}\\b`), ' '))
      : read;
  const asksWh = tokens.some((t) => WH_WORDS.has(t.lower)) || kind !== 'description';

  const terms: QuestionTerm[] = [];
  let headIndex = -1;
  if (range) {
    // "How many hours a day …": "a day" is the rate, not what is counted.
    const rate = (i: number) =>
      /^(?:a|an|per|each)$/.test(tokens[i - 1]?.lower ?? '') &&
      /^(?:second|minute|hour|day|night|week|month|year)$/.test(tokens[i]?.lower ?? '');
    for (let i = range[1]; i >= range[0]; i--) {
      const t = tokens[i];
      if (t?.term && !rate(i) && !SIDE_TERMS.includes(t.term) && !t.capitalized && !/(?:ed|ing|ly)$/.test(t.lower)) {
        headIndex = i;
        break;
      }
    }
    if (headIndex < 0) {
      for (let i = range[1]; i >= range[0]; i--) {
        if (tokens[i]?.term) {
          headIndex = i;
          break;
        }
      }
    }
  }
  /** A lower-case content word, not a side; `strict`: nor a figure word or a verb. */
  const plain = (k: number, strict = false) => {
    const t = tokens[k];
    if (!t?.term || t.capitalized || SIDE_TERMS.includes(t.term) || QUESTION_NOISE.has(t.lower)) return false;
    return !strict || (!FIGURE_WORDS.has(t.lower) && !looksLikeVerb(t.lower));
  };
  if (headIndex < 0 && (kind === 'count' || kind === 'percent')) {
    // No focus phrase. "What did X estimate for Russian military deaths?": the last plain noun is counted;
    // "Drones launched overnight: how many?": the first.
    const order = tokens.map((_, k) => k);
    if (!/\bhow (?:many|much)\W*$/.test(lower)) order.reverse();
    headIndex = order.find((k) => plain(k)) ?? -1;
  }
  // "the size of the prisoner swap": the counted thing is the measure noun ("prisoner"), not the event.
  if (kind === 'count' && range && !MEASURE_TERMS.includes(tokens[headIndex]?.term ?? '')) {
    for (let k = range[1]; k >= range[0]; k--) {
      if (MEASURE_TERMS.includes(tokens[k]?.term ?? '') && !looksLikeVerb(tokens[k]?.lower ?? '')) {
        headIndex = k;
        break;
      }
    }
  }
  // "What estimate did the think tank give for Russian deaths?": an estimate is not what is counted.
  if ((kind === 'count' || kind === 'percent') && FIGURE_WORDS.has(tokens[headIndex]?.lower ?? '')) {
    // A measure anywhere ("… latest figure for military deaths") is what is counted; else prefer the focus
    // ("the civilian death toll" → death), else the last plain noun ("… for Russian deaths").
    const inFocus = range
      ? [...tokens.keys()]
          .filter((k) => k >= range[0] && k <= range[1])
          .reverse()
          .find((k) => plain(k, true))
      : undefined;
    const isMeasure = (k: number) => plain(k, true) && MEASURE_TERMS.includes(tokens[k]?.term ?? '');
    // "the death toll from the drone strike": the focus's own measure before any later one.
    const measure =
      (range ? [...tokens.keys()].filter((k) => k >= range[0] && k <= range[1]).find(isMeasure) : undefined) ??
      [...tokens.keys()].reverse().find(isMeasure);
    // "the figure reported for people injured", "the number of prisoners": what the figure is for.
    const at = headIndex;
    const forAt = tokens.findIndex((t, k) => k > at && k <= at + 3 && /^(?:for|of|on)$/.test(t.lower));
    // The object is the noun phrase after it, whose head is its last noun ("for total Ukrainian military
    // casualties" → casualties), up to the next preposition, auxiliary or punctuation.
    let end = forAt + 1;
    while (forAt > 0 && end < tokens.length && end <= forAt + 5 && !PHRASE_END.test(tokens[end]?.surface ?? '')) end++;
    const object =
      forAt > 0 ? [...tokens.keys()].reverse().find((k) => k > forAt && k < end && plain(k, true)) : undefined;
    const last = object ?? measure ?? inFocus ?? [...tokens.keys()].reverse().find((k) => plain(k, true));
    if (last !== undefined) headIndex = last;
  }
  // "What did China say…", "What will the weather be like…": the subject after the auxiliary is what the
  // question is about; a subject no source mentions means the sources cannot answer.
  const subject = range ? null : subjectRange(tokens);
  // "What did Putin say about the prisoner exchange?": the topic after "about" is what the answer must be about.
  const about = subject ? tokens.findIndex((t, k) => k > subject[1] && t.lower === 'about') : -1;
  if (kind === 'description' && about >= 0) {
    for (let k = tokens.length - 1; k > about; k--) {
      const t = tokens[k];
      if (t?.term && !t.capitalized && !QUESTION_NOISE.has(t.lower)) {
        headIndex = k;
        break;
      }
    }
  }
  // "How many drones did Russia fire": the side between the auxiliary and the verb is the one acting.
  const actors: string[] = [];
  if ((kind === 'count' || kind === 'percent') && range && AUXILIARIES.has(tokens[range[1] + 1]?.lower ?? '')) {
    for (let k = range[1] + 2; k < tokens.length && k <= range[1] + 5; k++) {
      const t = tokens[k];
      if (t?.lower === 'the') continue;
      // A side is an actor however it is typed ("did ukraine shoot down"); other words only when capitalised.
      if (!t?.capitalized && !(t?.term && SIDE_TERMS.includes(t.term))) break;
      // "did Ukraine's air force say Russia fired": a possessive side names who reports, not who acts.
      if (/^['’]s\b/.test(clean.slice(t.end, t.end + 3))) break;
      if (t.term && SIDE_TERMS.includes(t.term)) actors.push(t.term);
    }
  }
  // With no side of its own, what is counted belongs to the side acting ("How many drones did Russia fire",
  // "How many casualties has the Ukrainian army suffered") — unless the act is done to the other side's
  // ("How many drones did Russia shoot down").
  // A side the act is aimed at ("inflict on Russian forces", "strikes against Russia") is the one counted.
  const aimedAt = tokens.some(
    (t, i) =>
      t.term !== null &&
      SIDE_TERMS.includes(t.term) &&
      i > 0 &&
      /^(?:on|against|upon)$/.test(tokens[i - 1]?.lower ?? ''),
  );
  const actsOnOther =
    aimedAt ||
    /\b(?:shoot|shot|shooting|brought|bring|bringing)\s+down\b|\bintercept/i.test(clean) ||
    tokens.some((t) => t.term !== null && AGAINST_TERMS.has(t.term));
  const countedSides = new Set(actsOnOther ? [] : actors);
  const focusHasSide =
    range !== null && tokens.slice(range[0], range[1] + 1).some((t) => SIDE_TERMS.includes(t.term ?? ''));
  const verbs: string[] = [];
  tokens.forEach((t, i) => {
    // Answer-type words only type the answer of a wh-question; in a statement ("a date has been set") they
    // are what is said.
    if (!t.term || QUESTION_NOISE.has(t.lower) || (asksWh && ANSWER_TYPE_WORDS.has(t.lower))) return;
    if (
      (kind === 'place' || kind === 'organisation') &&
      (PLACE_WORDS.has(singular(t.lower)) || ORGANISATION_TYPE_WORDS.has(singular(t.lower)))
    )
      return;
    if (kind === 'person' && GENERIC_PERSON_WORDS.has(t.lower)) return;
    if (date && /^(?:19|20)\d\d$/.test(t.lower)) return;
    if (date && MONTH_NAMES.includes(t.lower)) return;
    // The words of a day-precise date ("February 3") are the date constraint, not words to find.
    if (date?.day && date.text.split(/\W+/).includes(t.lower)) return;
    // A side right before the counted noun qualifies it ("… for Russian deaths"), wherever it stands.
    const qualifiesHead = headIndex >= 0 && i < headIndex && i >= headIndex - 2;
    // "… killed in Russia": a place that is a side qualifies what is counted too.
    const countedIn = (kind === 'count' || kind === 'percent') && tokens[i - 1]?.lower === 'in';
    const topic = about >= 0 && i > about;
    const focus =
      (range !== null && i >= range[0] && i <= range[1]) ||
      topic ||
      ((qualifiesHead || countedIn) && SIDE_TERMS.includes(t.term)) ||
      (countedSides.has(t.term) && !focusHasSide);
    const side = SIDE_TERMS.includes(t.term);
    terms.push({
      term: t.term,
      surface: t.surface,
      focus,
      subject: (subject !== null && i >= subject[0] && i <= subject[1]) || (kind === 'role' && focus),
      head: i === headIndex,
      // A name inside a compound modifier ("Shahed-type drones") qualifies, it does not name.
      // "POWs" is a word of the vocabulary, not a name.
      proper:
        i > 0 &&
        t.capitalized &&
        !t.numeric &&
        !CONCEPT_TERMS.has(t.term) &&
        !/^-\p{Ll}/u.test(clean.slice(t.end, t.end + 2)),
      side,
      position: i,
    });
    // The verbs of "what did X agree to restore?": verb-like words after the focus or subject, up to the
    // first preposition ("…the biggest obstacle in the peace talks" has none).
    const verbFrom = range ? range[1] : subject ? subject[1] : -1;
    if (
      !focus &&
      verbFrom >= 0 &&
      i > verbFrom &&
      !t.capitalized &&
      kind === 'description' &&
      !afterPreposition(tokens, verbFrom, i) &&
      (looksLikeVerb(t.lower) || (subject !== null && i === subject[1] + 1) || tokens[i - 1]?.lower === 'to')
    ) {
      verbs.push(t.term);
    }
  });
  // "What did the think tank estimate for Russian deaths?": a reporting verb and a measure ask for a figure.
  if (
    kind === 'description' &&
    terms.some((t) => MEASURE_TERMS.includes(t.term)) &&
    terms.some((t) => FIGURE_VERB_TERMS.has(t.term))
  ) {
    kind = 'count';
    // Read as a figure only now, the side just before the last measure ("the institute's estimate of
    // Russian troop deaths") still says whose dead are counted, as it would in a focus phrase.
    const measure = terms.findLast((t) => MEASURE_TERMS.includes(t.term) && !t.side);
    if (measure) {
      for (const t of terms) {
        if (t.side && t.position < measure.position && t.position >= measure.position - 2) t.focus = true;
      }
    }
  }
  // "How long did the meeting last?": a span of time; the distance words "long" stands for are not wanted.
  if (kind === 'length' && asksDuration(clean)) {
    const distance = termOf('kilometer');
    for (let k = terms.length - 1; k >= 0; k--) if (terms[k]?.term === distance) terms.splice(k, 1);
  }
  const asksWhatWasSaid =
    subject !== null &&
    /\b(?:say|said|tell|told|think|claim|claimed|announce|announced|write|wrote|post|posted|tweet|tweeted)\b/.test(
      lower,
    );
  // "What did X post / write / tweet?": the verb asks what X said, as "say" does; it is not a word to find.
  if (asksWhatWasSaid && subject) {
    const verb = terms.findIndex(
      (t) => t.position >= subject[0] && t.position <= subject[1] + 1 && WROTE.test(t.surface.toLowerCase()),
    );
    const term = terms[verb]?.term;
    if (term && terms.length > 1) {
      terms.splice(verb, 1);
      if (verbs.includes(term)) verbs.splice(verbs.indexOf(term), 1);
    }
  }
  return { question: clean, kind, terms, tokens, date, verbs, actors, actsOnOther, asksWhatWasSaid };
}
