/**
 * Pure renderers: answers, casualty reports, talks briefs and the source list → Discord embeds.
 * No network, no discord.js client: plain `APIEmbed` JSON that any send path can use.
 *
 * Every Discord limit is a named constant below and every renderer stays inside all of them:
 * long material is cut at a word boundary with "…", and the embed says so in a note.
 * Text that comes from users or articles is markdown-escaped; the structure around it is ours.
 */
import { type APIEmbed, type APIEmbedField, escapeMarkdown, hyperlink, TimestampStyles, time } from 'discord.js';
import { isChangeOverTime } from '../extract/render.js';
import type { CasualtyFigure, CasualtyReport, TalksBrief, TalksTopic } from '../extract/types.js';
import type { ReloadResult } from '../store.js';
import type { Answer, Citation, Corpus, RichCitation } from '../types.js';

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

/** What a renderer shows about an article. */
export interface SourceInfo {
  id: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
}

export type SourceLookup = (id: string) => SourceInfo | undefined;

export function lookupIn(corpus: Corpus): SourceLookup {
  return (id) => {
    const a = corpus.byId.get(id);
    if (!a) return undefined;
    return {
      id,
      outlet: a.meta.outlet ?? a.meta.agency,
      title: a.meta.title,
      published: a.meta.published,
      url: a.meta.url,
    };
  };
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "5 Feb 2026" for an ISO date, "Dec 2025" for a month; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) {
    const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return Number.isNaN(d.getTime()) ? iso : monthFormat.format(d);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** A numbered citation as shown: the article it comes from and the verbatim sentence. */
export interface NumberedSource {
  n: number;
  source: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  quote: string;
}

/** Numbers citations in order of first use; the same sentence from the same article gets the same number. */
export class SourceNumbering {
  readonly list: NumberedSource[] = [];
  #byKey = new Map<string, number>();

  constructor(private readonly lookup: SourceLookup = () => undefined) {}

  number(c: Citation | RichCitation): number {
    const key = `${c.source}\u0000${c.quote}`;
    const known = this.#byKey.get(key);
    if (known) return known;
    const info = this.lookup(c.source);
    const rich = c as Partial<RichCitation>;
    const n = this.list.length + 1;
    this.list.push({
      n,
      source: c.source,
      outlet: c.outlet ?? info?.outlet ?? `article ${c.source}`,
      title: rich.title ?? info?.title ?? null,
      published: rich.published ?? info?.published ?? null,
      url: info?.url ?? null,
      quote: c.quote,
    });
    this.#byKey.set(key, n);
    return n;
  }

  refs(citations: readonly (Citation | RichCitation)[]): string {
    return [...new Set(citations.map((c) => this.number(c)))].map((n) => `[${n}]`).join('');
  }

  /** Distinct articles cited. */
  get articles(): number {
    return new Set(this.list.map((s) => s.source)).size;
  }
}

function linkSafe(text: string): string {
  return text.replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'));
}

function safeUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : '%20'));
}

/** "*Title* · 5 Feb 2026" (title linked when the article has a URL), or null when neither is known. */
export function titleLine(s: Pick<NumberedSource, 'title' | 'published' | 'url'>): string | null {
  const parts: string[] = [];
  if (s.title) {
    const title = clipEscaped(oneLine(s.title), 150);
    parts.push(s.url ? hyperlink(linkSafe(title), safeUrl(s.url)) : `*${title}*`);
  }
  const date = formatDate(s.published);
  if (date) parts.push(date);
  return parts.length ? parts.join(' · ') : null;
}

/** "The Associated Press · *Title* · 5 Feb 2026". */
export function sourceHeading(s: Pick<NumberedSource, 'outlet' | 'title' | 'published' | 'url' | 'source'>): string {
  return [escapeText(oneLine(s.outlet ?? s.source)), titleLine(s)].filter(Boolean).join(' · ');
}

/** The verbatim quote as a block quote, shortened (with "…") only if it is longer than `max`. */
export function quoteBlock(quote: string, max = MAX_QUOTE_CHARS): string {
  return `> ${clipEscaped(oneLine(quote), max)}`;
}

/** One numbered source as description lines: "**[1]** outlet · title · date" then the quote. */
export function sourceEntry(s: NumberedSource, quoteMax = MAX_QUOTE_CHARS): string {
  return `**[${s.n}]** ${sourceHeading(s)}\n${quoteBlock(s.quote, quoteMax)}`;
}

/** A second embed listing numbered sources, fitted into `budget` characters. */
export function sourcesEmbed(sources: NumberedSource[], budget: number, color: number): APIEmbed | null {
  if (sources.length === 0 || budget < 200) return null;
  return fitEmbed(
    {
      title: 'Sources',
      lines: sources.map((s) => sourceEntry(s)),
      color,
      moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more source')} not shown.`,
    },
    budget,
  );
}

/* ----------------------------------------------------------------- answers */

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
}

function agreementFooter(supporting: number, total: number, disagreeing: number): string {
  const base =
    supporting >= 2
      ? `${supporting} of ${plural(total, 'source')} agree`
      : `Supported by ${supporting} of ${plural(total, 'source')}`;
  return disagreeing > 0 ? `${base} · ${disagreeing} report${disagreeing === 1 ? 's' : ''} a different answer` : base;
}

/**
 * The main answer without the disagreeing answers an engine may have appended to it ("…; the
 * sources also give: X; Y"): those are listed separately, each with its own numbered sources.
 */
export function mainAnswer(text: string, alternatives: readonly { answer: string }[]): string {
  if (alternatives.length === 0) return text;
  const positions = alternatives.map((a) => (a.answer ? text.indexOf(a.answer) : -1));
  if (positions.some((p) => p <= 0)) return text;
  const head = text
    .slice(0, Math.min(...positions))
    .replace(/[;,]\s*[^;,:]{0,60}:\s*$/, '')
    .trim();
  return head || text;
}

/** An answer with its numbered citations: answer + disagreements on top, one field per source. */
export function renderAnswer(answer: Answer, lookup: SourceLookup = () => undefined): RenderedMessage {
  const title = clipEscaped(oneLine(answer.question), MAX_EMBED_TITLE);
  if (answer.abstained || answer.citations.length === 0) {
    return {
      embeds: [
        fitEmbed({
          title,
          color: COLORS.abstained,
          lines: [
            escapeText(answer.answer),
            '',
            'Try rephrasing, or see `/talks` for the talks and `/casualties` for reported figures.',
          ],
          footer: `Searched ${plural(answer.totalSources, 'source')}`,
        }),
      ],
    };
  }

  const numbering = new SourceNumbering(lookup);
  const alternatives = answer.alternatives.filter((a) => a.citations.length > 0);
  const main = mainAnswer(answer.answer, alternatives);
  const lines = [`**${escapeText(main)}** ${numbering.refs(answer.citations)}`];
  if (alternatives.length) {
    lines.push('', '**The sources also give:**');
    for (const alt of alternatives) lines.push(`• ${escapeText(oneLine(alt.answer))} ${numbering.refs(alt.citations)}`);
  }
  const disagreeing = new Set(alternatives.flatMap((a) => a.citations.map((c) => c.source))).size;
  const fields = numbering.list.map((s) => ({
    name: `[${s.n}] ${clipEscaped(oneLine(s.outlet ?? s.source), MAX_FIELD_NAME - 8)}`,
    value: [titleLine(s), quoteBlock(s.quote, MAX_FIELD_VALUE - 300)].filter(Boolean).join('\n'),
  }));
  return {
    embeds: [
      fitEmbed({
        title,
        color: COLORS.answer,
        lines,
        fields,
        footer: agreementFooter(answer.supportingSources, answer.totalSources, disagreeing),
        moreFields: (n) => `${plural(n, 'more source')} not shown`,
      }),
    ],
  };
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

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface CasualtyQuery {
  side: string;
  measure?: string | null;
}

/** Casualty figures (value, qualifier, who is counted, claimant, as of), conflicts first, numbered sources after. */
export function renderCasualties(
  report: CasualtyReport,
  query: CasualtyQuery,
  lookup: SourceLookup,
  totalSources: number,
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

  const numbering = new SourceNumbering(lookup);
  const fields = report.figures.map((f) => {
    const value = [
      `**${escapeText(figureValue(f))}**${f.qualifier ? ` (${escapeText(oneLine(f.qualifier))})` : ''}`,
      figureValue(f) !== oneLine(f.text) ? `As written: “${clipEscaped(oneLine(f.text), 200)}”` : null,
      `Counted: ${escapeText(oneLine(f.population))}`,
      `Claimant: ${f.claimant ? escapeText(oneLine(f.claimant)) : 'not stated'}`,
      `As of: ${escapeText(formatDate(f.asOf) ?? 'not stated')}`,
      `Sources: ${numbering.refs(f.citations) || 'none'}`,
    ].filter((l): l is string => l !== null);
    const name = `${capitalize(oneLine(f.measure))} — ${oneLine(f.population)}`;
    return { name: clipEscaped(name, MAX_FIELD_NAME), value: value.join('\n') };
  });

  const lines: string[] = [];
  const disagreements = report.conflicts.filter((c) => !isChangeOverTime(c)).length;
  for (const c of report.conflicts) {
    const figures = c.figures
      .map((f) => `${escapeText(figureValue(f))}${f.claimant ? ` (${escapeText(oneLine(f.claimant))})` : ''}`)
      .join(' vs ');
    // The note, when there is one, already names the figures side by side.
    const detail = oneLine(c.note) ? escapeText(oneLine(c.note)) : `${figures}.`;
    const label = isChangeOverTime(c) ? '📈 **Change over time —' : '⚠️ **Sources disagree —';
    lines.push(`${label} ${escapeText(oneLine(c.about))}:** ${detail}`);
  }
  if (lines.length === 0) lines.push('No conflicting figures among my sources for this selection.');

  const footer = [
    `${plural(report.figures.length, 'figure')} from ${numbering.articles} of ${plural(totalSources, 'source')}`,
    disagreements ? plural(disagreements, 'conflict') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return twoEmbeds(
    {
      title,
      color: COLORS.casualties,
      lines,
      fields,
      footer,
      moreFields: (n) => `${plural(n, 'more figure')} not shown — narrow with side or measure`,
    },
    numbering.list,
    COLORS.casualties,
  );
}

/** Main embed + numbered sources embed, sharing the 6,000-character message budget. */
function twoEmbeds(main: EmbedDraft, sources: NumberedSource[], color: number): RenderedMessage {
  const sourcesWanted = sources.reduce((n, s) => n + sourceEntry(s).length + 1, 'Sources'.length);
  const reserve = Math.min(sourcesWanted, 2400);
  const first = fitEmbed(main, MAX_EMBEDS_TOTAL - reserve);
  const second = sourcesEmbed(sources, MAX_EMBEDS_TOTAL - embedLength(first), color);
  return { embeds: second ? [first, second] : [first] };
}

/* -------------------------------------------------------------------- talks */

export const TOPIC_LABELS: Record<string, string> = {
  participants: 'Participants',
  outcomes: 'Outcomes',
  'sticking-points': 'Sticking points',
  'next-steps': 'Next steps',
  timeline: 'Timeline',
};

export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic] ?? capitalize(topic.replace(/-/g, ' '));
}

/** The cited brief: one field per topic (or bullet lines for a single topic), numbered sources after. */
export function renderTalks(
  brief: TalksBrief,
  topic: TalksTopic | null,
  lookup: SourceLookup,
  totalSources: number,
  topicOrder: readonly string[] = Object.keys(TOPIC_LABELS),
): RenderedMessage {
  const title = `Abu Dhabi talks — ${topic ? topicLabel(topic) : 'brief'}`;
  if (brief.items.length === 0) {
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
  const numbering = new SourceNumbering(lookup);
  const bullet = (summary: string, citations: Citation[]) =>
    `• ${escapeText(oneLine(summary))} ${numbering.refs(citations)}`.trimEnd();
  const footerFor = () => `Drawn from ${numbering.articles} of ${plural(totalSources, 'source')}`;

  if (topic) {
    const lines = brief.items.map((i) => bullet(i.summary, i.citations));
    const footer = footerFor();
    return twoEmbeds(
      { title, color: COLORS.talks, lines, footer, moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more item')}.` },
      numbering.list,
      COLORS.talks,
    );
  }
  const topics = [...new Set([...topicOrder, ...brief.items.map((i) => i.topic)])];
  const fields: APIEmbedField[] = [];
  for (const t of topics) {
    const items = brief.items.filter((i) => i.topic === t);
    if (!items.length) continue;
    const { text } = fitLines(
      items.map((i) => bullet(i.summary, i.citations)),
      MAX_FIELD_VALUE,
      (n) => `${ELLIPSIS} and ${n} more — use \`/talks topic:${t}\``,
    );
    fields.push({ name: topicLabel(t), value: text });
  }
  return twoEmbeds(
    { title, color: COLORS.talks, fields, footer: footerFor(), moreFields: (n) => `${plural(n, 'more topic')}` },
    numbering.list,
    COLORS.talks,
  );
}

/* ------------------------------------------------------------------ sources */

export interface IndexSummary {
  articles: {
    id: string;
    outlet: string | null;
    title: string | null;
    published: string | null;
    url: string | null;
    passages: number;
    sentences: number;
    figures: number;
  }[];
  builtAt: Date;
  buildMs: number;
}

/** `/sources list`: every indexed article with outlet, date, passages and figures, and when the index was built. */
export function renderSourcesList(summary: IndexSummary): RenderedMessage {
  const built = Math.floor(summary.builtAt.getTime() / 1000);
  const lines = [
    `Index built ${time(built, TimestampStyles.ShortDateTime)} (${time(built, TimestampStyles.RelativeTime)}) in ${Math.round(summary.buildMs)} ms.`,
    '',
    ...summary.articles.map((a) => {
      const heading = [escapeText(oneLine(a.outlet ?? 'outlet not stated')), titleLine(a)].filter(Boolean).join(' · ');
      return `**${escapeText(a.id)}** — ${heading}\n${plural(a.passages, 'passage')} · ${plural(a.sentences, 'sentence')} · ${plural(a.figures, 'figure')}`;
    }),
  ];
  const sum = (key: 'passages' | 'sentences' | 'figures') => summary.articles.reduce((n, a) => n + a[key], 0);
  return {
    embeds: [
      fitEmbed({
        title: `Indexed sources (${plural(summary.articles.length, 'article')})`,
        color: COLORS.sources,
        lines,
        footer: `${plural(sum('passages'), 'passage')} · ${plural(sum('sentences'), 'sentence')} indexed`,
        timestamp: summary.builtAt.toISOString(),
        moreLines: (n) => `${ELLIPSIS} and ${plural(n, 'more article')} not shown.`,
      }),
    ],
  };
}

/* --------------------------------------------------------------------- help */

export function renderHelp(botMention: string): RenderedMessage {
  return {
    embeds: [
      fitEmbed({
        title: 'Ask me about the Abu Dhabi peace talks',
        color: COLORS.help,
        lines: [
          `Mention me with a question, e.g. ${botMention} how many prisoners were exchanged?`,
          'I answer only from my indexed news articles and quote the sentences I used.',
          '',
          '`/ask` — ask a question',
          '`/talks` — who took part, outcomes, sticking points, next steps',
          '`/casualties` — reported casualty figures, with who claims them',
          '`/sources list` — the articles I know',
        ],
      }),
    ],
  };
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
    lines.push(
      `✅ Index rebuilt from ${plural(s.corpus.articles.length, 'article')} (${plural(s.corpus.sentences.filter((x) => !x.boilerplate).length, 'sentence')}) in ${Math.round(s.buildMs)} ms; it is answering now.`,
    );
    if (result.warnings.length) {
      lines.push('Skipped:', ...result.warnings.map((w) => `• ${escapeText(w.file)}: ${escapeText(w.problem)}`));
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
