/**
 * Sources as people read them: who published the article (its outlet, or where the text names none,
 * its title or headline), one date format, syndicated copies shown as one report, and quotes cut
 * only at phrase boundaries and never away from the figure they are there for.
 */
import type { Citation, Corpus, RichCitation } from '../types.js';

/** What a renderer shows about an article. */
export interface SourceInfo {
  id: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  /** The agency a syndicated story comes from ("AP"). */
  agency?: string | null;
  /** The article's first sentence, for articles with neither outlet nor title. */
  headline?: string | null;
  /** Articles that are copies of one agency story share this key (see `syndicationGroups`). */
  group?: string | null;
}

export type SourceLookup = (id: string) => SourceInfo | undefined;

/** Longest headline used as an article's name. */
export const MAX_HEADLINE_CHARS = 70;

/** Sentences two copies of one story must share (letters and digits compared) to count as one report. */
export const SYNDICATION_MIN_SHARED = 3;

const groupsByCorpus = new WeakMap<Corpus, Map<string, string>>();

/**
 * Copies of one agency story: articles from the same agency that share at least
 * SYNDICATION_MIN_SHARED sentences word for word. Each article in a group maps to the group's first id.
 */
export function syndicationGroups(corpus: Corpus): Map<string, string> {
  const known = groupsByCorpus.get(corpus);
  if (known) return known;
  const groups = new Map<string, string>();
  const byAgency = new Map<string, { id: string; sentences: Set<string> }[]>();
  for (const a of corpus.articles) {
    if (!a.meta.agency) continue;
    const sentences = new Set(
      a.sentences.filter((x) => !x.boilerplate && x.text.length > 40).map((x) => quoteKey(x.text)),
    );
    const list = byAgency.get(a.meta.agency) ?? [];
    const copyOf = list.find((other) => {
      let shared = 0;
      for (const k of sentences) if (other.sentences.has(k) && ++shared >= SYNDICATION_MIN_SHARED) return true;
      return false;
    });
    if (copyOf) groups.set(a.id, groups.get(copyOf.id) ?? copyOf.id);
    else groups.set(a.id, a.id);
    list.push({ id: a.id, sentences });
    byAgency.set(a.meta.agency, list);
  }
  groupsByCorpus.set(corpus, groups);
  return groups;
}

export function lookupIn(corpus: Corpus): SourceLookup {
  const groups = syndicationGroups(corpus);
  return (id) => {
    const a = corpus.byId.get(id);
    if (!a) return undefined;
    const first = a.sentences.find((s) => !s.boilerplate && s.text.trim().length > 20);
    return {
      id,
      outlet: a.meta.outlet ?? a.meta.agency,
      title: a.meta.title,
      published: a.meta.published,
      url: a.meta.url,
      agency: a.meta.agency,
      headline: first ? shorten(first.text.replace(/\s+/g, ' ').trim(), MAX_HEADLINE_CHARS) : null,
      group: groups.get(id) ?? null,
    };
  };
}

const ELLIPSIS = '…';

/** Cuts at the last phrase boundary (, ; : — or sentence end) that keeps most of the text, else a word boundary. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - ELLIPSIS.length + 1);
  // A comma inside a number ("55,000") is not a phrase boundary: only punctuation followed by a space.
  const phrase = Math.max(...[', ', '; ', ': ', ' – ', ' — ', '. '].map((p) => room.lastIndexOf(p)));
  if (phrase >= max * 0.6) return `${room.slice(0, phrase).trimEnd()}${ELLIPSIS}`;
  const space = room.lastIndexOf(' ');
  const cut = space >= max * 0.5 ? space : max - ELLIPSIS.length;
  return `${room.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * At most `max` characters of a quote, keeping `focus` (the figure or answer it is cited for) in view:
 * the window around it is cut at phrase or word boundaries, with "…" where text was left out.
 */
export function excerpt(quote: string, max: number, focus?: string | null): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const at = focus ? findFocus(text, focus) : -1;
  if (at < 0 || at + (focus?.length ?? 0) <= max - 40) return shorten(text, max);
  // Start at a phrase or word boundary before the focus, leaving some context before it.
  const len = focus?.length ?? 0;
  const lead = Math.max(0, Math.min(at, Math.floor((max - len) / 3)));
  let start = at - lead;
  const before = text.slice(0, at);
  const phraseStart = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '), before.lastIndexOf(': '));
  if (phraseStart >= 0 && phraseStart + 2 >= start - 40 && at - (phraseStart + 2) < max - len - 2)
    start = phraseStart + 2;
  else {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 ? space + 1 : 0;
  }
  const rest = text.slice(start);
  const body = shorten(rest, max - ELLIPSIS.length);
  return `${ELLIPSIS}${body}`;
}

function findFocus(text: string, focus: string): number {
  const lower = text.toLowerCase();
  const direct = lower.indexOf(focus.toLowerCase());
  if (direct >= 0) return direct;
  const digits = /\d[\d,.]*/.exec(focus)?.[0];
  return digits ? text.indexOf(digits) : -1;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "5 Feb 2026" for an ISO date, "Dec 2025" for a month, "2025" for a year; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (/^\d{4}$/.test(iso)) return iso;
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

/** The name people know an article by: outlet, else agency, else its title, else its headline. */
export function sourceName(info: Partial<SourceInfo> & { id: string }): string {
  const named = info.outlet ?? info.agency;
  if (named) return named;
  if (info.title) return `“${info.title.replace(/\s+/g, ' ').trim()}”`;
  if (info.headline) return `“${info.headline}”`;
  return 'an indexed article';
}

/** Whether the name already is the title/headline (so it is not repeated under it). */
export function namedByTitle(info: Partial<SourceInfo>): boolean {
  return !(info.outlet ?? info.agency);
}

/** One numbered report: an article (or syndicated copies of one story) and, for quotes, the sentence. */
export interface NumberedSource {
  n: number;
  source: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  quote: string;
  /** Display name (outlet, title or headline). */
  name: string;
  /** Whether `name` is the title or headline. */
  byTitle: boolean;
  /** Other outlets that carried the same story ("also carried by NewsBeat"). */
  alsoCarriedBy: string[];
  /** Every article id behind this number. */
  sources: string[];
}

/** A quote as compared for syndication: letters and digits only. */
function quoteKey(quote: string): string {
  return quote
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function infoFor(c: Citation | RichCitation, lookup: SourceLookup): SourceInfo {
  const info = lookup(c.source);
  const rich = c as Partial<RichCitation>;
  return {
    id: c.source,
    outlet: c.outlet ?? info?.outlet ?? null,
    title: rich.title ?? info?.title ?? null,
    published: rich.published ?? info?.published ?? null,
    url: info?.url ?? null,
    agency: info?.agency ?? null,
    headline: info?.headline ?? null,
    group: info?.group ?? null,
  };
}

/**
 * Numbers citations in order of first use. `by: 'quote'`: the same sentence gets the same number,
 * and the same sentence in syndicated copies (another article, identical words) joins that number as
 * "also carried by". `by: 'article'`: one number per article.
 */
export class SourceNumbering {
  readonly list: NumberedSource[] = [];
  readonly #byKey = new Map<string, NumberedSource>();

  constructor(
    private readonly lookup: SourceLookup = () => undefined,
    private readonly by: 'quote' | 'article' = 'quote',
  ) {}

  entry(c: Citation | RichCitation): NumberedSource {
    const info = infoFor(c, this.lookup);
    // By article, copies of one agency story (same agency, sentences in common) are one report.
    const key = this.by === 'article' ? `article\u0000${info.group ?? c.source}` : quoteKey(c.quote);
    const known = this.#byKey.get(key);
    const name = sourceName(info);
    if (known) {
      if (!known.sources.includes(c.source)) {
        known.sources.push(c.source);
        if (name !== known.name && !known.alsoCarriedBy.includes(name)) {
          // The agency's own outlet names the report; the others carried it.
          if (isAgencyOutlet(info.outlet, info.agency) && !isAgencyOutlet(known.outlet, info.agency)) {
            known.alsoCarriedBy.unshift(known.name);
            known.name = name;
            known.outlet = info.outlet;
            known.title = info.title ?? known.title;
            known.byTitle = false;
          } else known.alsoCarriedBy.push(name);
        }
        known.url ??= info.url;
      }
      return known;
    }
    const entry: NumberedSource = {
      n: this.list.length + 1,
      source: c.source,
      outlet: info.outlet,
      title: info.title,
      published: info.published,
      url: info.url,
      quote: c.quote,
      name,
      byTitle: namedByTitle(info),
      alsoCarriedBy: [],
      sources: [c.source],
    };
    this.list.push(entry);
    this.#byKey.set(key, entry);
    return entry;
  }

  number(c: Citation | RichCitation): number {
    return this.entry(c).n;
  }

  refs(citations: readonly (Citation | RichCitation)[]): string {
    return [...new Set(citations.map((c) => this.number(c)))]
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');
  }

  /** Distinct articles cited. */
  get articles(): number {
    return new Set(this.list.flatMap((s) => s.sources)).size;
  }
}

/** Whether an outlet is the agency itself: "AP" or "The Associated Press" (initials) for agency "AP". */
export function isAgencyOutlet(outlet: string | null | undefined, agency: string | null | undefined): boolean {
  if (!outlet || !agency) return false;
  if (outlet.toLowerCase() === agency.toLowerCase()) return true;
  const initials = outlet
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .map((w) => w.charAt(0))
    .join('');
  return initials.toUpperCase() === agency.toUpperCase();
}

/** "The Associated Press, also carried by NewsBeat". */
export function reportName(s: Pick<NumberedSource, 'name' | 'alsoCarriedBy'>): string {
  return s.alsoCarriedBy.length ? `${s.name}, also carried by ${s.alsoCarriedBy.join(', ')}` : s.name;
}
