import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_ARTICLE_BYTES } from '../../src/sources/load.js';
import { addArticle, checkArticleName, removeArticle } from '../../src/sources/manage.js';

const fixture = path.resolve('tests/fixtures/discord/extra-article.md');
let dir: string;
let outside: string;

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'manage-'));
  dir = path.join(root, 'sources');
  outside = root;
  await cp(path.resolve('seeds'), dir, { recursive: true });
});
afterEach(async () => {
  await rm(outside, { recursive: true, force: true });
});

describe('checkArticleName', () => {
  it.each([
    '../evil.txt',
    '..\\evil.txt',
    '/etc/passwd.txt',
    'sub/dir.txt',
    '.hidden.txt',
    'nul\u0000.txt',
    ' spaced.txt',
    'notes.pdf',
    'article',
    '',
    '..',
  ])('refuses %j', (name) => {
    expect(checkArticleName(name).ok).toBe(false);
  });
  it('accepts a plain article name and gives its id', () => {
    expect(checkArticleName('new-article_2.md')).toEqual({ ok: true, id: 'new-article_2' });
  });
});

describe('addArticle', () => {
  it('validates and writes a new article, which the next load indexes', async () => {
    const bytes = await readFile(fixture);
    const result = await addArticle(dir, 'extra-article.md', bytes);
    expect(result).toMatchObject({ ok: true, id: 'extra-article', replaced: false });
    expect(await readFile(path.join(dir, 'extra-article.md'))).toEqual(bytes);
    const loaded = await loadCorpus(dir);
    expect(loaded.ok && loaded.corpus.byId.get('extra-article')?.meta.outlet).toBe('Fixture Wire');
  });
  it('leaves no temp files behind', async () => {
    await addArticle(dir, 'extra-article.md', await readFile(fixture));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('refuses path tricks without writing anything', async () => {
    const before = await readdir(outside);
    const result = await addArticle(dir, '../escaped.txt', await readFile(fixture));
    expect(result.ok).toBe(false);
    expect(await readdir(outside)).toEqual(before);
  });
  it('refuses text that is not UTF-8, naming the file', async () => {
    const result = await addArticle(dir, 'latin1.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));
    expect(result).toEqual({ ok: false, problem: 'latin1.txt: not valid UTF-8 text (save it as UTF-8)' });
    expect(await readdir(dir)).not.toContain('latin1.txt');
  });
  it('refuses files over the size limit', async () => {
    const result = await addArticle(dir, 'big.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain('too large');
  });
  it('refuses empty files and files with bad front matter', async () => {
    expect((await addArticle(dir, 'empty.txt', new Uint8Array())).ok).toBe(false);
    const bad = new TextEncoder().encode('---\npublished: yesterday\n---\nSome text here.\n');
    const result = await addArticle(dir, 'bad-meta.txt', bad);
    expect(!result.ok && result.problem).toContain('bad metadata');
  });
  it('does not overwrite an existing article unless asked to', async () => {
    const [existing] = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
    const text = new TextEncoder().encode('A replacement article with enough words to count.\n');
    const refused = await addArticle(dir, existing as string, text);
    expect(!refused.ok && refused.problem).toContain('already exists');
    const replaced = await addArticle(dir, existing as string, text, { replace: true });
    expect(replaced).toMatchObject({ ok: true, replaced: true });
  });
  it('refuses a second file for the same id with another extension', async () => {
    const [existing] = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
    const twin = (existing as string).replace(/\.txt$/, '.md');
    const result = await addArticle(dir, twin, new TextEncoder().encode('Some article text.\n'));
    expect(!result.ok && result.problem).toContain('already uses the id');
  });
  it('replaces a symlink with a real file instead of writing through it', async () => {
    const target = path.join(outside, 'target.txt');
    await writeFile(target, 'outside\n');
    await symlink(target, path.join(dir, 'linked.txt'));
    const result = await addArticle(dir, 'linked.txt', new TextEncoder().encode('New text for the article.\n'), {
      replace: true,
    });
    expect(result.ok).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('outside\n');
  });
});

describe('removeArticle', () => {
  it('removes the article and its sidecar metadata', async () => {
    const [first] = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
    const id = (first as string).replace(/\.txt$/, '');
    const result = await removeArticle(dir, id);
    expect(result).toEqual({ ok: true, id, removed: [`${id}.txt`, `${id}.meta.json`] });
    expect((await readdir(dir)).some((f) => f.startsWith(id))).toBe(false);
  });
  it('refuses unknown ids and path tricks', async () => {
    expect((await removeArticle(dir, 'nope')).ok).toBe(false);
    expect((await removeArticle(dir, '../seeds/x')).ok).toBe(false);
  });
  it('never removes the last article', async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
    for (const f of files.slice(1)) await removeArticle(dir, f);
    const last = await removeArticle(dir, files[0] as string);
    expect(!last.ok && last.problem).toContain('only article');
  });
});
