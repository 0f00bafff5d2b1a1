import { buildEngine } from '../engine/engine.js';
import { loadCorpus } from '../sources/load.js';
import { evaluate, readEvalQuestions } from './evaluate.js';

/** `npm run eval [-- --sources DIR --questions FILE --json]`: the development questions through the engine. */
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const sources = opt('--sources', 'seeds');
const file = opt('--questions', 'tests/fixtures/questions.jsonl');

const loaded = await loadCorpus(sources);
if (!loaded.ok) {
  process.stderr.write(
    `Cannot load sources from ${sources}:\n${loaded.errors.map((e) => `  ${e.file}: ${e.problem}`).join('\n')}\n`,
  );
  process.exit(1);
}
const engine = buildEngine(loaded.corpus);
const { results, totals } = evaluate(engine, await readEvalQuestions(file));
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ results, totals }, null, 2)}\n`);
} else {
  for (const r of results) {
    process.stdout.write(
      `${r.correct ? 'PASS' : 'FAIL'} ${r.id} ${r.question}\n     → ${r.answer}${r.reason ? `   [${r.reason}]` : ''}\n`,
    );
  }
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  process.stdout.write(
    `\nCorrect answers:      ${totals.correctAnswers}/${totals.answerable}\n` +
      `Correct abstentions:  ${totals.correctAbstentions}/${totals.unanswerable}\n` +
      `Total correct:        ${totals.correctAnswers + totals.correctAbstentions}/${totals.questions}\n` +
      `Verbatim citations:   ${totals.verbatimCitations}/${totals.citations} (${pct(totals.verbatimShare)})\n`,
  );
}
