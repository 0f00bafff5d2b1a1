import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVerbatim } from '../../src/eval/evaluate.js';
import { isSourceFile, loadSources, mergeSourceDirs } from '../../src/eval/sources.js';

let work: string;
let one: string;
let two: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'talks-eval-test-'));
  one = path.join(work, 'one');
  two = path.join(work, 'two');
  await mkdir(one);
  await mkdir(two);
  await writeFile(
    path.join(one, '001_wire.txt'),
    'Talks opened in Abu Dhabi on Friday.\n\nBoth sides swapped 314 prisoners.\n',
  );
  await writeFile(path.join(one, '001_wire.meta.json'), JSON.stringify({ outlet: 'Wire', published: '2026-02-06' }));
  await writeFile(path.join(two, '800_blog.txt'), 'The second round began on Wednesday.\n');
  await writeFile(path.join(two, 'SOURCES.md'), '# Where the facts came from\n\nNot an article.\n');
  await writeFile(path.join(two, 'questions.jsonl'), '{"id":"q","q":"?","abstain":true}\n');
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('loadSources', () => {
  it('loads the articles of both directories into one corpus whose quotes verify verbatim', async () => {
    const { corpus, cleanup } = await loadSources([one, two]);
    try {
      expect(corpus.articles.map((a) => a.id)).toEqual(['001_wire', '800_blog']);
      expect(corpus.byId.get('001_wire')?.meta.outlet).toBe('Wire');
      expect(isVerbatim(corpus, '001_wire', 'Both sides swapped 314 prisoners.')).toBe(true);
      expect(isVerbatim(corpus, '800_blog', 'The second round began on Wednesday.')).toBe(true);
      expect(isVerbatim(corpus, '800_blog', 'The second round began on Thursday.')).toBe(false);
    } finally {
      await cleanup();
    }
    expect(existsSync(corpus.dir)).toBe(false);
  });

  it('loads a single directory in place, without a copy', async () => {
    const { corpus, cleanup } = await loadSources([one]);
    await cleanup();
    expect(corpus.dir).toBe(one);
    expect(existsSync(one)).toBe(true);
  });

  it('says which files could not be loaded', async () => {
    await writeFile(path.join(two, '801_empty.txt'), '');
    await expect(loadSources([one, two])).rejects.toThrow(/801_empty\.txt: empty/);
  });
});

describe('mergeSourceDirs', () => {
  it('copies articles and sidecars but not a directory’s notes or questions', async () => {
    const merged = await mergeSourceDirs([one, two]);
    try {
      expect(existsSync(path.join(merged.dir, '001_wire.meta.json'))).toBe(true);
      expect(existsSync(path.join(merged.dir, '800_blog.txt'))).toBe(true);
      expect(existsSync(path.join(merged.dir, 'SOURCES.md'))).toBe(false);
      expect(existsSync(path.join(merged.dir, 'questions.jsonl'))).toBe(false);
    } finally {
      await merged.cleanup();
    }
    expect(isSourceFile('README.md')).toBe(false);
    expect(isSourceFile('805_analysis.md')).toBe(true);
  });

  it('refuses two directories holding a file of the same name, and leaves no directory behind', async () => {
    await writeFile(path.join(two, '001_wire.txt'), 'Another text.\n');
    await expect(mergeSourceDirs([one, two])).rejects.toThrow(/001_wire\.txt is in both/);
  });
});
