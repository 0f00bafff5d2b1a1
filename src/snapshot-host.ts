/**
 * The main thread's side of a snapshot worker (`snapshot-worker.ts`).
 *
 * Why the index lives in a worker: building it (load, segment, index, figures, brief) takes seconds to
 * minutes on a large corpus, and the engine is closures over Maps that cannot be copied between
 * threads. So the worker that builds a snapshot keeps its engine and answers `ask`/`suggest` for it;
 * the main thread gets the reports and a slim corpus (plain data, sent in small messages: every article
 * and sentence, but sentence text only where the Discord layer reads it — see `slimArticle`) and an engine
 * whose methods call the worker synchronously (`Atomics.wait` + `receiveMessageOnPort`, a few tens of
 * microseconds on top of the answer itself). The event loop is never blocked by a build, whatever the
 * corpus size, and a reload swaps one worker for the next.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Engine } from './engine/engine.js';
import type { CasualtyReport, TalksBrief } from './extract/types.js';
import { log } from './log.js';
import type { EngineReply, EngineRequest, SnapshotWorkerData, WorkerLog } from './snapshot-worker.js';
import type { Snapshot } from './store.js';
import type { Answer, Article, Corpus, Sentence, SourceError } from './types.js';

/**
 * An answer taking longer than this is given up on and the user gets an apology: the main thread waits
 * for the worker, so this bounds how long one pathological question can hold up the gateway. Answers
 * take milliseconds (p99 ≈ 25 ms at 10,000 articles).
 */
export const ENGINE_CALL_TIMEOUT_MS = 2_000;

export type WorkerBuild =
  | { ok: true; snapshot: Snapshot; warnings: SourceError[]; host: SnapshotHost }
  | { ok: false; errors: SourceError[]; cancelled?: boolean; crash?: string };

/**
 * Starts the worker's code: the compiled `.js` in production; under tsx or vitest (this file is `.ts`)
 * a bootstrap that registers tsx in the worker first (workers do not inherit the parent's loader).
 */
function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./snapshot-worker.js', import.meta.url), options);
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/index\.cjs$/, 'index.mjs'),
  ).href;
  const entry = new URL('./snapshot-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** One snapshot's worker, serving its engine synchronously. */
export class SnapshotHost {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #flag: Int32Array;
  #nextId = 1;
  #closed = false;
  #exitListeners = new Set<(code: number) => void>();
  readonly #asyncPort: MessagePort | null;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();

  constructor(worker: Worker, port: MessagePort, signal: SharedArrayBuffer, asyncPort?: MessagePort) {
    this.#worker = worker;
    this.#port = port;
    this.#flag = new Int32Array(signal);
    this.#asyncPort = asyncPort ?? null;
    this.#asyncPort?.on('message', (reply: EngineReply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return; // a late reply to a call that timed out
      this.#pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(`the index worker failed: ${reply.message}`));
    });
    // Waiting for an answer must not keep the process alive by itself.
    this.#asyncPort?.unref();
    worker.once('exit', (code) => {
      const unexpected = !this.#closed;
      this.#closed = true;
      for (const waiting of this.#pending.values()) waiting.reject(new Error('the index worker has stopped'));
      this.#pending.clear();
      if (unexpected) for (const listener of this.#exitListeners) listener(code);
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Called if the worker stops without being closed (a crash, out of memory). */
  onUnexpectedExit(listener: (code: number) => void): void {
    this.#exitListeners.add(listener);
  }

  /** Calls the worker's engine and waits for the answer (synchronously, like the in-process engine). */
  call(request: Omit<EngineRequest, 'id'>, timeoutMs = ENGINE_CALL_TIMEOUT_MS): unknown {
    if (this.#closed) throw new Error('the index worker has stopped; an admin can run /sources-admin reload');
    const id = this.#nextId++;
    Atomics.store(this.#flag, 0, 0);
    this.#port.postMessage({ ...request, id });
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.#flag, 0, 0, left) === 'timed-out') {
        throw new Error(`the index worker did not answer ${request.method} within ${timeoutMs} ms`);
      }
      // Reset before draining: a reply posted after the drain sets the flag again and wakes the next wait.
      Atomics.store(this.#flag, 0, 0);
      for (let m = receiveMessageOnPort(this.#port); m; m = receiveMessageOnPort(this.#port)) {
        const reply = m.message as EngineReply;
        if (reply.id !== id) continue; // a late reply to a call that timed out
        if (reply.ok) return reply.value;
        throw new Error(`the index worker failed: ${reply.message}`);
      }
    }
  }

  /**
   * Calls the worker's engine and awaits the answer: the event loop keeps turning meanwhile (other
   * interactions are acknowledged while an answer is computed). Needs the worker's async port.
   */
  callAsync(request: Omit<EngineRequest, 'id'>, timeoutMs = ENGINE_CALL_TIMEOUT_MS): Promise<unknown> {
    const port = this.#asyncPort;
    if (!port) return Promise.resolve().then(() => this.call(request, timeoutMs));
    if (this.#closed) {
      return Promise.reject(new Error('the index worker has stopped; an admin can run /sources-admin reload'));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`the index worker did not answer ${request.method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      port.postMessage({ ...request, id });
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiting of this.#pending.values()) waiting.reject(new Error('the index worker has stopped'));
    this.#pending.clear();
    this.#asyncPort?.close();
    this.#port.close();
    await this.#worker.terminate();
  }
}

/**
 * Starts a worker that builds the snapshot of `dir`. `cancel()` stops it (SIGTERM during a reload);
 * the result then says so and nothing is swapped in.
 */
export function buildInWorker(
  dir: string,
  options: { heapMb?: number; cacheDir?: string; saveFirst?: boolean } = {},
): { result: Promise<WorkerBuild>; cancel(): Promise<void> } {
  const channel = new MessageChannel();
  const asyncChannel = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const data: SnapshotWorkerData = {
    dir,
    port: channel.port2,
    asyncPort: asyncChannel.port2,
    signal,
    ...(options.cacheDir ? { cacheDir: options.cacheDir, saveFirst: options.saveFirst ?? false } : {}),
  };
  const worker = startWorker({
    workerData: data,
    transferList: [channel.port2, asyncChannel.port2],
    ...(options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } } : {}),
  });
  const host = new SnapshotHost(worker, channel.port1, signal, asyncChannel.port1);
  let settled = false;
  let settle!: (build: WorkerBuild) => void;
  const result = new Promise<WorkerBuild>((resolve) => {
    settle = (build) => {
      if (settled) return;
      settled = true;
      if (!build.ok) void host.close();
      resolve(build);
    };
  });
  /** A bug or a dead worker, not a problem with the files: the full text goes to the log, the first line to the admin. */
  const failed = (problem: string, crash: string): WorkerBuild => ({
    ok: false,
    errors: [{ file: dir, problem }],
    crash,
  });
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  const casualties: CasualtyReport = { figures: [], conflicts: [] };
  // Ask for the next part after a turn of the event loop, so acknowledgements go out between parts.
  const more = () => setImmediate(() => worker.postMessage({ type: 'more' }));

  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'articles') {
      for (const a of message.articles) {
        articles.push(a);
        for (const s of a.sentences) sentences.push(s);
      }
      more();
    } else if (message.type === 'figures') {
      for (const f of message.figures) casualties.figures.push(f);
      more();
    } else if (message.type === 'conflicts') {
      for (const c of message.conflicts) casualties.conflicts.push(c);
      more();
    } else if (message.type === 'log') {
      log[message.level]({ ...message.data, dir }, message.msg);
    } else if (message.type === 'failed') {
      settle({ ok: false, errors: message.errors });
    } else if (message.type === 'crashed') {
      settle(failed(`building the index failed: ${firstLine(message.message)}`, message.message));
    } else if (message.type === 'ready') {
      // Serving from now on: the worker alone must not keep the process alive.
      worker.unref();
      settle({
        ok: true,
        snapshot: assemble(dir, { articles, sentences, casualties }, message, host),
        warnings: message.warnings,
        host,
      });
    }
  });
  worker.on('error', (err) =>
    settle(failed(`building the index failed: ${firstLine(err.message)}`, err.stack ?? err.message)),
  );
  worker.on('exit', (code) => {
    const problem = `the index worker stopped (exit code ${code}) before the index was built`;
    settle(failed(problem, problem));
  });

  return {
    result,
    cancel: async () => {
      settle({
        ok: false,
        errors: [{ file: dir, problem: 'reload cancelled: the bot is shutting down' }],
        cancelled: true,
      });
      await host.close();
    },
  };
}

type WorkerMessage =
  | { type: 'articles'; articles: Article[] }
  | { type: 'figures'; figures: CasualtyReport['figures'] }
  | { type: 'conflicts'; conflicts: CasualtyReport['conflicts'] }
  | { type: 'failed'; errors: SourceError[] }
  | { type: 'crashed'; message: string }
  | WorkerLog
  | ReadyMessage;

interface ReadyMessage {
  type: 'ready';
  warnings: SourceError[];
  loadedAt: string;
  stats: Engine['stats'];
  talks: TalksBrief;
  buildMs: number;
  /** Loaded from a saved snapshot instead of built. */
  fromSnapshot: boolean;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** The corpus as `assembleCorpus` made it in the worker: articles in order, sentences numbered across them. */
function assemble(
  dir: string,
  parts: { articles: Article[]; sentences: Sentence[]; casualties: CasualtyReport },
  ready: ReadyMessage,
  host: SnapshotHost,
): Snapshot {
  const { articles, sentences } = parts;
  const corpus: Corpus = {
    dir,
    articles,
    sentences,
    byId: new Map(articles.map((a) => [a.id, a])),
    loadedAt: ready.loadedAt,
  };
  const engine: Engine = {
    corpus,
    stats: ready.stats,
    ask: (question) => host.call({ method: 'ask', args: [question] }) as Answer,
    askAsync: (question) => host.callAsync({ method: 'ask', args: [question] }) as Promise<Answer>,
    suggest: (partial, limit, maxLength) =>
      host.call({ method: 'suggest', args: [partial, limit, maxLength] }) as string[],
  };
  return {
    corpus,
    engine,
    casualties: parts.casualties,
    talks: ready.talks,
    builtAt: new Date(),
    buildMs: ready.buildMs,
    fromSnapshot: ready.fromSnapshot,
  };
}
