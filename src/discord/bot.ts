/**
 * The Discord bot: connects with discord.js, answers slash commands and mentions, shuts down cleanly
 * on SIGINT/SIGTERM. `config.apiUrl` (DISCORD_API_URL) points REST — and through `GET /gateway/bot`
 * the gateway — at a proxy or the test fake instead of Discord.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../config.js';
import { log } from '../log.js';
import type { SourceStore } from '../store.js';
import { AdminCheck } from './admin.js';
import { handleInteraction } from './interactions.js';
import { handleMention } from './mentions.js';
import { RateLimiter } from './rate-limit.js';
import { NO_PINGS } from './respond.js';
import type { BotContext } from './types.js';

/** Non-privileged intents only: mentions carry their content without the Message Content intent. */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Per user: this many questions (commands or mentions) per window. */
export const RATE_LIMIT = { limit: 5, windowMs: 30_000 };

export interface BotHandle {
  client: Client;
  stop(reason?: string): Promise<void>;
}

export function createClient(config: Config): Client {
  return new Client({
    intents: INTENTS,
    // DMs arrive for channels the bot has not cached yet.
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
}

export async function startBot(
  config: Config,
  store: SourceStore,
  options: { handleSignals?: boolean } = {},
): Promise<BotHandle> {
  if (!config.discordToken) throw new Error('DISCORD_TOKEN is not set; the bot cannot connect to Discord.');
  const client = createClient(config);
  const ctx: BotContext = {
    config,
    store,
    limiter: new RateLimiter(RATE_LIMIT),
    admins: new AdminCheck(config.adminUserIds, () => client.application?.fetch() ?? Promise.resolve(null)),
  };

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, ctx);
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
  client.on(Events.Error, (err) => log.error({ err }, 'discord.js error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord.js warning'));
  client.on(Events.Debug, (message) => log.debug({ message }, 'discord.js'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));

  let stopping: Promise<void> | null = null;
  const stop = (reason = 'stop requested'): Promise<void> => {
    stopping ??= (async () => {
      log.info({ reason }, 'shutting down');
      await client.destroy();
      log.info('disconnected from Discord');
    })();
    return stopping;
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
  } catch (err) {
    await client.destroy().catch(() => undefined);
    const name = (err as { code?: string }).code;
    if (name === 'TokenInvalid') {
      throw new Error('Discord rejected DISCORD_TOKEN (401). Copy the bot token again from the Developer Portal.');
    }
    if (name === 'DisallowedIntents') {
      throw new Error('Discord refused the requested gateway intents; check the bot settings in the Developer Portal.');
    }
    throw err;
  }
  return { client, stop };
}
