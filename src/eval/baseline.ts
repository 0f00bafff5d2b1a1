import MiniSearch from 'minisearch';
import type { Answer, Corpus, RichCitation, Sentence } from '../types.js';

/**
 * The plain baseline the engine is measured against: MiniSearch with default options over the corpus'
 * non-boilerplate sentences (their corrected reading). Its answer is the top-ranked sentence, verbatim, citing
 * that sentence. It never abstains.
 */
export interface Baseline {
  readonly corpus: Corpus;
  /** The `k` best sentences for a question, best first. */
  rank(question: string, k: number): Sentence[];
  ask(question: string): Answer;
}

export function buildBaseline(corpus: Corpus): Baseline {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(corpus.sentences.filter((s) => !s.boilerplate).map((s) => ({ id: s.ordinal, text: s.corrected })));
  const rank = (question: string, k: number): Sentence[] =>
    index
      .search(question)
      .slice(0, k)
      .flatMap((r) => corpus.sentences[r.id as number] ?? []);
  return {
    corpus,
    rank,
    ask(question) {
      const [top] = rank(question, 1);
      const citations: RichCitation[] = top ? [citationOf(corpus, top)] : [];
      return {
        question,
        // Nothing matched any term: still not an abstention, just an empty (wrong) answer.
        answer: top?.text ?? '',
        abstained: false,
        kind: 'description',
        supportingSources: top ? 1 : 0,
        totalSources: corpus.articles.length,
        alternatives: [],
        citations,
      };
    },
  };
}

function citationOf(corpus: Corpus, s: Sentence): RichCitation {
  const meta = corpus.byId.get(s.source)?.meta;
  return {
    source: s.source,
    outlet: meta?.outlet ?? null,
    quote: s.text,
    title: meta?.title ?? null,
    published: meta?.published ?? null,
    paragraph: s.paragraph,
  };
}
