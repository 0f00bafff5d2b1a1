import * as chrono from 'chrono-node';
import type { Answer, Corpus, Sentence } from '../types.js';
import { ask, rankSentences } from './ask.js';
import { buildRetriever, type Retriever, type RetrieverData, retrieverData, retrieverFrom } from './retrieval.js';
import { buildSuggester } from './suggest.js';

/** The answer engine over one corpus. Built once per snapshot; `ask` is synchronous and pure. */
export interface Engine {
  readonly corpus: Corpus;
  /** Answers one question (already validated with `validateQuestion`). */
  ask(question: string): Answer;
  /**
   * The same answer without blocking the calling thread, where the engine lives on another thread (the
   * bot's snapshot worker): the caller's event loop keeps turning while it is computed. Absent on an
   * in-process engine; `answerWithoutBlocking` picks whichever there is.
   */
  askAsync?(question: string): Promise<Answer>;
  /** The sentences the engine finds most relevant to a question, best first, at most `k` (its relevance stage; in-process engines). */
  rank?(question: string, k: number): Sentence[];
  /** Up to `limit` suggested questions/phrases for a partial input (autocomplete), each ≤ `maxLength` chars. */
  suggest(partial: string, limit: number, maxLength: number): string[];
  readonly stats: { passages: number; sentences: number; terms: number };
}

/** `engine.askAsync` where the engine has one, else `engine.ask`. */
export function answerWithoutBlocking(engine: Engine, question: string): Promise<Answer> {
  return engine.askAsync ? engine.askAsync(question) : Promise.resolve(engine.ask(question));
}

export function buildEngine(corpus: Corpus): Engine {
  return engineOver(corpus, buildRetriever(corpus));
}

/** What an engine is built from, as plain data: saved with a snapshot, so a restart need not rebuild. */
export interface EngineData {
  retriever: RetrieverData;
}

const retrievers = new WeakMap<Engine, Retriever>();

/** The built data of an engine made here (for saving); `engineFrom` makes the same engine again. */
export function engineData(engine: Engine): EngineData {
  const retriever = retrievers.get(engine);
  if (!retriever) throw new Error('engineData: not an engine made by buildEngine or engineFrom');
  return { retriever: retrieverData(retriever) };
}

/** The engine of `corpus` from `engineData` of an engine built over the same corpus. */
export function engineFrom(corpus: Corpus, data: EngineData): Engine {
  return engineOver(corpus, retrieverFrom(corpus, data.retriever));
}

function engineOver(corpus: Corpus, retriever: Retriever): Engine {
  warmUp();
  const suggester = buildSuggester(retriever);
  const engine: Engine = {
    corpus,
    ask: (question) => ask(retriever, question),
    rank: (question, k) => rankSentences(retriever, question, k),
    suggest: (partial, limit, maxLength) => suggester(partial, limit, maxLength),
    stats: { passages: retriever.passages.length, sentences: retriever.sentenceCount, terms: retriever.df.size },
  };
  retrievers.set(engine, retriever);
  return engine;
}

let warm = false;

/**
 * The date parser compiles its many patterns on first use (a one-off ~200 ms): do that while the index is
 * built, not while the first user waits.
 */
function warmUp(): void {
  if (warm) return;
  warm = true;
  for (const text of [
    'Talks resumed last Wednesday, February 4, 2026.',
    'The report was released in September 2022.',
  ]) {
    chrono.parse(text, new Date(Date.UTC(2026, 1, 5)));
  }
}
