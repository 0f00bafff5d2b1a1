/**
 * Answer slots: the spans of a sentence that could answer a question of a given kind — a figure with
 * the noun it counts, a person, an organisation, a place, a date, the role a person is given, or the
 * clause that describes. Scoring (answer.ts) decides which slot, in which sentence, answers.
 */
import { PEOPLE_NOUNS } from '../extract/lexicon.js';
import type { AnswerKind } from '../types.js';
import type { QuestionAnalysis, WeightedTerm } from './analyze.js';
import { type EntitySpan, entitySpans, personKey } from './entities.js';
import { findNumbers, type NumberMention } from './numbers.js';
import type { Retriever } from './retrieval.js';
import { editDistance, type Token, termOf } from './text.js';
import { ORGANISATION_WORDS, PERSON_ROLE_WORDS } from './vocabulary.js';

export interface Slot {
  first: number;
  last: number;
  key: string;
  text: string;
  /** Extra confidence factor for the slot's own shape (e.g. a place after "in"). */
  prior: number;
}

const NOUN_PHRASE_STOP =
  /^(?:have|has|had|were|was|are|is|been|being|in|on|at|by|for|from|to|since|and|or|who|which|that|as|with|said|according|dying|killed|died|he|she|it|they|we|i|you|after|before|during|into|across|through|against|among|amid|until|despite)$/;

/** A plural common noun that can head a compound ("buildings", "drones"), not a verb or function word ("was", "this"). */
const COMPOUND_HEAD = /^(?!(?:was|is|has|this|its|as|us|his|hers|yes|does|goes|says|always|perhaps)$)[a-z]{3,}[^su]s$/;

/** What happened to those a figure counts, as news writes it right after them. */
const OUTCOME_WORD = /^(?:killed|dead|wounded|injured|hurt|missing)$/;
/** Punctuation between two words that ends a noun phrase. */
const PHRASE_BREAK = /[,.;:()—–“”"]/;
/** Words a number names one of a series after ("UPDATE 2", "stage 2", "post 11/"), not a count. */
const NUMBER_LABEL =
  /^(?:update|round|post|tweet|paragraph|part|article|version|edition|resolution|phase|stage|section|item|episode|no|number)$/;

/** The number at token `at` names one of a series: it follows such a word with nothing but a space between. */
function numberLabel(text: string, tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  const start = tokens[at]?.start ?? 0;
  return before !== undefined && NUMBER_LABEL.test(before.lower) && /^ +$/.test(text.slice(before.end, start));
}

/** The figure plus the noun phrase it counts: "55,000 Ukrainian soldiers", "up to 140,000 deaths". */
function figurePhrase(text: string, tokens: readonly Token[], m: NumberMention): string {
  let end = m.end;
  // A unit conversion in brackets right after: "1,000-kilometer (600-mile)".
  const bracket = /^\s*\([^)]{1,30}\)/.exec(text.slice(end));
  if (bracket && m.kind === 'length') end += bracket[0].length;
  let last = m.last;
  // "the toll has risen to two killed and 11 wounded": a figure with no noun reads with its outcome.
  const outcome = tokens[m.last + 1];
  if (
    m.kind === 'count' &&
    outcome &&
    OUTCOME_WORD.test(outcome.lower) &&
    /^\s+$/.test(text.slice(tokens[m.last]?.end ?? 0, outcome.start))
  ) {
    return text.slice(m.start, outcome.end);
  }
  for (let k = m.last + 1; k <= m.last + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    const gap = text.slice(tokens[k - 1]?.end ?? 0, t?.start ?? 0);
    if (!t || PHRASE_BREAK.test(gap) || NOUN_PHRASE_STOP.test(t.lower) || t.numeric) break;
    // "12 of them": the share reads whole; "12 of the wounded" stops before "of".
    if (t.lower === 'of') {
      if (/^(?:them|those|these|us|whom)$/.test(tokens[k + 1]?.lower ?? '')) last = k + 1;
      break;
    }
    last = k;
    if (t.capitalized || /(?:ian|ese|ish|ic|al|ed)$/.test(t.lower)) continue;
    // A noun compound's head follows its singular modifier: "340 apartment buildings", "40 cargo ships".
    const head = tokens[k + 1];
    const between = text.slice(t.end, head?.start ?? t.end);
    if (head && !/s$/.test(t.lower) && /^\s+$/.test(between) && COMPOUND_HEAD.test(head.surface)) last = k + 1;
    break;
  }
  // "9,400 megawatt-hours": a hyphenated noun reads whole.
  if (last > m.last)
    while (last + 1 < tokens.length && text.slice(tokens[last]?.end ?? 0, tokens[last + 1]?.start ?? 0) === '-') last++;
  if (m.kind === 'count' && last > m.last) end = Math.max(end, tokens[last]?.end ?? end);
  // "Three dock workers were injured", "one crew member still unaccounted for": what happened to those
  // counted, when it follows them directly, is part of the answer.
  if (m.kind === 'count' && last > m.last) {
    let k = last + 1;
    while (k <= last + 3 && /^(?:were|was|are|is|had|have|has|been|still|all|reportedly)$/.test(tokens[k]?.lower ?? ''))
      k++;
    const outcome = tokens[k];
    const gap = text.slice(tokens[last]?.end ?? 0, outcome?.start ?? 0);
    if (outcome && (OUTCOME_WORD.test(outcome.lower) || outcome.lower === 'unaccounted') && !PHRASE_BREAK.test(gap))
      end = outcome.end;
  }
  // A factbox's "9 - people killed": the dash only sets the figure off from what it counts.
  return text
    .slice(m.start, end)
    .replace(/\s+/g, ' ')
    .replace(/(\d) - (?=\p{L})/u, '$1 ')
    .trim();
}

const TIME_UNIT_TERMS = new Set(
  ['second', 'minute', 'hour', 'day', 'night', 'week', 'month', 'year', 'decade'].flatMap((w) => [
    termOf(w) ?? w,
    termOf(`${w}s`) ?? w,
  ]),
);

/** A "how long" question about time: "how long did it last", "how long ago", "how long has it been". */
export function asksDuration(question: string): boolean {
  return /\bhow long (?:did|does|do|will|would|has|have|had|ago|since|before|after|until)\b|\b(?:last|lasted|lasts|take|took|takes|go on|went on)\W*$|\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b/i.test(
    question.trim(),
  );
}

/** Nouns for one person, of any age or kin ("a 16-year-old girl"). */
export const PERSON_NOUNS = new Set(
  'man woman boy girl child baby infant teenager son daughter mother father husband wife brother sister resident soldier driver pensioner student'.split(
    ' ',
  ),
);

/** A number joined to a unit of time: "-day", "-week-long", "-year-old". */
const COMPOUND_UNIT = /^-(second|minute|hour|day|night|week|month|year|decade)(-old)?\b/i;

export function numberSlots(text: string, tokens: readonly Token[], kind: AnswerKind, q: QuestionAnalysis): Slot[] {
  // "How long did the meeting last?" asks for a span of time; "How long is the front line?" for a distance.
  const wanted: NumberMention['kind'][] =
    kind === 'percent'
      ? ['percent']
      : kind === 'length'
        ? asksDuration(q.question)
          ? ['duration']
          : // "How long is the front line?" a distance; "how long is the pause?" a span: whichever the text
            // gives next to what is asked about.
            ['length', 'duration']
        : ['count'];
  // "How many months …": a span of time counts the unit asked about.
  // ("How many days between the storm and the reopening of the port?": the unit right after
  // "how many" is what is counted, whichever word the rest makes the head.)
  if (kind === 'count' && q.terms.some((t) => (t.head || t.focus) && TIME_UNIT_TERMS.has(t.term)))
    wanted.push('duration');
  if (kind === 'count' && (q.terms.some((t) => t.term === 'percent') || /\bhow much\b/i.test(q.question)))
    wanted.push('percent');
  // A number the question gives is not its answer ("how many of the 157 …"), unless it is part of a date
  // ("in the February 3 attack" does not rule out three people).
  const dated = q.date?.text.toLowerCase() ?? '';
  const inDate = (t: Token, k: number) =>
    dated !== '' &&
    dated.includes(t.lower) &&
    [q.tokens[k - 1], q.tokens[k + 1]].some((n) => n !== undefined && !n.numeric && dated.includes(n.lower));
  // A number the question refers to ("of the 157", "the 1,000-for-1,000 swap") is given; one it offers as
  // a guess ("… 157 each or what?", "was it 314?") may be the answer.
  // "the UPDATE 2 wire story", "the stage 2 talks": a number naming a thing of a series is neither.
  const referred = (k: number) =>
    !numberLabel(q.question, q.tokens, k) &&
    [q.tokens[k - 1], q.tokens[k - 2]].some((t) => t !== undefined && /^(?:the|of|those|these|among)$/.test(t.lower));
  const questionNumbers = new Set(
    q.tokens.filter((t, k) => t.numeric && !inDate(t, k) && referred(k)).map((t) => t.surface.replace(/,/g, '')),
  );
  const asksAge = /\bhow old\b/i.test(q.question);
  // "How much of the region …", "what share …": a fraction in words ("about a fifth", "nearly a third") is a share.
  const fractions = wanted.includes('percent') ? fractionSlots(text, tokens) : [];
  // "How many times bigger …", "by how much …": a multiple ("about two and a half times", "double") answers
  // a change or a ratio, not a share of a whole ("what share of the land …").
  const multiples = kind === 'percent' && !SHARE_ASKED.test(q.question) ? multipleSlots(text, tokens) : [];
  return [...fractions, ...multiples, ...figureSlots(text, tokens, wanted, questionNumbers, asksAge)];
}

/** "about a fifth", "nearly a third", "two-thirds", "two-fifths", "half": a share written in words. */
const FRACTION =
  /\b(?<!\band (?:a )?)(?:(?:about|nearly|almost|roughly|around|some|more than|less than|over|under|just over|just under)\s+)?(?:(?:a|one)[- ](?:half|third|quarter|fifth|sixth|tenth)|(?:two|three|four)[- ](?:thirds|quarters|fifths|sixths|tenths)|half)\b/gi;

/** "what share of …", "what percentage", "how much of": a part of a whole is asked, not a change. */
const SHARE_ASKED = /\b(?:share|proportion|percentage|fraction|portion|how much of)\b/i;

/** "twice as many", "doubled", "halved": a multiple said in one word. */
const MULTIPLE_WORD =
  /\b(?:(?:about|nearly|almost|roughly|around|more than|less than|over)\s+)?(?:twice|double[ds]?|tripled|trebled|triple|quadrupled|halved)\b/gi;

/**
 * A multiple: a number followed by "times" ("about three and a half times the ministry's figure", "3.5 times as
 * many"), or one word for it ("twice", "doubled").
 */
function multipleSlots(text: string, tokens: readonly Token[]): Slot[] {
  const numbered = findNumbers(text, tokens).flatMap((m) => {
    const times = /^\s+times\b/i.exec(text.slice(tokens[m.last]?.end ?? m.end));
    if (!times || m.kind === 'percent') return [];
    const end = (tokens[m.last]?.end ?? m.end) + times[0].length;
    const span = tokenSpan(tokens, m.start, end);
    return [
      {
        ...span,
        key: `ratio:${m.value}${m.high === null ? '' : `-${m.high}`}`,
        text: text.slice(m.start, end),
        prior: 1,
      },
    ];
  });
  return [...numbered, ...phraseSlots(text, tokens, MULTIPLE_WORD, 'ratio', 1)];
}

/** The tokens a span of characters covers: the first token ending after `start`, through the last ending by `end`. */
export function tokenSpan(tokens: readonly Token[], start: number, end: number): { first: number; last: number } {
  const first = Math.max(
    0,
    tokens.findIndex((t) => t.end > start),
  );
  let last = first;
  while ((tokens[last + 1]?.end ?? Number.POSITIVE_INFINITY) <= end) last++;
  return { first, last };
}

/** Each match of a phrase pattern as a slot: "share:about a fifth", "when:in two weeks". */
export function phraseSlots(
  text: string,
  tokens: readonly Token[],
  pattern: RegExp,
  kind: string,
  prior: number,
): Slot[] {
  return [...text.matchAll(pattern)].map((m) => {
    const start = m.index ?? 0;
    return {
      ...tokenSpan(tokens, start, start + m[0].length),
      key: `${kind}:${m[0].toLowerCase()}`,
      text: m[0],
      prior,
    };
  });
}

function fractionSlots(text: string, tokens: readonly Token[]): Slot[] {
  return phraseSlots(text, tokens, FRACTION, 'share', 1);
}

function figureSlots(
  text: string,
  tokens: readonly Token[],
  wanted: NumberMention['kind'][],
  questionNumbers: ReadonlySet<string>,
  asksAge: boolean,
): Slot[] {
  return findNumbers(text, tokens)
    .map((m) => {
      // "a 30-day pause", "a two-week truce": a span of time; "a 12-year-old boy": an age.
      const unit = COMPOUND_UNIT.exec(text.slice(m.end, m.end + 16));
      if (m.kind !== 'other' || !unit) return m;
      // An age is a person's: "a 16-year-old girl", not "the four-year-old war".
      const after =
        text
          .slice(m.end + unit[0].length)
          .match(/^\s+([\p{L}-]+)/u)?.[1]
          ?.toLowerCase() ?? '';
      const ofPerson = PERSON_NOUNS.has(after) || PEOPLE_NOUNS.has(after);
      const kind = unit[2] ? (asksAge && ofPerson ? ('count' as const) : m.kind) : ('duration' as const);
      const end = m.end + unit[0].length;
      return { ...m, kind, last: tokenSpan(tokens, m.start, end).last, compound: text.slice(m.start, end) };
    })
    .filter(
      (m) =>
        wanted.includes(m.kind) &&
        !questionNumbers.has(String(m.value)) &&
        // "Stage one closed …", "UPDATE 2": which of a series, not how many.
        !numberLabel(text, tokens, m.first),
    )
    .map((m) => {
      const phrase = 'compound' in m ? m.compound : figurePhrase(text, tokens, m);
      return {
        first: m.first,
        last: m.last,
        // An age ("a 16-year-old girl", "Berg, 64, is …") answers "how old" whatever noun follows it.
        key: `${(('compound' in m && m.kind === 'count') || (asksAge && apposedAge(text, tokens, m))) && asksAge ? 'age' : m.kind}:${m.value}${m.high === null ? '' : `-${m.high}`}`,
        text: phrase,
        // "How old …?" is not answered by a figure that counts something ("300 ferries", "40 pilots"): an
        // age is a bare number ("the eldest was 70"), in years, or "-year-old".
        prior: asksAge && !('compound' in m) && COUNTS_A_NOUN.test(phrase) ? NOT_AN_AGE : 1,
      };
    });
}

/** A figure followed by the noun it counts ("300 ferries"), not by years ("70 years", "aged 70"). */
const COUNTS_A_NOUN =
  /\d[\d,.]*\s+(?!years?\b|yrs?\b|old\b)\p{L}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\p{L}+teen|\p{L}+ty|hundreds?|thousands?|dozens?)\s+(?!years?\b|old\b)\p{L}/iu;
/** A figure counting a noun weighs this share as the answer to "how old". */
export const NOT_AN_AGE = 0.3;

/** "Berg, 64, is …": a bare number set off by commas right after a name is the person's age. */
function apposedAge(text: string, tokens: readonly Token[], m: NumberMention): boolean {
  const start = tokens[m.first]?.start ?? 0;
  const end = tokens[m.last]?.end ?? 0;
  return (
    m.value >= 1 &&
    m.value < 120 &&
    m.first === m.last &&
    /\p{Lu}[\p{L}'’-]+,\s*$/u.test(text.slice(Math.max(0, start - 40), start)) &&
    /^\s*,/.test(text.slice(end))
  );
}

/** "Ukrainian", "Russian", "Polish", "Japanese": adjectives of nationality are not places. */
function isDemonym(text: string): boolean {
  return /^\p{Lu}\p{L}+(?:ian|ean|ese|ish|ic|i)$/u.test(text);
}

/** A country or body named as the agent ("mediated by Switzerland") answering "who": weighs this share. */
export const AGENT_PRIOR = 0.8;

/** How many words from a name its role may stand ("Russia's ambassador, Vasily Nebenzya"). */
const SUBJECT_ROLE_REACH = 2;

/**
 * A dateline's place, written in capitals ("VIENNA —", "KYIV, Ukraine (AP) —"), as a name is written
 * ("Vienna"). Capitals anywhere else are an acronym ("NATO") and stay.
 */
function readable(name: string, text: string): string {
  if (!/^[\p{Lu}\s.'’-]{4,}$/u.test(name) || !text.startsWith(name)) return name;
  if (!/^\s*(?:,|—|–|-|\()/.test(text.slice(name.length))) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * "Who did Reyes meet?": the person the question names by surname is who it is about, not its answer —
 * unless the question gives another first name before that surname ("Who is Dmytro Hrytsenko's wife?"
 * is answered by another Hrytsenko).
 */
function askedAbout(r: Retriever, words: readonly string[], q: QuestionAnalysis): boolean {
  const surname = (words[words.length - 1] ?? '').replace(/['’]s$/, '');
  const spelt = (lower: string) => r.lexicon.variants.get(lower)?.toLowerCase() ?? lower;
  // Spelt as the sources spell it, or one letter off ("Kowalsky" for "Kowalski").
  const same = (lower: string) =>
    lower === surname ||
    spelt(lower) === spelt(surname) ||
    (lower.length >= 6 && lower.slice(0, 3) === surname.slice(0, 3) && editDistance(lower, surname, 1) <= 1);
  const at = q.tokens.findIndex((t) => same(t.lower));
  if (at < 0) return false;
  const given = q.tokens[at - 1];
  return !given?.capitalized || words.includes(given.lower);
}

export function entitySlots(
  r: Retriever,
  text: string,
  tokens: readonly Token[],
  kind: 'person' | 'organisation' | 'place',
  q: QuestionAnalysis,
): Slot[] {
  const questionWords = new Set(q.tokens.map((t) => t.lower));
  const spans: EntitySpan[] = entitySpans(text, tokens, r.lexicon);
  // "Who did Russia's UN ambassador blame?": the ambassador is who acts, not the answer — a name standing
  // next to the role that is the question's subject ("Russia's ambassador, Vasily Nebenzya") is that subject.
  const subjectRoles = new Set(
    q.terms.filter((t) => t.subject && PERSON_ROLE_WORDS.has(t.surface.toLowerCase())).map((t) => t.term),
  );
  const isSubject = (span: EntitySpan) => {
    if (subjectRoles.size === 0) return false;
    const from = Math.max(0, span.first - SUBJECT_ROLE_REACH);
    const to = Math.min(tokens.length - 1, span.last + SUBJECT_ROLE_REACH);
    for (let i = from; i <= to; i++) {
      const term = tokens[i]?.term;
      if ((i < span.first || i > span.last) && term && subjectRoles.has(term)) return true;
    }
    return false;
  };
  const slots: Slot[] = [];
  for (const span of spans) {
    const words = span.text.toLowerCase().split(/\s+/);
    if (words.every((w) => questionWords.has(w.replace(/['’]s$/, '')))) continue;
    if (kind === 'person' && isSubject(span)) continue;
    if (kind === 'person' && span.type === 'person' && askedAbout(r, words, q)) continue;
    if (kind === 'person' && span.type === 'person') {
      // "Trump's special envoy, Steve Witkoff": the possessor is not the one holding the role.
      const possessive = /^['’]s\b/.test(text.slice(tokens[span.last]?.end ?? 0));
      slots.push({
        first: span.first,
        last: span.last,
        key: `person:${personKey(span.text, r.lexicon)}`,
        text: readable(span.text, text),
        prior: possessive ? 0.5 : 1,
      });
    }
    // "The talks are mediated by Switzerland": a country or a body after "by" is who does it.
    if (kind === 'person' && span.type !== 'person' && tokens[span.first - 1]?.lower === 'by') {
      slots.push({
        first: span.first,
        last: span.last,
        key: `agent:${span.text.toLowerCase()}`,
        text: readable(span.text, text),
        prior: AGENT_PRIOR,
      });
    }
    if (kind === 'organisation' && span.type === 'organisation') {
      slots.push({
        first: span.first,
        last: span.last,
        key: `organisation:${span.text.toLowerCase()}`,
        text: readable(span.text, text),
        prior: 1,
      });
    }
    // "Israeli officials" is a demonym; "in Helsinki," is a place: a word ending in "-i" is a demonym only as an
    // adjective before a noun.
    const demonym =
      isDemonym(span.text) &&
      (!/i$/.test(span.text) || /^\s+\p{Ll}/u.test(text.slice(tokens[span.last]?.end ?? text.length)));
    if (kind === 'place' && (span.type === 'place' || span.type === 'other') && !demonym) {
      const before = tokens[span.first - 1]?.lower ?? '';
      const afterIn = /^(?:in|at)$/.test(before);
      // "Norway and Chile": a name joined by "and"/"or" to a place is a place too.
      const coordinated = spans.some(
        (o) =>
          o.type === 'place' &&
          ((o.last === span.first - 2 && /^(?:and|or)$/.test(before)) ||
            (o.first === span.last + 2 && /^(?:and|or)$/.test(tokens[span.last + 1]?.lower ?? ''))),
      );
      if (!afterIn && span.type !== 'place' && !coordinated) continue;
      let textOut = span.text;
      const rest = text.slice(tokens[span.last]?.end ?? 0);
      const apposition = /^, ((?:\p{Lu}[\p{L}’'-]*\s?){1,4})(?=[,.;]|\s+on\b|\s+for\b)/u.exec(rest);
      if (apposition?.[1]) textOut = `${span.text}, ${apposition[1].trim()}`;
      slots.push({
        first: span.first,
        last: span.last,
        key: `place:${span.text.toLowerCase()}`,
        text: readable(textOut, text),
        prior: afterIn ? 1 : 0.6,
      });
    }
  }
  return slots;
}

/** Words that end a title phrase read backwards from a name ("… attended by U.S. special envoy Steve Witkoff"). */
const ROLE_STOP =
  /^(?:by|and|with|to|of|for|from|in|on|at|as|according|said|says|told|that|the|a|an|was|were|is|are|has|have|had|we|i|you|he|she|they|it|asked|met|thanked|interviewed|called|urged|joined|received|visited|quoted)$/i;

/** "X, who heads the Russia programme at …": a relative clause that gives what someone does. */
const ROLE_CLAUSE =
  /^who\s+((?:heads|leads|runs|chairs|directs|manages|oversees|commands|coordinates|serves as|is)\s.+)$/i;

/**
 * "Who is X?": the role the sentence gives the named person — an apposition after the name
 * ("Jared Kushner, former President Donald Trump’s son-in-law,") or the title before it
 * ("U.S. special envoy Steve Witkoff").
 */
export function roleSlots(
  r: Retriever,
  text: string,
  tokens: readonly Token[],
  positions: Map<string, number[]>,
  terms: readonly WeightedTerm[],
): Slot[] {
  const names = terms.filter((t) => t.proper && positions.has(t.term));
  const nameTerm = names.at(-1);
  if (!nameTerm) return [];
  const at = positions.get(nameTerm.term)?.[0] ?? -1;
  const span = entitySpans(text, tokens, r.lexicon).find((e) => e.first <= at && e.last >= at);
  const first = span?.first ?? at;
  const last = span?.last ?? at;
  const name = text.slice(tokens[first]?.start ?? 0, tokens[last]?.end ?? 0);
  // Every reading of the role the sentence gives, each a slot: the apposition after the name, the title
  // before it, the apposition before it. A one-word title ("General") says less than a description, and a
  // past role ("then finance minister", "former …") is not what the person is.
  const roles: { role: string; prior: number }[] = [];
  const after = /^,\s+((?:the |a |an )?[^,;.“”"]{3,90}?)(?:,|\.|;|$)/.exec(text.slice(tokens[last]?.end ?? 0));
  const firstWord = (after?.[1] ?? '').split(/\s+/)[0]?.toLowerCase() ?? '';
  const clauseStart =
    /^(?:who|which|and|but|or|said|says|told|according|was|were|is|are|has|have|had|will|would|as|in|on|at|after|before|during|while|when|where|if|despite|amid|although|though|because|since|for|to|with)$/;
  // "For the mayor, the test is …": after a preposition, the comma ends a phrase; it opens no apposition.
  const governed = /^(?:for|to|with|by|from|of|in|on|at|about|like|unlike)$/i.test(tokens[first - 1]?.lower ?? '');
  if (after?.[1] && !governed && !clauseStart.test(firstWord) && !/(?:ed|ing)$/.test(firstWord)) {
    roles.push({ role: after[1].trim(), prior: 1 });
  }
  const clause = after?.[1] && !governed ? ROLE_CLAUSE.exec(after[1].trim()) : null;
  if (clause?.[1]) roles.push({ role: clause[1], prior: 0.9 });
  // Walk back over the title: hyphenated words ("son-in-law") and names with "and" ("Security and
  // Defense Council") belong to it.
  let k = first - 1;
  while (k >= 0 && first - k <= 8) {
    const gap = text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0);
    if (/[,;:()—–“”"]/.test(gap)) break;
    const hyphenated = gap === '-' || text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0) === '-';
    const inName =
      /^(?:and|of|for)$/.test(tokens[k]?.lower ?? '') &&
      tokens.slice(k + 1, first).some((t) => ORGANISATION_WORDS.has(t.lower));
    if (ROLE_STOP.test(tokens[k]?.lower ?? '') && !hyphenated && !inName) break;
    k--;
  }
  if (k + 1 < first) {
    const title = text.slice(tokens[k + 1]?.start ?? 0, tokens[first - 1]?.end ?? 0).trim();
    roles.push({ role: title, prior: title.split(/\s+/).length === 1 ? ONE_WORD_TITLE : 0.9 });
  }
  // "…, with the EU’s ambassador to Ukraine, Katarina Mathernova": the apposition before the name.
  const before = /(?:^|[,;—–]\s)(?:with |by |and )?((?:the |a |an )?[^,;—–“”"]{3,80}),\s*$/.exec(
    text.slice(0, tokens[first]?.start ?? 0),
  );
  const words = (before?.[1] ?? '').toLowerCase().split(/[\s’']+/);
  // "Ukraine's parliament speaker, Ruslan Stefanchuk, said …": a short noun phrase opening the sentence and
  // set off before the name is the name's role, whatever the role word.
  const phrase = before?.[1]?.trim() ?? '';
  const opensSentence = before !== null && text.trimStart().startsWith(phrase);
  const head = words.at(-1) ?? '';
  const nounPhrase =
    opensSentence &&
    words.length <= 6 &&
    /^\p{Ll}+$/u.test(head) &&
    !/(?:ed|ing|ly)$/.test(head) &&
    !words.some((w) => clauseStart.test(w) || STOP_VERBS.has(w));
  if (before?.[1] && (words.some((w) => PERSON_ROLE_WORDS.has(w)) || nounPhrase))
    roles.push({ role: phrase, prior: 0.9 });
  return roles.map(({ role, prior }) => ({
    first,
    last,
    key: `role:${role.toLowerCase()}`,
    text: `${name}: ${role}`,
    prior: PAST_ROLE.test(role) ? prior * PAST_ROLE_PRIOR : prior,
  }));
}

/** Verbs that make a phrase a clause, not a role ("Officials say, …"). */
const STOP_VERBS = new Set(['say', 'says', 'said', 'told', 'tells', 'is', 'are', 'was', 'were', 'has', 'have', 'had']);

/** A title of one word ("General", "President") says less about someone than a description does. */
export const ONE_WORD_TITLE = 0.6;
/** "then finance minister", "former envoy", "ex-president": a role someone no longer holds. */
const PAST_ROLE = /^(?:(?:the|a|an)\s+)?(?:then|former|ex-|erstwhile|previous|outgoing|onetime|one-time|late)\b/i;
export const PAST_ROLE_PRIOR = 0.5;

/** Longest description answer, in words. */
export const MAX_DESCRIPTION_WORDS = 40;

/**
 * The clause a description answer gives: the part of the sentence around the matched focus or verb,
 * cut at clause boundaries (commas, semicolons, dashes), keeping a relative clause that follows it
 * ("…in eastern Ukraine, where Moscow insists on…") and dropping attribution tails (", he said").
 */
export function descriptionPhrase(text: string, tokens: readonly Token[], anchor: number): string {
  const at = tokens[anchor]?.start ?? 0;
  // A comma inside a quotation is part of what was said, and "said:" introduces it: neither ends a clause.
  const quoted = [...text.matchAll(/“[^”]*”|"[^"]*"/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const insideQuote = (i: number) => quoted.some(([a, b]) => i > (a ?? 0) && i < (b ?? 0));
  const boundaries = [...text.matchAll(/,\s|;\s|\s[—–]\s|:\s/g)]
    .filter((m) => !insideQuote(m.index ?? 0))
    .filter(
      (m) =>
        !(m[0].startsWith(':') && /\b(?:said|says|told|added|wrote|stated|declared)$/i.test(text.slice(0, m.index))),
    )
    .map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    }));
  let from = 0;
  let to = text.length;
  for (const b of boundaries) {
    if (b.end <= at) from = b.end;
    else if (b.start >= at) {
      to = b.start;
      break;
    }
  }
  // A short lead-in ("However,") is not a clause of its own; a relative clause after the anchor belongs to it.
  const clause = () => text.slice(from, to);
  for (const b of boundaries) {
    if (b.start === to && /^(?:where|which|who|whom|whose|including|with|as)\b/i.test(text.slice(b.end))) {
      const next = boundaries.find((x) => x.start > b.end);
      to = next ? next.start : text.length;
      break;
    }
  }
  let phrase = clause().replace(/^(?:however|meanwhile|but|and|additionally|also)\s*,?\s*/i, '');
  phrase = phrase.replace(/,?\s+(?:he|she|they|it|the \w+) (?:said|added|told \w+)\.?$/i, '').replace(/[.,;:\s]+$/, '');
  const words = phrase.split(/\s+/);
  if (words.length > MAX_DESCRIPTION_WORDS) phrase = `${words.slice(0, MAX_DESCRIPTION_WORDS).join(' ')}…`;
  return phrase.split(/\s+/).length >= 3 ? phrase : text;
}
