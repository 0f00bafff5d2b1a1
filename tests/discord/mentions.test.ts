import { describe, expect, it } from 'vitest';
import { extractQuestion } from '../../src/discord/mentions.js';

const BOT = '123456789012345678';

describe('extractQuestion', () => {
  it('removes the bot mention wherever it is', () => {
    expect(extractQuestion(`<@${BOT}> how many prisoners?`, BOT)).toBe('how many prisoners?');
    expect(extractQuestion(`how many prisoners, <@!${BOT}>?`, BOT)).toBe('how many prisoners, ?');
  });
  it('removes the bot role mention too', () => {
    expect(extractQuestion('<@&999999999999999999> who attended?', BOT, '999999999999999999')).toBe('who attended?');
  });
  it('keeps other mentions and text as typed (they are escaped and never pinged later)', () => {
    expect(extractQuestion(`<@${BOT}> @everyone <@111111111111111111> what now`, BOT)).toBe(
      '@everyone <@111111111111111111> what now',
    );
  });
  it('is empty for a bare mention, so the bot answers with help', () => {
    expect(extractQuestion(` <@${BOT}>  \n `, BOT)).toBe('');
  });
});
