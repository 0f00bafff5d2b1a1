/**
 * Nothing outside SOURCES_DIR is ever read: links, folders, pipes and devices in the sources folder are
 * refused by name with a reason, by the loader and by /sources-admin add|remove.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, readContained } from '../../src/sources/load.js';
import { addArticle, removeArticle } from '../../src/sources/manage.js';
import { SEEDS, tempSources } from '../helpers.js';

const SECRET = 'The secret negotiator code word is PELICAN-42, according to nobody at all.';
const text = (s: string) => new TextEncoder().encode(s);

let dir: string;
let outside: string;
let cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  const tmp = await tempSources();
  dir = tmp.dir;
  outside = await mkdtemp(path.join(tmpdir(), 'talks-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  cleanups = [tmp.cleanup, () => rm(outside, { recursive: true, force: true })];
});
afterEach(async () => {
  for (const c of cleanups) await c();
});

const problemsOf = async () => {
  const result = await loadCorpus(dir);
  if (result.ok) return { ok: true, byFile: Object.fromEntries(result.warnings.map((w) => [w.file, w.problem])) };
  return { ok: false, byFile: Object.fromEntries(result.errors.map((e) => [e.file, e.problem])) };
};

describe('loadCorpus containment', () => {
  it('refuses an article that is a symbolic link to a file outside the folder, by name, and never reads it', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'leak.txt'));
    const { ok, byFile } = await problemsOf();
    expect(ok).toBe(false);
    expect(byFile['leak.txt']).toMatch(/symbolic link; links are not followed/);
    expect(JSON.stringify(byFile)).not.toContain('PELICAN');
  });

  it('refuses a link to another article inside the folder too (a link is never an article)', async () => {
    await symlink(path.join(dir, '000_e18e9c9971e064ea.txt'), path.join(dir, 'alias.txt'));
    const { byFile } = await problemsOf();
    expect(byFile['alias.txt']).toMatch(/symbolic link/);
  });

  it('refuses a sidecar that links outside the folder, naming the sidecar', async () => {
    await writeFile(path.join(dir, 'story.txt'), 'Delegations met in Abu Dhabi on Tuesday for a second round.\n');
    await writeFile(path.join(outside, 'meta.json'), '{"outlet":"Nowhere"}');
    await symlink(path.join(outside, 'meta.json'), path.join(dir, 'story.meta.json'));
    const { ok, byFile } = await problemsOf();
    expect(ok).toBe(false);
    expect(byFile['story.meta.json']).toMatch(/symbolic link/);
  });

  it('refuses a directory named like an article', async () => {
    await mkdir(path.join(dir, 'folder.txt'));
    const { byFile } = await problemsOf();
    expect(byFile['folder.txt']).toMatch(/is a directory; sub-folders are not read/);
  });

  it('refuses a FIFO named like an article without blocking on it', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const { ok, byFile } = await problemsOf();
    expect(ok).toBe(false);
    expect(byFile['pipe.txt']).toMatch(/named pipe \(FIFO\)/);
  });

  it('says what an ignored non-article entry is: a link or a folder', async () => {
    await symlink('/etc', path.join(dir, 'etc'));
    await mkdir(path.join(dir, 'archive'));
    const { ok, byFile } = await problemsOf();
    expect(ok).toBe(true);
    expect(byFile.etc).toMatch(/^ignored: is a symbolic link/);
    expect(byFile.archive).toMatch(/^ignored: is a directory/);
  });

  it('follows a SOURCES_DIR that is itself a link (the folder is resolved to its real path once)', async () => {
    const link = path.join(outside, 'sources-link');
    await symlink(dir, link);
    const result = await loadCorpus(link);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.corpus.articles).toHaveLength(5);
  });
});

describe('readContained', () => {
  it('reads a regular file inside the folder', async () => {
    const result = await readContained(SEEDS, '000_e18e9c9971e064ea.txt', 1 << 20);
    expect(result.ok && result.bytes.byteLength).toBeGreaterThan(100);
  });
  it('refuses names with folders in them', async () => {
    const result = await readContained(dir, '../secret.txt', 1 << 20);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/not a plain file name/) });
  });
  it('refuses a character device', async () => {
    const result = await readContained('/dev', 'null', 1 << 20);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/is a device/) });
  });
  it('marks a missing file as missing', async () => {
    const result = await readContained(dir, 'nope.meta.json', 1 << 20);
    expect(result).toMatchObject({ ok: false, missing: true });
  });
});

describe('addArticle containment', () => {
  it('refuses to replace an article that is a link, even with replace, and leaves the target alone', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'leak.txt'));
    const result = await addArticle(dir, 'leak.txt', text('A new article about the talks in Abu Dhabi.\n'), {
      replace: true,
    });
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/leak\.txt exists and is a symbolic link/) });
    expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(`${SECRET}\n`);
  });

  it('refuses an upload whose sidecar metadata is a link out of the folder', async () => {
    await writeFile(path.join(outside, 'meta.json'), '{"outlet":"Nowhere"}');
    await symlink(path.join(outside, 'meta.json'), path.join(dir, 'fresh.meta.json'));
    const result = await addArticle(dir, 'fresh.txt', text('Delegations met again in Abu Dhabi on Tuesday.\n'));
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/fresh\.meta\.json .*symbolic link/) });
  });

  it('writes into the real folder when SOURCES_DIR is a link', async () => {
    const link = path.join(outside, 'sources-link');
    await symlink(dir, link);
    const result = await addArticle(link, 'fresh.txt', text('Delegations met again in Abu Dhabi on Tuesday.\n'));
    expect(result.ok).toBe(true);
    expect(await readFile(path.join(dir, 'fresh.txt'), 'utf8')).toContain('Delegations met again');
  });
});

describe('removeArticle containment', () => {
  it('removes a link itself and never what it points to', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'leak.txt'));
    const result = await removeArticle(dir, 'leak');
    expect(result).toEqual({ ok: true, id: 'leak', removed: ['leak.txt'] });
    expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(`${SECRET}\n`);
  });

  it('refuses to remove a folder named like an article, saying to do it on the server', async () => {
    await mkdir(path.join(dir, 'folder.txt'));
    const result = await removeArticle(dir, 'folder');
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/folder\.txt is a directory.*on the server/) });
  });
});
