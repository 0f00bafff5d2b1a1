/**
 * /ask and /casualties read one annotation: every casualty figure the report is built from has, in the
 * engine's reading of the same sentence, the same number (value, range, qualifier), the same claimant
 * and the same date. Over the seeds and the news-dev articles.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findClaimant, previousClaimant } from '../../src/engine/claimants.js';
import { findNumbers } from '../../src/engine/numbers.js';
import { buildRetriever, type Retriever } from '../../src/engine/retrieval.js';
import { tokenize } from '../../src/engine/text.js';
import { sentenceDates } from '../../src/engine/when.js';
import { loadSources } from '../../src/eval/sources.js';
import { buildCasualtyReport, extractFigures } from '../../src/extract/casualties.js';
import type { RawFigure } from '../../src/extract/figures.js';
import { sentenceDateMentions } from '../../src/nlp/annotate.js';
import { datesCompatible } from '../../src/nlp/dates.js';
import { qualifierMeaning } from '../../src/nlp/numbers.js';
import type { Corpus, Sentence } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIRS = [path.resolve(here, '../../seeds'), path.resolve(here, '../fixtures/news-dev')];

let corpus: Corpus;
let r: Retriever;
let figures: RawFigure[];

beforeAll(async () => {
  const loaded = await loadSources(DIRS);
  corpus = loaded.corpus;
  await loaded.cleanup();
  r = buildRetriever(corpus);
  figures = extractFigures(corpus);
}, 60_000);

function sentenceOf(f: { source: string; sentence: number }): Sentence {
  const s = corpus.byId.get(f.source)?.sentences[f.sentence];
  if (!s) throw new Error(`no sentence ${f.source}#${f.sentence}`);
  return s;
}

/** What /ask reads of the number at the figure's position. */
function engineReading(f: RawFigure) {
  const s = sentenceOf(f);
  const tokens = tokenize(s.corrected);
  const mention = findNumbers(s.corrected, tokens).find((m) => (tokens[m.first]?.start ?? -1) === f.position);
  // The claimant of this figure: a sentence may quote two claimants, each for its own figure.
  const claimant = findClaimant(r, s.corrected, tokens, f.position) ?? previousClaimant(r, s, f.position);
  const iso = (d: { year: number; month: number | null; day: number | null }) =>
    [d.year, d.month, d.day]
      .filter((x) => x !== null)
      .map((x, i) => String(x).padStart(i === 0 ? 4 : 2, '0'))
      .join('-');
  const dates = sentenceDates(r, s);
  return { mention, claimant, dates: dates.implied ? [] : dates.dates.map(iso) };
}

const label = (f: RawFigure) => `${f.source}#${f.sentence} "${f.text}"`;

describe('one annotation for answers and reports', () => {
  it('reads casualty figures from the sources (the check below is not vacuous)', () => {
    expect(figures.length).toBeGreaterThan(30);
    expect(buildCasualtyReport(corpus).figures.length).toBeGreaterThan(10);
  });

  it('gives every figure the same value, range and qualifier in /ask as in /casualties', () => {
    const disagreements = figures.flatMap((f) => {
      const { mention } = engineReading(f);
      const same =
        mention !== undefined &&
        mention.value === f.value &&
        mention.high === f.value2 &&
        mention.qualifier === qualifierMeaning(f.qualifier) &&
        (mention.kind === 'count' || mention.kind === 'percent');
      return same ? [] : [`${label(f)}: engine ${JSON.stringify(mention)}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('gives every figure the same claimant in /ask as in /casualties', () => {
    const disagreements = figures.flatMap((f) => {
      const { claimant } = engineReading(f);
      return claimant === f.claimant ? [] : [`${label(f)}: engine ${claimant}, report ${f.claimant}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('dates every figure dated in its own sentence as /ask dates that sentence', () => {
    const disagreements = figures.flatMap((f) => {
      if (!f.asOf) return [];
      const s = sentenceOf(f);
      const mentions = sentenceDateMentions(s, corpus.byId.get(s.source)?.meta.published ?? null);
      const stated = mentions.find((d) => d.iso === f.asOf);
      // Dated by another sentence, the incident or the article's earlier figures: not this sentence's reading.
      if (!stated) return [];
      // A statement's date ("said on Monday") is when a count was given, not when anything happened: /ask
      // reads it as such, from the same mention.
      if (stated.role === 'said' || stated.role === 'report') return [];
      const { dates } = engineReading(f);
      return dates.some((d) => datesCompatible(d, f.asOf)) ? [] : [`${label(f)}: engine ${dates}, report ${f.asOf}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('finds, in /ask, the figure /casualties reports in every sentence it cites', () => {
    const missing = buildCasualtyReport(corpus).figures.flatMap((f) =>
      f.citations.flatMap((c) => {
        const s = corpus.byId.get(c.source)?.sentences.find((x) => x.text === c.quote);
        if (!s) return [`${c.source}: quote not found`];
        const values = findNumbers(s.corrected, tokenize(s.corrected)).map((m) => m.value);
        const wanted = f.low ?? f.high;
        return wanted === null || values.includes(wanted) ? [] : [`${c.source} "${f.text}": engine reads ${values}`];
      }),
    );
    expect(missing).toEqual([]);
  });
});
