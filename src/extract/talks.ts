/**
 * The talks brief behind `/talks`: where and when the talks happened, who took part (by delegation,
 * with roles), outcomes, sticking points, next steps and reactions — each item with its citations,
 * grouped across articles. Everything is read with patterns that work on any article: roles in
 * apposition ("X, the head of Y,"), participation verbs ("attended", "was present at", "were joined
 * by"), "agreed to", "insists on", "deadlocked over", "X said", date phrases and place names.
 */

import {
  type AnalyzedArticle,
  type AnalyzedSentence,
  analyzeCorpus,
  citationOf,
  sentenceDateMentions,
} from '../nlp/annotate.js';
import { attributionFor } from '../nlp/attribution.js';
import type { Entity, NameIndex } from '../nlp/entities.js';
import { findNumbers, wordsToNumber } from '../nlp/numbers.js';
import { isCapitalized, type Token } from '../nlp/tokens.js';
import type { Citation, Corpus } from '../types.js';
import { groupByBlocks, pushTo } from './group.js';
import { countryOf, FUNCTION_WORDS, NAME_TITLES, ORG_WORDS, PEOPLE_NOUNS, ROLE_NOUNS } from './lexicon.js';
import { contentWords, jaccard, stem } from './text.js';
import type { TalksBrief, TalksItem, TalksTopic } from './types.js';

export const TALKS_TOPICS: readonly TalksTopic[] = [
  'participants',
  'timeline',
  'outcomes',
  'sticking-points',
  'next-steps',
  'reactions',
] as const;

const MAX_CITATIONS = 6;

const TALK_WORDS =
  /\b(?:talks|negotiations?|meetings?|discussions|consultations|summit|round|delegations?|negotiators?|negotiating|diplomacy|diplomatic|ceasefire|truce|peace|deal|mediat\w+|brokered)\b/i;

const STOP = new Set([
  ...FUNCTION_WORDS,
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'to',
  'of',
  'and',
  'or',
  'said',
  'says',
  'will',
  'would',
  'could',
  'its',
  'their',
  'his',
  'her',
  'said',
]);

/* ------------------------------------------------------------ shared helpers */

interface Found {
  article: AnalyzedArticle;
  sentence: AnalyzedSentence;
}

function cite(f: Found): Citation {
  return citationOf(f.article.article, f.sentence.sentence);
}

/** Citations of a group of sentences: distinct sentences, articles in order, at most MAX_CITATIONS. */
function citations(found: Found[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  const sorted = [...found].sort(
    (a, b) =>
      a.article.article.id.localeCompare(b.article.article.id) || a.sentence.sentence.index - b.sentence.sentence.index,
  );
  // One sentence per article first, then further sentences, so corroboration shows before repetition.
  const articlesSeen = new Set<AnalyzedArticle>();
  const firsts = sorted.filter((f) => !articlesSeen.has(f.article) && articlesSeen.add(f.article));
  for (const f of [...firsts, ...sorted]) {
    const c = cite(f);
    const key = `${c.source}|${c.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= MAX_CITATIONS) break;
  }
  return out;
}

function sentences(articles: AnalyzedArticle[]): readonly Found[] {
  // Made once per corpus and read by each of the brief's passes (six of them), not made again in each.
  let list = FOUND.get(articles);
  if (!list) {
    list = [];
    for (const article of articles) for (const sentence of article.sentences) list.push({ article, sentence });
    FOUND.set(articles, list);
  }
  return list;
}
const FOUND = new WeakMap<AnalyzedArticle[], Found[]>();

/**
 * The same pattern without the global flag, for `test`: whether `text.matchAll(pattern)` finds anything,
 * read without matchAll's copy of the pattern and its iterator (most sentences match none of them).
 * A global pattern is only ever given to matchAll, never to `test` or `exec`: those move its lastIndex,
 * and matchAll (and the next `test`) would start from there in the next sentence.
 */
function anyOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('g', ''));
}

/** Text from `start` to the end of its clause (comma, semicolon, full stop, or a joining word). */
export function clauseFrom(text: string, start: number, maxWords = 18): string {
  const rest = text.slice(start);
  const end = rest.search(
    /(?<!\b\p{Lu})[;.!?](?:\s|$)|,\s+(?!and to\b|likely\b|probably\b|possibly\b)|\s+(?:while|though|although|but|whereas|even though)\s|"\s*,/u,
  );
  const clause = (end >= 0 ? rest.slice(0, end) : rest).replace(/["“”]/g, '').trim();
  const words = clause.split(/\s+/);
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')} …` : clause;
}

function keyOf(text: string): Set<string> {
  return new Set(contentWords(text, STOP).map(stem));
}

/** A key for one sentence of one article. */
function sentenceKey(f: Found): string {
  return `${f.article.article.id}#${f.sentence.sentence.index}`;
}

function speakerAt(s: AnalyzedSentence, position: number, names: NameIndex): string | null {
  const a = attributionFor(s.attributions, position);
  return a && a.kind !== 'place' ? names.canonical(a.name) : a ? a.name : null;
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) {
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}

/* ------------------------------------------------------------ participants */

const ROLE_ADJECTIVES = new Set(
  'special top chief senior former deputy lead leading national foreign defense defence security presidential military naval career acting first vice supreme allied personal'.split(
    ' ',
  ),
);
const PARTICIPATION =
  /\b(?:attended|attending|attend|participated|participating|took part|taking part|take part|joined|(?:was|were|is|are)\s+(?:also\s+)?present|(?:was|were)\s+(?:also\s+)?dispatched to|(?:has been|was|is)\s+central to|led the (?:\w+ )?delegation|heads? the (?:\w+ )?delegation|headed the (?:\w+ )?delegation|leading the (?:\w+ )?delegation)\b/gi;
const PASSIVE_BY =
  /\b(?:were|was|will be|would be|is|are|has been|have been)\s+(?:also\s+)?(?:attended|joined|led|headed)\b[^.]*?\bby\s/gi;
const ANY_PARTICIPATION = anyOf(PARTICIPATION);
const ANY_PASSIVE_BY = anyOf(PASSIVE_BY);
/** "The army delegation was led by X", "the RSF team was headed by Y": the team a person leads. */
const LED_BY =
  /\b(?:the\s+)?([\w.'-]+(?:\s+[\w.'-]+)?)\s+(?:delegation|team)\s+(?:was|is|will be|would be|has been)\s+(?:led|headed)\s+by\s+(?:[\w.'-]+\s+){0,4}$/i;
const TEAM_WORD = /delegation|team/i;
const CLAUSE_BREAK = /\b(?:said|says|told|according to|as noted by|added|that|while|;)\s/gi;
const NEGOTIATOR_ROLE = /\b(?:negotiator|delegation|delegate|mediator|envoy)\b/i;

interface RoleMention {
  person: string;
  role: string;
  countries: string[];
  possessor: string | null;
}

function isPerson(e: Entity): boolean {
  return e.kind === 'person' && !e.possessive;
}

/** Role words written before a name: "U.S. special envoy Steve Witkoff", "Russia's top negotiator, Admiral …". */
function roleBefore(tokens: Token[], entities: Entity[], e: Entity): Token[] {
  let i = e.tokenStart - 1;
  if (tokens[i]?.text === ',') i--;
  const picked: Token[] = [];
  let sawRole = false;
  for (; i >= 0 && picked.length < 10; i--) {
    const t = tokens[i];
    if (!t) break;
    const other = entities.find((x) => x !== e && x.tokenEnd === i + 1 && isPerson(x));
    if (other) break;
    const lower = t.lower.replace(/'s$/, '');
    if (ROLE_NOUNS.has(lower)) sawRole = true;
    const cap = isCapitalized(t.text) && /\p{L}/u.test(t.text);
    const joiner =
      (lower === 'and' || lower === 'of' || lower === 'to' || lower === 'in') &&
      isCapitalized(tokens[i + 1]?.text ?? '') &&
      (isCapitalized(tokens[i - 1]?.text ?? '') || ROLE_NOUNS.has(tokens[i - 1]?.lower ?? ''));
    if (cap || ROLE_NOUNS.has(lower) || ROLE_ADJECTIVES.has(lower) || joiner || t.text === '-') {
      if (cap && FUNCTION_WORDS.has(lower) && !countryOf(t.text)) break;
      picked.unshift(t);
      continue;
    }
    break;
  }
  while (picked[0] && ['and', 'of', 'to', 'in', '-'].includes(picked[0].lower)) picked.shift();
  return sawRole ? picked : [];
}

/** An apposition after a name: "Rustem Umerov, the head of Ukraine's National Security and Defense Council,". */
function roleAfter(tokens: Token[], e: Entity): Token[] {
  if (tokens[e.tokenEnd]?.text !== ',') return [];
  const picked: Token[] = [];
  let lastRole = -1;
  for (let i = e.tokenEnd + 1; i < tokens.length && picked.length < 14; i++) {
    const t = tokens[i];
    if (!t || t.text === ',' || t.text === '.' || t.text === ';' || t.text === '"') break;
    const lower = t.lower.replace(/'s$/, '');
    if (
      picked.length === 0 &&
      !(['the', 'a', 'an', 'former'].includes(lower) || isCapitalized(t.text) || ROLE_NOUNS.has(lower))
    )
      return [];
    // "the General Staff": a role word followed by a capitalized word is part of a name, not a role.
    const nextWord = tokens[i + 1];
    const inName =
      isCapitalized(t.text) &&
      nextWord !== undefined &&
      isCapitalized(nextWord.text) &&
      !ROLE_NOUNS.has(nextWord.lower.replace(/'s$/, ''));
    if (ROLE_NOUNS.has(lower) && !inName) lastRole = picked.length;
    picked.push(t);
  }
  if (lastRole < 0) return [];
  // "Denys Shmyhal, a spokesman said": the speaker of the sentence, not an apposition.
  const after = picked[lastRole + 1] ?? tokens[e.tokenEnd + 1 + picked.length];
  if (after && /^(?:said|says|told|added|confirmed|announced)$/.test(after.lower)) return [];
  // Keep the role noun and a capitalized complement ("of Ukraine's … Council", "in Europe"); drop the rest.
  let end = lastRole + 1;
  if (['of', 'in', 'to', 'for'].includes(picked[end]?.lower ?? '')) {
    let j = end + 1;
    while (
      j < picked.length &&
      (isCapitalized(picked[j]?.text ?? '') || ['and', 'of', 'the'].includes(picked[j]?.lower ?? ''))
    )
      j++;
    // "of the Norlandic delegation": a capitalized modifier may end in an organisation noun.
    if (j > end + 1 && isCapitalized(picked[j - 1]?.text ?? '') && TEAM_NOUNS.has(picked[j]?.lower ?? '')) j++;
    if (j > end + 1) end = j;
  }
  return picked.slice(0, end);
}

const TEAM_NOUNS = new Set([...ORG_WORDS, 'delegation', 'team', 'side', 'negotiators']);

function roleText(tokens: Token[], text: string): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) return '';
  return text
    .slice(first.start, last.end)
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
}

/** Who a role belongs to: countries in it, else a capitalized possessor ("Westmark's chief negotiator"). */
function countriesIn(tokens: Token[], entities: Entity[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const c = countryOf(t.text);
    if (c && isCapitalized(t.text)) out.push(c.name);
  }
  if (out.length) return out;
  const inPerson = (t: Token) => entities.some((e) => e.kind === 'person' && e.start <= t.start && e.end >= t.end);
  for (const t of tokens) {
    const lower = t.lower.replace(/'s$/, '');
    // Only a possessor names who the role belongs to ("Westmark's chief negotiator"), not any capital ("Board of Peace").
    if (!/'s$/.test(t.text)) continue;
    if (!isCapitalized(t.text) || inPerson(t) || NAME_TITLES.has(lower) || ROLE_NOUNS.has(lower)) continue;
    if (ORG_WORDS.has(lower) || ROLE_ADJECTIVES.has(lower)) continue;
    out.push(t.text.replace(/'s$/, ''));
    break;
  }
  return out;
}

function rolesIn(s: AnalyzedSentence, names: NameIndex): RoleMention[] {
  const out: RoleMention[] = [];
  let tokens: Token[] | undefined;
  for (const e of s.entities) {
    if (!isPerson(e)) continue;
    const person = names.canonical(e.name);
    const prefix = e.text.slice(0, e.text.length - e.name.length).trim();
    tokens ??= s.tokens;
    const before = roleBefore(tokens, s.entities, e);
    const after = roleAfter(tokens, e);
    for (const chunk of [before, after]) {
      if (!chunk.length) continue;
      const role = roleText(chunk, s.text);
      const possessorEntity = s.entities.find(
        (x) =>
          x.possessive && x.kind === 'person' && x.start >= (chunk[0]?.start ?? 0) && x.end <= (chunk.at(-1)?.end ?? 0),
      );
      out.push({
        person,
        role,
        countries: [...countriesIn(chunk, s.entities), ...(e.country ? [e.country.name] : [])],
        possessor: possessorEntity ? names.canonical(possessorEntity.name) : null,
      });
    }
    if (prefix) {
      out.push({ person, role: prefix, countries: e.country ? [e.country.name] : [], possessor: null });
    }
  }
  return out;
}

/** People the sentence says took part: subjects of "attended"/"was present", agents of "were joined by". */
function participantsIn(s: AnalyzedSentence): Entity[] {
  const out = new Set<Entity>();
  const people = s.entities.filter(isPerson);
  for (const m of ANY_PARTICIPATION.test(s.text) ? s.text.matchAll(PARTICIPATION) : []) {
    const at = m.index ?? 0;
    const before = s.text.slice(0, at);
    // "who did not attend the talks": not a participant.
    if (/\b(?:not|never|n't)\s+(?:\w+\s+)?$/i.test(before)) continue;
    if (/\bwho\s+(?:was|were|is|are|has been)?\s*(?:also\s+)?$/i.test(before)) {
      const antecedent = people.filter((e) => e.end <= at).at(-1);
      if (antecedent) out.add(antecedent);
      continue;
    }
    let from = 0;
    for (const b of before.matchAll(CLAUSE_BREAK)) from = (b.index ?? 0) + b[0].length;
    for (const e of people) if (e.start >= from && e.end <= at) out.add(e);
  }
  for (const m of ANY_PASSIVE_BY.test(s.text) ? s.text.matchAll(PASSIVE_BY) : []) {
    const from = (m.index ?? 0) + m[0].length;
    const rest = s.text.slice(from);
    const stop = rest.search(/\b(?:according to|as noted by|said|who)\b|(?<!\b\p{Lu})[.;](?:\s|$)/u);
    const to = from + (stop >= 0 ? stop : rest.length);
    for (const e of people) if (e.start >= from && e.end <= to) out.add(e);
  }
  return [...out];
}

/**
 * The sentence, or one of the five before it in its article, is about the talks or who took part, or its
 * section heading is ("## Ukraine: a team built around …"; "On Saturday they were joined by …").
 */
function aboutTalks(f: Found): boolean {
  let flags = ABOUT.get(f.article);
  if (!flags) {
    // One byte per sentence of the article, by its index (a Map per article held ~1.8 KB for 35 sentences).
    flags = new Uint8Array(f.article.article.sentences.length);
    let heading = false;
    /** How many sentences were read, and the count when the last one about the talks or a line-up was. */
    let read = 0;
    let lastRecent = Number.NEGATIVE_INFINITY;
    for (const s of f.article.sentences) {
      const talk = TALK_WORDS.test(s.text);
      if (HEADING.test(s.text)) heading = talk || LINE_UP.test(s.text);
      // One of the five sentences before it.
      if (talk || heading || lastRecent >= read - 5) flags[s.sentence.index] = 1;
      if (talk || LINE_UP.test(s.text)) lastRecent = read;
      read++;
    }
    ABOUT.set(f.article, flags);
  }
  return flags[f.sentence.sentence.index] === 1;
}
const ABOUT = new WeakMap<AnalyzedArticle, Uint8Array>();

/** For each sentence of an article, the country its section heading names ("## Ukraine: …"), if any. */
function sectionCountries(article: AnalyzedArticle): (string | null | undefined)[] {
  // By the sentence's index in its article: an array of exactly its length, not a Map per article.
  const out = new Array<string | null | undefined>(article.article.sentences.length).fill(undefined);
  let country: string | null = null;
  for (const s of article.sentences) {
    if (HEADING.test(s.text)) country = headingCountry(s.text.replace(HEADING, ''));
    out[s.sentence.index] = country;
  }
  return out;
}

const BULLET = /^\s*(?:[-*•–]|\d+[.)])\s+/;
const HEADING = /^\s*#{1,6}\s+/;
/** An introduction of who took part: "the team included:", "## The delegations", "Who was at the table". */
const LINE_UP =
  /\b(?:delegations?|teams?|negotiators?|participants?|line-up|lineup|took part|attended|included|includes|consisted|members?|at the table)\b/i;

/**
 * Members named in lists: a bulleted item ("- Kyrylo Budanov, head of …") under an introduction that
 * says who took part (the sentence before the list, its section heading, or the article title), with
 * the delegation named by the section heading ("## Ukraine: …") when it names a country.
 */
function listMembers(articles: AnalyzedArticle[]): { person: Entity; found: Found; delegation: string | null }[] {
  const out: { person: Entity; found: Found; delegation: string | null }[] = [];
  for (const article of articles) {
    const title = article.article.meta.title ?? article.sentences[0]?.text ?? '';
    let heading: string | null = null;
    let intro = '';
    for (const sentence of article.sentences) {
      const text = sentence.text;
      if (HEADING.test(text)) {
        heading = text.replace(HEADING, '');
        intro = '';
        continue;
      }
      if (!BULLET.test(text)) {
        // Only the first sentence of a paragraph can open a list item; the others continue it.
        if (sentence.sentence.index === 0 || !isSameParagraphAsPrevious(article, sentence)) intro = text;
        continue;
      }
      if (!LINE_UP.test(intro) && !LINE_UP.test(heading ?? '') && !LINE_UP.test(title)) continue;
      const person = sentence.entities.find((e) => isPerson(e) && e.start < 60);
      if (!person) continue;
      const country = heading ? headingCountry(heading) : null;
      out.push({ person, found: { article, sentence }, delegation: country });
    }
  }
  return out;
}

function isSameParagraphAsPrevious(article: AnalyzedArticle, s: AnalyzedSentence): boolean {
  const i = article.sentences.indexOf(s);
  return i > 0 && article.sentences[i - 1]?.sentence.paragraph === s.sentence.paragraph;
}

/** The country a section heading is about: "Ukraine: a team built around …" → Ukraine. */
function headingCountry(heading: string): string | null {
  const lead = heading.split(/[:—–-]/)[0] ?? '';
  const words = lead.trim().split(/\s+/);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const c = countryOf(words.slice(0, n).join(' '));
    if (c) return c.name;
  }
  // A heading that is a name before its colon ("Norland: a team of diplomats") names its party.
  const named = words.length <= 3 && words.every((w) => isCapitalized(w) && !FUNCTION_WORDS.has(w.toLowerCase()));
  return named && /[:—–]/.test(heading) ? words.join(' ').replace(/'s$/, '') : null;
}

function participants(articles: AnalyzedArticle[], names: NameIndex): TalksItem[] {
  const roles = new Map<string, { mentions: RoleMention[]; found: Found[] }>();
  const evidence = new Map<string, Found[]>();
  const team = new Map<string, string>();
  const sections = new Map<AnalyzedArticle, (string | null | undefined)[]>();
  const sectionsOf = (a: AnalyzedArticle) => {
    let m = sections.get(a);
    if (!m) {
      m = sectionCountries(a);
      sections.set(a, m);
    }
    return m;
  };
  for (const list of listMembers(articles)) {
    const person = names.canonical(list.person.name);
    pushTo(evidence, person, list.found);
    if (list.delegation && !team.has(person)) team.set(person, list.delegation);
  }
  for (const f of sentences(articles)) {
    // LED_BY needs "delegation" or "team": most sentences have neither.
    const namesTeam = TEAM_WORD.test(f.sentence.text);
    for (const e of f.sentence.entities) {
      const led = namesTeam && isPerson(e) ? LED_BY.exec(f.sentence.text.slice(0, e.start)) : null;
      if (led?.[1]) team.set(names.canonical(e.name), countryOf(led[1])?.name ?? `${led[1]} delegation`);
    }
    for (const r of rolesIn(f.sentence, names)) {
      const entry = roles.get(r.person) ?? { mentions: [], found: [] };
      entry.mentions.push(r);
      entry.found.push(f);
      roles.set(r.person, entry);
      if (NEGOTIATOR_ROLE.test(r.role) && TALK_WORDS.test(f.sentence.text) && /negotiator|delegat/i.test(r.role)) {
        pushTo(evidence, r.person, f);
      }
    }
    if (!aboutTalks(f) && !/dispatched to/i.test(f.sentence.text)) continue;
    for (const e of participantsIn(f.sentence)) {
      const person = names.canonical(e.name);
      pushTo(evidence, person, f);
      const section = sectionsOf(f.article)[f.sentence.sentence.index];
      if (section && !team.has(person)) team.set(person, section);
    }
  }
  const countryOfPerson = (person: string, depth = 0): string | null => {
    const mentions = roles.get(person)?.mentions ?? [];
    const direct = mostCommon(mentions.flatMap((m) => m.countries));
    if (direct || depth > 1) return direct;
    return mostCommon(mentions.map((m) => (m.possessor ? countryOfPerson(m.possessor, depth + 1) : null)));
  };
  const items: (TalksItem & { delegation: string; weight: number })[] = [];
  for (const [person, found] of evidence) {
    const mentions = roles.get(person)?.mentions ?? [];
    // A country named in a role beats the team or section it was listed in; a bare capitalized word does not.
    const fromRoles = countryOfPerson(person);
    const known = fromRoles && countryOf(fromRoles) ? fromRoles : null;
    const delegation = known ?? team.get(person) ?? fromRoles ?? 'delegation not stated';
    const roleList = pickRoles(mentions.map((m) => m.role));
    const summary = `${person} — ${roleList.length ? roleList.join('; ') : 'role not stated'} (${delegation})`;
    const sources = new Set(found.map((f) => f.article.article.id)).size;
    items.push({ topic: 'participants', summary, citations: citations(found), delegation, weight: sources });
  }
  const delegationWeight = new Map<string, number>();
  for (const it of items) delegationWeight.set(it.delegation, (delegationWeight.get(it.delegation) ?? 0) + it.weight);
  items.sort(
    (a, b) =>
      (delegationWeight.get(b.delegation) ?? 0) - (delegationWeight.get(a.delegation) ?? 0) ||
      a.delegation.localeCompare(b.delegation) ||
      b.weight - a.weight,
  );
  const parties = delegations(articles);
  return [...parties, ...items.map(({ topic, summary, citations: c }) => ({ topic, summary, citations: c }))];
}

/** Up to two distinct roles, most often written first; spellings of one role ("U.S."/"US") count together. */
function pickRoles(roles: string[]): string[] {
  const norm = (r: string) =>
    new Set(
      contentWords(r, STOP).map((w) => {
        const c = countryOf(w);
        return c ? c.name.toLowerCase() : stem(w);
      }),
    );
  const norms = new Map<string, Set<string>>();
  const normOf = (r: string) => {
    let n = norms.get(r);
    if (!n) {
      n = norm(r);
      norms.set(r, n);
    }
    return n;
  };
  const clusters = groupByBlocks(
    roles.filter(Boolean),
    (a, b) => jaccard(normOf(a), normOf(b)) >= 0.6 || a.toLowerCase() === b.toLowerCase(),
    { signature: (r) => r.toLowerCase(), index: normOf },
  );
  const ranked = clusters
    .map((c) => {
      const withCountry = c.filter((r) => r.split(/\s+/).some((w) => countryOf(w)));
      const rep = mostCommonLongest(withCountry.length ? withCountry : c) ?? c[0] ?? '';
      return { rep, size: c.length };
    })
    .sort((a, b) => b.size - a.size || b.rep.length - a.rep.length)
    .map((x) => x.rep);
  const out: string[] = [];
  for (const r of ranked) {
    const head = headRole(r);
    if (out.some((o) => o.toLowerCase().includes(r.toLowerCase()) || (head && headRole(o) === head))) continue;
    out.push(r);
    if (out.length === 2) break;
  }
  return out;
}

/** The last role noun of a role phrase ("envoy" in "U.S. special envoy"). */
function headRole(role: string): string | null {
  const words = role
    .toLowerCase()
    .replace(/'s\b/g, '')
    .split(/[^\p{L}-]+/u);
  return words.filter((w) => ROLE_NOUNS.has(w)).at(-1) ?? null;
}

const DELEGATION_WORDS = /\b(?:delegations?|negotiating teams?|negotiators|teams)\b/i;
const MEDIATION = /\b(?:mediated|brokered|facilitated|hosted)\b/i;

/** "Ukrainian and Russian delegations", "negotiators from Moscow and Kyiv", "US-brokered talks". */
function delegations(articles: AnalyzedArticle[]): TalksItem[] {
  const parties = new Map<string, Found[]>();
  const mediators = new Map<string, Found[]>();
  for (const f of sentences(articles)) {
    const { text } = f.sentence;
    const m = DELEGATION_WORDS.exec(text);
    if (m) {
      for (const party of partiesAround(f.sentence, m.index, m.index + m[0].length)) {
        pushTo(parties, party, f);
      }
    }
    for (const e of f.sentence.entities) {
      if (!e.country) continue;
      const around = text.slice(Math.max(0, e.start - 25), e.end + 12);
      const hyphen = /-(?:brokered|mediated)/i.test(text.slice(e.start, e.end + 12)) && TALK_WORDS.test(text);
      // "… by …" needs " by " in the window: only then is the pattern for this name made.
      const mediatedBy =
        / by /i.test(around) &&
        new RegExp(`(?:mediated|brokered|facilitated|hosted) by (?:the )?${escapeRe(e.text)}`, 'i').test(around);
      if (mediatedBy || hyphen || (MEDIATION.test(e.text) && TALK_WORDS.test(text))) {
        pushTo(mediators, e.country.name, f);
      }
    }
  }
  const out: TalksItem[] = [];
  // Parties named together belong to one set of talks; a corpus about two conflicts gives two lists.
  const names = [...parties.keys()];
  const groups = groupByBlocks(names, () => true, {
    link: (p) => (parties.get(p) ?? []).map(sentenceKey),
    index: () => [],
  });
  for (const group of groups) {
    out.push({
      topic: 'participants',
      summary: `Delegations: ${[...group].sort().join(', ')}`,
      citations: citations([...new Set(group.flatMap((p) => parties.get(p) ?? []))]),
    });
  }
  for (const [country, found] of mediators) {
    out.push({ topic: 'participants', summary: `Mediator: ${country}`, citations: citations(found) });
  }
  return out;
}

/**
 * The parties a delegation word names: demonyms right before it ("Russian, Ukrainian and American
 * negotiating teams") or names after "from"/"for" ("delegations from Moscow and Kyiv").
 */
function partiesAround(s: AnalyzedSentence, start: number, end: number): string[] {
  const out: string[] = [];
  const before = s.tokens.filter((t) => t.end <= start);
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i];
    if (!t) break;
    const c = countryOf(t.text);
    if (c && isCapitalized(t.text) && !/'s$/.test(t.text)) out.unshift(c.name);
    else if (!['and', ',', 'negotiating', 'the', 'two'].includes(t.lower)) break;
  }
  const after = /^\s+(?:from|for|of)\s+/.exec(s.text.slice(end));
  if (after) {
    const from = end + after[0].length;
    const clauseEnd =
      from + (s.text.slice(from).search(/[,;.](?:\s|$)|\s(?:on|in|at|were|was|have|has|held|met|ended)\s/) + 1 || 80);
    for (const e of s.entities) {
      if (e.start < from || e.end > clauseEnd) continue;
      if (e.kind === 'place' || e.kind === 'org') out.push(countryOf(e.text)?.name ?? e.name);
    }
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/* ------------------------------------------------------------ timeline */

const ORDINAL =
  /\b(first|second|third|fourth|fifth|sixth|latest|last|previous|earlier|next|final|new)\s+(?:(?:trilateral|bilateral|direct|peace)\s+)?(day|round|talks|meeting|negotiations)\b(?:\s+of\s+(?:[\w.-]+\s+){0,2}?(?:talks|negotiations))?/i;
const EVENT_VERB =
  /\b(?:held|hold|took place|convened|concluded|wrapped up|met|meet|resumed?|began|opened|ended|set to|continued|took|kicked off)\b/i;
const POSSESSIVE_DATE = /\b(last|this|next) (month|week|year)'s (?:talks|meeting|negotiations|round)\b/i;
const DATE_TALKS = /\b(?:talks|negotiations|meeting|round)\s+(last|this|next) (month|week)\b/i;

interface TalkEvent {
  label: string | null;
  ordinal: string | null;
  place: string | null;
  date: string | null;
  dateText: string | null;
  /** Every day the sentence gives the event ("on Wednesday and Thursday", "two days … ended on Saturday"). */
  days: string[];
  found: Found;
}

function placeIn(s: AnalyzedSentence): string | null {
  for (const e of s.entities) {
    if (e.kind !== 'place') continue;
    const before = s.text.slice(Math.max(0, e.start - 6), e.start);
    if (!/\bin\s+(?:the\s+)?$/i.test(before) && !/\bto\s+$/i.test(before)) continue;
    const c = countryOf(e.text);
    // A city or venue names a place of talks; a country after "in" often names the war ("in Ukraine").
    if (c && c.name === e.name && c.name.toLowerCase() === e.text.toLowerCase()) continue;
    return e.text;
  }
  return null;
}

function eventsIn(f: Found): TalkEvent[] {
  const { text } = f.sentence;
  if (!TALK_WORDS.test(text)) return [];
  const published = f.article.article.meta.published;
  const ordinal = ORDINAL.exec(text);
  const possessiveDate = POSSESSIVE_DATE.exec(text) ?? DATE_TALKS.exec(text);
  if (!ordinal && !possessiveDate && !EVENT_VERB.test(text)) return [];
  const dates = sentenceDateMentions(f.sentence.sentence, published).filter(
    (d) => d.iso && d.role !== 'start' && d.role !== 'compare' && d.role !== 'report',
  );
  // A date right after a verb of saying dates the statement ("Peskov said on Monday that the round would
  // take place on Wednesday"): the event's date is another one, if the sentence gives it.
  const eventDates = dates.filter((d) => d.role !== 'said');
  const date = eventDates[0] ?? dates[0] ?? null;
  const days = new Set(eventDates.map((d) => d.iso ?? '').filter((d) => d.length === 10));
  // "ended two days of talks on Saturday": the days before it belong to the same talks.
  const span = SPAN_ENDED.exec(text);
  const length = span ? (wordsToNumber(span[1] ?? '') ?? Number(span[1])) : 0;
  if (date?.iso?.length === 10 && length > 1 && length < 8) {
    for (let k = 1; k < length; k++) days.add(addDays(date.iso, -k));
  }
  const place = placeIn(f.sentence);
  if (!ordinal && !date) return [];
  if (!ordinal && !possessiveDate && !place) return [];
  const ord = ordinal?.[1]?.toLowerCase() ?? null;
  if (ord === 'next' || /\b(?:planned|will|set to resume)\b/i.test(text)) {
    if (!ordinal || ord === 'next') return [];
  }
  return [
    {
      label: ordinal ? ordinal[0].toLowerCase() : null,
      ordinal: ordinal ? `${ord} ${ordinal[2]?.toLowerCase()}` : null,
      place,
      date: date?.iso ?? null,
      dateText: date?.text ?? null,
      days: [...days].sort(),
      found: f,
    },
  ];
}

const SPAN_ENDED =
  /\b(?:ended|concluded|wrapped up|closed|finished|completed)\s+(?:their\s+|the\s+)?(two|three|four|five|\d)[- ]days?\b/i;

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** Two ordinals of the same noun that differ ("first round", "second round") name different talks. */
function ordinalsConflict(a: string | null, b: string | null, relative: (o: string | null) => boolean): boolean {
  if (!a || !b || a === b || relative(a) || relative(b)) return false;
  return a.split(' ').at(-1) === b.split(' ').at(-1);
}

function timeline(articles: AnalyzedArticle[]): TalksItem[] {
  // Sentence by sentence, not through an array of every sentence of the corpus.
  const events: TalkEvent[] = [];
  for (const f of sentences(articles)) for (const e of eventsIn(f)) events.push(e);
  const dated = events.filter((e) => e.date);
  // "the latest round" is the most recent event dated up to the article's publication (at the same place
  // when the sentence names one); "previous talks" is the one before it.
  // Distinct dates, sorted, of every dated event and of the events at each place (or at no stated place).
  const allDates = sortedUnique(dated.map((d) => d.date ?? ''));
  const placeDates = new Map<string, string[]>();
  for (const place of new Set(dated.map((d) => d.place).filter((p): p is string => !!p))) {
    placeDates.set(place, sortedUnique(dated.filter((d) => !d.place || d.place === place).map((d) => d.date ?? '')));
  }
  for (const e of events) {
    if (e.date) continue;
    const latest = /^(?:latest|new)\b/.test(e.ordinal ?? '');
    const previous = /^(?:previous|earlier|last)\b/.test(e.ordinal ?? '');
    if (!latest && !previous) continue;
    const published = e.found.article.article.meta.published ?? '9999';
    const pool = (e.place ? placeDates.get(e.place) : undefined) ?? (e.place ? noPlaceDates(dated) : allDates);
    const upTo = lastAtOrBefore(pool, published);
    if (latest) e.date = upTo >= 0 ? (pool[upTo] ?? null) : null;
    if (previous) e.date = monthBefore(pool, upTo);
  }
  const relative = (o: string | null) => /^(?:last|previous|earlier|latest|new)\b/.test(o ?? '');
  const fixedOrdinal = (e: TalkEvent) => (e.ordinal && !relative(e.ordinal) ? e.ordinal : null);
  const groups = groupByBlocks(
    events,
    (a, b) => {
      if (a.ordinal && b.ordinal && a.ordinal === b.ordinal && !relative(a.ordinal)) return true;
      if (a.date && b.date && a.date.slice(0, 7) === b.date.slice(0, 7)) {
        if (ordinalsConflict(a.ordinal, b.ordinal, relative)) return false;
        if (a.date.length === 7 || b.date.length === 7 || a.date === b.date) return true;
        // Days of one round of talks: two days apart at most, at the same place.
        if (a.place && b.place && a.place !== b.place) return false;
        return dayDistance(a.date, b.date) <= 2;
      }
      return false;
    },
    {
      // The same fixed ordinal ("second round") is one event; otherwise only events of one month can be.
      signature: (e) => (e.date || fixedOrdinal(e) ? `${e.ordinal}|${e.date}` : null),
      link: (e) => {
        const o = fixedOrdinal(e);
        return o ? [o] : [];
      },
      index: (e) => (e.date ? [e.date.slice(0, 7)] : []),
    },
  );
  const items = groups.map((g) => {
    const label = mostCommonLongest(g.map((e) => e.label)) ?? 'talks';
    const ordinalLabel = mostCommonLongest(g.map((e) => e.ordinal));
    const place = mostCommon(g.map((e) => e.place));
    const date = g
      .map((e) => e.date)
      .reduce<string | null>((best, d) => (d && (!best || d.length > best.length) ? d : best), null);
    const days = [...new Set(g.flatMap((e) => e.days))].sort();
    const first = days[0];
    const last = days.at(-1);
    const onDay = (d: string) => `${weekdayName(d)} ${d}`;
    const weekday = date && date.length === 10 ? weekdayName(date) : null;
    // A round is named by its round ordinal over a day ordinal ("second round" over "second day").
    const roundLabel = mostCommonLongest(
      g.map((e) => (/\bround$/.test(e.ordinal ?? '') && !relative(e.ordinal) ? e.ordinal : null)),
    );
    const bestOrdinal = roundLabel ?? ordinalLabel;
    const display = bestOrdinal && /\b(?:day|round)$/.test(bestOrdinal) ? `${bestOrdinal} of talks` : label;
    const parts = [capitalize(display)];
    if (place) parts.push(place);
    const range =
      first && last && first !== last && dayDistance(first, last) <= 3 ? `${onDay(first)} – ${onDay(last)}` : null;
    parts.push(range ?? (date ? (weekday ? `${weekday} ${date}` : date) : 'date not stated'));
    return {
      date,
      item: { topic: 'timeline' as const, summary: parts.join(' — '), citations: citations(g.map((e) => e.found)) },
    };
  });
  items.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return items.map((x) => x.item);
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function noPlaceDates(dated: TalkEvent[]): string[] {
  return sortedUnique(dated.filter((d) => !d.place).map((d) => d.date ?? ''));
}

/** Index of the last sorted value ≤ `bound` (−1 if none). */
function lastAtOrBefore(sorted: readonly string[], bound: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? '') <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The month before the month of `sorted[upTo]` among the sorted dates up to it: "the previous talks". */
function monthBefore(sorted: readonly string[], upTo: number): string | null {
  const last = sorted[upTo]?.slice(0, 7);
  if (last === undefined) return null;
  for (let i = upTo - 1; i >= 0; i--) {
    const month = sorted[i]?.slice(0, 7);
    if (month !== undefined && month !== last) return month;
  }
  return null;
}

function mostCommonLongest(values: (string | null)[]): string | null {
  const present = values.filter((v): v is string => !!v);
  if (!present.length) return null;
  const counts = new Map<string, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? null;
}

function weekdayName(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()] ?? '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/* ------------------------------------------------------------ outcomes and next steps */

const AGREED = /\b(?:agreed|agree|agreeing)\s+to\s+/gi;
const ANNOUNCED = /\b(?:announced|unveiled|reached|struck|signed|secured|achieved)\s+(?=(?:a|an|the)\s)/gi;
const NO_RESULT = /\b(?:produced|delivered|yielded|brought|achieved|made)\s+no\s+/gi;
const FUTURE =
  /\b(?:report back|continue|resume|meet again|further meetings?|next round|next meeting|coming (?:weeks|days|months)|planned|will (?:meet|hold|resume|continue)|plan to)\b/i;
const PLANNED =
  /\b(?:further|new|more|another|next)\s+(?:meetings?|talks|rounds?)\s+(?:are|is|were|was)\s+(?:planned|scheduled|expected)\b/gi;

/** Talks said to go on: the subject of the talks with a future verb of meeting. */
const WILL_MEET =
  /\b(?:the\s+)?(?:talks|negotiations|meetings?|round|delegations|negotiators|sides|envoys)\s+(?:will|would|are|is)\s+(?:(?:due|set|expected|scheduled|planned)\s+to\s+)?(?:continue|resume|reconvene|meet(?:\s+again)?|take place|be held)\b/gi;
const ANY_AGREED = anyOf(AGREED);
const ANY_ANNOUNCED = anyOf(ANNOUNCED);
const ANY_NO_RESULT = anyOf(NO_RESULT);
const ANY_PLANNED = anyOf(PLANNED);
const ANY_WILL_MEET = anyOf(WILL_MEET);

interface Statement {
  summary: string;
  key: Set<string>;
  numbers: Set<string>;
  speaker: string | null;
  found: Found;
}

/** The words before a verb back to the start of its clause: "the two sides" in "X said the two sides agreed". */
export function subjectBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  let from = 0;
  for (const m of before.matchAll(/[,;:]\s+|\b(?:said|says|saying|announced|that|while|though)\s+/gi)) {
    from = (m.index ?? 0) + m[0].length;
  }
  const subject = before
    .slice(from)
    .replace(/^(?:where|which|who|whom|when)\s+/i, '')
    .replace(/\b(?:have|has|had)\s+(?:meanwhile\s+|also\s+)?$/i, '')
    .replace(/\b(?:meanwhile|also|both|all)\s+$/i, '')
    .trim();
  const words = subject.split(/\s+/).filter(Boolean);
  return words.length && words.length <= 6 ? subject.replace(/^The\s+/, 'the ') : '';
}

/** The numbers a statement gives, by value ("1,710" and "1710" are one number; "two" is 2). */
function numbersIn(text: string): Set<string> {
  return new Set(findNumbers(text).map((m) => String(m.value)));
}

function statement(f: Found, at: number, body: string, names: NameIndex, prefix = ''): Statement {
  const summary = `${prefix}${body}`
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.]+$/, '')
    .trim();
  return {
    summary,
    key: keyOf(body),
    numbers: numbersIn(body),
    speaker: speakerInClause(f.sentence, at, names),
    found: f,
  };
}

/** Who said the clause at `at`: an attribution in the same clause (not across "though", "however"). */
function speakerInClause(s: AnalyzedSentence, at: number, names: NameIndex): string | null {
  const a = attributionFor(s.attributions, at);
  if (!a) return null;
  const [from, to] = a.at <= at ? [a.at, at] : [at, a.at];
  if (/\b(?:though|although|however|but|whereas|meanwhile)\b|[.;]\s/i.test(s.text.slice(from, to))) return null;
  return speakerAt(s, a.at, names);
}

const REPORTING_TAIL =
  /\s+(?:in|on)\s+(?:a|an|his|her|their|its)\s+(?:post|statement|interview|tweet|address|speech)\b.*$/i;

function outcomesAndNextSteps(
  articles: AnalyzedArticle[],
  names: NameIndex,
): { outcomes: Statement[]; next: Statement[] } {
  const outcomes: Statement[] = [];
  const next: Statement[] = [];
  for (const f of sentences(articles)) {
    const { text } = f.sentence;
    for (const m of ANY_AGREED.test(text) ? text.matchAll(AGREED) : []) {
      const at = m.index ?? 0;
      const body = clauseFrom(text, at + m[0].length).replace(REPORTING_TAIL, '');
      const subject = subjectBefore(text, at);
      const s = statement(f, at, body, names, subject ? `${subject} agreed to ` : 'agreed to ');
      if (FUTURE.test(body)) next.push(s);
      else outcomes.push(s);
    }
    for (const m of ANY_ANNOUNCED.test(text) ? text.matchAll(ANNOUNCED) : []) {
      if (!TALK_WORDS.test(text) && !/\b(?:exchange|swap|deal|agreement|ceasefire|truce)\b/i.test(text)) continue;
      const at = m.index ?? 0;
      const body = clauseFrom(text, at + m[0].length).replace(REPORTING_TAIL, '');
      if (
        !/\b(?:exchange|swap|release|deal|agreement|ceasefire|truce|accord|corridor|hotline|channel|memorandum)\b/i.test(
          body,
        )
      )
        continue;
      outcomes.push(statement(f, at, body, names));
    }
    for (const m of ANY_NO_RESULT.test(text) ? text.matchAll(NO_RESULT) : []) {
      const at = m.index ?? 0;
      const body = `no ${clauseFrom(text, at + m[0].length, 6)}`;
      outcomes.push(statement(f, at, body, names));
    }
    // Only the patterns without the global flag are tested: `test` on a global one keeps its lastIndex
    // from sentence to sentence, and matchAll starts its copy there, so what a sentence yields would
    // depend on the sentences read before it.
    const planned = ANY_PLANNED.test(text);
    for (const m of planned ? text.matchAll(PLANNED) : []) {
      const at = m.index ?? 0;
      next.push(statement(f, at, clauseFrom(text, at), names));
    }
    // "The talks will continue on Friday", "negotiators are due to meet again next week".
    if (planned) continue;
    for (const m of ANY_WILL_MEET.test(text) ? text.matchAll(WILL_MEET) : []) {
      const at = m.index ?? 0;
      // The rest of the noun phrase before it: "the second round of trilateral talks would take place …".
      const lead = subjectBefore(text, at);
      next.push(statement(f, at, clauseFrom(text, at), names, lead ? `${lead} ` : ''));
    }
  }
  return { outcomes, next };
}

function similarStatements(a: Statement, b: Statement): boolean {
  const sharedNumber = [...a.numbers].some((n) => b.numbers.has(n));
  if (a.numbers.size && b.numbers.size && !sharedNumber) return false;
  return sharedNumber || jaccard(a.key, b.key) >= 0.34;
}

/** A definite "The hotline …" right after an outcome names it: attach it as a citation and a label. */
function bridging(group: Statement[]): { label: string | null; extra: Found[] } {
  for (const s of group) {
    const list = s.found.article.sentences;
    const i = list.indexOf(s.found.sentence);
    const nextSentence = list[i + 1];
    if (!nextSentence) continue;
    const m = /^The ([a-z][a-z-]+)\b/.exec(nextSentence.text);
    const noun = m?.[1];
    if (!noun || STOP.has(noun)) continue;
    const earlier = list
      .slice(0, i + 1)
      .map((x) => x.text.toLowerCase())
      .join(' ');
    if (!new RegExp(`\\b${noun}\\b`).test(earlier)) {
      return { label: noun, extra: [{ article: s.found.article, sentence: nextSentence }] };
    }
  }
  return { label: null, extra: [] };
}

function statementItems(topic: TalksTopic, list: Statement[]): TalksItem[] {
  const groups = groupByBlocks(list, similarStatements, {
    // Same words and numbers: always similar (when there is something to compare).
    signature: (st) => (st.key.size || st.numbers.size ? `${[...st.key].sort()}|${[...st.numbers].sort()}` : null),
    // A shared number joins two statements that both have numbers.
    link: (st) => [...st.numbers].map((n) => `n:${n}`),
    // Word overlap is compared only where a statement without numbers is involved.
    index: (st) => [...st.key].map((k) => `w:${k}`),
    query: (st) => (st.numbers.size ? [] : [...st.key].map((k) => `w:${k}`)),
  });
  const items = groups.map((g) => {
    const best = [...g].sort(
      (a, b) =>
        b.numbers.size - a.numbers.size ||
        Number(/agreed/.test(b.summary)) - Number(/agreed/.test(a.summary)) ||
        a.summary.length - b.summary.length,
    )[0] as Statement;
    const speaker = mostCommon(g.map((s) => s.speaker));
    const bridge = topic === 'outcomes' ? bridging(g) : { label: null, extra: [] };
    const summary =
      capitalize(best.summary) + (bridge.label ? ` (the ${bridge.label})` : '') + (speaker ? ` — per ${speaker}` : '');
    const sources = new Set(g.map((s) => s.found.article.article.id)).size;
    return { sources, item: { topic, summary, citations: citations([...g.map((s) => s.found), ...bridge.extra]) } };
  });
  return items.sort((a, b) => b.sources - a.sources).map((x) => x.item);
}

/* ------------------------------------------------------------ sticking points */

const POSITION =
  /\b(?:insists?|insisted|insisting)\s+on\s+|\b(?:demands?|demanded|demanding)\s+(?:for\s+)?|\bdemand\s+for\s+|\b(?:refused|refuses|refuse)\s+to\s+|\b(?:rejected|rejects|reject)\s+|\b(?:opposed|opposes|oppose)\s+|\b(?:wants?|wanted)\s+|\bseeks?\s+|\bseeking\s+|\bis\s+trying\s+to\s+(?:hammer\s+out|secure|win|get|obtain)\s+|\bnecessity\s+for\s+|\bneed\s+for\s+|\b(?:deadlocked|stalled|stuck)\s+over\s+|\bsticking\s+points?\s+(?:is|remains|was)\s+|\bclash(?:es)?\s+with\s+|\bas\s+(?:a\s+|the\s+)?(?:central|key|main|core)\s+issue\b|\bas\s+"key/gi;
const ANY_POSITION = anyOf(POSITION);
const GENERIC = new Set(
  'issue futur control question point deal posit stanc side part region eastern western southern northern complet strong full real ani all such those these strateg clear main central kei precondit take entireti includ'.split(
    ' ',
  ),
);

interface Position {
  text: string;
  topic: string | null;
  key: Set<string>;
  /** Adjacent content-word pairs ("secur guarante"): the same two-word issue named in two sentences. */
  pairs: Set<string>;
  anaphoric: boolean;
  hasActor: boolean;
  found: Found;
}

/** Where the actor of a position starts: a name a few words before the cue ("Kyiv, meanwhile, has rejected"). */
function actorStart(s: AnalyzedSentence, at: number): number | null {
  const e = s.entities
    .filter((x) => x.end <= at && (x.kind === 'person' || x.kind === 'place' || x.kind === 'org'))
    .at(-1);
  if (!e) return null;
  const between = s.text.slice(e.end, at);
  if (between.split(/\s+/).length > 5 || /[;]|\b(?:that|which|who|when|where|and|but)\b/.test(between)) return null;
  return e.start;
}

function properTopic(s: AnalyzedSentence, from: number, to: number): string | null {
  let cached: Token[] | undefined;
  const tokensOf = () => {
    cached ??= s.tokens;
    return cached;
  };
  const e = s.entities.find(
    (x) =>
      x.start >= from &&
      x.end <= to &&
      !PEOPLE_NOUNS.has(tokensOf()[x.tokenEnd]?.lower ?? '') &&
      (x.kind === 'other' || (x.kind === 'place' && !countryOf(x.text))) &&
      /^[A-Z][a-z]/.test(x.text) &&
      !isWeekdayOrMonth(x.text) &&
      !/^(?:West|East|North|South)$/.test(x.text),
  );
  return e ? e.text.replace(/'s$/, '') : null;
}

function topicKey(object: string): Set<string> {
  return new Set(
    contentWords(object, STOP)
      .filter((w) => !countryOf(w) && !/^\d/.test(w))
      .map(stem)
      .filter((w) => !GENERIC.has(w) && w.length > 3),
  );
}

/** Words of a settlement: a position on them is a sticking point wherever it is written. */
const SETTLEMENT =
  /\b(?:settlement|agreement|accord|deal|concessions?|withdrawal|ceasefire|truce|guarantees?|assurances?)\b/i;

function positions(articles: AnalyzedArticle[]): Position[] {
  const out: Position[] = [];
  for (const f of sentences(articles)) {
    // A position is a sticking point of the talks only where the text is about the talks.
    if (!aboutTalks(f) && !SETTLEMENT.test(f.sentence.text)) continue;
    const { text } = f.sentence;
    for (const m of ANY_POSITION.test(text) ? text.matchAll(POSITION) : []) {
      const at = m.index ?? 0;
      const cue = m[0]
        .trim()
        .replace(/^as\s+"?/, '')
        .replace(/"$/, '');
      let object: string;
      let phrase: string;
      let hasActor = false;
      if (/issue|key/i.test(m[0]) && /\bas\b/i.test(m[0])) {
        const d = /\b(?:described|describes|describing|called|sees|considers)\s+(.+?)\s*$/i.exec(text.slice(0, at));
        if (!d) continue;
        object = d[1] ?? '';
        const start = actorStart(f.sentence, d.index);
        hasActor = start !== null;
        const lead = start !== null ? text.slice(start, d.index) : '';
        phrase = `${lead}described ${object} as ${/key/i.test(cue) ? 'key' : cue}`;
      } else {
        object = clauseFrom(text, at + m[0].length, 14);
        const start = actorStart(f.sentence, at);
        hasActor = start !== null;
        const lead = start !== null ? text.slice(start, at) : `${subjectBefore(text, at)} `;
        phrase = `${lead}${m[0].trim()} ${object}`;
      }
      // "a list of children it wanted returned": the object stands before the verb, not after it.
      if (/^\s*\w+ed\b(?:\s*[,.;]|\s*$)/.test(object)) continue;
      const key = topicKey(object);
      const topic =
        properTopic(f.sentence, at, at + m[0].length + object.length + 2) ?? properTopic(f.sentence, at, text.length);
      if (!key.size && !topic) continue;
      const stems = contentWords(object, STOP).map(stem);
      out.push({
        text: phrase
          .replace(/\s+/g, ' ')
          .replace(/[\s,;:]+$/, '')
          .trim(),
        topic,
        key,
        pairs: new Set(
          stems
            .slice(1)
            .map((w, i) => `${stems[i]} ${w}`)
            .filter((p) => !p.split(' ').some((w) => GENERIC.has(w))),
        ),
        anaphoric: /^(?:\S+\s+){0,2}(?:those|these|the same|such)\b/i.test(object),
        hasActor,
        found: f,
      });
    }
  }
  return out;
}

function isWeekdayOrMonth(word: string): boolean {
  return /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i.test(
    word,
  );
}

function stickingPoints(articles: AnalyzedArticle[]): TalksItem[] {
  const list = positions(articles);
  // "refused to cede those territories" continues the sticking point of the sentence before it.
  const previous = new Map<Position, Position>();
  list.forEach((p, i) => {
    const prev = list[i - 1];
    if (p.anaphoric && prev && prev.found.article === p.found.article && prev.found.sentence !== p.found.sentence) {
      previous.set(p, prev);
    }
  });
  const adjacent = (a: Position, b: Position) =>
    a.found.article === b.found.article &&
    a.found.sentence.sentence.paragraph === b.found.sentence.sentence.paragraph &&
    Math.abs(a.found.sentence.sentence.index - b.found.sentence.sentence.index) <= 1;
  const withTopic = (p: Position) => (p.topic ? 't' : 'u');
  const groups = groupByBlocks(
    list,
    (a, b) => {
      if (previous.get(a) === b || previous.get(b) === a || a.found.sentence === b.found.sentence) return true;
      if (a.topic && b.topic) return a.topic === b.topic;
      const shared = [...a.key].some((k) => b.key.has(k));
      const sharedPair = [...a.pairs].some((k) => b.pairs.has(k));
      return jaccard(a.key, b.key) >= 0.34 || sharedPair || (shared && adjacent(a, b));
    },
    {
      signature: (p) => `${p.topic}|${p.text}|${[...p.key].sort()}|${[...p.pairs].sort()}`,
      // One sentence is one sticking point; "those territories" continues the one before it; one named topic is one point.
      link: (p) => {
        const prev = previous.get(p);
        return [
          `s:${sentenceKey(p.found)}`,
          ...(prev ? [`s:${sentenceKey(prev.found)}`] : []),
          ...(p.topic ? [`t:${p.topic}`] : []),
        ];
      },
      // Two named topics decide by name alone; words are compared where one side names none.
      index: (p) => [
        ...[...p.key].map((k) => `${withTopic(p)}k:${k}`),
        ...[...p.pairs].map((k) => `${withTopic(p)}p:${k}`),
      ],
      query: (p) => [
        ...[...p.key].flatMap((k) => (p.topic ? [`uk:${k}`] : [`uk:${k}`, `tk:${k}`])),
        ...[...p.pairs].flatMap((k) => (p.topic ? [`up:${k}`] : [`up:${k}`, `tp:${k}`])),
      ],
    },
  );
  const items = groups.map((g) => {
    const topic = mostCommon(g.map((p) => p.topic)) ?? mostCommonKeyPhrase(g);
    const ranked = [...g].sort(
      (a, b) =>
        Number(b.text.includes(topic)) - Number(a.text.includes(topic)) ||
        Number(b.hasActor) - Number(a.hasActor) ||
        a.text.length - b.text.length,
    );
    const texts: string[] = [];
    for (const p of ranked) {
      if (texts.some((t) => jaccard(keyOf(t), keyOf(p.text)) >= 0.4)) continue;
      texts.push(p.text);
      if (texts.length === 3) break;
    }
    const sources = new Set(g.map((p) => p.found.article.article.id)).size;
    return {
      sources,
      item: {
        topic: 'sticking-points' as const,
        summary: `${capitalize(topic)}: ${texts.join('; ')}`,
        citations: citations(g.map((p) => p.found)),
      },
    };
  });
  return items.sort((a, b) => b.sources - a.sources).map((x) => x.item);
}

/** A label for a group without a proper noun: its most shared stem, as written, with the word after it. */
function mostCommonKeyPhrase(group: Position[]): string {
  const counts = new Map<string, number>();
  for (const p of group) for (const k of p.key) counts.set(k, (counts.get(k) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'issue';
  const written = group.flatMap((p) => p.text.split(/[^\p{L}-]+/u)).find((w) => stem(w) === top) ?? top;
  const after = new RegExp(`\\b${escapeRe(written)}\\s+(\\p{L}+)`, 'iu');
  const following = group
    .map((p) => after.exec(p.text)?.[1]?.toLowerCase())
    .filter((w): w is string => !!w && !STOP.has(w) && w.length > 3);
  const next = mostCommon(following);
  return next ? `${written} ${next}` : written;
}

/* ------------------------------------------------------------ reactions */

const DESCRIBED = /\b(?:described|describing|describes|called|calling)\s+(.{3,80}?)\s+as\s+"?([^",.;]{3,80})/gi;
const QUOTE = /"([^"]{8,240})"/g;
const ANY_DESCRIBED = anyOf(DESCRIBED);
const ANY_QUOTE = anyOf(QUOTE);
const EVALUATIVE =
  /\b(?:productive|constructive|substantive|positive|negative|progress|breakthrough|optimistic|pessimistic|doing (?:very )?well|no sign|tangible|results|success|failure|encouraging|disappointing|useful|frank|difficult|transparency|de-escalation|ready|hope|hopeful|closer)\b/i;

/** Overlap of two key sets relative to the smaller one. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = Math.min(a.size, b.size);
  if (!small) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / small;
}

/** The subject right before "described"/"describing" (skipping a comma): "Steve Witkoff described …". */
function subjectOfVerb(s: AnalyzedSentence, at: number, names: NameIndex): string | null {
  const e = s.entities
    .filter((x) => x.kind === 'person' || x.kind === 'org')
    .filter((x) => !x.possessive && x.end <= at && /^[\s,]*$/.test(s.text.slice(x.end, at)))
    .at(-1);
  return e ? names.canonical(e.name) : null;
}

/** The clause around a short quote: "Putin has shown no sign that he is willing to "start real negotiations."" */
/**
 * The clause a short quote completes, up to the quote's end: 'The document is "100% ready,"' (the words
 * after it, "he told reporters there", are the attribution); after a verb of saying, what was said.
 */
function clauseEndingAt(text: string, quoteStart: number, quoteEnd: number): string {
  const before = text.slice(0, quoteStart);
  const cut = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '));
  const lead = text.slice(cut >= 0 ? cut + 2 : 0, quoteEnd);
  const said = /^.*?\b(?:said|says|told [\w ]{1,30}?)\s+(?:that\s+)?/i.exec(lead);
  const words = (said ? lead.slice(said[0].length) : lead).replace(/"/g, '').trim().split(/\s+/);
  return words.length > 24 ? `${words.slice(0, 24).join(' ')} …` : words.join(' ');
}

function reactions(articles: AnalyzedArticle[], names: NameIndex, used: Statement[]): TalksItem[] {
  const list: Statement[] = [];
  const usedBySentence = new Map<AnalyzedSentence, Statement[]>();
  for (const u of used) pushTo(usedBySentence, u.found.sentence, u);
  const taken = (f: Found, key: Set<string>) =>
    (usedBySentence.get(f.sentence) ?? []).some((u) => overlap(u.key, key) >= 0.5);
  for (const f of sentences(articles)) {
    const { text } = f.sentence;
    const described = (ANY_DESCRIBED.test(text) ? [...text.matchAll(DESCRIBED)] : []).filter(
      (m) => TALK_WORDS.test(m[1] ?? '') || /\bday\b/i.test(m[1] ?? ''),
    );
    for (const m of described) {
      const at = m.index ?? 0;
      const phrase = (m[2] ?? '').trim().replace(/^'|'$/g, '');
      const s = statement(f, at, phrase, names);
      s.speaker = subjectOfVerb(f.sentence, at, names);
      list.push({ ...s, summary: `described ${m[1] ?? 'the talks'} as "${phrase}"` });
    }
    if (described.length || !f.sentence.attributions.length) continue;
    let quoted = false;
    for (const m of ANY_QUOTE.test(text) ? text.matchAll(QUOTE) : []) {
      quoted = true;
      const quote = (m[1] ?? '').replace(/[,.]$/, '');
      if (!EVALUATIVE.test(quote) && !TALK_WORDS.test(quote)) continue;
      const at = m.index ?? 0;
      const short = quote.split(/\s+/).length < 6;
      const body = short ? clauseEndingAt(text, at, at + m[0].length) : quote;
      const s = statement(f, at, body, names);
      if (!s.speaker || taken(f, s.key)) continue;
      list.push({ ...s, summary: short ? body.replace(/[\s,;:.]+$/, '') : `"${quote}"` });
    }
    if (quoted || !TALK_WORDS.test(text)) continue;
    const say = /\b(?:said|says)\s+(?:that\s+)?/i.exec(text);
    if (!say) continue;
    const body = clauseFrom(text, say.index + say[0].length, 18);
    if (!EVALUATIVE.test(body)) continue;
    const s = statement(f, say.index, body, names);
    if (s.speaker && !taken(f, s.key)) list.push(s);
  }
  // Reactions of one speaker group by overlap; an unattributed one joins only a reaction that contains it.
  const groups = groupByBlocks(
    list,
    (a, b) =>
      a.speaker && b.speaker ? a.speaker === b.speaker && overlap(a.key, b.key) >= 0.5 : overlap(a.key, b.key) === 1,
    {
      signature: (st) => (st.key.size ? `${st.speaker}|${[...st.key].sort()}` : null),
      // Overlap needs a shared word: one speaker's reactions meet each other and the unattributed ones.
      index: (st) => [...st.key].flatMap((k) => (st.speaker ? [`s:${st.speaker}:${k}`, `any:${k}`] : [`none:${k}`])),
      query: (st) =>
        [...st.key].flatMap((k) => (st.speaker ? [`s:${st.speaker}:${k}`, `none:${k}`] : [`any:${k}`, `none:${k}`])),
    },
  );
  const items = groups.map((g) => {
    const speaker = mostCommon(g.map((s) => s.speaker));
    const best = [...g].sort((a, b) => a.summary.length - b.summary.length)[0] as Statement;
    const sources = new Set(g.map((s) => s.found.article.article.id)).size;
    return {
      sources,
      item: {
        topic: 'reactions' as const,
        summary: `${speaker ?? 'Unattributed'}: ${best.summary}`,
        citations: citations(g.map((s) => s.found)),
      },
    };
  });
  return items.sort((a, b) => b.sources - a.sources).map((x) => x.item);
}

/* ------------------------------------------------------------ brief */

/** Builds the talks brief for a corpus. Pure: the same corpus gives the same brief. */
export function buildTalksBrief(corpus: Corpus): TalksBrief {
  const { articles, names } = analyzeCorpus(corpus, 'talks');
  const { outcomes, next } = outcomesAndNextSteps(articles, names);
  return {
    items: [
      ...timeline(articles),
      ...participants(articles, names),
      ...statementItems('outcomes', outcomes),
      ...stickingPoints(articles),
      ...statementItems('next-steps', next),
      ...reactions(articles, names, [...outcomes, ...next]),
    ],
  };
}

/** Keeps the items of one topic (all items when no topic is given). */
export function filterTalks(brief: TalksBrief, topic?: TalksTopic): TalksBrief {
  return topic ? { items: brief.items.filter((i) => i.topic === topic) } : brief;
}
