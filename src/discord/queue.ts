/**
 * The answer queue: answers are computed one at a time, in arrival order, and the queue gives the
 * event loop a full turn (`setImmediate`) before each one. Acknowledgements of interactions that
 * arrive meanwhile, gateway heartbeats and REST responses therefore never wait for more than one answer.
 *
 * Why not a worker pool: in the bot the engine already lives in the snapshot worker (see
 * snapshot-host.ts); `/ask`, mentions, button pages and 👍/👎 await its answer (`answerWithoutBlocking`),
 * so the event loop turns while it is computed (autocomplete's suggestions are still a blocking call). A pool would
 * need a full index in every worker (hundreds of MB at 10,000 articles) for answers that take a few
 * milliseconds, on a machine with few cores. Measured by
 * `npm run stress`: with this queue 1,000 questions at once are all acknowledged within about a second
 * and answered in order.
 */

export interface QueueOptions {
  /** Questions waiting beyond this are refused at once with an honest "too busy" (memory bound). */
  maxPending?: number;
  /** How the queue yields to the event loop between jobs (injectable for tests). */
  yieldToLoop?: () => Promise<void>;
  now?: () => number;
}

export interface QueuedJob<T> {
  /** Settles with the task's result (or error); never settles if cancelled before it ran. */
  result: Promise<T>;
  /** Drops the job if it has not started (e.g. its interaction could not be acknowledged). */
  cancel(): void;
  /** Jobs ahead of this one when it was queued. */
  ahead: number;
}

export interface JobTiming {
  /** Milliseconds between queueing and start. */
  waitedMs: number;
  /** Milliseconds the task itself took. */
  ranMs: number;
  ok: boolean;
}

interface Job {
  task: () => unknown;
  resolve(value: unknown): void;
  reject(err: unknown): void;
  queuedAt: number;
  cancelled: boolean;
}

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class AnswerQueue {
  readonly maxPending: number;
  readonly #yield: () => Promise<void>;
  readonly #now: () => number;
  #jobs: Job[] = [];
  #head = 0;
  #running = false;
  #active = false;
  /** Exponentially weighted mean of recent task durations (ms), for the expected wait. */
  #meanMs = 5;
  readonly #observers = new Set<(timing: JobTiming) => void>();

  constructor(options: QueueOptions = {}) {
    this.maxPending = options.maxPending ?? 5_000;
    this.#yield = options.yieldToLoop ?? yieldToLoop;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Jobs queued and not yet finished (including the one running). */
  get pending(): number {
    return this.#jobs.length - this.#head + (this.#active ? 1 : 0);
  }

  get full(): boolean {
    return this.pending >= this.maxPending;
  }

  /** Roughly how long a job queued now would wait before it runs. */
  expectedWaitMs(): number {
    return this.pending * this.#meanMs;
  }

  /** Called after every job (for metrics). Returns an unsubscribe function. */
  observe(observer: (timing: JobTiming) => void): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /** Queues `task`; it runs after every job queued before it, and after a turn of the event loop. */
  run<T>(task: () => T | Promise<T>): QueuedJob<T> {
    const ahead = this.pending;
    let job!: Job;
    const result = new Promise<T>((resolve, reject) => {
      job = { task, resolve: resolve as (v: unknown) => void, reject, queuedAt: this.#now(), cancelled: false };
    });
    this.#jobs.push(job);
    if (!this.#running) void this.#drain();
    return {
      result,
      ahead,
      cancel: () => {
        job.cancelled = true;
      },
    };
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#head < this.#jobs.length) {
        await this.#yield();
        const job = this.#jobs[this.#head] as Job;
        this.#jobs[this.#head] = undefined as unknown as Job;
        this.#head++;
        if (this.#head > 1024 && this.#head * 2 > this.#jobs.length) {
          this.#jobs = this.#jobs.slice(this.#head);
          this.#head = 0;
        }
        if (job.cancelled) continue;
        const started = this.#now();
        let ok = true;
        this.#active = true;
        try {
          job.resolve(await job.task());
        } catch (err) {
          ok = false;
          job.reject(err);
        } finally {
          this.#active = false;
        }
        const ranMs = this.#now() - started;
        this.#meanMs = this.#meanMs * 0.8 + ranMs * 0.2;
        for (const observe of this.#observers) observe({ waitedMs: started - job.queuedAt, ranMs, ok });
      }
    } finally {
      this.#running = false;
    }
  }
}

/** The process-wide queue every command answer goes through. */
export const answerQueue = new AnswerQueue();
