import type { Retriever } from './retrieval.js';
import { editDistance, MEASURE_TERMS, ORDINALS, SIDE_TERMS, STOP_WORDS, termOf } from './text.js';
import { wordVectors } from './vectors.js';

/**
 * A stand-in for a question word that no source uses: the sources' own word it was probably meant as —
 * a misspelling one or two letters off ("civlians", "nite"), or else the nearest word in meaning by
 * general word vectors ("job" → "role"). A stand-in never is a side or a measure word: vectors put
 * "killed" next to "injured" and "russian" next to "ukrainian", and those decide what a figure counts.
 */
export interface StandIn {
  word: string;
  term: string;
  similarity: number;
  how: 'spelling' | 'meaning';
}

/** Below this cosine similarity a word is not taken to mean the same. */
export const MIN_MEANING_SIMILARITY = 0.7;
/** …and for the word naming what is asked about (the head of the focus). */
export const MIN_HEAD_SIMILARITY = 0.8;
/** What a misspelt word weighs against the word itself. */
export const SPELLING_SIMILARITY = 0.9;

const EXCLUDED = new Set([...SIDE_TERMS, ...MEASURE_TERMS]);

interface Row {
  word: string;
  term: string;
  row: number;
}
const rowsCache = new WeakMap<Retriever, Row[]>();

function corpusRows(r: Retriever): Row[] {
  let rows = rowsCache.get(r);
  if (rows) return rows;
  rows = [];
  const vectors = wordVectors();
  if (vectors) {
    for (const [word, { term }] of r.words) {
      if (STOP_WORDS.has(word) || EXCLUDED.has(term)) continue;
      const row = vectors.row(word);
      if (row !== undefined) rows.push({ word, term, row });
    }
  }
  rowsCache.set(r, rows);
  return rows;
}

/** Number words are figures, never a stand-in for a thing ("money" is not "millions"). */
const NUMBER_WORD = /^(?:hundreds?|thousands?|millions?|billions?|dozens?|tens|scores)$/;
/** A figure's qualifiers ("at least", "nearly") qualify; they never stand for a thing. */
const QUALIFIER_WORD =
  /^(?:least|most|more|fewer|less|nearly|almost|about|around|roughly|approximately|some|over|under)$/;
/** Ordinals pick one of a series: "third" never stands for "second", however close in meaning. */
const isOrdinal = (w: string) => ORDINALS.test(w) || w === 'last' || w === 'next' || w === 'previous';

/**
 * `minSimilarity`: how close in meaning a stand-in must be; the word naming what is asked about
 * deserves a closer one than a word around it.
 */
export function standIn(r: Retriever, word: string, minSimilarity = MIN_MEANING_SIMILARITY): StandIn | null {
  const vectors = wordVectors();
  const own = vectors?.row(word);
  // Only a word English does not have is a misspelling: "tanks" is not a typo of "talks".
  if (own === undefined && word.length >= 4 && /^\p{Ll}+$/u.test(word)) {
    const max = word.length >= 8 ? 2 : 1;
    let best: { word: string; term: string; count: number } | null = null;
    for (const [w, info] of r.words) {
      if (w[0] !== word[0] || Math.abs(w.length - word.length) > max || w.length < 4) continue;
      if (editDistance(w, word, max) > max) continue;
      if (!best || info.count > best.count) best = { word: w, ...info };
    }
    if (best) return { word: best.word, term: best.term, similarity: SPELLING_SIMILARITY, how: 'spelling' };
  }
  if (!vectors || own === undefined || isOrdinal(word)) return null;
  // A side or a measure asked for ("killed") is what is asked, never stood in for by meaning: in the
  // vectors "killed" sits beside "injured" and "at least".
  const asked = termOf(word);
  if (asked !== null && EXCLUDED.has(asked)) return null;
  let best: StandIn | null = null;
  for (const { word: w, term, row } of corpusRows(r)) {
    const similarity = vectors.similarity(own, row);
    if (
      similarity >= minSimilarity &&
      !NUMBER_WORD.test(w) &&
      !QUALIFIER_WORD.test(w) &&
      !isOrdinal(w) &&
      (!best || similarity > best.similarity)
    )
      best = { word: w, term, similarity, how: 'meaning' };
  }
  return best;
}
