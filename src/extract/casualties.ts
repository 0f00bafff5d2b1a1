/**
 * The casualty report behind `/casualties`: every casualty figure of every article, the same claim
 * merged across articles (one record, one citation per article), and the places where the sources
 * disagree — different claimants for the same count, or one claimant's figure changing over time —
 * shown side by side without picking a winner.
 */

import {
  type AnalyzedSentence,
  analyzeCorpus,
  citationOf,
  sentenceDateMentions,
  withCanonicalNames,
} from '../nlp/annotate.js';
import type { Attribution } from '../nlp/attribution.js';
import { type DateMention, datesCompatible } from '../nlp/dates.js';
import type { Entity } from '../nlp/entities.js';
import { countableNumbers, type NumberMention } from '../nlp/numbers.js';
import type { Token } from '../nlp/tokens.js';
import type { Article, Citation, Corpus, Sentence } from '../types.js';
import { type FigureMemory, figuresInSentence, type RawFigure, type SentenceInput, settleArticle } from './figures.js';
import { pushTo } from './group.js';
import { timeStamp } from './incidents.js';
import { formatNumber } from './text.js';
import type { CasualtyConflict, CasualtyFigure, CasualtyReport, Side } from './types.js';

export const SIDES: readonly Side[] = ['ukraine', 'russia', 'civilians', 'all'] as const;

/** Every measure the extractor produces (percent changes add " (% increase)" etc. to one of these). */
export const MEASURES = [
  'killed',
  'wounded',
  'missing',
  'wounded or missing',
  'killed or missing',
  'casualties',
  'captured',
  'prisoners exchanged',
  'prisoners released',
] as const;

/* ------------------------------------------------------------ extraction */

/** What `figuresInSentence` reads of an analysed sentence (a class: no closures made per sentence). */
class FigureInput implements SentenceInput {
  readonly source: string;
  readonly index: number;
  readonly text: string;
  readonly quote: string;
  readonly published: string | null;
  readonly entities: Entity[];
  readonly paragraph: number;

  constructor(
    private readonly analyzed: AnalyzedSentence,
    article: Article,
    readonly numbers: NumberMention[],
    readonly attributions: readonly Attribution[],
    readonly stamp: string | null,
  ) {
    this.source = article.id;
    this.index = analyzed.sentence.index;
    this.text = analyzed.text;
    this.quote = analyzed.sentence.text;
    this.published = article.meta.published;
    this.entities = analyzed.entities;
    this.paragraph = analyzed.sentence.paragraph;
  }

  /** Tokenized only for sentences that have a number. */
  get tokens(): Token[] {
    return this.analyzed.tokens;
  }

  dates(): DateMention[] {
    return sentenceDateMentions(this.analyzed.sentence, this.published);
  }
}

/** All casualty figures of the corpus, one per mention, with claimants in canonical form. */
export function extractFigures(corpus: Corpus): RawFigure[] {
  const analysis = analyzeCorpus(corpus, 'casualties');
  const out: RawFigure[] = [];
  for (const a of analysis.articles) {
    const memory: FigureMemory = { figures: [] };
    // A live blog stamps each entry ("08:55 — …"): the time its counts were reported.
    const stamps = new Map<number, string | null>();
    for (const s of a.sentences) {
      if (!stamps.has(s.sentence.paragraph)) stamps.set(s.sentence.paragraph, timeStamp(s.sentence.text));
    }
    for (const s of a.sentences) {
      // Most sentences have no number: nothing else of them is read.
      const numbers = countableNumbers(s.text);
      if (numbers.length === 0) continue;
      const found = figuresInSentence(
        new FigureInput(
          s,
          a.article,
          numbers,
          withCanonicalNames(s.attributions, analysis.names),
          stamps.get(s.sentence.paragraph) ?? null,
        ),
        memory,
      );
      out.push(...found);
    }
    settleArticle(memory.figures);
  }
  return out;
}

/* ------------------------------------------------------------ merging */

function signature(f: RawFigure): string {
  return `${f.population}|${f.measure}|${f.value}${f.value2 !== null ? `-${f.value2}` : ''}${f.percent ? '%' : ''}`;
}

function mostCommon<T>(items: T[], key: (t: T) => string): T | undefined {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const it of items) {
    const c = counts.get(key(it)) ?? 0;
    if (c > bestCount) {
      best = it;
      bestCount = c;
    }
  }
  return best;
}

/** Splits figures into groups that can be one claim: same claimant (or none given) and compatible dates. */
function partition(figures: RawFigure[]): RawFigure[][] {
  const claimed = new Map<string, RawFigure[]>();
  const unclaimed: RawFigure[] = [];
  for (const f of figures) {
    if (f.claimant === null) unclaimed.push(f);
    else pushTo(claimed, f.claimant, f);
  }
  const groups = [...claimed.values()];
  // An article that does not say who gave a figure repeats the claim of the one claimant who did.
  if (groups.length === 1 && groups[0]) groups[0].push(...unclaimed);
  else if (unclaimed.length) groups.push(unclaimed);
  return groups.flatMap(splitByDate);
}

function splitByDate(figures: RawFigure[]): RawFigure[][] {
  const clusters: { asOf: string | null; members: RawFigure[] }[] = [];
  for (const f of figures) {
    const c = clusters.find((x) => datesCompatible(x.asOf, f.asOf));
    if (c) {
      c.members.push(f);
      if (f.asOf && (!c.asOf || f.asOf.length > c.asOf.length)) c.asOf = f.asOf;
    } else clusters.push({ asOf: f.asOf, members: [f] });
  }
  return clusters.map((c) => c.members);
}

/** What a merged figure counts beyond the contract's fields: its scope and incident, and when it was reported. */
interface FigureInfo {
  scope: RawFigure['scope'];
  /** Figures with the same key count the same thing and may disagree. */
  key: string;
  /** For ordering reports of one incident: first reported at, then the text's own earlier/later words. */
  reported: string;
  order: number;
  /** Earlier counts of the same incident this figure updates, earliest first. */
  earlier: CasualtyFigure[];
  /** For incidents: what is counted without the incident, where, and on which day (written or implied). */
  incident?: { what: string; place: string; day: string | null; implied: boolean };
}

const INFO = new WeakMap<CasualtyFigure, FigureInfo>();

function infoKey(rep: RawFigure): string {
  const base = `${rep.population} ${rep.measure}`;
  if (rep.scope === 'period') return `${base} in ${rep.incident.date ?? 'a period'}`;
  // An exchange without a date is its own: exchanges of different rounds are different events.
  if (rep.incident.kind === 'exchange' && !rep.incident.date) return `${base} #${rep.source}#${rep.paragraph}`;
  return base;
}

/** A figure updates no earlier count (read-only: shared by every such figure; an update gets a list of its own). */
const NO_EARLIER = Object.freeze([]) as unknown as CasualtyFigure[];

function toFigure(
  members: RawFigure[],
  citationFor: (f: RawFigure) => Citation,
  intern: (s: string) => string = (s) => s,
): CasualtyFigure {
  // One reading per article: the one that names its claimant, else the first.
  const perSource = new Map<string, RawFigure>();
  for (const f of members) {
    const seen = perSource.get(f.source);
    if (!seen || (!seen.claimantExplicit && f.claimantExplicit)) perSource.set(f.source, f);
  }
  const readings = [...perSource.values()].sort((a, b) => a.source.localeCompare(b.source) || a.sentence - b.sentence);
  const rep = mostCommon(readings, (f) => f.qualifier) ?? readings[0] ?? members[0];
  if (!rep) throw new Error('toFigure needs at least one figure');
  const asOf = members.reduce<string | null>(
    (best, f) => (f.asOf && (!best || f.asOf.length > best.length) ? f.asOf : best),
    null,
  );
  const figure: CasualtyFigure = {
    population: rep.population,
    measure: rep.measure,
    low: rep.low,
    high: rep.high,
    qualifier: rep.qualifier,
    text: rep.text,
    claimant: members.find((f) => f.claimant)?.claimant ?? null,
    asOf: contractDate(asOf),
    citations: readings.map(citationFor),
  };
  const first = [...members].sort(
    (a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.reportOrder - b.reportOrder,
  )[0] as RawFigure;
  INFO.set(figure, {
    scope: rep.scope,
    key: intern(infoKey(rep)),
    reported: first.reportedAt,
    order: first.reportOrder,
    earlier: NO_EARLIER,
    ...(rep.scope === 'incident' && rep.incident.kind !== 'exchange'
      ? {
          incident: {
            // One incident's victims are soldiers or not; how each report names them ("people", "Ukrainian civilians") varies.
            what: intern(`${rep.cls === 'soldiers' ? 'military' : 'civilian'} ${rep.measure}`),
            // An incident without a place is only known to be the same within its article.
            place: rep.incident.place ?? intern(`#${rep.source}`),
            day: rep.incident.date,
            implied: rep.incident.implied ?? false,
          },
        }
      : {}),
  });
  return figure;
}

/**
 * Counts of one incident reported at different times are updates, not disagreements: the latest stands
 * as the figure, the earlier ones go with it ("first reports had put the number killed at three").
 * Counts given at the same time by different claimants stay side by side.
 */
function settleUpdates(figures: CasualtyFigure[]): CasualtyFigure[] {
  const when = (f: CasualtyFigure) => INFO.get(f) as FigureInfo;
  const byPlace = new Map<string, CasualtyFigure[]>();
  for (const f of figures) {
    const incident = INFO.get(f)?.incident;
    if (incident) pushTo(byPlace, `${incident.what}|${incident.place}`, f);
  }
  const superseded = new Set<CasualtyFigure>();
  for (const group of byPlace.values()) {
    for (const cluster of sameDays(group)) {
      if (cluster.length < 2) continue;
      const ordered = [...cluster].sort(
        (a, b) => when(a).reported.localeCompare(when(b).reported) || when(a).order - when(b).order,
      );
      const latest = ordered.at(-1) as CasualtyFigure;
      // One key for the incident: its counts are compared with each other, not with other incidents'.
      for (const f of ordered) when(f).key = `${latest.population} ${latest.measure}`;
      const sameTime = ordered.filter(
        (f) => when(f).reported === when(latest).reported && when(f).order === when(latest).order,
      );
      // Two counts given at the same time by different sources disagree: shown side by side.
      if (sameTime.length > 1) continue;
      // A later article giving another official's lower count is not an update of the first: tolls are
      // updated upwards, by the same source, or in words ("had risen to", "first reports had put").
      const updates = (a: CasualtyFigure, b: CasualtyFigure) =>
        a.claimant === b.claimant ||
        when(a).order !== 0 ||
        when(b).order !== 0 ||
        a.citations.some((c) => b.citations.some((d) => d.source === c.source)) ||
        anchor(b) >= anchor(a);
      if (ordered.some((f, i) => i > 0 && !updates(ordered[i - 1] as CasualtyFigure, f))) continue;
      const earlier = ordered.slice(0, -1);
      when(latest).earlier = earlier;
      for (const f of earlier) superseded.add(f);
    }
  }
  return figures.filter((f) => !superseded.has(f));
}

const DAY_MS = 86_400_000;

/**
 * Counts of one place grouped by day: the same day, or the day before or after when one of the days
 * is only the publication's (an overnight attack is reported the next morning, and followed up the day after).
 */
function sameDays(group: CasualtyFigure[]): CasualtyFigure[][] {
  const info = (f: CasualtyFigure) => INFO.get(f)?.incident;
  const time = (f: CasualtyFigure) => {
    const day = info(f)?.day;
    return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  };
  const sorted = [...group].sort((a, b) => (info(a)?.day ?? '').localeCompare(info(b)?.day ?? ''));
  const clusters: CasualtyFigure[][] = [];
  for (const f of sorted) {
    const last = clusters.at(-1);
    const prev = last?.at(-1);
    const same =
      prev &&
      (info(prev)?.day === info(f)?.day ||
        ((info(prev)?.implied || info(f)?.implied) && Math.abs(time(f) - time(prev)) <= DAY_MS));
    if (last && same) last.push(f);
    else clusters.push([f]);
  }
  return clusters;
}

/** Merges one claim reported by several articles into one record with a citation per article. */
export function mergeFigures(raw: RawFigure[], citationFor: (f: RawFigure) => Citation): CasualtyFigure[] {
  const bySignature = new Map<string, RawFigure[]>();
  for (const f of raw) pushTo(bySignature, signature(f), f);
  // The few distinct keys and labels the figures are filed under, each kept once.
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const hit = strings.get(s);
    if (hit !== undefined) return hit;
    strings.set(s, s);
    return s;
  };
  const merged: CasualtyFigure[] = [];
  for (const group of bySignature.values()) {
    for (const members of partition(group)) merged.push(toFigure(members, citationFor, intern));
  }
  return sortFigures(settleUpdates(merged));
}

const MEASURE_RANK = (m: string) => {
  const i = (MEASURES as readonly string[]).indexOf(m.replace(/ \(%.*\)$/, ''));
  return (i < 0 ? MEASURES.length : i) + (m.includes('%') ? 0.5 : 0);
};

function sortFigures(figures: CasualtyFigure[]): CasualtyFigure[] {
  const weight = new Map<string, number>();
  for (const f of figures) weight.set(f.population, (weight.get(f.population) ?? 0) + f.citations.length);
  return [...figures].sort(
    (a, b) =>
      (weight.get(b.population) ?? 0) - (weight.get(a.population) ?? 0) ||
      a.population.localeCompare(b.population) ||
      MEASURE_RANK(a.measure) - MEASURE_RANK(b.measure) ||
      (b.asOf ?? '').localeCompare(a.asOf ?? '') ||
      b.citations.length - a.citations.length,
  );
}

/* ------------------------------------------------------------ conflicts */

/** How a figure reads in a note: "up to 140,000 (Center for …, as of 2025-12, 3 sources)". */
function describe(f: CasualtyFigure): string {
  const parts = [f.claimant ?? 'unattributed'];
  if (f.asOf) parts.push(`as of ${f.asOf}`);
  parts.push(`${f.citations.length} source${f.citations.length === 1 ? '' : 's'}`);
  return `${f.text} (${parts.join(', ')})`;
}

function sameValue(a: CasualtyFigure, b: CasualtyFigure): boolean {
  return a.low === b.low && a.high === b.high;
}

function anchor(f: CasualtyFigure): number {
  return f.high ?? f.low ?? 0;
}

function conflictEntry(about: string, figures: CasualtyFigure[], note: string): CasualtyConflict {
  return {
    about,
    figures: figures.map((f) => ({ text: f.text, low: f.low, high: f.high, claimant: f.claimant })),
    note,
  };
}

/**
 * Where figures for the same population and measure differ: between claimants (each claimant's most
 * recent figure, side by side) and within one claimant over time (their dated figures in order).
 */
export function detectConflicts(figures: readonly CasualtyFigure[]): CasualtyConflict[] {
  const groups = new Map<string, CasualtyFigure[]>();
  for (const f of figures) {
    const key = INFO.get(f)?.key ?? `${f.population} ${f.measure}`;
    pushTo(groups, key, f);
  }
  const out: CasualtyConflict[] = [];
  for (const f of figures) {
    const earlier = INFO.get(f)?.earlier ?? [];
    if (earlier.length) out.push(updateEntry(f, earlier));
  }
  for (const [key, group] of groups) {
    // A key names what is counted; a key with "#" also names the article of an undated event.
    const about = key.replace(/ #.*$/, '');
    const byClaimant = new Map<string, CasualtyFigure[]>();
    for (const f of group) {
      if (f.claimant) pushTo(byClaimant, f.claimant, f);
    }
    const latest = [...byClaimant.values()].map(
      (list) =>
        [...list].sort(
          (a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? '') || b.citations.length - a.citations.length,
        )[0] as CasualtyFigure,
    );
    const distinct = latest.filter((f, i) => latest.findIndex((g) => sameValue(f, g)) === i);
    if (latest.length >= 2 && distinct.length >= 2) {
      const dates = new Set(latest.map((f) => f.asOf ?? 'undated'));
      const note =
        `Different figures for ${about}: ${latest.map(describe).join('; ')}. ` +
        (dates.size > 1 ? 'They are given as of different dates. ' : '') +
        'Shown side by side; the sources do not settle which is right.';
      out.push(conflictEntry(about, latest, note));
    }
    // Only running totals change over time; a period's count or an incident's is its own figure.
    if (group.some((f) => INFO.get(f)?.scope === 'period' || INFO.get(f)?.scope === 'incident')) continue;
    for (const [claimant, list] of byClaimant) {
      const dated = list.filter((f) => f.asOf).sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? ''));
      const steps = dated.filter((f, i) => i === 0 || !sameValue(f, dated[i - 1] as CasualtyFigure));
      if (steps.length < 2 || new Set(steps.map((f) => f.asOf)).size < 2) continue;
      const first = steps[0] as CasualtyFigure;
      const last = steps.at(-1) as CasualtyFigure;
      const delta = anchor(last) - anchor(first);
      const note =
        `Change over time by ${claimant}: ${steps.map((f) => `${f.text} as of ${f.asOf}`).join(' → ')}` +
        ` (${delta >= 0 ? '+' : '−'}${formatNumber(Math.abs(delta))}).`;
      out.push(conflictEntry(`${about}: change over time (${claimant})`, steps, note));
    }
  }
  return out;
}

/** An update: the earlier counts of one incident, then the count that stands. */
function updateEntry(latest: CasualtyFigure, earlier: CasualtyFigure[]): CasualtyConflict {
  const steps = [...earlier, latest];
  const describeStep = (f: CasualtyFigure) => `${f.text} (${f.claimant ?? 'unattributed'})`;
  const note =
    `Later report of the same incident: ${steps.map(describeStep).join(' → ')}. ` +
    `The latest count, ${latest.text}, is the one shown.`;
  return conflictEntry(`${latest.population} ${latest.measure}: update`, steps, note);
}

/* ------------------------------------------------------------ report */

/** Builds the casualty report for a corpus. Pure: the same corpus gives the same report. */
export function buildCasualtyReport(corpus: Corpus): CasualtyReport {
  const raw = extractFigures(corpus);
  // One citation object per sentence cited, shared by the figures citing it (citations are read-only).
  const cited = new Map<Sentence, Citation>();
  const sentenceOf = (f: RawFigure) => {
    const article = corpus.byId.get(f.source);
    const sentence = article?.sentences[f.sentence];
    if (!article || !sentence) return { source: f.source, outlet: null, quote: f.quote };
    let citation = cited.get(sentence);
    if (!citation) {
      citation = citationOf(article, sentence);
      cited.set(sentence, citation);
    }
    return citation;
  };
  const figures = mergeFigures(raw, sentenceOf);
  return { figures, conflicts: detectConflicts(figures) };
}

const CIVILIAN = /\b(?:civilians|children|people)\b/;

/** True when a figure's population belongs to a side of the `--side` option. */
export function onSide(population: string, side: Side): boolean {
  switch (side) {
    case 'all':
      return true;
    case 'civilians':
      return CIVILIAN.test(population);
    case 'ukraine':
      return /^Ukrainian\b/.test(population) && !CIVILIAN.test(population);
    case 'russia':
      return /^Russian\b/.test(population) && !CIVILIAN.test(population);
  }
}

const MEASURE_ALIASES: Record<string, string> = {
  dead: 'killed',
  deaths: 'killed',
  died: 'killed',
  death: 'killed',
  injured: 'wounded',
  injuries: 'wounded',
  prisoners: 'prisoners',
  exchanged: 'exchanged',
  pows: 'prisoners',
  change: '%',
  percent: '%',
};

/** True when a measure matches what the user asked for ("wounded" matches "wounded or missing"). */
export function matchesMeasure(measure: string, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  if (!w) return true;
  if (measure === w) return true;
  const word = MEASURE_ALIASES[w] ?? w;
  return measure.split(/[\s()]+/).includes(word) || (word === '%' && measure.includes('%'));
}

/** Keeps the figures of one side and/or measure; conflicts are recomputed over what is kept. */
export function filterCasualties(report: CasualtyReport, opts: { side?: Side; measure?: string }): CasualtyReport {
  const figures = report.figures.filter(
    (f) => onSide(f.population, opts.side ?? 'all') && (!opts.measure || matchesMeasure(f.measure, opts.measure)),
  );
  return { figures, conflicts: detectConflicts(figures) };
}

/**
 * The CLI contract writes `asOf` as `YYYY-MM[-DD]`. A figure dated only by its year ("last year saw a
 * 31% increase") covers that whole year, so it stands as of the year's last month.
 */
export function contractDate(asOf: string | null): string | null {
  if (asOf === null) return null;
  return /^\d{4}$/.test(asOf) ? `${asOf}-12` : asOf;
}
