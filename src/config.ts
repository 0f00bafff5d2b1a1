import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/**
 * The one place that reads the environment. Everything else receives a validated `Config`.
 * `.env` (if present) is loaded first; real environment variables win over it.
 */

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const envSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[\w-]+\.[\w-]+\.[\w-]+$/,
        'does not look like a bot token (three dot-separated parts); copy it again from the Developer Portal',
      )
      .optional(),
  ),
  ADMIN_USER_IDS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : (v ?? []),
    z.array(snowflake),
  ),
  SOURCES_DIR: z.preprocess(emptyToUndefined, z.string().default('seeds')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DISCORD_GUILD_ID: z.preprocess(emptyToUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Where the bot keeps what it writes (feedback votes); `data` when unset. */
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  METRICS_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be a TCP port (1–65535)')
      .max(65_535, 'must be a TCP port (1–65535)')
      .optional(),
  ),
  SHARD_COUNT: z.preprocess(
    emptyToUndefined,
    z
      .union([
        z.literal('auto'),
        z.coerce.number().int('must be a whole number or auto').min(1, 'must be at least 1 (or auto)'),
      ])
      .default('auto'),
  ),
  METRICS_HOST: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w.:-]+$/, 'must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0')
      .default('127.0.0.1'),
  ),
});

export interface Config {
  discordToken: string | undefined;
  adminUserIds: string[];
  sourcesDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  guildId: string | undefined;
  /** REST base without the version segment, e.g. `http://127.0.0.1:8080/api`. */
  apiUrl: string | undefined;
  /** DATA_DIR: where feedback votes are stored (`data` when unset). */
  dataDir?: string | undefined;
  /** METRICS_PORT: port for /healthz and /metrics; no HTTP server when unset. */
  metricsPort?: number | undefined;
  /** METRICS_HOST: address the metrics server listens on (127.0.0.1 by default). */
  metricsHost?: string;
  /** SHARD_COUNT for `npm run start:sharded`: a number, or `auto` (Discord's recommendation). */
  shardCount?: number | 'auto';
  /** The shard ids this process runs when started by the ShardingManager (its SHARDS variable); else null. */
  shardIds?: number[] | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates an environment; throws a `ConfigError` whose message names every bad key. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(
      `Invalid configuration (check your environment or .env; see .env.example):\n${lines.join('\n')}`,
    );
  }
  const e = result.data;
  return {
    discordToken: e.DISCORD_TOKEN,
    adminUserIds: e.ADMIN_USER_IDS,
    sourcesDir: e.SOURCES_DIR,
    logLevel: e.LOG_LEVEL,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    shardCount: e.SHARD_COUNT,
    shardIds: shardIdsFrom(env.SHARDS),
  };
}

/** SHARDS as discord.js' ShardingManager sets it for a shard process: a JSON array of ids. */
function shardIdsFrom(value: string | undefined): number[] | null {
  if (!value) return null;
  try {
    const ids: unknown = JSON.parse(value);
    return Array.isArray(ids) && ids.every((id) => Number.isInteger(id)) ? (ids as number[]) : null;
  } catch {
    return null;
  }
}

let cached: Config | undefined;

/** The process configuration: `.env` + environment, validated once. */
export function getConfig(): Config {
  if (!cached) {
    loadDotenv({ quiet: true });
    cached = parseConfig(process.env);
  }
  return cached;
}

/** For entry points: the config, or a readable message on stderr and exit code 1. */
export function getConfigOrExit(): Config {
  try {
    return getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
