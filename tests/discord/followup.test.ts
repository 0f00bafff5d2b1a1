import { describe, expect, it } from 'vitest';
import { followUpQuestion, isElliptical } from '../../src/discord/followup.js';

describe('followUpQuestion', () => {
  it.each([
    ['How many Ukrainian soldiers have been killed?', 'and Russia?', 'How many Russian soldiers have been killed?'],
    [
      'How many Ukrainian soldiers have been killed?',
      'what about civilians?',
      'How many Ukrainian civilians have been killed?',
    ],
    ['How many Ukrainian soldiers have been killed?', 'and wounded?', 'How many Ukrainian soldiers have been wounded?'],
    ['What did Ukraine say about the talks?', 'and Russia?', 'What did Russia say about the talks?'],
    ["How many of Russia's troops were killed?", 'and Ukraine?', "How many of Ukraine's troops were killed?"],
  ])('reads %j then %j as %j', (previous, reply, expected) => {
    expect(followUpQuestion(previous, reply)).toBe(expected);
  });
  it('asks a reply that stands on its own as it is', () => {
    expect(followUpQuestion('How many prisoners were exchanged?', 'Who is Russia’s top negotiator?')).toBe(
      'Who is Russia’s top negotiator?',
    );
  });
  it('adds an elliptical reply with nothing to swap to the earlier question as context', () => {
    expect(followUpQuestion('Where are the talks?', 'and next time?')).toBe('Where are the talks, next time?');
  });
});

describe('isElliptical', () => {
  it('spots replies that lean on the earlier question', () => {
    expect(isElliptical('and Russia?')).toBe(true);
    expect(isElliptical('civilians?')).toBe(true);
    expect(isElliptical('How many prisoners were exchanged?')).toBe(false);
  });
});
