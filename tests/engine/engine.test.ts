import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine, type Engine } from '../../src/engine/engine.js';
import { validateQuestion } from '../../src/engine/question.js';
import { evaluate, readEvalQuestions } from '../../src/eval/evaluate.js';
import { assembleCorpus, loadCorpus, parseArticle } from '../../src/sources/load.js';
import { ROOT, SEEDS } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  const loaded = await loadCorpus(SEEDS);
  if (!loaded.ok) throw new Error('seeds did not load');
  engine = buildEngine(loaded.corpus);
});

function corpusOf(articles: Record<string, string>) {
  const parsed = Object.entries(articles).map(([file, text]) => {
    const r = parseArticle(file, new TextEncoder().encode(text), { outlet: `Outlet ${file}`, published: '2026-03-10' });
    if (!r.ok) throw new Error(r.problem);
    return r.article;
  });
  return assembleCorpus('memory', parsed);
}

describe('development evaluation', () => {
  it('answers all 20 development questions correctly with only verbatim citations', async () => {
    const questions = await readEvalQuestions(`${ROOT}/tests/fixtures/questions.jsonl`);
    const { totals, results } = evaluate(engine, questions);
    const failures = results.filter((r) => !r.correct).map((r) => `${r.id}: ${r.answer} [${r.reason}]`);
    expect(failures).toEqual([]);
    expect(totals.correctAnswers + totals.correctAbstentions).toBe(20);
    expect(totals.verbatimShare).toBe(1);
  });
});

describe('paraphrase evaluation', () => {
  // These questions were written while the engine's rules were; general methods (relevance first, soft
  // matching, date fit) trade a few of them for unseen text, so the floor is a share, not every one.
  it('answers at least 95 % of our own differently worded questions (tests/fixtures/paraphrases.jsonl)', async () => {
    const questions = await readEvalQuestions(`${ROOT}/tests/fixtures/paraphrases.jsonl`);
    const { results, totals } = evaluate(engine, questions);
    const failures = results.filter((r) => !r.correct).map((r) => `${r.id}: ${r.answer} [${r.reason}]`);
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(Math.floor(questions.length * 0.05));
    expect(totals.verbatimShare).toBe(1);
  });
});

describe('engine.ask', () => {
  it('says how many articles carry the same figure', () => {
    const a = engine.ask('How many prisoners were swapped?');
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/314/);
    expect(a.supportingSources).toBeGreaterThanOrEqual(3);
    expect(a.answer).toMatch(/reported by \d of 5 sources/);
    expect(new Set(a.citations.map((c) => c.source)).size).toBe(a.citations.length);
  });

  it('shows no alternative where the articles agree, and the think tank’s figure beside Zelenskyy’s where they do not', () => {
    expect(engine.ask('How many prisoners were exchanged?').alternatives).toEqual([]);
    const a = engine.ask('How many Ukrainian soldiers have been killed?');
    expect(a.answer).toMatch(/^55,000/);
    expect(a.alternatives.map((x) => x.answer).join(' ')).toMatch(
      /140,000.*Center for Strategic and International Studies/,
    );
  });

  it('attributes a figure whose sentence says "its report" to the organisation named just before', () => {
    expect(engine.ask('How many Russian troops died according to the think tank?').answer).toMatch(
      /325,000, according to Center for Strategic and International Studies/,
    );
  });

  it('finds differently worded questions through the domain vocabulary', () => {
    expect(engine.ask('How many POWs were exchanged?').answer).toMatch(/314/);
    expect(engine.ask('What is the death toll among Ukrainian troops according to Zelensky?').answer).toMatch(/55,000/);
  });

  it('abstains when a question names something no source mentions', () => {
    for (const q of ['How many helicopters has Russia lost?', 'What did Brazil say about the talks?']) {
      const a = engine.ask(q);
      expect(a.abstained, q).toBe(true);
      expect(a.citations).toEqual([]);
      expect(a.answer).toMatch(/could not find/);
    }
  });

  it('prefers the figure of the side asked about', () => {
    expect(engine.ask('How many Russian troops died according to the think tank?').answer).toMatch(/325,000/);
    expect(engine.ask('How many Ukrainian troops died according to the think tank?').answer).toMatch(/140,000/);
  });

  it('shows a disagreeing figure from another article, attributed', () => {
    const corpus = corpusOf({
      'a.txt': 'The ministry said 120 prisoners were exchanged in Geneva on Monday.\n',
      'b.txt': 'A monitoring group said 150 prisoners were exchanged in Geneva on Monday.\n',
    });
    const a = buildEngine(corpus).ask('How many prisoners were exchanged?');
    expect(a.abstained).toBe(false);
    expect(a.alternatives).toHaveLength(1);
    const shown = [a.answer, ...a.alternatives.map((x) => x.answer)].join(' ');
    expect(shown).toMatch(/120/);
    expect(shown).toMatch(/150/);
  });

  it('answers from an article it has never seen', () => {
    const corpus = corpusOf({
      'geneva.txt':
        'Negotiators met in Geneva on Tuesday for a third round of talks.\n' +
        'The talks were led by Swiss mediator Anna Keller, who said the sides agreed to a ceasefire.\n' +
        'At least 42 civilians were killed in shelling last week, the regional governor said.\n',
    });
    const e = buildEngine(corpus);
    expect(e.ask('Where did the negotiators meet?').answer).toMatch(/Geneva/);
    expect(e.ask('How many civilians were killed?').answer).toMatch(/42/);
    expect(e.ask('Who led the talks?').answer).toMatch(/Anna Keller/);
  });

  it('reads corrected text: a correction notice overrides the corrected figure', () => {
    expect(engine.ask('In what year did Russia annex Crimea?').answer).toMatch(/2014/);
    const corpus = corpusOf({
      'c.txt':
        'The front line is 900 kilometers long, officials said.\n___\nThis story corrects an earlier version that said the front line is 900 kilometers long. It should be 1,000.\n',
    });
    expect(buildEngine(corpus).ask('How long is the front line?').answer).toMatch(/1,000/);
  });
});

describe('engine.ask about people and dates', () => {
  it('answers "who is <name>" with the role the sources give, whatever the case of the name', () => {
    expect(engine.ask('Who is Jared Kushner?').answer).toMatch(/^Jared Kushner: .*son-in-law/);
    expect(engine.ask('who is steve witkoff?').answer).toMatch(/^Steve Witkoff: .*envoy/);
    expect(engine.ask('Who is Katarina Mathernova?').answer).toMatch(/ambassador/);
    expect(engine.ask('Who is Ivan Petrovsky?').abstained).toBe(true);
  });

  it('reads a name spelt one letter off as the name the sources use, but not an unknown one', () => {
    expect(engine.ask('How many soldiers did Zelenski say were killed?').answer).toMatch(/55,000/);
    expect(engine.ask('Who is Witkof?').answer).toMatch(/Steve Witkoff/);
    expect(engine.ask('What did Chinna say about the talks?').abstained).toBe(true);
  });

  it('resolves relative dates against the publication date, only as precisely as the text says', () => {
    expect(engine.ask('When did the second day of talks take place?').answer).toMatch(/Thursday \(February 5, 2026\)/);
    expect(engine.ask('When did the first trilateral talks in Abu Dhabi take place?').answer).toMatch(
      /last month \(January 2026\)/,
    );
  });
});

describe('engine.suggest', () => {
  it('completes the word being typed from the sources, within Discord limits', () => {
    const s = engine.suggest('How many pris', 25, 100);
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(25);
    expect(s.every((x) => x.length <= 100)).toBe(true);
    expect(s.some((x) => /prisoners/i.test(x))).toBe(true);
  });

  it('offers starter questions for an empty input', () => {
    expect(engine.suggest('', 5, 100)).toHaveLength(5);
  });
});

describe('validateQuestion', () => {
  it('rejects empty, wordless and oversized questions with a clear message', () => {
    expect(validateQuestion('   ')).toMatchObject({ ok: false, error: expect.stringMatching(/ask a question/) });
    expect(validateQuestion('???')).toMatchObject({ ok: false });
    expect(validateQuestion('x'.repeat(1000))).toMatchObject({ ok: false, error: expect.stringMatching(/300/) });
    expect(validateQuestion('  Who   met? ')).toEqual({ ok: true, question: 'Who met?' });
  });
});
