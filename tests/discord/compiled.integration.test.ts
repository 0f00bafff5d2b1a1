/**
 * The compiled bot (`node dist/src/main.js`, what the Docker image runs) against the fake Discord.
 * `npm test` builds first (pretest); run `npm run build` before running this file on its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, botEnv, copySeeds, FAKE_TOKEN, REPO, startBotProcess } from '../fake-discord/harness.js';
import { noPings } from '../fake-discord/pings.js';
import { FakeDiscord } from '../fake-discord/server.js';

const entry = path.join(REPO, 'dist/src/main.js');
let fake: FakeDiscord;
let bot: BotProcess;
let sources: Awaited<ReturnType<typeof copySeeds>>;

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does it).`);
  sources = await copySeeds();
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  bot = await startBotProcess(fake, botEnv(fake, sources.dir), { compiled: true });
}, 60_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  await sources?.cleanup();
});

describe('the compiled bot', () => {
  it('answers /ask with a cited embed', async () => {
    const question = 'Where are the peace talks taking place?';
    const result = await fake.command('ask', { options: [{ name: 'question', type: 3, value: question }] }).result();
    expect(result.ackMs).toBeLessThan(3000);
    const [embed] = (result.message?.body.embeds ?? []) as APIEmbed[];
    expect(embed?.title).toBe(question);
    expect(embed?.footer?.text).toMatch(/sources?/);
    expect(result.message && noPings(result.message.pings)).toBe(true);
    expect(fake.rejected).toEqual([]);
  });
  it('stops cleanly on SIGINT', async () => {
    expect((await bot.stop('SIGINT')).code).toBe(0);
  });
});
