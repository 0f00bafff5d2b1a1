import { ChannelType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { THREAD_BUTTON, threadButton } from '../../src/discord/components.js';
import {
  canStartThreadIn,
  MAX_THREAD_NAME,
  ThreadMemory,
  threadName,
  threadQuestion,
} from '../../src/discord/threads.js';

const BOT = '123456789012345678';

describe('ThreadMemory', () => {
  it('keeps at most its capacity, forgetting the least recently used thread first', () => {
    const memory = new ThreadMemory(2);
    memory.remember('1', 'a?');
    memory.remember('2', 'b?');
    expect(memory.get('1')).toBe('a?');
    memory.remember('3', 'c?');
    expect(memory.size).toBe(2);
    expect(memory.has('2')).toBe(false);
    expect(memory.get('1')).toBe('a?');
    expect(memory.get('3')).toBe('c?');
  });
});

describe('threadQuestion', () => {
  const thread = (overrides: Record<string, unknown> = {}) => ({
    id: '999999999999999999',
    isThread: () => true,
    ownerId: BOT,
    fetchStarterMessage: async () => ({ author: { id: BOT }, embeds: [{ title: 'How many Ukrainian soldiers\\?' }] }),
    ...overrides,
  });

  it('is null outside a thread, and for a channel without isThread (a partial)', async () => {
    expect(await threadQuestion({ id: '1', isThread: () => false }, BOT, new ThreadMemory())).toBeNull();
    expect(await threadQuestion(undefined, BOT, new ThreadMemory())).toBeNull();
  });
  it('reads a forgotten thread’s question from its starter message (the bot’s answer) and remembers it', async () => {
    const memory = new ThreadMemory();
    expect(await threadQuestion(thread(), BOT, memory)).toBe('How many Ukrainian soldiers?');
    expect(memory.get('999999999999999999')).toBe('How many Ukrainian soldiers?');
  });
  it('ignores threads someone else started, or started on someone else’s message', async () => {
    expect(await threadQuestion(thread({ ownerId: '1' }), BOT, new ThreadMemory())).toBeNull();
    const foreign = thread({ fetchStarterMessage: async () => ({ author: { id: '1' }, embeds: [{ title: 'x?' }] }) });
    expect(await threadQuestion(foreign, BOT, new ThreadMemory())).toBeNull();
  });
  it('is null, not an error, when the starter message is gone', async () => {
    const gone = thread({
      fetchStarterMessage: async () => {
        throw Object.assign(new Error('Unknown Message'), { code: 10008 });
      },
    });
    expect(await threadQuestion(gone, BOT, new ThreadMemory())).toBeNull();
  });
});

describe('thread helpers', () => {
  it('names a thread after its question, within Discord’s 100 characters', () => {
    expect(threadName('  How many\nprisoners?  ')).toBe('How many prisoners?');
    const long = threadName('why '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(MAX_THREAD_NAME);
    expect(long.endsWith('…')).toBe(true);
  });
  it('starts threads only in server text and announcement channels', () => {
    expect(canStartThreadIn({ type: ChannelType.GuildText })).toBe(true);
    expect(canStartThreadIn({ type: ChannelType.GuildAnnouncement })).toBe(true);
    expect(canStartThreadIn({ type: ChannelType.PublicThread })).toBe(false);
    expect(canStartThreadIn({ type: ChannelType.DM })).toBe(false);
    expect(canStartThreadIn(null)).toBe(false);
  });
  it('has a button anyone may press, with its own custom id', () => {
    expect(threadButton()).toMatchObject({ custom_id: THREAD_BUTTON, label: 'Follow up in a thread' });
  });
});
