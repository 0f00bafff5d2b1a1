import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildBaseline } from '../../src/eval/baseline.js';
import { corpusOf } from './corpus.js';

const corpus = corpusOf({
  'a.txt': 'The delegations met in Abu Dhabi on Friday.\n\nBoth sides exchanged 314 prisoners after the talks.',
  'b.txt': 'Kyiv was without heat after the strikes.\n\nThe prisoners were exchanged at the Belarus border.',
});

describe('buildBaseline', () => {
  it('answers with the verbatim text of the top-ranked MiniSearch sentence and cites that sentence', () => {
    const question = 'How many prisoners were exchanged after the talks?';
    const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    plain.addAll(corpus.sentences.map((s) => ({ id: s.ordinal, text: s.corrected })));
    const top = corpus.sentences[plain.search(question)[0]?.id as number];

    const a = buildBaseline(corpus).ask(question);
    expect(top?.text).toBe('Both sides exchanged 314 prisoners after the talks.');
    expect(a.answer).toBe(top?.text);
    expect(a.citations).toEqual([expect.objectContaining({ source: 'a', quote: top?.text, outlet: 'Outlet a.txt' })]);
  });

  it('never abstains, not even when no sentence shares a term with the question', () => {
    const baseline = buildBaseline(corpus);
    expect(baseline.ask('What is the weather in Abu Dhabi?').abstained).toBe(false);
    const none = baseline.ask('zzz qqq');
    expect(none).toMatchObject({ abstained: false, answer: '', citations: [] });
  });

  it('ranks sentences best first and returns at most k of them', () => {
    const ranked = buildBaseline(corpus).rank('prisoners exchanged', 5);
    expect(ranked.map((s) => s.source).sort()).toEqual(['a', 'b']);
    expect(buildBaseline(corpus).rank('prisoners exchanged', 1)).toHaveLength(1);
  });

  it('leaves boilerplate sentences out of the index', () => {
    const withByline = corpusOf({
      'c.txt':
        'Talks resumed in Abu Dhabi on Wednesday.\n\nFollow AP’s coverage of the war at https://apnews.com/hub/russia-ukraine',
    });
    const ranked = buildBaseline(withByline).rank('coverage of the war', 5);
    expect(ranked.every((s) => !s.boilerplate)).toBe(true);
  });
});
