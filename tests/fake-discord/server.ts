/**
 * A fake Discord on 127.0.0.1 for integration tests: REST under `/api/v10` and a JSON gateway over
 * `ws://`, with Discord's payload shapes, limits (400 "Invalid Form Body" like Discord), the
 * 3-second interaction acknowledgement deadline and a record of everything the bot sent.
 *
 * Point a bot at it with `DISCORD_API_URL=<fake.apiUrl>`: discord.js asks `GET /gateway/bot` for the
 * gateway URL, so REST and gateway both come here.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { DISCORD, INTENT_BITS, PRIVILEGED_INTENTS } from './limits.js';
import {
  dmChannel,
  type FakeUser,
  guildCreate,
  type Json,
  makeMember,
  makeUser,
  publicThread,
  textChannel,
} from './payloads.js';
import { computePings, type Pings } from './pings.js';
import { snowflake } from './snowflake.js';
import { FormErrors, isEmptyMessage, validateChoices, validateCommands, validateMessage } from './validate.js';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  token: string;
  heartbeatIntervalMs?: number;
  ackDeadlineMs?: number;
  /** Privileged intents enabled for the application in the "Developer Portal" (bit field; none by default). */
  enabledPrivilegedIntents?: number;
  /**
   * Shards `GET /gateway/bot` recommends (default 1). With N > 1 the fake has one guild per shard
   * (`guildIds[i]` lands on shard i: `(guild_id >> 22) % N`), accepts one IDENTIFY per shard, and sends
   * each guild's events only to its shard (direct messages to shard 0), as Discord does.
   */
  shards?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/abc/callback`. */
  route: string;
  query: Record<string, string>;
  authorized: boolean;
  userAgent: string | undefined;
  body: unknown;
  files: string[];
  status: number;
  response: unknown;
  at: number;
}

/** `update`: a button's message changed in place (callback type 7). */
export type SentKind = 'callback' | 'original' | 'followup' | 'channel' | 'update' | 'channel-edit';

export interface SentMessage {
  kind: SentKind;
  interactionId: string | null;
  channelId: string;
  messageId: string;
  /** The message fields exactly as the bot sent them (`data` of a callback). */
  body: Json;
  /** The message as Discord stores it after this request. */
  message: Json;
  ephemeral: boolean;
  pings: Pings;
  at: number;
}

export interface GatewayEvent {
  direction: 'in' | 'out';
  op: number;
  t?: string | null;
  d?: unknown;
  at: number;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  name: string;
  channelId: string;
  userId: string;
  dispatchedAt: number;
  ack: { type: number; at: number; ephemeral: boolean } | null;
  original: Json | null;
  followups: Json[];
  originalDeleted: boolean;
  /** For a button click: the message the button is on. */
  message?: Json | null;
}

interface Session {
  ws: WebSocket;
  id: string | null;
  seq: number;
  intents: number;
  query: Record<string, string>;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when the bot sent none. */
  shard: [number, number];
}

export interface InteractOptions {
  /** Options as Discord sends them: `[{ name, type, value }]`, or subcommand `[{ name, type: 1, options }]`. */
  options?: Json[];
  user?: FakeUser;
  /** Computed permissions of the invoking member (string bit field). Default: a regular member's. */
  permissions?: string;
  channelId?: string;
  /** The guild the interaction comes from (its text channel, unless `channelId` says otherwise); default `guildId`. */
  guildId?: string;
  resolved?: Json;
  dm?: boolean;
}

export interface InteractionResult {
  interactionId: string;
  /** Callback type: 4 message, 5 deferred, 8 autocomplete result. */
  ackType: number;
  /** Milliseconds from dispatch to acknowledgement. */
  ackMs: number;
  deferred: boolean;
  ephemeral: boolean;
  /** The answer shown to the user: the type-4 message, the edit of a deferred reply, or a follow-up. */
  message: SentMessage | null;
  choices: { name: string; value: string | number }[] | null;
}

/** Permissions of a regular member (no Administrator); `ADMIN_PERMISSIONS` has every bit. */
export const MEMBER_PERMISSIONS = '2222085186637376';
export const ADMIN_PERMISSIONS = '2251799813685247';
const ADMINISTRATOR = 8n;
const LOADING_FLAG = 1 << 7;

const json = (res: ServerResponse, status: number, body?: unknown) => {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
};

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly heartbeatIntervalMs: number;
  readonly ackDeadlineMs: number;
  readonly enabledPrivilegedIntents: number;

  readonly bot: FakeUser;
  readonly owner: FakeUser;
  readonly applicationId: string;
  /** The first guild (on shard 0); `guildIds` has one per shard. */
  readonly guildId: string;
  readonly channelId: string;
  readonly threadId: string;
  readonly shardCount: number;
  /** One guild per shard: `guildIds[i]` is on shard i. */
  readonly guildIds: string[];
  /** The text channel (#general) of each guild. */
  readonly guildChannels = new Map<string, string>();
  readonly createdAt = new Date().toISOString();

  /** Every REST request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Every message the bot produced (interaction replies, edits, follow-ups, channel messages). */
  readonly sent: SentMessage[] = [];
  /** Gateway traffic (both directions). */
  readonly gateway: GatewayEvent[] = [];
  /** Close codes of gateway connections (from either side). */
  readonly gatewayCloses: { code: number; by: 'client' | 'server'; reason: string }[] = [];
  /** Query strings of every gateway connection (`v`, `encoding`, `compress`). */
  readonly connections: Record<string, string>[] = [];
  /** Threads the bot started on a message (POST /channels/:id/messages/:id/threads). */
  readonly threadsStarted: { threadId: string; channelId: string; name: string; at: number }[] = [];
  /** Requests for routes the fake does not know (Discord would 404 them too). */
  readonly unhandled: RecordedRequest[] = [];

  readonly #server: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Set<Session>();
  readonly #interactions = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();
  readonly #channels = new Map<string, Json>();
  readonly #messages = new Map<string, Map<string, Json>>();
  readonly #attachments = new Map<string, { bytes: Uint8Array; contentType: string }>();
  readonly #users = new Map<string, FakeUser>();
  /** Connections made silent by `dropGateway('silent')`, torn down on close. */
  readonly #muted = new Set<WebSocket>();
  readonly #rateLimits: {
    route: RegExp;
    method: string | undefined;
    left: number;
    hits: number;
    retryAfterMs: number;
    global: boolean;
    bucket: string;
  }[] = [];
  #globalCommands: Json[] = [];
  readonly #guildCommands = new Map<string, Json[]>();
  #port = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.token = options.token;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.ackDeadlineMs = options.ackDeadlineMs ?? DISCORD.ackDeadlineMs;
    this.enabledPrivilegedIntents = options.enabledPrivilegedIntents ?? 0;
    this.applicationId = snowflake();
    this.bot = makeUser('PeaceTalksBot', { id: this.applicationId, bot: true });
    this.owner = makeUser('app-owner');
    this.shardCount = Math.max(1, options.shards ?? 1);
    this.guildIds = guildsPerShard(this.shardCount);
    this.guildId = this.guildIds[0] as string;
    this.channelId = snowflake();
    this.threadId = snowflake();
    for (const u of [this.bot, this.owner]) this.#users.set(u.id, u);
    this.#channels.set(this.channelId, textChannel(this.channelId, this.guildId, 'general'));
    this.guildChannels.set(this.guildId, this.channelId);
    for (const guild of this.guildIds.slice(1)) {
      const channel = snowflake();
      this.#channels.set(channel, textChannel(channel, guild, 'general'));
      this.guildChannels.set(guild, channel);
    }
    this.#channels.set(
      this.threadId,
      publicThread(this.threadId, this.guildId, this.channelId, this.owner.id, 'abu-dhabi-questions', this.createdAt),
    );
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => {
        json(res, 500, { message: `fake Discord crashed: ${(err as Error).message}`, code: 0 });
      });
    });
    this.#server.on('upgrade', (req, socket, head) => this.#upgrade(req, socket, head));
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  get port(): number {
    return this.#port;
  }
  /** REST base for discord.js' `rest.api` / DISCORD_API_URL (without the version). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }
  /** Requests Discord would have refused (status ≥ 400). */
  get rejected(): RecordedRequest[] {
    return this.requests.filter((r) => r.status >= 400);
  }
  get identifies(): Json[] {
    return this.gateway.filter((e) => e.direction === 'in' && e.op === 2).map((e) => e.d as Json);
  }
  commands(guildId?: string): Json[] {
    return guildId ? (this.#guildCommands.get(guildId) ?? []) : this.#globalCommands;
  }
  /** Registers commands directly (as a deploy would), so interactions carry real command ids. */
  setCommands(definitions: unknown[], guildId?: string): void {
    const errors = validateCommands(definitions);
    if (!errors.empty) throw new Error(`invalid commands: ${JSON.stringify(errors.list)}`);
    this.#storeCommands(definitions as Json[], guildId);
  }

  user(username: string): FakeUser {
    const u = makeUser(username);
    this.#users.set(u.id, u);
    return u;
  }

  /** Uploads a file to the fake CDN and returns the attachment object Discord would put in `resolved`. */
  addAttachment(filename: string, bytes: Uint8Array, contentType = 'text/plain; charset=utf-8'): Json {
    const id = snowflake();
    const path = `/attachments/${this.channelId}/${id}/${encodeURIComponent(filename)}`;
    this.#attachments.set(path, { bytes, contentType });
    const url = `http://127.0.0.1:${this.#port}${path}`;
    return { id, filename, size: bytes.byteLength, url, proxy_url: url, content_type: contentType };
  }

  /* ------------------------------------------------------------ waiting */

  async waitFor<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /** Resolves once a bot has identified and received READY and GUILD_CREATE (on every shard's guild). */
  waitForReady(timeoutMs = 20_000): Promise<true> {
    return this.waitFor(
      () => {
        const created = new Set(
          this.gateway.filter((e) => e.direction === 'out' && e.t === 'GUILD_CREATE').map((e) => (e.d as Json).id),
        );
        return this.guildIds.every((g) => created.has(g));
      },
      'the bot to connect (READY + GUILD_CREATE)',
      timeoutMs,
    );
  }

  /** The shard a guild's events go to: `(guild_id >> 22) % shardCount`. */
  shardOf(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount));
  }

  /* -------------------------------------------------------- interactions */

  /** Dispatches INTERACTION_CREATE for a chat input command; resolve `.result()` for what the bot answered. */
  command(name: string, options: InteractOptions = {}) {
    return this.#interact(2, name, options);
  }

  /** Dispatches an autocomplete interaction; mark the focused option with `focused: true`. */
  autocomplete(name: string, options: InteractOptions = {}) {
    return this.#interact(4, name, options);
  }

  /**
   * A user clicks the button `customId` on a message the bot sent (as stored now); resolve
   * `.result()` for what the bot did: updated the message (ackType 7), replied (4), or deferred (6).
   */
  click(message: Json, customId: string, options: { user?: FakeUser; permissions?: string } = {}) {
    const current = this.#findMessage(String(message.id)) ?? message;
    const buttons = ((current.components as Json[] | undefined) ?? []).flatMap(
      (row) => (row.components as Json[] | undefined) ?? [],
    );
    const target = buttons.find((b) => b.custom_id === customId);
    if (!target) throw new Error(`Discord would not deliver the click: no button "${customId}" on the message`);
    if (target.disabled) throw new Error(`Discord would not deliver the click: button "${customId}" is disabled`);
    const channelId = String(current.channel_id);
    const dm = this.#channels.get(channelId)?.type === 1;
    return this.#interact(3, customId, {
      ...options,
      channelId,
      dm,
      component: { message: current, data: { custom_id: customId, component_type: 2 } },
    });
  }

  #attachmentFor(filename: string, channelId: string): Json {
    const id = snowflake();
    const url = `http://127.0.0.1:${this.#port}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: 0, url, proxy_url: url, content_type: 'image/png' };
  }

  #findMessage(id: string): Json | null {
    for (const channel of this.#messages.values()) {
      const m = channel.get(id);
      if (m) return m;
    }
    for (const state of this.#interactions.values()) {
      if (state.original?.id === id) return state.original;
      const f = state.followups.find((x) => x.id === id);
      if (f) return f;
    }
    return null;
  }

  #interact(type: 2 | 3 | 4, name: string, o: InteractOptions & { component?: { message: Json; data: Json } }) {
    const user = o.user ?? this.user('member');
    const permissions = o.permissions ?? MEMBER_PERMISSIONS;
    const registered = type === 3 ? undefined : this.#globalCommands.find((c) => c.name === name);
    if (registered) {
      const needed = registered.default_member_permissions;
      if (!o.dm && typeof needed === 'string' && !hasPermissions(permissions, needed))
        throw new Error(`Discord would not deliver /${name}: the member lacks default_member_permissions ${needed}`);
      checkOptions(registered, o.options ?? [], type === 4);
    }
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const channel =
      o.dm && !o.channelId
        ? this.#dmWith(user)
        : (this.#channels.get(
            o.channelId ?? (o.guildId ? this.guildChannels.get(o.guildId) : undefined) ?? this.channelId,
          ) as Json);
    const guildId = (channel.guild_id as string | undefined) ?? this.guildId;
    const data: Json = o.component?.data ?? {
      id: registered?.id ?? snowflake(),
      name,
      type: 1,
      ...(o.options ? { options: o.options } : {}),
      ...(o.resolved ? { resolved: o.resolved } : {}),
    };
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      data,
      ...(o.component ? { message: o.component.message } : {}),
      channel: { ...channel, ...(o.dm ? {} : { permissions }) },
      channel_id: channel.id,
      token,
      version: 1,
      app_permissions: ADMIN_PERMISSIONS,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: o.dm ? 1 : 0,
      attachment_size_limit: 10_485_760,
      ...(o.dm
        ? { user }
        : {
            guild_id: guildId,
            guild: { id: guildId, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: makeMember(user, this.createdAt, permissions),
          }),
    };
    const state: InteractionState = {
      id,
      token,
      type,
      name,
      channelId: channel.id as string,
      userId: user.id,
      dispatchedAt: Date.now(),
      ack: null,
      original: null,
      followups: [],
      originalDeleted: false,
      message: o.component?.message ?? null,
    };
    this.#interactions.set(id, state);
    this.#byToken.set(token, state);
    this.#dispatch('INTERACTION_CREATE', payload);
    return {
      id,
      token,
      payload,
      result: (timeoutMs = 10_000) => this.#result(state, timeoutMs),
    };
  }

  async #result(state: InteractionState, timeoutMs: number): Promise<InteractionResult> {
    return this.waitFor(
      () => {
        const ack = state.ack;
        if (!ack) return null;
        const base = {
          interactionId: state.id,
          ackType: ack.type,
          ackMs: ack.at - state.dispatchedAt,
          deferred: ack.type === 5,
          ephemeral: ack.ephemeral,
        };
        if (ack.type === 8) {
          const req = this.requests.find((r) => r.route.startsWith(`/interactions/${state.id}/`) && r.status < 300);
          const body = req?.body as { data?: { choices?: InteractionResult['choices'] } } | undefined;
          return { ...base, message: null, choices: body?.data?.choices ?? [] };
        }
        const mine = this.sent.filter((m) => m.interactionId === state.id);
        const shown =
          ack.type === 4
            ? mine.find((m) => m.kind === 'callback')
            : ack.type === 7
              ? mine.find((m) => m.kind === 'update')
              : (mine.find((m) => m.kind === 'original') ?? mine.find((m) => m.kind === 'followup'));
        return shown ? { ...base, message: shown, choices: null } : null;
      },
      `a reply to interaction /${state.name}`,
      timeoutMs,
    );
  }

  /** Messages sent for one interaction (reply, edits, follow-ups), in order. */
  messagesFor(interactionId: string): SentMessage[] {
    return this.sent.filter((m) => m.interactionId === interactionId);
  }

  /* ------------------------------------------------------------ messages */

  /**
   * A user posts a message: stored and dispatched as MESSAGE_CREATE. `<@id>` in the content become
   * `mentions`; without the Message Content intent the bot gets the content only if it is mentioned.
   */
  postMessage(
    content: string,
    options: { author?: FakeUser; channelId?: string; dm?: boolean; replyTo?: Json; ping?: boolean } = {},
  ): Json {
    const author = options.author ?? this.user('member');
    const channel = options.dm
      ? this.#dmWith(author)
      : (this.#channels.get(options.channelId ?? this.channelId) as Json);
    const ids = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] as string);
    // A reply pings the author of the message replied to unless the ping is turned off.
    const repliedTo = options.replyTo ? (options.replyTo.author as FakeUser) : null;
    if (repliedTo && options.ping !== false) ids.push(repliedTo.id);
    const mentions = [...new Set(ids)]
      .map((id) => this.#users.get(id))
      .filter((u): u is FakeUser => Boolean(u))
      .map((u): Json => (options.dm ? { ...u } : { ...u, member: makeMember(u, this.createdAt) }));
    const message = this.#makeMessage({
      channel,
      author,
      content,
      mentions,
      type: options.replyTo ? 19 : 0,
      extra: {
        ...(options.dm ? {} : { member: withoutUser(makeMember(author, this.createdAt)) }),
        ...(options.replyTo
          ? {
              message_reference: {
                type: 0,
                message_id: options.replyTo.id,
                channel_id: channel.id,
                ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
              },
              referenced_message: options.replyTo,
            }
          : {}),
      },
    });
    this.#store(message);
    this.#dispatchMessage(message);
    return message;
  }

  /**
   * A user edits a message they posted: stored and dispatched as MESSAGE_UPDATE (the same intents and
   * Message Content rules as MESSAGE_CREATE).
   */
  editMessage(message: Json, content: string): Json {
    const stored = this.#messages.get(message.channel_id as string)?.get(message.id as string);
    if (!stored) throw new Error('fake Discord: no such message to edit');
    const ids = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] as string);
    stored.content = content;
    stored.mentions = [...new Set(ids)]
      .map((id) => this.#users.get(id))
      .filter((u): u is FakeUser => Boolean(u))
      .map((u): Json => ({ ...u }));
    stored.edited_timestamp = new Date().toISOString();
    this.#dispatchMessage(stored, 'MESSAGE_UPDATE');
    return stored;
  }

  /* ------------------------------------------------------------ outages */

  /**
   * Breaks every gateway connection, as Discord or the network sometimes does: `close-4000` (Discord closes
   * with 4000 "Unknown error": the client should reconnect and RESUME), `tcp-reset` (the socket is torn
   * down without a close frame), `silent` (the connection stays open but nothing more arrives either way,
   * so only missing heartbeat ACKs reveal it), `invalid-session` (op 9 with `d: false`: identify afresh).
   * RESUME is answered with op 9 `d: false` (the fake keeps no sessions), so every case ends in a new
   * IDENTIFY. Returns how many connections were broken.
   */
  dropGateway(how: 'close-4000' | 'tcp-reset' | 'silent' | 'invalid-session'): number {
    const sessions = [...this.#sessions].filter((s) => s.id);
    for (const s of sessions) {
      if (how === 'close-4000') this.#closeSession(s, 4000, 'Unknown error');
      else if (how === 'tcp-reset') s.ws.terminate();
      else if (how === 'invalid-session') this.#send(s, { op: 9, d: false });
      else {
        // Stop reading (heartbeats go unanswered) and forget it as a receiver of events.
        s.ws.pause();
        this.#sessions.delete(s);
        this.#muted.add(s.ws);
      }
    }
    return sessions.length;
  }

  /* ---------------------------------------------------------------- close */

  async close(): Promise<void> {
    for (const s of this.#sessions) s.ws.terminate();
    for (const ws of this.#muted) ws.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /* =============================================================== gateway */

  #upgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway/') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      const session: Session = {
        ws,
        id: null,
        seq: 0,
        intents: 0,
        query: Object.fromEntries(url.searchParams),
        shard: [0, 1],
      };
      this.#sessions.add(session);
      this.connections.push(session.query);
      ws.on('close', (code, reason) => {
        this.#sessions.delete(session);
        if (!this.gatewayCloses.some((c) => c.by === 'server' && c.code === code))
          this.gatewayCloses.push({ code, by: 'client', reason: reason.toString() });
        this.emit('gateway-close', code);
      });
      if (session.query.v !== '10') {
        this.#closeSession(session, 4012, 'Invalid API version');
        return;
      }
      if (session.query.encoding !== 'json') {
        this.#closeSession(session, 4002, 'Decode error: only encoding=json');
        return;
      }
      if (session.query.compress) {
        this.#closeSession(session, 4000, 'fake Discord does not implement transport compression');
        return;
      }
      this.#send(session, {
        op: 10,
        d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["fake-gateway"]'] },
      });
      ws.on('message', (data, isBinary) => this.#onGatewayMessage(session, data.toString(), isBinary));
    });
  }

  #closeSession(session: Session, code: number, reason: string): void {
    this.gatewayCloses.push({ code, by: 'server', reason });
    session.ws.close(code, reason);
  }

  #send(session: Session, payload: { op: number; d?: unknown; t?: string | null; s?: number | null }): void {
    const full = { t: null, s: null, ...payload };
    this.gateway.push({ direction: 'out', op: full.op, t: full.t, d: full.d, at: Date.now() });
    session.ws.send(JSON.stringify(full));
  }

  #onGatewayMessage(session: Session, text: string, isBinary: boolean): void {
    let payload: { op?: number; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(text);
    } catch {
      this.#closeSession(session, 4002, 'Decode error');
      return;
    }
    const op = payload.op ?? -1;
    this.gateway.push({ direction: 'in', op, d: payload.d, at: Date.now() });
    if (op === 1) {
      this.#send(session, { op: 11 });
      this.emit('heartbeat');
      return;
    }
    if (op === 2) {
      this.#identify(session, payload.d as Json);
      return;
    }
    if (op === 6) {
      const d = payload.d as Json;
      if (d?.token !== this.token) {
        this.#closeSession(session, 4004, 'Authentication failed');
        return;
      }
      this.#send(session, { op: 9, d: false });
      return;
    }
    if (!session.id) {
      this.#closeSession(session, 4003, 'Not authenticated');
      return;
    }
    if (op === 3 || op === 4 || op === 8 || op === 31 || op === 37) return;
    this.#closeSession(session, 4001, 'Unknown opcode');
  }

  #identify(session: Session, d: Json): void {
    if (session.id) {
      this.#closeSession(session, 4005, 'Already authenticated');
      return;
    }
    if (!d || d.token !== this.token) {
      this.#closeSession(session, 4004, 'Authentication failed');
      return;
    }
    const intents = d.intents;
    if (typeof intents !== 'number') {
      this.#closeSession(session, 4013, 'Invalid intent(s)');
      return;
    }
    const privileged = Object.values(PRIVILEGED_INTENTS).reduce((a, b) => a | b, 0);
    if (intents & privileged & ~this.enabledPrivilegedIntents) {
      this.#closeSession(session, 4014, 'Disallowed intent(s)');
      return;
    }
    const shard = d.shard as number[] | undefined;
    const [shardId, shardCount] = shard ?? [0, 1];
    if (
      shard &&
      (!Number.isInteger(shardId) ||
        shardCount !== this.shardCount ||
        (shardId as number) < 0 ||
        (shardId as number) >= shardCount)
    ) {
      this.#closeSession(session, 4010, 'Invalid shard');
      return;
    }
    if (!shard && this.shardCount > 1) {
      this.#closeSession(session, 4011, 'Sharding required');
      return;
    }
    // One session per shard: a second IDENTIFY for a shard that is connected is refused.
    if (this.shardCount > 1 && [...this.#sessions].some((s) => s !== session && s.id && s.shard[0] === shardId)) {
      this.#closeSession(session, 4005, 'Already authenticated');
      return;
    }
    session.shard = [shardId as number, shardCount as number];
    session.id = Math.random().toString(16).slice(2).padEnd(32, '0');
    session.intents = intents;
    this.emit('identify', d);
    session.seq += 1;
    this.#send(session, {
      op: 0,
      t: 'READY',
      s: session.seq,
      d: {
        v: 10,
        user_settings: {},
        user: { ...this.bot, verified: true, flags: 0, mfa_enabled: false, email: null },
        guilds: this.guildIds
          .filter((g) => this.shardOf(g) === session.shard[0])
          .map((id) => ({ id, unavailable: true })),
        session_id: session.id,
        session_type: 'normal',
        resume_gateway_url: this.gatewayUrl,
        shard: session.shard,
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: ['fake'],
        _trace: ['["fake-gateway"]'],
      },
    });
    for (const guildId of this.guildIds.filter((g) => this.shardOf(g) === session.shard[0])) {
      session.seq += 1;
      const inGuild = [...this.#channels.values()].filter((c) => c.guild_id === guildId);
      const channels = inGuild.filter((c) => c.type === 0);
      const threads = inGuild.filter((c) => c.type === 11);
      this.#send(session, {
        op: 0,
        t: 'GUILD_CREATE',
        s: session.seq,
        d: guildCreate({
          guildId,
          ownerId: this.owner.id,
          bot: this.bot,
          channels: channels.map(({ guild_id: _g, ...c }) => c),
          threads,
          joinedAt: this.createdAt,
        }),
      });
    }
    this.emit('ready');
  }

  #dispatch(
    t: string,
    d: Json,
    filter: (s: Session) => boolean = () => true,
    shape: (s: Session) => Json = () => d,
  ): void {
    // A guild's events go to the shard that guild is on; direct messages (no guild) to shard 0.
    const guild = typeof d.guild_id === 'string' ? d.guild_id : null;
    const shard = guild ? this.shardOf(guild) : 0;
    const ready = [...this.#sessions].filter((s) => s.id && s.shard[0] === shard && filter(s));
    if (ready.length === 0 && t === 'INTERACTION_CREATE')
      throw new Error('fake Discord: no bot is connected to receive the interaction');
    for (const s of ready) {
      s.seq += 1;
      this.#send(s, { op: 0, t, s: s.seq, d: shape(s) });
    }
  }

  /**
   * MESSAGE_CREATE to sessions with the GuildMessages / DirectMessages intent. Without the privileged
   * Message Content intent, content, embeds, attachments and components are emptied unless the
   * message is a DM, mentions the bot, or is the bot's own.
   */
  #dispatchMessage(stored: Json, event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' = 'MESSAGE_CREATE'): void {
    const isDm = !stored.guild_id;
    const channelType = this.#channels.get(stored.channel_id as string)?.type;
    const message: Json = { ...stored, ...(channelType !== undefined ? { channel_type: channelType } : {}) };
    const readable =
      isDm ||
      (message.author as FakeUser).id === this.bot.id ||
      (message.mentions as FakeUser[]).some((u) => u.id === this.bot.id);
    this.#dispatch(
      event,
      message,
      (s) => (s.intents & (isDm ? INTENT_BITS.DirectMessages : INTENT_BITS.GuildMessages)) !== 0,
      (s) =>
        readable || s.intents & INTENT_BITS.MessageContent
          ? message
          : { ...message, content: '', embeds: [], attachments: [], components: [] },
    );
  }

  /* ============================================================ messages */

  #dmWith(user: FakeUser): Json {
    for (const c of this.#channels.values()) {
      if (c.type === 1 && (c.recipients as FakeUser[])[0]?.id === user.id) return c;
    }
    const c = dmChannel(snowflake(), user);
    this.#channels.set(c.id as string, c);
    return c;
  }

  #makeMessage(o: {
    channel: Json;
    author: FakeUser;
    content: string;
    mentions?: Json[];
    embeds?: unknown;
    components?: unknown;
    flags?: number;
    type?: number;
    extra?: Json;
  }): Json {
    const embeds = Array.isArray(o.embeds) ? o.embeds.map((e) => ({ type: 'rich', ...(e as Json) })) : [];
    return {
      id: snowflake(),
      channel_id: o.channel.id,
      ...(o.channel.guild_id ? { guild_id: o.channel.guild_id } : {}),
      author: o.author,
      content: o.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: o.mentions ?? [],
      mention_roles: [],
      mention_channels: [],
      attachments: [],
      embeds,
      reactions: [],
      pinned: false,
      type: o.type ?? 0,
      flags: o.flags ?? 0,
      components: Array.isArray(o.components) ? o.components : [],
      ...(o.extra ?? {}),
    };
  }

  #store(message: Json): void {
    const channelId = message.channel_id as string;
    if (!this.#messages.has(channelId)) this.#messages.set(channelId, new Map());
    this.#messages.get(channelId)?.set(message.id as string, message);
    const channel = this.#channels.get(channelId);
    if (channel) channel.last_message_id = message.id;
  }

  #record(entry: Omit<SentMessage, 'at'>): SentMessage {
    const sent = { ...entry, at: Date.now() };
    this.sent.push(sent);
    this.emit('sent', sent);
    return sent;
  }

  /* ================================================================= REST */

  async #readBody(req: IncomingMessage): Promise<{ body: unknown; files: string[] }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) return { body: undefined, files: [] };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: string[] = [];
      let body: unknown;
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json') body = JSON.parse(String(value));
        else if (typeof value !== 'string') files.push((value as File).name);
      }
      return { body, files };
    }
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch {
      return { body: { __invalid_json: raw.toString('utf8') }, files: [] };
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = this.#attachments.get(url.pathname);
      if (!file) return json(res, 404, { message: '404: Not Found', code: 0 });
      res
        .writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.byteLength })
        .end(Buffer.from(file.bytes));
      return;
    }
    const method = req.method ?? 'GET';
    const prefix = '/api/v10';
    const { body, files } = await this.#readBody(req);
    const record: RecordedRequest = {
      method,
      route: decodeURIComponent(url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname),
      query: Object.fromEntries(url.searchParams),
      authorized: req.headers.authorization === `Bot ${this.token}`,
      userAgent: req.headers['user-agent'],
      body,
      files,
      status: 0,
      response: undefined,
      at: Date.now(),
    };
    this.requests.push(record);
    const reply = (status: number, response?: unknown) => {
      record.status = status;
      record.response = response;
      this.emit('request', record);
      json(res, status, response);
    };
    if (!url.pathname.startsWith(`${prefix}/`)) {
      this.unhandled.push(record);
      return reply(404, { message: '404: Not Found', code: 0 });
    }
    const out = this.#route(method, record, body);
    if (!out) {
      this.unhandled.push(record);
      return reply(404, { message: '404: Not Found', code: 0 });
    }
    if (out.auth && !record.authorized) return reply(401, { message: '401: Unauthorized', code: 0 });
    const limited = this.#rateLimits.find(
      (l) => l.left > 0 && l.route.test(record.route) && (!l.method || l.method === method),
    );
    if (limited) {
      // Discord's 429: nothing is applied; the client must wait `retry_after` seconds and send it again.
      limited.left -= 1;
      limited.hits += 1;
      const retryAfter = limited.retryAfterMs / 1000;
      const response = { message: 'You are being rate limited.', retry_after: retryAfter, global: limited.global };
      record.status = 429;
      record.response = response;
      this.emit('request', record);
      const text = JSON.stringify(response);
      res
        .writeHead(429, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          'retry-after': String(Math.max(1, Math.ceil(retryAfter))),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': limited.bucket,
          'x-ratelimit-scope': limited.global ? 'global' : 'user',
          ...(limited.global ? { 'x-ratelimit-global': 'true' } : {}),
        })
        .end(text);
      return;
    }
    const [status, response] = out.run();
    reply(status, response);
  }

  /**
   * Answers the next `count` requests whose route (after `/api/v10`) matches `route` with a 429 and
   * `retry_after` (Discord's `Retry-After` header is whole seconds; the body has the exact value), without
   * applying them. Returns a live view of how many were refused.
   */
  rateLimit(
    route: RegExp,
    options: { count: number; retryAfterMs?: number; method?: string; global?: boolean },
  ): { readonly hits: number; readonly left: number } {
    const limit = {
      route,
      method: options.method?.toUpperCase(),
      left: options.count,
      hits: 0,
      retryAfterMs: options.retryAfterMs ?? 1000,
      global: options.global ?? false,
      bucket: Math.random().toString(16).slice(2),
    };
    this.#rateLimits.push(limit);
    return limit;
  }

  #route(method: string, r: RecordedRequest, body: unknown): { auth: boolean; run: () => [number, unknown?] } | null {
    const p = r.route;
    const bot = (run: () => [number, unknown?]) => ({ auth: true, run });
    const open = (run: () => [number, unknown?]) => ({ auth: false, run });

    if (method === 'GET' && p === '/gateway/bot')
      return bot(() => [
        200,
        {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      ]);
    if (method === 'GET' && p === '/gateway') return open(() => [200, { url: this.gatewayUrl }]);
    if (method === 'GET' && p === '/users/@me') return bot(() => [200, { ...this.bot, verified: true, flags: 0 }]);
    if (method === 'GET' && p === '/applications/@me') return bot(() => [200, this.#application()]);

    const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p);
    if (commandsRoute) {
      const [, app, guild] = commandsRoute;
      if (app !== this.applicationId) return bot(() => [403, { message: 'Missing Access', code: 50001 }]);
      if (guild && !this.guildIds.includes(guild)) return bot(() => [403, { message: 'Missing Access', code: 50001 }]);
      if (method === 'GET') return bot(() => [200, this.commands(guild)]);
      if (method === 'PUT')
        return bot(() => {
          const errors = validateCommands(body);
          if (!errors.empty) return [400, errors.body()];
          return [200, this.#storeCommands(body as Json[], guild)];
        });
      return null;
    }

    const callbackRoute = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p);
    if (method === 'POST' && callbackRoute) {
      const [, id, token] = callbackRoute;
      return open(() => this.#callback(id as string, token as string, body, r.query));
    }

    const webhookRoute = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(p);
    if (webhookRoute) {
      const [, app, token, message] = webhookRoute;
      return open(() => this.#webhook(method, app as string, token as string, message, body, r.query, r.files));
    }

    // The bot edits one of its own channel messages, or reacts to a message.
    const messageRoute = /^\/channels\/(\d+)\/messages\/(\d+)(\/reactions\/[^/]+\/@me)?$/.exec(p);
    if (messageRoute && !messageRoute[3] && method === 'PATCH') {
      const [, channelId, messageId] = messageRoute;
      return bot(() => this.#editChannelMessage(channelId as string, messageId as string, body));
    }
    if (messageRoute && !messageRoute[3] && method === 'GET') {
      const [, channelId, messageId] = messageRoute;
      return bot(() => {
        if (!this.#channels.has(channelId as string)) return [404, { message: 'Unknown Channel', code: 10003 }];
        const m = this.#messages.get(channelId as string)?.get(messageId as string);
        return m ? [200, m] : [404, { message: 'Unknown Message', code: 10008 }];
      });
    }
    // The bot starts a thread on a message (Start Thread from Message).
    const threadRoute = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(p);
    if (threadRoute && method === 'POST') {
      const [, channelId, messageId] = threadRoute;
      return bot(() => this.#startThread(channelId as string, messageId as string, body));
    }
    if (messageRoute?.[3] && method === 'PUT') {
      const [, channelId, messageId] = messageRoute;
      return bot(() =>
        this.#messages.get(channelId as string)?.has(messageId as string)
          ? [204]
          : [404, { message: 'Unknown Message', code: 10008 }],
      );
    }
    const channelRoute = /^\/channels\/(\d+)(\/messages|\/typing)?$/.exec(p);
    if (channelRoute && channelRoute[2] === '/messages' && method === 'POST') {
      const id = channelRoute[1] as string;
      return bot(() => this.#channelMessage(id, body));
    }
    if (channelRoute && channelRoute[2] === '/typing' && method === 'POST') {
      const id = channelRoute[1] as string;
      return bot(() => (this.#channels.has(id) ? [204] : [404, { message: 'Unknown Channel', code: 10003 }]));
    }
    if (channelRoute && !channelRoute[2] && method === 'GET') {
      const id = channelRoute[1] as string;
      return bot(() => {
        const c = this.#channels.get(id);
        return c ? [200, c] : [404, { message: 'Unknown Channel', code: 10003 }];
      });
    }
    return null;
  }

  #application(): Json {
    return {
      id: this.applicationId,
      name: this.bot.username,
      icon: null,
      description: 'Answers questions about the Abu Dhabi talks (fake)',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      owner: this.owner,
      team: null,
      bot: this.bot,
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      integration_types_config: { '0': {} },
      approximate_guild_count: 1,
    };
  }

  #storeCommands(definitions: Json[], guildId?: string): Json[] {
    const previous = this.commands(guildId);
    const stored = definitions.map((d) => {
      const old = previous.find((c) => c.name === d.name && (c.type ?? 1) === (d.type ?? 1));
      return {
        id: (old?.id as string | undefined) ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type: 1,
        name_localizations: null,
        description_localizations: null,
        default_member_permissions: null,
        dm_permission: true,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...(guildId ? { guild_id: guildId } : {}),
        ...d,
      } as Json;
    });
    if (guildId) this.#guildCommands.set(guildId, stored);
    else this.#globalCommands = stored;
    return stored;
  }

  /* -------------------------------------------------------- interactions */

  #callback(id: string, token: string, body: unknown, query: Record<string, string>): [number, unknown?] {
    const state = this.#interactions.get(id);
    const unknown: [number, unknown] = [404, { message: 'Unknown interaction', code: 10062 }];
    if (!state || state.token !== token) return unknown;
    if (Date.now() - state.dispatchedAt > this.ackDeadlineMs) return unknown;
    if (state.ack) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    const b = (body ?? {}) as { type?: number; data?: Json };
    const type = b.type;
    const allowed = state.type === 4 ? [8] : state.type === 3 ? [4, 5, 6, 7] : [4, 5, 9];
    if (typeof type !== 'number' || !allowed.includes(type)) {
      const errors = new FormErrors();
      errors.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Interaction response type is invalid for this interaction.',
      );
      return [400, errors.body()];
    }
    const data = b.data ?? {};
    const ephemeral = ((Number(data.flags ?? 0) & DISCORD.ephemeralFlag) !== 0) as boolean;
    if (type === 8) {
      const errors = validateChoices(data);
      if (!errors.empty) return [400, errors.body()];
      state.ack = { type, at: Date.now(), ephemeral: false };
      return query.with_response === 'true' ? [200, this.#callbackResponse(state, null)] : [204];
    }
    if (type === 9) {
      state.ack = { type, at: Date.now(), ephemeral: false };
      return [204];
    }
    if (type === 6 || type === 7) {
      const target = state.message ? this.#findMessage(String(state.message.id)) : null;
      if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
      if (type === 7) {
        const errors = validateMessage(data, ['data']);
        if (!errors.empty) return [400, errors.body()];
        const next = applyEdit(target, data);
        if (isEmptyMessage(next)) return [400, { message: 'Cannot send an empty message', code: 50006 }];
        Object.assign(target, next, { edited_timestamp: new Date().toISOString() });
        this.#record({
          kind: 'update',
          interactionId: state.id,
          channelId: state.channelId,
          messageId: target.id as string,
          body: data,
          message: { ...target },
          ephemeral: (Number(target.flags ?? 0) & DISCORD.ephemeralFlag) !== 0,
          pings: computePings(data.content, data.allowed_mentions),
        });
      }
      state.ack = { type, at: Date.now(), ephemeral: (Number(target.flags ?? 0) & DISCORD.ephemeralFlag) !== 0 };
      // Later edits of @original edit the message the button is on.
      state.original = target;
      return [204];
    }
    if (type === 4) {
      const errors = validateMessage(data, ['data']);
      if (!errors.empty) return [400, errors.body()];
      if (isEmptyMessage(data)) return [400, { message: 'Cannot send an empty message', code: 50006 }];
    }
    const channel = this.#channels.get(state.channelId) as Json;
    const message = this.#makeMessage({
      channel,
      author: this.bot,
      content: type === 4 ? String(data.content ?? '') : '',
      embeds: type === 4 ? data.embeds : [],
      components: type === 4 ? data.components : [],
      flags: (ephemeral ? DISCORD.ephemeralFlag : 0) | (type === 5 ? LOADING_FLAG : 0),
      type: 20,
      extra: {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        interaction_metadata: {
          id: state.id,
          type: 2,
          user: this.#users.get(state.userId),
          authorizing_integration_owners: { '0': this.guildId },
          name: state.name,
          command_type: 1,
        },
      },
    });
    state.ack = { type, at: Date.now(), ephemeral };
    state.original = message;
    if (!ephemeral) this.#store(message);
    if (type === 4) {
      this.#record({
        kind: 'callback',
        interactionId: state.id,
        channelId: state.channelId,
        messageId: message.id as string,
        body: data,
        message,
        ephemeral,
        pings: computePings(data.content, data.allowed_mentions),
      });
    }
    return query.with_response === 'true' ? [200, this.#callbackResponse(state, message)] : [204];
  }

  #callbackResponse(state: InteractionState, message: Json | null): Json {
    return {
      interaction: {
        id: state.id,
        type: state.type,
        response_message_id: message?.id ?? null,
        response_message_loading: state.ack?.type === 5,
        response_message_ephemeral: state.ack?.ephemeral ?? false,
        activity_instance_id: null,
      },
      resource: message ? { type: state.ack?.type, message } : { type: state.ack?.type },
    };
  }

  #webhook(
    method: string,
    app: string,
    token: string,
    messageId: string | undefined,
    body: unknown,
    query: Record<string, string>,
    files: string[] = [],
  ): [number, unknown?] {
    const state = this.#byToken.get(token);
    if (!state || app !== this.applicationId || !state.ack || state.ack.type === 8 || state.ack.type === 9)
      return [404, { message: 'Unknown Webhook', code: 10015 }];
    if (Date.now() - state.dispatchedAt > DISCORD.tokenLifetimeMs)
      return [401, { message: 'Invalid Webhook Token', code: 50027 }];
    const unknownMessage: [number, unknown] = [404, { message: 'Unknown Message', code: 10008 }];

    if (!messageId) {
      if (method !== 'POST') return [405, { message: '405: Method Not Allowed', code: 0 }];
      const data = (body ?? {}) as Json;
      const errors = validateMessage(data);
      if (!errors.empty) return [400, errors.body()];
      if (isEmptyMessage(data)) return [400, { message: 'Cannot send an empty message', code: 50006 }];
      const ephemeral = (Number(data.flags ?? 0) & DISCORD.ephemeralFlag) !== 0;
      const message = this.#makeMessage({
        channel: this.#channels.get(state.channelId) as Json,
        author: this.bot,
        content: String(data.content ?? ''),
        embeds: data.embeds,
        components: data.components,
        flags: ephemeral ? DISCORD.ephemeralFlag : 0,
        type: 0,
        extra: { webhook_id: this.applicationId, application_id: this.applicationId },
      });
      state.followups.push(message);
      if (!ephemeral) this.#store(message);
      this.#record({
        kind: 'followup',
        interactionId: state.id,
        channelId: state.channelId,
        messageId: message.id as string,
        body: data,
        message,
        ephemeral,
        pings: computePings(data.content, data.allowed_mentions),
      });
      return query.wait === 'false' ? [204] : [200, message];
    }

    const target =
      messageId === '@original'
        ? state.originalDeleted
          ? null
          : state.original
        : (state.followups.find((f) => f.id === messageId) ??
          (state.original?.id === messageId ? state.original : null));
    if (!target) return unknownMessage;
    if (method === 'GET') return [200, target];
    if (method === 'DELETE') {
      if (target === state.original) state.originalDeleted = true;
      else state.followups = state.followups.filter((f) => f !== target);
      this.#messages.get(state.channelId)?.delete(target.id as string);
      return [204];
    }
    if (method !== 'PATCH') return [405, { message: '405: Method Not Allowed', code: 0 }];
    const data = (body ?? {}) as Json;
    const errors = validateMessage(data);
    if (!errors.empty) return [400, errors.body()];
    const next = applyEdit(target, data);
    // Uploaded files become the message's attachments (an edit without files keeps the old ones).
    if (files.length) next.attachments = files.map((name) => this.#attachmentFor(name, state.channelId));
    if (isEmptyMessage(next)) return [400, { message: 'Cannot send an empty message', code: 50006 }];
    next.flags = Number(target.flags ?? 0) & ~LOADING_FLAG;
    next.edited_timestamp = target.flags && Number(target.flags) & LOADING_FLAG ? null : new Date().toISOString();
    Object.assign(target, next);
    this.#record({
      kind: messageId === '@original' || target === state.original ? 'original' : 'followup',
      interactionId: state.id,
      channelId: state.channelId,
      messageId: target.id as string,
      body: data,
      message: { ...target },
      ephemeral: (Number(target.flags) & DISCORD.ephemeralFlag) !== 0,
      pings: computePings(data.content, data.allowed_mentions),
    });
    return [200, target];
  }

  /* ---------------------------------------------------------- channels */

  #editChannelMessage(channelId: string, messageId: string, body: unknown): [number, unknown?] {
    const target = this.#messages.get(channelId)?.get(messageId);
    if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
    if ((target.author as FakeUser).id !== this.bot.id)
      return [403, { message: 'Cannot edit a message authored by another user', code: 50005 }];
    const data = (body ?? {}) as Json;
    const errors = validateMessage(data);
    if (!errors.empty) return [400, errors.body()];
    const next = applyEdit(target, data);
    if (isEmptyMessage(next)) return [400, { message: 'Cannot send an empty message', code: 50006 }];
    next.edited_timestamp = new Date().toISOString();
    Object.assign(target, next);
    this.#record({
      kind: 'channel-edit',
      interactionId: null,
      channelId,
      messageId,
      body: data,
      message: { ...target },
      ephemeral: false,
      pings: computePings(data.content, data.allowed_mentions),
    });
    return [200, target];
  }

  /**
   * Start Thread from Message: a public thread (type 11) whose id is the message's id, owned by the bot;
   * the message gets `thread` and the HAS_THREAD flag; THREAD_CREATE goes to sessions with the Guilds intent.
   */
  #startThread(channelId: string, messageId: string, body: unknown): [number, unknown?] {
    const channel = this.#channels.get(channelId);
    if (!channel) return [404, { message: 'Unknown Channel', code: 10003 }];
    if (channel.type !== 0 && channel.type !== 5)
      return [400, { message: 'Cannot execute action on this channel type', code: 50024 }];
    const target = this.#messages.get(channelId)?.get(messageId);
    if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
    if (target.thread || this.#channels.has(messageId))
      return [400, { message: 'A thread has already been created for this message', code: 160004 }];
    const data = (body ?? {}) as Json;
    const errors = new FormErrors();
    const name = typeof data.name === 'string' ? data.name : '';
    if (name.length < 1 || name.length > 100)
      errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    const archive = data.auto_archive_duration;
    if (archive !== undefined && ![60, 1440, 4320, 10080].includes(Number(archive)))
      errors.add(['auto_archive_duration'], 'BASE_TYPE_CHOICES', 'Value must be one of {60, 1440, 4320, 10080}.');
    if (!errors.empty) return [400, errors.body()];
    const now = new Date().toISOString();
    const thread = publicThread(messageId, this.guildId, channelId, this.bot.id, name, now);
    (thread.thread_metadata as Json).auto_archive_duration = Number(archive ?? 4320);
    thread.member = { id: messageId, user_id: this.bot.id, join_timestamp: now, flags: 1 };
    this.#channels.set(messageId, thread);
    target.thread = thread;
    target.flags = Number(target.flags ?? 0) | (1 << 5);
    this.threadsStarted.push({ threadId: messageId, channelId, name, at: Date.now() });
    this.#dispatch('THREAD_CREATE', { ...thread, newly_created: true }, (s) => (s.intents & INTENT_BITS.Guilds) !== 0);
    return [201, thread];
  }

  #channelMessage(channelId: string, body: unknown): [number, unknown?] {
    const channel = this.#channels.get(channelId);
    if (!channel) return [404, { message: 'Unknown Channel', code: 10003 }];
    const data = (body ?? {}) as Json;
    const errors = validateMessage(data);
    let referenced: Json | null = null;
    const ref = data.message_reference as Json | undefined;
    if (ref) {
      referenced = this.#messages.get(channelId)?.get(String(ref.message_id)) ?? null;
      if (!referenced && ref.fail_if_not_exists !== false)
        errors.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    }
    if (!errors.empty) return [400, errors.body()];
    if (isEmptyMessage(data)) return [400, { message: 'Cannot send an empty message', code: 50006 }];
    const message = this.#makeMessage({
      channel,
      author: this.bot,
      content: String(data.content ?? ''),
      embeds: data.embeds,
      components: data.components,
      type: referenced ? 19 : 0,
      extra: referenced
        ? {
            message_reference: {
              type: 0,
              message_id: referenced.id,
              channel_id: channelId,
              guild_id: channel.guild_id,
            },
            referenced_message: referenced,
          }
        : {},
    });
    this.#store(message);
    const repliedTo = referenced ? ((referenced.author as FakeUser).id ?? null) : null;
    this.#record({
      kind: 'channel',
      interactionId: null,
      channelId,
      messageId: message.id as string,
      body: data,
      message,
      ephemeral: false,
      pings: computePings(data.content, data.allowed_mentions, repliedTo),
    });
    // Discord echoes the bot's own message back over the gateway.
    this.#dispatchMessage(message);
    return [200, message];
  }
}

/** One guild id per shard, `[i]` on shard i (`(id >> 22) % shards`: the id's millisecond decides). */
function guildsPerShard(shards: number): string[] {
  const now = Date.now();
  return Array.from({ length: shards }, (_, i) => {
    for (let at = now; ; at--) {
      const id = snowflake(at);
      if (Number((BigInt(id) >> 22n) % BigInt(shards)) === i) return id;
    }
  });
}

/** A message after an edit: content, embeds and components replaced where the edit gives them. */
function applyEdit(target: Json, data: Json): Json {
  const next: Json = { ...target };
  if ('content' in data) next.content = data.content ?? '';
  if ('embeds' in data) next.embeds = ((data.embeds as Json[] | null) ?? []).map((e) => ({ type: 'rich', ...e }));
  if ('components' in data) next.components = (data.components as Json[] | null) ?? [];
  return next;
}

function withoutUser({ user: _user, ...member }: Json): Json {
  return member;
}

function hasPermissions(have: string, need: string): boolean {
  const h = BigInt(have);
  const n = BigInt(need);
  return (h & ADMINISTRATOR) === ADMINISTRATOR || (h & n) === n;
}

/** Discord only delivers options that match the registered command: names, types, choices, required. */
function checkOptions(command: Json, given: Json[], autocomplete: boolean): void {
  const walk = (defs: Json[] | undefined, opts: Json[], where: string) => {
    const list = defs ?? [];
    for (const o of opts) {
      const def = list.find((d) => d.name === o.name);
      if (!def) throw new Error(`Discord would not deliver ${where}: unknown option "${o.name}"`);
      if (def.type !== o.type)
        throw new Error(
          `Discord would not deliver ${where}: option "${o.name}" has type ${o.type}, registered ${def.type}`,
        );
      if (def.type === 1 || def.type === 2) {
        walk(def.options as Json[] | undefined, (o.options as Json[] | undefined) ?? [], `${where} ${o.name}`);
        continue;
      }
      const choices = def.choices as Json[] | undefined;
      if (choices && !o.focused && !choices.some((c) => c.value === o.value))
        throw new Error(`Discord would not deliver ${where}: "${String(o.value)}" is not a choice of "${o.name}"`);
    }
    if (!autocomplete && !list.some((d) => d.type === 1 || d.type === 2)) {
      for (const d of list) {
        if (d.required && !opts.some((o) => o.name === d.name))
          throw new Error(`Discord would not deliver ${where}: required option "${d.name}" missing`);
      }
    }
  };
  walk(command.options as Json[] | undefined, given, `/${String(command.name)}`);
}
