import type { Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkShards, RELOAD_SOURCES, SOURCES_CHANGED } from '../../src/discord/bot.js';
import { type ReloadEvent, SourceStore } from '../../src/store.js';
import { SEEDS } from '../helpers.js';

describe('linkShards', () => {
  let before: unknown[] = [];
  beforeEach(() => {
    before = process.listeners('message');
  });
  afterEach(() => {
    // Only the listeners these tests added (vitest's own IPC listener stays).
    for (const l of process.listeners('message')) if (!before.includes(l)) process.off('message', l as never);
  });

  function linked() {
    const sent: unknown[] = [];
    const client = {
      shard: { send: async (message: unknown) => sent.push(message) },
      isReady: () => true,
    } as unknown as Pick<Client, 'shard' | 'isReady'>;
    const store = new SourceStore(SEEDS);
    linkShards(client, store);
    const reloads: ReloadEvent[] = [];
    store.events.on('reload', (e: ReloadEvent) => reloads.push(e));
    return { sent, store, reloads };
  }

  it('tells the manager after a reload asked for on this shard', async () => {
    const { sent, store } = linked();
    await store.reload();
    expect(sent).toEqual([{ type: SOURCES_CHANGED }]);
  });

  it('reloads when the manager relays a change from another shard, without announcing it again', async () => {
    const { sent, reloads } = linked();
    process.emit('message', { type: RELOAD_SOURCES }, undefined);
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 20_000;
      const check = () =>
        reloads.length > 0 ? resolve() : Date.now() > deadline ? reject(new Error('no reload')) : setTimeout(check, 20);
      check();
    });
    expect(reloads[0]).toMatchObject({ ok: true, origin: 'peer' });
    expect(sent).toEqual([]);
  });

  it('ignores other messages from the manager', async () => {
    const { reloads } = linked();
    process.emit('message', { _eval: 'this.ws.ping' }, undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(reloads).toEqual([]);
  });
});
