import { appendFile, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { deserialize, serialize } from 'node:v8';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEngine, engineData, engineFrom } from '../../src/engine/engine.js';
import { buildCasualtyReport } from '../../src/extract/casualties.js';
import { log, setLogger } from '../../src/log.js';
import { claimsData, restoreClaims } from '../../src/nlp/annotate.js';
import { readSnapshot, snapshotFile, sourcesKey, waitOrLock } from '../../src/snapshot-file.js';
import { loadCorpus } from '../../src/sources/load.js';
import { SourceStore } from '../../src/store.js';
import type { Corpus } from '../../src/types.js';
import { SEEDS, tempSources } from '../helpers.js';

const QUESTIONS = [
  'How many prisoners were exchanged?',
  'Where are the peace talks taking place?',
  'Who is Russia’s top negotiator?',
  'What did Witkoff say about the talks?',
  // Its claimant's spelling comes from the reports' corpus-wide reading, saved with the snapshot.
  'What number of Ukrainian troops has Zelenskyy said died in the war?',
];

describe('engine data', () => {
  it('an engine made from its saved data (and the reports’ claims) answers and suggests exactly as the one built', async () => {
    const loaded = await loadCorpus(SEEDS);
    if (!loaded.ok) throw new Error('seeds do not load');
    const built = buildEngine(loaded.corpus);
    buildCasualtyReport(loaded.corpus);
    // A copy of the corpus, as read back from disk: other objects, the same data.
    const { byId: _byId, ...plain } = loaded.corpus;
    const copy = deserialize(serialize(plain)) as Omit<Corpus, 'byId'>;
    const corpus: Corpus = { ...copy, byId: new Map(copy.articles.map((a) => [a.id, a])) };
    const claims = claimsData(loaded.corpus);
    expect(claims?.length).toBeGreaterThan(0);
    restoreClaims(corpus, deserialize(serialize(claims)));
    const again = engineFrom(corpus, deserialize(serialize(engineData(built))));
    for (const q of QUESTIONS) expect(again.ask(q)).toEqual(built.ask(q));
    expect(again.suggest('pris', 25, 100)).toEqual(built.suggest('pris', 25, 100));
    expect(again.stats).toEqual(built.stats);
  });
});

describe('snapshots saved on disk', () => {
  let dirs: { sources: string; cache: string };
  let cleanup: () => Promise<void>;
  const stores: SourceStore[] = [];
  const lines: Record<string, unknown>[] = [];
  const previous = log;

  beforeEach(async () => {
    const tmp = await tempSources(false);
    cleanup = tmp.cleanup;
    const sources = path.join(tmp.dir, 'sources');
    await cp(SEEDS, sources, { recursive: true });
    dirs = { sources, cache: path.join(tmp.dir, 'snapshot') };
    lines.length = 0;
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l));
        done();
      },
    });
    setLogger(pino({ level: 'info' }, sink));
  });
  afterEach(async () => {
    setLogger(previous);
    for (const s of stores.splice(0)) await s.close();
    await cleanup();
  });

  const start = async () => {
    const store = new SourceStore(dirs.sources, { build: 'worker', snapshotDir: dirs.cache });
    stores.push(store);
    const result = await store.reload();
    if (!result.ok) throw new Error(`reload failed: ${JSON.stringify(result.errors)}`);
    return store;
  };
  /** The first build saves after it starts serving: wait for its file. */
  const saved = async () => {
    const file = snapshotFile(dirs.cache, dirs.sources);
    for (let i = 0; i < 200; i++) {
      const names: string[] = await readdir(dirs.cache).catch(() => []);
      if (names.includes(path.basename(file)) && lines.some((l) => l.msg === 'snapshot saved')) return file;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the snapshot was not saved');
  };

  it('a restart loads the saved snapshot and serves the same answers, figures and brief', async () => {
    const first = await start();
    expect(first.current.fromSnapshot).toBe(false);
    const file = await saved();
    const second = await start();
    expect(second.current.fromSnapshot).toBe(true);
    expect(lines.find((l) => l.msg === 'index loaded from the saved snapshot')).toMatchObject({ file });
    for (const q of QUESTIONS) expect(second.current.engine.ask(q)).toEqual(first.current.engine.ask(q));
    expect(second.current.engine.suggest('pris', 25, 100)).toEqual(first.current.engine.suggest('pris', 25, 100));
    expect(second.current.casualties).toEqual(first.current.casualties);
    expect(second.current.talks).toEqual(first.current.talks);
    expect(second.current.corpus.articles).toEqual(first.current.corpus.articles);
    expect(second.current.engine.stats).toEqual(first.current.engine.stats);
  }, 60_000);

  it('rebuilds when a source changed since the snapshot was saved (stale key), then saves the new one', async () => {
    await start();
    const file = await saved();
    const [name] = (await readdir(dirs.sources)).filter((n) => n.endsWith('.txt') || n.endsWith('.md'));
    await appendFile(path.join(dirs.sources, name as string), '\n\nNegotiators met again on Friday.\n');
    expect(await readSnapshot(file, await sourcesKey(dirs.sources))).toMatchObject({ ok: false, reason: 'stale' });
    lines.length = 0;
    const second = await start();
    expect(second.current.fromSnapshot).toBe(false);
    expect(lines.find((l) => l.msg === 'saved snapshot is stale; rebuilding')).toMatchObject({ level: 30 });
    // Rebuilt before serving (a snapshot was not serving yet in this store), then saved under the new key.
    await saved();
    expect(await readSnapshot(file, await sourcesKey(dirs.sources))).toMatchObject({ ok: true });
  }, 60_000);

  it('ignores a corrupt snapshot file with a warning and rebuilds', async () => {
    await start();
    const file = await saved();
    await writeFile(file, Buffer.from('not a snapshot at all'));
    lines.length = 0;
    const second = await start();
    expect(second.current.fromSnapshot).toBe(false);
    expect(lines.find((l) => l.level === 40)).toMatchObject({ msg: 'saved snapshot ignored (corrupt); rebuilding' });
    expect(second.current.engine.ask(QUESTIONS[0] as string).abstained).toBe(false);
  }, 60_000);

  it('a truncated file is corrupt too', async () => {
    await start();
    const file = await saved();
    const key = await sourcesKey(dirs.sources);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
    expect(await readSnapshot(file, key)).toMatchObject({ ok: false, reason: 'corrupt' });
  }, 60_000);
});

describe('the build lock', () => {
  let root: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    root = await tempSources(false);
  });
  afterEach(async () => {
    await root.cleanup();
  });

  it('is taken when free and removed on release', async () => {
    const file = path.join(root.dir, 'x.snapshot');
    const lock = await waitOrLock(file, 'k1');
    expect(lock.waited).toBe(false);
    expect(await readdir(root.dir)).toContain('x.snapshot.lock');
    await lock.release();
    expect(await readdir(root.dir)).not.toContain('x.snapshot.lock');
  });

  it('waits for another live process building the same key, then lets the caller read what it saved', async () => {
    const file = path.join(root.dir, 'x.snapshot');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.ppid, key: 'k1', at: Date.now() }));
    setTimeout(() => void rm(`${file}.lock`, { force: true }), 300);
    const started = Date.now();
    const lock = await waitOrLock(file, 'k1', { pollMs: 20 });
    expect(lock.waited).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('waits on a lock just created and not yet written, instead of taking it over', async () => {
    const file = path.join(root.dir, 'x.snapshot');
    await writeFile(`${file}.lock`, '');
    setTimeout(() => void rm(`${file}.lock`, { force: true }), 300);
    const lock = await waitOrLock(file, 'k1', { pollMs: 20 });
    expect(lock.waited).toBe(true);
  });

  it('takes over the lock of a process that is gone, and builds beside one building other sources', async () => {
    const file = path.join(root.dir, 'x.snapshot');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, key: 'k1', at: Date.now() }));
    const taken = await waitOrLock(file, 'k1', { pollMs: 20 });
    expect(taken.waited).toBe(false);
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, key: 'k1' });
    await taken.release();
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.ppid, key: 'other', at: Date.now() }));
    const beside = await waitOrLock(file, 'k1', { pollMs: 20, waitMs: 5_000 });
    expect(beside.waited).toBe(false);
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ key: 'other' });
  });
});
