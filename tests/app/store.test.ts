import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateArticleTexts, loadSeedCorpus, sourceSentences } from '../../bench/corpus.js';
import { lookupIn } from '../../src/discord/cite.js';
import { ARTICLES_PER_MESSAGE, slimArticle } from '../../src/snapshot-worker.js';
import { loadCorpus } from '../../src/sources/load.js';
import { buildSnapshot, type ReloadEvent, SourceStore } from '../../src/store.js';
import type { Corpus } from '../../src/types.js';
import { SEEDS, tempSources } from '../helpers.js';

/** What the Discord layer reads about each article is the same from the slim corpus as from the full one. */
function expectSameSourceFacts(slim: Corpus, full: Corpus): void {
  const counts = (c: Corpus) =>
    c.articles.map((a) => {
      const content = a.sentences.filter((s) => !s.boilerplate);
      return { id: a.id, sentences: content.length, passages: new Set(content.map((s) => s.paragraph)).size };
    });
  expect(counts(slim)).toEqual(counts(full));
  const [fromSlim, fromFull] = [lookupIn(slim), lookupIn(full)];
  expect(full.articles.map((a) => fromSlim(a.id))).toEqual(full.articles.map((a) => fromFull(a.id)));
}

describe.each(['inline', 'worker'] as const)('SourceStore (%s build)', (build) => {
  let cleanup: (() => Promise<void>) | undefined;
  const stores: SourceStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await cleanup?.();
    cleanup = undefined;
  });

  async function loadedStore() {
    const tmp = await tempSources();
    cleanup = tmp.cleanup;
    const store = new SourceStore(tmp.dir, { build });
    stores.push(store);
    const first = await store.reload();
    expect(first.ok).toBe(true);
    return { store, dir: tmp.dir };
  }

  it('keeps serving the old index when a reload finds a broken file, and names the file', async () => {
    const { store, dir } = await loadedStore();
    const before = store.current;
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const result = await store.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.file)).toEqual(['broken.txt']);
    expect(store.current).toBe(before);
    expect(store.current.engine.ask('How many prisoners were exchanged?').answer).toMatch(/314/);
  });

  it('serves a new article after a successful reload', async () => {
    const { store, dir } = await loadedStore();
    await writeFile(
      path.join(dir, 'zz_new.txt'),
      'Negotiators agreed to exchange 777 detainees at a meeting in Istanbul on Friday, the mediator said.\n',
    );
    expect(await store.reload()).toMatchObject({ ok: true });
    expect(store.current.corpus.articles).toHaveLength(6);
    expect(store.current.engine.ask('How many detainees were to be exchanged in Istanbul?').answer).toMatch(/777/);
  });

  it('runs two reloads one after the other, never interleaved', async () => {
    const { store, dir } = await loadedStore();
    const order: string[] = [];
    const a = store.exclusive(async () => {
      order.push('a:start');
      await rm(path.join(dir, '000_e18e9c9971e064ea.txt'));
      await new Promise((r) => setTimeout(r, 20));
      order.push('a:end');
    });
    const b = store.reload().then((r) => {
      order.push('b:done');
      return r;
    });
    await a;
    const result = await b;
    expect(order).toEqual(['a:start', 'a:end', 'b:done']);
    expect(result.ok && result.snapshot.corpus.articles).toHaveLength(4);
  });

  it('answers a question asked during a reload from a complete index', async () => {
    const { store } = await loadedStore();
    const reloading = store.reload();
    const answer = store.current.engine.ask('Where are the peace talks taking place?');
    expect(answer.answer).toMatch(/Abu Dhabi/);
    await reloading;
  });
});

describe('SourceStore in worker mode', () => {
  let cleanup: (() => Promise<void>) | undefined;
  let store: SourceStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await cleanup?.();
    cleanup = undefined;
  });

  it('serves exactly what an in-process build would: answers, suggestions, figures and brief', async () => {
    store = new SourceStore(SEEDS, { build: 'worker' });
    expect(await store.reload()).toMatchObject({ ok: true });
    const loaded = await loadCorpus(SEEDS);
    if (!loaded.ok) throw new Error('seeds do not load');
    const reference = buildSnapshot(loaded.corpus);
    const q = 'How many prisoners were exchanged?';
    expect(store.current.engine.ask(q)).toEqual(reference.engine.ask(q));
    expect(store.current.engine.suggest('pris', 25, 100)).toEqual(reference.engine.suggest('pris', 25, 100));
    expect(store.current.casualties).toEqual(reference.casualties);
    expect(store.current.talks).toEqual(reference.talks);
    expect(store.current.engine.stats).toEqual(reference.engine.stats);
    // The main thread holds a slim corpus: every article and sentence, text only where the Discord layer reads it.
    const { loadedAt: _a, ...corpus } = store.current.corpus;
    const { loadedAt: _b, ...expected } = { ...reference.corpus, articles: reference.corpus.articles.map(slimArticle) };
    expect(corpus.articles).toEqual(expected.articles);
    expect(store.current.corpus.sentences.every((s, i) => s.ordinal === i)).toBe(true);
    expectSameSourceFacts(store.current.corpus, reference.corpus);
  });

  it('reassembles a snapshot sent in several parts exactly (sentence numbering, figures, conflicts)', async () => {
    const tmp = await tempSources();
    cleanup = tmp.cleanup;
    const pool = sourceSentences(await loadSeedCorpus());
    // More articles than one message carries, so the corpus arrives in several parts.
    for (const a of generateArticleTexts(pool, ARTICLES_PER_MESSAGE + 20)) {
      await writeFile(path.join(tmp.dir, `${a.id}.txt`), a.text);
      await writeFile(
        path.join(tmp.dir, `${a.id}.meta.json`),
        JSON.stringify({ outlet: null, published: a.published }),
      );
    }
    store = new SourceStore(tmp.dir, { build: 'worker' });
    expect(await store.reload()).toMatchObject({ ok: true });
    const loaded = await loadCorpus(tmp.dir);
    if (!loaded.ok) throw new Error('generated sources do not load');
    const reference = buildSnapshot(loaded.corpus);
    expect(store.current.corpus.articles.map((a) => a.id)).toEqual(reference.corpus.articles.map((a) => a.id));
    expect(store.current.corpus.sentences).toEqual(
      reference.corpus.articles.map(slimArticle).flatMap((a) => a.sentences),
    );
    expectSameSourceFacts(store.current.corpus, reference.corpus);
    expect(store.current.corpus.sentences.every((s, i) => s.ordinal === i)).toBe(true);
    const { byId, articles } = store.current.corpus;
    expect(byId.get('gen_00101')).toBe(articles.find((a) => a.id === 'gen_00101'));
    expect(store.current.casualties).toEqual(reference.casualties);
    expect(store.current.talks).toEqual(reference.talks);
  }, 120_000);

  it('keeps the event loop turning while the next snapshot is built', async () => {
    store = new SourceStore(SEEDS, { build: 'worker' });
    let turnedDuringBuild = false;
    const reloading = store.reload();
    setImmediate(() => {
      turnedDuringBuild = store?.building === true;
    });
    expect((await reloading).ok).toBe(true);
    expect(turnedDuringBuild).toBe(true);
  });

  it('cancels a reload in progress when closed (shutdown), swapping nothing in', async () => {
    store = new SourceStore(SEEDS, { build: 'worker' });
    const events: ReloadEvent[] = [];
    store.events.on('reload', (e: ReloadEvent) => events.push(e));
    const reloading = store.reload();
    await new Promise((r) => setImmediate(r));
    await store.close();
    const result = await reloading;
    expect(result).toMatchObject({ ok: false, kept: null });
    if (!result.ok) expect(result.errors[0]?.problem).toMatch(/shutting down/);
    expect(store.ready).toBe(false);
    expect(events).toEqual([expect.objectContaining({ ok: false, cancelled: true, articles: null })]);
  });

  it('fails a build that crashes its worker (here: out of memory), says so in one line, and swaps nothing in', async () => {
    store = new SourceStore(SEEDS, { build: 'worker', workerHeapMb: 1 });
    const result = await store.reload();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.file).toBe(SEEDS);
      expect(result.errors[0]?.problem).toMatch(/^(?:building the index failed|the index worker stopped)/);
      expect(result.errors[0]?.problem).not.toContain('\n');
    }
    expect(store.ready).toBe(false);
  });

  it('names the broken file from the worker and keeps the previous snapshot serving', async () => {
    const tmp = await tempSources();
    cleanup = tmp.cleanup;
    store = new SourceStore(tmp.dir, { build: 'worker' });
    await store.reload();
    const before = store.current;
    await writeFile(path.join(tmp.dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const result = await store.reload();
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: 'broken.txt', problem: expect.stringMatching(/UTF-8/) }],
    });
    expect(store.current).toBe(before);
    expect(store.current.engine.ask('Where are the peace talks taking place?').answer).toMatch(/Abu Dhabi/);
  });
});

describe('SourceStore.change', () => {
  it('reloads in the same step when the change succeeds, and not at all when it is refused', async () => {
    const tmp = await tempSources();
    try {
      const store = new SourceStore(tmp.dir);
      await store.reload();
      const before = store.current;
      const refused = await store.change(async () => ({ ok: false as const, problem: 'no' }));
      expect(refused.reload).toBeNull();
      expect(store.current).toBe(before);
      const done = await store.change(async () => {
        await rm(path.join(tmp.dir, '000_e18e9c9971e064ea.txt'));
        return { ok: true as const };
      });
      expect(done.reload?.ok).toBe(true);
      expect(store.current.corpus.articles).toHaveLength(4);
    } finally {
      await tmp.cleanup();
    }
  });
});
