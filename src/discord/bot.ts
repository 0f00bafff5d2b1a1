/**
 * The Discord bot: connects with discord.js, answers slash commands and mentions, shuts down cleanly
 * on SIGINT/SIGTERM. `config.apiUrl` (DISCORD_API_URL) points REST — and through `GET /gateway/bot`
 * the gateway — at a proxy or the test fake instead of Discord.
 */
import { Client, Events, GatewayIntentBits, Partials, REST } from 'discord.js';
import type { Config } from '../config.js';
import { log } from '../log.js';
import type { ReloadEvent, SourceStore } from '../store.js';
import { AdminCheck } from './admin.js';
import { handleInteraction } from './interactions.js';
import { handleMention, handleMentionEdit } from './mentions.js';
import { RateLimiter } from './rate-limit.js';
import { NO_PINGS } from './respond.js';
import type { BotContext } from './types.js';

/** Non-privileged intents only: mentions carry their content without the Message Content intent. */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Per user: this many questions (commands or mentions) per window. */
export const RATE_LIMIT = { limit: 5, windowMs: 30_000 };

/** Exit status for problems only an operator can fix (bad token, intents, configuration): sysexits EX_CONFIG. */
export const EXIT_CONFIG = 78;

/**
 * Gateway close codes after which reconnecting cannot help, with what the operator should do.
 * https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
 */
export const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed): the token was reset or revoked. Copy the current token from the Developer Portal (your app → Bot → Reset Token) into DISCORD_TOKEN and restart.',
  4010: 'Discord refused the shard settings (gateway close 4010, invalid shard). Check the shard count and ids and restart.',
  4011: 'Discord requires sharding for this bot (gateway close 4011). Start it with `npm run start:sharded`.',
  4012: 'Discord refused the gateway API version (close 4012). Update discord.js and restart.',
  4013: 'Discord refused the gateway intents as invalid (close 4013). This build requests an invalid intent value; report it as a bug.',
  4014: 'Discord refused a privileged gateway intent this bot is not approved for (close 4014, disallowed intents). Enable it in the Developer Portal (your app → Bot → Privileged Gateway Intents) or stop requesting it, then restart.',
};

/** A failure that must stop the process: `message` says what the operator should do. */
export class FatalError extends Error {
  override name = 'FatalError';
  constructor(
    message: string,
    readonly exitCode = EXIT_CONFIG,
    readonly closeCode?: number,
  ) {
    super(message);
  }
}

/** Errors @discordjs/ws reports before a fatal close; the fatal line says it better. */
const FATAL_WS_ERRORS =
  /^(?:Authentication failed|Invalid shard|Sharding is required|Used an invalid API version|Used invalid intents|Used disallowed intents)$/;

/** Sent by a shard to the ShardingManager after it changed or reloaded the sources. */
export const SOURCES_CHANGED = 'talks-bot:sources-changed';
/** Sent by the ShardingManager to every other shard: reload, another shard changed the sources. */
export const RELOAD_SOURCES = 'talks-bot:reload-sources';

/**
 * Under the ShardingManager every shard holds its own snapshot: a reload (or add/remove) done on one
 * shard is announced to the manager, which asks every other shard to reload from the same folder.
 * Reloads asked for by a peer are not announced again.
 */
export function linkShards(client: Pick<Client, 'shard' | 'isReady'>, store: SourceStore): void {
  store.events.on('reload', (e: ReloadEvent) => {
    if (!e.ok || e.origin !== 'local' || !client.isReady()) return;
    client.shard
      ?.send({ type: SOURCES_CHANGED })
      .catch((err: unknown) => log.warn({ err }, 'could not tell the other shards to reload'));
  });
  process.on('message', (message: { type?: string } | null) => {
    if (message?.type !== RELOAD_SOURCES) return;
    void store.reload({ origin: 'peer' }).then(
      (result) =>
        result.ok
          ? log.info(
              { articles: result.snapshot.corpus.articles.length },
              'reloaded: another shard changed the sources',
            )
          : log.error(
              { errors: result.errors },
              'reload asked for by another shard failed; the previous index keeps serving',
            ),
      (err: unknown) => log.error({ err }, 'reload asked for by another shard failed'),
    );
  });
}

/** The error message @discordjs/ws gives for each fatal close code. */
function wsErrorFor(code: number): string | undefined {
  return {
    4004: 'Authentication failed',
    4010: 'Invalid shard',
    4011: 'Sharding is required',
    4012: 'Used an invalid API version',
    4013: 'Used invalid intents',
    4014: 'Used disallowed intents',
  }[code];
}

export interface BotHandle {
  client: Client;
  stop(reason?: string): Promise<void>;
}

export function createClient(config: Config): Client {
  const client = new Client({
    intents: INTENTS,
    // DMs arrive for channels the bot has not cached yet.
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
  exemptInteractionWebhooks(client, config);
  return client;
}

/**
 * Interaction follow-ups and edits (`/webhooks/<app>/<interaction token>`, sent without the bot token)
 * are not bound by Discord's global 50 requests/s bot limit, but @discordjs/rest counts every request
 * against it: 1,000 answers after a burst then trickle out over 20 s. They go through a second REST
 * client without the global cap instead; per-route limits (and 429 retries) still apply there.
 */
export function exemptInteractionWebhooks(client: Client, config: Pick<Config, 'apiUrl'>): REST {
  const webhooks = new REST({
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    globalRequestsPerSecond: Number.MAX_SAFE_INTEGER,
  });
  const request = client.rest.request.bind(client.rest);
  client.rest.request = (options) =>
    options.auth === false && options.fullRoute.startsWith('/webhooks/') ? webhooks.request(options) : request(options);
  return webhooks;
}

export async function startBot(
  config: Config,
  store: SourceStore,
  options: {
    handleSignals?: boolean;
    /** Called once when the bot cannot go on (fatal gateway close). Default: log it, shut down, exit non-zero. */
    onFatal?: (err: FatalError) => void;
  } = {},
): Promise<BotHandle> {
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set; the bot cannot connect to Discord.');
  const client = createClient(config);
  const ctx: BotContext = {
    config,
    store,
    limiter: new RateLimiter(RATE_LIMIT),
    admins: new AdminCheck(config.adminUserIds, () => client.application?.fetch() ?? Promise.resolve(null)),
  };

  if (client.shard) linkShards(client, store);

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, ctx);
  });
  client.on(Events.MessageUpdate, (_old, updated) => {
    // An edited question updates the bot's answer to it (a partial message is fetched first).
    void (updated.partial ? updated.fetch() : Promise.resolve(updated))
      .then((message) => handleMentionEdit(message, ctx))
      .catch((err: unknown) =>
        log.warn({ err, message: updated.id }, 'could not update the answer to an edited question'),
      );
  });
  client.on(Events.MessageCreate, (message) => {
    void handleMention(message, ctx);
  });
  client.once(Events.ClientReady, (ready) => {
    log.info(
      { user: ready.user.tag, id: ready.user.id, guilds: ready.guilds.cache.size, api: config.apiUrl ?? 'discord' },
      'connected to Discord',
    );
    void ctx.admins.owners();
  });
  client.on(Events.Error, (err) => {
    if (FATAL_WS_ERRORS.test(err.message)) log.debug({ err }, 'discord.js error before a fatal close');
    else log.error({ err }, 'discord.js error');
  });
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord.js warning'));
  client.on(Events.Debug, (message) => log.debug({ message }, 'discord.js'));
  client.on(Events.ShardDisconnect, (event, shard) => {
    const fatal = FATAL_CLOSE_CODES[event.code];
    if (fatal) fail(new FatalError(fatal, EXIT_CONFIG, event.code));
    else log.warn({ code: event.code, shard }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));

  let stopping: Promise<void> | null = null;
  const stop = (reason = 'stop requested'): Promise<void> => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down');
      // A reload in progress is cancelled (nothing half-built is swapped in; files are written atomically).
      await Promise.all([client.destroy(), store.close()]);
      log.info('disconnected from Discord');
    })();
    return stopping;
  };

  let failed: FatalError | null = null;
  let loggedIn = false;
  const fail = (err: FatalError): void => {
    if (failed) return;
    failed = err;
    // During login the error is thrown from startBot instead (login rejects too), and reported once there.
    if (!loggedIn) return;
    if (options.onFatal) {
      options.onFatal(err);
      return;
    }
    log.fatal({ closeCode: err.closeCode, exitCode: err.exitCode }, err.message);
    setTimeout(() => process.exit(err.exitCode), 5_000).unref();
    stop('fatal error').finally(() => process.exit(err.exitCode));
  };

  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      // A second signal while shutting down exits at once.
      if (stopping) process.exit(1);
      setTimeout(() => process.exit(1), 10_000).unref();
      stop(signal).then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  try {
    await client.login(config.discordToken);
    loggedIn = true;
    // A fatal close that raced the login's success.
    if (failed) {
      const err: FatalError = failed;
      failed = null;
      fail(err);
    }
  } catch (err) {
    await Promise.all([client.destroy().catch(() => undefined), store.close()]);
    if (failed) throw failed;
    const fatal = Object.entries(FATAL_CLOSE_CODES).find(
      ([code]) => wsErrorFor(Number(code)) === (err as Error).message,
    );
    if (fatal) throw new FatalError(fatal[1], EXIT_CONFIG, Number(fatal[0]));
    const name = (err as { code?: string }).code;
    if (name === 'TokenInvalid') {
      throw new FatalError(
        'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the current bot token from the Developer Portal (your app → Bot → Reset Token) into DISCORD_TOKEN and restart.',
      );
    }
    if (name === 'DisallowedIntents') {
      throw new FatalError(FATAL_CLOSE_CODES[4014] as string, EXIT_CONFIG, 4014);
    }
    throw err;
  }
  return { client, stop };
}
