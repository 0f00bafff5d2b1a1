/** Runs the real bot (a child process with the real discord.js) against the fake Discord. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FakeDiscord } from './server.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** Well-formed (three dot-separated parts) but fake. */
export const FAKE_TOKEN = 'MTAxMDEwMTAxMDEwMTAxMA.GfAkEe.fake-token-for-tests-only_0123456789';

export interface BotProcess {
  proc: ChildProcess;
  /** Parsed pino JSON lines from stderr. */
  logs: Record<string, unknown>[];
  stderr(): string;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A scratch copy of `seeds/` the tests may break and fix. */
export async function copySeeds(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'bot-sources-'));
  const dir = path.join(root, 'sources');
  await cp(path.join(REPO, 'seeds'), dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Environment for the bot: every config key set explicitly so a developer's `.env` cannot leak in. */
export function botEnv(fake: FakeDiscord, sourcesDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: '',
    SOURCES_DIR: sourcesDir,
    ADMIN_USER_IDS: '',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/**
 * Spawns the bot — `node --import tsx src/main.ts` (what `npm start` runs) or the compiled
 * `node dist/src/main.js` — and waits until it is connected to the fake.
 */
export async function startBotProcess(
  fake: FakeDiscord,
  env: NodeJS.ProcessEnv,
  options: { compiled?: boolean; timeoutMs?: number; preload?: string } = {},
): Promise<BotProcess> {
  // `preload`: a test module imported before the bot (e.g. slow-engine.ts), with the tsx runner only.
  const preload = options.preload ? ['--import', options.preload] : [];
  const args = options.compiled ? ['dist/src/main.js'] : ['--import', 'tsx', ...preload, 'src/main.ts'];
  const proc = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  const logs: Record<string, unknown>[] = [];
  let partial = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
  });
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const waitForLog = (msg: string, timeoutMs = 30_000) =>
    fake.waitFor(
      () => {
        if (hasExited) throw new Error(`the bot exited while waiting for "${msg}":\n${stderr.slice(-4000)}`);
        return logs.find((l) => l.msg === msg);
      },
      `bot log "${msg}"`,
      timeoutMs,
    );

  const bot: BotProcess = {
    proc,
    logs,
    stderr: () => stderr,
    stdout: () => stdout,
    exited,
    waitForLog,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!hasExited) proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  try {
    await waitForLog('connected to Discord', options.timeoutMs ?? 45_000);
    await fake.waitForReady();
  } catch (err) {
    await bot.stop('SIGKILL');
    throw err;
  }
  return bot;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
