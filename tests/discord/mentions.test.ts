import { describe, expect, it } from 'vitest';
import {
  cannotPost,
  extractQuestion,
  handleMention,
  handleMentionEdit,
  RATE_LIMIT_REACTION,
} from '../../src/discord/mentions.js';
import { RateLimiter } from '../../src/discord/rate-limit.js';

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

/** A direct message to the bot as handleMention reads it; `reply`/`react` and ids given per test. */
function dm(overrides: Record<string, unknown>) {
  return {
    client: { user: { id: BOT } },
    author: { id: '222222222222222222', bot: false },
    system: false,
    webhookId: null,
    inGuild: () => false,
    content: 'How many prisoners were exchanged?',
    channelId: '333333333333333333',
    id: '444444444444444444',
    reference: null,
    guild: null,
    ...overrides,
  };
}

describe('handleMention where the bot cannot post', () => {
  it('tries once and does not try to apologise when Discord refuses the reply (Missing Permissions)', async () => {
    const sent: unknown[] = [];
    const message = dm({
      reply: async (payload: unknown) => {
        sent.push(payload);
        throw Object.assign(new Error('Missing Permissions'), { code: 50013 });
      },
    });
    const answer = { question: 'q', answer: 'a', abstained: true, citations: [], alternatives: [], totalSources: 5 };
    const ctx = {
      config: {},
      limiter: { take: () => ({ ok: true }) },
      store: { current: { engine: { ask: () => answer }, corpus: { byId: new Map() } } },
    };
    await handleMention(message as never, ctx as never);
    expect(sent).toHaveLength(1);
  });
  it('knows Discord’s "you may not post here" codes', () => {
    expect(cannotPost({ code: 50013 })).toBe(true);
    expect(cannotPost({ code: 50001 })).toBe(true);
    expect(cannotPost(new Error('boom'))).toBe(false);
  });
});

describe('handleMention under the rate limit', () => {
  it('answers a burst beyond the rate limit with one reaction, never a message per mention', async () => {
    const sent: unknown[] = [];
    const reactions: string[] = [];
    const message = dm({
      id: '444444444444444444',
      reply: async (payload: unknown) => {
        sent.push(payload);
      },
      react: async (emoji: string) => {
        reactions.push(emoji);
      },
    });
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.take(message.author.id);
    const ctx = { config: {}, limiter, store: { current: {} } };
    for (let i = 0; i < 5; i++) await handleMention(message as never, ctx as never);
    expect(sent).toEqual([]);
    expect(reactions).toEqual([RATE_LIMIT_REACTION]);
  });
});

describe('handleMentionEdit', () => {
  it('edits the earlier reply to answer the edited question, and leaves unanswered messages alone', async () => {
    const edits: { embeds?: { title?: string }[] }[] = [];
    const replies: unknown[] = [];
    const message = dm({
      id: '555555555555555555',
      reply: async (payload: unknown) => {
        replies.push(payload);
        return { edit: async (p: (typeof edits)[number]) => edits.push(p) };
      },
    });
    const asked: string[] = [];
    const ctx = {
      config: {},
      limiter: { take: () => ({ ok: true }) },
      store: {
        current: {
          engine: {
            ask: (q: string) => {
              asked.push(q);
              return { question: q, answer: 'a', abstained: true, citations: [], alternatives: [], totalSources: 5 };
            },
          },
          corpus: { byId: new Map() },
        },
      },
    };
    await handleMentionEdit(message as never, ctx as never);
    expect(asked).toEqual([]);
    await handleMention(message as never, ctx as never);
    expect(replies).toHaveLength(1);
    message.content = 'How many drones were launched?';
    await handleMentionEdit(message as never, ctx as never);
    expect(asked).toEqual(['How many prisoners were exchanged?', 'How many drones were launched?']);
    expect(replies).toHaveLength(1);
    expect(edits).toHaveLength(1);
  });
  it('waits for the first reply when the question is edited while it is being answered, then edits it', async () => {
    const edits: { embeds?: { title?: string }[] }[] = [];
    let release: () => void = () => undefined;
    const posted = new Promise<void>((r) => {
      release = r;
    });
    const message = dm({
      id: '666666666666666666',
      content: 'How many prisoners were exchnaged?',
      // Discord takes its time with the reply: the edit arrives before it is posted.
      reply: async () => {
        await posted;
        return { edit: async (p: (typeof edits)[number]) => edits.push(p) };
      },
    });
    const asked: string[] = [];
    const ctx = {
      config: {},
      limiter: { take: () => ({ ok: true }) },
      store: {
        current: {
          engine: {
            ask: (q: string) => {
              asked.push(q);
              return { question: q, answer: 'a', abstained: true, citations: [], alternatives: [], totalSources: 5 };
            },
          },
          corpus: { byId: new Map(), articles: [] },
        },
      },
    };
    const first = handleMention(message as never, ctx as never);
    await new Promise((r) => setTimeout(r, 20));
    message.content = 'How many prisoners were exchanged?';
    const edit = handleMentionEdit(message as never, ctx as never);
    release();
    await Promise.all([first, edit]);
    expect(asked).toEqual(['How many prisoners were exchnaged?', 'How many prisoners were exchanged?']);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.embeds?.[0]?.title).toBe('How many prisoners were exchanged?');
  });
});
