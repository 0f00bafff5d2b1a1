/** The fake Discord itself behaves like Discord where the bot depends on it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeDiscord } from '../fake-discord/server.js';

const TOKEN = 'MTAxMDEwMTAxMDEwMTAxMA.GfAkEe.fake-token-for-tests-only_0123456789';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 200, ackDeadlineMs: 300 });
});
afterAll(async () => {
  await fake.close();
});

const api = (route: string, init: RequestInit = {}, auth = true) =>
  fetch(`${fake.apiUrl}/v10${route}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bot ${TOKEN}` } : {}),
      ...init.headers,
    },
  });

/** A bare gateway client: returns the socket and a queue of received payloads. */
async function connect(query = '?v=10&encoding=json') {
  const ws = new WebSocket(`${fake.gatewayUrl}${query}`);
  const received: { op: number; t: string | null; s: number | null; d: Record<string, unknown> }[] = [];
  ws.on('message', (data) => received.push(JSON.parse(data.toString())));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = (pred: (p: (typeof received)[number]) => boolean) =>
    fake.waitFor(() => received.find(pred), 'a gateway payload', 3000);
  return { ws, received, closed, next };
}

describe('fake Discord REST', () => {
  it('answers GET /gateway/bot with the gateway URL and session limits, but only with the bot token', async () => {
    const ok = await api('/gateway/bot');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body.url).toBe(fake.gatewayUrl);
    expect(body).toHaveProperty('session_start_limit.max_concurrency', 1);
    const denied = await api('/gateway/bot', {}, false);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });
  it('404s unknown routes and records them', async () => {
    const res = await api('/nope');
    expect(res.status).toBe(404);
    expect(fake.unhandled.some((r) => r.route === '/nope')).toBe(true);
  });
  it('validates command registration like Discord (names, descriptions, choices)', async () => {
    const bad = [
      { name: 'Bad Name', description: 'x' },
      {
        name: 'ok',
        description: '',
        options: [
          {
            type: 3,
            name: 'o',
            description: 'd',
            choices: Array.from({ length: 26 }, (_, i) => ({ name: `${i}`, value: `${i}` })),
          },
        ],
      },
    ];
    const res = await api(`/applications/${fake.applicationId}/commands`, { method: 'PUT', body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
    expect(body.code).toBe(50035);
    expect(body.errors).toHaveProperty('0.name._errors');
    expect(body.errors).toHaveProperty('1.description._errors');
    expect(body.errors).toHaveProperty('1.options.0.choices._errors');
  });
  it('stores valid commands and returns them with ids', async () => {
    const res = await api(`/applications/${fake.applicationId}/commands`, {
      method: 'PUT',
      body: JSON.stringify([{ name: 'ping', description: 'Ping' }]),
    });
    expect(res.status).toBe(200);
    const [cmd] = (await res.json()) as Record<string, unknown>[];
    expect(cmd).toMatchObject({ name: 'ping', application_id: fake.applicationId, type: 1 });
    expect(String(cmd?.id)).toMatch(/^\d{17,20}$/);
  });
});

describe('fake Discord gateway', () => {
  it('refuses compression and other API versions', async () => {
    const a = await connect('?v=9&encoding=json');
    expect(await a.closed).toBe(4012);
    const b = await connect('?v=10&encoding=json&compress=zlib-stream');
    expect(await b.closed).toBe(4000);
  });
  it('says HELLO, then READY and GUILD_CREATE with channels after IDENTIFY, and ACKs heartbeats', async () => {
    const { ws, next } = await connect();
    const hello = await next((p) => p.op === 10);
    expect(hello.d.heartbeat_interval).toBe(200);
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1 | 512 | 4096, properties: {}, shard: [0, 1] } }));
    const ready = await next((p) => p.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      application: { id: fake.applicationId },
      guilds: [{ id: fake.guildId, unavailable: true }],
    });
    const guild = await next((p) => p.t === 'GUILD_CREATE');
    expect((guild.d.channels as { id: string }[]).map((c) => c.id)).toContain(fake.channelId);
    expect((guild.d.threads as { id: string }[]).map((c) => c.id)).toContain(fake.threadId);
    ws.send(JSON.stringify({ op: 1, d: 2 }));
    await next((p) => p.op === 11);
    ws.close(1000);
  });
  it('closes with 4004 for a wrong token and 4014 for privileged intents not enabled', async () => {
    const a = await connect();
    a.ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await a.closed).toBe(4004);
    const b = await connect();
    b.ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1 | (1 << 15), properties: {} } }));
    expect(await b.closed).toBe(4014);
  });
  it('hides message content from a bot without the Message Content intent unless the bot is mentioned', async () => {
    const { ws, next, received } = await connect();
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1 | 512, properties: {} } }));
    await next((p) => p.t === 'GUILD_CREATE');
    fake.postMessage('hello everyone');
    fake.postMessage(`<@${fake.bot.id}> what happened?`);
    await fake.waitFor(() => received.filter((p) => p.t === 'MESSAGE_CREATE').length === 2, 'two messages');
    const [plain, mention] = received.filter((p) => p.t === 'MESSAGE_CREATE');
    expect(plain?.d.content).toBe('');
    expect(mention?.d.content).toBe(`<@${fake.bot.id}> what happened?`);
    expect(mention?.d.mentions).toEqual([expect.objectContaining({ id: fake.bot.id })]);
    ws.close(1000);
  });
});

describe('fake Discord interactions', () => {
  async function botSession() {
    const s = await connect();
    s.ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: {} } }));
    await s.next((p) => p.t === 'GUILD_CREATE');
    return s;
  }
  const callback = (i: { id: string; token: string }, body: unknown) =>
    api(`/interactions/${i.id}/${i.token}/callback`, { method: 'POST', body: JSON.stringify(body) }, false);

  it('dispatches INTERACTION_CREATE with entitlements and authorizing_integration_owners', async () => {
    const s = await botSession();
    const i = fake.command('ping');
    const got = await s.next((p) => p.t === 'INTERACTION_CREATE');
    expect(got.d).toMatchObject({
      id: i.id,
      type: 2,
      entitlements: [],
      authorizing_integration_owners: { '0': fake.guildId },
    });
    s.ws.close(1000);
  });
  it('rejects oversized messages with 400 Invalid Form Body, like Discord', async () => {
    const s = await botSession();
    const i = fake.command('ping');
    const res = await callback(i, { type: 4, data: { content: 'x'.repeat(2001) } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 50035,
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    const big = { type: 4, data: { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] } };
    const res2 = await callback(i, big);
    expect(await res2.json()).toMatchObject({
      errors: { data: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
    const fields = { type: 4, data: { embeds: [{ fields: [{ name: '', value: 'v' }] }] } };
    expect((await callback(i, fields)).status).toBe(400);
    s.ws.close(1000);
  });
  it('accepts one acknowledgement within the deadline and records the message and its pings', async () => {
    const s = await botSession();
    const i = fake.command('ping');
    const ok = await callback(i, { type: 4, data: { content: '@everyone hi', allowed_mentions: { parse: [] } } });
    expect(ok.status).toBe(204);
    const again = await callback(i, { type: 4, data: { content: 'again' } });
    expect(await again.json()).toEqual({ message: 'Interaction has already been acknowledged.', code: 40060 });
    const result = await i.result();
    expect(result.message?.body.content).toBe('@everyone hi');
    expect(result.message?.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: null });
    s.ws.close(1000);
  });
  it('counts @everyone as a ping when allowed_mentions is missing', async () => {
    const s = await botSession();
    const i = fake.command('ping');
    await callback(i, { type: 4, data: { content: '@everyone hi' } });
    expect((await i.result()).message?.pings.everyone).toBe(true);
    s.ws.close(1000);
  });
  it('answers 404 Unknown interaction after the acknowledgement deadline', async () => {
    const s = await botSession();
    const i = fake.command('ping');
    await new Promise((r) => setTimeout(r, 350));
    const late = await callback(i, { type: 4, data: { content: 'late' } });
    expect(late.status).toBe(404);
    expect(await late.json()).toEqual({ message: 'Unknown interaction', code: 10062 });
    s.ws.close(1000);
  });
  it('uses a 3-second deadline unless told otherwise', async () => {
    const other = await FakeDiscord.start({ token: TOKEN });
    expect(other.ackDeadlineMs).toBe(3000);
    await other.close();
  });
  it('lets a deferred reply be edited via @original, and refuses autocomplete with 26 choices', async () => {
    const s = await botSession();
    const i = fake.command('ping');
    expect((await callback(i, { type: 5 })).status).toBe(204);
    const edit = await api(
      `/webhooks/${fake.applicationId}/${i.token}/messages/@original`,
      { method: 'PATCH', body: JSON.stringify({ content: 'done' }) },
      false,
    );
    expect(edit.status).toBe(200);
    const result = await i.result();
    expect(result).toMatchObject({ deferred: true, message: { kind: 'original', body: { content: 'done' } } });
    const a = fake.autocomplete('ping');
    const choices = Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: `c${n}` }));
    const res = await callback(a, { type: 8, data: { choices } });
    expect(res.status).toBe(400);
    s.ws.close(1000);
  });
});

describe('fake Discord rate limits and outages', () => {
  it('answers injected 429s with retry_after and Retry-After, without applying the request, then lets it through', async () => {
    const limited = fake.rateLimit(/^\/channels\/\d+\/typing$/, { count: 1, retryAfterMs: 250 });
    const first = await api(`/channels/${fake.channelId}/typing`, { method: 'POST' });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(await first.json()).toEqual({ message: 'You are being rate limited.', retry_after: 0.25, global: false });
    expect((await api(`/channels/${fake.channelId}/typing`, { method: 'POST' })).status).toBe(204);
    expect(limited).toMatchObject({ hits: 1, left: 0 });
  });
  it('breaks gateway connections: close 4000, torn-down socket, op 9, or a silent connection', async () => {
    const identify = { op: 2, d: { token: TOKEN, intents: 1 | 512, properties: {} } };
    const a = await connect();
    a.ws.send(JSON.stringify(identify));
    await a.next((p) => p.t === 'GUILD_CREATE');
    expect(fake.dropGateway('close-4000')).toBe(1);
    expect(await a.closed).toBe(4000);
    const b = await connect();
    b.ws.send(JSON.stringify(identify));
    await b.next((p) => p.t === 'GUILD_CREATE');
    fake.dropGateway('tcp-reset');
    expect(await b.closed).toBe(1006);
    const c = await connect();
    c.ws.send(JSON.stringify(identify));
    await c.next((p) => p.t === 'GUILD_CREATE');
    fake.dropGateway('invalid-session');
    expect(await c.next((p) => p.op === 9)).toMatchObject({ d: false });
    c.ws.close(1000);
    const d = await connect();
    d.ws.send(JSON.stringify(identify));
    await d.next((p) => p.t === 'GUILD_CREATE');
    fake.dropGateway('silent');
    d.ws.send(JSON.stringify({ op: 1, d: 1 }));
    await new Promise((r) => setTimeout(r, 200));
    expect(d.received.some((p) => p.op === 11)).toBe(false);
    d.ws.terminate();
  });
});
