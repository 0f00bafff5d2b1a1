import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

describe('parseConfig', () => {
  it('runs without a token, with defaults for everything else', () => {
    expect(parseConfig({})).toEqual({
      discordToken: undefined,
      adminUserIds: [],
      sourcesDir: 'seeds',
      logLevel: 'info',
      guildId: undefined,
      apiUrl: undefined,
      metricsPort: undefined,
      metricsHost: '127.0.0.1',
      shardCount: 'auto',
      shardIds: null,
    });
  });

  it('reads SHARD_COUNT as a number or auto, and the shard ids the ShardingManager gives a shard', () => {
    expect(parseConfig({ SHARD_COUNT: '2', SHARDS: '[1]' })).toMatchObject({ shardCount: 2, shardIds: [1] });
    expect(parseConfig({ SHARD_COUNT: 'auto' }).shardCount).toBe('auto');
    expect(() => parseConfig({ SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT: /);
    expect(parseConfig({ SHARDS: 'garbage' }).shardIds).toBeNull();
  });

  it('reads METRICS_PORT as a port number and refuses anything that is not one, naming the key', () => {
    expect(parseConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toMatchObject({
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
    });
    expect(() => parseConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT: /);
    expect(() => parseConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT: must be a TCP port/);
    expect(() => parseConfig({ METRICS_HOST: 'http://x/' })).toThrow(/METRICS_HOST: must be a host name/);
  });

  it('treats empty values from .env as unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: ' ', SOURCES_DIR: '' }).sourcesDir).toBe('seeds');
  });

  it('reads admin ids as a comma-separated list and strips a trailing slash from the API URL', () => {
    const config = parseConfig({
      ADMIN_USER_IDS: '123456789012345678, 234567890123456789',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
    });
    expect(config.adminUserIds).toEqual(['123456789012345678', '234567890123456789']);
    expect(config.apiUrl).toBe('http://127.0.0.1:8080/api');
  });

  it('names every bad key in one readable message', () => {
    try {
      parseConfig({ DISCORD_TOKEN: 'nope', ADMIN_USER_IDS: 'alice', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const key of ['DISCORD_TOKEN', 'ADMIN_USER_IDS', 'LOG_LEVEL', 'DISCORD_API_URL'])
        expect(message).toContain(key);
      expect(message).toContain('.env.example');
    }
  });
});
