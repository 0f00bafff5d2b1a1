import { afterEach, describe, expect, it } from 'vitest';
import { BotMetrics, type MetricsServer, startMetricsServer } from '../../src/metrics.js';
import { SourceStore } from '../../src/store.js';
import { SEEDS } from '../helpers.js';

describe('metrics server', () => {
  let server: MetricsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve() {
    const metrics = new BotMetrics();
    const store = new SourceStore(SEEDS);
    metrics.watchStore(store);
    server = await startMetricsServer(store, { port: 0, host: '127.0.0.1', registry: metrics.registry });
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${server?.port}${path}`);
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };
    return { metrics, store, get };
  }

  it('answers /healthz with 503 until a snapshot serves, then 200 with the index size', async () => {
    const { store, get } = await serve();
    const before = await get('/healthz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.text)).toMatchObject({ status: 'starting' });
    await store.reload();
    const after = await get('/healthz');
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toMatchObject({ status: 'ok', articles: 5, reloading: false });
  });

  it('serves Prometheus text with reload results, index size and latency histograms', async () => {
    const { store, get, metrics } = await serve();
    await store.reload();
    metrics.interactions.inc({ command: 'ask', outcome: 'ok' });
    metrics.ackLatency.observe(0.02);
    const { status, type, text } = await get('/metrics');
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toMatch(/^bot_reload_duration_seconds_count\{result="ok"\} 1$/m);
    expect(text).toMatch(/^bot_index_articles 5$/m);
    expect(text).toMatch(/^bot_ready 1$/m);
    expect(text).toMatch(/^bot_interactions_total\{command="ask",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^bot_ack_latency_seconds_bucket\{le="0.025"\} 1$/m);
  });

  it('counts a failed reload as failed and keeps the index size of the snapshot still serving', async () => {
    const { store, get } = await serve();
    await store.reload();
    Object.defineProperty(store, 'dir', { value: '/nonexistent/sources' });
    expect((await store.reload()).ok).toBe(false);
    const { text } = await get('/metrics');
    expect(text).toMatch(/^bot_reload_duration_seconds_count\{result="failed"\} 1$/m);
    expect(text).toMatch(/^bot_index_articles 5$/m);
  });

  it('includes event-loop lag once default metrics are collected', async () => {
    const { get, metrics } = await serve();
    metrics.collectDefaults();
    const { text } = await get('/metrics');
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('answers other paths with 404 naming the two it has, and other methods with 405', async () => {
    const { get } = await serve();
    const missing = await get('/');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('/healthz');
    const res = await fetch(`http://127.0.0.1:${server?.port}/metrics`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('BotMetrics.since', () => {
  it('gives seconds since an interaction was created, never negative (clock skew)', () => {
    expect(BotMetrics.since(1_000, 3_500)).toBe(2.5);
    expect(BotMetrics.since(5_000, 3_500)).toBe(0);
  });
});
