/**
 * One pass over a corpus shared by both reports: for each non-boilerplate sentence its plain text,
 * tokens, named entities and attributions (with pronouns resolved through the article), and one
 * name index that maps every spelling of a name to its canonical form across articles.
 */
import type { Article, Citation, Corpus, Sentence } from '../types.js';
import { type ArticleMemory, type Attribution, findAttributions, newMemory, remember } from './attribution.js';
import { type Entity, findEntities, type NameContext, NameIndex, readNames } from './entities.js';
import { plain, type Token, tokenize } from './text.js';

export interface AnalyzedSentence {
  sentence: Sentence;
  /** Plain (ASCII quotes) corrected text: what values are read from. */
  text: string;
  tokens: Token[];
  entities: Entity[];
  attributions: Attribution[];
}

export interface AnalyzedArticle {
  article: Article;
  sentences: AnalyzedSentence[];
  memory: ArticleMemory;
}

export interface CorpusAnalysis {
  articles: AnalyzedArticle[];
  names: NameIndex;
  context: NameContext;
}

const cache = new WeakMap<Corpus, CorpusAnalysis>();

/** Analyses a corpus once; later calls with the same corpus object return the same result. */
export function analyzeCorpus(corpus: Corpus): CorpusAnalysis {
  const hit = cache.get(corpus);
  if (hit) return hit;
  const content = corpus.sentences.filter((s) => !s.boilerplate);
  const reading = readNames(content.map((s) => plain(s.corrected)));
  const views = new Map<Sentence, View>();
  content.forEach((sentence, i) => {
    views.set(sentence, {
      sentence,
      text: plain(sentence.corrected),
      tokens: reading.tokens[i] ?? [],
      entities: reading.entities[i] ?? [],
    });
  });
  const names = new NameIndex();
  const articles = corpus.articles.map((article) => analyzeArticle(article, views));
  for (const a of articles) {
    for (const s of a.sentences) {
      for (const e of s.entities) if (e.kind === 'person' || e.kind === 'org') names.add(e.name);
      for (const at of s.attributions) names.add(at.name);
    }
  }
  const result = { articles, names, context: reading.context };
  cache.set(corpus, result);
  return result;
}

type View = Omit<AnalyzedSentence, 'attributions'>;

function analyzeArticle(article: Article, all: ReadonlyMap<Sentence, View>): AnalyzedArticle {
  const memory = newMemory();
  const views = article.sentences
    .filter((s) => !s.boilerplate)
    .map((sentence) => all.get(sentence) ?? viewOf(sentence));
  const sentences: AnalyzedSentence[] = views.map((view, i) => {
    const next = views[i + 1];
    const sameParagraph = next && next.sentence.paragraph === view.sentence.paragraph ? next : undefined;
    const attributions = findAttributions(view, memory, i, sameParagraph);
    remember(memory, i, view.entities, attributions);
    return { ...view, attributions };
  });
  return { article, sentences, memory };
}

/** A sentence the corpus list does not hold (never expected): read on its own. */
function viewOf(sentence: Sentence): View {
  const text = plain(sentence.corrected);
  const tokens = tokenize(text);
  return { sentence, text, tokens, entities: findEntities(text, undefined, tokens) };
}

/** A citation of one sentence: article id, outlet, verbatim quote. */
export function citationOf(article: Article, sentence: Sentence): Citation {
  return { source: article.id, outlet: article.meta.outlet, quote: sentence.text };
}
