import { describe, expect, it } from 'vitest';
import { refineSuggestions, suggestFor } from '../../src/discord/autocomplete.js';

const STARTERS = [
  'How many prisoners were exchanged?',
  'Where are the talks taking place?',
  'What did Donald Trump say?',
  'What did U.S. President Donald Trump say?',
  'What did Us President Donald Trump say?',
  'What did Volodymyr Zelenskyy say?',
  'What did Volodymyr Zelensky say?',
];

describe('refineSuggestions', () => {
  it('offers title and spelling variants of one question once', () => {
    expect(refineSuggestions('', STARTERS)).toEqual([
      'How many prisoners were exchanged?',
      'Where are the talks taking place?',
      'What did Donald Trump say?',
      'What did Volodymyr Zelenskyy say?',
    ]);
  });
  it('does not offer "who is <ordinary word>"', () => {
    expect(
      refineSuggestions('who is wit', ['who is wit', 'who is Witkoff', 'who is withdrawal', 'who is withdrawals']),
    ).toEqual(['who is wit', 'who is Witkoff']);
  });
  it('keeps different questions that share words', () => {
    const list = ['How many prisoners were exchanged?', 'How many soldiers have been killed?'];
    expect(refineSuggestions('how many', list)).toEqual(list);
  });
});

describe('suggestFor', () => {
  const engine = (partial: string) => (partial ? ['w', 'war', 'Witkoff', 'Wednesday'] : STARTERS);
  it('answers a letter or two with starter questions, not single words', () => {
    expect(suggestFor('w', engine)).toEqual(refineSuggestions('', STARTERS));
    expect(suggestFor('tr', engine)).toEqual(['What did Donald Trump say?']);
  });
  it('passes longer input to the engine', () => {
    expect(suggestFor('witk', () => ['witk', 'Witkoff'])).toEqual(['witk', 'Witkoff']);
  });
});
