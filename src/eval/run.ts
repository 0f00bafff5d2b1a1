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
} from './report.js';
import { EVAL_SETS, type EvalSet, missingQuestions, resolveSet } from './sets.js';
import { loadSources } from './sources.js';

/**
 * `npm run eval [-- --set NAME | --sources DIR --questions FILE] [--json] [--verbose]`
 *
 * Default: one table over every question set, the engine beside a plain MiniSearch baseline.
 * `--set NAME`: one set, a line per question (the baseline's answer beside each failure), then its rows.
 * `--sources DIR --questions FILE`: an ad-hoc set (either flag alone keeps the other's default).
 * `--json`: the same, machine-readable. `--verbose`: with the table, the failing questions of every set.
 */
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const root = process.cwd();
const out = (text: string) => process.stdout.write(`${text}\n`);
const fail = (text: string): never => {
  process.stderr.write(`${text}\n`);
  process.exit(1);
};

const adHoc = args.includes('--sources') || args.includes('--questions');
const setName = opt('--set');
if (args.includes('--set') && !setName) fail(`--set needs a name: ${EVAL_SETS.map((s) => s.name).join(', ')}`);
if (adHoc && setName) fail('--set and --sources/--questions do not go together');

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
  if (!set) fail(`No set "${setName}"; the sets are ${EVAL_SETS.map((s) => s.name).join(', ')}`);
  sets = [resolveSet(set as EvalSet, root)];
} else {
  sets = EVAL_SETS.map((s) => resolveSet(s, root));
}
const perQuestion = adHoc || setName !== undefined;

// Corpora (and their engines and baselines) are shared by sets over the same directories.
const built = new Map<string, { corpus: Corpus; engine: Engine; baseline: Baseline }>();
const cleanups: (() => Promise<void>)[] = [];
const runs: { row: SetRow; outcomes: QuestionOutcome[] }[] = [];
try {
  for (const set of sets) {
    const missing = missingQuestions(set);
    if (missing) {
      if (!set.optional) fail(`Cannot read questions: ${missing}`);
      if (perQuestion) fail(`Set ${set.name} cannot run: ${missing}`);
      runs.push({ row: skippedRow(set, `${path.relative(root, set.questions)} not found`), outcomes: [] });
      continue;
    }
    const key = set.sources.join('\n');
    let subjects = built.get(key);
    if (!subjects) {
      const loaded = await loadSources(set.sources).catch((err: Error) => fail(err.message));
      cleanups.push(loaded.cleanup);
      subjects = { corpus: loaded.corpus, engine: buildEngine(loaded.corpus), baseline: buildBaseline(loaded.corpus) };
      built.set(key, subjects);
    }
    const questions = await readEvalQuestions(set.questions);
    const outcomes = runSet(subjects.corpus, subjects.engine, subjects.baseline, questions);
    runs.push({ row: rowOf(set, subjects.corpus, outcomes), outcomes });
  }
} finally {
  for (const cleanup of cleanups) await cleanup();
}

const rows = runs.map((r) => r.row);
if (json) {
  const detail = perQuestion
    ? {
        results: runs.flatMap((r) => r.outcomes.map((o) => o.engine)),
        baselineResults: runs.flatMap((r) => r.outcomes.map((o) => o.baseline)),
      }
    : {};
  out(JSON.stringify({ sets: rows, ...detail }, null, 2));
} else {
  for (const run of runs) {
    const shown = perQuestion ? run.outcomes : verbose ? run.outcomes.filter((o) => !o.engine.correct) : [];
    if (shown.length === 0) continue;
    if (!perQuestion) out(`── ${run.row.set}: failing questions`);
    for (const o of shown) out(renderOutcome(o, !adHoc || setName !== undefined || verbose));
    out('');
  }
  out(renderTable(rows));
  out('');
  out(renderLegend(rows, root));
}
