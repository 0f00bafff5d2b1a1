/**
 * Deterministic synthetic corpora for the speed benchmark.
 *
 * Every generated article is 35 sentences drawn at random (fixed seed, with replacement) from the seed
 * articles' non-boilerplate sentences, with every number replaced by a random one of the same shape
 * ("55,000" → "83,417", "31%" → "74%"). Every article talks about the same story with the same words:
 * the worst case for an inverted index, whose posting lists all grow with the corpus.
 *
 * The articles go through the real loader path (`parseArticle` + `assembleCorpus`), so segmentation,
 * boilerplate flags and corrections are exactly what `loadCorpus` would produce for the same files.
 * One PRNG stream generates articles in order, so the 1,000-article corpus is a prefix of the 10,000 one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleCorpus, loadCorpus, type ParsedArticle, parseArticle } from '../src/sources/load.js';
import type { Corpus } from '../src/types.js';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'seeds');
export const SENTENCES_PER_ARTICLE = 35;
export const CORPUS_SEED = 0x5eed_2026;

/** mulberry32: tiny, fast, good enough for reproducible benchmark data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(rand: () => number, maxExclusive: number): number {
  return Math.floor(rand() * maxExclusive);
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[randomInt(rand, list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A number token: digits, optionally grouped with commas or with a decimal part; not glued to a letter ("G7"). */
const NUMBER_TOKEN = /(?<![\p{L}\d])\d+(?:[.,]\d+)*/gu;

/**
 * Replaces every number in `text` with a random one of similar magnitude: the same digits count and
 * the same separators, a non-zero leading digit ("1,000-kilometer" → "7,352-kilometer", "2.5" → "8.1").
 */
export function randomizeNumbers(text: string, rand: () => number): string {
  return text.replace(NUMBER_TOKEN, (token) => {
    let out = '';
    for (const [i, ch] of [...token].entries()) {
      if (ch < '0' || ch > '9') out += ch;
      else if (i > 0) out += String(randomInt(rand, 10));
      else out += ch === '0' ? '0' : String(1 + randomInt(rand, 9));
    }
    return out;
  });
}

/** The seed corpus, loaded exactly as the bot loads it. */
export async function loadSeedCorpus(dir = SEEDS_DIR): Promise<Corpus> {
  const result = await loadCorpus(dir);
  if (!result.ok) {
    const problems = result.errors.map((e) => `${e.file}: ${e.problem}`).join('; ');
    throw new Error(`cannot load the seed articles in ${dir}: ${problems}`);
  }
  return result.corpus;
}

/** The sentences generated articles are drawn from: every non-boilerplate seed sentence, verbatim. */
export function sourceSentences(seeds: Corpus): string[] {
  return seeds.sentences.filter((s) => !s.boilerplate).map((s) => s.text);
}

export interface GeneratedArticleText {
  id: string;
  text: string;
  published: string;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 0, 1);
const DAYS = 425; // 2025-01-01 … 2026-02-28

/** Yields the generated articles' raw text in order, `gen_00001` first. */
export function* generateArticleTexts(
  pool: readonly string[],
  count: number,
  seed = CORPUS_SEED,
): Generator<GeneratedArticleText> {
  if (pool.length === 0) throw new Error('no source sentences to draw from');
  const rand = mulberry32(seed);
  const width = Math.max(5, String(count).length);
  for (let n = 1; n <= count; n++) {
    const paragraphs: string[] = [];
    let current: string[] = [];
    let paragraphSize = 1 + randomInt(rand, 3);
    for (let i = 0; i < SENTENCES_PER_ARTICLE; i++) {
      current.push(randomizeNumbers(pick(rand, pool), rand));
      if (current.length >= paragraphSize) {
        paragraphs.push(current.join(' '));
        current = [];
        paragraphSize = 1 + randomInt(rand, 3);
      }
    }
    if (current.length > 0) paragraphs.push(current.join(' '));
    const published = new Date(FIRST_DAY + randomInt(rand, DAYS) * DAY_MS).toISOString().slice(0, 10);
    yield { id: `gen_${String(n).padStart(width, '0')}`, text: `${paragraphs.join('\n\n')}\n`, published };
  }
}

/**
 * A corpus of `count` generated articles, built through `parseArticle` and `assembleCorpus` like a
 * directory of files with sidecar metadata `{ outlet: null, published }`.
 */
export function generateCorpus(seeds: Corpus, count: number, seed = CORPUS_SEED): Corpus {
  const pool = sourceSentences(seeds);
  const encoder = new TextEncoder();
  const parsed: ParsedArticle['article'][] = [];
  for (const a of generateArticleTexts(pool, count, seed)) {
    const result = parseArticle(`${a.id}.txt`, encoder.encode(a.text), { outlet: null, published: a.published });
    if (!result.ok) throw new Error(`generated article ${a.id} was rejected: ${result.problem}`);
    parsed.push(result.article);
  }
  return assembleCorpus(`generated:${count}`, parsed);
}

/** `seeds` → the seed corpus; a number → that many generated articles. */
export async function corpusFor(size: 'seeds' | number): Promise<Corpus> {
  const seeds = await loadSeedCorpus();
  return size === 'seeds' ? seeds : generateCorpus(seeds, size);
}
