/**
 * The annotation pass: what is known about each sentence, computed once and read by the answers
 * (src/engine) and both reports (src/extract).
 *
 * - Per corpus, one pass over every non-boilerplate sentence: its plain text, named entities and
 *   attributions (pronouns resolved through the article, "a report by X" in the next sentence), and one
 *   name index mapping every spelling of a name to its canonical form across articles. The full pass
 *   (entities and all) is held only until both reports have read it; what the answers need later —
 *   each sentence's attributions, with canonical names — is kept compactly beside the corpus.
 * - Per sentence, on first use and then cached (the last 30,000 sentences asked for): its numbers
 *   (src/nlp/numbers.ts) and dates (src/nlp/dates.ts). Most sentences are never asked for either.
 */

import type { Article, Citation, Corpus, Sentence } from '../types.js';
import { type Attribution, attributionFor, findAttributions, newMemory, remember } from './attribution.js';
import { type DateMention, findDates } from './dates.js';
import {
  type Entity,
  type EntityKind,
  findEntities,
  midSentenceCapitals,
  type NameContext,
  NameIndex,
  readNames,
  withSurnames,
} from './entities.js';
import { countableNumbers, type NumberMention } from './numbers.js';
import { plain, type Token, tokenize } from './tokens.js';

export interface AnalyzedSentence {
  sentence: Sentence;
  /** Plain (ASCII quotes) corrected text: what values are read from. */
  text: string;
  /** Tokens of `text`, tokenized on each read (not kept: they are most of the memory of a large corpus). */
  readonly tokens: Token[];
  entities: Entity[];
  attributions: Attribution[];
}

/** A sentence's analysis; its tokens are computed again when asked for. */
class Analyzed implements AnalyzedSentence {
  constructor(
    readonly sentence: Sentence,
    readonly text: string,
    readonly entities: Entity[],
    readonly attributions: Attribution[],
  ) {}

  get tokens(): Token[] {
    return tokenize(this.text);
  }
}

export interface AnalyzedArticle {
  article: Article;
  sentences: AnalyzedSentence[];
}

export interface CorpusAnalysis {
  articles: AnalyzedArticle[];
  names: NameIndex;
  context: NameContext;
}

/** Who reads the analysis of a corpus; once every reader has read it, it is let go. */
export type AnalysisReader = 'casualties' | 'talks';
const READERS: readonly AnalysisReader[] = ['casualties', 'talks'];

const cache = new WeakMap<Corpus, { analysis: CorpusAnalysis; readers: Set<AnalysisReader> }>();

/**
 * Analyses a corpus once for both reports. The analysis stays cached for the same corpus object until
 * each reader has taken it once (the reports are built one after the other from one analysis); after
 * that it is dropped, so that a served snapshot does not hold it.
 */
export function analyzeCorpus(corpus: Corpus, reader?: AnalysisReader): CorpusAnalysis {
  const hit = cache.get(corpus);
  const entry = hit ?? { analysis: analyze(corpus), readers: new Set<AnalysisReader>() };
  if (!hit) cache.set(corpus, entry);
  if (reader) {
    entry.readers.add(reader);
    if (READERS.every((r) => entry.readers.has(r))) cache.delete(corpus);
  }
  return entry.analysis;
}

function analyze(corpus: Corpus): CorpusAnalysis {
  const analysis = analyzeUncached(corpus);
  CLAIMS.set(corpus, claimsOf(analysis));
  return analysis;
}

function analyzeUncached(corpus: Corpus): CorpusAnalysis {
  const content = corpus.sentences.filter((s) => !s.boilerplate);
  const texts = content.map((s) => plain(s.corrected));
  const reading = readNames(texts);
  const names = new NameIndex();
  const baseOf = contentReading(content, texts, reading.entities);
  const articles = corpus.articles.map((article) => analyzeArticle(article, reading.context, baseOf));
  for (const a of articles) {
    for (const s of a.sentences) {
      for (const e of s.entities) if (e.kind === 'person' || e.kind === 'org') names.add(e.name);
      for (const at of s.attributions) names.add(at.name);
    }
  }
  return { articles, names, context: reading.context };
}

/** What the name pass read of a sentence: its plain text and entities (before the surnames). */
type BaseReading = (sentence: Sentence) => { text: string; entities: Entity[] } | undefined;

/**
 * The name pass' reading of each content sentence, by its position in `content`. Articles hold their
 * sentences in corpus order, so a cursor finds each one in turn; a map by sentence only if one is out of order.
 */
function contentReading(content: readonly Sentence[], texts: readonly string[], entities: Entity[][]): BaseReading {
  let cursor = 0;
  let index: Map<Sentence, number> | null = null;
  return (sentence) => {
    let at = -1;
    if (content[cursor] === sentence) at = cursor++;
    else {
      index ??= new Map(content.map((s, i) => [s, i] as const));
      at = index.get(sentence) ?? -1;
      if (at >= 0) cursor = at + 1;
    }
    if (at < 0) return undefined;
    return { text: texts[at] as string, entities: entities[at] ?? [] };
  };
}

/** The attributions of a sentence that has none (read-only: shared by every such sentence). */
const NO_ATTRIBUTIONS = Object.freeze([]) as unknown as Attribution[];

function analyzeArticle(article: Article, context: NameContext, baseOf: BaseReading): AnalyzedArticle {
  const memory = newMemory();
  // Tokens live only while the article is read.
  const views = article.sentences
    .filter((s) => !s.boilerplate)
    .map((sentence) => {
      const base = baseOf(sentence);
      const text = base?.text ?? plain(sentence.corrected);
      const tokens = tokenize(text);
      const entities = base ? withSurnames(base.entities, context) : findEntities(text, context, tokens);
      return { sentence, text, tokens, entities };
    });
  // "SOUSA: Forty ships were stranded. …": a transcript's speaker label says who says the paragraph.
  // "[23:15] Lena Varga, Interior Minister (X): "…"": a post quoted under its poster's name, likewise.
  let speaker: { name: string; kind: EntityKind; paragraph: number } | null = null;
  const sentences: AnalyzedSentence[] = views.map((view, i) => {
    const next = views[i + 1];
    const sameParagraph = next && next.sentence.paragraph === view.sentence.paragraph ? next : undefined;
    // Both labels end in a colon: most sentences have none, and need neither expression run.
    const label = view.text.includes(':')
      ? (speakerLabel(view.text, context) ?? posterLabel(view.text, context))
      : null;
    if (label) speaker = { name: label.name, kind: label.kind, paragraph: view.sentence.paragraph };
    else if (speaker && speaker.paragraph !== view.sentence.paragraph) speaker = null;
    let attributions = findAttributions(view, memory, i, sameParagraph);
    if (speaker && attributions.length === 0)
      attributions = [{ name: speaker.name, kind: speaker.kind, at: 0, via: 'speaker', report: false }];
    remember(memory, i, view.entities, attributions);
    // Kept at exactly its length (an array grown by push keeps room for 17 items): every sentence has one;
    // the many sentences without any share one empty list.
    return new Analyzed(
      view.sentence,
      view.text,
      view.entities,
      attributions.length ? attributions.slice() : NO_ATTRIBUTIONS,
    );
  });
  return { article, sentences };
}

/** "SOUSA:", "MARTA LIMA:", "Sousa:": a transcript's speaker label opening a paragraph. */
const SPEAKER_LABEL =
  /^\s*((?:\p{Lu}[\p{Lu}'’.-]+)(?:\s+\p{Lu}[\p{Lu}'’.-]+){0,2}|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s*:\s+\S/u;
/**
 * Labels that name no speaker: "Q:", "A:", "NOTE:", "UPDATE:" ("QUESTION (…):" has a parenthesis), and a
 * broadcast's on-screen text and cues ("LOWER THIRD:", "CAPTION:", "GRAPHIC:", "SOUNDBITE:").
 */
const NOT_SPEAKER =
  /^(?:q|a|question|answer|note|update|editor|editors|correction|claim|verdict|rating|source|sources|photo|video|live|breaking|read more|related|advertisement|by|when|where|what|who|why|how|lower third|caption|captions|graphic|graphics|chyron|super|on screen|onscreen|title|headline|soundbite|sound bite|sot|vo|clip|sting|music|sfx|transcript)$/i;

/** The speaker a label names, written as the corpus writes the name ("SOUSA" → "Rui Sousa"), or null. */
function speakerLabel(text: string, context: NameContext): { name: string; kind: EntityKind } | null {
  const m = SPEAKER_LABEL.exec(text);
  const label = m?.[1];
  if (!label || NOT_SPEAKER.test(label)) return null;
  const name = speakerName(label, context);
  return name ? { name, kind: 'person' } : null;
}

/**
 * A quoted post or statement under the name of who made it, as compilations of officials' posts and live
 * blogs print them: an optional time stamp, the poster's name (a capitalised name, of a person or a body),
 * an optional role after a comma and platform in brackets, a colon, then the quotation:
 * "[23:15] Lena Varga, Interior Minister (X): "…"", "09:10 — Harbour Authority (Telegram): "…"".
 */
const POSTER_LABEL =
  /^\s*(?:\[?\d{1,2}[:.]\d{2}\]?\s*(?:[\p{L}]+\s+time\s*)?[—–-]?\s*)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|the|for|and|on|\p{Lu}[\p{L}'’.-]*)){0,8})(?:,\s*[^:"“”()]{1,100}?)?(?:\s*\([^)]{1,40}\))?(?:,\s*[^:"“”]{1,60}?)?\s*:\s*["“]/u;

/**
 * Whether a paragraph's first sentence opens with a speaker's label or a poster's name before a quoted
 * post (the forms `speakerLabel` and `posterLabel` read), before any name is looked up.
 */
export function opensWithLabel(text: string): boolean {
  return SPEAKER_LABEL.test(text) || POSTER_LABEL.test(text);
}

function posterLabel(text: string, context: NameContext): { name: string; kind: EntityKind } | null {
  const m = POSTER_LABEL.exec(text);
  const label = m?.[1]?.replace(/\s+(?:of|the|for|and|on)$/u, '');
  if (!label || NOT_SPEAKER.test(label)) return null;
  const surname = label.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  // A person the corpus names by that surname; else a body ("Air Force of Ukraine", "Ministry of Defence").
  if (context.surnames.has(surname)) return { name: speakerName(label, context) ?? label, kind: 'person' };
  return label.includes(' ') ? { name: label, kind: 'org' } : null;
}

function speakerName(label: string, context: NameContext): string | null {
  const written = label
    .toLowerCase()
    .replace(/(^|[\s-])(\p{Ll})/gu, (_x, sep: string, c: string) => sep + c.toUpperCase());
  const surname = written.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  const full = context.surnames.get(surname);
  // Only a person the article names: an all-capital label of a surname the corpus knows, or of a full name.
  if (full) return full.replace(/(^|[\s-])(\p{Ll})/gu, (_x, sep: string, c: string) => sep + c.toUpperCase());
  return label === label.toUpperCase() && written.includes(' ') ? written : null;
}

/** A citation of one sentence: article id, outlet, verbatim quote. */
export function citationOf(article: Article, sentence: Sentence): Citation {
  return { source: article.id, outlet: article.meta.outlet, quote: sentence.text };
}

/* ------------------------------------------------------------ per-sentence readings */

/**
 * A bounded cache by sentence: the readings of the last `size` sentences asked for. Bounded because a
 * corpus of 10,000 articles has some 350,000 sentences (all dates kept cost ~35 MB there), and weak so that
 * a replaced snapshot's sentences go with it.
 */
class SentenceCache<T> {
  readonly #map = new WeakMap<Sentence, T>();
  readonly #ring: (Sentence | undefined)[];
  #at = 0;

  constructor(size: number) {
    this.#ring = new Array(size);
  }

  get(s: Sentence): T | undefined {
    return this.#map.get(s);
  }

  set(s: Sentence, value: T): void {
    const old = this.#ring[this.#at];
    if (old) this.#map.delete(old);
    this.#ring[this.#at] = s;
    this.#at = (this.#at + 1) % this.#ring.length;
    this.#map.set(s, value);
  }
}

const CACHED_SENTENCES = 30_000;
const NUMBERS = new SentenceCache<NumberMention[]>(CACHED_SENTENCES);
const DATES = new SentenceCache<DateMention[]>(CACHED_SENTENCES);
const NONE: never[] = [];

/** The numbers of a sentence that can count something (compounds and clock times left out), read once. */
export function sentenceNumbers(sentence: Sentence): NumberMention[] {
  let hit = NUMBERS.get(sentence);
  if (!hit) {
    hit = countableNumbers(plain(sentence.corrected));
    if (hit.length === 0) hit = NONE;
    NUMBERS.set(sentence, hit);
  }
  return hit;
}

/** The dates of a sentence, resolved against its article's publication date, read once. */
export function sentenceDateMentions(sentence: Sentence, published: string | null): DateMention[] {
  let hit = DATES.get(sentence);
  if (!hit) {
    hit = findDates(plain(sentence.corrected), published);
    if (hit.length === 0) hit = NONE;
    DATES.set(sentence, hit);
  }
  return hit;
}

/* ------------------------------------------------------------ claims */

/** The attributions of each sentence that has any, with canonical claimant names: kept for answers. */
type Claims = WeakMap<Sentence, readonly Attribution[]>;
const CLAIMS = new WeakMap<Corpus, Claims>();

function claimsOf(analysis: CorpusAnalysis): Claims {
  const claims: Claims = new WeakMap();
  for (const a of analysis.articles) {
    for (const s of a.sentences) {
      if (s.attributions.length === 0) continue;
      claims.set(s.sentence, withCanonicalNames(s.attributions, analysis.names));
    }
  }
  return claims;
}

/**
 * Attributions with canonical claimant names. An attribution whose name is already canonical is kept as
 * it is, and so is the list when none changes: most claimants are named canonically, and the claims of
 * every sentence are kept for as long as the snapshot serves.
 */
export function withCanonicalNames(attributions: readonly Attribution[], names: NameIndex): readonly Attribution[] {
  let out: Attribution[] | null = null;
  attributions.forEach((at, i) => {
    const name = names.canonical(at.name);
    if (name === at.name) return;
    out ??= [...attributions];
    out[i] = { ...at, name };
  });
  return out ?? attributions;
}

/**
 * The corpus-wide claims as plain data (sentence ordinal → attributions), saved with a snapshot so that
 * an engine loaded from disk reads the same claimants as the one built with its reports; null when no
 * report has read the corpus.
 */
export function claimsData(corpus: Corpus): [number, readonly Attribution[]][] | null {
  const claims = CLAIMS.get(corpus);
  if (!claims) return null;
  const out: [number, readonly Attribution[]][] = [];
  for (const s of corpus.sentences) {
    const found = claims.get(s);
    if (found) out.push([s.ordinal, found]);
  }
  return out;
}

/** Puts back what `claimsData` gave for the same sentences (a snapshot loaded from disk). */
export function restoreClaims(corpus: Corpus, data: readonly [number, readonly Attribution[]][]): void {
  const claims: Claims = new WeakMap();
  for (const [ordinal, attributions] of data) {
    const s = corpus.sentences[ordinal];
    if (s) claims.set(s, attributions);
  }
  CLAIMS.set(corpus, claims);
}

/**
 * A sentence's attributions with canonical claimant names (what /casualties shows). When the reports have
 * not read the corpus (an engine alone: the CLI, a benchmark), the sentence's article is read on its own,
 * once: names canonical within the article, mid-sentence capitals from the whole corpus (`midCaps` where
 * the caller has them, else a cheap pass) — never the whole corpus' entity pass at answer time.
 */
export function sentenceAttributions(
  corpus: Corpus,
  sentence: Sentence,
  midCaps?: ReadonlySet<string>,
): readonly Attribution[] {
  const claims = CLAIMS.get(corpus) ?? articleClaims(corpus, sentence, midCaps);
  return claims.get(sentence) ?? [];
}

const ARTICLE_CLAIMS = new WeakMap<Corpus, { midCaps: ReadonlySet<string>; read: Set<string>; claims: Claims }>();

function articleClaims(corpus: Corpus, sentence: Sentence, known?: ReadonlySet<string>): Claims {
  let entry = ARTICLE_CLAIMS.get(corpus);
  if (!entry) {
    entry = {
      midCaps:
        known ?? midSentenceCapitals(corpus.sentences.filter((s) => !s.boilerplate).map((s) => plain(s.corrected))),
      read: new Set(),
      claims: new WeakMap(),
    };
    ARTICLE_CLAIMS.set(corpus, entry);
  }
  if (!entry.read.has(sentence.source)) {
    entry.read.add(sentence.source);
    const article = corpus.byId.get(sentence.source);
    if (article) {
      const content = article.sentences.filter((s) => !s.boilerplate);
      const texts = content.map((s) => plain(s.corrected));
      const own = readNames(texts, entry.midCaps);
      const analysed = analyzeArticle(article, own.context, contentReading(content, texts, own.entities));
      const names = new NameIndex();
      for (const s of analysed.sentences) for (const at of s.attributions) names.add(at.name);
      for (const s of analysed.sentences) {
        if (s.attributions.length === 0) continue;
        entry.claims.set(
          s.sentence,
          s.attributions.map((at) => ({ ...at, name: names.canonical(at.name) })),
        );
      }
    }
  }
  return entry.claims;
}

/** Attributions whose claimant is named in the sentence itself, not through a pronoun or another sentence. */
export function isExplicit(a: Attribution): boolean {
  return a.via !== 'pronoun' && a.via !== 'report-ref';
}

/**
 * Who a figure at `position` of a sentence is attributed to: the nearest attribution before it, else the
 * nearest after. Without a position, the sentence's first figure (else its first attribution) decides.
 */
export function claimantAt(
  corpus: Corpus,
  sentence: Sentence,
  position?: number,
  midCaps?: ReadonlySet<string>,
): Attribution | null {
  const attributions = sentenceAttributions(corpus, sentence, midCaps);
  if (attributions.length === 0) return null;
  const at = position ?? sentenceNumbers(sentence)[0]?.numberStart ?? 0;
  return attributionFor(attributions, at);
}
