/** Test helpers: small corpora built in memory with the real parser, and the fixture/seed directories. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleCorpus, loadCorpus, parseArticle } from '../../src/sources/load.js';
import type { Corpus } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = path.resolve(here, '../../seeds');
export const FIXTURES_DIR = path.resolve(here, '../fixtures/extract');

export interface TestArticle {
  id: string;
  text: string;
  published?: string;
  outlet?: string;
}

/** A corpus from article texts, parsed exactly as files would be. */
export function corpusOf(articles: TestArticle[]): Corpus {
  const parsed = articles.map((a) => {
    const r = parseArticle(`${a.id}.txt`, new TextEncoder().encode(a.text), {
      published: a.published ?? '2026-02-05',
      outlet: a.outlet ?? null,
    });
    if (!r.ok) throw new Error(`${a.id}: ${r.problem}`);
    return r.article;
  });
  return assembleCorpus('memory', parsed);
}

export async function loadDir(dir: string): Promise<Corpus> {
  const r = await loadCorpus(dir);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.corpus;
}
