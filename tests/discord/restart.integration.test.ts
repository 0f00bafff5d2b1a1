/**
 * What survives a restart of the bot (a new process, nothing remembered): buttons, whose state is in their
 * custom ids, and threads started on answers, whose question is read back from the thread's first message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_BUTTON } from '../../src/discord/components.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { type BotProcess, botEnv, copySeeds, FAKE_TOKEN, startBotProcess } from '../fake-discord/harness.js';
import type { Json } from '../fake-discord/payloads.js';
import { noPings } from '../fake-discord/pings.js';
import { FakeDiscord, type SentMessage } from '../fake-discord/server.js';

let fake: FakeDiscord;
let bot: BotProcess;
let sources: Awaited<ReturnType<typeof copySeeds>>;
let dataDir: string;
const env = () => botEnv(fake, sources.dir, { DATA_DIR: dataDir });

const replyTo = (asked: Json) =>
  fake.waitFor(
    () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
    'a reply',
  );
const buttonsIn = (m: SentMessage) =>
  ((m.body.components as { components: { custom_id?: string; label?: string }[] }[] | undefined) ?? []).flatMap(
    (r) => r.components,
  );

beforeAll(async () => {
  sources = await copySeeds();
  dataDir = await mkdtemp(path.join(tmpdir(), 'bot-data-'));
  fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
  bot = await startBotProcess(fake, env());
}, 90_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  await sources?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('after a restart', () => {
  const question = 'How many Ukrainian soldiers have been killed?';
  let answer: SentMessage;
  let threadId: string;

  it('(before it) an answer gets a thread', async () => {
    const author = fake.user('before-restart');
    answer = await replyTo(fake.postMessage(`<@${fake.bot.id}> ${question}`, { author }));
    await fake.click(answer.message, THREAD_BUTTON, { user: author }).result();
    threadId = String(fake.threadsStarted.at(-1)?.threadId);
    expect(threadId).toBe(answer.messageId);
    const { code } = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    bot = await startBotProcess(fake, env());
  }, 90_000);

  it('reads the thread’s question back from its first message, the answer it was started on', async () => {
    const reply = await replyTo(fake.postMessage(`<@${fake.bot.id}> and Russia?`, { channelId: threadId }));
    expect((reply.body.embeds as APIEmbed[])[0]?.title).toBe('How many Russian soldiers have been killed?');
    expect(noPings(reply.pings)).toBe(true);
    expect(
      fake.requests.some((r) => r.method === 'GET' && r.route === `/channels/${fake.channelId}/messages/${threadId}`),
    ).toBe(true);
  });

  it('handles clicks on buttons it sent before the restart (their state is in the custom id)', async () => {
    const up = buttonsIn(answer).find((b) => b.custom_id === 'fb:up');
    expect(up).toBeDefined();
    const voted = await fake.click(answer.message, 'fb:up', { user: fake.user('voter-after-restart') }).result();
    expect(voted).toMatchObject({ ackType: 5, ephemeral: true });
    expect(bot.logs.some((l) => l.msg === 'feedback recorded')).toBe(true);
    const again = await fake.click(answer.message, THREAD_BUTTON).result();
    expect(String(again.message?.body.content)).toMatch(/^There is a thread for this answer already/);
  });

  it('sent nothing Discord refused', () => {
    expect(fake.rejected.map((r) => `${r.method} ${r.route} → ${r.status} ${JSON.stringify(r.response)}`)).toEqual([]);
    expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
