/**
 * One place that turns "what to show" (a command's options, or the state a button carries) into a
 * rendered message from the snapshot being served. Commands and button clicks both come here, so
 * page 2 after a click is exactly what the command would have shown as page 2.
 */
import { filterCasualties, SIDES } from '../extract/casualties.js';
import { TALKS_TOPICS } from '../extract/talks.js';
import type { Side, TalksTopic } from '../extract/types.js';
import type { Snapshot } from '../store.js';
import type { Answer } from '../types.js';
import { CHART_FILE, casualtiesPng } from './chart.js';
import type { PageState } from './components.js';
import {
  type CommandMention,
  groupFigures,
  type IndexSummary,
  lookupIn,
  type RenderedMessage,
  renderAnswer,
  renderCasualties,
  renderSourcesList,
  renderTalks,
} from './render.js';

export function parseSide(value: string | null | undefined): Side {
  return (SIDES as readonly string[]).includes(value ?? '') ? (value as Side) : 'all';
}

export function parseTopic(value: string | null | undefined): TalksTopic | null {
  return (TALKS_TOPICS as readonly string[]).includes(value ?? '') ? (value as TalksTopic) : null;
}

/**
 * `chart: 'attach'` renders the chart and uploads it with the message; `'keep'` refers to a chart the
 * message already has (a page turned on it); nothing: no chart (a private copy, the quotes view).
 */
export function casualtiesView(
  snapshot: Snapshot,
  query: { side: Side; measure: string | null },
  options: { owner?: string; page?: number; view?: 'figures' | 'quotes'; chart?: 'attach' | 'keep' } = {},
): RenderedMessage {
  const report = filterCasualties(
    snapshot.casualties,
    query.measure ? { side: query.side, measure: query.measure } : { side: query.side },
  );
  const { chart, ...rest } = options;
  const png = chart === 'attach' && options.view !== 'quotes' ? casualtiesPng(groupFigures(report.figures)) : null;
  const image = (png || chart === 'keep') && options.view !== 'quotes' ? `attachment://${CHART_FILE}` : undefined;
  const rendered = renderCasualties(report, query, lookupIn(snapshot.corpus), snapshot.corpus.articles.length, {
    ...rest,
    ...(image ? { image } : {}),
  });
  return png && rendered.embeds.length > 1 ? { ...rendered, files: [{ name: CHART_FILE, data: png }] } : rendered;
}

export function talksView(
  snapshot: Snapshot,
  topic: TalksTopic | null,
  options: { owner?: string; page?: number; view?: 'items' | 'quotes' } = {},
): RenderedMessage {
  return renderTalks(
    snapshot.talks,
    topic,
    lookupIn(snapshot.corpus),
    snapshot.corpus.articles.length,
    TALKS_TOPICS,
    options,
  );
}

/** Per-article facts for the listing: name, title, date, link (and counts for other front ends). */
export function summarize(snapshot: Snapshot): IndexSummary {
  const lookup = lookupIn(snapshot.corpus);
  const figures = new Map<string, number>();
  for (const f of snapshot.casualties.figures) {
    for (const source of new Set(f.citations.map((c) => c.source))) figures.set(source, (figures.get(source) ?? 0) + 1);
  }
  return {
    articles: snapshot.corpus.articles.map((a) => ({
      id: a.id,
      outlet: a.meta.outlet ?? a.meta.agency,
      title: a.meta.title,
      published: a.meta.published,
      url: a.meta.url,
      agency: a.meta.agency,
      headline: lookup(a.id)?.headline ?? null,
      passages: new Set(a.sentences.filter((s) => !s.boilerplate).map((s) => s.paragraph)).size,
      sentences: a.sentences.filter((s) => !s.boilerplate).length,
      figures: figures.get(a.id) ?? 0,
    })),
    builtAt: snapshot.builtAt,
    buildMs: snapshot.buildMs,
  };
}

export function sourcesView(snapshot: Snapshot, options: { owner?: string; page?: number } = {}): RenderedMessage {
  return renderSourcesList(summarize(snapshot), options);
}

/** What a button's state shows, for `owner`; `question` is needed for answers (read from the message). */
export function viewFor(
  state: PageState,
  snapshot: Snapshot,
  owner: string,
  question: string | null,
  mention?: CommandMention,
  hasChart = false,
  thread = false,
  /** The answer to `question`, when the caller has awaited it already (see buttons.ts). */
  answered?: Answer,
): RenderedMessage | null {
  if (state.kind === 'casualties') {
    return casualtiesView(
      snapshot,
      { side: parseSide(state.side), measure: state.measure },
      { owner, page: state.page, view: state.view, ...(hasChart ? { chart: 'keep' as const } : {}) },
    );
  }
  if (state.kind === 'talks')
    return talksView(snapshot, parseTopic(state.topic), { owner, page: state.page, view: state.view });
  if (state.kind === 'sources') return sourcesView(snapshot, { owner, page: state.page });
  if (!question) return null;
  const answer = answered ?? snapshot.engine.ask(question);
  return renderAnswer(answer, lookupIn(snapshot.corpus), {
    owner,
    view: state.view,
    page: state.page,
    ...(mention ? { mention } : {}),
    ...(thread ? { thread } : {}),
  });
}

/** The question an answer message was for: its embed title, without the markdown escapes added to it. */
export function questionOf(
  message: { embeds?: readonly { title?: string | null }[] } | null | undefined,
): string | null {
  const title = message?.embeds?.[0]?.title;
  // A title cut to fit Discord's limit no longer holds the whole question.
  if (!title || title.endsWith('…')) return null;
  return title.replace(/\\([^\w\s])/g, '$1');
}
