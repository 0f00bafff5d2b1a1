import { MONTHS } from '../extract/lexicon.js';
import type { Answer, Correction, Sentence } from '../types.js';
import { analyzeQuestion } from './analyze.js';
import {
  answerQuestion,
  cite,
  correctionNotices,
  NOT_FOUND_ANSWER,
  otherOfSeries,
  sameOfSeries,
  scoreCandidates,
  sourcesPhrase,
} from './answer.js';
import { normaliseChat } from './casual.js';
import { findClaimant, previousClaimant } from './claimants.js';
import {
  askedClaimant,
  askedMany,
  asksEarliest,
  asksLatest,
  type ChoiceForm,
  callRewrite,
  choiceForm,
  exclusions,
  existentialCount,
  type PolarForm,
  polarForm,
  roleRewrite,
  subsetRewrite,
  subsetWhole,
  superlative,
  withoutArticleReference,
  withoutFormWords,
} from './forms.js';
import { findNumbers } from './numbers.js';
import type { Retriever } from './retrieval.js';
import { QUESTION_NOISE, SIDE_TERMS, STOP_WORDS, type Token, tokenize, withoutLabel } from './text.js';
import { dateFit, sentenceDates } from './when.js';

/**
 * A question as the engine reads it: chat spellings as English, a role or "call" question in its plain form
 * (`plain`), a subset question as a count among the whole (`rewritten`).
 */
function readQuestion(question: string): { plain: string; rewritten: string } {
  const chat = withoutArticleReference(normaliseChat(question));
  const plain = roleRewrite(chat) ?? callRewrite(chat) ?? chat;
  return { plain, rewritten: subsetRewrite(plain) ?? plain };
}

/** A hyphenated compound of three to five words ("light-delivery-vehicle", "man-portable-air-defence"). */
const COMPOUND = /\b\p{L}+(?:-\p{L}+){2,4}\b/gu;

/** Per corpus: the initials of its compounds → the compound, first written ("ldv" → "light-delivery-vehicle"). */
const INITIALISMS = new WeakMap<Retriever, Map<string, string>>();

function compoundInitials(r: Retriever): Map<string, string> {
  let map = INITIALISMS.get(r);
  if (map) return map;
  map = new Map();
  for (const s of r.corpus.sentences) {
    if (!s.text.includes('-')) continue;
    for (const m of s.text.matchAll(COMPOUND)) {
      const compound = m[0].toLowerCase();
      const initials = compound
        .split('-')
        .map((p) => p[0])
        .join('');
      if (!map.has(initials)) map.set(initials, compound);
    }
  }
  INITIALISMS.set(r, map);
  return map;
}

/**
 * "ldv crews" where the sources write "light-delivery-vehicle crews": a word no source uses, of three to five
 * letters, that spells the initials of a compound the sources do use, is read as that compound.
 */
export function expandInitialisms(r: Retriever, question: string): string {
  const unknown = (w: string) => {
    const term = tokenize(w)[0]?.term;
    return term !== null && term !== undefined && (r.df.get(term) ?? 0) === 0;
  };
  // The corpus' compounds are read once, and only when a question has such a word.
  return question.replace(/\b\p{L}{3,5}\b/gu, (w) =>
    unknown(w) ? (compoundInitials(r).get(w.toLowerCase()) ?? w) : w,
  );
}

/**
 * One question, whatever its form: a yes/no question, an either-or choice, a subset ("how many of them
 * were …"), an exclusion ("besides X") or a superlative ("the lowest figure") is read for what it asks,
 * then answered from the same scored sentences as a plain question.
 */
export function ask(r: Retriever, question: string): Answer {
  const { plain, rewritten } = readQuestion(expandInitialisms(r, question));
  const restore = (a: Answer): Answer => ({ ...a, question });
  const corrected = answerCorrection(r, rewritten);
  if (corrected) return restore(corrected);
  const whose = answerWhoSaid(r, rewritten);
  if (whose) return restore(whose);
  const ranked = answerRankedChoice(r, rewritten);
  if (ranked) return restore(ranked);
  const compared = answerComparison(r, rewritten);
  if (compared) return restore(compared);
  const direction = answerDirection(r, rewritten);
  if (direction) return restore(direction);
  const choice = choiceForm(rewritten);
  if (choice) {
    const chosen = answerChoice(r, rewritten, choice);
    if (chosen) return restore(chosen);
  }
  const polar = polarForm(rewritten);
  // "Is it higher or lower than …?", "bigger or smaller?": a choice, never answered yes or no.
  const eitherWay = DIRECTION_ASKED.test(rewritten) || COMPARATIVE_CHOICE.test(rewritten);
  if (polar && !eitherWay) return restore(answerPolar(r, rewritten, polar));
  const happened = answerWhatHappened(r, rewritten);
  if (happened) return restore(happened);
  // The words of the form itself ("besides X,", "lowest") are not words to find in the answer.
  return restore(
    answerQuestion(r, withoutFormWords(rewritten), {
      exclude: exclusions(rewritten),
      superlative: superlative(rewritten),
      latest: asksLatest(rewritten),
      earliest: asksEarliest(rewritten),
      claimant: askedClaimant(rewritten),
      many: askedMany(rewritten),
      below: subsetWhole(plain),
      subset: rewritten !== plain,
    }),
  );
}

/**
 * The engine's relevance stage for a question, read as `ask` reads it: up to `k` sentences, those covering
 * most of what it asks first (the band every answer is read from). What `npm run eval` measures recall on.
 */
export function rankSentences(r: Retriever, question: string, k: number): Sentence[] {
  const { rewritten } = readQuestion(expandInitialisms(r, question));
  const { relevance } = scoreCandidates(r, withoutFormWords(rewritten));
  return relevance.slice(0, k).map((x) => x.sentence);
}

/** "Verdict: False.", "Rating — mostly true": a fact check's ruling, and whether it rules the claim out. */
const VERDICT =
  /^\W*(?:verdict|rating|ruling|our ruling|conclusion|fact check)\s*[:—–-]\s*(mostly false|mostly true|half true|false|true|misleading|unproven|unverified|wrong|correct|accurate|inaccurate|partly true|partly false|exaggerated)\b/i;

/**
 * The verdict over a sentence (its own, or that of the sentence just before it in its paragraph) and
 * whether it rules the claim out; `ruling` is that sentence before, when it is a verdict ("Verdict: False.").
 */
function verdictOf(r: Retriever, s: Sentence | undefined): { rulesOut: boolean; ruling: Sentence | undefined } | null {
  if (!s) return null;
  const prev = r.corpus.byId.get(s.source)?.sentences[s.index - 1];
  const ruling = prev && prev.paragraph === s.paragraph && VERDICT.test(prev.text) ? prev : undefined;
  const m = VERDICT.exec(s.text) ?? (ruling ? VERDICT.exec(ruling.text) : null);
  if (!m?.[1]) return null;
  return { rulesOut: !/^(?:true|mostly true|correct|accurate)$/i.test(m[1]), ruling };
}

/** "What happened on 2 April?", "what took place on Friday?": the question is its date. */
const WHAT_HAPPENED =
  /^what (?:happened|took place|went on|was (?:agreed|announced|decided|signed)|did they (?:agree|decide|announce))\b/i;

/**
 * "What happened on 2 April?": the sentences that are themselves dated so (not by their article or
 * the sentence before), the first in each article, as a description. Null when the question is not of
 * this form, or names anything besides its date (then it is answered as any other question).
 */
function answerWhatHappened(r: Retriever, question: string): Answer | null {
  if (!WHAT_HAPPENED.test(question)) return null;
  const q = analyzeQuestion(question);
  if (!q.date || q.date.month === null || q.date.asOf) return null;
  const rest = question
    .toLowerCase()
    .replace(q.date.text, ' ')
    .replace(WHAT_HAPPENED, ' ')
    .replace(/\b(?:on|in|at|the|of|that|day|date)\b|[^\p{L}\d\s]/gu, ' ')
    .trim();
  if (rest.length > 0) return null;
  const month = tokenize(MONTHS[q.date.month - 1] ?? '')[0]?.term;
  if (!month) return null;
  const asked = q.date;
  // A day asked: dated to that day (not to its month or week); written out ("2 April") before read
  // from a relative date ("yesterday").
  const onDay = (dates: ReturnType<typeof sentenceDates>) =>
    !dates.implied && dates.dates.some((d) => d.month === asked.month && (asked.day === null || d.day === asked.day));
  const written = new RegExp(`\\b${MONTHS[(asked.month ?? 1) - 1]?.slice(0, 3)}`, 'i');
  const found: Sentence[] = [];
  const seen = new Set<string>();
  for (const p of r.search([month])) {
    for (const ordinal of p.sentences) {
      const s = r.corpus.sentences[ordinal];
      if (!s || s.boilerplate || seen.has(s.source) || !written.test(s.text)) continue;
      if (!onDay(sentenceDates(r, s)) || dateFit(r, asked, s) < 1) continue;
      found.push(s);
      seen.add(s.source);
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.ordinal - b.ordinal);
  const [first] = found;
  if (!first) return null;
  return {
    question,
    answer: `${withoutLabel(first.text)} (${sourcesPhrase(found.length, r.corpus.articles.length)})`,
    abstained: false,
    kind: 'description',
    text: withoutLabel(first.text),
    supportingSources: found.length,
    totalSources: r.corpus.articles.length,
    alternatives: [],
    citations: found.slice(0, 3).map((s) => cite(r, s)),
  };
}

/** Roles only one person holds at a time: "Is X leading the team?" is answered by who leads it. */
const SOLE_ROLE =
  /^(?<name>(?:\p{Lu}[\p{L}'’.-]*\s){0,3}\p{Lu}[\p{L}'’.-]*)\s+(?<role>(?:still |now |currently )?(?:leading|heading|chairing|in charge of|running|commanding|the (?:head|leader|chief|chair(?:man|woman)?)\b|head of|leader of|chief of)\b.*)$/u;

/** How far (in tokens) a negation may stand before the words it negates ("did not sign the accord"). */
const NEGATION_REACH = 4;
const NEGATION_WORD =
  /^(?:not|no|never|neither|nor|without|none|nobody|nothing|cannot|denied|denies|deny|rejected|refused|failed|didn|doesn|don|wasn|weren|isn|aren|hasn|haven|won)$/i;

function answerPolar(r: Retriever, question: string, form: PolarForm): Answer {
  const opener = question.trim().split(/\s+/)[0]?.toLowerCase() ?? 'is';
  const sole = SOLE_ROLE.exec(form.statement.replace(/\?$/, ''));
  if (sole?.groups?.name && sole.groups.role) {
    // "Is Anna Berg leading the delegation?": who does, by the sources — the same person or someone else.
    const who = answerQuestion(r, `Who ${opener} ${sole.groups.role}?`);
    if (!who.abstained && (who.kind === 'person' || who.kind === 'role')) {
      const surname = sole.groups.name.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
      const same = (who.text ?? who.answer).toLowerCase().includes(surname);
      return {
        ...who,
        kind: 'yes-no',
        answer: same ? `Yes — ${who.answer}` : `No — the sources say ${who.answer}`,
      };
    }
  }
  // "Were any civilians among those freed?": how many were, when the sources count them, says yes or no.
  const countQuestion = existentialCount(question);
  if (countQuestion) {
    const counted = answerQuestion(r, countQuestion);
    if (!counted.abstained && counted.kind === 'count' && typeof counted.value === 'number') {
      const some = counted.value > 0 !== form.negated;
      return { ...counted, kind: 'yes-no', answer: `${some ? 'Yes' : 'No'} — the sources say: ${counted.answer}` };
    }
  }
  const plain = answerQuestion(r, form.statement);
  if (plain.abstained) return plain;
  // The sentence to judge by must be about what the question names ("a NATO general at the talks"):
  // of the relevant sentences, the one naming most of the statement's names, else the answer's own.
  const statementTokens = tokenize(form.statement);
  // The statement's names, a name of several words ("San Jose") as one: its rarest word.
  const groups: string[][] = [];
  let lastPos = -2;
  for (const { term, pos } of r.termPositions(form.statement, statementTokens)) {
    if (!statementTokens[pos]?.capitalized) continue;
    if (pos === lastPos + 1 && groups.length > 0) groups.at(-1)?.push(term);
    else groups.push([term]);
    lastPos = pos;
  }
  const { relevance } = scoreCandidates(r, form.statement);
  // Names weigh by rarity: "Interpol" tells a sentence apart more than "San Jose", which most of them name.
  const rarity = (n: string) => Math.log(1 + r.sentenceCount / (1 + (r.df.get(n) ?? 0)));
  const names = [
    ...new Map(groups.map((g) => [g.join(' '), g.reduce((a, b) => (rarity(a) >= rarity(b) ? a : b))])).values(),
  ];
  /** The index terms of a text, once tokenised. */
  const termsIn = (text: string, tokens = tokenize(text)) => new Set(r.termPositions(text, tokens).map((t) => t.term));
  const named = (text: string) => {
    const has = termsIn(text);
    return names.filter((n) => has.has(n)).reduce((sum, n) => sum + rarity(n), 0);
  };
  const plainNames = named(plain.citations[0]?.quote ?? '');
  // The most relevant sentence, when it covers the statement better than the one the plain answer cites.
  const plainCoverage = relevance.find((x) => x.sentence.text === plain.citations[0]?.quote)?.coverage ?? 0;
  const top = relevance[0];
  let about: (typeof relevance)[number] | undefined =
    top && top.coverage > plainCoverage && named(top.sentence.corrected) >= plainNames ? top : undefined;
  let aboutNames = about ? named(about.sentence.corrected) : plainNames;
  for (const x of relevance) {
    if (x.coverage < POLAR_MIN_COVERAGE) break;
    const n = named(x.sentence.corrected);
    if (n > aboutNames) {
      about = x;
      aboutNames = n;
    }
  }
  // What is stated of the statement's names: its words that are not a name or a side.
  const stated = r
    .termPositions(form.statement, statementTokens)
    .filter(({ pos }) => !statementTokens[pos]?.capitalized)
    .map(({ term }) => term)
    .filter((term) => !SIDE_TERMS.includes(term));
  // News states what did not happen as plainly as what did ("the ferry ran without a licence", "no date has
  // been set"): a sentence about as relevant as the one chosen that denies the statement, of the same one of
  // a series, is the answer — the chosen one may merely be about the same thing.
  const chosenText = about?.sentence.corrected ?? plain.citations[0]?.quote ?? '';
  const distinctStated = [...new Set(stated)];
  /** How many of the stated words a sentence has. */
  const states = (text: string, tokens: Token[]) => {
    const has = termsIn(text, tokens);
    return distinctStated.filter((t) => has.has(t)).length;
  };
  if (!negatesStatement(form.statement, chosenText)) {
    const best = relevance[0]?.coverage ?? 0;
    const chosenTokens = tokenize(chosenText);
    // A chosen sentence about another of the series ("the second stage …" for the third) sets no bar.
    const bar = otherOfSeries(statementTokens, chosenTokens) ? 1 : Math.max(1, states(chosenText, chosenTokens));
    // A sentence naming the very one of a series asked about ("Stage three closed without …") may say less of
    // the rest of the question's words.
    const denial = relevance.find((x) => {
      const text = x.sentence.corrected;
      const tokens = tokenize(text);
      const band = sameOfSeries(statementTokens, tokens) ? SAME_ONE_DENIAL_BAND : DENIAL_BAND;
      return (
        x.coverage >= best * band &&
        x.coverage >= POLAR_MIN_COVERAGE &&
        states(text, tokens) >= bar &&
        !otherOfSeries(statementTokens, tokens) &&
        negatesStatement(form.statement, text, true)
      );
    });
    if (denial) about = denial;
  }
  const citation = about ? cite(r, about.sentence) : plain.citations[0];
  const quote = citation?.quote ?? '';
  // "Was anyone killed in Nikopol?": a sentence that only names Nikopol says neither yes nor no; what is
  // stated of it (a word of the statement that is not a name or a side) must be in the sentence judged by.
  const judged = termsIn(quote);
  if (stated.length > 0 && !stated.some((term) => judged.has(term))) {
    return { ...plain, kind: 'yes-no', abstained: true, answer: NOT_FOUND_ANSWER, alternatives: [], citations: [] };
  }
  const judgedSentence =
    about?.sentence ?? r.corpus.byId.get(citation?.source ?? '')?.sentences.find((x) => x.text === quote);
  // A fact check's verdict on the claim ("Verdict: False.") says yes or no for the sentences under it.
  const verdict = verdictOf(r, judgedSentence);
  // The verdict's own sentence, when it stands before the one judged ("Verdict: False." "The text leaves …").
  const ruling = verdict?.ruling;
  const no =
    (verdict?.rulesOut ?? negatesStatement(form.statement, about?.sentence.corrected ?? quote)) !== form.negated;
  // A yes needs the sentence to state what is asked, not only to be about its topic ("Did the ferry lines
  // agree to halt night sailings?" is not answered yes by "Monitors recorded damage to 40 ferry piers"):
  // at least YES_STATED_SHARE of the statement's stated words. No verdict or denial needs as much: a
  // sentence denying one of them denies the whole.
  if (
    !no &&
    !verdict &&
    // "Is the toll a maximum or a minimum?": a choice is answered by the one the sentence names.
    !/\bor\b/i.test(form.statement) &&
    distinctStated.length > 0 &&
    distinctStated.filter((t) => judged.has(t)).length < distinctStated.length * YES_STATED_SHARE
  ) {
    return { ...plain, kind: 'yes-no', abstained: true, answer: NOT_FOUND_ANSWER, alternatives: [], citations: [] };
  }
  // A corrected sentence is judged as corrected: the notice that corrected it is quoted and cited with it.
  const notices = judgedSentence ? correctionNotices(r, judgedSentence) : [];
  const corrected = notices.length > 0 ? ` (corrected: ${notices.map((n) => n.text).join(' ')})` : '';
  return {
    ...plain,
    kind: 'yes-no',
    alternatives: [],
    answer: `${no ? 'No' : 'Yes'} — the sources say: ${ruling ? `${ruling.text} ` : ''}${quote}${corrected}`,
    citations: citation ? [...(ruling ? [cite(r, ruling)] : []), citation, ...notices.map((n) => cite(r, n))] : [],
    supportingSources: 1,
  };
}

/** A sentence denying a yes/no statement is the answer when its relevance is at least this share of the best. */
export const DENIAL_BAND = 0.75;
/** … and this share, when it names the very one of a series the question asks about. */
export const SAME_ONE_DENIAL_BAND = 0.5;

/** A yes is said only by a sentence stating at least this share of the statement's words (not names or sides). */
export const YES_STATED_SHARE = 0.5;

/** A yes/no answer is judged only by a sentence covering at least this much of its statement. */
export const POLAR_MIN_COVERAGE = 0.3;

/** A negation in the sentence just before a word of the statement ("the minister, who did not sign the accord"). */
/** Acts and the acts that deny them, as index terms: to accept is not to reject. */
const OPPOSITES: ReadonlyMap<string, string[]> = new Map(
  (
    [
      ['accept', ['reject', 'refuse', 'decline', 'dismiss']],
      ['agree', ['refuse', 'reject', 'decline']],
      ['approve', ['reject', 'veto', 'block']],
      ['support', ['oppose', 'reject']],
      ['confirm', ['deny']],
      ['attend', ['skip', 'boycott']],
      ['allow', ['forbid', 'ban', 'bar']],
      ['win', ['lose']],
    ] as const
  ).flatMap(([act, opposites]) => {
    const forms = (w: string) => [w, `${w}ed`, `${w}d`, `${w}s`].flatMap((f) => tokenize(f)[0]?.term ?? []);
    const denied = [...new Set(opposites.flatMap(forms))];
    return [...new Set(forms(act))].map((term) => [term, denied] as [string, string[]]);
  }),
);

/** Negations that deny whatever follows them; "failed", "rejected" may only qualify a noun ("years of failed talks"). */
const PLAIN_NEGATION =
  /^(?:not|no|never|neither|nor|without|none|nobody|nothing|cannot|didn|doesn|don|wasn|weren|isn|aren|hasn|haven|won)$/i;

export function negatesStatement(statement: string, sentence: string, plainly = false): boolean {
  const asked = new Set(tokenize(statement).flatMap((t) => (t.term && !t.capitalized ? [t.term] : [])));
  const tokens = tokenize(sentence);
  // "Has Kyiv accepted …?" against "a condition Kyiv has repeatedly rejected": the opposite act says no.
  const opposed = [...asked].flatMap((term) => OPPOSITES.get(term) ?? []);
  if (opposed.length > 0 && tokens.some((t) => t.term !== null && opposed.includes(t.term))) return true;
  return tokens.some(
    (t, i) =>
      t.term !== null &&
      asked.has(t.term) &&
      tokens
        .slice(Math.max(0, i - NEGATION_REACH), i)
        // "Moscow has yet to confirm": not done so far.
        .some(
          (n, k, before) =>
            (plainly ? PLAIN_NEGATION : NEGATION_WORD).test(n.lower) ||
            (n.lower === 'yet' && before[k + 1]?.lower === 'to'),
        ),
  );
}

/**
 * "Was it held at Blair House or Camp David?": the option that the most relevant sentence naming
 * it supports best — every other word of the question close to the option, not merely in its sentence.
 */
/** The value of a figure option ("1,200", "1.2 million"), or null for a name. */
function optionValue(option: string): number | null {
  const m = /^(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion))?$/i.exec(option.trim());
  if (!m?.[1]) {
    // "fifteen", "twenty-five": a number in words, when that is all the option is.
    const tokens = tokenize(option);
    const read = findNumbers(option, tokens);
    const only = read.length === 1 ? read[0] : undefined;
    return only && only.first === 0 && only.last === tokens.length - 1 ? only.value : null;
  }
  const scale = { thousand: 1e3, million: 1e6, billion: 1e9 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Number(m[1].replace(/,/g, '')) * scale;
}

function answerChoice(r: Retriever, question: string, form: ChoiceForm): Answer | null {
  // Figures are not words to find ("Was it 300 or 400 drones?" is about drones): they are looked for by value.
  const words = form.options.reduce((q, o) => (optionValue(o) === null ? q : q.replace(o, ' ')), question);
  const { relevance } = scoreCandidates(r, words);
  const optionTerms = form.options.map((o) => tokenize(o).flatMap((t) => (t.term ? [t.term] : [])));
  const others = new Set(
    tokenize(question).flatMap((t) =>
      t.term && !STOP_WORDS.has(t.lower) && !optionTerms.some((ts) => ts.includes(t.term ?? '')) ? [t.term] : [],
    ),
  );
  let best: { option: string; score: number; sentence: Sentence } | null = null;
  for (const { sentence, coverage } of relevance.slice(0, 40)) {
    const tokens = tokenize(sentence.corrected);
    const terms = tokens.map((t) => t.term);
    let figures: ReturnType<typeof findNumbers> | undefined;
    for (const [k, option] of form.options.entries()) {
      const wanted = optionTerms[k] ?? [];
      // A figure option ("300 or 400?") is found by its value, however the text writes it ("nearly four
      // hundred"); a name by its words.
      const value = optionValue(option);
      let at: number;
      if (value !== null) {
        figures ??= findNumbers(sentence.corrected, tokens);
        at = figures.find((m) => m.value === value)?.first ?? -1;
        if (at < 0) continue;
      } else {
        at = terms.findIndex((t) => t === wanted[0]);
        if (wanted.length === 0 || at < 0 || !wanted.every((w) => terms.includes(w))) continue;
      }
      // Each other question word counts by how close it stands to the option.
      let near = 0;
      for (const o of others) {
        const positions = terms.flatMap((t, i) => (t === o ? [i] : []));
        if (positions.length === 0) continue;
        const d = Math.min(...positions.map((p) => Math.abs(p - at)));
        near += 1 / (1 + d / 4);
      }
      const score = coverage * (1 + near);
      if (!best || score > best.score) best = { option, score, sentence };
    }
  }
  const found = best as { option: string; sentence: Sentence } | null;
  if (!found) return null;
  const { option, sentence } = found;
  // Chosen from the corrected text: the notice that corrected the sentence is quoted and cited with it.
  const notices = correctionNotices(r, sentence);
  const corrected = notices.length > 0 ? ` (corrected: ${notices.map((n) => n.text).join(' ')})` : '';
  return citedAnswer(r, question, `${option} — the sources say: ${sentence.text}${corrected}`, 'choice', [
    cite(r, sentence),
    ...notices.map((n) => cite(r, n)),
  ]);
}

/** The share of a question's words (beyond those about the correction) the notice answering it must have. */
export const NOTICE_SHARE = 1 / 3;

/** A question about a correction notice: what the story first said, or what it says now. */
const ABOUT_CORRECTION =
  /\b(?:correct(?:ion|ions|ed)|earlier version|wrong(?:ly)?|incorrect(?:ly)?|mistaken(?:ly)?|erroneous(?:ly)?|misreported|originally (?:said|gave|reported|stated))\b/i;
const WHEN_ASKED = /\b(?:when|what time|which day|what day|what date|on what date)\b/i;
/** …and whether it asks for the wrong value rather than the right one. */
const ASKS_WRONG =
  /\b(?:earlier|original(?:ly)?|first|wrong(?:ly)?|incorrect(?:ly)?|mistaken(?:ly)?|erroneous(?:ly)?|initially|before (?:the|its) correction|misreported)\b/i;

/**
 * "What did the earlier version say?", "What wrong year had it given?": the correction notice that shares
 * the most words with the question answers it, with the notice itself cited.
 */
function answerCorrection(r: Retriever, question: string): Answer | null {
  // "When was the story corrected?" asks about the notice, not for the value it corrects.
  if (!ABOUT_CORRECTION.test(question) || WHEN_ASKED.test(question)) return null;
  const asked = new Set(
    tokenize(question.replace(ABOUT_CORRECTION, ' ')).flatMap((t) =>
      t.term && !STOP_WORDS.has(t.lower) && !QUESTION_NOISE.has(t.lower) ? [t.term] : [],
    ),
  );
  let best: { score: number; article: (typeof r.corpus.articles)[number]; c: Correction } | null = null;
  for (const article of r.corpus.articles) {
    for (const c of article.corrections) {
      const words = new Set(
        tokenize(`${c.notice} ${article.meta.title ?? ''}`).flatMap((t) => (t.term ? [t.term] : [])),
      );
      const score = [...asked].filter((t) => words.has(t)).length;
      // A notice sharing one word of many ("drone") is about another correction.
      if (score > 0 && score >= asked.size * NOTICE_SHARE && (!best || score > best.score))
        best = { score, article, c };
    }
  }
  const found = best as { article: (typeof r.corpus.articles)[number]; c: Correction } | null;
  if (!found) return null;
  const { article, c } = found;
  const sentences = article.sentences.filter((s) => s.text.length > 0 && c.notice.includes(s.text));
  if (sentences.length === 0) return null;
  const wrong = ASKS_WRONG.test(question);
  const answer = wrong
    ? `${c.wrong} — what the earlier version said; the correction gives ${c.right}`
    : `${c.right} — as corrected (the earlier version said ${c.wrong})`;
  return citedAnswer(
    r,
    question,
    answer,
    'description',
    sentences.map((s) => cite(r, s)),
  );
}

/**
 * "According to whom …?", "Who said …?", "Who put the toll at …?", "Which paper said …?": the question asks
 * for a claimant.
 */
const WHO_SAID =
  /^(?:according to whom?\b[,\s]*|(?:who|which (?:[\w-]+ ){0,2}?(?:paper|newspaper|daily|outlet|publication|agency|broadcaster|channel|network|source))\s+(?:said|says|reported|reports|estimated|claimed|announced|gave|put|counted|confirmed|wrote|writes)\b\s*(?:that\s+)?)/i;

/**
 * "According to whom were 27 people wounded?": the claimant of the most relevant sentence that states it
 * (holding every number the question gives), with the sentence cited.
 */
function answerWhoSaid(r: Retriever, question: string): Answer | null {
  const m = WHO_SAID.exec(question.trim());
  if (!m) return null;
  const statement = question.trim().slice(m[0].length);
  const numbers = tokenize(statement)
    .filter((t) => t.numeric)
    .map((t) => t.term);
  const found = firstReading(r, statement, (sentence) => {
    const tokens = tokenize(sentence.corrected);
    if (!numbers.every((n) => tokens.some((t) => t.term === n))) return null;
    // The claimant of the figure asked about, when the sentence quotes two.
    const at = tokens.find((t) => t.term === numbers[0])?.start;
    return findClaimant(r, sentence.corrected, tokens, at) ?? previousClaimant(r, sentence, at);
  });
  if (!found) return null;
  const { sentence, value: claimant } = found;
  // "“…,” he wrote": the sentence before that names who "he" is is cited too.
  const named = namingSentence(r, sentence, claimant);
  const citations = [cite(r, sentence), ...(named ? [cite(r, named)] : [])];
  return citedAnswer(r, question, `${claimant} — the sources say: ${sentence.text}`, 'person', citations);
}

/** How far back a sentence naming a pronoun's claimant is looked for. */
const NAMING_REACH = 5;

/** The nearest sentence before `s` in its article that names `claimant` (by surname), when `s` does not. */
function namingSentence(r: Retriever, s: Sentence, claimant: string): Sentence | null {
  const surname = claimant.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  if (!surname || s.text.toLowerCase().includes(surname)) return null;
  const sentences = r.corpus.byId.get(s.source)?.sentences ?? [];
  for (let i = s.index - 1; i >= Math.max(0, s.index - NAMING_REACH); i--) {
    const prev = sentences[i];
    if (prev && !prev.boilerplate && prev.text.toLowerCase().includes(surname)) return prev;
  }
  return null;
}

const MORE = /^(?:more|higher|greater|larger|bigger)$/i;
const COMPARATIVE = String.raw`(more|fewer|less|higher|lower|greater|larger|bigger|smaller)`;

/**
 * "Were more drones launched than missiles?", "Did the report count more Russian or Ukrainian deaths?":
 * the two figures the comparison is between, each read as its own "how many" question, and which is
 * larger — both cited. Null when either figure is not found (the question is then answered as usual).
 */
function answerComparison(r: Retriever, question: string): Answer | null {
  const q = question.trim().replace(/\?+$/, '');
  const across = answerAcross(r, question, q);
  if (across !== undefined) return across;
  const than = new RegExp(
    `\\b${COMPARATIVE}\\s+([\\p{L}-]+)\\s+(.*?)\\bthan\\s+(?:the\\s+)?([\\p{L}-]+)(.*)$`,
    'iu',
  ).exec(q);
  const either = new RegExp(`\\b${COMPARATIVE}\\s+([\\p{L}-]+)\\s+or\\s+([\\p{L}-]+)\\s+([\\p{L}-]+)(.*)$`, 'iu').exec(
    q,
  );
  // Each side: a label as the question words it, and what it counts.
  let sides: { label: string; counted: string }[] | null = null;
  let rest = '';
  if (than?.[2] && than[4]) {
    sides = [
      { label: than[2], counted: than[2] },
      { label: than[4], counted: than[4] },
    ];
    rest = `${than[3] ?? ''} ${than[5] ?? ''}`;
  } else if (either?.[2] && either[3] && either[4]) {
    sides = [
      { label: either[2], counted: `${either[2]} ${either[4]}` },
      { label: either[3], counted: `${either[3]} ${either[4]}` },
    ];
    rest = either[5] ?? '';
  }
  if (!sides) return null;
  const head = q.slice(0, (than ?? either)?.index ?? 0).replace(POLAR_OPENERS_FOR_COMPARISON, '');
  const figures = sides.map((side) => {
    const a = answerQuestion(r, `How many ${side.counted} ${head} ${rest}?`.replace(/\s+/g, ' '));
    return { side: side.label, a, value: a.abstained ? null : (a.value ?? null) };
  });
  const [x, y] = figures;
  if (!x?.value || !y?.value || x.value === y.value) return null;
  // "more/higher …" is answered by the larger figure's side, "fewer/lower …" by the smaller's.
  const wantsMore = MORE.test(than?.[1] ?? either?.[1] ?? '');
  const larger = x.value > y.value ? x : y;
  const first = wantsMore ? larger : larger === x ? y : x;
  const other = first === x ? y : x;
  return citedAnswer(
    r,
    question,
    `${first.side} — ${reading(first.a)}, against ${reading(other.a)} for ${other.side}`,
    'choice',
    [...x.a.citations.slice(0, 1), ...y.a.citations.slice(0, 1)],
  );
}

/** "bigger or smaller than", "more or fewer than": a choice between two comparatives. */
const COMPARATIVE_CHOICE = new RegExp(`\\b${COMPARATIVE}\\s+or\\s+${COMPARATIVE}\\s+than\\s+(.+)$`, 'iu');

/**
 * "Were more or fewer than ten missiles shot down?": the figure asked about, read as a "how many"
 * question, against the number the question gives; "Was the March convoy bigger or smaller than the
 * January one?": the comparison a source states ("smaller than the January convoy"). The option the
 * sources bear out, with the sentence; a comparison no source settles is not found — never a yes or no.
 */
function answerRankedChoice(r: Retriever, question: string): Answer | null {
  const q = question.trim().replace(/\?+$/, '');
  const m = COMPARATIVE_CHOICE.exec(q);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const options = [m[1], m[2]];
  const rest = m[3];
  const head = q.slice(0, m.index).replace(POLAR_OPENERS_FOR_COMPARISON, '');
  const given = findNumbers(rest, tokenize(rest))[0];
  if (given && given.start <= 1) {
    // A threshold: the figure of what follows the number, against it.
    // "Were more or fewer than ten missiles shot down …" asks "How many missiles were shot down …".
    const aux = POLAR_OPENERS_FOR_COMPARISON.exec(q.slice(0, m.index))?.[0]?.trim() ?? '';
    const [noun = '', ...after] = rest.slice(given.end).trim().split(/\s+/);
    const a = answerQuestion(r, `How many ${noun} ${aux} ${after.join(' ')} ${head}?`.replace(/\s+/g, ' '));
    if (a.abstained || a.value == null || a.value === given.value) return null;
    const more = options.find((o) => MORE.test(o));
    const less = options.find((o) => !MORE.test(o));
    const pick = a.value > given.value ? more : less;
    if (!pick) return null;
    return citedAnswer(r, question, `${asLabel(pick)} — ${reading(a)}`, 'choice', a.citations.slice(0, 1));
  }
  const stated = statedComparison(r, question, rest);
  if (stated) return stated;
  // "higher or lower than …": which way it moved, as a source says it (answerDirection).
  if (DIRECTION_ASKED.test(q)) return null;
  return { ...citedAnswer(r, question, NOT_FOUND_ANSWER, 'choice', []), abstained: true, supportingSources: 0 };
}

const POLAR_OPENERS_FOR_COMPARISON = /^(?:did|does|do|were|was|are|is|has|have|had|will|would)\s+/i;

const PREPOSITION = String.raw`(?:in|on|at|during|before|after|by|over|for)`;

/**
 * "Did Russia fire more drones in January than in December?": one thing counted in two settings. Each
 * setting is its own "how many" question; the answer says more or fewer, with both figures. Undefined when
 * the question is not of this shape, null when either figure is missing.
 */
function answerAcross(r: Retriever, question: string, q: string): Answer | null | undefined {
  const m = new RegExp(
    `\\b${COMPARATIVE}\\s+(?:(.+?)\\s+)?(${PREPOSITION}\\s+.+?)\\s+than\\s+(${PREPOSITION}\\s+.+?)(,.*)?$`,
    'iu',
  ).exec(q);
  if (!m?.[3] || !m[4]) return undefined;
  // "Were exports higher in May than in April?": nothing counted to look up, only a comparison to find.
  if (!m[2]) return statedComparison(r, question, m[4]);
  const head = q.slice(0, m.index).replace(POLAR_OPENERS_FOR_COMPARISON, '');
  const tail = m[5]?.replace(/^,\s*/, ' ') ?? '';
  const [a, b] = [m[3], m[4]].map((setting) => {
    const ans = answerQuestion(r, `How many ${m[2]} ${head} ${setting}${tail}?`.replace(/\s+/g, ' '));
    return { setting, ans, value: ans.abstained ? null : (ans.value ?? null) };
  });
  if (!a?.value || !b?.value || a.value === b.value || a.ans.citations[0]?.quote === undefined) {
    return statedComparison(r, question, m[4]);
  }
  const word = a.value > b.value ? 'More' : 'Fewer';
  return citedAnswer(
    r,
    question,
    `${word} — ${reading(a.ans)} ${a.setting}, against ${reading(b.ans)} ${b.setting}`,
    'choice',
    [...a.ans.citations.slice(0, 1), ...b.ans.citations.slice(0, 1)],
  );
}

/** "…, fewer than in December": a sentence that states the comparison itself, for the setting asked about. */
function statedComparison(r: Retriever, question: string, setting: string): Answer | null {
  const words = setting.replace(new RegExp(`^${PREPOSITION}\\s+`, 'i'), '').trim();
  if (!words) return null;
  const stated = new RegExp(
    `\\b${COMPARATIVE}\\s+than\\s+(?:${PREPOSITION}\\s+)?(?:the\\s+)?${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`,
    'i',
  );
  const found = firstReading(r, question, (sentence) => stated.exec(sentence.corrected)?.[1] ?? null);
  if (!found) return null;
  return citedAnswer(r, question, `${asLabel(found.value)} — the sources say: ${found.sentence.text}`, 'choice', [
    cite(r, found.sentence),
  ]);
}

/** A word as a choice answer opens with it: "smaller" → "Smaller", "HIGHER" → "Higher". */
function asLabel(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A sub-answer as read from its sentence, with its claimant: "12 missiles, according to the air force". */
function reading(a: Answer): string {
  const text = a.text ?? a.answer;
  return a.claimant && !text.includes(a.claimant) ? `${text}, according to ${a.claimant}` : text;
}

/** "Did it go up or down?", "higher or lower?": a question about which way something moved. */
const DIRECTION_ASKED =
  /\b(?:up or down|down or up|rise or fall|fall or rise|increase or decrease|decrease or increase|higher or lower|lower or higher|grow or shrink)\b/i;
/** How English news says something moved up… */
const WENT_UP =
  /\b(?:up from|rose|risen|rising|increased|increases?(?: of| from| on)|rise from|higher than|grew|grown|climbed|jumped|surged|up by|doubled|tripled)\b/i;
/** …or down. */
const WENT_DOWN =
  /\b(?:down from|fell|fallen|falling|decreased|decreases?(?: of| from| on)|drop from|fall from|lower than|dropped|declined|shrank|down by|halved)\b/i;

/**
 * "Did the interception rate go up or down?": the most relevant sentence that says which way it moved,
 * answered "Up" or "Down" with that sentence; a sentence saying both ways, or neither, answers nothing.
 */
function answerDirection(r: Retriever, question: string): Answer | null {
  if (!DIRECTION_ASKED.test(question)) return null;
  const { relevance } = scoreCandidates(
    r,
    question.replace(DIRECTION_ASKED, ' ').replace(/\b(?:go|goes|went|gone|move|moves|moved)\b/gi, ' '),
  );
  for (const { sentence, coverage } of relevance.slice(0, 10)) {
    if (coverage < READ_MIN_COVERAGE) break;
    const up = WENT_UP.test(sentence.corrected);
    const down = WENT_DOWN.test(sentence.corrected);
    if (up === down) continue;
    // Said in the question's own words: "higher or lower" is answered "Higher", "rise or fall" "Rise".
    const pair = DIRECTION_ASKED.exec(question)?.[0].toLowerCase().split(' or ') ?? [];
    const upWord = pair.find((w) => /^(?:up|rise|increase|higher|grow)$/.test(w)) ?? 'up';
    const downWord = pair.find((w) => /^(?:down|fall|decrease|lower|shrink)$/.test(w)) ?? 'down';
    return citedAnswer(
      r,
      question,
      `${asLabel(up ? upWord : downWord)} — the sources say: ${sentence.text}`,
      'choice',
      [cite(r, sentence)],
    );
  }
  return null;
}

/** An answer resting on the sentences given, one report: the forms above all answer this way. */
function citedAnswer(
  r: Retriever,
  question: string,
  answer: string,
  kind: Answer['kind'],
  citations: Answer['citations'],
): Answer {
  return {
    question,
    answer,
    abstained: false,
    kind,
    supportingSources: 1,
    totalSources: r.corpus.articles.length,
    alternatives: [],
    citations,
  };
}

/** A sentence-level reading is taken only from the ten most relevant sentences covering at least this much. */
export const READ_MIN_COVERAGE = 0.5;

/** The first of the most relevant sentences for `statement` from which `read` gets an answer. */
function firstReading<T>(
  r: Retriever,
  statement: string,
  read: (sentence: Sentence) => T | null,
): { sentence: Sentence; value: T } | null {
  const { relevance } = scoreCandidates(r, statement);
  for (const { sentence, coverage } of relevance.slice(0, 10)) {
    if (coverage < READ_MIN_COVERAGE) break;
    const value = read(sentence);
    if (value !== null) return { sentence, value };
  }
  return null;
}
