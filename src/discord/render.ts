/**
 * Pure renderers: answers, casualty reports, talks briefs and the source list → Discord embeds.
 * No network, no discord.js client: plain `APIEmbed` JSON that any send path can use.
 *
 * Every Discord limit is a named constant below and every renderer stays inside all of them:
 * long material is cut at a word boundary with "…", and the embed says so in a note.
 * Text that comes from users or articles is markdown-escaped; the structure around it is ours.
 */
import {
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  escapeMarkdown,
  hyperlink,
  TimestampStyles,
  time,
} from 'discord.js';
import { mainAnswer } from '../engine/alternatives.js';
import { isChangeOverTime, isUpdate } from '../extract/render.js';
import type { CasualtyFigure, CasualtyReport, TalksBrief, TalksTopic } from '../extract/types.js';
import type { ReloadResult } from '../store.js';
import type { Answer, Citation } from '../types.js';
import {
  excerpt,
  formatDate,
  type NumberedSource,
  namedByTitle,
  reportName,
  type SourceInfo,
  type SourceLookup,
  SourceNumbering,
  shorten,
  sourceName,
} from './cite.js';
import {
  type ActionRow,
  button,
  encodePage,
  feedbackButtons,
  linkRow,
  pagerRow,
  rows,
  threadButton,
} from './components.js';

/* ------------------------------------------------------------------ limits */

/** Characters in a message's `content`. */
export const MAX_CONTENT_LENGTH = 2000;
/** Embeds in one message. */
export const MAX_EMBEDS_PER_MESSAGE = 10;
export const MAX_EMBED_TITLE = 256;
export const MAX_EMBED_DESCRIPTION = 4096;
export const MAX_EMBED_FIELDS = 25;
export const MAX_FIELD_NAME = 256;
export const MAX_FIELD_VALUE = 1024;
export const MAX_FOOTER_TEXT = 2048;
export const MAX_AUTHOR_NAME = 256;
/** Sum of title, description, field names and values, footer text and author name over ALL embeds of a message. */
export const MAX_EMBEDS_TOTAL = 6000;
/** Autocomplete: at most this many choices … */
export const MAX_AUTOCOMPLETE_CHOICES = 25;
/** … each with a name (and string value) of at most this many characters. */
export const MAX_CHOICE_LENGTH = 100;
/** A quote longer than this is shortened in listings so one long sentence cannot crowd out the others. */
export const MAX_QUOTE_CHARS = 600;

export const ELLIPSIS = '…';
export const SHORTENED_NOTE = "Shortened to fit Discord's limits.";

export const COLORS = {
  answer: 0x2b6cb0,
  abstained: 0x718096,
  casualties: 0xc53030,
  talks: 0x2f855a,
  sources: 0x4a5568,
  help: 0x805ad5,
  warning: 0xd69e2e,
} as const;

/* ----------------------------------------------------------- text helpers */

/** Escapes Discord markdown (including headings, lists and masked links) so text shows as typed. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/** Collapses whitespace (newlines included) into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts `text` to at most `max` characters, ending with "…". Prefers a word boundary, never splits a
 * surrogate pair and never leaves a dangling markdown escape backslash.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  const atBoundary = /\s/.test(text.charAt(cut));
  const space = head.search(/\s\S*$/);
  if (!atBoundary && space > cut * 0.75) head = head.slice(0, space);
  head = head.replace(/\s+$/, '');
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  return `${head}${ELLIPSIS}`;
}

/** Escapes raw text and fits the result into `max` characters (cutting the raw text, so no escape is split). */
export function clipEscaped(raw: string, max: number): string {
  const escaped = escapeText(raw);
  if (escaped.length <= max) return escaped;
  let budget = max;
  for (let i = 0; i < 8; i++) {
    const candidate = escapeText(clip(raw, budget));
    if (candidate.length <= max) return candidate;
    budget -= candidate.length - max + 1;
    if (budget <= ELLIPSIS.length) break;
  }
  return ELLIPSIS;
}

/**
 * Joins whole lines (separated by `sep`) while they fit in `max`; if some do not fit, ends with the
 * note `more(omitted)`. A first line that is too long on its own is clipped.
 */
export function fitLines(
  lines: string[],
  max: number,
  more: (omitted: number) => string = (n) => `${ELLIPSIS} and ${n} more not shown.`,
  sep = '\n',
): { text: string; omitted: number } {
  const all = lines.join(sep);
  if (all.length <= max) return { text: all, omitted: 0 };
  const kept: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const omitted = lines.length - i - 1;
    const note = omitted > 0 ? sep + more(omitted) : '';
    const added = (kept.length ? sep.length : 0) + line.length;
    if (length + added + note.length <= max) {
      kept.push(line);
      length += added;
      continue;
    }
    const rest = lines.length - i;
    if (kept.length === 0) {
      const tail = sep + more(rest - 1);
      const room = max - (rest > 1 ? tail.length : 0);
      kept.push(clip(line, Math.max(0, room)));
      if (rest > 1) kept.push(more(rest - 1));
      return { text: kept.join(sep).slice(0, max), omitted: rest - 1 };
    }
    kept.push(more(rest));
    const text = kept.join(sep);
    return { text: text.length <= max ? text : clip(text, max), omitted: rest };
  }
  return { text: kept.join(sep), omitted: 0 };
}

/** Splits text into chunks of at most `max` characters, at line breaks where possible (for long plain replies). */
export function splitMessage(text: string, max = MAX_CONTENT_LENGTH): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      if (current) {
        chunks.push(current);
        current = '';
      }
      const piece = clip(rest, max);
      const taken = piece.endsWith(ELLIPSIS) ? piece.length - ELLIPSIS.length : piece.length;
      chunks.push(rest.slice(0, taken));
      rest = rest.slice(taken).replace(/^\s+/, '');
    }
    const joined = current ? `${current}\n${rest}` : rest;
    if (joined.length > max) {
      chunks.push(current);
      current = rest;
    } else current = joined;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Characters of one embed that count toward Discord's 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function messageEmbedsLength(embeds: APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

/** A content string fitted to Discord's content limit. */
export function fitContent(lines: string[]): string {
  return fitLines(lines, MAX_CONTENT_LENGTH).text;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/* ----------------------------------------------------------- embed fitting */

export interface EmbedDraft {
  title?: string;
  url?: string;
  /** Description lines (already escaped/formatted); whole lines are kept while they fit. */
  lines?: string[];
  fields?: APIEmbedField[];
  footer?: string;
  color?: number;
  timestamp?: string;
  /** Note for description lines left out. */
  moreLines?: (omitted: number) => string;
  /** Note (added to the footer) for fields left out. */
  moreFields?: (omitted: number) => string;
}

/**
 * Builds one embed from a draft inside every per-embed limit and a total `budget` (the 6,000
 * characters are shared by all embeds of a message). Fields that do not fit are left out and the
 * footer says how many; anything shortened adds the "shortened" note.
 */
export function fitEmbed(draft: EmbedDraft, budget = MAX_EMBEDS_TOTAL): APIEmbed {
  let shortened = false;
  const embed: APIEmbed = {};
  if (draft.title) {
    embed.title = clip(draft.title, MAX_EMBED_TITLE);
    shortened ||= embed.title !== draft.title;
  }
  if (draft.url) embed.url = draft.url;
  if (draft.color !== undefined) embed.color = draft.color;
  if (draft.timestamp) embed.timestamp = draft.timestamp;

  const footerBase = draft.footer ?? '';
  // Room kept for the footer and its notes, then the description, then fields.
  const footerReserve = Math.min(MAX_FOOTER_TEXT, footerBase.length + 120);
  let remaining = budget - (embed.title?.length ?? 0) - footerReserve;

  if (draft.lines?.length) {
    const max = Math.max(0, Math.min(MAX_EMBED_DESCRIPTION, remaining));
    const fitted = fitLines(draft.lines, max, draft.moreLines);
    if (fitted.text) embed.description = fitted.text;
    shortened ||= fitted.omitted > 0 || fitted.text !== draft.lines.join('\n');
    remaining -= fitted.text.length;
  }

  const fields: APIEmbedField[] = [];
  const all = draft.fields ?? [];
  for (const f of all) {
    if (fields.length >= MAX_EMBED_FIELDS) break;
    const name = clip(f.name, MAX_FIELD_NAME) || '\u200b';
    const value = clip(f.value, MAX_FIELD_VALUE) || '\u200b';
    if (name.length + value.length > remaining) break;
    shortened ||= name !== f.name || value !== f.value;
    fields.push(f.inline === undefined ? { name, value } : { name, value, inline: f.inline });
    remaining -= name.length + value.length;
  }
  if (fields.length) embed.fields = fields;
  const omittedFields = all.length - fields.length;

  const notes = [footerBase];
  if (omittedFields > 0) notes.push(draft.moreFields?.(omittedFields) ?? `${omittedFields} more not shown`);
  if (shortened) notes.push(SHORTENED_NOTE);
  const footer = notes.filter(Boolean).join(' · ');
  if (footer) embed.footer = { text: clip(footer, Math.max(1, Math.min(MAX_FOOTER_TEXT, footerReserve))) };
  return embed;
}

/* ----------------------------------------------------------------- sources */

export type { NumberedSource, SourceInfo, SourceLookup } from './cite.js';
export { formatDate, lookupIn, SourceNumbering } from './cite.js';

/** Sources listed in full (with their quotes) on one page of "all sources". */
export const SOURCES_PER_PAGE = 5;
/** Quotes shown under an answer before "Show all sources". */
export const ANSWER_QUOTES = 2;
/** Disagreeing answers shown under an answer (the rest are under "Show all sources"). */
export const ANSWER_ALTERNATIVES = 3;
/** Casualty figures on one page. */
export const FIGURES_PER_PAGE = 6;
/** Brief items on one page of a talks topic. */
export const TALKS_ITEMS_PER_PAGE = 8;
/** Items per topic in the compact brief. */
export const BRIEF_ITEMS_PER_TOPIC = 2;
/** Characters of an item line in the compact brief. */
export const BRIEF_ITEM_CHARS = 90;
/** Characters of a quote under a figure or item (cut around the figure). */
export const EXCERPT_CHARS = 180;

function linkSafe(text: string): string {
  return text.replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'));
}

function safeUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : '%20'));
}

/** "*Title* · 5 Feb 2026" (title linked when the article has a URL, left out when it already names the source). */
export function titleLine(
  s: Pick<NumberedSource, 'title' | 'published' | 'url'> & { byTitle?: boolean },
): string | null {
  const parts: string[] = [];
  if (s.title && !s.byTitle) {
    const title = clipEscaped(oneLine(s.title), 150);
    parts.push(s.url ? hyperlink(linkSafe(title), safeUrl(s.url)) : `*${title}*`);
  }
  const date = formatDate(s.published);
  if (date) parts.push(date);
  return parts.length ? parts.join(' · ') : null;
}

/** "The Associated Press, also carried by NewsBeat · *Title* · 5 Feb 2026". */
export function sourceHeading(s: NumberedSource, withTitle = true): string {
  const name = escapeText(clip(oneLine(reportName(s)), 200));
  const rest = withTitle ? titleLine(s) : formatDate(s.published);
  return [name, rest].filter(Boolean).join(' · ');
}

/** The verbatim quote as a block quote, cut (with "…") around `focus` only if longer than `max`. */
export function quoteBlock(quote: string, max = MAX_QUOTE_CHARS, focus?: string | null): string {
  return `> ${escapeText(excerpt(quote, max, focus))}`;
}

/** One numbered source as description lines: "**[1]** outlet · title · date" then the quote. */
export function sourceEntry(s: NumberedSource, quoteMax = MAX_QUOTE_CHARS, focus?: string | null): string {
  return `**[${s.n}]** ${sourceHeading(s)}\n${quoteBlock(s.quote, quoteMax, focus)}`;
}

/** A numbered list of articles (no quotes): one line each, for pages whose quotes are behind "Sources". */
function articleLines(sources: NumberedSource[]): string[] {
  const seenTitle = new Set<string>();
  return sources.map((s) => {
    const repeat = s.title !== null && seenTitle.has(s.title);
    if (s.title) seenTitle.add(s.title);
    return `**[${s.n}]** ${sourceHeading(s, !repeat)}`;
  });
}

/** ISO dates inside generated text ("Thursday 2026-02-05", "2026-01") in the one date format ("Thursday 5 Feb 2026"). */
export function humanDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}(?:-\d{2})?\b/g, (iso) => formatDate(iso) ?? iso);
}

/** Each distinct quote behind one figure or item, once (a syndicated copy joins its original's number). */
function quoteLines(
  lines: string[],
  citations: readonly Citation[],
  numbering: SourceNumbering,
  focus: string | null,
): void {
  // Articles are numbered as on the page the quotes belong to; the same sentence in two copies is shown once.
  const byQuote = new Map<string, Set<number>>();
  for (const c of citations) {
    const key = oneLine(c.quote);
    byQuote.set(key, (byQuote.get(key) ?? new Set()).add(numbering.number(c)));
  }
  for (const [quote, ns] of byQuote)
    lines.push(`${quoteBlock(quote, EXCERPT_CHARS, focus)} ${[...ns].map((n) => `[${n}]`).join('')}`);
}

/** The quotes view of a page: the quotes (embed 1), then the articles their numbers stand for (embed 2). */
function quotesMessage(
  draft: EmbedDraft,
  numbering: SourceNumbering,
  back: APIButtonComponent | null,
): RenderedMessage {
  const reserve = Math.min(2000, numbering.list.length * 200 + 50);
  const main = fitEmbed(draft, MAX_EMBEDS_TOTAL - reserve);
  const sources = fitEmbed(
    { title: 'Sources', color: draft.color, lines: articleLines(numbering.list) },
    MAX_EMBEDS_TOTAL - embedLength(main),
  );
  const components = back ? rows([back, ...linkRow(numbering.list)]) : [];
  return withComponents({ embeds: [main, sources] }, components);
}

/* ----------------------------------------------------------------- answers */

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  /** Buttons (paging, sources, feedback, links); absent for messages without any. */
  components?: ActionRow[];
  /** Files to upload with the message (the casualties chart); embeds refer to them as `attachment://name`. */
  files?: { name: string; data: Buffer }[];
}

/** How a command is shown in text: a clickable `</name:id>` mention when the id is known. */
export type CommandMention = (name: string) => string;
export const plainCommand: CommandMention = (name) => `\`/${name}\``;

function agreementFooter(supporting: number, total: number, disagreeing: number): string {
  const base =
    supporting >= 2
      ? `${supporting} of ${plural(total, 'source')} agree`
      : `Supported by ${supporting} of ${plural(total, 'source')}`;
  return disagreeing > 0 ? `${base} · ${disagreeing} report${disagreeing === 1 ? 's' : ''} a different answer` : base;
}

export interface AnswerOptions {
  /** The asker: with it, the message gets its buttons (only the asker turns its pages). */
  owner?: string;
  view?: 'answer' | 'sources';
  page?: number;
  /** 👍/👎 buttons (default: with an owner). */
  feedback?: boolean;
  mention?: CommandMention;
  /** A "Follow up in a thread" button (public answers in a server text channel; see threads.ts). */
  thread?: boolean;
}

/** The page count of an answer's "all sources" view. */
export function answerSourcePages(answer: Answer, lookup: SourceLookup): number {
  return Math.max(1, Math.ceil(numberAnswer(answer, lookup).numbering.list.length / SOURCES_PER_PAGE));
}

function numberAnswer(answer: Answer, lookup: SourceLookup) {
  const numbering = new SourceNumbering(lookup, 'quote');
  const alternatives = answer.alternatives.filter((a) => a.citations.length > 0);
  const main = answer.citations.map((c) => numbering.entry(c));
  const alts = alternatives.map((a) => ({ answer: a.answer, entries: a.citations.map((c) => numbering.entry(c)) }));
  return { numbering, main: unique(main), alts: alts.map((a) => ({ ...a, entries: unique(a.entries) })) };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const refsOf = (entries: readonly NumberedSource[]) => entries.map((e) => `[${e.n}]`).join('');

function sourceField(s: NumberedSource, quoteMax: number, focus: string | null): APIEmbedField {
  // A headline quoted as the sentence is not repeated as the title above it.
  const sameAsTitle = s.title !== null && oneLine(s.title) === oneLine(s.quote);
  const heading = sameAsTitle ? formatDate(s.published) : titleLine(s);
  return {
    name: `[${s.n}] ${clipEscaped(oneLine(reportName(s)), MAX_FIELD_NAME - 8)}`,
    value: [heading, quoteBlock(s.quote, quoteMax, focus)].filter(Boolean).join('\n'),
  };
}

/**
 * An answer: the short answer first with one or two quotes, disagreeing answers with theirs, and a
 * "Show all sources" button leading to every source, five per page. Numbers resolve on the page.
 */
export function renderAnswer(
  answer: Answer,
  lookup: SourceLookup = () => undefined,
  options: AnswerOptions = {},
): RenderedMessage {
  const title = clipEscaped(oneLine(answer.question), MAX_EMBED_TITLE);
  const mention = options.mention ?? plainCommand;
  if (answer.abstained || answer.citations.length === 0) {
    return {
      embeds: [
        fitEmbed({
          title,
          color: COLORS.abstained,
          lines: [
            escapeText(answer.answer),
            '',
            `Try rephrasing, or see ${mention('talks')} for the talks and ${mention('casualties')} for reported figures.`,
          ],
          footer: `Searched ${plural(answer.totalSources, 'source')}`,
        }),
      ],
    };
  }

  const { numbering, main, alts } = numberAnswer(answer, lookup);
  const total = numbering.list.length;
  const mainText = mainAnswer(answer);
  const disagreeing = new Set(alts.flatMap((a) => a.entries.flatMap((e) => e.sources))).size;
  const pages = Math.max(1, Math.ceil(total / SOURCES_PER_PAGE));
  const view = options.view ?? 'answer';
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);

  if (view === 'sources') {
    const shown = numbering.list.slice(page * SOURCES_PER_PAGE, (page + 1) * SOURCES_PER_PAGE);
    const first = page * SOURCES_PER_PAGE + 1;
    const embed = fitEmbed({
      title,
      color: COLORS.answer,
      lines: [`All ${plural(total, 'source')} behind the answer **${escapeText(oneLine(mainText))}**:`],
      fields: shown.map((s) => sourceField(s, MAX_FIELD_VALUE - 300, mainText)),
      footer: `Sources ${first}–${first + shown.length - 1} of ${total}${pages > 1 ? ` · page ${page + 1} of ${pages}` : ''}`,
    });
    const components: ActionRow[] = [];
    if (options.owner) {
      const state = { kind: 'ask' as const, view: 'sources' as const, page, owner: options.owner };
      components.push(
        ...rows(
          pagerRow(state, pages, [
            button(encodePage({ ...state, view: 'answer', page: 0 }, 'b'), 'Back to the answer', ButtonStyle.Primary),
          ]),
        ),
        ...rows(linkRow(shown)),
      );
    }
    return withComponents({ embeds: [embed] }, components);
  }

  // The answer page numbers only what it shows, 1, 2, 3… in reading order ("all sources" numbers everything).
  const pickedMain = main.slice(0, ANSWER_QUOTES);
  const pickedAlts = alts.slice(0, ANSWER_ALTERNATIVES).map((a) => a.entries.slice(0, 1));
  const local = new Map<NumberedSource, NumberedSource>();
  for (const e of [...pickedMain, ...pickedAlts.flat()]) if (!local.has(e)) local.set(e, { ...e, n: local.size + 1 });
  const renumber = (es: NumberedSource[]) => es.map((e) => local.get(e) ?? e);
  const shownMain = renumber(pickedMain);
  const shownAlts = alts.slice(0, ANSWER_ALTERNATIVES).map((a, i) => ({ ...a, shown: renumber(pickedAlts[i] ?? []) }));
  const lines = [`**${escapeText(mainText)}** ${refsOf(shownMain)}`];
  if (shownAlts.length) {
    lines.push('', '**The sources also give:**');
    for (const alt of shownAlts) {
      const more = alt.entries.length - alt.shown.length;
      lines.push(
        `• ${escapeText(oneLine(alt.answer))} ${refsOf(alt.shown)}${more ? ` and ${plural(more, 'more report')}` : ''}`,
      );
    }
    if (alts.length > shownAlts.length)
      lines.push(`• and ${plural(alts.length - shownAlts.length, 'more answer')}, under all sources`);
  }
  const shown = [...local.values()];
  const hidden = total - shown.length;
  const footer = [
    agreementFooter(answer.supportingSources, answer.totalSources, disagreeing),
    hidden > 0 ? `${plural(hidden, 'more source')} under “Show all sources”` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const embed = fitEmbed({
    title,
    color: COLORS.answer,
    lines,
    fields: shown.map((s) => sourceField(s, 400, mainText)),
    footer,
  });
  const components: ActionRow[] = [];
  if (options.owner) {
    const state = { kind: 'ask' as const, view: 'sources' as const, page: 0, owner: options.owner };
    // "Show all sources" only when some are not on the answer page.
    const buttons =
      hidden > 0 ? [button(encodePage(state, 's'), `Show all sources (${total})`, ButtonStyle.Primary)] : [];
    if (options.feedback !== false) buttons.push(...feedbackButtons());
    if (options.thread) buttons.push(threadButton());
    components.push(...rows(buttons), ...rows(linkRow(shown)));
  }
  return withComponents({ embeds: [embed] }, components);
}

function withComponents(message: RenderedMessage, components: ActionRow[]): RenderedMessage {
  return components.length ? { ...message, components } : message;
}

/* --------------------------------------------------------------- casualties */

export const SIDE_LABELS: Record<string, string> = {
  ukraine: 'Ukraine',
  russia: 'Russia',
  civilians: 'Civilians',
  all: 'All sides',
};

export function sideLabel(side: string): string {
  return SIDE_LABELS[side] ?? side.charAt(0).toUpperCase() + side.slice(1);
}

const numberFormat = new Intl.NumberFormat('en-US');

/** "15,000", "15,000–20,000", "31%", or the figure as written when it has no numbers. */
export function figureValue(f: Pick<CasualtyFigure, 'low' | 'high' | 'text'> & { measure?: string }): string {
  const unit = /%/.test(f.measure ?? '') || /%|\bper ?cent\b/i.test(f.text) ? '%' : '';
  if (f.low !== null && f.high !== null && f.low !== f.high)
    return `${numberFormat.format(f.low)}–${numberFormat.format(f.high)}${unit}`;
  const n = f.low ?? f.high;
  return n !== null ? `${numberFormat.format(n)}${unit}` : oneLine(f.text);
}

/**
 * The figure as the source wrote it: "about 55,000", "more than 46,000", "1.2 million", "up to
 * 140,000". The qualifier is added only when the written text does not already carry it, and
 * "exact" is never shown.
 */
export function figureAsWritten(f: Pick<CasualtyFigure, 'text' | 'qualifier' | 'low' | 'high'>): string {
  let text = oneLine(f.text);
  if (!text) return figureValue(f);
  const q = oneLine(f.qualifier ?? '');
  if (q && q.toLowerCase() !== 'exact' && !text.toLowerCase().includes(q.toLowerCase())) text = `${q} ${text}`;
  // "More than 50,000" at the start of a sentence reads "more than 50,000" inside a line.
  if (/^[A-Z][a-z]+\b/.test(text) && /\d/.test(text)) text = text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface CasualtyQuery {
  side: string;
  measure?: string | null;
}

export interface PageOptions {
  owner?: string;
  page?: number;
  /** `quotes`: the verbatim sentences behind the items of this page. */
  view?: 'figures' | 'items' | 'quotes';
  mention?: CommandMention;
  /** An image shown in the main embed (`attachment://casualties.png`). */
  image?: string;
}

/** Figures grouped by who is counted (order of first appearance kept), for paging. */
export function groupFigures(figures: readonly CasualtyFigure[]): CasualtyFigure[] {
  const order = [...new Set(figures.map((f) => f.population))];
  return order.flatMap((p) => figures.filter((f) => f.population === p));
}

const monthOf = (d: string | null) => (d ? d.slice(0, 7) : null);

/**
 * Conflicts that are disagreements about the same thing at the same time: the figures' dates match
 * (to the month). Figures from different dates are a change, not a disagreement; they are all listed anyway.
 */
export function sameTimeConflicts(report: CasualtyReport): CasualtyReport['conflicts'] {
  return report.conflicts.filter((c) => {
    if (isChangeOverTime(c) || isUpdate(c)) return false;
    const dates = c.figures.map((cf) => {
      const match = report.figures.find(
        (f) => f.text === cf.text && f.claimant === cf.claimant && f.low === cf.low && f.high === cf.high,
      );
      return monthOf(match?.asOf ?? null);
    });
    return new Set(dates).size === 1;
  });
}

function figureLine(f: CasualtyFigure, numbering: SourceNumbering): string {
  const who = f.claimant ? escapeText(oneLine(f.claimant)) : 'no claimant named';
  const date = formatDate(f.asOf);
  return `• ${escapeText(capitalize(oneLine(f.measure)))}: **${escapeText(figureAsWritten(f))}** — ${who}${
    date ? `, as of ${date}` : ''
  } ${numbering.refs(f.citations)}`.trimEnd();
}

/**
 * Casualty figures, one line each, grouped by who is counted, paged (Previous / Next), with the
 * articles they come from numbered on each page and the verbatim quotes behind a "Sources" button.
 */
export function renderCasualties(
  report: CasualtyReport,
  query: CasualtyQuery,
  lookup: SourceLookup,
  totalSources: number,
  options: PageOptions = {},
): RenderedMessage {
  const scope = [sideLabel(query.side), query.measure ? oneLine(query.measure) : null].filter(Boolean).join(' · ');
  const title = clip(`Casualty figures — ${escapeText(scope)}`, MAX_EMBED_TITLE);
  if (report.figures.length === 0) {
    return {
      embeds: [
        fitEmbed({
          title,
          color: COLORS.abstained,
          lines: [
            `No casualty figures for ${escapeText(scope)} in my sources.`,
            'Try another `side` or leave `measure` empty.',
          ],
          footer: `Searched ${plural(totalSources, 'source')}`,
        }),
      ],
    };
  }
  const figures = groupFigures(report.figures);
  const pages = Math.ceil(figures.length / FIGURES_PER_PAGE);
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const onPage = figures.slice(page * FIGURES_PER_PAGE, (page + 1) * FIGURES_PER_PAGE);
  const first = page * FIGURES_PER_PAGE + 1;
  const range = `Figures ${first}–${first + onPage.length - 1} of ${figures.length}`;
  const pageNote = pages > 1 ? ` · page ${page + 1} of ${pages}` : '';
  const state = options.owner
    ? {
        kind: 'casualties' as const,
        view: 'figures' as const,
        page,
        owner: options.owner,
        side: query.side,
        measure: query.measure ?? null,
      }
    : null;

  if (options.view === 'quotes') {
    const numbering = new SourceNumbering(lookup, 'article');
    const lines: string[] = [];
    for (const f of onPage) {
      lines.push(
        `**${escapeText(capitalize(oneLine(f.measure)))}: ${escapeText(figureAsWritten(f))} — ${escapeText(humanDates(oneLine(f.population)))}**`,
      );
      quoteLines(lines, f.citations, numbering, f.text);
    }
    return quotesMessage(
      {
        title: clip(`Sources — ${title}`, MAX_EMBED_TITLE),
        color: COLORS.casualties,
        lines,
        footer: `Quotes for ${range.toLowerCase()}${pageNote}`,
        moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more line')} not shown.`,
      },
      numbering,
      state ? button(encodePage(state, 'b'), 'Back to the figures', ButtonStyle.Primary) : null,
    );
  }

  const numbering = new SourceNumbering(lookup, 'article');
  const lines: string[] = [];
  if (page === 0) {
    for (const c of sameTimeConflicts(report)) {
      const detail = oneLine(c.note)
        ? escapeText(oneLine(c.note))
        : `${c.figures.map((f) => `${escapeText(figureAsWritten({ ...f, qualifier: '' }))}${f.claimant ? ` (${escapeText(oneLine(f.claimant))})` : ''}`).join(' vs ')}.`;
      lines.push(`⚠️ **Sources disagree — ${escapeText(oneLine(c.about))}:** ${detail}`, '');
    }
    // Later reports of one incident: the count as it changed, the latest standing.
    for (const c of report.conflicts.filter(isUpdate)) {
      const about = oneLine(c.about).replace(/: update$/, '');
      const counts = c.figures
        .map(
          (f) =>
            `${escapeText(figureAsWritten({ ...f, qualifier: '' }))}${f.claimant ? ` (${escapeText(oneLine(f.claimant))})` : ''}`,
        )
        .join(' → ');
      lines.push(`🔄 **Updated — ${escapeText(about)}:** ${counts}`, '');
    }
  }
  let population: string | null = null;
  for (const f of onPage) {
    if (f.population !== population) {
      if (population !== null) lines.push('');
      population = f.population;
      lines.push(`**${escapeText(capitalize(humanDates(oneLine(f.population))))}**`);
    }
    lines.push(figureLine(f, numbering));
  }
  const footer = `${range}${pageNote} · from ${numbering.articles} of ${plural(totalSources, 'source')}`;
  const main = fitEmbed(
    { title, color: COLORS.casualties, lines, footer },
    MAX_EMBEDS_TOTAL - Math.min(2000, numbering.list.length * 200 + 50),
  );
  if (options.image) main.image = { url: options.image };
  const sources = fitEmbed(
    { title: 'Sources', color: COLORS.casualties, lines: articleLines(numbering.list) },
    MAX_EMBEDS_TOTAL - embedLength(main),
  );
  const components = state
    ? rows([
        ...pagerRow(state, pages, [button(encodePage({ ...state, view: 'quotes' }, 's'), 'Sources (quotes)')]),
        ...linkRow(numbering.list),
      ])
    : [];
  return withComponents({ embeds: [main, sources] }, components);
}

/* -------------------------------------------------------------------- talks */

export const TOPIC_LABELS: Record<string, string> = {
  participants: 'Participants',
  outcomes: 'Outcomes',
  'sticking-points': 'Sticking points',
  'next-steps': 'Next steps',
  timeline: 'Timeline',
  reactions: 'Reactions',
};

export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic] ?? capitalize(topic.replace(/-/g, ' '));
}

function topicButtons(
  brief: TalksBrief,
  topics: readonly string[],
  owner: string,
  current: string | null,
): APIButtonComponent[] {
  return topics
    .filter((t) => brief.items.some((i) => i.topic === t))
    .map((t, i) => {
      const n = brief.items.filter((item) => item.topic === t).length;
      return button(
        encodePage({ kind: 'talks', view: 'items', page: 0, owner, topic: t }, `t${i}`),
        `${topicLabel(t)} (${n})`,
        t === current ? ButtonStyle.Primary : ButtonStyle.Secondary,
        t === current,
      );
    });
}

/**
 * The talks. Without a topic: a compact brief that fits one screen (a couple of lines per topic)
 * with a button for each topic. With one: its items, paged, with the verbatim quotes behind "Sources".
 */
export function renderTalks(
  brief: TalksBrief,
  topic: TalksTopic | null,
  lookup: SourceLookup,
  totalSources: number,
  topicOrder: readonly string[] = Object.keys(TOPIC_LABELS),
  options: PageOptions = {},
): RenderedMessage {
  const title = `Abu Dhabi talks — ${topic ? topicLabel(topic) : 'brief'}`;
  const items = topic ? brief.items.filter((i) => i.topic === topic) : brief.items;
  if (items.length === 0) {
    return {
      embeds: [
        fitEmbed({
          title,
          color: COLORS.abstained,
          lines: [`Nothing on ${topic ? topicLabel(topic).toLowerCase() : 'the talks'} in my sources.`],
          footer: `Searched ${plural(totalSources, 'source')}`,
        }),
      ],
    };
  }
  const topics = [...new Set([...topicOrder, ...brief.items.map((i) => i.topic)])];
  const owner = options.owner;

  if (!topic) {
    const numbering = new SourceNumbering(lookup, 'article');
    const lines: string[] = [];
    for (const t of topics) {
      const its = brief.items.filter((i) => i.topic === t);
      if (!its.length) continue;
      if (lines.length) lines.push('');
      lines.push(`**${topicLabel(t)}**`);
      for (const i of its.slice(0, BRIEF_ITEMS_PER_TOPIC))
        lines.push(
          `• ${escapeText(shorten(humanDates(oneLine(i.summary)), BRIEF_ITEM_CHARS))} ${numbering.refs(i.citations)}`.trimEnd(),
        );
      if (its.length > BRIEF_ITEMS_PER_TOPIC)
        lines.push(`• and ${its.length - BRIEF_ITEMS_PER_TOPIC} more under ${topicLabel(t)}`);
    }
    const main = fitEmbed(
      {
        title,
        color: COLORS.talks,
        lines,
        footer: `${plural(brief.items.length, 'item')} in ${plural(topics.filter((t) => brief.items.some((i) => i.topic === t)).length, 'topic')} · from ${numbering.articles} of ${plural(totalSources, 'source')}`,
      },
      MAX_EMBEDS_TOTAL - 1200,
    );
    const sources = fitEmbed(
      { title: 'Sources', color: COLORS.talks, lines: articleLines(numbering.list) },
      MAX_EMBEDS_TOTAL - embedLength(main),
    );
    const components = owner ? rows([...topicButtons(brief, topics, owner, null), ...linkRow(numbering.list)]) : [];
    return withComponents({ embeds: [main, sources] }, components);
  }

  const pages = Math.ceil(items.length / TALKS_ITEMS_PER_PAGE);
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const onPage = items.slice(page * TALKS_ITEMS_PER_PAGE, (page + 1) * TALKS_ITEMS_PER_PAGE);
  const first = page * TALKS_ITEMS_PER_PAGE + 1;
  const range = `Items ${first}–${first + onPage.length - 1} of ${items.length}${pages > 1 ? ` · page ${page + 1} of ${pages}` : ''}`;
  const state = owner ? { kind: 'talks' as const, view: 'items' as const, page, owner, topic } : null;
  const back = state
    ? [button(encodePage({ ...state, topic: null, page: 0 }, 'b'), '◀ Brief', ButtonStyle.Primary)]
    : [];

  if (options.view === 'quotes') {
    const numbering = new SourceNumbering(lookup, 'article');
    const lines: string[] = [];
    for (const i of onPage) {
      lines.push(`**${escapeText(shorten(humanDates(oneLine(i.summary)), 200))}**`);
      quoteLines(lines, i.citations, numbering, null);
    }
    return quotesMessage(
      {
        title: `Sources — ${title}`,
        color: COLORS.talks,
        lines,
        footer: `Quotes for ${range.charAt(0).toLowerCase()}${range.slice(1)}`,
        moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more line')} not shown.`,
      },
      numbering,
      state ? button(encodePage(state, 's'), 'Back to the items', ButtonStyle.Primary) : null,
    );
  }

  const numbering = new SourceNumbering(lookup, 'article');
  const lines = onPage.map((i) =>
    `• ${escapeText(humanDates(oneLine(i.summary)))} ${numbering.refs(i.citations)}`.trimEnd(),
  );
  const main = fitEmbed(
    {
      title,
      color: COLORS.talks,
      lines,
      footer: `${range} · from ${numbering.articles} of ${plural(totalSources, 'source')}`,
      moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more item')}.`,
    },
    MAX_EMBEDS_TOTAL - 1200,
  );
  const sources = fitEmbed(
    { title: 'Sources', color: COLORS.talks, lines: articleLines(numbering.list) },
    MAX_EMBEDS_TOTAL - embedLength(main),
  );
  const components = state
    ? rows([
        ...pagerRow(state, pages, [button(encodePage({ ...state, view: 'quotes' }, 's'), 'Sources (quotes)'), ...back]),
        ...linkRow(numbering.list),
      ])
    : [];
  return withComponents({ embeds: [main, sources] }, components);
}

/* ------------------------------------------------------------------ sources */

export interface IndexSummary {
  /** Each article as a renderer shows it (see `SourceInfo`), with what the index holds of it. */
  articles: (Omit<SourceInfo, 'group'> & { passages?: number; sentences?: number; figures?: number })[];
  builtAt: Date;
  buildMs?: number;
}

/** Articles listed on one page of `/sources list`. */
export const ARTICLES_PER_PAGE = 15;

/** `/sources list`: every indexed article — name, title, date and link — newest first, paged. */
export function renderSourcesList(
  summary: IndexSummary,
  options: { owner?: string; page?: number } = {},
): RenderedMessage {
  const articles = [...summary.articles].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  const pages = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE));
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const onPage = articles.slice(page * ARTICLES_PER_PAGE, (page + 1) * ARTICLES_PER_PAGE);
  const lines = onPage.map((a) => {
    const name = escapeText(clip(oneLine(sourceName(a)), 200));
    const title = a.title && !namedByTitle(a) ? clipEscaped(oneLine(a.title), 150) : null;
    const shownTitle = title ? (a.url ? hyperlink(linkSafe(title), safeUrl(a.url)) : `*${title}*`) : null;
    const date = formatDate(a.published);
    const link = !shownTitle && a.url ? hyperlink('link', safeUrl(a.url)) : null;
    return `• **${name}**${[shownTitle, date, link]
      .filter(Boolean)
      .map((p) => ` · ${p}`)
      .join('')}`;
  });
  const first = page * ARTICLES_PER_PAGE + 1;
  const range =
    articles.length === 0
      ? 'No articles'
      : `Articles ${first}–${first + onPage.length - 1} of ${articles.length}${pages > 1 ? ` · page ${page + 1} of ${pages}` : ''}`;
  const embed = fitEmbed({
    title: `The articles I answer from (${summary.articles.length})`,
    color: COLORS.sources,
    lines: lines.length ? lines : ['No articles are indexed.'],
    footer: `${range} · newest first · updated`,
    timestamp: summary.builtAt.toISOString(),
    moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more article')} not shown.`,
  });
  const components = options.owner
    ? rows(pagerRow({ kind: 'sources', view: 'items', page, owner: options.owner }, pages))
    : [];
  return withComponents({ embeds: [embed] }, components);
}

/* -------------------------------------------------------------------- sizes */

/** "812 bytes", "4.2 KB", "1.5 MB" (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/* ------------------------------------------------------------- autocomplete */

/** Autocomplete choices inside Discord's limits: ≤ 25, names and values 1–100 characters, no duplicates. */
export function toChoices(values: Iterable<string>): { name: string; value: string }[] {
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const raw of values) {
    const v = clip(oneLine(raw), MAX_CHOICE_LENGTH);
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push({ name: v, value: v });
    if (out.length >= MAX_AUTOCOMPLETE_CHOICES) break;
  }
  return out;
}

/* ------------------------------------------------------------------ reloads */

/** An admin's ephemeral report on a reload: what is being served now, and every problem by file name. */
export function renderReload(result: ReloadResult, before: string[] = []): RenderedMessage {
  const lines = [...before];
  if (result.ok) {
    const s = result.snapshot;
    lines.push(`✅ Index rebuilt from ${plural(s.corpus.articles.length, 'article')}; I answer from them now.`);
    if (result.warnings.length) {
      lines.push(
        'These files were left out:',
        ...result.warnings.map((w) => `• ${escapeText(w.file)}: ${escapeText(w.problem)}`),
      );
    }
  } else {
    const kept = result.kept;
    lines.push(
      kept
        ? `❌ The new index was not built. The previous one keeps answering (${plural(kept.corpus.articles.length, 'article')}, built ${time(Math.floor(kept.builtAt.getTime() / 1000), TimestampStyles.RelativeTime)}).`
        : '❌ The index could not be built.',
      'Fix or remove these files, then run `/sources-admin reload` again:',
      ...result.errors.map((e) => `• **${escapeText(e.file)}**: ${escapeText(e.problem)}`),
    );
  }
  return { content: fitContent(lines), embeds: [] };
}
