import { describe, expect, it } from 'vitest';
import {
  CommandIds,
  mentionWith,
  renderHelp,
  smallTalk,
  unknownCommandMessage,
  withoutGreeting,
} from '../../src/discord/help.js';

describe('smallTalk', () => {
  it.each([
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['help', 'help'],
    ['what can you do?', 'help'],
    ['', 'help'],
    ['thanks', 'thanks'],
    ['Thank you so much!', 'thanks'],
    ['thx', 'thanks'],
    ['hi, thanks', 'thanks'],
  ])('reads %j as %s', (text, kind) => {
    expect(smallTalk(text)).toBe(kind);
  });
  it.each([
    'how many prisoners were exchanged?',
    'hi, who is Witkoff?',
    'help with the prisoner exchange numbers',
    '?!',
  ])('leaves the question %j to the engine', (text) => {
    expect(smallTalk(text)).toBeNull();
  });
});

describe('withoutGreeting', () => {
  it('drops a greeting in front of a question', () => {
    expect(withoutGreeting('hi, how many prisoners were exchanged?')).toBe('how many prisoners were exchanged?');
    expect(withoutGreeting('Hey bot who is Witkoff?')).toBe('who is Witkoff?');
  });
  it('keeps a question without a greeting as it is', () => {
    expect(withoutGreeting('Hiroshima?')).toBe('Hiroshima?');
  });
});

describe('mentionWith', () => {
  it('writes a clickable command mention when the id is known, `/name` otherwise', () => {
    const mention = mentionWith(new Map([['sources', '111111111111111111']]));
    expect(mention('sources list')).toBe('</sources list:111111111111111111>');
    expect(mention('talks')).toBe('`/talks`');
  });
});

describe('CommandIds', () => {
  it('fetches the registered ids once (global and the development guild) and remembers them', async () => {
    let fetches = 0;
    const ids = new CommandIds(
      () => ({
        fetch: async (o?: { guildId?: string }) => {
          fetches++;
          return o?.guildId
            ? new Map([['1', { name: 'talks', id: '222222222222222222' }]])
            : [{ name: 'ask', id: '111111111111111111' }];
        },
      }),
      '333333333333333333',
    );
    const mention = await ids.mention();
    expect(mention('ask')).toBe('</ask:111111111111111111>');
    expect(mention('talks')).toBe('</talks:222222222222222222>');
    await ids.mention();
    expect(fetches).toBe(2);
  });
  it('falls back to `/name` text when Discord cannot be asked', async () => {
    const ids = new CommandIds(() => ({
      fetch: async () => {
        throw new Error('offline');
      },
    }));
    expect((await ids.mention())('help')).toBe('`/help`');
  });
  it('uses an id learnt from an interaction', async () => {
    const ids = new CommandIds(() => null);
    ids.learn('help', '444444444444444444');
    expect((await ids.mention())('help')).toBe('</help:444444444444444444>');
  });
});

describe('renderHelp', () => {
  it('lists every command as a mention and says how to ask', () => {
    const mention = mentionWith(new Map([['ask', '111111111111111111']]));
    const text = renderHelp('help', mention, '<@9>').embeds[0]?.description ?? '';
    expect(text).toContain('</ask:111111111111111111> — ask a question');
    for (const c of ['`/talks`', '`/casualties`', '`/sources list`', '`/help`']) expect(text).toContain(c);
    expect(text).toContain('mention me with a question: <@9>');
  });
  it('answers greetings and thanks in kind', () => {
    expect(renderHelp('greeting').embeds[0]?.description).toMatch(/^Hi!/);
    expect(renderHelp('thanks').embeds[0]?.description).toMatch(/^You’re welcome!/);
  });
});

describe('unknownCommandMessage', () => {
  it('speaks to users, not operators', () => {
    const text = unknownCommandMessage();
    expect(text).toContain('`/help`');
    expect(text).not.toMatch(/deploy|npm|admin/);
  });
});
