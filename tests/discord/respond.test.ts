import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { APOLOGY, apologize, NO_PINGS, type Repliable, replyWithin } from '../../src/discord/respond.js';

/** A stand-in interaction that records the calls discord.js would turn into REST requests. */
function fakeInteraction(createdAgoMs = 0) {
  const calls: { method: string; options: unknown }[] = [];
  const i = {
    createdTimestamp: Date.now() - createdAgoMs,
    deferred: false,
    replied: false,
    ephemeral: null as boolean | null,
    calls,
    async reply(options: { flags?: number }) {
      calls.push({ method: 'reply', options });
      i.replied = true;
      i.ephemeral = Boolean((options.flags ?? 0) & MessageFlags.Ephemeral);
    },
    async deferReply(options: { flags?: number } = {}) {
      calls.push({ method: 'deferReply', options });
      i.deferred = true;
      i.ephemeral = Boolean((options.flags ?? 0) & MessageFlags.Ephemeral);
    },
    async editReply(options: unknown) {
      calls.push({ method: 'editReply', options });
      i.replied = true;
    },
    async followUp(options: unknown) {
      calls.push({ method: 'followUp', options });
    },
    async deleteReply() {
      calls.push({ method: 'deleteReply', options: undefined });
    },
  };
  return i as typeof i & Repliable;
}

const message = { embeds: [{ description: 'answer' }] };

describe('replyWithin', () => {
  it('replies directly, with no pings, when the answer is ready in time', async () => {
    const i = fakeInteraction();
    await replyWithin(i, () => message);
    expect(i.calls.map((c) => c.method)).toEqual(['reply']);
    expect(i.calls[0]?.options).toMatchObject({ embeds: message.embeds, allowedMentions: NO_PINGS });
  });
  it('defers first and edits the answer in when it is slow', async () => {
    const i = fakeInteraction();
    await replyWithin(i, () => new Promise((r) => setTimeout(() => r(message), 120)), { deferAfterMs: 30 });
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(i.calls[1]?.options).toMatchObject({ embeds: message.embeds, allowedMentions: NO_PINGS });
  });
  it('counts time already spent since Discord created the interaction', async () => {
    const i = fakeInteraction(900);
    await replyWithin(i, () => new Promise((r) => setTimeout(() => r(message), 150)), { deferAfterMs: 1000 });
    expect(i.calls[0]?.method).toBe('deferReply');
  });
  it('keeps an ephemeral request ephemeral whether deferred or not', async () => {
    const a = fakeInteraction();
    await replyWithin(a, () => message, { ephemeral: true });
    expect(a.calls[0]?.options).toMatchObject({ flags: MessageFlags.Ephemeral });
    const b = fakeInteraction();
    await replyWithin(b, () => new Promise((r) => setTimeout(() => r(message), 80)), {
      ephemeral: true,
      deferAfterMs: 10,
    });
    expect(b.calls[0]).toEqual({ method: 'deferReply', options: { flags: MessageFlags.Ephemeral } });
  });
  it('lets a deferral in flight finish before passing an error on', async () => {
    const i = fakeInteraction();
    const failing = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('boom')), 60));
    await expect(replyWithin(i, failing, { deferAfterMs: 10 })).rejects.toThrow('boom');
    expect(i.deferred).toBe(true);
  });
});

describe('apologize', () => {
  it('replies with a short ephemeral apology when nothing was sent yet', async () => {
    const i = fakeInteraction();
    await apologize(i);
    expect(i.calls).toEqual([
      { method: 'reply', options: { content: APOLOGY, allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral } },
    ]);
  });
  it('replaces a public "thinking…" placeholder with an ephemeral apology', async () => {
    const i = fakeInteraction();
    await i.deferReply();
    await apologize(i);
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(i.calls[2]?.options).toMatchObject({ content: APOLOGY, flags: MessageFlags.Ephemeral });
  });
  it('edits an ephemeral deferral into the apology', async () => {
    const i = fakeInteraction();
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await apologize(i);
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });
  it('follows up when the reply was already sent', async () => {
    const i = fakeInteraction();
    await i.reply({});
    await apologize(i);
    expect(i.calls[1]).toMatchObject({ method: 'followUp', options: { content: APOLOGY } });
  });
});
