import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaseline } from '../../src/eval/baseline.js';
import { type EvalQuestion, type EvalResult, judge } from '../../src/eval/evaluate.js';
import { renderTable, rowOf, runSet, type SetRow, scoreSubject, skippedRow } from '../../src/eval/report.js';
import type { Answer, Corpus } from '../../src/types.js';
import { corpusOnDisk } from './corpus.js';

let corpus: Corpus;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ corpus, cleanup } = await corpusOnDisk({
    '100_wire.txt': 'Both sides exchanged 314 prisoners.\n\nThe talks were held in Abu Dhabi.',
  }));
});
afterAll(() => cleanup());
const questions: EvalQuestion[] = [
  { id: 'q1', q: 'How many prisoners were exchanged?', answer: ['\\b314\\b'], sources: ['100'] },
  { id: 'q2', q: 'Where were the talks held?', answer: ['Abu Dhabi'], sources: ['100'] },
  { id: 'q3', q: 'What is the weather?', abstain: true },
];
/** A stand-in engine that abstains on everything. */
const abstainer = {
  ask: (q: string): Answer => ({
    question: q,
    answer: 'I could not find that in my sources.',
    abstained: true,
    kind: 'description',
    supportingSources: 0,
    totalSources: 1,
    alternatives: [],
    citations: [],
  }),
};

function result(over: Partial<EvalResult>): EvalResult {
  return {
    id: 'r',
    question: '?',
    expected: 'answer',
    answer: '',
    abstained: false,
    correct: false,
    reason: null,
    citations: 0,
    verbatimCitations: 0,
    ...over,
  };
}

describe('scoreSubject', () => {
  it('counts wrong answers (answered, wrong) apart from wrong abstentions (abstained on answerable)', () => {
    const s = scoreSubject(
      [
        result({ correct: true }),
        result({ abstained: true }),
        result({ expected: 'abstain' }),
        result({ expected: 'abstain', abstained: true, correct: true }),
      ],
      [{ at1: true, at5: true }, { at1: false, at5: false }, null, null],
    );
    expect(s).toMatchObject({
      answerableCorrect: 1,
      answerable: 2,
      abstainCorrect: 1,
      unanswerable: 2,
      totalShare: 0.5,
      wrongAnswers: 1,
      wrongAbstentions: 1,
      recallAt1: 0.5,
      recallAt5: 0.5,
    });
  });
});

describe('judge', () => {
  it('counts the main answer only, not a disagreeing answer listed after it', () => {
    const quote = 'Both sides exchanged 314 prisoners.';
    const cited = { source: '100_wire', outlet: null, quote, title: null, published: null, paragraph: 0 };
    const answer = (text: string, alternatives: Answer['alternatives']): Answer => ({
      ...abstainer.ask('How many prisoners were exchanged?'),
      answer: text,
      abstained: false,
      alternatives,
      citations: [cited],
    });
    const q = questions[0] as EvalQuestion;
    expect(judge(corpus, q, answer('314 prisoners (reported by 1 of 1 source)', [])).correct).toBe(true);
    const behind = answer('157 prisoners; the sources also give: 314 prisoners (reported by 1 of 1 source)', [
      { answer: '314 prisoners (reported by 1 of 1 source)', citations: [cited] },
    ]);
    expect(judge(corpus, q, behind)).toMatchObject({ correct: false, reason: 'answer does not match' });
  });
});

describe('runSet and rowOf', () => {
  it('judges the baseline like the engine, and says whether the engine answers at least as many', () => {
    const outcomes = runSet(corpus, abstainer, buildBaseline(corpus), questions);
    const row = rowOf({ name: 'tiny', questions: 'q.jsonl', sources: ['memory'] }, corpus, outcomes);
    expect(row.engine).toMatchObject({ answerableCorrect: 0, abstainCorrect: 1, wrongAbstentions: 2, recallAt5: 0 });
    expect(row.baseline).toMatchObject({ abstainCorrect: 0, wrongAbstentions: 0, recallAt1: 1 });
    expect(outcomes[0]?.baseline.answer).toBe('Both sides exchanged 314 prisoners.');
    expect(row.engineAtLeastBaseline).toBe(false);
  });
});

describe('runSet: recall', () => {
  it("reads the engine's R@5 from its relevance stage where it has one, R@1 from its answer", () => {
    const ranker = { ...abstainer, rank: (_q: string, k: number) => corpus.sentences.slice(0, k) };
    const row = rowOf(
      { name: 'tiny', questions: 'q.jsonl', sources: ['memory'] },
      corpus,
      runSet(corpus, ranker, buildBaseline(corpus), questions),
    );
    expect(row.engine).toMatchObject({ recallAt1: 0, recallAt5: 1 });
  });
});

describe('renderTable', () => {
  it('prints a header, an engine and a baseline line for every set that ran, and a note for a skipped set', () => {
    const base = rowOf(
      { name: 'dev', questions: 'q.jsonl', sources: ['memory'] },
      corpus,
      runSet(corpus, abstainer, buildBaseline(corpus), questions),
    );
    const rows: SetRow[] = [
      base,
      { ...base, set: 'news-dev', engineAtLeastBaseline: true },
      skippedRow({ name: 'heldout', questions: 'heldout.jsonl', sources: [] }, 'heldout.jsonl not found'),
    ];
    const lines = renderTable(rows).split('\n');
    expect(lines[0]).toMatch(/^set\s+subject\s+answerable\s+abstain\s+total.*R@1\s+R@5\s+engine ≥ baseline$/);
    expect(lines.filter((l) => /^dev\s+engine\s/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^news-dev\s+engine\s.*✓$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^\s+baseline\s/.test(l))).toHaveLength(2);
    expect(lines.find((l) => /^dev\s+engine/.test(l))).toMatch(/0\/2\s+1\/1\s+33\.3%.*✗$/);
    expect(lines.at(-1)).toBe('heldout: skipped (heldout.jsonl not found)');
  });
});
