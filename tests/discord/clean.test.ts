import { describe, expect, it } from 'vitest';
import { cleanQuestion, hasMentionSyntax } from '../../src/discord/clean.js';

describe('cleanQuestion', () => {
  it('removes @everyone and @here', () => {
    expect(cleanQuestion('Who is the mayor of Kyiv? @everyone')).toBe('Who is the mayor of Kyiv?');
    expect(cleanQuestion('@here how many prisoners were exchanged?')).toBe('how many prisoners were exchanged?');
  });
  it('removes user, role, channel and command mentions', () => {
    expect(cleanQuestion('<@123456789012345678> <@!123456789012345678> who attended <#123456789012345678>?')).toBe(
      'who attended?',
    );
    expect(cleanQuestion('<@&123456789012345678> where are the talks </ask:123456789012345678>')).toBe(
      'where are the talks',
    );
  });
  it('removes links but keeps the text of masked links', () => {
    expect(cleanQuestion('what did Witkoff say https://example.com/a?b=c')).toBe('what did Witkoff say');
    expect(cleanQuestion('is [this report](https://example.com) right about 314 prisoners?')).toBe(
      'is this report right about 314 prisoners?',
    );
    expect(cleanQuestion('see <https://example.com> where are the talks?')).toBe('see where are the talks?');
  });
  it('removes markdown: bold, italics, code, spoilers, quotes, headings', () => {
    expect(cleanQuestion('**How many** _prisoners_ were `exchanged`?')).toBe('How many prisoners were exchanged?');
    expect(cleanQuestion('> ||who|| is ~~Russia’s~~ negotiator?')).toBe('who is Russia’s negotiator?');
    expect(cleanQuestion('# Where are the talks?')).toBe('Where are the talks?');
  });
  it('removes custom emoji and timestamps', () => {
    expect(cleanQuestion('<:ua:123456789012345678> when did talks start <t:1700000000:R>?')).toBe(
      'when did talks start?',
    );
  });
  it('keeps ordinary punctuation, apostrophes, numbers and hyphenated words', () => {
    expect(cleanQuestion("What's the U.S.-brokered deal's 30-day plan?")).toBe(
      "What's the U.S.-brokered deal's 30-day plan?",
    );
    expect(cleanQuestion('how many killed in 2,025 vs 1.2 million?')).toBe('how many killed in 2,025 vs 1.2 million?');
  });
  it('leaves nothing of a message that is only syntax', () => {
    expect(cleanQuestion('<@123456789012345678> @everyone https://x.y')).toBe('');
  });
});

describe('hasMentionSyntax', () => {
  it('spots raw mention syntax', () => {
    expect(hasMentionSyntax('<@123>')).toBe(true);
    expect(hasMentionSyntax('@everyone')).toBe(true);
    expect(hasMentionSyntax('who attended?')).toBe(false);
  });
});
