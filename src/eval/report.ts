import type { Answer, Corpus, Sentence } from '../types.js';
import type { Baseline } from './baseline.js';
import { type EvalQuestion, type EvalResult, type EvalTotals, judge } from './evaluate.js';
import { citesSupporting, hitAt, isAnswerable, isSupporting } from './recall.js';

/** What one subject (the engine or the baseline) scored on one question set. */
export interface SubjectScore {
  questions: number;
  answerable: number;
  /** Answerable questions answered correctly (answer pattern and a verbatim supporting quote). */
  answerableCorrect: number;
  unanswerable: number;
  /** Unanswerable questions it abstained on. */
  abstainCorrect: number;
  /** (answerableCorrect + abstainCorrect) / questions. */
  totalShare: number;
  /** Answered (did not abstain) but wrong: on answerable and on unanswerable questions. */
  wrongAnswers: number;
  /** Abstained on an answerable question. */
  wrongAbstentions: number;
  citations: number;
  verbatimCitations: number;
  /** verbatimCitations / citations (1 when nothing was cited). */
  verbatimShare: number;
  /** Share of answerable questions with a supporting sentence at rank 1, rank ≤ 5; null without any. */
  recallAt1: number | null;
  recallAt5: number | null;
}

/** One question as both subjects handled it. */
export interface QuestionOutcome {
  engine: EvalResult;
  baseline: EvalResult;
  /** Supporting-sentence hits at rank 1 / ≤ 5 (answerable questions only, else null). */
  engineRecall: { at1: boolean; at5: boolean } | null;
  baselineRecall: { at1: boolean; at5: boolean } | null;
}

export interface SetRow {
  set: string;
  questionsFile: string;
  sources: string[];
  /** Why the set was not run (e.g. its questions file is missing); the scores are then absent. */
  skipped: string | null;
  articles: number;
  engine: SubjectScore | null;
  baseline: SubjectScore | null;
  /** Engine's correct answerable answers ≥ the baseline's; null when skipped or nothing is answerable. */
  engineAtLeastBaseline: boolean | null;
}

export interface SetRun {
  row: SetRow;
  outcomes: QuestionOutcome[];
}

export interface Subject {
  ask(question: string): Answer;
  /** Its relevance stage: the sentences it ranks first for a question (R@5 is read from them when given). */
  rank?(question: string, k: number): Sentence[];
}

/** Asks both subjects every question of a set and judges them the same way. */
export function runSet(
  corpus: Corpus,
  engine: Subject,
  baseline: Baseline,
  questions: readonly EvalQuestion[],
): QuestionOutcome[] {
  return questions.map((q) => {
    const engineAnswer = engine.ask(q.q);
    const baselineAnswer = baseline.ask(q.q);
    let engineRecall: QuestionOutcome['engineRecall'] = null;
    let baselineRecall: QuestionOutcome['baselineRecall'] = null;
    if (isAnswerable(q)) {
      const cited = engineAnswer.abstained
        ? []
        : engineAnswer.citations.slice(0, 5).map((c) => citesSupporting(corpus, q, c));
      // R@1: the answer's own first citation; R@5: the first five sentences of the relevance stage, as the
      // baseline's are its first five — or the answer's citations, for a subject with no ranking.
      const ranked5 = engine.rank ? engine.rank(q.q, 5).map((s) => isSupporting(q, s)) : cited;
      engineRecall = { at1: hitAt(cited, 1), at5: hitAt(ranked5, 5) };
      const ranked = baseline.rank(q.q, 5).map((s) => isSupporting(q, s));
      baselineRecall = { at1: hitAt(ranked, 1), at5: hitAt(ranked, 5) };
    }
    return {
      engine: judge(corpus, q, engineAnswer),
      baseline: judge(corpus, q, baselineAnswer),
      engineRecall,
      baselineRecall,
    };
  });
}

/** Sums one subject's results (and recall hits) into its row of the table. */
export function scoreSubject(
  results: readonly EvalResult[],
  recall: readonly ({ at1: boolean; at5: boolean } | null)[],
): SubjectScore {
  const answerable = results.filter((r) => r.expected === 'answer');
  const unanswerable = results.filter((r) => r.expected === 'abstain');
  const answerableCorrect = answerable.filter((r) => r.correct).length;
  const abstainCorrect = unanswerable.filter((r) => r.correct).length;
  const citations = results.reduce((s, r) => s + r.citations, 0);
  const verbatimCitations = results.reduce((s, r) => s + r.verbatimCitations, 0);
  const hits = recall.filter((r) => r !== null);
  const share = (n: number) => (hits.length === 0 ? null : n / hits.length);
  return {
    questions: results.length,
    answerable: answerable.length,
    answerableCorrect,
    unanswerable: unanswerable.length,
    abstainCorrect,
    totalShare: results.length === 0 ? 0 : (answerableCorrect + abstainCorrect) / results.length,
    wrongAnswers: results.filter((r) => !r.correct && !r.abstained).length,
    wrongAbstentions: answerable.filter((r) => r.abstained).length,
    citations,
    verbatimCitations,
    verbatimShare: citations === 0 ? 1 : verbatimCitations / citations,
    recallAt1: share(hits.filter((h) => h.at1).length),
    recallAt5: share(hits.filter((h) => h.at5).length),
  };
}

/** The table row of a set that ran. */
export function rowOf(
  set: { name: string; questions: string; sources: string[] },
  corpus: Corpus,
  outcomes: readonly QuestionOutcome[],
): SetRow {
  const engine = scoreSubject(
    outcomes.map((o) => o.engine),
    outcomes.map((o) => o.engineRecall),
  );
  const baseline = scoreSubject(
    outcomes.map((o) => o.baseline),
    outcomes.map((o) => o.baselineRecall),
  );
  return {
    set: set.name,
    questionsFile: set.questions,
    sources: set.sources,
    skipped: null,
    articles: corpus.articles.length,
    engine,
    baseline,
    engineAtLeastBaseline: engine.answerable === 0 ? null : engine.answerableCorrect >= baseline.answerableCorrect,
  };
}

/** The table row of a set that could not run, with the reason. */
export function skippedRow(set: { name: string; questions: string; sources: string[] }, reason: string): SetRow {
  return {
    set: set.name,
    questionsFile: set.questions,
    sources: set.sources,
    skipped: reason,
    articles: 0,
    engine: null,
    baseline: null,
    engineAtLeastBaseline: null,
  };
}

const HEADER = [
  'set',
  'subject',
  'answerable',
  'abstain',
  'total',
  'wrong ans',
  'wrong abst',
  'verbatim',
  'R@1',
  'R@5',
  'engine ≥ baseline',
];

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

function cells(set: string, subject: string, s: SubjectScore, verdict: string): string[] {
  return [
    set,
    subject,
    `${s.answerableCorrect}/${s.answerable}`,
    `${s.abstainCorrect}/${s.unanswerable}`,
    pct(s.totalShare),
    String(s.wrongAnswers),
    String(s.wrongAbstentions),
    pct(s.verbatimShare),
    pct(s.recallAt1),
    pct(s.recallAt5),
    verdict,
  ];
}

/** The table for people: two lines per set that ran (engine, baseline), one line with a note per skipped set. */
export function renderTable(rows: readonly SetRow[]): string {
  const lines: (string[] | string)[] = [];
  for (const r of rows) {
    if (!r.engine || !r.baseline) {
      lines.push(`${r.set}: skipped (${r.skipped ?? 'not run'})`);
      continue;
    }
    const verdict = r.engineAtLeastBaseline === null ? '–' : r.engineAtLeastBaseline ? '✓' : '✗';
    lines.push(cells(r.set, 'engine', r.engine, verdict));
    lines.push(cells('', 'baseline', r.baseline, ''));
  }
  const tabular = [HEADER, ...lines.filter((l): l is string[] => Array.isArray(l))];
  const widths = HEADER.map((_, i) => Math.max(...tabular.map((l) => [...(l[i] ?? '')].length)));
  // Text columns left-aligned, figures right-aligned.
  const format = (l: string[]) =>
    l
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = lines.map((l) => (typeof l === 'string' ? l : format(l)));
  return [format(HEADER), rule, ...body].join('\n');
}

/** What each set asks over, under the table. */
export function renderLegend(rows: readonly SetRow[], root: string): string {
  const rel = (p: string) => (p.startsWith(`${root}/`) ? p.slice(root.length + 1) : p);
  return rows
    .map(
      (r) =>
        `${r.set}: ${rel(r.questionsFile)} over ${r.sources.map((d) => `${rel(d)}/`).join(' + ')}` +
        (r.skipped ? '' : ` (${r.articles} articles)`),
    )
    .join('\n');
}

/** One line per question: the engine's verdict and answer; the baseline's beside a failure. */
export function renderOutcome(o: QuestionOutcome, withBaseline: boolean): string {
  const e = o.engine;
  let line = `${e.correct ? 'PASS' : 'FAIL'} ${e.id} ${e.question}\n     → ${e.answer}${e.reason ? `   [${e.reason}]` : ''}`;
  if (withBaseline && !e.correct) {
    const b = o.baseline;
    line += `\n     baseline ${b.correct ? 'PASS' : 'FAIL'} → ${b.answer || '(nothing matched)'}${b.reason ? `   [${b.reason}]` : ''}`;
  }
  return line;
}

/** The totals `evaluate` reports, for the same results (the `--json` contract of a single set). */
export function totalsOf(results: readonly EvalResult[]): EvalTotals {
  const s = scoreSubject(results, []);
  return {
    questions: s.questions,
    correctAnswers: s.answerableCorrect,
    answerable: s.answerable,
    correctAbstentions: s.abstainCorrect,
    unanswerable: s.unanswerable,
    citations: s.citations,
    verbatimCitations: s.verbatimCitations,
    verbatimShare: s.verbatimShare,
  };
}
