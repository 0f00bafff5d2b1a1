import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from '../helpers.js';

/** Runs a node entry point as a child process with a clean environment (no token, no .env surprises). */
async function runNode(
  entry: string,
  args: string[],
  input = '',
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = execFile(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return { stdout, stderr, code };
}

/** Runs the CLI as other tools do. */
const cli = (args: string[], input?: string) => runNode('src/cli.ts', args, input);

const citationShape = {
  source: expect.stringMatching(/^\d{3}_[0-9a-f]{16}$/),
  outlet: expect.toBeOneOf([null, expect.any(String)]),
  quote: expect.any(String),
};

describe('cli ask --json', () => {
  it('prints exactly the contract fields for one question', async () => {
    const { stdout, code } = await cli(['ask', 'How many prisoners were exchanged?', '--json', '--sources', SEEDS]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(['abstained', 'answer', 'citations', 'question']);
    expect(out).toMatchObject({ question: 'How many prisoners were exchanged?', abstained: false });
    expect(out.answer).toMatch(/314/);
    for (const c of out.citations) {
      expect(Object.keys(c).sort()).toEqual(['outlet', 'quote', 'source']);
      expect(c).toMatchObject(citationShape);
    }
  });

  it('reads one question per stdin line and prints one JSON object per line', async () => {
    const { stdout, code } = await cli(
      ['ask', '--json'],
      'Who is Ukraine’s top negotiator?\n\nWhat did China say about the talks?\n',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].answer).toMatch(/Umerov/);
    expect(lines[1]).toMatchObject({ abstained: true, citations: [] });
  });
});

describe('cli errors', () => {
  it('rejects an unknown option with a usage hint and exit code 2', async () => {
    const { stderr, code } = await cli(['ask', 'Who?', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--bogus'/);
    expect(stderr).toMatch(/--help/);
  });

  it('names broken source files instead of answering', async () => {
    const { stderr, code } = await cli(['ask', 'Who?', '--sources', '/nonexistent/dir']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/directory does not exist/);
  });

  it('rejects an unknown side', async () => {
    const { stderr, code } = await cli(['casualties', '--side', 'martians']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown --side "martians"/);
  });
});

describe('cli casualties and talks --json', () => {
  it('prints figures and conflicts in the contract shape', async () => {
    const { stdout, code } = await cli(['casualties', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Array.isArray(report.figures)).toBe(true);
    expect(Array.isArray(report.conflicts)).toBe(true);
    for (const f of report.figures) {
      expect(Object.keys(f).sort()).toEqual(
        ['asOf', 'citations', 'claimant', 'high', 'low', 'measure', 'population', 'qualifier', 'text'].sort(),
      );
      expect(f.asOf === null || /^\d{4}-\d{2}(-\d{2})?$/.test(f.asOf), `asOf ${f.asOf}`).toBe(true);
    }
  });

  it('prints the talks brief items with citations', async () => {
    const { stdout, code } = await cli(['talks', '--json', '--topic', 'participants']);
    expect(code).toBe(0);
    const brief = JSON.parse(stdout);
    expect(brief.items.length).toBeGreaterThan(0);
    expect(brief.items.every((i: { topic: string }) => i.topic === 'participants')).toBe(true);
  });
});

describe('npm start without a token', () => {
  it('answers a piped question through the local console and exits at end of input', async () => {
    const { stdout, stderr, code } = await runNode(
      'src/main.ts',
      [],
      'How many prisoners were exchanged?\n/sources\n',
      {
        SOURCES_DIR: SEEDS,
      },
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/No DISCORD_TOKEN set/);
    expect(stdout).toMatch(/A: 314 prisoners/);
    expect(stdout).toMatch(/\[1\] \d{3}_/);
    expect(stdout).toMatch(/5 articles from/);
  });
});
