import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assembleCorpus, loadCorpus, parseArticle } from '../../src/sources/load.js';
import type { Corpus } from '../../src/types.js';

/** A corpus held in memory from `{ file: text }` (no files on disk: not for verbatim checks). */
export function corpusOf(articles: Record<string, string>): Corpus {
  const parsed = Object.entries(articles).map(([file, text]) => {
    const r = parseArticle(file, new TextEncoder().encode(text), { outlet: `Outlet ${file}`, published: '2026-03-10' });
    if (!r.ok) throw new Error(r.problem);
    return r.article;
  });
  return assembleCorpus('memory', parsed);
}

/** The same, written to a new temporary directory and loaded from there (so quotes can be checked on disk). */
export async function corpusOnDisk(
  articles: Record<string, string>,
): Promise<{ corpus: Corpus; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talks-eval-test-'));
  for (const [file, text] of Object.entries(articles)) await writeFile(path.join(dir, file), text);
  const loaded = await loadCorpus(dir);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.file}: ${e.problem}`).join('\n'));
  return { corpus: loaded.corpus, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
