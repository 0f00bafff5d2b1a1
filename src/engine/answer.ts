import { COUNTRIES, countryOf, PEOPLE_NOUNS } from '../extract/lexicon.js';
import { CURRENCY_CODES, CURRENCY_NAMES, wordsToNumber } from '../nlp/numbers.js';
import { applyCorrections } from '../sources/corrections.js';
import type { Answer, AnswerKind, Article, RichCitation, Sentence } from '../types.js';
import { ALTERNATIVES_LEAD } from './alternatives.js';
import {
  analyzeQuestion,
  comparisonBase,
  comparisonMarker,
  type DateConstraint,
  detectDate,
  type QuestionAnalysis,
  type QuestionTerm,
  type WeightedTerm,
  YEAR_WORD,
} from './analyze.js';
import { attributedTerms, findClaimant, previousClaimant, SPEECH, speakerTerms, spokenBy } from './claimants.js';
import {
  actConflict,
  actorConflict,
  bareFigure,
  CASUALTIES_TERM,
  conflicts,
  countsOwnNoun,
  countsSomethingElse,
  distanceTo,
  inUnit,
  measureConflict,
  near,
  OUTCOME_TERMS,
  populationConflict,
  populationOfPlace,
  predicatedOf,
  roleModifier,
  speaks,
  titleOfName,
  WEAPON_ACTS,
  WEAPON_TERMS,
} from './constraints.js';
import { entitySpans } from './entities.js';
import { asksLatest } from './forms.js';
import { findNumbers } from './numbers.js';
import type { Retriever } from './retrieval.js';
import {
  descriptionPhrase,
  entitySlots,
  numberSlots,
  PERSON_NOUNS,
  phraseSlots,
  roleSlots,
  type Slot,
} from './slots.js';
import { MIN_HEAD_SIMILARITY, MIN_MEANING_SIMILARITY, standIn } from './soft.js';
import {
  editDistance,
  MEASURE_TERMS,
  ORDINAL_WORDS,
  ORDINALS,
  paragraphAt,
  SIDE_TERMS,
  type Token,
  termOf,
  tokenize,
  withoutLabel,
} from './text.js';
import { wordVectors } from './vectors.js';
import { PERSON_ROLE_WORDS, TITLE_WORDS } from './vocabulary.js';
import {
  DATE_MISMATCH,
  DATE_UNSTATED_MISMATCH,
  dateFit,
  annotatedDateSlots as dateSlots,
  NEXT_DAY_FIT,
  sentenceDates,
} from './when.js';

/**
 * Second stage: every sentence of the retrieved passages is scored for the question (coverage of the
 * question's terms, weighted by rarity and role; an answer of the wanted kind anchored near the focus;
 * side and date constraints), answers are read off the best sentences, grouped across articles, and the
 * engine abstains unless a sentence really supports one.
 */

export const NOT_FOUND_ANSWER = 'I could not find that in my sources.';
/** Below this score no sentence supports an answer: abstain. */
export const MIN_CONFIDENCE = 0.3;
/**
 * Below this score a whole-sentence answer (a description, a name, a place, a date) is not supported.
 * Lower than for a figure: a figure asserts one number, and its side, measure and date checks are what
 * catch a question the sources do not answer; a sentence shows the reader what it rests on. Calibrated on
 * the development sets (dev, paraphrases, news-dev).
 */
export const MIN_SENTENCE_CONFIDENCE = 0.2;

function minConfidence(kind: AnswerKind): number {
  return kind === 'count' || kind === 'percent' || kind === 'length' ? MIN_CONFIDENCE : MIN_SENTENCE_CONFIDENCE;
}
/**
 * A sentence covering at least this share of the question supports its figure even where the figure
 * stands far from the question's words ("Russia currently occupies approximately 20 percent of Ukraine"
 * for "what share of Ukraine's territory does Russia occupy"), provided nothing else was held against it.
 */
export const FULL_COVERAGE = 0.75;
/** …nothing else: the score keeps at least this share of what coverage and distance alone give it. */
export const CHECKS_PASSED = 0.8;

/**
 * Whether the best candidate supports an answer: its score reaches the floor, or only the distance between
 * the figure and the question's words kept it below, in a sentence that covers the question (the side,
 * measure, date and claimant checks all held). Such an answer must then meet every constraint of the
 * question (see closeOnly in answerQuestion).
 */
function confident(best: Candidate, floor: number): boolean {
  if (best.score >= floor) return true;
  const loss = best.distanceLoss;
  return (
    loss !== undefined &&
    figureValue(best) !== null &&
    best.coverage >= FULL_COVERAGE &&
    best.score / loss >= floor &&
    best.score >= best.coverage * loss * CHECKS_PASSED
  );
}
/** A different answer scoring at least this share of the best one is reported as a disagreement. */
export const ALTERNATIVE_SHARE = 0.8;
/** At most this many citations per answer (one per article, best first). */
export const MAX_CITATIONS = 6;
export const MAX_ALTERNATIVES = 3;
/** Unknown question words (absent from every source) beyond this share of the question's weight: abstain. */
export const MAX_UNKNOWN_SHARE = 0.5;
/** A whole sentence with no answer of the wanted kind weighs this share of its relevance. */
export const SENTENCE_FALLBACK = 0.5;
/** The date a question asks about, as a reply names it: "in december" → "December", "on feb 3" → "Feb 3". */
function askedDate(text: string): string {
  return text
    .replace(/^(?:back\s+)?(?:in|on|at|during|for)\s+/i, '')
    .replace(
      /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/gi,
      (m) => m.charAt(0).toUpperCase() + m.slice(1),
    );
}

/** Answers are read from sentences covering at least this share of what the most relevant one covers. */
export const RELEVANCE_BAND = 0.7;
/** How many opening sentences of an article may name who gives its unattributed figures. */
export const CLAIMANT_OPENING = 3;
/** "a town of 18,000 people": a population, weighed this share as the answer to a count of anything else. */
export const POPULATION_OF_PLACE = 0.1;
/** …when the first report is asked for, told in fewer words than the story's lead (see EARLIEST_SHARE). */
export const EARLIEST_BAND = 0.6;
/** "The lowest figure" chooses among figures scoring at least this share of the best one (a figure far from the counted noun scores low, though it counts the same). */
export const SUPERLATIVE_SHARE = 0.25;

export interface Candidate {
  sentence: Sentence;
  score: number;
  /** Share of the question's weight the sentence (or the two before it) covers: relevance alone. */
  coverage: number;
  /** The sentence the answer itself stands in, when it is the one before (cited first). */
  also?: Sentence;
  key: string;
  text: string;
  claimant: string | null;
  /** A figure whose own year ("22 … a year earlier") is the year asked, whatever dates its sentence. */
  ownYear?: boolean;
  /**
   * The share of the score lost to how far the answer stands from the question's words (not to a
   * constraint the sentence breaks): 1 when it stands next to them.
   */
  distanceLoss?: number;
}

/** How well one sentence covers the question, before any reading of an answer in it. */
export interface Relevance {
  sentence: Sentence;
  coverage: number;
}

interface Prepared {
  tokens: Token[];
  positions: Map<string, number[]>;
}

/** How many sentences a term is in; "casualties" is in every sentence of the killed, injured or missing. */
function termDf(r: Retriever, term: string): number {
  const df = r.df.get(term) ?? 0;
  if (df > 0) return df;
  if (term === CASUALTIES_TERM) return OUTCOME_TERMS.reduce((n, o) => n + (r.df.get(o) ?? 0), 0);
  // "people" where the sources only write "residents" or "workers".
  if (PEOPLE_HEADS.has(term)) return [...PLAIN_PEOPLE_TERMS].reduce((n, p) => n + (r.df.get(p) ?? 0), 0);
  return 0;
}

/**
 * Where a sentence has a term: "casualties" is any of the outcomes it covers, and "people" any noun of
 * people ("residents", "workers", "civilians").
 */
function termAt(positions: ReadonlyMap<string, number[]>, term: string, tokens: readonly Token[] = []): number[] {
  const own = positions.get(term) ?? [];
  if (term === CASUALTIES_TERM) return [...own, ...OUTCOME_TERMS.flatMap((o) => positions.get(o) ?? [])];
  // By the word as written: "villagers" are people, the "village" sharing its stem is not.
  // News counts fighters and prisoners as such, not as "people": those nouns answer their own questions.
  // "1 person" is counted as people are.
  if (PEOPLE_HEADS.has(term))
    return [
      ...own,
      ...tokens.flatMap((t, i) =>
        PLAIN_PEOPLE.has(t.lower) || (t.term !== term && PEOPLE_HEADS.has(t.term ?? '')) ? [i] : [],
      ),
    ];
  // "How much money …": an amount in a currency ("25 million euros", "$1.5bn").
  if (MONEY_TERMS.has(term)) return [...own, ...tokens.flatMap((t, i) => (CURRENCY.test(t.lower) ? [i] : []))];
  return own;
}

/** Words asking for an amount of money, as index terms. */
const MONEY_TERMS = new Set(
  ['money', 'cash', 'funding', 'funds', 'aid', 'budget', 'cost', 'price', 'sum', 'amount'].map((w) => termOf(w) ?? w),
);
/** Currency words and signs as tokens ("euros", "dollars", "hryvnias"). */
const CURRENCY = new RegExp(`^(?:${CURRENCY_NAMES}|cents?|pence|kopecks?|${CURRENCY_CODES.toLowerCase()})$`);

/**
 * A figure with a currency sign or code before it, or a currency word after it ("£20 million",
 * "EUR 2.7 million", "25 million euros").
 */
function inCurrency(text: string, tokens: readonly Token[], slot: Slot): boolean {
  const start = tokens[slot.first]?.start ?? 0;
  if (/[£$€¥₴₽]\s*$/.test(text.slice(Math.max(0, start - 3), start))) return true;
  if (CURRENCY.test(tokens[slot.first - 1]?.lower ?? '')) return true;
  return tokens.slice(slot.last + 1, slot.last + 4).some((t) => CURRENCY.test(t.lower));
}

function hasTerm(positions: ReadonlyMap<string, number[]>, term: string): boolean {
  return positions.has(term) || (term === CASUALTIES_TERM && termAt(positions, term).length > 0);
}

function idf(r: Retriever, term: string): number {
  const df = termDf(r, term);
  return Math.log(1 + (r.sentenceCount - df + 0.5) / (df + 0.5));
}

function prepare(r: Retriever, text: string): Prepared {
  const tokens = tokenize(text);
  const positions = new Map<string, number[]>();
  for (const { term, pos } of r.termPositions(text, tokens)) {
    const list = positions.get(term);
    if (list) list.push(pos);
    else positions.set(term, [pos]);
  }
  return { tokens, positions };
}

/** Dates in a sentence: what chrono-node parses (resolved against the publication date), plus bare years. */

/* ---------------------------------------------------------------- scoring */

const nameWordsCache = new WeakMap<Retriever, Set<string>>();

/** Every word of every name the sources mention, lower-cased. */
function nameWords(r: Retriever): Set<string> {
  let words = nameWordsCache.get(r);
  if (!words) {
    words = new Set([...r.lexicon.types.keys()].flatMap((name) => name.split(' ')));
    nameWordsCache.set(r, words);
  }
  return words;
}

/**
 * For a name the sources never spell this way ("Zelenski", "Witkof"): the index term of the one name
 * that is one edit away (two for long words), in its most common spelling; null if none or several.
 */
function nearestName(r: Retriever, word: string): string | null {
  if (word.length < 5 || nameWords(r).has(word)) return null;
  const max = word.length >= 8 ? 2 : 1;
  const found = new Set<string>();
  for (const w of nameWords(r)) {
    if (w.length < 5 || w[0] !== word[0] || editDistance(w, word, max) > max) continue;
    const term = tokenize(r.lexicon.variants.get(w) ?? w)[0]?.term;
    if (term) found.add(term);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** A sentence that puts a question to someone: "Asked …, X said/gave …", or a quoted question with its speaker. */
const PUTS_QUESTION = /^["“]?Asked\b|[?]["”]\s*(?:said|asked|says)\b/;
/** A reply: a quotation, or words given to "he"/"she"/"they" ("…," she said). */
const REPLY = /^["“]|\b(?:he|she|they) (?:said|says|added|replied|answered)\b/;

/** The quote answering the question a sentence puts, when it follows in the same paragraph; else null. */
function replyAfter(r: Retriever, s: Sentence): Sentence | null {
  if (!PUTS_QUESTION.test(s.text)) return null;
  const next = r.corpus.byId.get(s.source)?.sentences[s.index + 1];
  return next && next.paragraph === s.paragraph && REPLY.test(next.text) ? next : null;
}

/** Markdown emphasis ("**1,400**") is layout: an answer shows the words. */
function withoutEmphasis(text: string): string {
  return text.includes('**') || text.includes('__') ? text.replace(/\*\*|__/g, '') : text;
}

/**
 * A word of five letters or more that the general vocabulary neither has nor has one slip away (a letter
 * added, dropped, changed, or two swapped: "resgin", "forsee" are English mistyped); false without the vectors.
 */
function unknownToEnglish(lower: string): boolean {
  const vectors = wordVectors();
  if (vectors === null || !/^\p{Ll}{5,}$/u.test(lower) || vectors.row(lower) !== undefined) return false;
  const known = (w: string) => vectors.row(w) !== undefined;
  // English built from English: "uncorrected", "shootdown", "frontline".
  const affix = AFFIXES.exec(lower);
  if (affix && known(lower.slice((affix[1] ?? '').length, lower.length - (affix[2] ?? '').length))) return false;
  for (let i = 4; i <= lower.length - 4; i++) if (known(lower.slice(0, i)) && known(lower.slice(i))) return false;
  return !vectors.words.some((w) => Math.abs(w.length - lower.length) <= 1 && oneSlip(w, lower));
}

/** Prefixes and suffixes English derives words with, read off one at a time. */
const AFFIXES =
  /^(un|non|re|pre|anti|counter|over|under|mis|post|co|de|dis|ex|semi)?.*?(ly|ness|ment|ments|ed|ing|s|es|er|ers|ist|ists|ism|ity)?$/;

/** One edit apart, counting two swapped neighbours as one. */
function oneSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return editDistance(a, b, 1) <= 1;
}

function weighTerms(
  r: Retriever,
  q: QuestionAnalysis,
): { known: WeightedTerm[]; unknownShare: number; fatal: boolean } {
  const mapped = new Map<number, string>();
  for (const { term, pos } of r.termPositions(q.question, q.tokens)) if (!mapped.has(pos)) mapped.set(pos, term);
  // A name typed lower-case in its rarer spelling ("zelensky") stands for the sources' usual spelling too.
  for (const t of q.terms) {
    const common = r.lexicon.variants.get(q.tokens[t.position]?.lower ?? '');
    const term = common ? tokenize(common)[0]?.term : undefined;
    if (term) mapped.set(t.position, term);
  }
  // An acronym the sources use, typed in lower case ("per npi"): the acronym.
  for (const t of q.terms) {
    const lower = q.tokens[t.position]?.lower ?? '';
    if ((r.df.get(mapped.get(t.position) ?? t.term) ?? 0) > 0 || !r.lexicon.acronyms.has(lower)) continue;
    const term = tokenize(lower.toUpperCase())[0]?.term;
    if (term) mapped.set(t.position, term);
  }
  // A misspelt name ("Zelenski", "Witkof", or typed lower-case: "petrenkoo") stands for the name the
  // sources spell one letter differently.
  for (const t of q.terms) {
    if (!t.proper && (r.df.get(mapped.get(t.position) ?? t.term) ?? 0) > 0) continue;
    const spelled = nearestName(r, q.tokens[t.position]?.lower ?? '');
    if (spelled) mapped.set(t.position, spelled);
  }
  // A capital standing for its government ("Tokyo's envoy", "what did Ankara say") where the sources
  // name the country instead ("the representative of Japan"): the country.
  for (const t of q.terms) {
    if (!t.proper || (r.df.get(mapped.get(t.position) ?? t.term) ?? 0) > 0) continue;
    const country = countryOf(q.tokens[t.position]?.lower ?? '');
    const term = country ? tokenize(country.name)[0]?.term : undefined;
    if (term && (r.df.get(term) ?? 0) > 0) mapped.set(t.position, term);
  }
  const known: WeightedTerm[] = [];
  let unknownWeight = 0;
  let totalWeight = 0;
  let fatal = false;
  // One entry per term; a term written twice ("Shahed-type drones") keeps the strongest role of each.
  const byTerm = new Map<string, QuestionTerm>();
  for (const t of q.terms) {
    const term = mapped.get(t.position) ?? t.term;
    const prev = byTerm.get(term);
    byTerm.set(
      term,
      prev
        ? {
            ...prev,
            focus: prev.focus || t.focus,
            head: prev.head || t.head,
            proper: prev.proper || t.proper,
            subject: prev.subject || t.subject,
          }
        : { ...t, term },
    );
  }
  for (const [written, t] of byTerm) {
    const multiplier = t.head ? 2 : t.proper ? 1.5 : t.focus ? 1.3 : 1;
    let term = written;
    let similarity = 1;
    let soft = false;
    if ((r.df.get(term) ?? 0) === 0 && !t.proper) {
      // A word the sources never use stands for the sources' word it was most likely meant as.
      const stand = standIn(
        r,
        q.tokens[t.position]?.lower ?? '',
        t.head ? MIN_HEAD_SIMILARITY : MIN_MEANING_SIMILARITY,
      );
      if (stand && (r.df.get(stand.term) ?? 0) > 0 && !byTerm.has(stand.term)) {
        term = stand.term;
        similarity = stand.similarity;
        soft = stand.how === 'meaning';
      }
    }
    const df = termDf(r, term);
    if (df === 0) {
      // A word no source uses, nor any close to it: if it names what is asked about, or a name, the
      // sources cannot answer.
      // An outcome no source reports ("killed" where nobody is) is what is asked about, too.
      // What a figure counts may be worded in a way no source words it ("the appeal", "the stat"): the
      // figure's own noun decides (see UNKNOWN_HEAD); a name, a place or a date must be of what is asked.
      if ((t.head && !FIGURE_KINDS.has(q.kind)) || t.proper || t.subject || OUTCOME_TERMS.includes(term)) fatal = true;
      // A lower-case word that is neither English nor a misspelling of a source's word ("zelvinsk") is a
      // name the sources never give: the question is about something they do not report.
      if (unknownToEnglish(q.tokens[t.position]?.lower ?? '')) fatal = true;
      // "The third session" where no source says "third": none tells of that one of the series.
      if (ORDINALS.test(q.tokens[t.position]?.lower ?? '')) fatal = true;
      // A plain word no source uses ("next") weighs like a rare word; a name or the focus, like the rarest.
      const w = Math.log(1 + r.sentenceCount) * (t.focus || t.proper ? multiplier : 0.5);
      unknownWeight += w;
      totalWeight += w;
      continue;
    }
    const weight = idf(r, term) * multiplier * similarity;
    totalWeight += weight;
    known.push({ ...t, term, weight, ...(soft ? { soft } : {}) });
  }
  return { known, unknownShare: totalWeight ? unknownWeight / totalWeight : 1, fatal };
}

/**
 * A sentence with no date of its own reports what happened around its publication: news dates an older
 * event explicitly ("on January 9", "last month"). So an undated sentence in an article published days
 * away from the day a question asks about is about another day.
 */
export const UNDATED_REACH_DAYS = 3;
/** A figure for one day where a question asks about a month or a year ("in January") counts part of it. */
export const PART_OF_PERIOD = 0.85;

function questionDateFit(
  r: Retriever,
  asked: DateConstraint,
  sentence: Sentence,
  published: string | null,
  isFigure: boolean,
): number {
  let fit = dateFit(r, asked, sentence);
  if (asked.asOf) return fit;
  // A month named without a year ("in January") is looser: a sentence naming another month may compare
  // with it ("fewer than in December") while counting the one asked about ("during the month").
  if (asked.year === null && asked.day === null) fit = Math.max(fit, DATE_UNSTATED_MISMATCH);
  const { dates, implied } = sentenceDates(r, sentence);
  if (fit < 1 && implied && published && asked.month !== null && asked.day !== null) {
    const p = new Date(`${published}T12:00:00Z`);
    const at = Date.UTC(asked.year ?? p.getUTCFullYear(), asked.month - 1, asked.day, 12);
    if (Math.abs(p.getTime() - at) > UNDATED_REACH_DAYS * 86_400_000) return Math.min(fit, DATE_MISMATCH);
  }
  // "How many missiles in January?": a month's figure answers it better than one night's.
  if (fit === 1 && isFigure && asked.day === null && !implied && dates.length > 0 && dates.every((d) => d.day !== null))
    return PART_OF_PERIOD;
  return fit;
}

function dateFactor(
  r: Retriever,
  q: QuestionAnalysis,
  sentence: Sentence,
  published: string | null,
  isFigure: boolean,
): number {
  const text = sentence.corrected;
  if (q.date) return questionDateFit(r, q.date, sentence, published, isFigure);
  if (!isFigure) return 1;
  const year = published ? Number(published.slice(0, 4)) : new Date().getFullYear();
  // A figure dated to an earlier year ("In February 2025, he said…", "in early 2025") is history, not the answer.
  const years = [...text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
  const dated =
    /\b(?:(?:in|by|early|late|mid)[- ](?:(?:early|late|mid)[- ])?)?(?:January|February|March|April|May|June|July|August|September|October|November|December)?\s?(?:19|20)\d\d\b|\b(?:last time|previous(?:ly)?|earlier)\b/i;
  if (
    dated.test(text) &&
    years.some((y) => y < year) &&
    /\b(?:said|statement|disclosure|gave|figure|estimate)\b/i.test(text)
  )
    return 0.7;
  return 1;
}

/** "has risen to", "climbed to", "increased to": the figure after it updates an earlier one. */
const INCREASE_TERM = termOf('increase') ?? 'increase';
/** How far before its figure a toll's measure may stand ("the death toll from the morning strike has risen to seven"). */
const TOLL_REACH = 14;
/** … and how far "the death toll" itself may stand, with what it is the toll of between. */
const TOLL_SUBJECT_REACH = 30;

/**
 * "The death toll … has risen to seven", "the number of injured stood at 40": a figure after a measure
 * phrase and its verb counts that measure's people. The measure term, or null.
 */
function tollOf(tokens: readonly Token[], slot: Slot): string | null {
  const before = tokens[slot.first - 1]?.lower ?? '';
  const verb = /^(?:to|at)$/.test(before) ? tokens[slot.first - 2] : tokens[slot.first - 1];
  if (
    !verb ||
    !(
      verb.term === INCREASE_TERM ||
      /^(?:is|was|stands|stood|reached|hit|now|revised|raised|lowered|updated|corrected|adjusted)$/.test(verb.lower)
    )
  )
    return null;
  for (let k = slot.first - 2; k >= Math.max(0, slot.first - TOLL_REACH); k--) {
    const term = tokens[k]?.term;
    if (term && OUTCOME_TERMS.includes(term)) return term;
  }
  // "The death toll from a storm surge that flooded the old harbour district of … rose to 9": a toll named by
  // its measure is the subject however long what it is of.
  for (let k = slot.first - TOLL_REACH - 1; k >= Math.max(1, slot.first - TOLL_SUBJECT_REACH); k--) {
    const term = tokens[k - 1]?.term;
    if (tokens[k]?.lower === 'toll' && term && OUTCOME_TERMS.includes(term)) return term;
  }
  return null;
}

/** Words opening a part of a figure just given: "among them", "of whom". */
const PART_OPENER = /^(?:among|amongst|of)$/;
const PART_PRONOUN = /^(?:them|those|whom|these)$/;

/** The figure opens a part of a figure before it in the sentence ("9, among them two children"). */
function partOfFigureBefore(text: string, tokens: readonly Token[], slot: Slot): boolean {
  const before = tokens[slot.first - 1]?.lower ?? '';
  const opens =
    before === 'including' ||
    before === 'incl' ||
    (PART_PRONOUN.test(before) && PART_OPENER.test(tokens[slot.first - 2]?.lower ?? ''));
  return (
    opens && findNumbers(text, tokens).some((m) => m.last < slot.first - 1 && m.kind !== 'date' && m.kind !== 'year')
  );
}

/** Index terms of the words that count people in general ("how many people …"). */
const PEOPLE_HEADS = new Set(['people', 'person', 'persons'].map((w) => termOf(w) ?? w));
/** Nouns of people who are not counted as fighters or prisoners: "residents", "workers", "children". */
const PLAIN_PEOPLE = new Set([
  ...[...PEOPLE_NOUNS].filter(([, kind]) => kind !== 'soldiers' && kind !== 'prisoners').map(([word]) => word),
  // One person named as such: "One woman is still missing", "a man was injured".
  ...[...PERSON_NOUNS].filter((w) => w !== 'soldier'),
]);
const PLAIN_PEOPLE_TERMS = new Set([...PLAIN_PEOPLE].flatMap((w) => termOf(w) ?? []));
/** Index terms of every noun of people, fighters and prisoners included ("detainees", "crew", "residents"). */
const PEOPLE_NOUN_TERMS = new Set([...PEOPLE_NOUNS.keys(), ...PERSON_NOUNS].flatMap((w) => termOf(w) ?? []));
/** How far "N people" may stand from the noun of people it restates ("every detainee who …, 300 people in all"). */
const RESTATED_REACH = 8;
/** The share of its weight "people" keeps when a sentence names them more narrowly ("residents"). */
export const NARROWER_PEOPLE = 0.5;

/** A count the sentence itself calls earlier ("an earlier count had put …", "first reports spoke of …"). */
const EARLIER_COUNT =
  /\b(?:(?:an |the )?(?:earlier|original|previous) (?:version|edition|story)|(?:an |the )?earlier (?:count|toll|figure|tally|report|update|estimate|statement|announcement)s?|(?:the )?first reports?|initial(?:ly)? (?:count|toll|figure|reports?)|had initially|had earlier|previous (?:count|toll|figure|tally))\b/i;
/** The figure at `at` is in the clause of an earlier count ("An earlier version said 12 …; officials put it at 21"). */
function earlierCount(text: string, at: number): boolean {
  const m = EARLIER_COUNT.exec(text);
  if (!m) return false;
  const [from, to] = m.index < at ? [m.index, at] : [at, m.index];
  return !text.slice(from, to).includes(';');
}
/** A question asking for an earlier count ("what was the first toll?", "before it went up"). */
const EARLIER_ASKED = /\b(?:earlier|first|initial(?:ly)?|original(?:ly)?|previous(?:ly)?|before)\b/i;
/** A superseded count answering a question about the count weighs this share. */
export const EARLIER_SHARE = 0.7;

/** "four of them children" answering a count of the whole weighs this share. */
export const SUBSET_SHARE = 0.5;

/** A figure from a sentence that reports none of the outcomes asked about (killed, wounded) weighs this. */
export const NO_OUTCOME = 0.2;

/** A question asking what someone said, claimed or estimated. */
const SAYS_ASKED = /\b(?:say|said|says|claim|claimed|claims|report|reported|estimate|estimated|tell|told)\b/i;

/** A person answer from a sentence without the act a "who <verb>s …" question asks about weighs this. */
export const OTHER_ACT = 0.7;

/** A question about what is to come: "will", "might", "the next round", "is expected". */
const FUTURE_ASKED = /\b(?:will|would|might|shall|next|upcoming|planned|expected|scheduled)\b/i;
/** A sentence that tells of what is to come. */
const FUTURE_TOLD =
  /\b(?:will|would|might|may|shall|could|next|upcoming|possibly|planned|plans?|expected|scheduled|due to|set to|to be held|agreed to)\b|'ll\b/i;
/** A sentence about the past where a question asks about the future weighs this share. */
export const PAST_FOR_FUTURE = 0.6;

/** "in two weeks", "within a month", "in the coming days": a time counted from the report. */
/** A day before the report answering "when will …?" weighs this share. */
export const PAST_DATE_FOR_FUTURE = 0.3;

/** "What time …", "at what time", "as of what hour": a clock time is asked for. */
const TIME_ASKED = /\b(?:what|which) (?:time|hour)\b/i;

/**
 * A clock time as news writes it, with its qualifier: "16:05 Varna time", "11:00 local time", "9 a.m.",
 * "4:05 p.m. GMT", "noon", "shortly before 5 p.m.".
 */
const CLOCK_TIME =
  /\b(?:(?:(?:shortly|just|soon|right)\s+)?(?:before|after)\s+|(?:around|about|roughly|approximately|at about|at around)\s+)?(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s?[ap]\.m\.|noon|midnight)(?:\s+(?:local|[A-Z][a-z]+|GMT|UTC|CET|EST|ET)\s+time|\s+(?:GMT|UTC|CET))?/g;

const RELATIVE_TIME =
  /\b(?:in|within)\s+(?:(?:the\s+)?(?:next|coming)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:days?|weeks?|months?)\b/gi;

/** "no date has been fixed for the vote", "neither a date nor a place was agreed", "nothing was scheduled yet". */
const NO_DATE =
  /\b(?:no (?:date|time|venue|timing)s?\b[^.;,]{0,60}?\b(?:set|agreed|announced|fixed|scheduled)\b|neither (?:a )?date nor (?:a )?(?:venue|place)(?:[^.;,]{0,30}?\b(?:set|agreed|announced|fixed)\b)?|nothing (?:has been|had been|is|was) (?:scheduled|planned|set))/gi;

/** "the first sailing in six weeks", "the worst flood in years": a span looking back from a superlative. */
const SINCE_LAST = /\b(?:first|only|last|\p{L}{3,}est)\b[^,.;:]{0,30}$/iu;

/** Where one clause of a sentence ends and another begins: ", while", "; ", ", whereas", ", but". */
const CLAUSE_BREAK = /,\s+(?:while|whereas|but|and)\s+|;\s*/g;

/** The countries (and story sides) named in the clause of `text` that holds the slot. */
function clauseSides(text: string, tokens: readonly Token[], slot: Slot): Set<string> {
  const at = tokens[slot.first]?.start ?? 0;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const i = m.index ?? 0;
    if (i < at) from = i + m[0].length;
    else {
      to = i;
      break;
    }
  }
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.start < from || t.end > to) continue;
    const country = countryOf(t.surface)?.name;
    if (country) out.add(country);
  }
  return out;
}

/**
 * Words after which a country names the parties, place or target of an event ("the talks between Russia and
 * Ukraine", "the visit to Moscow", "the war against Ukraine"), not the side of the person asked about.
 */
const EVENT_PARTY = /^(?:between|with|against|in|to|into|from|among|on|at)$/;

/**
 * The countries a question names as a person's side ("Norway's top negotiator", "the Russian delegation",
 * chat's "ukraines"); not those of the event ("who chaired the talks between Russia and Ukraine").
 */
function countriesOf(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  let party = false;
  for (const t of tokens) {
    const country = countryOf(t.surface)?.name ?? countryOf(t.surface.replace(/s$/i, ''))?.name;
    if (EVENT_PARTY.test(t.lower)) party = true;
    else if (country) {
      if (!party) out.add(country);
    } else if (!/^(?:and|or|the|,|&)$/.test(t.lower)) party = false;
  }
  return out;
}

/** A person the corpus places in another country than the one the question asks about weighs this share. */
export const OTHER_COUNTRY_PERSON = 0.4;
/** … or of another kind of person: an office holder where a child, a mother or a soldier is asked about. */
export const OTHER_KIND_OF_PERSON = 0.4;
/** A figure of soldiers where civilians are asked about, or the other way round. */
export const OTHER_POPULATION = 0.3;
/** A figure with a noun of its own where what the question counts is a word no source uses. */
export const UNKNOWN_HEAD = 0.1;
/** How far (tokens) from the whole it is a share of a percentage may stand. */
export const PERCENT_REACH = 12;
const FIGURE_KINDS: ReadonlySet<AnswerKind> = new Set(['count', 'percent', 'length']);

/** A share answering "how many of the N" from a sentence that does not give the whole N weighs this. */
export const OTHER_WHOLE = 0.3;

/** A candidate whose sentence names what "besides X" rules out weighs this much more. */
export const BESIDES_NAMED = 1.3;

/** A figure an ordinal ties to another one of a series than the one asked about weighs this share. */
export const OTHER_ORDINAL = 0.4;
/** A weapon figure counted by another act than the one asked (launched for shot down) weighs this share. */
export const OTHER_ACT_FIGURE = 0.3;
/** How far before a figure its ordinal may stand ("In the first round, the sides exchanged 150"). */
const ORDINAL_REACH = 10;

function nearestOrdinal(tokens: readonly Token[], at: number): string | null {
  for (let k = at - 1; k >= Math.max(0, at - ORDINAL_REACH); k--) {
    const w = tokens[k]?.lower ?? '';
    if (ORDINALS.test(w)) return w;
  }
  return null;
}

/** "… a year earlier", "the year before", within the figure's clause. */
const YEAR_BEFORE = /^[^.;]{0,40}?\b(?:a year earlier|a year before|the year before|the previous year|a year ago)\b/i;

/** "in March 2024, when …", "on 5 February, when …": the date a "when" clause before a figure is of. */
const WHEN_CLAUSE = /\b(?:in|on|during)\s+([^,;()]{3,30}?),?\s+when\b[^,;()]*$/i;
/** The date the "when" clause holding the text's position `at` is of, if any. */
function clauseDate(text: string, at: number): DateConstraint | null {
  const clause = WHEN_CLAUSE.exec(text.slice(0, at));
  return clause?.[1] ? detectDate(`in ${clause[1].toLowerCase()}`) : null;
}
/** Whether two dates agree wherever both are stated, and at least one part is. */
function sameDate(a: DateConstraint, b: DateConstraint): boolean {
  const parts = [
    [a.year, b.year],
    [a.month, b.month],
    [a.day, b.day],
  ].filter(([x, y]) => x != null && y != null);
  return parts.length > 0 && parts.every(([x, y]) => x === y);
}

/**
 * "61 people in 2025, up from 23 in 2024": where a sentence gives figures for several years, the year
 * nearest a figure within its clause (after it, else before it) is the one it counts; null when the
 * sentence names fewer than two years.
 */
export function yearOfFigure(text: string, tokens: readonly Token[], slot: Slot): string | null {
  // "12 per cent higher than in 2024", "compared with 2024": the base of a comparison is not the figure's year.
  // ("vs" is not read here: only "than" and "compared with/to" set a year aside.)
  const base = (k: number) => {
    const marker = comparisonMarker(tokens, k);
    return marker === 'than' || marker === 'compared';
  };
  const named = tokens.flatMap((t, k) => (YEAR_WORD.test(t.lower) && (k < slot.first || k > slot.last) ? [k] : []));
  // "57 killed in 2025, up from 22 a year earlier": the year before the one named before the figure.
  const after = text.slice(tokens[slot.last]?.end ?? text.length);
  const ownYearAfter = /^[^.;]{0,40}?\b(?:in|during)\s+(?:19|20)\d\d\b/.test(after);
  if (!ownYearAfter && YEAR_BEFORE.test(after)) {
    const prior = named.filter((k) => k < slot.first).at(-1);
    const year = prior === undefined ? Number.NaN : Number(tokens[prior]?.lower);
    if (Number.isFinite(year)) return String(year - 1);
  }
  if (new Set(named.map((k) => tokens[k]?.lower)).size < 2) return null;
  const years = named.filter((k) => !base(k));
  const sameClause = (k: number) => {
    const [a, b] = k < slot.first ? [k, slot.first] : [slot.last, k];
    return !/[;]|,\s+(?:while|whereas|but|and)\s/.test(text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0));
  };
  let best: number | null = null;
  for (const k of years) {
    if (!sameClause(k)) continue;
    // A year after the figure ("23 in 2024") is its own; one before it only when none follows.
    const d = k > slot.last ? k - slot.last : (slot.first - k) * 2;
    if (best === null || d < (best > slot.last ? best - slot.last : (slot.first - best) * 2)) best = k;
  }
  return best === null ? null : (tokens[best]?.lower ?? null);
}

/**
 * Whether a sentence is about another one of a series than the question: it puts an ordinal before the
 * noun the question's ordinal goes with ("the third session" where "the first session" is asked), and never
 * the asked one.
 */
export function otherOfSeries(asked: readonly Token[], tokens: readonly Token[]): boolean {
  const series = new Map(seriesOrdinals(asked));
  if (series.size === 0) return false;
  let other = false;
  for (const [noun, ordinal] of seriesOrdinals(tokens)) {
    const want = series.get(noun);
    if (want === undefined) continue;
    if (ordinal === want) return false;
    other = true;
  }
  return other;
}

/** Whether the sentence names the very one of a series the question asks about ("stage three" for "the third stage"). */
export function sameOfSeries(asked: readonly Token[], tokens: readonly Token[]): boolean {
  const series = new Map(seriesOrdinals(asked));
  return series.size > 0 && seriesOrdinals(tokens).some(([noun, ordinal]) => series.get(noun) === ordinal);
}

/** Nouns a cardinal after them numbers one of a series: "round two", "day 3", "phase one". */
const SERIES_NOUN = /^(?:round|day|phase|stage|session|part)$/;

/**
 * Which one of a series each mention names, as [noun term, ordinal]: "the third stage" and "stage three" (or
 * "stage 3") both name the third stage.
 */
function seriesOrdinals(tokens: readonly Token[]): [string, string][] {
  const out: [string, string][] = [];
  tokens.forEach((t, k) => {
    // "the first Varna session": names may stand between the ordinal and its noun.
    let at = k + 1;
    while (at < k + 4 && tokens[at]?.capitalized && tokens[at + 1]) at++;
    const noun = tokens[at]?.term;
    if (ORDINALS.test(t.lower) && noun) out.push([noun, t.lower]);
    const next = tokens[k + 1]?.lower ?? '';
    // One to ten, in digits or in words (the number reader's words: "two", not "a pair").
    const n = /^\d+$/.test(next) ? Number(next) : /^[a-z]+$/.test(next) ? wordsToNumber(next) : null;
    const ordinal = n !== null && Number.isInteger(n) ? ORDINAL_WORDS[n - 1] : undefined;
    if (SERIES_NOUN.test(t.lower) && t.term && ordinal) out.push([t.term, ordinal]);
  });
  return out;
}

/** A sentence that asks rather than states: it ends on a question mark (before any closing quote). */
const ASKS = /\?["'”’)*_]*\s*$/;
/** A claim a fact check sets out before its verdict: reported, not asserted. */
export const UNDER_CHECK = /^\W*(?:the\s+)?(?:claim|viral claim|rumou?r|myth|what was (?:said|claimed))\s*\d*\s*[:—–]/i;

/** A preposition naming what an act is aimed at: "at Ukraine", "on Russian positions", "against Kyiv". */
const TARGET_PREPOSITION = /^(?:at|on|against|into|upon)$/;

/** A sentence opening on a personal pronoun: its subject was named before it. */
const PRONOUN_SUBJECT = /^(?:He|She|They|His|Her|Their)\b/;

/** Words that give a reason or a purpose in English news prose. */
const REASON_MARKERS =
  /\b(?:because|since|due to|owing to|as a result|in retaliation|in response|in protest|in order to|so that|the reason|aimed at|accused of|over (?:his|her|its|their|the|a|an|[a-z]+(?:ing|ions?|ences?|ances?|ments?))\b|after (?:it|he|she|they) )/i;
/** A sentence giving no reason weighs this share for a "why" question. */
export const NO_REASON = 0.7;

/** A figure given per party: "each side", "per side", "apiece", "each". */
const PER_SIDE = /\b(?:each(?! other\b)|per (?:side|country|party)|apiece|a side)\b/i;
/** A question asking for the whole: "in total", "altogether", "combined". */
const TOTAL_ASKED = /\b(?:in total|altogether|combined|all told|overall|in all)\b/i;
/** A share where the whole is asked for, or the whole where a share is, weighs this much. */
export const SHARE_MISMATCH = 0.5;

/** "person:…", "count:…", "sentence:…": what kind of reading a candidate is. */
function kindOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** A year or month where a day is asked for ("on what date …") weighs this share. */
export const VAGUE_DATE = 0.6;
/** A day where "what time" is asked: it does not say the time of day (a day answered, wrongly, at 0.4). */
export const DAY_FOR_TIME = 0;
/** "Until what date", "since when", "by what date": the question asks for one end of a period. */
const BOUND_ASKED = /\b(until|till|since|by|from)\s+(?:what|which|when)\b/i;
/** A date not introduced by the preposition asked for weighs this share. */
export const OTHER_BOUND = 0.6;

/** A date read from the sentence before the one that answers weighs this share. */
export const BORROWED_DATE = 0.8;

/** A sentence that does not name the place a question asks about weighs this share. */
export const MISSING_PLACE = 0.5;

/** Side-folded city names after a locative preposition in the question ("killed in Kyiv"). */
function placeWords(q: QuestionAnalysis): string[] {
  return q.terms
    .filter(
      (t) =>
        t.side &&
        q.tokens[t.position]?.capitalized === true &&
        (/^(?:in|at|near|outside|around|from|over)$/.test(q.tokens[t.position - 1]?.lower ?? '') ||
          // "in the Kyiv area": the city's region is a place.
          /^(?:region|oblast|province|area|district)$/.test(q.tokens[t.position + 1]?.lower ?? '')),
    )
    .map((t) => q.tokens[t.position]?.lower ?? '')
    .filter((w) => w.length >= 3 && !SIDE_COUNTRY_FORMS.test(w));
}

/** The country names and demonyms of the sides themselves: "in Ukraine" is answered by "Ukrainian". */
const SIDE_COUNTRY_FORMS = /^(?:ukrain|russia|america|united|us$|usa$|u\.s)/;

function mentions(sentence: Sentence | undefined, word: string): boolean {
  return sentence?.corrected.toLowerCase().includes(word) ?? false;
}

/** Words opening a sentence that goes on from the one before: "Among these", "Of these", "They included". */
const CONTINUATION_OPENER = /^(?:among|amongst|of|including|these|those|they|both|all|most|none)\b/i;

function before(r: Retriever, s: Sentence): Sentence | undefined {
  const prev = r.corpus.byId.get(s.source)?.sentences[s.index - 1];
  return prev && prev.paragraph === s.paragraph ? prev : undefined;
}

function scoreSentence(
  r: Retriever,
  q: QuestionAnalysis,
  terms: readonly WeightedTerm[],
  sentence: Sentence,
  prepared: Prepared,
  contextOf: () => Context,
): { coverage: number; candidates: Candidate[] } {
  const text = sentence.corrected;
  const { tokens, positions } = prepared;
  // A sentence that opens by going on from the one before it in its paragraph ("Among the rockets were …",
  // "Of these, …", "They included …") tells of what that one names: its terms.
  // (A side named there and none here is the sentence's side whatever it opens with.)
  let previousTerms: ReadonlySet<string> | undefined;
  const previousHas = (term: string) => {
    previousTerms ??= new Set(tokenize(before(r, sentence)?.corrected ?? '').flatMap((t) => (t.term ? [t.term] : [])));
    return previousTerms.has(term);
  };
  const continues = (term: string) => CONTINUATION_OPENER.test(text) && previousHas(term);
  let contextTerms: Context | undefined;
  const context = () => {
    contextTerms ??= contextOf();
    return contextTerms;
  };
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (total === 0) return { coverage: 0, candidates: [] };
  let covered = 0;
  const matched: WeightedTerm[] = [];
  // "He is under U.S. sanctions …": a sentence whose subject is a pronoun is about the one the sentences
  // before it name, so their names count as its own.
  const pronounLed = PRONOUN_SUBJECT.test(text);
  // "What did Varga post …?": a sentence under Varga's speaker label or quoted post is Varga's.
  let attributed: ReadonlySet<string> | undefined;
  const spoken = (t: WeightedTerm) => {
    attributed ??= attributedTerms(r, sentence);
    return attributed.has(t.term);
  };
  for (const t of terms) {
    if (hasTerm(positions, t.term) || (t.subject && t.proper && q.asksWhatWasSaid && spoken(t))) {
      covered += t.weight;
      matched.push(t);
    } else if (PEOPLE_HEADS.has(t.term) && termAt(positions, t.term, tokens).length > 0) {
      // "people" met by "residents", "workers": the same people, named more narrowly.
      covered += t.weight * NARROWER_PEOPLE;
      matched.push(t);
    } else if ((context().get(t.term) ?? 0) > 0)
      covered += t.weight * (pronounLed && t.proper ? 1 : (context().get(t.term) ?? 0));
    else if (t.proper && context().has(t.term)) covered += t.weight * FAR_CONTEXT;
  }
  const coverage = covered / total;
  // A name the question gives (known to the sources, not a side) must be in the sentence or just before it;
  // a given name followed by the surname ("Igor Kostyukov") is met by the surname alone.
  const givenName = (t: WeightedTerm) => terms.some((u) => u.proper && u.position === t.position + 1);
  const unmetNames = terms.filter(
    (t) => t.proper && !t.side && !givenName(t) && !positions.has(t.term) && !context().has(t.term),
  );
  const missingName = unmetNames.length > 0;
  // A place the question puts the event in ("in the Varna strike") is not met by a sentence about another.
  const missingPlaceName = unmetNames.some((t) => standsAsPlace(q, t.position));
  // A city that stands for a side ("in Kyiv", "near Moscow") is a place too: the sentence must name it,
  // not merely its side.
  const missingPlace = placeWords(q).some((w) => !mentions(sentence, w) && !mentions(before(r, sentence), w));
  if (coverage < minConfidence(q.kind) * 0.8) return { coverage, candidates: [] };
  const published = r.corpus.byId.get(sentence.source)?.meta.published ?? null;
  const head = terms.find((t) => t.head);
  // What is counted is worded as no source words it: a figure counting a noun of its own counts something else.
  const headUnknown = head === undefined && q.terms.some((t) => t.head);
  // "How much money …", "the damage in hryvnias": a sum of money is asked for.
  const moneyAsked =
    q.terms.some((t) => t.head && MONEY_TERMS.has(t.term)) || q.tokens.some((t) => CURRENCY.test(t.lower));
  const questionSides = new Set(terms.filter((t) => t.side).map((t) => t.term));
  const focusSides = new Set(terms.filter((t) => t.side && t.focus).map((t) => t.term));
  const questionMeasures = new Set(terms.filter((t) => MEASURE_TERMS.includes(t.term)).map((t) => t.term));
  const isFigure = q.kind === 'count' || q.kind === 'percent';
  const perSideAsked = PER_SIDE.test(q.question) ? true : TOTAL_ASKED.test(q.question) ? false : null;
  const askedOutcomes = questionMeasures.has(CASUALTIES_TERM)
    ? [CASUALTIES_TERM, ...OUTCOME_TERMS]
    : OUTCOME_TERMS.filter((m) => questionMeasures.has(m));
  const dates = dateFactor(r, q, sentence, published, isFigure);
  const askedOrdinals = new Set(q.tokens.flatMap((t) => (ORDINALS.test(t.lower) ? [t.lower] : [])));
  const askedBase = comparisonBase(q.tokens, 0, q.tokens.length);
  const weaponAsked = head !== undefined && WEAPON_TERMS.includes(head.term);
  // Acts the question asks as verbs: "the Varna strike" names an event, not the act counted.
  const askedActs = new Set(
    terms
      .filter(
        (t) =>
          WEAPON_ACTS.includes(t.term) &&
          ![q.tokens[t.position - 1], q.tokens[t.position - 2]].some(
            (b) => b !== undefined && /^(?:the|a|an|this|that|its|their|his|her|last|night's)$/.test(b.lower),
          ),
      )
      .map((t) => t.term),
  );
  const askedCountries = countriesOf(q.tokens);

  let slots: Slot[];
  /** The sentence an answer was read from when it is not this one (a date given just before). */
  let borrowed: Sentence | undefined;
  let descriptionPenalty = 1;
  switch (q.kind) {
    case 'count':
    case 'percent':
    case 'length':
      slots = numberSlots(text, tokens, q.kind, q);
      break;
    case 'person':
    case 'organisation':
    case 'place': {
      slots = entitySlots(r, text, tokens, q.kind, q);
      // "Which district …?": a name written before that word ("the city's Primorski district") is one.
      const placeType = q.kind === 'place' ? PLACE_TYPE_ASKED.exec(q.question)?.[1]?.toLowerCase() : undefined;
      if (placeType) {
        tokens.forEach((t, k) => {
          if (t.lower !== placeType && t.lower !== `${placeType}s`) return;
          let first = k;
          while (first > 0 && tokens[first - 1]?.capitalized && k - first < 3) first--;
          if (first === k || first === 0) return;
          slots.push({
            first,
            last: k,
            key: `place:${t.lower}:${tokens[first]?.lower}`,
            text: text.slice(tokens[first]?.start ?? 0, t.end),
            prior: 1,
          });
        });
      }
      break;
    }
    case 'date': {
      // A date the question itself gives ("say 2025 was the deadliest year") is not the answer.
      const given = new Set(q.tokens.filter((t) => t.numeric).map((t) => t.surface));
      const notGiven = (slot: Slot) => !given.has(slot.text.replace(/^\D*/, '').split(/\D/)[0] ?? '');
      // "On what date/day …" asks for a day: a bare year or month says less.
      const wantsDay = /\b(?:what|which) (?:date|day)\b/i.test(q.question);
      const precise = (slot: Slot) =>
        wantsDay && !/^date:\d{4}-\d{2}-\d{2}/.test(slot.key) ? { ...slot, prior: slot.prior * VAGUE_DATE } : slot;
      // "Until what date …", "since when …": the date after that preposition ("ran until Sunday").
      const bound = BOUND_ASKED.exec(q.question)?.[1]?.toLowerCase();
      const bounded = (slot: Slot) =>
        bound && tokens[slot.first - 1]?.lower !== bound ? { ...slot, prior: slot.prior * OTHER_BOUND } : slot;
      // "When will it be signed?": a day before the report was published is when something was said or
      // done, not when what is to come will happen.
      const willAsked = FUTURE_ASKED.test(q.question);
      const ahead = (slot: Slot) => {
        const iso = /^date:(\d{4}-\d{2}-\d{2})/.exec(slot.key)?.[1];
        return willAsked && iso && published && iso < published
          ? { ...slot, prior: slot.prior * PAST_DATE_FOR_FUTURE }
          : slot;
      };
      slots = dateSlots(text, tokens, published).filter(notGiven).map(precise).map(bounded).map(ahead);
      // "When is the next round?" answered by "no date has been set for it": what is known is that no
      // date is, said as the sentence says it.
      // (The day it was said, "told reporters on Friday that no date had been set", does not answer it.)
      if (willAsked) {
        const none = phraseSlots(text, tokens, NO_DATE, 'date', 1).map((slot) => ({ ...slot, key: 'date:none-set' }));
        if (none.length > 0) slots = none;
      }
      // "What time did the talks end?", "as of what time?": a clock time answers ("16:05 Varna time"); a
      // day says less.
      // "When did the premier arrive on March 9?": the day is given, so the time of day is asked.
      if (TIME_ASKED.test(q.question) || (q.date?.day != null && /^when\b/i.test(q.question))) {
        slots = [
          ...phraseSlots(text, tokens, CLOCK_TIME, 'time', 1).filter((t) => !q.question.includes(t.text)),
          ...slots.map((x) => ({ ...x, prior: x.prior * (TIME_ASKED.test(q.question) ? DAY_FOR_TIME : VAGUE_DATE) })),
        ];
      }
      // "The sides will meet again in two weeks": a time from now is when, as precisely as the text says.
      // ("The first sailing in six weeks" looks back: the span since the last one, not a time to come.)
      if (slots.length === 0 && /^when\b/i.test(q.question))
        slots = phraseSlots(text, tokens, RELATIVE_TIME, 'when', VAGUE_DATE).filter(
          (slot) =>
            !SINCE_LAST.test(
              text.slice(Math.max(0, (tokens[slot.first]?.start ?? 0) - 40), tokens[slot.first]?.start ?? 0),
            ),
        );
      // "X made that case on Sunday. The document is ready, he told reporters": the date is in the sentence
      // before, in the same paragraph; both are cited.
      const prev = slots.length === 0 ? before(r, sentence) : undefined;
      if (prev && !prev.boilerplate) {
        borrowed = prev;
        slots = dateSlots(prev.corrected, tokenize(prev.corrected), published)
          .filter(notGiven)
          .map(precise)
          .map(ahead)
          .map((slot) => ({
            ...slot,
            first: -1,
            last: -1,
            prior: slot.prior * BORROWED_DATE,
          }));
      }
      break;
    }
    case 'role':
      slots = roleSlots(r, text, tokens, positions, terms);
      break;
    default: {
      const knownVerbs = q.verbs.filter((v) => (r.df.get(v) ?? 0) > 0);
      const verbPos = knownVerbs.flatMap((v) => positions.get(v) ?? []);
      const headPos = head ? (positions.get(head.term) ?? []) : [];
      // Neither the asked-about noun nor a verb of the question is there ("What were the mooring fees …?" over
      // "Mooring … held at around 40 euros a night"): the sentence answers as a whole, weighed down below
      // (headPos), so a sentence that covers the rest of the question still beats "not found".
      const anchor = verbPos[0] ?? headPos.at(-1);
      // The thing asked about ("the biggest issue") must be in the sentence, not only a verb of the question.
      // "What did Trump say about the talks?": the sentence must have Trump saying something.
      // "Why …?": a sentence that gives a reason ("because", "over", "in retaliation for") answers it.
      if (/^why\b/i.test(q.question) && !REASON_MARKERS.test(text)) descriptionPenalty *= NO_REASON;
      const speakers = terms.filter((t) => t.subject && t.proper);
      if (q.asksWhatWasSaid && !speaks(tokens, speakers, positions, text) && !speakers.some(spoken)) {
        descriptionPenalty *= 0.6;
      }
      if (head && headPos.length === 0) {
        const modifierFound = terms.some((t) => t.focus && !t.head && !t.side && positions.has(t.term));
        descriptionPenalty *= modifierFound ? 0.75 : 0.5;
      }
      // "What did they agree to restore?": a sentence without the asked-about action answers something else.
      if (knownVerbs.length > 0 && verbPos.length === 0) descriptionPenalty = 0.6;
      // "the biggest obstacle": the focus words belong together ("the main sticking point"), not scattered.
      if (head && headPos.length > 0) {
        const modifiers = terms.filter((t) => t.focus && !t.head && !t.side && positions.has(t.term));
        if (modifiers.some((m) => distanceTo(positions.get(m.term) ?? [], headPos[0] ?? 0, headPos.at(-1) ?? 0) > 4)) {
          descriptionPenalty *= 0.75;
        }
      }
      // No verb or focus to anchor on ("What did Zelenskyy say about …?"): the whole sentence is the answer.
      const at = anchor ?? -1;
      slots = [
        {
          first: at,
          last: at,
          key: `sentence:${sentence.ordinal}`,
          text: anchor === undefined ? withoutLabel(text) : descriptionPhrase(text, tokens, anchor),
          prior: 1,
        },
      ];
    }
  }

  // "Who mediates the talks?": the act asked about ("mediates") must be the sentence's, not only its topic.
  const whoAt = q.kind === 'person' ? q.tokens.findIndex((t) => t.lower === 'who') : -1;
  const act = whoAt >= 0 ? terms.find((t) => t.position === whoAt + 1 && !t.proper && !t.side) : undefined;
  const actMissing = act !== undefined && !hasTerm(positions, act.term) ? OTHER_ACT : 1;
  // "Who described the envoy as …?" is answered by whoever the sentence gives the words to, with any verb
  // of saying: '"She sails every crossing like a race," said Anna Lind.' (Not by a name in the quote.)
  const speechAct = actMissing !== 1 && act !== undefined && SPEECH.test(q.tokens[act.position]?.lower ?? '');
  const speakers = speechAct ? speakerTerms(r, sentence) : null;
  const actFor = (slot: Slot) => (speakers?.has(slot.key.slice(slot.key.indexOf(':') + 1)) === true ? 1 : actMissing);
  // "Where will the next round be held?": a sentence about what is to come answers it, not one about
  // what happened.
  const tense = !isFigure && FUTURE_ASKED.test(q.question) && !FUTURE_TOLD.test(text) ? PAST_FOR_FUTURE : 1;
  // So with a name, a place, a date or a description: a sentence about "the second round" does not tell
  // of the third (figures read their own ordinal: see nearestOrdinal); its dates are another event's.
  const series = !isFigure && otherOfSeries(q.tokens, tokens) ? (q.kind === 'date' ? 0 : OTHER_ORDINAL) : 1;
  const out: Candidate[] = [];
  // Relevance first: a sentence that covers the question well but holds no answer of the wanted kind (a
  // person, place or date the slot readers do not see) is still the best support there is; it answers as
  // a whole sentence, weighed below a typed answer of the same relevance. A figure is never guessed this way,
  // nor a time: "when", "what year", "at what time" are answered by a time expression or not at all.
  if (slots.length === 0 && !isFigure && q.kind !== 'length' && q.kind !== 'date') {
    // A headline or heading names a topic: as a whole-sentence answer to "who", "where" or "when" it is weak.
    const typed = q.kind !== 'description';
    const headline = typed && isHeadline(r.corpus.byId.get(sentence.source)?.sentences ?? [], sentence.index);
    const score =
      coverage *
      SENTENCE_FALLBACK *
      dates *
      tense *
      series *
      (missingName ? 0.6 : 1) *
      (missingPlace || missingPlaceName ? MISSING_PLACE : 1) *
      (headline ? HEADLINE_FALLBACK : 1);
    out.push({
      sentence,
      score,
      coverage,
      key: `sentence:${sentence.ordinal}`,
      text: withoutEmphasis(withoutLabel(text)),
      claimant: null,
    });
    return { coverage, candidates: out };
  }
  const matchedWeight = matched.reduce((s, t) => s + t.weight, 0) || 1;
  // "- Estimated damage to the harbour piers: EUR 2.1 million": a label and its value; every word of the label
  // is as near the value as the first.
  const labelled = LABEL_VALUE.exec(text);
  const valueFrom = labelled ? tokens.findIndex((t) => t.start >= (labelled[1]?.length ?? 0)) : -1;
  // The people a figure counts by its own noun ("12 people", "three children"), as an index term.
  const ownPeople = (slot: Slot): string | null => {
    const people = (term: string | null | undefined) =>
      term != null && (PLAIN_PEOPLE_TERMS.has(term) || PEOPLE_HEADS.has(term));
    const term = [tokens[slot.last]?.term, tokens[slot.last + 1]?.term].find(people);
    return term ?? null;
  };
  let counted: boolean | undefined;
  // Some figure of the sentence counts the asked people by name (not "people": any figure of people is theirs).
  const headCounted = () =>
    (counted ??= head !== undefined && !PEOPLE_HEADS.has(head.term) && slots.some((s) => ownPeople(s) === head.term));
  for (const slot of slots) {
    let proximity = 0;
    for (const t of matched) {
      const at = positions.get(t.term) ?? [];
      const label = valueFrom > 0 && slot.first >= valueFrom && at.some((p) => p < valueFrom);
      proximity += t.weight * near(label ? 1 : distanceTo(at, slot.first, slot.last));
    }
    proximity /= matchedWeight;
    let anchor = slot.first < 0 ? 1 : 0.5 + 0.5 * proximity;
    let distanceLoss = anchor;
    let ownYear = false;
    if (head && q.kind !== 'description') {
      // "Casualties" are counted by any figure of killed, injured or missing.
      const hp = termAt(positions, head.term, tokens);
      // A figure counts the noun next to it ("314 prisoners"); "40,000 injured" borrows the noun of the
      // figure before it ("15,000 civilians killed and 40,000 injured"), so any mention in the sentence will do.
      const next = tokens[slot.last + 1];
      // "…150 prisoners each; in the second, 210.": a bare figure ending its clause counts what the figure
      // before it counts.
      const bare =
        isFigure &&
        slot.first === slot.last &&
        // "48 passengers …, 24 from each side": a share said of each side is as bare.
        // "up from 23 in 2024": so is one followed by the year it is of.
        /^\s*(?:[.;,)]|$|(?:from|on|for|to) (?:each|either|both) (?:side|sides|country|party)\b|each\b|apiece\b|in (?:19|20)\d\d\b)/.test(
          text.slice(tokens[slot.last]?.end ?? text.length),
        ) &&
        !head.soft &&
        (hp?.some((p) => p < slot.first && (tokens[p - 1]?.numeric || tokens[p - 2]?.numeric)) ?? false);
      const elliptical =
        bare || (isFigure && MEASURE_TERMS.includes(next?.term ?? '') && /(?:ed|ing)$|^dead$/.test(next?.lower ?? ''));
      // When what is counted is a measure ("the death toll"), the figure may stand further from its verb
      // ("46,000 Ukrainian servicemen had been killed").
      // A share is of a whole named anywhere in its clause ("the plan … was only 12 per cent funded"), and
      // so is an amount in a unit ("salmon exports for the season had reached 1.2 million tonnes").
      // "… every detainee who agreed to speak, 362 people in all": "people" restates the people named before.
      const own = isFigure ? ownPeople(slot) : null;
      const restated = own !== null && PEOPLE_HEADS.has(own) && PEOPLE_NOUN_TERMS.has(head.term);
      const reach = elliptical
        ? Number.POSITIVE_INFINITY
        : restated
          ? RESTATED_REACH
          : q.kind === 'percent' || (isFigure && inUnit(tokens, slot))
            ? PERCENT_REACH
            : isFigure && !OUTCOME_TERMS.includes(head.term)
              ? 4
              : 8;
      // "wounding 11 others", "killed 47 more": people, counted by the verb before them.
      // "… killed four people and injured 25": a bare figure right after the verb counts people too.
      const afterVerb =
        OUTCOME_TERMS.includes(tokens[slot.first - 1]?.term ?? '') &&
        /(?:ed|ing)$/.test(tokens[slot.first - 1]?.lower ?? '');
      const bareObject =
        slot.first === slot.last && /^\s*(?:[,.;)]|and\b|$)/.test(text.slice(tokens[slot.last]?.end ?? text.length));
      const othersCounted =
        isFigure &&
        PEOPLE_HEADS.has(head.term) &&
        ((afterVerb && (/\bothers$/i.test(slot.text) || bareObject)) || tollOf(tokens, slot) !== null);
      // An age read as such ("Berg, 64,") answers "how old" without the word "old".
      if (!othersCounted && !slot.key.startsWith('age:')) {
        // A sentence under a heading or after sentences about the asked thing ("Q: Where were the Lisbon
        // talks held?" … "Costa chaired the sessions") is about it without naming it.
        if (!hp?.length) anchor *= isFigure ? 0.3 : (context().get(head.term) ?? 0) > 0 ? 0.7 : 0.45;
        else if (
          distanceTo(hp, slot.first, slot.last) > reach &&
          // "Damage to the port since March was estimated at $3 million": further off, but said of it.
          !(isFigure && predicatedOf(text, tokens, hp, slot))
        ) {
          anchor *= isFigure ? 0.35 : 0.7;
          distanceLoss *= isFigure ? 0.35 : 0.7;
        }
      }
    }
    if (q.kind !== 'description') {
      // The side word nearest the answer must be one the question names ("Russian soldiers", not
      // "the Ukrainian side"), and so must the measure word next to a figure ("killed", not "injured").
      const wantedSides = focusSides.size > 0 ? focusSides : questionSides;
      if (isFigure || q.kind === 'length') {
        // Only a side that qualifies the counted thing ("Russian soldiers") constrains a figure; "according
        // to Ukraine's air force" names who counts, not what is counted.
        // "five months", "two sides": a figure that counts something the question does not ask about.
        // ("25 million euros" counts money when money is asked about.)
        const money =
          head !== undefined && MONEY_TERMS.has(head.term) && CURRENCY.test(tokens[slot.last + 1]?.lower ?? '');
        if (q.kind === 'count' && populationOfPlace(text, tokens, slot, terms)) anchor *= POPULATION_OF_PLACE;
        else if (q.kind === 'count' && !money && countsSomethingElse(text, tokens, slot, terms)) anchor *= 0.35;
        else if (q.kind === 'count' && headUnknown && countsOwnNoun(text, tokens, slot, terms)) anchor *= UNKNOWN_HEAD;
        if (q.kind === 'count' && populationConflict(tokens, slot, terms)) anchor *= OTHER_POPULATION;
        // "How many children were killed?" — "killed 12 people, including three children": where the sentence
        // counts the people asked about, a figure of other people is not theirs.
        else if (
          q.kind === 'count' &&
          head &&
          ownPeople(slot) !== null &&
          ownPeople(slot) !== head.term &&
          headCounted()
        )
          anchor *= OTHER_POPULATION;
        // "How much money …": a sum of money is in a currency.
        if (q.kind === 'count' && moneyAsked && !inCurrency(text, tokens, slot)) anchor *= UNKNOWN_HEAD;
        // "… 158 missiles at Ukraine": the side an act is aimed at does not own what is counted.
        const aimedAt = (p: number) => TARGET_PREPOSITION.test(tokens[p - 1]?.lower ?? '');
        if (conflicts(positions, slot, SIDE_TERMS, focusSides, 5, aimedAt)) anchor *= 0.25;
        // The side asked about is not in the sentence at all ("55,000 troops dying" for Russian soldiers).
        else if (focusSides.size > 0 && ![...focusSides].some((side) => positions.has(side))) {
          // … nor in what comes before it, which names only another side: the figure is that side's.
          const around = SIDE_TERMS.filter((t) => (context().get(t) ?? 0) > 0);
          // ("Among the rockets were 6 …" after "The navy fired 9 rockets …": the sentence it goes on
          // from names the side, and no other side is named in it.)
          const inherited = [...focusSides].some(previousHas) && !SIDE_TERMS.some((t) => positions.has(t));
          if (!inherited) anchor *= around.length > 0 && !around.some((t) => focusSides.has(t)) ? 0.25 : 0.6;
        }
        // "How many drones did Ukraine launch?" is not answered by "Russia fired 183 drones".
        if (q.actors.length > 0 && actorConflict(tokens, slot, q.actors)) anchor *= 0.3;
        // "How many drones did Ukraine shoot down?" is not answered by "47 Ukrainian drones": what an act
        // against the other side counts is the other side's.
        else if (
          q.actsOnOther &&
          q.actors.length > 0 &&
          // "did Moscow say were killed": Moscow tells, it does not act.
          !SAYS_ASKED.test(q.question) &&
          tokens.slice(slot.first, slot.last + 3).some((t) => t.term !== null && q.actors.includes(t.term))
        )
          anchor *= 0.3;
      } else if (head) {
        // The role asked about belongs to a side ("Russia's top negotiator"): the role word next to the name
        // must carry that side, and a role with no side at all is weaker evidence.
        // "The Russian side was led by A, while Ukraine's team was headed by B": the sides of the clause
        // that names the person come first.
        const sides = askedCountries.size > 0 ? clauseSides(text, tokens, slot) : new Set<string>();
        const modifier =
          sides.size > 0 && ![...sides].some((x) => askedCountries.has(x))
            ? 'conflict'
            : roleModifier(text, tokens, positions.get(head.term) ?? [], slot, wantedSides);
        if (modifier === 'conflict') anchor *= 0.4;
        else if (modifier === 'none' && focusSides.size > 0) anchor *= 0.75;
      }
      // "Which Colombian official …?" is not answered by Soto: a person the corpus' titles give another country
      // ("Brazilian President Luis Soto") is not of the side asked about.
      if (q.kind === 'person' && askedCountries.size > 0) {
        const surname = slot.text.toLowerCase().split(/\s+/).at(-1) ?? '';
        const known = r.lexicon.countries?.get(r.lexicon.variants.get(surname) ?? surname);
        if (known && !askedCountries.has(known)) anchor *= OTHER_COUNTRY_PERSON;
      }
      // "What was the name of the boy …?" is not answered by "Harbour master Ivo Kask": a name titled
      // with an office where a person of some age or kin is asked about, or the other way round.
      if (q.kind === 'person' && head && !head.proper) {
        const asked = q.tokens[head.position]?.lower ?? '';
        const kin = PERSON_NOUNS.has(asked) || PERSON_NOUNS.has(asked.replace(/s$/, ''));
        const office = PERSON_ROLE_WORDS.has(asked);
        const title =
          kin || office
            ? titleOfName(text, tokens, slot, (w) => PERSON_NOUNS.has(w) || PERSON_ROLE_WORDS.has(w))
            : null;
        if (title !== null && (PERSON_NOUNS.has(title) ? office : kin)) anchor *= OTHER_KIND_OF_PERSON;
        // "… a nine-year-old boy …, Kask said": who tells of a child, a mother or a soldier is not that person.
        else if (kin && title === null && SPEECH.test(tokens[slot.last + 1]?.lower ?? ''))
          anchor *= OTHER_KIND_OF_PERSON;
      }
      if (isFigure && measureConflict(text, tokens, positions, slot, questionMeasures)) anchor *= 0.3;
      // "How many missiles were shot down?" is not answered by the missiles launched.
      if (isFigure && weaponAsked && actConflict(text, tokens, slot, askedActs)) anchor *= OTHER_ACT_FIGURE;
      // … nor by a sentence that tells of no such act ("two of the drones were decoys").
      else if (
        isFigure &&
        weaponAsked &&
        askedActs.size > 0 &&
        ![...askedActs].some((a) => positions.has(a) || continues(a))
      )
        anchor *= NO_OUTCOME;
      // "In the first round … 150; in the second, 210": the ordinal nearest before a figure says which one
      // it counts, and it must be the one asked about.
      if (isFigure && askedOrdinals.size > 0) {
        const nearest = nearestOrdinal(tokens, slot.first);
        if (nearest !== null && !askedOrdinals.has(nearest)) anchor *= OTHER_ORDINAL;
      }
      // "How many in 2024?" is not answered by the 2025 figure of "61 in 2025, up from 23 in 2024".
      if (isFigure && q.date?.year != null) {
        const year = yearOfFigure(text, tokens, slot);
        if (year !== null && year !== String(q.date.year)) anchor *= OTHER_ORDINAL;
        // "… in 2025, up from 22 a year earlier": the figure's own year is the one asked, whatever other
        // year dates the sentence.
        else if (year !== null && q.date.month === null) ownYear = true;
      }
      // "… higher than in March 2024, when the board counted 31 sinkings": a figure in a "when" clause after
      // a date is that date's, whatever date the rest of the sentence is about.
      if (isFigure && q.date && !q.date.asOf) {
        const told = clauseDate(text, tokens[slot.first]?.start ?? 0);
        if (told && sameDate(told, q.date)) ownYear = true;
        else if (told) anchor *= OTHER_ORDINAL;
      }
      // "How much higher than in 2023?" is not answered by the "12% higher than in 2024" of "12% higher than
      // in 2024 and 40% higher than in 2023": the year a change is measured from must be the one asked.
      if (isFigure && askedBase !== null) {
        const base = comparisonBase(tokens, slot.last + 1);
        if (base !== null && base !== askedBase) anchor *= OTHER_ORDINAL;
      }
      // "How many were killed": a figure from a sentence that says nothing of anyone killed counts something else.
      if (isFigure && askedOutcomes.length > 0 && !askedOutcomes.some((m) => positions.has(m))) anchor *= NO_OUTCOME;
      // "An earlier count had put the toll at 27 wounded": superseded, unless the earlier count is asked for.
      // (And when it is asked for — "what was the first toll?" — it is the one that answers.)
      if (isFigure && earlierCount(text, tokens[slot.first]?.start ?? 0))
        anchor *= EARLIER_ASKED.test(q.question) ? 1 / EARLIER_SHARE : EARLIER_SHARE;
      // "34 people had been wounded, four of them children": the share counts the children, not the wounded
      // asked about (unless the children are).
      if (isFigure && /\bof (?:them|those|whom)$/i.test(slot.text)) {
        const them = tokens.findIndex((t, k) => k > slot.last && /^(?:them|those|whom)$/.test(t.lower));
        const sub = tokens[them + 1]?.term;
        if (!sub || !terms.some((t) => t.term === sub)) anchor *= SUBSET_SHARE;
      }
      // "… rose to 9, among them two children", "killing 12, including three crew": a part of the
      // figure before it, which answers unless that part (the children) is asked about.
      else if (isFigure && partOfFigureBefore(text, tokens, slot)) {
        const own = tokens.slice(slot.first, slot.last + 2).flatMap((t) => (t.term ? [t.term] : []));
        if (!own.some((o) => terms.some((t) => t.term === o))) anchor *= SUBSET_SHARE;
      }
      // "each side" asks for a share, "in total" for the whole: a figure said to be per side answers the one.
      if (isFigure && perSideAsked !== null) {
        // The words near the figure, up to another figure: "240 detainees (120 per side)" says 120 per side.
        let from = slot.first;
        while (from > 0 && from > slot.first - 6 && !tokens[from - 1]?.numeric) from--;
        let to = slot.last;
        while (to < tokens.length - 1 && to < slot.last + 6 && !tokens[to + 1]?.numeric) to++;
        const perSide = PER_SIDE.test(text.slice(tokens[from]?.start ?? 0, tokens[to]?.end ?? text.length));
        if (perSide !== perSideAsked) anchor *= SHARE_MISMATCH;
      }
    }
    const score =
      coverage *
      anchor *
      (ownYear ? 1 : dates) *
      slot.prior *
      descriptionPenalty *
      tense *
      series *
      actFor(slot) *
      (missingName ? 0.6 : 1) *
      (missingPlace || missingPlaceName ? MISSING_PLACE : 1);
    // Per figure: "X said 7,000 …, while Y said over 2,500" gives each figure its own claimant.
    const at = tokens[Math.max(0, slot.first)]?.start;
    const claimant = isFigure
      ? (findClaimant(r, sentence.corrected, tokens, at) ?? previousClaimant(r, sentence, at))
      : null;
    out.push({
      sentence,
      score,
      coverage,
      key: slot.key,
      text: withoutEmphasis(slot.text),
      claimant,
      ...(borrowed ? { also: borrowed } : {}),
      ...(ownYear ? { ownYear } : {}),
      // A figure with a word of its own that the question does not use ("50,000 soldiers" for "how many
      // rounds", "140,000 deaths" for "how many tanks") may count something else: only a close anchor
      // supports it. A unit ("20 percent of …") says how it counts, not what.
      ...(isFigure && bareFigure(text, tokens, slot) ? { distanceLoss } : {}),
    });
  }
  return { coverage, candidates: out };
}

/* ----------------------------------------------------------------- answer */

export function cite(r: Retriever, s: Sentence): RichCitation {
  const article = r.corpus.byId.get(s.source);
  return {
    source: s.source,
    outlet: article?.meta.outlet ?? null,
    title: article?.meta.title ?? null,
    published: article?.meta.published ?? null,
    paragraph: s.paragraph,
    quote: s.text,
  };
}

/**
 * The notices that corrected a sentence ("This story corrects an earlier version that said 2,410 …"): a
 * corrected sentence is quoted verbatim, with the wrong value, so the notice that gives the value the answer
 * reads is cited right after it.
 */
export function correctionNotices(r: Retriever, s: Sentence): Sentence[] {
  if (s.corrected === s.text) return [];
  const article = r.corpus.byId.get(s.source);
  if (!article) return [];
  const notices = article.corrections.filter((c) => applyCorrections(s.text, [c]) !== s.text);
  return article.sentences.filter((n) => notices.some((c) => c.notice === n.text || c.notice.includes(n.text)));
}

/** One citation per article, best sentence first (a corrected sentence with its correction notice). */
function citationsOf(r: Retriever, candidates: readonly Candidate[]): { citations: RichCitation[]; sources: number } {
  const bySource = new Map<string, Candidate>();
  for (const c of [...candidates].sort((a, b) => b.score - a.score))
    if (!bySource.has(c.sentence.source)) bySource.set(c.sentence.source, c);
  const list = [...bySource.values()];
  // Syndicated copies (the same sentence carried by several articles) are one report, not several.
  const reports = new Set(list.map((c) => reportKey(c.sentence.text))).size;
  const citations = list
    .slice(0, MAX_CITATIONS)
    .flatMap((c) => [
      ...(c.also ? [cite(r, c.also)] : []),
      cite(r, c.sentence),
      ...correctionNotices(r, c.sentence).map((n) => cite(r, n)),
    ]);
  return { citations: citations.slice(0, MAX_CITATIONS), sources: reports };
}

/** A sentence's words, without case, quotes or spacing: the same key for a syndicated copy of it. */
export function reportKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’“”"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Share of one sentence's content words that another sentence also has. */
function sharedWords(a: Prepared, b: Prepared): number {
  const mine = [...a.positions.keys()];
  if (mine.length === 0) return 0;
  return mine.filter((t) => b.positions.has(t)).length / mine.length;
}

/** Another article's sentence supports a whole-sentence answer only when it says much the same. */
export const SAME_STATEMENT_SHARE = 0.4;
/** …or, scoring at least RESTATED_SCORE of the best, when it shares this share of the answer's words. */
export const RESTATED_SHARE = 0.6;
export const RESTATED_SCORE = 0.4;

/**
 * Whether another article's sentence (scoring `score`, sharing `shared` of the answer's words) supports a
 * whole-sentence answer scoring `best`: it says much the same and answers about as well, or it restates the
 * answer nearly word for word ("X said the rebels had shown no sign …") though its wording scores lower.
 */
export function supportsStatement(best: number, score: number, shared: number): boolean {
  return (
    (score >= best * 0.8 && shared >= SAME_STATEMENT_SHARE) ||
    (score >= best * RESTATED_SCORE && shared >= RESTATED_SHARE)
  );
}

function abstain(q: string, kind: AnswerKind, total: number): Answer {
  return {
    question: q,
    answer: NOT_FOUND_ANSWER,
    abstained: true,
    kind,
    supportingSources: 0,
    totalSources: total,
    alternatives: [],
    citations: [],
  };
}

/**
 * Which sentences of the winning answer's group count as support: a figure must be read the same way
 * (close in score); a name or place only has to appear in the role asked about.
 */
function supportShare(kind: AnswerKind): number {
  return kind === 'person' || kind === 'organisation' || kind === 'place' ? 0.3 : 0.5;
}

export function sourcesPhrase(n: number, total: number): string {
  return `reported by ${n} of ${total} source${total === 1 ? '' : 's'}`;
}

/**
 * "who is steve witkoff?": when everything a "who" question asks about is the name of a person the
 * sources know (whatever its case), the question wants that person's role.
 */
function asRoleQuestion(r: Retriever, q: QuestionAnalysis): QuestionAnalysis {
  if (q.kind !== 'person') return q;
  const focus = q.terms.filter((t) => t.focus);
  if (focus.length === 0 || focus.length !== q.terms.length) return q;
  const words = q.tokens
    .filter((t) => t.term && focus.some((f) => f.position === q.tokens.indexOf(t)))
    .map((t) => t.lower);
  const surname = r.lexicon.variants.get(words.at(-1) ?? '') ?? words.at(-1) ?? '';
  if (!r.lexicon.surnames.has(surname)) return q;
  return {
    ...q,
    kind: 'role',
    terms: q.terms.map((t) => (t.focus ? { ...t, proper: true, subject: true } : t)),
  };
}

/**
 * A place typed in lower case ("in odesa", "the kherson strike") is a name still: a word the sources write
 * only with a capital, as a name, never in lower case, standing where a place does.
 */
/** A name where a place stands: "in varna", "near Lovech", "the Burgas strike". */
function standsAsPlace(q: QuestionAnalysis, position: number): boolean {
  return (
    /^(?:in|near|at|outside|around|from|over|on)$/.test(q.tokens[position - 1]?.lower ?? '') ||
    /^(?:strike|strikes|attack|attacks|region|oblast|city|shelling|bombing|toll)$/.test(
      q.tokens[position + 1]?.lower ?? '',
    )
  );
}

/**
 * "How old is X?": "old" is the form of the question, not a word to find ("X, 64, is …" answers it); the
 * age readers in slots.ts know the question asks for an age.
 */
function withoutAgeWord(q: QuestionAnalysis): QuestionAnalysis {
  if (!/\bhow old\b/i.test(q.question)) return q;
  const terms = q.terms.filter((t) => q.tokens[t.position]?.lower !== 'old');
  return terms.length > 0 && terms.length < q.terms.length ? { ...q, terms } : q;
}

const CALENDAR =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$|day$|(?:uary|ember|ober|ch|il|ust|ne|ly)$/;

function withKnownNames(r: Retriever, q: QuestionAnalysis): QuestionAnalysis {
  const midCaps = r.lexicon.names?.midCaps;
  if (!midCaps) return q;
  let changed = false;
  const terms = q.terms.map((t) => {
    const token = q.tokens[t.position];
    if (t.proper || t.side || !token || token.capitalized) return t;
    const named = r.lexicon.types.has(token.lower) && midCaps.has(token.lower) && !CALENDAR.test(token.lower);
    if (!named || !standsAsPlace(q, t.position) || r.words.has(token.lower)) return t;
    changed = true;
    return { ...t, proper: true };
  });
  return changed ? { ...q, terms } : q;
}

/** Every scored reading of every retrieved sentence, best first (for answers, and for `--explain`). */
/** One source of a sentence's context: the sentences before it, its heading, its headline, an interview's guest. */
interface ContextLayer {
  has(term: string): boolean;
  weight: number;
}

/** The words around a sentence with the share of its weight each counts, read only for the terms asked about. */
class Context {
  readonly #layers: readonly ContextLayer[];
  constructor(layers: readonly ContextLayer[]) {
    this.#layers = layers;
  }
  /** The weight of the strongest layer that has the term, or undefined when none has it. */
  get(term: string): number | undefined {
    let best: number | undefined;
    for (const layer of this.#layers)
      if ((best === undefined || layer.weight > best) && layer.has(term)) best = layer.weight;
    return best;
  }
  has(term: string): boolean {
    return this.#layers.some((layer) => layer.has(term));
  }
}

/** A question word found in one of the two sentences before a sentence counts this share of its weight. */
export const NEARBY_CONTEXT = 0.5;
/** How many sentences back a name the question gives may stand and still be the sentence's topic. */
export const NAME_REACH = 5;
/** … where, beyond the two sentences before, a name counts this share of its weight (other words none). */
export const FAR_CONTEXT = 0.25;
/** … and in the heading of its section: a section's topic, weaker than what was just said. */
export const HEADING_CONTEXT = 0.35;

/** A sentence in the first person: in an interview, the guest speaking. */
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|I'll|my|me)\b/;
/** How an interview names its guest: "We asked X", "X spoke to us", "in an interview, X …". */
const INTERVIEW_INTRO =
  /\b(?:we asked|we spoke (?:to|with)|spoke to (?:us|me)|talked to (?:us|me)|told us|in an interview|interviewed)\b/i;

/** How far back (in sentences) a section heading is looked for. */
const HEADING_REACH = 30;

/**
 * A heading: a paragraph of one short line that is a question ("Q: Who led the delegations?") or has no
 * closing full stop ("What comes next"). Never the article's first line (the headline: every sentence's).
 */
/** A paragraph that puts a question: "Q. …", "Q: …", "Question: …". */
const QUESTION_LABEL = /^\W*(?:Q|Question)\s*[.:]\s/;

/** Whether a sentence belongs to a paragraph that puts a question (a reader's, an interviewer's). */
function inQuestion(r: Retriever, s: Sentence): boolean {
  const sentences = r.corpus.byId.get(s.source)?.sentences ?? [];
  return QUESTION_LABEL.test(paragraphAt(sentences, s.index)[0]?.text ?? '');
}

/** Whether each sentence read so far is a heading: a property of the corpus, read once. */
const HEADINGS = new WeakMap<Sentence, boolean>();

function isHeading(sentences: readonly Sentence[], i: number): boolean {
  const s = sentences[i];
  if (!s || s.boilerplate || i === 0) return false;
  let known = HEADINGS.get(s);
  if (known === undefined) {
    known = readHeading(sentences, i);
    HEADINGS.set(s, known);
  }
  return known;
}

function readHeading(sentences: readonly Sentence[], i: number): boolean {
  const s = sentences[i];
  if (!s) return false;
  // (Markup left standing alone, "**" after a bold question, is no sentence.)
  const paragraph = paragraphAt(sentences, i).filter((x) => /\p{L}/u.test(x.text));
  const words = paragraph.reduce((n, x) => n + x.text.split(/\s+/).length, 0);
  if (paragraph.length > 3 || words > 45) return false;
  // "**The sides agreed a channel. Why does that matter?**": an interviewer's question of a sentence or two.
  if (ASKS.test(paragraph.at(-1)?.text ?? '')) return true;
  return paragraph.length === 1 && words <= 20 && !/[.!…:;,"”’)]\s*$/.test(s.text);
}

/** "Which district", "what region": a place of that kind is asked for. */
const PLACE_TYPE_ASKED =
  /\b(?:which|what) (district|region|province|oblast|town|village|county|neighbourhood|neighborhood|port|area)\b/i;

/** How a list item opens: "- ", "• ", "* ", "1. ", "2) ". */
const LIST_MARK = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+/;
/** At most this many items of a list answer for the heading above them. */
const MAX_LIST_ITEMS = 6;

/** The items of the list right under a heading (each its own paragraph or line), up to the next heading. */
function listUnder(r: Retriever, s: Sentence): Sentence[] {
  const sentences = r.corpus.byId.get(s.source)?.sentences ?? [];
  if (!isHeadline(sentences, s.index) || s.index === 0) return [];
  const items: Sentence[] = [];
  for (let i = s.index + 1; i < sentences.length && items.length < MAX_LIST_ITEMS; i++) {
    const x = sentences[i];
    // (A short item, "- Fishing quotas", may read as a menu line; under a heading it is an item.)
    if (!x || (x.boilerplate && !LIST_MARK.test(x.text))) break;
    if (x.paragraph === sentences[i - 1]?.paragraph && !LIST_MARK.test(x.text)) continue;
    if (!LIST_MARK.test(x.text)) break;
    items.push(x);
  }
  return items;
}

/** A headline or heading answering "who", "where" or "when" as a whole sentence weighs this share. */
export const HEADLINE_FALLBACK = 0.6;

/** The article's headline (its first line standing alone) or a section heading. */
function isHeadline(sentences: readonly Sentence[], i: number): boolean {
  const s = sentences[i];
  if (!s) return false;
  if (i > 0) return isHeading(sentences, i);
  return sentences[1]?.paragraph !== s.paragraph && !/[.!…"”’)]\s*$/.test(s.text);
}

/** The heading of the section sentence `index` stands in (the nearest heading before its paragraph). */
/** The heading over each sentence read so far (a property of the corpus, read once). */
const HEADING_OVER = new WeakMap<Sentence, Sentence[]>();
/** The heading of the many sentences under none (shared, never written to). */
const NO_HEADING: Sentence[] = [];

function headingOf(sentences: readonly Sentence[], index: number): Sentence[] {
  const s = sentences[index];
  if (!s) return [];
  let known = HEADING_OVER.get(s);
  if (!known) {
    const found = readHeadingOf(sentences, index);
    known = found.length > 0 ? found : NO_HEADING;
    HEADING_OVER.set(s, known);
  }
  return known;
}

function readHeadingOf(sentences: readonly Sentence[], index: number): Sentence[] {
  const own = sentences[index]?.paragraph;
  for (let i = index - 1; i >= Math.max(1, index - HEADING_REACH); i--) {
    if (sentences[i]?.paragraph === own) continue;
    if (isHeading(sentences, i)) return paragraphAt(sentences, i);
  }
  return [];
}

export function scoreCandidates(
  r: Retriever,
  question: string,
): { q: QuestionAnalysis; candidates: Candidate[]; relevance: Relevance[]; abstainEarly: boolean } {
  const q = withoutAgeWord(withKnownNames(r, asRoleQuestion(r, analyzeQuestion(question))));
  const { known, unknownShare, fatal } = weighTerms(r, q);
  // Only names are known and the words about them are not ("Will it rain in Abu Dhabi tomorrow?").
  // A question with nothing but names to go on ("What is the capital of France?", "What time is it in Abu
  // Dhabi?") can only ask who someone is or what they said.
  const namesOnly =
    known.every((t) => t.proper || t.side) &&
    (unknownShare > 0 || !(q.kind === 'role' || q.kind === 'person' || q.kind === 'description'));
  // Only words standing in by meaning match: nothing the question says is in the sources.
  const onlySoft = known.length > 0 && known.every((t) => t.soft || t.side);
  if (fatal || namesOnly || onlySoft || known.length === 0 || unknownShare > MAX_UNKNOWN_SHARE) {
    return { q, candidates: [], relevance: [], abstainEarly: true };
  }

  const passages = r.search(known.map((t) => t.term));
  // One tokenisation per sentence and question, shared by scoring and by the context of the next sentences.
  const preparedCache = new Map<number, Prepared>();
  const prepared = (s: Sentence): Prepared => {
    let p = preparedCache.get(s.ordinal);
    if (!p) {
      p = prepare(r, s.corrected);
      preparedCache.set(s.ordinal, p);
    }
    return p;
  };
  /** Terms of the two sentences before `s` in its article ("Its report said…" needs the one before). */
  const contextOf = (s: Sentence): Context => {
    const article = r.corpus.byId.get(s.source);
    const layers: ContextLayer[] = [];
    if (!article) return new Context(layers);
    // An interview's answers are its guest's words: "I call it the hinge" is the guest's.
    const guest = FIRST_PERSON.test(s.text) ? intervieweeOf(article) : [];
    if (guest.length > 0) layers.push({ has: (t) => guest.includes(t), weight: 1 });
    for (let i = s.index - 1; i >= Math.max(0, s.index - NAME_REACH); i--) {
      const prev = article.sentences[i];
      if (!prev || prev.boilerplate) continue;
      // Further back, a name still tells what the sentence is about ("… a train near Lovech. …
      // The governor said more than 200 people were aboard"); other words there say little.
      const positions = prepared(prev).positions;
      layers.push({ has: (t) => positions.has(t), weight: i >= s.index - 2 ? NEARBY_CONTEXT : 0 });
    }
    // The heading of its section ("Q: Where were the Lisbon talks held?", "## Who was in the room")
    // says what the paragraphs under it are about; the headline ("… what the Lisbon talks delivered")
    // what the whole article is about.
    for (const heading of headingOf(article.sentences, s.index)) {
      const positions = prepared(heading).positions;
      layers.push({ has: (t) => positions.has(t), weight: HEADING_CONTEXT });
    }
    const title = headlineTerms(article);
    layers.push({ has: (t) => title.has(t), weight: HEADING_CONTEXT });
    return new Context(layers);
  };

  const guests = new Map<string, string[]>();
  /**
   * The index terms of the person an interview is with: named in its opening paragraphs as the one asked
   * ("We asked X, who …", "X spoke to us", "in an interview, X said"), in an article of questions and answers.
   */
  const intervieweeOf = (article: Article): string[] => {
    let terms = guests.get(article.id);
    if (terms) return terms;
    terms = [];
    const questions = article.sentences.filter((x, i) => ASKS.test(x.text) && isHeading(article.sentences, i));
    const opening = article.sentences.filter((x) => x.paragraph <= (article.sentences[0]?.paragraph ?? 0) + 2);
    const intro = questions.length >= 2 ? opening.find((x) => INTERVIEW_INTRO.test(x.text)) : undefined;
    if (intro) {
      const tokens = tokenize(intro.corrected);
      const person = entitySpans(intro.corrected, tokens, r.lexicon).find((e) => e.type === 'person');
      if (person) terms = [...prepare(r, person.text).positions.keys()];
    }
    guests.set(article.id, terms);
    return terms;
  };

  const titleCache = new Map<string, ReadonlySet<string>>();
  /** The index terms of an article's headline: what the whole article is about. */
  const headlineTerms = (article: Article): ReadonlySet<string> => {
    let terms = titleCache.get(article.id);
    if (!terms) {
      // Without metadata, the first line when it stands alone as a headline does.
      const first = article.sentences[0];
      const headline =
        first && article.sentences[1]?.paragraph !== first.paragraph && first.text.split(/\s+/).length <= 20
          ? first.text
          : '';
      terms = new Set(prepare(r, article.meta.title ?? headline).positions.keys());
      titleCache.set(article.id, terms);
    }
    return terms;
  };

  const candidates: Candidate[] = [];
  const relevance: Relevance[] = [];
  for (const p of passages) {
    for (const ordinal of p.sentences) {
      const s = r.corpus.sentences[ordinal];
      // A question in an article ("Q: Was there a ceasefire deal?", a rhetorical one) asserts nothing.
      // Nor does a claim set out to be checked ("Claim: 400 ships were stranded").
      // Nor does what a reader or interviewer says in asking ("Q. I read that eight died, then nine. What's
      // the latest?").
      if (!s || s.boilerplate || ASKS.test(s.text) || UNDER_CHECK.test(s.text) || inQuestion(r, s)) continue;
      const scored = scoreSentence(r, q, known, s, prepared(s), () => contextOf(s));
      candidates.push(...scored.candidates);
      relevance.push({ sentence: s, coverage: scored.coverage });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  relevance.sort((a, b) => b.coverage - a.coverage);
  return { q, candidates, relevance, abstainEarly: false };
}

/** What the form of a question adds to reading its answer (see forms.ts). */
export interface AnswerOptions {
  /** Names the question rules out ("besides X"): no answer may be one of them. */
  exclude?: readonly string[];
  /** "The lowest figure": of the figures read for the question, the smallest (or largest) wins. */
  superlative?: 'lowest' | 'highest' | null;
  /** "the latest", "so far": of close figures, the one reported last (read before the form words go). */
  latest?: boolean;
  /** "The first toll", "before it went up": the earliest report of a figure is asked for. */
  earliest?: boolean;
  /** Whose figure is asked for ("according to Moscow"): a figure someone else gives weighs less. */
  claimant?: string | null;
  /** "Which two countries …": how many names the answer lists. */
  many?: number | null;
  /** "How many of the 314 …": a part is smaller than the whole the question gives. */
  below?: number | null;
  /** "How many of the injured were children?": a part of a group is asked for, not the group. */
  subset?: boolean;
}

/**
 * A figure followed by a share of it ("nine injured, four of them in critical condition", "40 freed,
 * including 12 of whom …"): the whole the partitive breaks down.
 */
const PARTITIVE_AFTER =
  /^[^.;:]{0,40}?[,(—–-]\s*(?:including|among them|of whom|of them)?\s*(?<share>\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\p{L}+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|dozens|hundreds|thousands)\s+(?:of (?:them|those|whom)|were|are)\b/iu;

/** "… in miles?", "in hours", "how many hours …": a unit of measure the question asks the answer in. */
const UNIT_ASKED =
  /\b(?:in|how many) (miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|yards?|hours?|minutes?|days?|weeks?|months?|years?|tonnes?|tons?|barrels?|megawatts?)\b/i;
/** A figure in the unit asked for wins when it scores at least this share of the best… */
export const UNIT_SHARE = 0.5;
/** …and a figure in another unit then weighs this share. */
export const OTHER_UNIT = 0.7;

/** A factbox line: a label, a colon, then a short value ("- Energy facilities damaged: 14, in nine regions"). */
const LABEL_VALUE = /^([-*•\s]*[^:]{3,160}:)\s*[^:]{1,80}$/;

/** A figure given without what it counts ("then 9."). */
const BARE_FIGURE = /^[\d.,]+$/;

/** A day inside the month (or year) the best date answer gives wins when it scores this share of it. */
export const PRECISE_DATE_SHARE = 0.5;

/** A further name joins a "which two …" answer when it scores at least this share of the first. */
export const MANY_SHARE = 0.3;

/** A figure attributed to someone other than the claimant asked about weighs this share. */
export const OTHER_CLAIMANT = 0.4;
/** …and one attributed to no one, in a sentence that does not name the claimant asked about. */
export const UNNAMED_CLAIMANT = 0.7;

/** Words any claimant may carry ("ministry", "office"): two claimants sharing only these are not the same. */
const GENERIC_CLAIMANT_TERMS = new Set(
  [
    'ministry',
    'office',
    'service',
    'report',
    'analysis',
    'official',
    'officials',
    'government',
    'president',
    'state',
  ].map((w) => tokenize(w)[0]?.term ?? w),
);

/** Index terms of a name, with the lexicon's spellings and acronyms applied. */
function nameTerms(r: Retriever, name: string): Set<string> {
  const tokens = tokenize(name);
  const typed = new Set(tokens.map((t) => t.term));
  return new Set(
    r
      .termPositions(name, tokens)
      .map((t) => t.term)
      // A name spelled out ("the Norwegian Coastal Administration") is not also its acronym ("NCA"), which the
      // index adds so that either finds the other: a sentence naming it in full names it.
      .filter((t) => !GENERIC_CLAIMANT_TERMS.has(t) && (typed.has(t) || !r.lexicon.acronyms.has(t)))
      // "Finland's president" is "the Finnish president": a country by its name.
      .map((t) => COUNTRY_TERM.get(t) ?? t),
  );
}

/**
 * The term of a country's name for the term of its adjective and of its name ("finnish" → "finland"),
 * one-word forms of the gazetteer: who a claimant is, not what a sentence is about (retrieval keeps them apart).
 */
const COUNTRY_TERM: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap((c) => {
    const name = /[\s.]/.test(c.name) ? null : termOf(c.name.toLowerCase());
    if (!name) return [];
    return [c.name, c.demonym]
      .filter((w) => !/[\s.]/.test(w))
      .flatMap((w) => {
        const t = termOf(w.toLowerCase());
        return t ? [[t, name] as [string, string]] : [];
      });
  }),
);

/** A sentence's terms with the country's name beside each country adjective ("Finnish" → also "finland"). */
function withCountryNames(terms: Set<string>): Set<string> {
  for (const t of [...terms]) {
    const country = COUNTRY_TERM.get(t);
    if (country) terms.add(country);
  }
  return terms;
}

/** A name as compared: lower case, no leading article, no possessive, single spaces. */
function normName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a figure's claimant is the one the question asks about: one name inside the other ("defense
 * ministry" in "the Chilean Health Ministry"), an acronym of it ("UN"), or every distinctive word of the asked
 * name in it. "Red Cross Watch" is not the "Red Cross Monitoring Mission".
 */
/** The claimant a question asks for, read once per question. */
interface AskedClaimant {
  name: string;
  norm: string;
  terms: Set<string>;
  /** Its terms that are not a side ("Moscow", "Russian" are in nearly every sentence). */
  distinctive: string[];
}

/**
 * Words for a body of officials in general: "the Gotland regional authorities" are the sources' "Gotland
 * regional administration", "harbour officials" its "harbour office". The rest of the name tells which body.
 */
const INSTITUTION_TERMS = new Set(
  ['authorities', 'authority', 'administration', 'officials', 'official', 'government', 'office'].map(
    (w) => tokenize(w)[0]?.term ?? w,
  ),
);

function askedClaimantOf(r: Retriever, name: string): AskedClaimant {
  const terms = nameTerms(r, name);
  const named = [...terms].filter((t) => !SIDE_TERMS.includes(t));
  const telling = named.filter((t) => !INSTITUTION_TERMS.has(t));
  return { name, norm: normName(name), terms, distinctive: telling.length > 0 ? telling : named };
}

function sameClaimant(r: Retriever, asked: AskedClaimant, claimant: string): boolean {
  const a = asked.norm;
  const b = normName(claimant);
  if (!a || !b) return false;
  if (b.includes(a) || a.includes(b)) return true;
  // An acronym among the asked words ("the CSIS think tank") that spells the claimant out, or the reverse.
  for (const word of a.split(' ')) {
    const spelled = (r.lexicon.acronyms.get(word) ?? []).map(normName);
    if (spelled.some((full) => full.includes(b) || b.includes(full))) return true;
  }
  for (const word of b.split(' ')) {
    const spelled = (r.lexicon.acronyms.get(word) ?? []).map(normName);
    if (spelled.some((full) => full.includes(a) || a.includes(full))) return true;
  }
  const claimantTerms = nameTerms(r, claimant);
  // "Mayor Berg's early count" is Ilse Berg's: a person is met by the surname; "the Ukrainian
  // president" by the person whose titles say Ukrainian president.
  const surname = b.split(' ').at(-1) ?? '';
  if (r.lexicon.types.get(b) === 'person') {
    if (a.split(' ').includes(surname)) return true;
    const country = r.lexicon.countries?.get(r.lexicon.variants.get(surname) ?? surname);
    const words = a.split(' ');
    const ofCountry = country !== undefined && words.some((w) => countryOf(w)?.name === country);
    if (ofCountry && words.some((w) => TITLE_WORDS.has(w))) return true;
  }
  return asked.terms.size > 0 && [...asked.terms].every((t) => claimantTerms.has(t));
}

/** "Colombia's Health Ministry" is not "Brazil's Health Ministry": both name a side, and not the same. */
function otherSide(r: Retriever, asked: AskedClaimant, claimant: string): boolean {
  const sides = (terms: Set<string>) => new Set([...terms].filter((t) => SIDE_TERMS.includes(t)));
  const mine = sides(asked.terms);
  const theirs = sides(nameTerms(r, claimant));
  return mine.size > 0 && theirs.size > 0 && ![...mine].some((t) => theirs.has(t));
}

function claimantFit(r: Retriever, asked: AskedClaimant, c: Candidate, said: ReadonlySet<string>): number {
  if (c.claimant && sameClaimant(r, asked, c.claimant)) return 1;
  // "the Varna governor" asked, "Kask had said …" cited: the article titles Kask governor.
  if (c.claimant && titledAs(r, asked, c.claimant, c.sentence)) return 1;
  // The sentence names the claimant asked about ("… the think tank put the number …"); a side word alone
  // ("Moscow", "Russian") is in nearly every sentence and names no claimant.
  if (asked.distinctive.length > 0) {
    if (asked.distinctive.every((t) => said.has(t))) return 1;
    return c.claimant ? OTHER_CLAIMANT : UNNAMED_CLAIMANT;
  }
  if (c.claimant) return OTHER_CLAIMANT;
  return [...asked.terms].some((t) => said.has(t)) ? 1 : UNNAMED_CLAIMANT;
}

/**
 * A person asked for by office ("the regional governor", "the mayor") whom the cited sentence's article
 * gives that office: "governor Ivo Kask", "Kask, the regional governor".
 */
function titledAs(r: Retriever, asked: AskedClaimant, claimant: string, s: Sentence): boolean {
  const offices = asked.norm.split(' ').filter((w) => PERSON_ROLE_WORDS.has(w) && w !== 'person');
  const surname = normName(claimant).split(' ').at(-1) ?? '';
  if (offices.length === 0 || surname.length < 3 || r.lexicon.types.get(normName(claimant)) !== 'person') return false;
  const article = r.corpus.byId.get(s.source);
  if (!article) return false;
  // Read once per article, person and office, however many of the article's figures are weighed.
  let known = TITLED.get(r);
  if (!known) {
    known = new Map();
    TITLED.set(r, known);
  }
  const key = `${s.source}\0${surname}\0${offices.join(' ')}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const name = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const titled = offices.some((office) => {
    const re = new RegExp(
      `\\b${office}\\s+(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,3}${name}\\b|\\b${name},\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}${office}\\b`,
      'iu',
    );
    return article.sentences.some((x) => re.test(x.corrected));
  });
  if (known.size < TITLED_CACHE) known.set(key, titled);
  return titled;
}

/** Whether an article gives a person an office (see `titledAs`), per retriever, bounded. */
const TITLED = new WeakMap<Retriever, Map<string, boolean>>();
const TITLED_CACHE = 10_000;

/** How many words before a speaker's name its title may stand ("Finnish President Aino Lahti"). */
const TITLE_REACH = 3;

/** A claimant asked for by name ("according to the Port Authority"), not described ("an unnamed official"). */
const NAMED = /^(?!(?:an?|some|one|that|this|the same)\s)(?!.*\b(?:unnamed|anonymous|unidentified)\b)/iu;
/** How many sentences open an article: where an interview names its guest. */
const INTERVIEW_OPENING = 4;

/** A figure scoring this share of the best is close enough for "the latest" to choose among. */
export const LATEST_SHARE = 0.6;
/**
 * …and for "the first": an earlier report is often told in a sentence of its own that names less of the
 * story ("Kask had said in the morning that four people were killed").
 */
export const EARLIEST_SHARE = 0.5;

/**
 * When a sentence was reported, as a sortable key: the publication date, then the time stamp of its
 * live-blog entry ("20:10 local time — …"), then its place in the article.
 */
function reportedAt(r: Retriever, s: Sentence, order = ''): string {
  const article = r.corpus.byId.get(s.source);
  const entry = article ? paragraphAt(article.sentences, s.index)[0] : undefined;
  const stamp = /^\s*(\d{1,2})[:.](\d{2})\b/.exec(entry?.text ?? '');
  const hhmm = stamp ? `${(stamp[1] ?? '').padStart(2, '0')}:${stamp[2]}` : '';
  // `order` ranks reports of the same time stamp before their place in the article.
  return `${article?.meta.published ?? ''}T${hhmm || '99:99'}#${order}${String(s.index).padStart(5, '0')}`;
}

/**
 * Of the figures scoring at least `share` of the best, the one reported first or last by `when`, and the
 * candidates with it put first, scoring as the best ("the latest toll", "the first toll"); null if none.
 */
function reportedFigure(
  candidates: readonly Candidate[],
  share: number,
  when: (c: Candidate) => string,
  end: 'first' | 'last',
): { chosen: Candidate; first: Candidate[] } | null {
  const best = Math.max(...candidates.map((c) => c.score));
  const close = candidates.filter((c) => figureValue(c) !== null && c.score >= best * share);
  const beats = (c: Candidate, a: Candidate) => (end === 'last' ? when(c) > when(a) : when(c) < when(a));
  const chosen = close.reduce<Candidate | undefined>((a, c) => (!a || beats(c, a) ? c : a), undefined);
  if (!chosen) return null;
  return {
    chosen,
    first: [{ ...chosen, score: Math.max(chosen.score, best) }, ...candidates.filter((c) => c !== chosen)],
  };
}

/** A report the sentence itself puts before others: "had said in the morning", "initially", "first put". */
const REPORTED_EARLIER =
  /\b(?:had (?:said|reported|put|given|announced|posted|claimed|stated)|earlier(?: in the day)?|initially|originally|at first|first (?:said|reported|gave|put|posted)|in the morning|an earlier (?:version|toll|figure|post|update))\b/i;

/** The value a figure candidate reads ("count:55000" → 55000), or null for other kinds. */
function figureValue(c: Candidate): number | null {
  const m = /^(?:count|percent|length):(\d+(?:\.\d+)?)/.exec(c.key);
  return m ? Number(m[1]) : null;
}

export function answerQuestion(r: Retriever, question: string, options: AnswerOptions = {}): Answer {
  const total = r.corpus.articles.length;
  const scored = scoreCandidates(r, question);
  const { q, relevance } = scored;
  // Relevance first: an answer is read only from sentences about as relevant as the most relevant one;
  // the readings of the answer (kind, side, measure, date) rank those, they never reach below them.
  // A headline covers a question's topic words without answering "who" or "when": it sets no band.
  const top =
    q.kind === 'description'
      ? relevance[0]
      : (relevance.find((x) => !isHeadline(r.corpus.byId.get(x.sentence.source)?.sentences ?? [], x.sentence.index)) ??
        relevance[0]);
  const band = (top?.coverage ?? 0) * (options.earliest ? EARLIEST_BAND : RELEVANCE_BAND);
  const askedBy = options.claimant ? askedClaimantOf(r, options.claimant) : null;
  const askedDescription =
    askedBy !== null &&
    askedBy.distinctive.length > 0 &&
    q.kind === 'description' &&
    NAMED.test(options.claimant ?? '');
  // A sentence's terms once, however many of its figures are weighed or claimant checks read them.
  const saidIn = new Map<number, Set<string>>();
  const said = (s: Sentence) => {
    let terms = saidIn.get(s.ordinal);
    if (!terms) {
      terms = withCountryNames(new Set(r.termPositions(s.corrected, tokenize(s.corrected)).map((t) => t.term)));
      saidIn.set(s.ordinal, terms);
    }
    return terms;
  };
  // "What did Mayor Ost say …?" is not answered by "… after Ost received the harbour board": naming the
  // claimant, the sentence must have them speak. Read once per sentence, however many candidates it gives.
  const speakingIn = new Map<number, boolean>();
  const speaking = (s: Sentence): boolean => {
    if (!q.asksWhatWasSaid || !askedBy) return true;
    let known = speakingIn.get(s.ordinal);
    if (known === undefined) {
      known = speaksIn(s, askedBy.distinctive);
      speakingIn.set(s.ordinal, known);
    }
    return known;
  };
  // The annotation pass gives the sentence's words to someone ("X said …, while Y said …": both): the claimant
  // must be one of them; else a speech verb beside the name, or a quote.
  const speaksIn = (s: Sentence, distinctive: readonly string[]): boolean => {
    const speakers = speakerTerms(r, s);
    const { tokens, positions } = prepare(r, s.corrected);
    if (speakers.size > 0) {
      const named = withCountryNames(new Set(speakers));
      if (distinctive.every((t) => named.has(t))) return true;
      // "According to Finnish President Aino Lahti": the words asked ("Finland's president") title the
      // speaker, just before the name.
      const titles = (term: string) =>
        tokens.some(
          (tok, i) =>
            (tok.term === term || COUNTRY_TERM.get(tok.term ?? '') === term) &&
            tokens.slice(i + 1, i + 1 + TITLE_REACH).some((next) => next.term !== null && speakers.has(next.term)),
        );
      return distinctive.every(titles);
    }
    const names = distinctive.map((term) => ({ term, weight: 1 }) as WeightedTerm);
    return speaks(tokens, names, positions, s.corrected) || /["“”]/.test(s.corrected);
  };
  const named = (s: Sentence | undefined): boolean => {
    if (!s || !askedBy) return false;
    if (askedBy.distinctive.every((t) => said(s).has(t)) && speaking(s)) return true;
    // An interview's first-person answers are its guest's, named in its opening.
    const opening = r.corpus.byId.get(s.source)?.sentences.slice(0, INTERVIEW_OPENING) ?? [];
    const guest = FIRST_PERSON.test(s.text) && askedBy.distinctive.every((t) => opening.some((x) => said(x).has(t)));
    return guest || spokenBy(r, s, askedBy.distinctive);
  };
  if (askedBy && askedBy.terms.size > 0 && (q.kind === 'count' || q.kind === 'percent')) {
    scored.candidates = scored.candidates
      .map((c) => ({ ...c, score: c.score * claimantFit(r, askedBy, c, said(c.sentence)) }))
      .sort((a, b) => b.score - a.score);
  } else if (askedDescription) {
    // "According to the Port Authority, what is the channel for?": what the claimant says — a sentence
    // naming it, or given to it by the annotation pass (a quoted post, a speaker label) — comes first.
    scored.candidates = scored.candidates
      .map((c) => (named(c.sentence) ? c : { ...c, score: c.score * UNNAMED_CLAIMANT }))
      .sort((a, b) => b.score - a.score);
  }
  const excluded = (options.exclude ?? []).map((x) => x.toLowerCase().split(/\s+/).at(-1) ?? '').filter(Boolean);
  const below = options.below ?? null;
  let candidates = scored.candidates.filter(
    (c) =>
      c.coverage >= band &&
      !excluded.some((x) => c.text.toLowerCase().includes(x)) &&
      (below === null || (figureValue(c) ?? 0) < below),
  );
  // "How many of the 80 detainees were civilians?": a share of that whole, so the sentence (or the one
  // before it) gives the whole; a breakdown of another group is of something else.
  if (below !== null) {
    const givesWhole = (s: Sentence | undefined) =>
      s !== undefined && findNumbers(s.corrected, tokenize(s.corrected)).some((m) => m.value === below);
    candidates = candidates
      .map((c) =>
        givesWhole(c.sentence) || givesWhole(before(r, c.sentence)) ? c : { ...c, score: c.score * OTHER_WHOLE },
      )
      .sort((a, b) => b.score - a.score);
  }
  // "How many of the injured were in serious condition?" — "nine injured, four of them in critical
  // condition": the figure a share follows is the whole, not the part asked about.
  // The share takes the place the whole had: it is read for the same question.
  if (options.subset) {
    const after = (c: Candidate) => {
      const at = figureValue(c) === null ? -1 : c.sentence.corrected.indexOf(c.text);
      return at < 0
        ? null
        : { from: at + c.text.length, match: PARTITIVE_AFTER.exec(c.sentence.corrected.slice(at + c.text.length)) };
    };
    // Each share with the best score of a whole it breaks down; the wholes.
    const parts = new Map<Candidate, number>();
    const wholes = new Set<Candidate>();
    for (const c of candidates) {
      const a = after(c);
      if (!a?.match) continue;
      wholes.add(c);
      const share = a.match.groups?.share ?? '';
      const shareAt = a.from + a.match[0].lastIndexOf(share);
      const part = candidates.find(
        (p) =>
          p.sentence === c.sentence &&
          p !== c &&
          figureValue(p) !== null &&
          p.sentence.corrected.indexOf(p.text, a.from) === shareAt,
      );
      if (part) parts.set(part, Math.max(parts.get(part) ?? 0, c.score));
    }
    candidates = candidates
      .map((c) => {
        const whole = parts.get(c);
        if (whole !== undefined) return { ...c, score: Math.max(c.score, whole) };
        return wholes.has(c) ? { ...c, score: c.score * OTHER_WHOLE } : c;
      })
      .sort((a, b) => b.score - a.score);
  }
  // "Besides Anna Berg, which officer …": Berg did it too, so the sentence naming her with another is the
  // one that answers.
  if (excluded.length > 0) {
    candidates = candidates
      .map((c) =>
        excluded.some((x) => c.sentence.corrected.toLowerCase().includes(x))
          ? { ...c, score: c.score * BESIDES_NAMED }
          : c,
      )
      .sort((a, b) => b.score - a.score);
  }
  if (options.superlative && candidates.some((c) => figureValue(c) !== null)) {
    // Of the figures that answer the question about as well as the best, the smallest or the largest.
    const best = Math.max(...candidates.map((c) => c.score));
    // A question dated ("in the February 3 attack") compares only figures dated as it asks.
    const dated = (c: Candidate) =>
      !q.date ||
      questionDateFit(r, q.date, c.sentence, r.corpus.byId.get(c.sentence.source)?.meta.published ?? null, true) >=
        PART_OF_PERIOD;
    const close = candidates.filter((c) => figureValue(c) !== null && c.score >= best * SUPERLATIVE_SHARE && dated(c));
    const pick = options.superlative === 'lowest' ? Math.min : Math.max;
    const wanted = pick(...close.map((c) => figureValue(c) ?? 0));
    candidates = [
      ...close.filter((c) => figureValue(c) === wanted).map((c) => ({ ...c, score: Math.max(c.score, best) })),
      ...candidates.filter((c) => figureValue(c) !== wanted),
    ].sort((a, b) => b.score - a.score);
  }

  // "How long is the canal in miles?": of figures that answer about as well as the best, one in the
  // unit asked for ("75-mile" before "120-kilometre").
  const unit = UNIT_ASKED.exec(q.question)?.[1]?.toLowerCase();
  // A span of time ("three weeks") is a figure in a unit too.
  const measured = (c: Candidate) => figureValue(c) !== null || c.key.startsWith('duration:');
  if (unit && candidates.some(measured)) {
    const best = Math.max(...candidates.map((c) => c.score));
    const stem = unit.replace(/(?:es|s)$/, '').slice(0, 5);
    const inUnitAsked = (c: Candidate) =>
      measured(c) && c.score >= best * UNIT_SHARE && c.text.toLowerCase().includes(stem);
    if (candidates.some(inUnitAsked)) {
      candidates = candidates
        .map((c) =>
          inUnitAsked(c)
            ? { ...c, score: Math.max(c.score, best) }
            : measured(c)
              ? { ...c, score: c.score * OTHER_UNIT }
              : c,
        )
        .sort((a, b) => b.score - a.score);
    }
  }

  // "What's the latest toll?", "how many so far?": of the figures that answer about as well as the best,
  // the one reported last (the later publication, then the later entry of a live blog).
  if ((options.latest ?? asksLatest(q.question)) && candidates.some((c) => figureValue(c) !== null)) {
    const latest = reportedFigure(candidates, LATEST_SHARE, (c) => reportedAt(r, c.sentence), 'last');
    if (latest) candidates = latest.first;
  }

  // "What was the first toll?": of the figures that answer about as well as the best, the one reported
  // first — the earlier publication, the earlier time stamp, then a report the text itself puts earlier
  // ("Kask had said in the morning …", "initially").
  // The reading a form of the question chooses ("the first toll"), ahead of readings more sources give.
  let preferred: string | null = null;
  if (options.earliest && !options.latest && candidates.some((c) => figureValue(c) !== null)) {
    const when = (c: Candidate) =>
      reportedAt(r, c.sentence, REPORTED_EARLIER.test(c.sentence.corrected) ? 'earlier' : 'told');
    const earliest = reportedFigure(candidates, EARLIEST_SHARE, when, 'first');
    if (earliest) {
      candidates = earliest.first;
      preferred = earliest.chosen.key;
    }
  }

  if (candidates.length === 0) return abstain(question, q.kind, total);

  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = groups.get(c.key);
    if (list) list.push(c);
    else groups.set(c.key, [c]);
  }
  const ranked = [...groups.values()]
    .map((list) => {
      const best = list.reduce((a, b) => (b.score > a.score ? b : a));
      const sources = new Set(
        list.filter((c) => c.score >= best.score * supportShare(q.kind)).map((c) => c.sentence.source),
      ).size;
      return { list, best, sources, rank: best.score * (1 + 0.04 * (sources - 1)) };
    })
    .sort((a, b) => b.rank - a.rank);
  const chosen = preferred === null ? -1 : ranked.findIndex((g) => g.best.key === preferred);
  if (chosen > 0) ranked.unshift(...ranked.splice(chosen, 1));
  // "last month" and "March 11-12" agree: the day, within the month the best answer gives, is the answer
  // when it answers about as well.
  const vague = ranked[0]?.best.key;
  if (q.kind === 'date' && vague?.startsWith('date:') && vague.length < 'date:YYYY-MM-DD'.length) {
    const precise = ranked.findIndex(
      (g) =>
        g.best.key.startsWith(vague) &&
        g.best.key.length > vague.length &&
        g.best.score >= (ranked[0]?.best.score ?? 0) * PRECISE_DATE_SHARE,
    );
    if (precise > 0) ranked.unshift(...ranked.splice(precise, 1));
  }
  const winner = ranked[0];
  if (!winner || !confident(winner.best, minConfidence(q.kind))) return abstain(question, q.kind, total);
  // Supported only by how much of the question its sentence covers: every constraint must then hold.
  const closeOnly = winner.best.score < minConfidence(q.kind);

  const share = supportShare(q.kind);
  let support = winner.list.filter((c) => c.score >= winner.best.score * share);
  if (q.kind === 'description') {
    // Descriptions are whole sentences: other articles support them with their own best sentence.
    const bySource = new Map<string, Candidate>();
    for (const c of candidates) {
      const prev = bySource.get(c.sentence.source);
      if (!prev || c.score > prev.score) bySource.set(c.sentence.source, c);
    }
    const stated = prepare(r, winner.best.sentence.corrected);
    support = [
      winner.best,
      ...[...bySource.values()].filter((c) => {
        if (c.sentence.source === winner.best.sentence.source) return false;
        const shared = sharedWords(stated, prepare(r, c.sentence.corrected));
        return supportsStatement(winner.best.score, c.score, shared);
      }),
    ];
  }
  let { citations, sources } = citationsOf(r, support);

  const claimant = winner.best.claimant ?? support.find((c) => c.claimant)?.claimant ?? null;
  let answer = winner.best.text;
  // "then 9." and "9 people killed" give the same figure: it is shown with what it counts.
  if ((q.kind === 'count' || q.kind === 'percent') && BARE_FIGURE.test(answer)) {
    const counted = support.find((c) => c.text.startsWith(answer) && c.text.length > answer.length);
    if (counted) answer = counted.text;
  }
  // "What is still open?" answered by the heading "What is still open": the list under it is the answer.
  const listed = q.kind === 'description' ? listUnder(r, winner.best.sentence) : [];
  if (listed.length > 0) {
    answer = listed.map((x) => x.text.replace(LIST_MARK, '').trim()).join('; ');
    citations = listed.slice(0, MAX_CITATIONS).map((x) => cite(r, x));
    sources = 1;
  }
  // "Asked why the ferries stopped, Kask gave a guarded answer." / ""Why was the ferry late?" asked X.": the
  // sentence restates the question; the answer is the quote that follows it in the paragraph.
  let replied: string | null = null;
  if (q.kind === 'description' && listed.length === 0) {
    const reply = replyAfter(r, winner.best.sentence);
    if (reply) {
      answer = withoutLabel(reply.text);
      replied = answer;
      citations = [cite(r, reply), ...citations].slice(0, MAX_CITATIONS);
    }
  }
  const names = [winner.best.text];
  if (options.many && options.many > 1 && ['person', 'organisation', 'place'].includes(q.kind)) {
    // "Which two countries …": the names the winning sentence gives, best first, as many as asked for.
    for (const c of candidates) {
      if (names.length >= options.many) break;
      if (c.sentence !== winner.best.sentence || kindOfKey(c.key) !== kindOfKey(winner.best.key)) continue;
      if (!names.includes(c.text) && c.score >= winner.best.score * MANY_SHARE) names.push(c.text);
    }
    answer = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : answer;
  }
  if (claimant && !answer.includes(claimant)) answer += `, according to ${claimant}`;
  answer += ` (${sourcesPhrase(sources, total)})`;
  // A constraint of the question the answering sentence does not meet is said, not hidden.
  // (Worded without the asked date's figures, so the note can never pass for an answer.)
  const unmet: string[] = [];
  const fit = q.date ? dateFit(r, q.date, winner.best.sentence) : 1;
  // "… on March 6?" answered by a sentence dated another day (not merely undated): what was asked for
  // is not found; the closest is shown, not given as the answer. The sentence before may date an undated
  // answer, never overrule the answer's own date.
  const previous = before(r, winner.best.sentence);
  // "… back in 2019?" answered by an undated sentence of an article from another year: it tells of that year.
  const otherYear = (s: Sentence) => {
    const { dates, implied } = sentenceDates(r, s);
    return implied && q.date?.year != null && dates.every((d) => d.year !== q.date?.year);
  };
  const mismatch = (s: Sentence, f: number) => f === DATE_MISMATCH || otherYear(s);
  if (
    q.date &&
    !q.date.asOf &&
    q.kind !== 'date' &&
    !winner.best.ownYear &&
    mismatch(winner.best.sentence, fit) &&
    (fit === DATE_MISMATCH || !previous || mismatch(previous, dateFit(r, q.date, previous)))
  ) {
    return {
      ...abstain(question, q.kind, total),
      answer: `I could not find that for ${askedDate(q.date.text)} in my sources (the closest: ${answer}).`,
    };
  }
  if (q.date && fit < NEXT_DAY_FIT && !winner.best.ownYear) unmet.push('is not dated as the question asks');
  const places = placeWords(q).filter((w) => !mentions(winner.best.sentence, w) && !mentions(previous, w));
  if (places.length > 0) unmet.push(`does not name ${places.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(', ')}`);
  // "How many in total?" where the sources give only "157 each": said, not summed.
  if (
    (q.kind === 'count' || q.kind === 'percent') &&
    TOTAL_ASKED.test(q.question) &&
    PER_SIDE.test(winner.best.sentence.corrected)
  ) {
    unmet.push('gives a figure per side, not a total');
  }
  // "…, according to Kyiv?" answered by Moscow's figure: said, not hidden.
  // "What did the Chilean ministry say …?" answered by what the Peruvian one said: not found, the closest shown.
  if (askedDescription && !named(winner.best.sentence) && !named(before(r, winner.best.sentence))) {
    return {
      ...abstain(question, q.kind, total),
      answer: `I could not find what ${options.claimant} said in my sources (the closest: ${answer}).`,
    };
  }
  const claimed = winner.best.claimant;
  if (
    askedBy &&
    options.claimant &&
    claimed &&
    askedBy.terms.size > 0 &&
    !sameClaimant(r, askedBy, claimed) &&
    !titledAs(r, askedBy, claimed, winner.best.sentence)
  ) {
    // Nobody the question names gives it: the sentence names neither the claimant asked about, or names
    // the claimant of the other side ("Colombia's ministry" asked, Brazil's cited).
    const winnerSaid = said(winner.best.sentence);
    const unnamed = askedBy.distinctive.length > 0 && !askedBy.distinctive.every((t) => winnerSaid.has(t));
    if (unnamed || otherSide(r, askedBy, claimed)) {
      return {
        ...abstain(question, q.kind, total),
        answer: `I could not find a figure from ${options.claimant} in my sources (the closest: ${answer}).`,
      };
    }
    unmet.push(`gives the figure of ${claimed}, not of ${options.claimant}`);
  } else if (
    askedBy &&
    options.claimant &&
    !claimed &&
    (q.kind === 'count' || q.kind === 'percent') &&
    askedBy.distinctive.length > 0
  ) {
    // "…, according to the Kremlin?" answered by a figure nobody is said to give: it is the claimant's only
    // where the sentence, the one before it, or the article's headline, outlet or opening names the claimant
    // (a monitoring body's own report need not repeat its name).
    const article = r.corpus.byId.get(winner.best.sentence.source);
    const around = [
      winner.best.sentence.corrected,
      before(r, winner.best.sentence)?.corrected ?? '',
      article?.meta.title ?? '',
      article?.meta.outlet ?? '',
      ...(article?.sentences.slice(0, CLAIMANT_OPENING).map((x) => x.corrected) ?? []),
    ].join(' \n ');
    const named = withCountryNames(new Set(r.termPositions(around, tokenize(around)).map((t) => t.term)));
    if (!askedBy.distinctive.every((t) => named.has(t))) {
      return {
        ...abstain(question, q.kind, total),
        answer: `I could not find a figure from ${options.claimant} in my sources (the closest: ${answer}).`,
      };
    }
  }
  if (unmet.length > 0 && closeOnly) {
    return {
      ...abstain(question, q.kind, total),
      answer: `${NOT_FOUND_ANSWER.replace(/\.$/, '')} (the closest: ${answer}).`,
    };
  }
  if (unmet.length > 0) answer += ` — note: the sentence cited ${unmet.join(' and ')}`;

  const alternatives: Answer['alternatives'] = [];
  if (q.kind !== 'description' && q.kind !== 'role') {
    for (const g of ranked.slice(1)) {
      if (alternatives.length >= MAX_ALTERNATIVES) break;
      if (g.best.score < winner.best.score * ALTERNATIVE_SHARE) continue;
      // An alternative answers the same way: a name beside a name, not a whole sentence beside a name.
      if (kindOfKey(g.best.key) !== kindOfKey(winner.best.key) || names.includes(g.best.text)) continue;
      const alt = citationsOf(
        r,
        g.list.filter((c) => c.score >= g.best.score * supportShare(q.kind)),
      );
      const who = g.best.claimant && !g.best.text.includes(g.best.claimant) ? `, according to ${g.best.claimant}` : '';
      alternatives.push({
        answer: `${g.best.text}${who} (${sourcesPhrase(alt.sources, total)})`,
        citations: alt.citations,
      });
    }
  }
  if (alternatives.length > 0) answer += `${ALTERNATIVES_LEAD}${alternatives.map((a) => a.answer).join('; ')}`;

  return {
    question,
    answer,
    abstained: false,
    kind: q.kind,
    supportingSources: sources,
    totalSources: total,
    alternatives,
    citations,
    text: replied ?? (names.length > 1 ? names.join(' and ') : winner.best.text),
    value: figureValue(winner.best),
    claimant,
  };
}
