/**
 * One pass over a corpus shared by both reports: for each non-boilerplate sentence its plain text,
 * tokens, named entities and attributions (with pronouns resolved through the article), and one
 * name index that maps every spelling of a name to its canonical form across articles.
 */
import type { Article, Citation, Corpus, Sentence } from '../types.js';
import { type Attribution, findAttributions, newMemory, remember } from './attribution.js';
import { type Entity, findEntities, type NameContext, NameIndex, readNames, withSurnames } from './entities.js';
import { plain, type Token, tokenize } from './text.js';

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
  const content = corpus.sentences.filter((s) => !s.boilerplate);
  const reading = readNames(content.map((s) => plain(s.corrected)));
  const baseEntities = new Map<Sentence, Entity[]>();
  content.forEach((sentence, i) => {
    baseEntities.set(sentence, reading.entities[i] ?? []);
  });
  const names = new NameIndex();
  const articles = corpus.articles.map((article) => analyzeArticle(article, reading.context, baseEntities));
  for (const a of articles) {
    for (const s of a.sentences) {
      for (const e of s.entities) if (e.kind === 'person' || e.kind === 'org') names.add(e.name);
      for (const at of s.attributions) names.add(at.name);
    }
  }
  return { articles, names, context: reading.context };
}

function analyzeArticle(
  article: Article,
  context: NameContext,
  baseEntities: ReadonlyMap<Sentence, Entity[]>,
): AnalyzedArticle {
  const memory = newMemory();
  // Tokens live only while the article is read.
  const views = article.sentences
    .filter((s) => !s.boilerplate)
    .map((sentence) => {
      const text = plain(sentence.corrected);
      const tokens = tokenize(text);
      const base = baseEntities.get(sentence);
      const entities = base ? withSurnames(base, context) : findEntities(text, context, tokens);
      return { sentence, text, tokens, entities };
    });
  const sentences: AnalyzedSentence[] = views.map((view, i) => {
    const next = views[i + 1];
    const sameParagraph = next && next.sentence.paragraph === view.sentence.paragraph ? next : undefined;
    const attributions = findAttributions(view, memory, i, sameParagraph);
    remember(memory, i, view.entities, attributions);
    return new Analyzed(view.sentence, view.text, view.entities, attributions);
  });
  return { article, sentences };
}

/** A citation of one sentence: article id, outlet, verbatim quote. */
export function citationOf(article: Article, sentence: Sentence): Citation {
  return { source: article.id, outlet: article.meta.outlet, quote: sentence.text };
}
