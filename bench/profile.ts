/**
 * Where the snapshot build spends its time: `npx tsx bench/profile.ts [--articles 2000] [--top 25] [--out DIR]`.
 *
 * Builds the engine, the casualty report and the talks brief over a generated corpus (bench/corpus.ts), one
 * V8 CPU profile per step (the reports' profiles are written to DIR as .cpuprofile files, for Chrome's
 * DevTools), and prints each step's wall and CPU time and its functions by self time, summed per function
 * and file. Sampling slows the build down; compare steps and functions within one run, not across runs.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { corpusFor } from './corpus.js';

interface CallFrame {
  functionName: string;
  url: string;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

/** Self time per function ("name file") and per file, in ms, largest first. */
export function selfTimes(profile: Profile): {
  total: number;
  functions: [string, number][];
  files: [string, number][];
} {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const frame = frames.get(id);
    const file = (frame?.url ?? '').replace(/^.*?\/(src|bench|node_modules)\//, '$1/') || '(native)';
    const fn = `${frame?.functionName || '(anonymous)'} ${file}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, functions: sorted(byFunction), files: sorted(byFile) };
}

async function main(): Promise<void> {
  const articles = Number(option('articles', '2000'));
  const top = Number(option('top', '25'));
  const out = option('out', '.');
  const { buildEngine } = await import('../src/engine/engine.js');
  const { buildCasualtyReport } = await import('../src/extract/casualties.js');
  const { buildTalksBrief } = await import('../src/extract/talks.js');
  const corpus = await corpusFor(articles);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  const steps: [string, () => unknown][] = [
    ['engine', () => buildEngine(corpus)],
    ['casualties', () => buildCasualtyReport(corpus)],
    ['talks', () => buildTalksBrief(corpus)],
  ];
  for (const [name, build] of steps) {
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const t = performance.now();
    build();
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(out, `profile-${name}-${articles}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    const { total, functions, files } = selfTimes(profile as unknown as Profile);
    const share = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
    process.stdout.write(
      `\n## ${name}: ${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (${file})\n`,
    );
    for (const [fn, ms] of functions.slice(0, top))
      process.stdout.write(`${share(ms)} ${ms.toFixed(0).padStart(6)} ms  ${fn.slice(0, 140)}\n`);
    process.stdout.write('by file:\n');
    for (const [f, ms] of files.slice(0, 10)) process.stdout.write(`${share(ms)}  ${f.slice(0, 140)}\n`);
  }
  session.disconnect();
  process.stdout.write(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
