import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { deploy, diffCommands } from '../../src/deploy.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { botEnv, FAKE_TOKEN, REPO } from '../fake-discord/harness.js';
import { FakeDiscord } from '../fake-discord/server.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
});
afterAll(async () => {
  await fake.close();
});

const config = (extra: Partial<Config> = {}): Config => ({
  discordToken: FAKE_TOKEN,
  adminUserIds: [],
  sourcesDir: 'seeds',
  logLevel: 'silent',
  guildId: undefined,
  apiUrl: fake.apiUrl,
  ...extra,
});

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/deploy.ts'], { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run deploy (src/deploy.ts)', () => {
  it('registers every command globally over REST and prints what changed', async () => {
    const { code, stdout, stderr } = await run(botEnv(fake, 'seeds'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('globally');
    for (const c of commandDefinitions()) expect(stdout).toContain(`+ /${c.name} (new)`);
    expect(
      fake
        .commands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(
      commandDefinitions()
        .map((c) => c.name)
        .sort(),
    );
    expect(fake.rejected).toEqual([]);
  });

  it('changes nothing when Discord already has the same commands', async () => {
    const lines: string[] = [];
    const changes = await deploy(config(), (l) => lines.push(l));
    expect(changes.unchanged).toHaveLength(commandDefinitions().length);
    expect(lines.at(-1)).toMatch(/Nothing to change/);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('registers to DISCORD_GUILD_ID when set', async () => {
    const lines: string[] = [];
    await deploy(config({ guildId: fake.guildId }), (l) => lines.push(l));
    expect(lines[0]).toContain(`guild ${fake.guildId}`);
    expect(fake.commands(fake.guildId)).toHaveLength(commandDefinitions().length);
  });

  it('explains a rejected token', async () => {
    const { code, stderr } = await run(botEnv(fake, 'seeds', { DISCORD_TOKEN: 'aaa.bbb.ccc' }));
    expect(code).toBe(1);
    expect(stderr).toContain('Discord rejected DISCORD_TOKEN (401)');
  });
});

describe('diffCommands', () => {
  const wanted = commandDefinitions();
  it('sees added, changed, unchanged and removed commands', () => {
    const current = wanted.map((w) => ({ ...w, id: '1', application_id: '2', version: '3', nsfw: false })) as never[];
    const [first, second] = current as { name: string; description: string }[];
    if (first) first.description = 'an older description';
    const extra = { name: 'old', description: 'gone', type: 1, id: '9', application_id: '2', version: '3' };
    const changes = diffCommands([...(current.slice(0, -1) as never[]), extra as never], wanted);
    expect(changes.changed).toEqual([first?.name]);
    expect(changes.added).toEqual([wanted.at(-1)?.name]);
    expect(changes.removed).toEqual(['old']);
    expect(changes.unchanged).toContain(second?.name);
  });
});
