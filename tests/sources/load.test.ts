import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_ARTICLE_BYTES, parseArticle } from '../../src/sources/load.js';
import { SEEDS, tempSources } from '../helpers.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('loadCorpus', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('loads the five seed articles with their ids, metadata and sentences', async () => {
    const result = await loadCorpus(SEEDS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { corpus } = result;
    expect(corpus.articles.map((a) => a.id)).toEqual([
      '000_e18e9c9971e064ea',
      '001_9a68d3f53f22dcd9',
      '002_3a33af057d1a6fdb',
      '003_b4c162ffc039102d',
      '004_36695bc192a49f9f',
    ]);
    expect(corpus.byId.get('003_b4c162ffc039102d')?.meta.outlet).toBe('NewsBeat');
    expect(corpus.sentences.every((s, i) => s.ordinal === i)).toBe(true);
  });

  it('names every broken file and returns no corpus', async () => {
    const tmp = await tempSources();
    cleanup = tmp.cleanup;
    await writeFile(path.join(tmp.dir, 'empty.txt'), '  \n\n');
    await writeFile(path.join(tmp.dir, 'latin1.txt'), Buffer.from([0x41, 0xe9, 0x74, 0xe9, 0x0a]));
    await writeFile(path.join(tmp.dir, 'badmeta.md'), '---\npublished: yesterday\n---\nSome text here.\n');
    const result = await loadCorpus(tmp.dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byFile = Object.fromEntries(result.errors.map((e) => [e.file, e.problem]));
    expect(byFile['empty.txt']).toMatch(/empty/);
    expect(byFile['latin1.txt']).toMatch(/UTF-8/);
    expect(byFile['badmeta.md']).toMatch(/bad metadata: published/);
  });

  it('rejects two files with the same id', async () => {
    const tmp = await tempSources(false);
    cleanup = tmp.cleanup;
    await writeFile(path.join(tmp.dir, 'story.txt'), 'One sentence.\n');
    await writeFile(path.join(tmp.dir, 'story.md'), 'Another sentence.\n');
    const result = await loadCorpus(tmp.dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.problem).toMatch(/duplicate id "story"/);
  });

  it('reports a sidecar with invalid JSON by the sidecar name', async () => {
    const tmp = await tempSources(false);
    cleanup = tmp.cleanup;
    await writeFile(path.join(tmp.dir, 'story.txt'), 'One sentence.\n');
    await writeFile(path.join(tmp.dir, 'story.meta.json'), '{ outlet: nope');
    const result = await loadCorpus(tmp.dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.file).toBe('story.meta.json');
  });

  it('says so when the directory does not exist', async () => {
    const result = await loadCorpus('/nonexistent/sources');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.problem).toMatch(/does not exist/);
  });
});

describe('parseArticle', () => {
  it('rejects files that are too large', () => {
    const result = parseArticle('big.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(65), undefined);
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/too large/) });
  });

  it('rejects names that could escape the directory', () => {
    expect(parseArticle('../evil.txt', bytes('Text.'), undefined).ok).toBe(false);
    expect(parseArticle('.hidden.txt', bytes('Text.'), undefined).ok).toBe(false);
  });

  it('reads front matter and rejects unknown keys', () => {
    const good = parseArticle(
      'a.md',
      bytes('---\noutlet: Example Wire\npublished: 2026-02-05\n---\nBody text.\n'),
      undefined,
    );
    expect(good.ok && good.article.meta).toMatchObject({ outlet: 'Example Wire', published: '2026-02-05' });
    const bad = parseArticle('a.md', bytes('---\nauthor: Someone\n---\nBody text.\n'), undefined);
    expect(bad).toMatchObject({ ok: false, problem: expect.stringMatching(/bad metadata/) });
  });

  it('marks separators, credits and copyright lines as boilerplate', () => {
    const result = parseArticle(
      'a.txt',
      bytes(
        'Share and Follow\nThe talks ended on Thursday.\n___\nJane Doe in London contributed to this report.\nCopyright 2026 Example. All rights reserved.\n',
      ),
      undefined,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const content = result.article.sentences.filter((s) => !s.boilerplate).map((s) => s.text);
    expect(content).toEqual(['The talks ended on Thursday.']);
  });

  it('applies a correction notice to the corrected text and keeps the quote verbatim', () => {
    const text =
      'Russia illegally annexed Crimea in 2016, the ministry said.\n___\nThis story corrects an earlier version that said Russia illegally annexed Crimea in 2016. It should be 2014.\n';
    const result = parseArticle('c.txt', bytes(text), undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const first = result.article.sentences[0];
    expect(first?.text).toContain('2016');
    expect(first?.corrected).toContain('2014');
    expect(result.article.corrections).toEqual([expect.objectContaining({ wrong: '2016', right: '2014' })]);
  });
});
