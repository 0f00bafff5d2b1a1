/**
 * The casualty report behind `/casualties`: every casualty figure of every article, the same claim
 * merged across articles (one record, one citation per article), and the places where the sources
 * disagree — different claimants for the same count, or one claimant's figure changing over time —
 * shown side by side without picking a winner.
 */
import type { Citation, Corpus } from '../types.js';
import { analyzeCorpus, citationOf } from './analysis.js';
import { datesCompatible } from './dates.js';
import { type FigureMemory, figuresInSentence, type RawFigure } from './figures.js';
import { pushTo } from './group.js';
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

/** All casualty figures of the corpus, one per mention, with claimants in canonical form. */
export function extractFigures(corpus: Corpus): RawFigure[] {
  const analysis = analyzeCorpus(corpus, 'casualties');
  const out: RawFigure[] = [];
  for (const a of analysis.articles) {
    const memory: FigureMemory = { figures: [] };
    for (const s of a.sentences) {
      const found = figuresInSentence(
        {
          source: a.article.id,
          index: s.sentence.index,
          text: s.text,
          quote: s.sentence.text,
          // Tokenized only for sentences that have a number.
          get tokens() {
            return s.tokens;
          },
          attributions: s.attributions.map((at) => ({ ...at, name: analysis.names.canonical(at.name) })),
          published: a.article.meta.published,
        },
        memory,
      );
      out.push(...found);
    }
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

function toFigure(members: RawFigure[], citationFor: (f: RawFigure) => Citation): CasualtyFigure {
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
  return {
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
}

/** Merges one claim reported by several articles into one record with a citation per article. */
export function mergeFigures(raw: RawFigure[], citationFor: (f: RawFigure) => Citation): CasualtyFigure[] {
  const bySignature = new Map<string, RawFigure[]>();
  for (const f of raw) pushTo(bySignature, signature(f), f);
  const merged: CasualtyFigure[] = [];
  for (const group of bySignature.values()) {
    for (const members of partition(group)) merged.push(toFigure(members, citationFor));
  }
  return sortFigures(merged);
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
    const key = `${f.population} ${f.measure}`;
    pushTo(groups, key, f);
  }
  const out: CasualtyConflict[] = [];
  for (const [about, group] of groups) {
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

/* ------------------------------------------------------------ report */

/** Builds the casualty report for a corpus. Pure: the same corpus gives the same report. */
export function buildCasualtyReport(corpus: Corpus): CasualtyReport {
  const raw = extractFigures(corpus);
  const sentenceOf = (f: RawFigure) => {
    const article = corpus.byId.get(f.source);
    const sentence = article?.sentences[f.sentence];
    return article && sentence ? citationOf(article, sentence) : { source: f.source, outlet: null, quote: f.quote };
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
