import { EventEmitter } from 'node:events';
import { buildEngine, type Engine } from './engine/engine.js';
import { buildCasualtyReport } from './extract/casualties.js';
import { buildTalksBrief } from './extract/talks.js';
import type { CasualtyReport, TalksBrief } from './extract/types.js';
import { log } from './log.js';
import { buildInWorker, type SnapshotHost } from './snapshot-host.js';
import { loadCorpus } from './sources/load.js';
import type { Corpus, SourceError } from './types.js';

/** Everything the bot serves, built from one corpus. Immutable once built. */
export interface Snapshot {
  corpus: Corpus;
  engine: Engine;
  casualties: CasualtyReport;
  talks: TalksBrief;
  builtAt: Date;
  buildMs: number;
  /** Loaded from a snapshot saved on disk (see `snapshot-file.ts`) instead of built. */
  fromSnapshot?: boolean;
}

/** Builds a complete snapshot from a loaded corpus (index, figures, brief). */
export function buildSnapshot(corpus: Corpus): Snapshot {
  const started = performance.now();
  const engine = buildEngine(corpus);
  const casualties = buildCasualtyReport(corpus);
  const talks = buildTalksBrief(corpus);
  return { corpus, engine, casualties, talks, builtAt: new Date(), buildMs: performance.now() - started };
}

export type ReloadResult =
  | { ok: true; snapshot: Snapshot; warnings: SourceError[] }
  | { ok: false; errors: SourceError[]; kept: Snapshot | null };

/** The result of a change to the sources: refused (nothing reloaded), or done and reloaded. */
export type Changed<T> =
  | { outcome: Extract<T, { ok: false }>; reload: null }
  | { outcome: Extract<T, { ok: true }>; reload: ReloadResult };

export interface StoreOptions {
  /**
   * `worker` (the bot): each snapshot is built in, and its engine served from, a worker thread, so a
   * reload never blocks the event loop. `inline` (CLI, console, tests): built on the calling thread.
   */
  build?: 'inline' | 'worker';
  /** How long a replaced snapshot's worker keeps answering callers that still hold it (ms). */
  retireAfterMs?: number;
  /** Heap limit of each snapshot worker (MB); a build that needs more fails and the old snapshot keeps serving. */
  workerHeapMb?: number;
  /**
   * Worker builds only: the folder where built snapshots are saved and loaded from (`DATA_DIR/snapshot`),
   * so a restart or another shard loads the index instead of rebuilding it. None: always build.
   */
  snapshotDir?: string;
}

/** Emitted as `reload` after every reload, successful or not. */
export interface ReloadEvent {
  ok: boolean;
  ms: number;
  articles: number | null;
  cancelled: boolean;
  /** `local`: asked for here (an admin, a change, start-up); `peer`: because another shard changed the sources. */
  origin: ReloadOrigin;
}

export type ReloadOrigin = 'local' | 'peer';

/**
 * Holds the snapshot being served and swaps in a new one in a single assignment once it is fully
 * built. Reloads are serialised: a second reload waits for the first and never interleaves with it.
 * A reload that fails leaves the current snapshot serving.
 */
export class SourceStore {
  #current: Snapshot | null = null;
  #host: SnapshotHost | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #building: { cancel(): Promise<void> } | null = null;
  #closed = false;
  readonly #mode: 'inline' | 'worker';
  readonly #retireAfterMs: number;
  readonly #workerHeapMb: number | undefined;
  readonly #snapshotDir: string | undefined;
  /** `reload` (ReloadEvent), `worker-exit` ({ code }) when the serving worker stops unexpectedly. */
  readonly events = new EventEmitter();

  constructor(
    readonly dir: string,
    options: StoreOptions = {},
  ) {
    this.#mode = options.build ?? 'inline';
    this.#retireAfterMs = options.retireAfterMs ?? 10_000;
    this.#workerHeapMb = options.workerHeapMb;
    this.#snapshotDir = options.snapshotDir;
  }

  get current(): Snapshot {
    if (!this.#current) throw new Error('SourceStore used before the first successful load');
    return this.#current;
  }

  get ready(): boolean {
    return this.#current !== null;
  }

  /** True while a reload is building the next snapshot. */
  get building(): boolean {
    return this.#building !== null;
  }

  /** Runs `task` after every earlier queued task; tasks never overlap. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Loads the directory, builds a new snapshot and swaps it in; on failure keeps serving the old one. */
  reload(options: { origin?: ReloadOrigin } = {}): Promise<ReloadResult> {
    return this.exclusive(() => this.#load(options.origin ?? 'local'));
  }

  /**
   * Changes the sources (adds or removes a file) and, if that worked, reloads — one step that no other
   * reload or change can interleave with.
   */
  change<T extends { ok: true } | { ok: false }>(task: () => Promise<T>): Promise<Changed<T>> {
    return this.exclusive(async (): Promise<Changed<T>> => {
      const outcome = await task();
      if (!outcome.ok) return { outcome: outcome as Extract<T, { ok: false }>, reload: null };
      return { outcome: outcome as Extract<T, { ok: true }>, reload: await this.#load('local') };
    });
  }

  /**
   * Stops: cancels a reload in progress (its result says so and nothing is swapped in) and stops the
   * serving worker. For shutdown; the store serves nothing afterwards.
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#building?.cancel();
    await this.#host?.close();
  }

  async #load(origin: ReloadOrigin): Promise<ReloadResult> {
    const started = performance.now();
    const result = this.#closed
      ? { ok: false as const, errors: [{ file: this.dir, problem: 'the bot is shutting down' }], kept: this.#current }
      : this.#mode === 'worker'
        ? await this.#loadInWorker()
        : await this.#loadInline();
    const cancelled = !result.ok && this.#closed;
    this.events.emit('reload', {
      ok: result.ok,
      ms: performance.now() - started,
      articles: result.ok ? result.snapshot.corpus.articles.length : null,
      cancelled,
      origin,
    } satisfies ReloadEvent);
    return result;
  }

  async #loadInline(): Promise<ReloadResult> {
    const loaded = await loadCorpus(this.dir);
    if (!loaded.ok) return { ok: false, errors: loaded.errors, kept: this.#current };
    const snapshot = buildSnapshot(loaded.corpus);
    this.#current = snapshot;
    return { ok: true, snapshot, warnings: loaded.warnings };
  }

  async #loadInWorker(): Promise<ReloadResult> {
    const build = buildInWorker(this.dir, {
      heapMb: this.#workerHeapMb,
      ...(this.#snapshotDir ? { cacheDir: this.#snapshotDir, saveFirst: this.#current !== null } : {}),
    });
    this.#building = build;
    let built: Awaited<typeof build.result>;
    try {
      built = await build.result;
    } finally {
      this.#building = null;
    }
    if (!built.ok) {
      if (built.crash) log.error({ err: built.crash, dir: this.dir }, 'building the index crashed');
      return { ok: false, errors: built.errors, kept: this.#current };
    }
    if (this.#closed) {
      await built.host.close();
      return { ok: false, errors: [{ file: this.dir, problem: 'the bot is shutting down' }], kept: this.#current };
    }
    const previous = this.#host;
    built.host.onUnexpectedExit((code) => {
      if (this.#host !== built.host || this.#closed) return;
      // The serving worker died (a crash, out of memory): answers fail until a new one serves, so rebuild now.
      log.error({ code, dir: this.dir }, 'the index worker stopped unexpectedly; rebuilding the index');
      this.events.emit('worker-exit', { code });
      void this.reload();
    });
    // The swap: one assignment each; callers holding the previous snapshot get a grace period.
    this.#host = built.host;
    this.#current = built.snapshot;
    if (previous) setTimeout(() => void previous.close(), this.#retireAfterMs).unref();
    return { ok: true, snapshot: built.snapshot, warnings: built.warnings };
  }
}
