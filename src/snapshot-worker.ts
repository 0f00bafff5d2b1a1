/**
 * A snapshot worker: loads the sources folder and builds the whole snapshot (index, figures, brief)
 * on its own thread, sends the reports and a slim copy of the corpus to the main thread in small
 * messages (so no single deserialisation blocks the event loop), then serves the engine's `ask` and
 * `suggest` over a synchronous channel for as long as this snapshot is the one being served. See
 * `snapshot-host.ts`.
 */
import { stat } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { buildEngine, type Engine, engineData, engineFrom } from './engine/engine.js';
import { buildCasualtyReport } from './extract/casualties.js';
import { buildTalksBrief } from './extract/talks.js';
import type { CasualtyReport, TalksBrief } from './extract/types.js';
import { claimsData, restoreClaims } from './nlp/annotate.js';
import { readSnapshot, snapshotFile, sourcesKey, waitOrLock, writeSnapshot } from './snapshot-file.js';
import { loadCorpus } from './sources/load.js';
import type { Article, Corpus, Sentence, SourceError } from './types.js';

export interface SnapshotWorkerData {
  dir: string;
  /** Requests from the main thread arrive here; replies go back on it. */
  port: MessagePort;
  /** The same requests from callers that await the reply instead of blocking for it (no signal). */
  asyncPort?: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] is set to 1 and notified when a reply is posted. */
  signal: SharedArrayBuffer;
  /** Where built snapshots are saved and loaded from (see `snapshot-file.ts`); none: always build. */
  cacheDir?: string;
  /**
   * Save a new build before serving it (a previous snapshot serves meanwhile, so nobody waits); else
   * after (the first start: answers begin sooner, the save yields to them between parts).
   */
  saveFirst?: boolean;
}

/** A log line for the main thread's logger (this thread has none of its own). */
export interface WorkerLog {
  type: 'log';
  level: 'info' | 'warn';
  msg: string;
  data: Record<string, unknown>;
}

export type EngineRequest =
  | { id: number; method: 'ask'; args: [string] }
  | { id: number; method: 'suggest'; args: [string, number, number] };

export type EngineReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Articles per message while the corpus is sent to the main thread. */
export const ARTICLES_PER_MESSAGE = 100;
/** Casualty figures or conflicts per message. */
export const ITEMS_PER_MESSAGE = 100;

/**
 * Building is background work: on Linux `setPriority` here lowers this thread only, so the main thread
 * (gateway, acknowledgements) and the worker serving answers win the CPU when cores are short.
 */
export const BUILD_NICENESS = 10;

/** Sentences longer than this may be an article's headline (the Discord layer's `lookupIn` reads them). */
const HEADLINE_MIN_CHARS = 20;

/**
 * The article as the main thread holds it: every sentence keeps its position, paragraph and boilerplate
 * flag (the sources list counts them), but only the sentences the Discord layer reads keep their text —
 * the headline (the first content sentence over 20 characters) and, in an agency's articles, every
 * sentence (copies of one agency story are found by the sentences they share). Answers and reports
 * carry their quotes, so the rest of the text stays in this worker: at 10,000 articles the main thread
 * receives a few MB instead of ~300 MB, and a reload no longer fills its heap (garbage-collection
 * pauses of 40 ms and more while it arrived).
 */
export function slimArticle(article: Article): Article {
  let headline = false;
  const sentences = article.sentences.map((s): Sentence => {
    const keep =
      Boolean(article.meta.agency) || (!headline && !s.boilerplate && s.text.trim().length > HEADLINE_MIN_CHARS);
    if (keep && !s.boilerplate) headline = true;
    if (keep) return s;
    return { ...s, text: '', corrected: '' };
  });
  return { ...article, sentences };
}

interface Built {
  corpus: Corpus;
  engine: Engine;
  casualties: CasualtyReport;
  talks: TalksBrief;
  warnings: SourceError[];
}

/**
 * The saved snapshot of `dir` if its key matches (another shard may be writing it: waited for), else
 * null with the lock taken for this build. A stale or corrupt file is logged and ignored.
 */
async function fromDisk(
  dir: string,
  cacheDir: string,
  say: (entry: Omit<WorkerLog, 'type'>) => void,
): Promise<{ built: Built | null; key: string; file: string; release: () => Promise<void> }> {
  const file = snapshotFile(cacheDir, dir);
  const key = await sourcesKey(dir);
  const attempt = async () => {
    const started = performance.now();
    const read = await readSnapshot(file, key);
    if (!read.ok) return read;
    const { saved, corpus } = read;
    // Answers read the reports' claimants: put them back before the engine serves.
    if (saved.claims) restoreClaims(corpus, saved.claims);
    const built: Built = {
      corpus,
      engine: engineFrom(corpus, saved.engine),
      casualties: saved.casualties,
      talks: saved.talks,
      warnings: saved.warnings,
    };
    say({
      level: 'info',
      msg: 'index loaded from the saved snapshot',
      data: { file, bytes: read.bytes, ms: Math.round(performance.now() - started), articles: corpus.articles.length },
    });
    return { ok: true as const, built };
  };
  // When the file was last written, as this read saw it (null: not there).
  const stamp = async () => (await stat(file).catch(() => null))?.mtimeMs ?? null;
  const seen = await stamp();
  let first = await attempt();
  if (first.ok) return { built: first.built, key, file, release: async () => {} };
  // Stale is the usual case after the sources changed (an add, a remove, an edit): info. Corrupt is not: warn.
  if (first.reason === 'stale') {
    say({ level: 'info', msg: 'saved snapshot is stale; rebuilding', data: { file, detail: first.detail } });
  } else if (first.reason === 'corrupt') {
    say({ level: 'warn', msg: 'saved snapshot ignored (corrupt); rebuilding', data: { file, detail: first.detail } });
  }
  const lock = await waitOrLock(file, key);
  // Another shard may have saved and released its lock between the read above and this lock: read again
  // when it waited for one, or when the file has been written since, rather than build a second time.
  if (lock.waited || (await stamp()) !== seen) {
    first = await attempt();
    if (first.ok) {
      await lock.release();
      return { built: first.built, key, file, release: async () => {} };
    }
  }
  return { built: null, key, file, release: lock.release };
}

async function run(): Promise<void> {
  const { dir, port, asyncPort, signal, cacheDir, saveFirst } = workerData as SnapshotWorkerData;
  try {
    setPriority(BUILD_NICENESS);
  } catch {
    // Not permitted on this platform: build at normal priority.
  }
  const parent = parentPort;
  if (!parent) throw new Error('snapshot-worker must run in a worker thread');
  const say = (entry: Omit<WorkerLog, 'type'>) => parent.postMessage({ type: 'log', ...entry } satisfies WorkerLog);
  const flag = new Int32Array(signal);
  const started = performance.now();
  const disk = cacheDir
    ? await fromDisk(dir, cacheDir, say).catch((err: unknown) => {
        say({ level: 'warn', msg: 'cannot use saved snapshots; building', data: { err: String(err) } });
        return null;
      })
    : null;
  let built = disk?.built ?? null;
  if (!built) {
    const loaded = await loadCorpus(dir);
    if (!loaded.ok) {
      await disk?.release();
      parent.postMessage({ type: 'failed', errors: loaded.errors });
      return;
    }
    const { corpus } = loaded;
    built = {
      corpus,
      engine: buildEngine(corpus),
      casualties: buildCasualtyReport(corpus),
      talks: buildTalksBrief(corpus),
      warnings: loaded.warnings,
    };
  }
  const fresh = !disk?.built;
  const { corpus, engine, casualties, talks } = built;
  const buildMs = performance.now() - started;
  // Serving: answers are waited for by the main thread, so they run at normal priority again where the
  // system allows raising it back (root or CAP_SYS_NICE); elsewhere this worker stays at BUILD_NICENESS.
  try {
    setPriority(0);
  } catch {
    // Not permitted: keep the build priority.
  }

  const answer = (request: EngineRequest): EngineReply => {
    try {
      const value =
        request.method === 'ask'
          ? engine.ask(request.args[0])
          : engine.suggest(request.args[0], request.args[1], request.args[2]);
      return { id: request.id, ok: true, value };
    } catch (err) {
      return { id: request.id, ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
  };
  port.on('message', (request: EngineRequest) => {
    port.postMessage(answer(request));
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
  asyncPort?.on('message', (request: EngineRequest) => asyncPort.postMessage(answer(request)));

  // One part at a time, each after the main thread asks for more: the main thread deserialises a part
  // per turn of its event loop instead of the whole snapshot (seconds at 10,000 articles) at once.
  const send = async (message: unknown) => {
    const more = new Promise((resolve) => parent.once('message', resolve));
    parent.postMessage(message);
    await more;
  };
  for (let i = 0; i < corpus.articles.length; i += ARTICLES_PER_MESSAGE) {
    await send({ type: 'articles', articles: corpus.articles.slice(i, i + ARTICLES_PER_MESSAGE).map(slimArticle) });
  }
  for (let i = 0; i < casualties.figures.length; i += ITEMS_PER_MESSAGE) {
    await send({ type: 'figures', figures: casualties.figures.slice(i, i + ITEMS_PER_MESSAGE) });
  }
  for (let i = 0; i < casualties.conflicts.length; i += ITEMS_PER_MESSAGE) {
    await send({ type: 'conflicts', conflicts: casualties.conflicts.slice(i, i + ITEMS_PER_MESSAGE) });
  }
  const warnings = built.warnings;
  const save = async () => {
    if (!disk || !fresh) return;
    const saveStarted = performance.now();
    try {
      const bytes = await writeSnapshot(disk.file, {
        key: disk.key,
        corpus,
        engine: engineData(engine),
        casualties,
        talks,
        claims: claimsData(corpus),
        warnings,
        buildMs,
        savedAt: new Date().toISOString(),
      });
      say({
        level: 'info',
        msg: 'snapshot saved',
        data: { file: disk.file, bytes, ms: Math.round(performance.now() - saveStarted) },
      });
    } catch (err) {
      say({ level: 'warn', msg: 'could not save the snapshot', data: { file: disk.file, err: String(err) } });
    } finally {
      await disk.release();
    }
  };
  if (saveFirst) await save();
  parent.postMessage({
    type: 'ready',
    warnings,
    loadedAt: corpus.loadedAt,
    stats: engine.stats,
    talks,
    buildMs,
    fromSnapshot: !fresh,
  });
  if (!saveFirst) await save();
}

// Importing this module elsewhere (for its constants) does nothing; it runs only as a worker.
if (!isMainThread)
  void run().catch((err: unknown) => {
    parentPort?.postMessage({
      type: 'crashed',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  });
