import { describe, expect, it } from 'vitest';
import { extractQuestion } from '../../src/discord/mentions.js';

const BOT = '123456789012345678';

describe('extractQuestion', () => {
  it('removes the bot mention wherever it is', () => {
    expect(extractQuestion(`<@${BOT}> how many prisoners?`, BOT)).toBe('how many prisoners?');
    expect(extractQuestion(`how many prisoners, <@!${BOT}>?`, BOT)).toBe('how many prisoners?');
  });
  it('removes the bot role mention too', () => {
    expect(extractQuestion('<@&999999999999999999> who attended?', BOT, '999999999999999999')).toBe('who attended?');
  });
  it('removes other mentions, @everyone/@here, links and markdown, so only the question is asked', () => {
    expect(extractQuestion(`<@${BOT}> @everyone <@111111111111111111> what now`, BOT)).toBe('what now');
    expect(
      extractQuestion(`<@${BOT}> **Who is the mayor of Kyiv?** @here https://t.co/x <#222222222222222222>`, BOT),
    ).toBe('Who is the mayor of Kyiv?');
  });
  it('is empty for a bare mention, so the bot answers with help', () => {
    expect(extractQuestion(` <@${BOT}>  \n `, BOT)).toBe('');
  });
});
