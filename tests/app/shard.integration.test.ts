/**
 * `npm run start:sharded`: discord.js' ShardingManager runs the bot as shard processes against the fake
 * Discord: with SHARD_COUNT=1 the manager path (answers, the reload relay, fatal exits, SIGTERM); with
 * two shards against a fake that recommends two (one guild on each, events routed by guild id), each
 * guild answered by its own shard, and one reload rebuilt once and served by both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CONFIG } from '../../src/discord/bot.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { botEnv, copySeeds, FAKE_TOKEN, REPO } from '../fake-discord/harness.js';
import { ADMIN_PERMISSIONS, FakeDiscord } from '../fake-discord/server.js';
import { SEEDS } from '../helpers.js';

function startSharded(fake: FakeDiscord, env: NodeJS.ProcessEnv) {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/shard.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let partial = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line));
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const waitForLog = (msg: string, timeoutMs = 60_000) =>
    fake.waitFor(() => logs.find((l) => l.msg === msg), `log "${msg}"`, timeoutMs);
  return { proc, logs, exited, waitForLog };
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
});
afterAll(async () => {
  await fake?.close();
});

describe('start:sharded', () => {
  it('connects a shard through the manager, answers, relays a reload, and stops cleanly on SIGTERM', async () => {
    const bot = startSharded(fake, botEnv(fake, SEEDS, { SHARD_COUNT: '1' }));
    try {
      await bot.waitForLog('connected to Discord');
      await fake.waitForReady();
      expect(fake.identifies.at(-1)?.shard).toEqual([0, 1]);
      const answer = await fake
        .command('ask', { options: [{ name: 'question', type: 3, value: 'Where are the peace talks taking place?' }] })
        .result(20_000);
      expect(((answer.message?.body.embeds ?? []) as unknown[]).length).toBeGreaterThan(0);
      await fake
        .command('sources-admin', {
          options: [{ name: 'reload', type: 1, options: [] }],
          user: fake.owner,
          permissions: ADMIN_PERMISSIONS,
        })
        .result(30_000);
      const relayed = await bot.waitForLog('sources changed on one shard; reloading the others', 30_000);
      expect(relayed).toMatchObject({ from: 0 });
      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.proc.kill('SIGKILL');
    }
  });

  it('stops every shard with status 78 on a revoked token instead of respawning it in a loop', async () => {
    const revoke = (r: { route: string }) => {
      if (r.route === '/gateway/bot') (fake as { token: string }).token = 'revoked.token.value';
    };
    fake.on('request', revoke);
    const bot = startSharded(fake, botEnv(fake, SEEDS, { SHARD_COUNT: '1' }));
    try {
      expect(await bot.exited).toBe(EXIT_CONFIG);
      expect(bot.logs.filter((l) => l.msg === 'shard started')).toHaveLength(1);
      expect(bot.logs.filter((l) => l.level === 60).map((l) => String(l.msg))).toEqual([
        expect.stringMatching(/Discord rejected DISCORD_TOKEN/),
        expect.stringMatching(/stopping every shard/),
      ]);
    } finally {
      fake.off('request', revoke);
      (fake as { token: string }).token = FAKE_TOKEN;
      bot.proc.kill('SIGKILL');
    }
  });
});

describe('start:sharded with two shards', () => {
  it('answers each guild from its own shard; a reload on one rebuilds once and both serve the new index', async () => {
    const two = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000, shards: 2 });
    two.setCommands(commandDefinitions());
    const sources = await copySeeds();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'bot-data-'));
    const [guild0, guild1] = two.guildIds as [string, string];
    expect([two.shardOf(guild0), two.shardOf(guild1)]).toEqual([0, 1]);
    const bot = startSharded(two, botEnv(two, sources.dir, { SHARD_COUNT: '2', DATA_DIR: dataDir }));
    const logs = (msg: string) => bot.logs.filter((l) => l.msg === msg);
    const ask = (guildId: string, question: string) =>
      two.command('ask', { guildId, options: [{ name: 'question', type: 3, value: question }] }).result(30_000);
    try {
      await two.waitFor(() => logs('connected to Discord').length >= 2, 'both shards to connect', 150_000);
      await two.waitForReady(30_000);
      expect(two.identifies.map((d) => d.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // Start-up: the first shard built and saved the index, the second loaded it.
      await two.waitFor(() => logs('snapshot saved').length >= 1, 'the first snapshot saved', 30_000);
      expect(logs('snapshot saved')).toHaveLength(1);
      expect(logs('index loaded from the saved snapshot')).toHaveLength(1);

      // Each guild's interaction goes to its own shard (a different process answers).
      const before = logs('answered /ask').length;
      for (const guild of [guild0, guild1]) {
        const answer = await ask(guild, 'Where are the peace talks taking place?');
        expect(((answer.message?.body.embeds ?? []) as unknown[]).length).toBeGreaterThan(0);
      }
      const answeredBy = logs('answered /ask')
        .slice(before)
        .map((l) => l.pid);
      expect(answeredBy).toHaveLength(2);
      expect(new Set(answeredBy).size).toBe(2);

      // A new article, then an admin reload on shard 1: it rebuilds (once) and shard 0 loads what it saved.
      const question = 'What did negotiators agree about the corridor through Zorivka?';
      const fact =
        'Negotiators agreed in Abu Dhabi to open a humanitarian corridor through Zorivka for civilians, a mediator said on Thursday.';
      await writeFile(path.join(sources.dir, 'zorivka.txt'), `${fact}\n`);
      await writeFile(
        path.join(sources.dir, 'zorivka.meta.json'),
        JSON.stringify({ outlet: null, published: '2026-02-05' }),
      );
      const [savedBefore, loadedBefore] = [
        logs('snapshot saved').length,
        logs('index loaded from the saved snapshot').length,
      ];
      const reload = await two
        .command('sources-admin', {
          guildId: guild1,
          options: [{ name: 'reload', type: 1, options: [] }],
          user: two.owner,
          permissions: ADMIN_PERMISSIONS,
        })
        .result(60_000);
      expect(String(reload.message?.body.content ?? '')).toMatch(/Index rebuilt from/);
      expect(await bot.waitForLog('sources changed on one shard; reloading the others', 30_000)).toMatchObject({
        from: 1,
      });
      await bot.waitForLog('reloaded: another shard changed the sources', 60_000);
      expect(logs('snapshot saved').slice(savedBefore)).toHaveLength(1);
      const loadedAfter = logs('index loaded from the saved snapshot').slice(loadedBefore);
      expect(loadedAfter).toHaveLength(1);
      expect(loadedAfter[0]?.pid).not.toBe(logs('snapshot saved').at(-1)?.pid);
      for (const guild of [guild0, guild1]) {
        const answer = await ask(guild, question);
        expect(JSON.stringify(answer.message?.body.embeds ?? [])).toContain('Zorivka');
      }
      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.proc.kill('SIGKILL');
      await two.close();
      await sources.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
