import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEEDS = path.join(ROOT, 'seeds');

/** A temporary copy of seeds/ (or an empty directory) that a test may break; removed by `cleanup`. */
export async function tempSources(copySeeds = true): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talks-sources-'));
  if (copySeeds) await cp(SEEDS, dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
