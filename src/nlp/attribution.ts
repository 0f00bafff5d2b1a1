/**
 * Who says what: attributions inside a sentence ("X said", "according to X", "X's report",
 * "a report by X", "which put …") and pronouns resolved through the article read so far
 * ("he said" → the last person quoted, "its report" / "the same report" → the last organisation cited).
 */

import { ORG_WORDS, REPORT_NOUNS, ROLE_NOUNS, SAY_VERBS } from '../extract/lexicon.js';
import type { Entity, EntityKind } from './entities.js';
import type { Token } from './tokens.js';

export type AttributionVia =
  | 'according'
  | 'subject'
  | 'inverted'
  | 'possessive'
  | 'by'
  | 'adjunct'
  | 'pronoun'
  | 'report-ref'
  | 'relative'
  | 'cataphora'
  /** A transcript's speaker label ("SOUSA: …") over its paragraph. */
  | 'speaker';

export interface Attribution {
  /** The claimant as named in the article (not yet canonical). */
  name: string;
  kind: EntityKind;
  /** Offset in the sentence of the attribution (the claimant's mention, or the pronoun). */
  at: number;
  via: AttributionVia;
  /** The claim is carried by a document ("its report", "X's statement", "a report by X"). */
  report: boolean;
}

/** What the article has said so far, for resolving "he", "its report", "the same report". */
export interface ArticleMemory {
  /** People, organisations and places mentioned, in reading order. */
  mentions: { name: string; kind: EntityKind; sentence: number; possessive?: boolean }[];
  /** Claimants found, in reading order. */
  claimants: { name: string; kind: EntityKind; sentence: number; report: boolean }[];
}

export function newMemory(): ArticleMemory {
  return { mentions: [], claimants: [] };
}

const SKIP_BEFORE_VERB = new Set([
  'has',
  'have',
  'had',
  'also',
  'previously',
  'last',
  'later',
  'then',
  'further',
  'meanwhile',
  'however',
  'reportedly',
  'once',
  'again',
  'first',
  'separately',
  'earlier',
  'on',
  'late',
  'early',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  ',',
]);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their']);
/** Verbs of saying that are also plural nouns ("counts", "reports", "estimates"). */
const NOUN_HOMOGRAPHS = new Set([
  'counts',
  'reports',
  'estimates',
  'claims',
  'records',
  'notes',
  'documents',
  'figures',
]);
/** Words before such a word that make it the noun: "early counts", "the reports", "initial estimates". */
const NOUN_BEFORE = new Set([
  'the',
  'a',
  'its',
  'their',
  'his',
  'her',
  'these',
  'those',
  'early',
  'earlier',
  'late',
  'later',
  'first',
  'initial',
  'preliminary',
  'official',
  'latest',
  'new',
  'media',
  'news',
]);
const RELATIVES = new Set(['which', 'that', 'who']);
const REPORTISH = new Set([
  ...REPORT_NOUNS,
  'announcement',
  'disclosure',
  'claim',
  'claims',
  'published',
  'released',
  'issued',
  'given',
  'compiled',
  'conducted',
  'commissioned',
]);
const DOC_NOUNS = new Set([...REPORT_NOUNS, 'announcement', 'disclosure', 'claim']);
const LOWER_ORG_TAIL = new Set([
  ...ORG_WORDS,
  'think',
  'tank',
  'air',
  'health',
  'emergency',
  'officials',
  'authorities',
  'prosecutors',
  'military',
  'media',
  'outlet',
  'channel',
  'monitors',
  'forces',
]);

const CLAIMANT_KINDS: ReadonlySet<EntityKind> = new Set(['person', 'org', 'place']);

function entityStartingNear(entities: Entity[], tokenIndex: number, window: number): Entity | undefined {
  return entities.find(
    (e) => e.tokenStart >= tokenIndex && e.tokenStart <= tokenIndex + window && CLAIMANT_KINDS.has(e.kind),
  );
}

function entityEndingAt(entities: Entity[], tokenEnd: number): Entity | undefined {
  return entities.find((e) => e.tokenEnd === tokenEnd && (CLAIMANT_KINDS.has(e.kind) || e.kind === 'other'));
}

/** "the Ukrainian air force", "a U.S. think tank": a place followed by lower-case organisation nouns. */
function claimantName(e: Entity, tokens: Token[]): { name: string; kind: EntityKind } | null {
  if (e.kind !== 'place' || e.possessive) return { name: e.name, kind: e.kind === 'other' ? 'person' : e.kind };
  // "the Ukrainian president": a role, not the country, and not a name we can cite.
  if (ROLE_NOUNS.has(tokens[e.tokenEnd]?.lower ?? '')) return null;
  const tail: string[] = [];
  for (let i = e.tokenEnd; i < tokens.length && tail.length < 3; i++) {
    const t = tokens[i];
    if (!t || !LOWER_ORG_TAIL.has(t.lower)) break;
    tail.push(t.text);
  }
  return tail.length
    ? { name: `${e.text.replace(/^the\s+/i, '')} ${tail.join(' ')}`, kind: 'org' }
    : { name: e.name, kind: 'place' };
}

const GROUP_NOUN =
  /^(?:officials|authorities|mediators|negotiators|diplomats|sources|prosecutors|police|forces|troops|military|army|monitors|investigators|doctors|medics|rescuers|officers|leaders|lawmakers|media)$/;

/** "Swiss mediators said", "Ukrainian officials said": a country word and a group noun as the speaker. */
function groupSubject(entities: Entity[], tokens: Token[], k: number): Entity | undefined {
  const noun = tokens[k];
  if (!noun || !GROUP_NOUN.test(noun.lower)) return undefined;
  const e = entities.find((x) => x.tokenEnd === k && x.kind === 'place' && !x.possessive);
  return e ? { ...e, kind: 'org', name: `${e.text.replace(/^the\s+/i, '')} ${noun.text}`, tokenEnd: k + 1 } : undefined;
}

function lastMention(memory: ArticleMemory, kinds: readonly EntityKind[], sentence: number): string | null {
  // The first claimant of the most recent sentence that had one of the wanted kind (the salient subject).
  for (let s = sentence; s >= 0; s--) {
    const c = memory.claimants.find((x) => x.sentence === s && kinds.includes(x.kind));
    if (c) return c.name;
    // Else its first mention of that kind: the subject ("X accused Y of … . '…,' he wrote": X, not Y), not
    // a possessor ("the mayor Ivo Kask's deputy, Lena Varga, …": Varga).
    const here = memory.mentions.filter((x) => x.sentence === s && kinds.includes(x.kind));
    const m = here.find((x) => !x.possessive) ?? here[0];
    if (m) return m.name;
  }
  return null;
}

function resolvePronoun(
  pronoun: string,
  memory: ArticleMemory,
  sentence: number,
  before: Entity[],
): { name: string; kind: EntityKind } | null {
  const personal = pronoun === 'he' || pronoun === 'she' || pronoun === 'his' || pronoun === 'her';
  const kinds: EntityKind[] = personal ? ['person'] : ['org', 'place'];
  const here = [...before].reverse().find((e) => kinds.includes(e.kind));
  if (here) return { name: here.name, kind: here.kind };
  // "Ferry operator Seaways said … . It said …": "it" is who spoke just before, when that is a body — or a
  // one-word name, which a descriptive title before it ("grid operator") may have typed as a person.
  if (!personal) {
    const spoke = memory.claimants.filter((c) => c.sentence === sentence - 1 && !c.report).at(-1);
    if (spoke && (spoke.kind === 'org' || (spoke.kind === 'person' && !/\s/.test(spoke.name))))
      return { name: spoke.name, kind: spoke.kind };
  }
  for (const k of kinds) {
    const name = lastMention(memory, [k], sentence - 1);
    if (name) return { name, kind: k };
  }
  return null;
}

function resolveReport(memory: ArticleMemory): { name: string; kind: EntityKind } | null {
  const reports = memory.claimants.filter((c) => c.report);
  const c = reports.at(-1) ?? memory.claimants.filter((x) => x.kind === 'org').at(-1);
  return c ? { name: c.name, kind: c.kind } : null;
}

export interface SentenceView {
  text: string;
  tokens: Token[];
  entities: Entity[];
}

/**
 * Attributions in one sentence. `next` is the following sentence of the same paragraph, for
 * "a recent analysis revealed … . The report by X …".
 */
/** Words of a claimant named in lower case: the body or office it ends with ("agency", "prosecutors"). */
function claimantHead(word: string): boolean {
  const singular = word.replace(/s$/, '');
  return (
    ORG_WORDS.has(word) ||
    ROLE_NOUNS.has(singular) ||
    /^(?:officials|authorities|prosecutors|investigators|police|rescuers|medics|doctors)$/.test(word)
  );
}

/**
 * The lower-case noun phrase ending at token `k` as a claimant: at most four words, its last a body or an
 * office ("the coast guard", "local prosecutors", "officials"), opened by "the" or by the
 * start of its clause. Null when it is not one.
 */
function describedSubject(tokens: Token[], k: number): { name: string; at: number } | null {
  const head = tokens[k];
  if (!head || head.lower !== head.text || !claimantHead(head.lower)) return null;
  let first = k;
  while (first > 0 && k - first < 3) {
    const prev = tokens[first - 1];
    if (
      !prev ||
      prev.lower !== prev.text ||
      !/^\p{L}/u.test(prev.text) ||
      /^(?:the|a|an|and|but|that|which|who|while|as|of|in|on)$/.test(prev.lower)
    )
      break;
    first--;
  }
  const opener = tokens[first - 1]?.lower;
  const withThe = opener === 'the';
  const boundary = opener === undefined || !/^\p{L}/u.test(opener) || /^(?:and|but|while|as|that)$/.test(opener);
  if (!withThe && !boundary) {
    // Only after a clause boundary: "…, officials said", not "the head of the agency said".
    return null;
  }
  const words = tokens.slice(first, k + 1).map((t) => t.text);
  return {
    name: `${withThe ? 'the ' : ''}${words.join(' ')}`,
    at: (withThe ? tokens[first - 1] : tokens[first])?.start ?? head.start,
  };
}

/** Adds an attribution unless the same claimant is already read at the same offset (a function, not a closure per sentence). */
function add(
  out: Attribution[],
  name: string,
  kind: EntityKind,
  at: number,
  via: AttributionVia,
  report = false,
): void {
  for (const a of out) if (a.at === at && a.name === name) return;
  out.push({ name, kind, at, via, report });
}

/** Whether one of the six tokens before token `i` is a report word ("a report by", "figures published … by"). */
function reportWordBefore(tokens: readonly Token[], i: number): boolean {
  for (let j = Math.max(0, i - 6); j < i; j++) if (REPORTISH.has((tokens[j] as Token).lower)) return true;
  return false;
}

/** How far back a relative clause between a subject and its verb may open. */
const RELATIVE_CLAUSE_REACH = 15;

/**
 * "Kask, who toured the port along with Varga, announced …": the verb's subject stands before a relative
 * clause set off by commas, not at its end. `k` is the token before the verb (after its comma); returns the
 * token before the clause, or `k` when there is none.
 */
function beforeRelativeClause(tokens: readonly Token[], k: number): number {
  if (tokens[k + 1]?.lower !== ',') return k;
  for (let w = k; w > 0 && k - w <= RELATIVE_CLAUSE_REACH; w--) {
    const lower = tokens[w]?.lower ?? '';
    if ((lower === 'who' || lower === 'which') && tokens[w - 1]?.lower === ',') return w - 2;
    if (lower === ',' || lower === ';' || lower === '.') return k;
  }
  return k;
}

export function findAttributions(
  view: SentenceView,
  memory: ArticleMemory,
  sentence: number,
  next?: SentenceView,
): Attribution[] {
  const { tokens, entities } = view;
  const out: Attribution[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;

    // according to X
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const e = entityStartingNear(entities, i + 2, 5);
      if (e) {
        const c = claimantName(e, tokens);
        if (c) add(out, c.name, c.kind, e.start, 'according');
      }
      continue;
    }

    // by X / from X after a report word: "a report by X", "figures published last month by X"
    if ((t.lower === 'by' || t.lower === 'from') && reportWordBefore(tokens, i)) {
      const e = entityStartingNear(entities, i + 1, 3);
      if (e) {
        const c = claimantName(e, tokens);
        if (c) add(out, c.name, c.kind, e.start, 'by', true);
      }
      continue;
    }

    // X's report / X's February 2025 statement; his previous disclosure
    if (DOC_NOUNS.has(t.lower)) {
      const owner = [...entities]
        .reverse()
        .find((e) => e.possessive && e.tokenEnd <= i && e.tokenEnd >= i - 4 && CLAIMANT_KINDS.has(e.kind));
      if (owner && owner.kind !== 'place') {
        add(out, owner.name, owner.kind, owner.start, 'possessive', true);
        continue;
      }
      const adjunct = entityEndingAt(entities, i);
      if (adjunct && adjunct.kind === 'org') {
        add(out, adjunct.name, adjunct.kind, adjunct.start, 'adjunct', true);
        continue;
      }
      const det = tokens[i - 1]?.lower ?? '';
      const det2 = tokens[i - 2]?.lower ?? '';
      if (PRONOUNS.has(det) || PRONOUNS.has(det2)) {
        const pronoun = PRONOUNS.has(det) ? det : det2;
        const r = resolvePronoun(
          pronoun,
          memory,
          sentence,
          entities.filter((e) => e.end <= t.start),
        );
        if (r) add(out, r.name, r.kind, tokens[i - 1]?.start ?? t.start, 'pronoun', true);
        continue;
      }
      if ((det === 'same' || det === 'the' || det === 'that') && i + 1 < tokens.length) {
        const r = resolveReport(memory);
        if (r && (det === 'same' || SAY_VERBS.has(tokens[i + 1]?.lower ?? '') || tokens[i + 1]?.lower === 'also')) {
          add(out, r.name, r.kind, tokens[i - 1]?.start ?? t.start, 'report-ref', true);
          continue;
        }
      }
      if ((det === 'a' || det === 'an' || det2 === 'a' || det2 === 'an') && next) {
        const ahead = findAttributions(next, memory, sentence + 1).find((a) => a.via === 'by' || a.via === 'adjunct');
        if (ahead) add(out, ahead.name, ahead.kind, t.start, 'cataphora', true);
      }
      continue;
    }

    if (!SAY_VERBS.has(t.lower)) continue;
    // "early counts put the toll at …", "the first reports said": a plural noun, not the verb of a speaker.
    if (NOUN_HOMOGRAPHS.has(t.lower) && NOUN_BEFORE.has(tokens[i - 1]?.lower ?? '')) continue;
    // X (has) (, meanwhile,) said
    let k = i - 1;
    while (k >= 0 && SKIP_BEFORE_VERB.has(tokens[k]?.lower ?? '') && i - k <= 4) k--;
    k = beforeRelativeClause(tokens, k);
    const before = tokens[k];
    if (!before) continue;
    if (PRONOUNS.has(before.lower)) {
      const r = resolvePronoun(
        before.lower,
        memory,
        sentence,
        entities.filter((e) => e.end <= before.start),
      );
      if (r) add(out, r.name, r.kind, before.start, 'pronoun');
      continue;
    }
    if (RELATIVES.has(before.lower)) {
      const antecedent = [...entities]
        .reverse()
        .find((e) => e.end <= before.start && (e.kind === 'org' || e.kind === 'person') && !e.possessive);
      if (antecedent) add(out, antecedent.name, antecedent.kind, antecedent.start, 'relative');
      continue;
    }
    const subject = entityEndingAt(entities, k + 1) ?? groupSubject(entities, tokens, k);
    if (subject && !subject.possessive) {
      const c = claimantName(subject, tokens);
      if (c) add(out, c.name, c.kind, subject.start, 'subject');
      continue;
    }
    // "the coast guard said", "local prosecutors said", "officials said": a body or office
    // named in lower case.
    const described = describedSubject(tokens, k);
    if (described) {
      add(out, described.name, 'org', described.at, 'subject');
      continue;
    }
    // said X (inverted, after a quote)
    const after = entityStartingNear(entities, i + 1, 0);
    if (after && (after.kind === 'person' || after.kind === 'org'))
      add(out, after.name, after.kind, after.start, 'inverted');
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The attribution that governs a figure at `position`: the nearest one before it, else the nearest after. */
export function attributionFor(attributions: readonly Attribution[], position: number): Attribution | null {
  const before = attributions.filter((a) => a.at <= position);
  if (before.length) return before.at(-1) ?? null;
  return attributions.find((a) => a.at > position) ?? null;
}

/** Records a sentence's entities and claimants in the article memory. */
export function remember(
  memory: ArticleMemory,
  sentence: number,
  entities: Entity[],
  attributions: Attribution[],
): void {
  for (const e of entities) {
    if (e.kind === 'person' || e.kind === 'org' || e.kind === 'place') {
      memory.mentions.push({ name: e.name, kind: e.kind, sentence, ...(e.possessive ? { possessive: true } : {}) });
    }
  }
  for (const a of attributions) {
    memory.claimants.push({ name: a.name, kind: a.kind, sentence, report: a.report });
  }
}
