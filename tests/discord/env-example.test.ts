import { readFile } from 'node:fs/promises';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { envSchema, parseConfig } from '../../src/config.js';

describe('.env.example', () => {
  it('documents every configuration key', async () => {
    const example = parse(await readFile('.env.example', 'utf8'));
    expect(Object.keys(example).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
  it('is a valid configuration as it stands (console mode, seeds, info logs)', async () => {
    const config = parseConfig(parse(await readFile('.env.example', 'utf8')));
    expect(config).toMatchObject({ discordToken: undefined, sourcesDir: 'seeds', logLevel: 'info', adminUserIds: [] });
  });
});
