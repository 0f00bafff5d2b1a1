import { existsSync } from 'node:fs';
import path from 'node:path';

/** A named question set and the source directories its questions are asked over (merged when several). */
export interface EvalSet {
  name: string;
  questions: string;
  sources: string[];
  /** Being written: a missing file is a skipped row with a note, not an error. */
  optional?: boolean;
  /** Held out: never tuned on; its questions are printed only with --verbose. */
  heldOut?: boolean;
}

const SEEDS = 'seeds';
const NEWS_DEV = 'tests/fixtures/news-dev';
const HELDOUT2 = 'tests/fixtures/heldout2';
const DEV3 = 'tests/fixtures/dev3';
const HELDOUT3 = 'tests/fixtures/heldout3';
const HELDOUT4 = 'tests/fixtures/heldout4';
const DEV4 = 'tests/fixtures/dev4';
const HELDOUT5 = 'tests/fixtures/heldout5';
const DEV5 = 'tests/fixtures/dev5';
const DEV6 = 'tests/fixtures/dev6';
const HELDOUT6 = 'tests/fixtures/heldout6';
const DEV7 = 'tests/fixtures/dev7';
const HELDOUT7 = 'tests/fixtures/heldout7';
const DEV8 = 'tests/fixtures/dev8';
const HELDOUT8 = 'tests/fixtures/heldout8';
const DEV9 = 'tests/fixtures/dev9';
const DEV10 = 'tests/fixtures/dev10';
const DEV11 = 'tests/fixtures/dev11';
const HELDOUT9 = 'tests/fixtures/heldout9';
const HELDOUT10 = 'tests/fixtures/heldout10';
const HELDOUT11 = 'tests/fixtures/heldout11';
const DEV12 = 'tests/fixtures/dev12';
const HELDOUT12 = 'tests/fixtures/heldout12';

/** Every set `npm run eval` reports, paths relative to the repository root. */
export const EVAL_SETS: readonly EvalSet[] = [
  { name: 'dev', questions: 'tests/fixtures/questions.jsonl', sources: [SEEDS] },
  { name: 'paraphrases', questions: 'tests/fixtures/paraphrases.jsonl', sources: [SEEDS] },
  { name: 'news-dev', questions: `${NEWS_DEV}/questions.jsonl`, sources: [SEEDS, NEWS_DEV] },
  // Written from the articles alone, by someone who had not read the engine: development material.
  { name: 'dev2', questions: 'tests/fixtures/dev2.jsonl', sources: [SEEDS, NEWS_DEV] },
  // Five new articles (interview, what-we-know explainer, wire roundup, casualty-figures analysis, live blog) and questions written from the articles alone: development material.
  { name: 'dev3', questions: 'tests/fixtures/dev3.jsonl', sources: [SEEDS, NEWS_DEV, DEV3] },
  // Five more (a wire story updated through the day, a factbox, a narrative feature, a reader Q&A, a
  // compilation of officials' posts), questions written from the articles alone: development material.
  { name: 'dev4', questions: 'tests/fixtures/dev4.jsonl', sources: [SEEDS, NEWS_DEV, DEV4] },
  // Five more (a podcast transcript, a Security Council meeting summary, a negotiator's profile, a data
  // piece comparing months and years, a corrected story with an editor's note): development material.
  { name: 'dev5', questions: 'tests/fixtures/dev5.jsonl', sources: [SEEDS, NEWS_DEV, DEV5] },
  // Five more (an encyclopedia-style entry, a human-interest feature, a markets story, a think-tank daily
  // assessment, a day of wire bulletins updated as the toll rose): development material.
  { name: 'dev6', questions: 'tests/fixtures/dev6.jsonl', sources: [SEEDS, NEWS_DEV, DEV6] },
  // Five more (a TV news transcript, a ministry's numbered statement, a foreign-press review, a "7 numbers"
  // listicle, a committee hearing record with a corrected figure): development material.
  { name: 'dev7', questions: 'tests/fixtures/dev7.jsonl', sources: [SEEDS, NEWS_DEV, DEV7] },
  // Five more (a morning briefing of unrelated items, an analysis comparing years and rounds, a story with an
  // editor's correction, a live page newest entry first with a retraction, an official's post quoted and
  // paraphrased): development material.
  { name: 'dev8', questions: 'tests/fixtures/dev8.jsonl', sources: [SEEDS, NEWS_DEV, DEV8] },
  // Five more (a wire story marked UPDATE 3 with older paragraphs left below, a correspondent's numbered
  // thread with a correction, a UN monitoring update with caveats, a round-one-vs-round-two explainer, the two
  // sides' claims of one night set side by side): development material.
  { name: 'dev9', questions: 'tests/fixtures/dev9.jsonl', sources: [SEEDS, NEWS_DEV, DEV9] },
  // Five more (a humanitarian body's press release on an exchange, a timeline of exchanges and talks, a markdown
  // table of the two sides' positions, a "The Latest" roll-up newest first with a rising toll, a fact check of
  // viral claims): development material.
  { name: 'dev10', questions: 'tests/fixtures/dev10.jsonl', sources: [SEEDS, NEWS_DEV, DEV10] },
  // Five more (a wire story with an editor's note correcting a figure, a Q&A explainer under bold question
  // headings, a live blog oldest entry first with an in-blog correction, an NGO report's summary with a table by
  // region, a profile of the US envoy): development material.
  { name: 'dev11', questions: 'tests/fixtures/dev11.jsonl', sources: [SEEDS, NEWS_DEV, DEV11] },
  // Five more (a week-in-review column a paragraph per day, a Q&A interview with a tracing official, a breaking
  // story with the next day's follow-up and a revised toll, a translated European paper with day-month dates, a
  // leader's call readout and the other side's contradicting account): development material.
  { name: 'dev12', questions: 'tests/fixtures/dev12.jsonl', sources: [SEEDS, NEWS_DEV, DEV12] },
  {
    name: 'heldout',
    questions: 'tests/fixtures/heldout.jsonl',
    sources: [SEEDS, NEWS_DEV],
    optional: true,
    heldOut: true,
  },
  // Five new articles in styles the others do not use, and questions written without reading the code.
  {
    name: 'heldout2',
    questions: 'tests/fixtures/heldout2.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT2],
    optional: true,
    heldOut: true,
  },
  // Five more new articles (briefing transcript, timeline, fact check, newsletter digest, regional toll report), questions written without reading the code.
  {
    name: 'heldout3',
    questions: 'tests/fixtures/heldout3.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT3],
    optional: true,
    heldOut: true,
  },
  // Five more (a TV bulletin script, a foreign-press review, a week in review by day, a report with a
  // figures table, a press release with a reporter's context), questions written without reading the code.
  {
    name: 'heldout4',
    questions: 'tests/fixtures/heldout4.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT4],
    optional: true,
    heldOut: true,
  },
  // Five more (a press-briefing transcript, a "smart brevity" newsletter item, a British-English report,
  // two translated official readouts side by side, a photo gallery's captions), written without reading the code.
  {
    name: 'heldout5',
    questions: 'tests/fixtures/heldout5.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT5],
    optional: true,
    heldOut: true,
  },
  // Five more (a humanitarian situation report with a table, a local paper's strike report, an op-ed,
  // an hour-by-hour tick-tock, a state news agency's report), written without reading the code.
  {
    name: 'heldout6',
    questions: 'tests/fixtures/heldout6.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT6],
    optional: true,
    heldOut: true,
  },
  // Five more (a radio bulletin script, an aid agency's press release, a photo essay's captions, a joint
  // statement with a reporter's context note, a Kyiv resident's diary), written without reading the code.
  {
    name: 'heldout7',
    questions: 'tests/fixtures/heldout7.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT7],
    optional: true,
    heldOut: true,
  },
  // Five more (a readers' Q&A explainer, a parliamentary debate summary, a regional paper's strike report with
  // an updated toll, a factbox of numbers with prose, an interview transcript), written without reading the code.
  {
    name: 'heldout8',
    questions: 'tests/fixtures/heldout8.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT8],
    optional: true,
    heldOut: true,
  },
  // Five more (a "week in numbers" column, a correspondent's notebook, a key-players factbox, a regional TV
  // station's web page with a rising toll and boilerplate, a state agency's version with an editor's note),
  // written without reading the code.
  {
    name: 'heldout9',
    questions: 'tests/fixtures/heldout9.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT9],
    optional: true,
    heldOut: true,
  },
  // Five more (a newspaper's corrections column, an email newsletter of mostly unrelated items, a regional
  // governor's overnight posts compiled with times, an analysis with a table of monthly figures, an interview
  // with a host-country official), written without reading the code.
  {
    name: 'heldout10',
    questions: 'tests/fixtures/heldout10.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT10],
    optional: true,
    heldOut: true,
  },
  // Five more (a radio bulletin with two correspondents and an on-air correction, a minister's written answer
  // to a parliamentary question, a regional paper's story about a returned prisoner's family, a wire factbox
  // of numbers, a former diplomat's opinion column), written without reading the code.
  {
    name: 'heldout11',
    questions: 'tests/fixtures/heldout11.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT11],
    optional: true,
    heldOut: true,
  },
  {
    name: 'heldout12',
    questions: 'tests/fixtures/heldout12.jsonl',
    sources: [SEEDS, NEWS_DEV, HELDOUT12],
    optional: true,
    heldOut: true,
  },
];

/** The set with its paths resolved against `root`. */
export function resolveSet(set: EvalSet, root: string): EvalSet {
  return {
    ...set,
    questions: path.resolve(root, set.questions),
    sources: set.sources.map((d) => path.resolve(root, d)),
  };
}

/** Why a set cannot run (its questions file is missing), or null. */
export function missingQuestions(set: EvalSet): string | null {
  return existsSync(set.questions) ? null : `${set.questions} not found`;
}
