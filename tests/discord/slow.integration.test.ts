/**
 * A deliberately slow engine (every answer takes SLOW_MS longer, as on a large corpus or a slow host; see
 * tests/fake-discord/slow-engine.ts): the user sees "thinking…" (a deferred reply) at once and the answer
 * later — also when answers queue up past Discord's 3-second acknowledgement deadline.
 */
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/registry.js';
import { type BotProcess, botEnv, FAKE_TOKEN, REPO, startBotProcess } from '../fake-discord/harness.js';
import type { Json } from '../fake-discord/payloads.js';
import { FakeDiscord, type InteractionResult } from '../fake-discord/server.js';

const SLOW_MS = 1200;
const QUESTION = 'How many prisoners were exchanged?';

let fake: FakeDiscord;
let bot: BotProcess;

const ask = (user = fake.user('patient')) =>
  fake.command('ask', { options: [{ name: 'question', type: 3, value: QUESTION }], user });
/** The answer edited into the acknowledgement: when it arrived, after the interaction was dispatched. */
const answerOf = (r: InteractionResult) =>
  fake.waitFor(
    () =>
      fake
        .messagesFor(r.interactionId)
        .find((m) => m.kind === 'original' && ((m.body.embeds as APIEmbed[] | undefined)?.length ?? 0) > 0),
    'the answer edited in',
    20_000,
  );

beforeAll(async () => {
  // Discord's own heartbeat interval: a main thread blocked for seconds must not look like a zombie connection.
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  fake.setCommands(commandDefinitions());
  bot = await startBotProcess(fake, botEnv(fake, path.join(REPO, 'seeds'), { SLOW_ENGINE_MS: String(SLOW_MS) }), {
    preload: './tests/fake-discord/slow-engine.ts',
  });
}, 90_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
});

describe('a slow engine', () => {
  it('shows "thinking…" at once, then edits the answer in', async () => {
    const sent = ask();
    const result = await sent.result(20_000);
    // Type 5: Discord shows "<bot> is thinking…" until the edit.
    expect(result).toMatchObject({ ackType: 5, deferred: true, ephemeral: false });
    expect(result.ackMs).toBeLessThan(SLOW_MS);
    const answer = await answerOf(result);
    expect((answer.body.embeds as APIEmbed[])[0]?.title).toBe(QUESTION);
    const callback = fake.requests.find((r) => r.route.startsWith(`/interactions/${sent.id}/`));
    expect(answer.at - (callback?.at ?? 0)).toBeGreaterThanOrEqual(SLOW_MS - 50);
  });

  it('acknowledges answers queued past the 3-second deadline in time, and answers every one later', async () => {
    const sent = [ask(), ask(), ask(), ask()];
    const dispatchedAt = Date.now();
    const results = await Promise.all(sent.map((s) => s.result(30_000)));
    for (const r of results) {
      expect(r.ackMs).toBeLessThanOrEqual(3000);
      // Deferred ("thinking…"), or an honest "busy, answering in order" once the queue is known to be slow.
      if (r.ackType === 4) expect(String(r.message?.body.content)).toMatch(/^⏳ Busy: \d+ questions? ahead of yours/);
      else expect(r.ackType).toBe(5);
    }
    const answers = await Promise.all(results.map(answerOf));
    for (const a of answers) expect((a.body.embeds as APIEmbed[])[0]?.title).toBe(QUESTION);
    // The last answer came after Discord's deadline: only possible because it was acknowledged first.
    expect(Math.max(...answers.map((a) => a.at)) - dispatchedAt).toBeGreaterThan(3000);
  });

  it('acknowledges a "Show all sources" click before asking the engine again', async () => {
    const user = fake.user('clicker');
    const first = await ask(user).result(20_000);
    const shown = (await answerOf(first)).message as Json;
    const rows = (shown.components as { components: { custom_id?: string; label?: string }[] }[]) ?? [];
    const all = rows.flatMap((r) => r.components).find((b) => /^Show all sources/.test(b.label ?? ''));
    if (!all?.custom_id) return; // every source already on the answer page: nothing to re-ask
    const clicked = fake.click(shown, all.custom_id, { user });
    const result = await clicked.result(20_000);
    expect(result.ackType).toBe(6);
    expect(result.ackMs).toBeLessThan(SLOW_MS);
  });

  it('sent nothing Discord refused and logged no errors', () => {
    expect(fake.rejected.map((r) => `${r.method} ${r.route} → ${r.status}`)).toEqual([]);
    expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
