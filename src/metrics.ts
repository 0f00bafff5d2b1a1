/**
 * The operators' view: Prometheus metrics (prom-client) and a health check, served on METRICS_PORT
 * when it is set. The metrics are always recorded (cheap); the HTTP server is optional.
 *
 *   GET /healthz  200 once a snapshot serves (503 before, e.g. during the first build), JSON body
 *   GET /metrics  Prometheus text format
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AnswerQueue } from './discord/queue.js';
import { log } from './log.js';
import type { ReloadEvent, SourceStore } from './store.js';

/** Latency buckets (seconds) around Discord's 3-second acknowledgement deadline. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

export class BotMetrics {
  readonly registry = new Registry();
  readonly interactions = new Counter({
    name: 'bot_interactions_total',
    help: 'Chat-input interactions handled, by command and outcome (ok, rate_limited, unknown_command, error)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly busy = new Counter({
    name: 'bot_answer_queue_busy_total',
    help: 'Questions acknowledged with the "busy, answering in order" message, or refused because the queue was full',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  readonly ackLatency = new Histogram({
    name: 'bot_ack_latency_seconds',
    help: 'From Discord creating the interaction to its acknowledgement being accepted (deadline 3 s)',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly answerLatency = new Histogram({
    name: 'bot_answer_latency_seconds',
    help: 'From Discord creating the interaction to the answer being shown',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly queueWait = new Histogram({
    name: 'bot_answer_queue_wait_seconds',
    help: 'Time an answer waited in the answer queue before it was computed',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly answerCompute = new Histogram({
    name: 'bot_answer_compute_seconds',
    help: 'Time to compute one answer',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  #queue: AnswerQueue | null = null;
  readonly queuePending: Gauge = new Gauge({
    name: 'bot_answer_queue_pending',
    help: 'Answers queued or being computed',
    registers: [this.registry],
    collect: () => {
      if (this.#queue) this.queuePending.set(this.#queue.pending);
    },
  });
  readonly reloadDuration = new Histogram({
    name: 'bot_reload_duration_seconds',
    help: 'Duration of index reloads, by result (ok, failed, cancelled)',
    labelNames: ['result'] as const,
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly indexArticles = new Gauge({
    name: 'bot_index_articles',
    help: 'Articles in the index being served',
    registers: [this.registry],
  });
  readonly indexSentences = new Gauge({
    name: 'bot_index_sentences',
    help: 'Sentences in the index being served',
    registers: [this.registry],
  });
  readonly indexPassages = new Gauge({
    name: 'bot_index_passages',
    help: 'Passages in the index being served',
    registers: [this.registry],
  });
  readonly ready = new Gauge({
    name: 'bot_ready',
    help: '1 once a snapshot serves',
    registers: [this.registry],
  });

  #defaults = false;

  /** Node's own metrics (event-loop lag and its percentiles, heap, GC, CPU) in the same registry. */
  collectDefaults(): void {
    if (this.#defaults) return;
    this.#defaults = true;
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** Seconds since Discord created an interaction (its snowflake time), never negative. */
  static since(createdTimestamp: number, now = Date.now()): number {
    return Math.max(0, now - createdTimestamp) / 1000;
  }

  watchQueue(queue: AnswerQueue): void {
    queue.observe((t) => {
      this.queueWait.observe(t.waitedMs / 1000);
      this.answerCompute.observe(t.ranMs / 1000);
    });
    this.#queue = queue;
  }

  watchStore(store: SourceStore): void {
    const setIndex = () => {
      if (!store.ready) return;
      const { corpus, engine } = store.current;
      this.indexArticles.set(corpus.articles.length);
      this.indexSentences.set(corpus.sentences.length);
      this.indexPassages.set(engine.stats.passages);
      this.ready.set(1);
    };
    setIndex();
    store.events.on('reload', (e: ReloadEvent) => {
      const result = e.ok ? 'ok' : e.cancelled ? 'cancelled' : 'failed';
      this.reloadDuration.observe({ result }, e.ms / 1000);
      setIndex();
    });
  }
}

/** The process-wide metrics. */
export const metrics = new BotMetrics();

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves /healthz and /metrics on `port` (0: any free port) at `host`. */
export async function startMetricsServer(
  store: SourceStore,
  options: { port: number; host: string; registry?: Registry },
): Promise<MetricsServer> {
  const registry = options.registry ?? metrics.registry;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/healthz') {
      const ready = store.ready;
      const body = ready
        ? {
            status: 'ok',
            articles: store.current.corpus.articles.length,
            builtAt: store.current.builtAt.toISOString(),
            reloading: store.building,
          }
        : { status: 'starting', detail: 'the first index is still being built' };
      const text = JSON.stringify(body);
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(text);
      return;
    }
    if (url.pathname === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (err: unknown) => {
          log.error({ err }, 'could not collect metrics');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('could not collect metrics\n');
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  // Serving metrics alone must not keep the process alive (the console ends with its input).
  server.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
