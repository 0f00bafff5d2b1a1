/**
 * Fatal errors are fatal: a revoked token (gateway close 4004), refused intents and a broken
 * configuration end the process with one `fatal` line saying what to do and a non-zero status; SIGTERM
 * during a reload still shuts down cleanly. Real discord.js against the fake Discord on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { EXIT_CONFIG, FATAL_CLOSE_CODES, type FatalError, startBot } from '../../src/discord/bot.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { SourceStore } from '../../src/store.js';
import { botEnv, copySeeds, FAKE_TOKEN, REPO, startBotProcess } from '../fake-discord/harness.js';
import { ADMIN_PERMISSIONS, FakeDiscord } from '../fake-discord/server.js';
import { SEEDS } from '../helpers.js';

/** Runs `src/main.ts` to its end and collects its pino lines. */
function runToExit(env: NodeJS.ProcessEnv, timeoutMs = 40_000) {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  return new Promise<{ code: number | null; logs: Record<string, unknown>[]; stderr: string }>((resolve) =>
    proc.once('exit', (code) => {
      clearTimeout(timer);
      const logs = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, logs, stderr });
    }),
  );
}

const fatalLines = (logs: Record<string, unknown>[]) => logs.filter((l) => l.level === 60);

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
});
afterAll(async () => {
  await fake?.close();
});

describe('a revoked token', () => {
  it('exits non-zero with one fatal line saying to copy a new token when the gateway closes with 4004', async () => {
    // REST still accepts the token, then the token is "revoked" before the gateway IDENTIFY.
    const revoke = (r: { route: string }) => {
      if (r.route === '/gateway/bot') (fake as { token: string }).token = 'revoked.token.value';
    };
    fake.on('request', revoke);
    try {
      const { code, logs } = await runToExit(botEnv(fake, SEEDS));
      expect(fake.gatewayCloses.some((c) => c.code === 4004 && c.by === 'server')).toBe(true);
      expect(code).toBe(EXIT_CONFIG);
      const fatal = fatalLines(logs);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.msg).toMatch(/4004.*Developer Portal.*DISCORD_TOKEN/);
      expect(logs.filter((l) => l.level === 50)).toEqual([]);
    } finally {
      fake.off('request', revoke);
      (fake as { token: string }).token = FAKE_TOKEN;
    }
  });

  it('exits non-zero with one fatal line when REST refuses the token at login (401)', async () => {
    const { code, logs } = await runToExit(botEnv(fake, SEEDS, { DISCORD_TOKEN: 'aaaa.bbbb.cccc' }));
    expect(code).toBe(EXIT_CONFIG);
    const fatal = fatalLines(logs);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toMatch(/401.*DISCORD_TOKEN/);
  });
});

describe('a broken configuration', () => {
  it('exits non-zero with one fatal line naming the bad key and where to fix it', async () => {
    const { code, logs, stderr } = await runToExit(
      botEnv(fake, SEEDS, { DISCORD_TOKEN: 'not-a-token', LOG_LEVEL: 'loud' }),
    );
    expect(code).toBe(EXIT_CONFIG);
    const fatal = fatalLines(logs);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toMatch(/invalid configuration: DISCORD_TOKEN: .*LOG_LEVEL: .*\.env\.example/);
    expect(stderr).toContain('Invalid configuration');
  });

  it('exits non-zero with one fatal line when the sources folder does not exist', async () => {
    const { code, logs } = await runToExit(botEnv(fake, '/nonexistent/sources'));
    expect(code).toBe(EXIT_CONFIG);
    expect(fatalLines(logs)[0]?.msg).toMatch(/directory does not exist.*set SOURCES_DIR/);
  });
});

describe('refused intents', () => {
  it.each([4013, 4014])('treats gateway close %i as fatal, with what to do', async (closeCode) => {
    const config = parseConfig({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, SOURCES_DIR: SEEDS });
    const store = new SourceStore(SEEDS);
    await store.reload();
    const fatal: FatalError[] = [];
    const bot = await startBot(config, store, { handleSignals: false, onFatal: (err) => fatal.push(err) });
    try {
      bot.client.emit(Events.ShardDisconnect, { code: closeCode, reason: '', wasClean: true } as never, 0);
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.closeCode).toBe(closeCode);
      expect(fatal[0]?.exitCode).toBe(EXIT_CONFIG);
      expect(fatal[0]?.message).toBe(FATAL_CLOSE_CODES[closeCode]);
      expect(fatal[0]?.message).toMatch(/intents/);
    } finally {
      await bot.stop();
    }
  });
});

describe('SIGTERM during a reload', () => {
  it('cancels the reload and exits 0 after closing the gateway normally', async () => {
    const sources = await copySeeds();
    const admin = fake.user('admin');
    const bot = await startBotProcess(fake, botEnv(fake, sources.dir, { ADMIN_USER_IDS: admin.id }));
    try {
      const reload = fake.command('sources-admin', {
        options: [{ name: 'reload', type: 1, options: [] }],
        user: admin,
        permissions: ADMIN_PERMISSIONS,
      });
      await fake.waitFor(
        () => fake.requests.some((r) => r.route.startsWith(`/interactions/${reload.id}/`)),
        'the deferral',
      );
      const { code } = await bot.stop('SIGTERM');
      expect(code).toBe(0);
      expect(bot.logs.some((l) => l.msg === 'shutting down' && l.reason === 'SIGTERM')).toBe(true);
      expect(bot.logs.some((l) => l.msg === 'disconnected from Discord')).toBe(true);
      expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
      expect(fake.gatewayCloses.some((c) => c.by === 'client' && c.code === 1000)).toBe(true);
    } finally {
      await bot.stop('SIGKILL');
      await sources.cleanup();
    }
  });
});
