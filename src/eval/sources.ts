import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ARTICLE_EXTENSIONS, loadCorpus, SIDECAR_SUFFIX } from '../sources/load.js';
import type { Corpus } from '../types.js';

/**
 * Files in a source directory that describe it rather than belong to it (`SOURCES.md` in a fixture
 * directory): never copied, so they are not loaded as articles.
 */
const DOCUMENTATION = /^(sources|readme|license|notes)\.md$/i;

/** Whether a file of a source directory is an article or an article's sidecar (what a merge copies). */
export function isSourceFile(name: string): boolean {
  if (name.startsWith('.') || DOCUMENTATION.test(name)) return false;
  const lower = name.toLowerCase();
  return lower.endsWith(SIDECAR_SUFFIX) || ARTICLE_EXTENSIONS.some((e) => lower.endsWith(e));
}

/**
 * Copies the articles (and sidecars) of several directories into one new temporary directory, so that one
 * `loadCorpus` call sees them all and the judge checks quotes against real files. Two directories holding a
 * file of the same name are an error, not a silent overwrite. `cleanup` removes the directory.
 */
export async function mergeSourceDirs(dirs: readonly string[]): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talks-eval-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const from = new Map<string, string>();
    for (const source of dirs) {
      for (const name of (await readdir(source)).sort()) {
        if (!isSourceFile(name)) continue;
        const twin = from.get(name);
        if (twin !== undefined) throw new Error(`${name} is in both ${twin} and ${source}`);
        from.set(name, source);
        await copyFile(path.join(source, name), path.join(dir, name));
      }
    }
    return { dir, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/**
 * Loads one directory as it is, or several through a merged temporary copy. `cleanup` (a no-op for one
 * directory) must be called once the corpus' files are no longer read, i.e. after judging.
 */
export async function loadSources(dirs: readonly string[]): Promise<{ corpus: Corpus; cleanup: () => Promise<void> }> {
  const [only] = dirs;
  if (only === undefined) throw new Error('no source directories');
  const merged = dirs.length === 1 ? { dir: only, cleanup: async () => {} } : await mergeSourceDirs(dirs);
  const loaded = await loadCorpus(merged.dir);
  if (!loaded.ok) {
    await merged.cleanup();
    throw new Error(
      `Cannot load sources from ${dirs.join(' + ')}:\n${loaded.errors.map((e) => `  ${e.file}: ${e.problem}`).join('\n')}`,
    );
  }
  return { corpus: loaded.corpus, cleanup: merged.cleanup };
}
