import path from 'node:path';
import { buildEngine, type Engine } from '../engine/engine.js';
import type { Corpus } from '../types.js';
import { type Baseline, buildBaseline } from './baseline.js';
import { readEvalQuestions } from './evaluate.js';
import {
  type QuestionOutcome,
  renderLegend,
  renderOutcome,
  renderTable,
  rowOf,
  runSet,
  type SetRow,
  skippedRow,
  totalsOf,
} from './report.js';
import { EVAL_SETS, type EvalSet, missingQuestions, resolveSet } from './sets.js';
import { loadSources } from './sources.js';

/**
 * `npm run eval [-- --set NAME | --sources DIR --questions FILE] [--json] [--verbose]`
 *
 * Default: one table over every question set, the engine beside a plain MiniSearch baseline.
 * `--set NAME`: one set, a line per question (the baseline's answer beside each failure), then its rows.
 * `--sources DIR --questions FILE`: an ad-hoc set (either flag alone keeps the other's default), a line per
 * question, then its rows. `--json`: the same, machine-readable. `--verbose`: with the table, the failing
 * questions of every set.
 */
class UsageError extends Error {}

const out = (text: string) => process.stdout.write(`${text}\n`);
// `npm run eval | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(args: readonly string[]): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const json = args.includes('--json');
  const verbose = args.includes('--verbose');
  const root = process.cwd();
  const rel = (p: string) => path.relative(root, p) || '.';
  const names = EVAL_SETS.map((s) => s.name).join(', ');

  const adHoc = args.includes('--sources') || args.includes('--questions');
  const setName = opt('--set');
  if (args.includes('--set') && !setName) throw new UsageError(`--set needs a name: ${names}`);
  if (adHoc && setName) throw new UsageError('--set and --sources/--questions do not go together');

  let sets: EvalSet[];
  if (adHoc) {
    sets = [
      {
        name: 'ad hoc',
        questions: path.resolve(root, opt('--questions') ?? 'tests/fixtures/questions.jsonl'),
        sources: [path.resolve(root, opt('--sources') ?? 'seeds')],
      },
    ];
  } else if (setName) {
    const set = EVAL_SETS.find((s) => s.name === setName);
    if (!set) throw new UsageError(`No set "${setName}"; the sets are ${names}`);
    sets = [resolveSet(set, root)];
  } else {
    sets = EVAL_SETS.map((s) => resolveSet(s, root));
  }
  const perQuestion = adHoc || setName !== undefined;

  // Corpora (with their engines and baselines) are shared by the sets over the same directories.
  const built = new Map<string, { corpus: Corpus; engine: Engine; baseline: Baseline }>();
  const cleanups: (() => Promise<void>)[] = [];
  const runs: { row: SetRow; outcomes: QuestionOutcome[]; heldOut?: boolean }[] = [];
  try {
    for (const set of sets) {
      if (missingQuestions(set)) {
        const note = `${rel(set.questions)} not found`;
        if (!set.optional || perQuestion) throw new UsageError(`Set ${set.name} cannot run: ${note}`);
        runs.push({ row: skippedRow(set, note), outcomes: [] });
        continue;
      }
      const key = set.sources.join('\n');
      let subjects = built.get(key);
      if (!subjects) {
        const loaded = await loadSources(set.sources);
        cleanups.push(loaded.cleanup);
        subjects = {
          corpus: loaded.corpus,
          engine: buildEngine(loaded.corpus),
          baseline: buildBaseline(loaded.corpus),
        };
        built.set(key, subjects);
      }
      const questions = await readEvalQuestions(set.questions);
      // Judged here, while a merged directory's files still exist.
      const outcomes = runSet(subjects.corpus, subjects.engine, subjects.baseline, questions);
      runs.push({ row: rowOf(set, subjects.corpus, outcomes), outcomes, ...(set.heldOut ? { heldOut: true } : {}) });
    }
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }

  const rows = runs.map((r) => r.row);
  if (json) {
    const results = runs.flatMap((r) => r.outcomes.map((o) => o.engine));
    const detail = perQuestion
      ? {
          results,
          totals: totalsOf(results),
          baselineResults: runs.flatMap((r) => r.outcomes.map((o) => o.baseline)),
        }
      : {};
    out(JSON.stringify({ sets: rows, ...detail }, null, 2));
    return;
  }
  for (const run of runs) {
    // A held-out set's questions are shown only when asked for by name (--verbose): its totals are what is read.
    const listed = perQuestion && !(run.heldOut && !verbose);
    const shown = listed ? run.outcomes : verbose ? run.outcomes.filter((o) => !o.engine.correct) : [];
    if (shown.length === 0) continue;
    if (!listed) out(`── ${run.row.set}: failing questions`);
    for (const o of shown) out(renderOutcome(o, true));
    out('');
  }
  out(renderTable(rows));
  out('');
  out(renderLegend(rows, root));
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
