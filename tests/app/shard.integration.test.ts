/**
 * `npm run start:sharded`: discord.js' ShardingManager runs the bot as shard processes against the fake
 * Discord. (The fake serves one shard — it refuses IDENTIFY for any shard but [0, 1] — so this runs
 * SHARD_COUNT=1 and checks the manager path: answers, the reload relay, fatal exits, SIGTERM.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CONFIG } from '../../src/discord/bot.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { botEnv, FAKE_TOKEN, REPO } from '../fake-discord/harness.js';
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
