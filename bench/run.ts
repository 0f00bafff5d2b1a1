/**
 * Speed benchmark: `npm run bench [-- --sizes seeds,1000,10000] [--subjects snapshot,engine,flexsearch] [--json]`.
 *
 * For each corpus (the seeds, then generated corpora of N articles) and each subject (the whole snapshot the
 * bot serves — engine, casualty report and talks brief —, the engine's full answer path alone, MiniSearch
 * with default options, FlexSearch defaults), one child process generates the corpus, builds, answers a first
 * question (time to the first answer), warms up, and times every question of a fixed mix once.
 * Prints a markdown table with build time, time to the first answer, p50/p99 latency and peak RSS, the
 * ratios against the anchors measured in the same run, and whether the 10,000-article targets are met.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildResult, type CorpusSize, isSubject, RESULT_MARKER, SUBJECTS, type Subject } from './shared.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const CHILD = path.join(BENCH_DIR, 'child.ts');

/** The target for the full answer path at 10,000 articles. */
export const TARGET = { size: 10_000, p99Ms: 50, rssMB: 600 } as const;

/**
 * The target for the whole snapshot (engine, casualty report, talks brief) at 10,000 articles: the first
 * answer within 3× MiniSearch's default index build over the same sentences, peak RSS within 1 GB.
 */
export const SNAPSHOT_TARGET = { size: 10_000, firstAnswerVsMiniSearch: 3, rssMB: 1024 } as const;

interface Options {
  sizes: CorpusSize[];
  subjects: Subject[];
  json: boolean;
  /** Questions timed for MiniSearch defaults at ≥ 10,000 articles (≈ 2.6 s each); 0 = the whole mix. */
  slowCap: number;
  timeoutS: number;
  /** Exit 1 when the target is evaluated and not met. */
  check: boolean;
}

const USAGE = `usage: npm run bench -- [--sizes seeds,1000,10000] [--subjects ${SUBJECTS.join(',')}]
                      [--json] [--cap 60] [--timeout 600] [--check]
  --sizes     corpora to measure: "seeds" and/or numbers of generated articles (default seeds,1000,10000)
  --subjects  what to measure (default all)
  --json      print the results as JSON instead of the table
  --cap       questions timed for minisearch-defaults at >= 10,000 articles (0 = whole mix; default 60)
  --timeout   seconds before one measurement is abandoned and reported as failed (default 600)
  --check     exit with status 1 when the 10,000-article target is evaluated and not met`;

export function parseOptions(argv: readonly string[]): Options {
  const opts: Options = {
    sizes: ['seeds', 1000, 10_000],
    subjects: [...SUBJECTS],
    json: false,
    slowCap: 60,
    timeoutS: 600,
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got "${v}"`);
      return n;
    };
    switch (flag) {
      case '--sizes':
        opts.sizes = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            if (s === 'seeds') return 'seeds';
            const n = Number(s.replace(/[_,]/g, ''));
            if (!Number.isInteger(n) || n < 1 || n > 20_000) {
              throw new Error(`--sizes: "${s}" is neither "seeds" nor a number of articles from 1 to 20000`);
            }
            return n;
          });
        break;
      case '--subjects':
        opts.subjects = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            if (!isSubject(s)) throw new Error(`--subjects: unknown "${s}"; choose from ${SUBJECTS.join(', ')}`);
            return s;
          });
        break;
      case '--json':
        opts.json = true;
        break;
      case '--cap':
        opts.slowCap = count(value());
        break;
      case '--timeout':
        opts.timeoutS = Math.max(1, count(value()));
        break;
      case '--check':
        opts.check = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option "${arg}"`);
    }
  }
  if (opts.sizes.length === 0 || opts.subjects.length === 0) throw new Error('nothing to measure');
  return opts;
}

function questionCap(subject: Subject, size: CorpusSize, opts: Options): number {
  return subject === 'minisearch-defaults' && size !== 'seeds' && size >= 10_000 ? opts.slowCap : 0;
}

export type Measurement =
  | { ok: true; corpus: CorpusSize; subject: Subject; result: ChildResult; wallS: number }
  | { ok: false; corpus: CorpusSize; subject: Subject; error: string; wallS: number };

/** Runs one measurement in a fresh Node process; never throws: failures come back as `ok: false`. */
function measure(corpus: CorpusSize, subject: Subject, cap: number, timeoutS: number): Promise<Measurement> {
  const started = performance.now();
  const wallS = () => (performance.now() - started) / 1000;
  const args = [
    '--max-old-space-size=4096',
    '--expose-gc',
    '--import',
    'tsx',
    CHILD,
    '--corpus',
    String(corpus),
    '--subject',
    subject,
    '--max-questions',
    String(cap),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    const fail = (error: string) => resolve({ ok: false, corpus, subject, error, wallS: wallS() });
    child.on('error', (err) => {
      clearTimeout(timer);
      fail(`could not start: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return fail(`timed out after ${timeoutS} s`);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) {
        try {
          const result = JSON.parse(line.slice(RESULT_MARKER.length)) as ChildResult;
          return resolve({ ok: true, corpus, subject, result, wallS: wallS() });
        } catch (err) {
          return fail(`unreadable result: ${(err as Error).message}`);
        }
      }
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      const lastLines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('npm warn'))
        .slice(-3)
        .join(' | ');
      fail(`${why}${lastLines ? `: ${lastLines}` : ''}`);
    });
  });
}

/* ------------------------------------------------------------------------------------------ report */

const label = (size: CorpusSize) => (size === 'seeds' ? 'seeds' : size.toLocaleString('en-US'));
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ms = (n: number) => (n < 1 ? fixed(n, 3) : n < 100 ? fixed(n, 1) : fixed(n, 0));

function find(all: Measurement[], corpus: CorpusSize, subject: Subject): ChildResult | undefined {
  const m = all.find((x) => x.corpus === corpus && x.subject === subject);
  return m?.ok ? m.result : undefined;
}

export interface TargetCheck {
  evaluated: boolean;
  met: boolean;
  lines: string[];
}

/** The whole-snapshot target: time to the first answer against MiniSearch's default build, and peak RSS. */
export function checkSnapshotTarget(all: Measurement[]): TargetCheck {
  const size = SNAPSHOT_TARGET.size;
  const snap = find(all, size, 'snapshot');
  const mini = find(all, size, 'minisearch-defaults');
  if (!snap) {
    const ran = all.some((m) => m.corpus === size && m.subject === 'snapshot');
    return {
      evaluated: false,
      met: false,
      lines: [
        ran
          ? `Snapshot target at ${label(size)} articles: NOT MET — the snapshot measurement failed.`
          : `Snapshot target at ${label(size)} articles: not evaluated (run with --sizes including ${size} and the snapshot).`,
      ],
    };
  }
  const limit = mini ? SNAPSHOT_TARGET.firstAnswerVsMiniSearch * mini.buildMs : null;
  const checks: [string, boolean | null][] = [
    [
      mini && limit !== null
        ? `first answer ${fixed(snap.firstAnswerMs / 1000, 1)} s ≤ ${SNAPSHOT_TARGET.firstAnswerVsMiniSearch}× ` +
          `MiniSearch default build ${fixed(mini.buildMs / 1000, 1)} s = ${fixed(limit / 1000, 1)} s`
        : 'first answer against MiniSearch default build: MiniSearch not measured in this run',
      limit !== null ? snap.firstAnswerMs <= limit : null,
    ],
    [
      `snapshot peak RSS ${fixed(snap.peakRssMB, 0)} MB ≤ ${SNAPSHOT_TARGET.rssMB} MB`,
      snap.peakRssMB <= SNAPSHOT_TARGET.rssMB,
    ],
  ];
  const failed = checks.some(([, ok]) => ok === false);
  const incomplete = checks.some(([, ok]) => ok === null);
  const status = failed ? 'NOT MET' : incomplete ? 'INCOMPLETE (a check could not be made in this run)' : 'MET';
  return {
    evaluated: true,
    met: !failed && !incomplete,
    lines: [
      `Snapshot target at ${label(size)} articles: ${status}`,
      ...checks.map(([text, ok]) => `- [${ok === true ? 'x' : ' '}] ${text}${ok === false ? ' — missed' : ''}`),
    ],
  };
}

export function checkTarget(all: Measurement[]): TargetCheck {
  const engine = find(all, TARGET.size, 'engine');
  const flex = find(all, TARGET.size, 'flexsearch');
  if (!engine) {
    const ran = all.some((m) => m.corpus === TARGET.size && m.subject === 'engine');
    return {
      evaluated: false,
      met: false,
      lines: [
        ran
          ? `Target at ${label(TARGET.size)} articles: NOT MET — the engine measurement failed.`
          : `Target at ${label(TARGET.size)} articles: not evaluated (run with --sizes including ${TARGET.size} and the engine).`,
      ],
    };
  }
  const checks: [string, boolean | null][] = [
    [`engine p99 ${ms(engine.p99Ms)} ms ≤ ${TARGET.p99Ms} ms`, engine.p99Ms <= TARGET.p99Ms],
    [
      flex
        ? `engine p99 ${ms(engine.p99Ms)} ms < FlexSearch raw search p99 ${ms(flex.p99Ms)} ms (same run)`
        : 'ahead of FlexSearch: not measured in this run',
      flex ? engine.p99Ms < flex.p99Ms : null,
    ],
    [`engine peak RSS ${fixed(engine.peakRssMB, 0)} MB ≤ ${TARGET.rssMB} MB`, engine.peakRssMB <= TARGET.rssMB],
    qualityCheck(engine, find(all, 'seeds', 'engine')),
  ];
  const failed = checks.some(([, ok]) => ok === false);
  const incomplete = checks.some(([, ok]) => ok === null);
  const status = failed ? 'NOT MET' : incomplete ? 'INCOMPLETE (a check could not be made in this run)' : 'MET';
  return {
    evaluated: true,
    met: !failed && !incomplete,
    lines: [
      `Target at ${label(TARGET.size)} articles: ${status}`,
      ...checks.map(([text, ok]) => `- [${ok === true ? 'x' : ' '}] ${text}${ok === false ? ' — missed' : ''}`),
    ],
  };
}

/**
 * Speed must not come from answering less: the engine must answer some of the mix at 10,000 articles,
 * and (when the seeds were measured in the same run) at least half as many questions as on the seeds.
 */
function qualityCheck(big: ChildResult, seeds: ChildResult | undefined): [string, boolean | null] {
  const here = `engine answered ${big.answered}/${big.questions} at ${label(big.corpus)}`;
  if (big.answered === 0) return [`no quality collapse: ${here} (it abstained on everything)`, false];
  if (!seeds) return [`no quality collapse: ${here}; seeds not measured in this run to compare`, null];
  return [
    `no quality collapse: ${here} ≥ half of the ${seeds.answered}/${seeds.questions} it answered on the seeds`,
    big.answered / big.questions >= 0.5 * (seeds.answered / seeds.questions),
  ];
}

function ratio(a: ChildResult | undefined, b: ChildResult | undefined): string {
  if (!a || !b || !(b.p99Ms > 0)) return '–';
  const r = a.p99Ms / b.p99Ms;
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 0.1 ? `${r.toFixed(2)}×` : `${r.toPrecision(2)}×`;
}

export function renderTable(all: Measurement[], opts: Options): string {
  const out: string[] = [];
  out.push(
    '| corpus | subject | articles / sentences | build s | first answer s | p50 ms | p99 ms | mean ms | peak RSS MB | corpus RSS MB | timed q | answered / hits |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const m of all) {
    if (!m.ok) {
      out.push(`| ${label(m.corpus)} | ${m.subject} | FAILED: ${m.error.replace(/\|/g, '/')} | | | | | | | | | |`);
      continue;
    }
    const r = m.result;
    out.push(
      `| ${label(m.corpus)} | ${m.subject} | ${r.articles.toLocaleString('en-US')} / ${r.sentences.toLocaleString('en-US')} | ` +
        `${fixed(r.buildMs / 1000, 2)} | ${fixed(r.firstAnswerMs / 1000, 2)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.meanMs)} | ` +
        `${fixed(r.peakRssMB, 0)} | ${fixed(r.rssCorpusMB, 0)} | ${r.questions}${r.questions < r.mixSize ? '*' : ''} | ` +
        `${r.answered}/${r.questions} |`,
    );
  }
  out.push('');
  const sizes = [...new Set(all.map((m) => m.corpus))];
  const ratioLines = sizes.flatMap((size) => {
    const engine = find(all, size, 'engine');
    if (!engine) return [];
    return [
      `- ${label(size)}: engine p99 / FlexSearch p99 = ${ratio(engine, find(all, size, 'flexsearch'))}; ` +
        `engine p99 / MiniSearch-defaults p99 = ${ratio(engine, find(all, size, 'minisearch-defaults'))}`,
    ];
  });
  if (ratioLines.length) out.push('Ratios (same run; below 1× means the engine is faster):', ...ratioLines, '');
  const snapshotLines = sizes.flatMap((size) => {
    const snap = find(all, size, 'snapshot');
    if (!snap) return [];
    const mini = find(all, size, 'minisearch-defaults');
    const vs = mini ? ` = ${fixed(snap.firstAnswerMs / mini.buildMs, 2)}× MiniSearch's default build` : '';
    const p = snap.parts ?? {};
    const s = (k: string) => fixed((p[k] ?? Number.NaN) / 1000, 2);
    return [
      `- ${label(size)}: first answer ${fixed(snap.firstAnswerMs / 1000, 2)} s${vs}; build = engine ${s('engine')} s + ` +
        `casualty report with the shared analysis ${s('casualties')} s + talks brief ${s('talks')} s; ` +
        `peak RSS ${fixed(snap.peakRssMB, 0)} MB`,
    ];
  });
  if (snapshotLines.length) out.push('Whole snapshot (what the bot serves):', ...snapshotLines, '');
  const diskLines = sizes.flatMap((size) => {
    const disk = find(all, size, 'snapshot-disk');
    if (!disk?.parts) return [];
    const p = disk.parts;
    const s = (k: string) => fixed((p[k] ?? Number.NaN) / 1000, 2);
    return [
      `- ${label(size)}: load ${s('load')} s (key the folder ${s('key')} s + read ${s('read')} s + engine from its data) ` +
        `vs build from the folder ${s('build')} s = ${fixed((p.build ?? Number.NaN) / (p.load ?? Number.NaN), 1)}× faster; ` +
        `save ${s('save')} s, ${fixed((p.bytes ?? Number.NaN) / 2 ** 20, 0)} MB`,
    ];
  });
  if (diskLines.length)
    out.push(
      'Snapshot saved on disk (a restart or another shard; peak RSS of that row includes the build before the save):',
      ...diskLines,
      '',
    );
  out.push(...checkSnapshotTarget(all).lines, '');
  out.push(...checkTarget(all).lines, '');
  const slowLines = all.flatMap((m) =>
    m.ok && (m.subject === 'engine' || m.subject === 'snapshot') && m.result.slowest.length
      ? [
          `- ${label(m.corpus)} (${m.subject}): ${m.result.slowest
            .slice(0, 3)
            .map((x) => `${ms(x.ms)} ms "${x.question}"`)
            .join('; ')}`,
        ]
      : [],
  );
  if (slowLines.length) out.push('Slowest engine questions:', ...slowLines, '');

  const capped = all.filter((m) => m.ok && m.result.questions < m.result.mixSize);
  const mixSize = all.find((m): m is Extract<Measurement, { ok: true }> => m.ok)?.result.mixSize;
  out.push(
    `Notes: every row times ${mixSize ?? 'the'} distinct questions once (20 dev questions + template variants; ` +
      'warm-up questions are not in the mix)' +
      (capped.length
        ? `, except the rows marked * which time an evenly spread subset of ${capped
            .map((m) => (m.ok ? `${m.result.questions} (${m.subject} at ${label(m.corpus)})` : ''))
            .join(', ')} — at 60 questions p99 is the slowest question.`
        : '.'),
    'p50/p99 are nearest-rank percentiles of per-question wall time (performance.now()); the engine row times ' +
      'validateQuestion + engine.ask (the full answer path), the anchors their raw search().',
    'Peak RSS = process.resourceUsage().maxRSS of the measuring process (MiB), corpus generation included; ' +
      'corpus RSS = RSS after generating the corpus and a GC, before building the index. Each row is its own process.',
    '"answered / hits": engine = answered (not abstained); anchors = questions with ≥ 1 hit ' +
      '(FlexSearch defaults need every query term to match, so most questions get none).',
    `Options: sizes ${opts.sizes.join(',')}; subjects ${opts.subjects.join(',')}; ` +
      `Node ${process.version}; ${new Date().toISOString()}.`,
  );
  return out.join('\n');
}

/* ------------------------------------------------------------------------------------------ main */

async function main(): Promise<void> {
  let opts: Options;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const all: Measurement[] = [];
  for (const size of opts.sizes) {
    for (const subject of opts.subjects) {
      const cap = questionCap(subject, size, opts);
      process.stderr.write(`[bench] ${label(size)} × ${subject}${cap ? ` (${cap} questions)` : ''} … `);
      const m = await measure(size, subject, cap, opts.timeoutS);
      all.push(m);
      process.stderr.write(
        m.ok
          ? `build ${fixed(m.result.buildMs / 1000, 2)} s, p99 ${ms(m.result.p99Ms)} ms, ` +
              `peak RSS ${fixed(m.result.peakRssMB, 0)} MB (${fixed(m.wallS, 0)} s)\n`
          : `FAILED: ${m.error}\n`,
      );
    }
  }
  const target = checkTarget(all);
  const snapshotTarget = checkSnapshotTarget(all);
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          target: { ...TARGET, ...target },
          snapshotTarget: { ...SNAPSHOT_TARGET, ...snapshotTarget },
          measurements: all,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(`${renderTable(all, opts)}\n`);
  }
  if (opts.check && ((target.evaluated && !target.met) || (snapshotTarget.evaluated && !snapshotTarget.met))) {
    process.exitCode = 1;
  }
}

await main();
