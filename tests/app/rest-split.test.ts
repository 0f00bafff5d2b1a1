import type { Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { exemptInteractionWebhooks } from '../../src/discord/bot.js';

describe('exemptInteractionWebhooks', () => {
  function split() {
    const viaBot: unknown[] = [];
    const viaWebhooks: unknown[] = [];
    const client = { rest: { request: async (o: unknown) => viaBot.push(o) } } as unknown as Client;
    const webhooks = exemptInteractionWebhooks(client, { apiUrl: 'http://127.0.0.1:1/api' });
    webhooks.request = (async (o: unknown) => viaWebhooks.push(o)) as typeof webhooks.request;
    return { client, viaBot, viaWebhooks, webhooks };
  }

  it('sends interaction edits and follow-ups (no bot token) through the client without the global cap', async () => {
    const { client, viaBot, viaWebhooks } = split();
    await client.rest.request({
      method: 'PATCH' as never,
      fullRoute: '/webhooks/1/tok/messages/@original',
      auth: false,
    });
    await client.rest.request({ method: 'POST' as never, fullRoute: '/webhooks/1/tok', auth: false });
    expect(viaWebhooks).toHaveLength(2);
    expect(viaBot).toHaveLength(0);
  });

  it('keeps every request made with the bot token on the normal, globally limited client', async () => {
    const { client, viaBot, viaWebhooks } = split();
    await client.rest.request({ method: 'POST' as never, fullRoute: '/channels/1/messages' });
    await client.rest.request({ method: 'GET' as never, fullRoute: '/webhooks/1' });
    expect(viaBot).toHaveLength(2);
    expect(viaWebhooks).toHaveLength(0);
  });

  it('points the second client at the same API base', () => {
    const { webhooks } = split();
    expect(webhooks.options.api).toBe('http://127.0.0.1:1/api');
    expect(webhooks.options.globalRequestsPerSecond).toBeGreaterThan(1_000_000);
  });
});
