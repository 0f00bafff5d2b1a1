/**
 * Acknowledge first, always: a burst of interactions through the fake Discord (real discord.js) is
 * acknowledged within Discord's 3-second deadline and every one is answered. Timing bounds are loose
 * on purpose (the deadline itself); the measured figures come from `npm run stress`.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/registry.js';
import { type BotProcess, botEnv, FAKE_TOKEN, freePort, startBotProcess } from '../fake-discord/harness.js';
import { noPings } from '../fake-discord/pings.js';
import { FakeDiscord, type InteractionResult, type SentMessage } from '../fake-discord/server.js';
import { SEEDS } from '../helpers.js';

const BURST = 200;
const QUESTIONS = [
  'How many prisoners were exchanged?',
  'Where are the peace talks taking place?',
  'Who is Russia’s top negotiator?',
  'What did Witkoff say about the talks?',
];

let fake: FakeDiscord;
let bot: BotProcess;
let metricsPort: number;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
  metricsPort = await freePort();
  bot = await startBotProcess(fake, botEnv(fake, SEEDS, { METRICS_PORT: String(metricsPort) }));
}, 60_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
});

/** The answer an interaction ended with: the last message for it that carries embeds (after any "busy" notice). */
const finalAnswer = (id: string): SentMessage | undefined =>
  fake
    .messagesFor(id)
    .filter((m) => ((m.body.embeds as unknown[] | undefined) ?? []).length > 0)
    .at(-1);

describe(`a burst of ${BURST} /ask at once`, () => {
  let results: (InteractionResult | Error)[];
  let answers: (SentMessage | undefined)[];

  beforeAll(async () => {
    // Dispatched back to back, each from a different member (the per-user rate limit does not apply).
    const sent = Array.from({ length: BURST }, (_, i) =>
      fake.command('ask', { options: [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length] }] }),
    );
    results = await Promise.all(sent.map((s) => s.result(60_000).catch((err: Error) => err)));
    // Interactions acknowledged with "busy, answering in order" get their answer as a later edit.
    await fake.waitFor(() => sent.every((s) => finalAnswer(s.id)), 'every answer', 60_000).catch(() => undefined);
    answers = sent.map((s) => finalAnswer(s.id));
  }, 150_000);

  it('acknowledges every interaction within Discord’s 3-second deadline', () => {
    const acked = results.filter((r): r is InteractionResult => !(r instanceof Error));
    expect(acked).toHaveLength(BURST);
    expect(acked.every((r) => r.ackMs < 3000)).toBe(true);
    expect(fake.rejected.filter((r) => r.route.endsWith('/callback'))).toEqual([]);
  });

  it('answers every one of them with an answer embed, none lost', () => {
    expect(answers.filter(Boolean)).toHaveLength(BURST);
  });

  it('says "busy, answering in order" honestly to those acknowledged before their answer was near', () => {
    for (const r of results) {
      if (r instanceof Error || r.ackType !== 4) continue;
      expect(String(r.message?.body.content)).toMatch(/^⏳ Busy: \d+ questions? ahead of yours — answering in order/);
    }
  });

  it('pings no one in any message it sent', () => {
    const mine = fake.sent.filter((m) => m.interactionId !== null);
    expect(mine.length).toBeGreaterThanOrEqual(BURST);
    for (const m of mine) {
      expect(m.body.allowed_mentions).toMatchObject({ parse: [] });
      expect(noPings(m.pings)).toBe(true);
    }
  });

  it('counts them in /metrics and reports healthy on /healthz', async () => {
    const health = await fetch(`http://127.0.0.1:${metricsPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', articles: 5 });
    const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const okCount = (t: string) => Number(/^bot_interactions_total\{command="ask",outcome="ok"\} (\d+)$/m.exec(t)?.[1]);
    // The last answers are counted once Discord has accepted their edits: a moment after the fake saw them.
    let text = await scrape();
    for (let i = 0; i < 40 && okCount(text) < BURST; i++) {
      await new Promise((r) => setTimeout(r, 50));
      text = await scrape();
    }
    expect(Number(/^bot_interactions_total\{command="ask",outcome="ok"\} (\d+)$/m.exec(text)?.[1])).toBe(BURST);
    expect(Number(/^bot_ack_latency_seconds_count (\d+)$/m.exec(text)?.[1])).toBe(BURST);
    expect(Number(/^bot_ack_latency_seconds_bucket\{le="3"\} (\d+)$/m.exec(text)?.[1])).toBe(BURST);
    expect(Number(/^bot_answer_latency_seconds_count (\d+)$/m.exec(text)?.[1])).toBe(BURST);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('logged no errors', () => {
    expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
