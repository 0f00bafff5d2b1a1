import { buildEngine, type Engine } from './engine/engine.js';
import { buildCasualtyReport } from './extract/casualties.js';
import { buildTalksBrief } from './extract/talks.js';
import type { CasualtyReport, TalksBrief } from './extract/types.js';
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

/**
 * Holds the snapshot being served and swaps in a new one in a single assignment once it is fully
 * built. Reloads are serialised: a second reload waits for the first and never interleaves with it.
 * A reload that fails leaves the current snapshot serving.
 */
export class SourceStore {
  #current: Snapshot | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  get current(): Snapshot {
    if (!this.#current) throw new Error('SourceStore used before the first successful load');
    return this.#current;
  }

  get ready(): boolean {
    return this.#current !== null;
  }

  /** Runs `task` after every earlier queued task; tasks never overlap. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Loads the directory, builds a new snapshot and swaps it in; on failure keeps serving the old one. */
  reload(): Promise<ReloadResult> {
    return this.exclusive(() => this.#load());
  }

  /**
   * Changes the sources (adds or removes a file) and, if that worked, reloads — one step that no other
   * reload or change can interleave with.
   */
  change<T extends { ok: true } | { ok: false }>(task: () => Promise<T>): Promise<Changed<T>> {
    return this.exclusive(async (): Promise<Changed<T>> => {
      const outcome = await task();
      if (!outcome.ok) return { outcome: outcome as Extract<T, { ok: false }>, reload: null };
      return { outcome: outcome as Extract<T, { ok: true }>, reload: await this.#load() };
    });
  }

  async #load(): Promise<ReloadResult> {
    const loaded = await loadCorpus(this.dir);
    if (!loaded.ok) return { ok: false, errors: loaded.errors, kept: this.#current };
    const snapshot = buildSnapshot(loaded.corpus);
    this.#current = snapshot;
    return { ok: true, snapshot, warnings: loaded.warnings };
  }
}
