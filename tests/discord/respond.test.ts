import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../src/discord/queue.js';
import {
  APOLOGY,
  apologize,
  busyMessage,
  NO_PINGS,
  type Repliable,
  replyWithin,
  TOO_BUSY,
} from '../../src/discord/respond.js';

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

/** A queue whose first job can be held until released, so later jobs wait behind it. */
function heldQueue(options: { maxPending?: number } = {}) {
  const queue = new AnswerQueue(options);
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const held = queue.run(() => gate);
  return { queue, release, held: held.result };
}

describe('replyWithin', () => {
  it('acknowledges with a deferral before the answer is computed, then edits the answer in without pings', async () => {
    const i = fakeInteraction();
    let seenWhenProducing: string[] = [];
    await replyWithin(i, () => {
      seenWhenProducing = i.calls.map((c) => c.method);
      return message;
    });
    expect(seenWhenProducing).toEqual(['deferReply']);
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(i.calls[1]?.options).toMatchObject({ embeds: message.embeds, allowedMentions: NO_PINGS });
  });

  it('acknowledges at once even while earlier answers are still being computed', async () => {
    const { queue, release, held } = heldQueue();
    const i = fakeInteraction();
    const replying = replyWithin(i, () => message, { queue });
    // The acknowledgement is requested synchronously, before the queue gets to this answer.
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply']);
    release();
    await held;
    await replying;
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('keeps an ephemeral request ephemeral', async () => {
    const i = fakeInteraction();
    await replyWithin(i, () => message, { ephemeral: true });
    expect(i.calls[0]).toEqual({ method: 'deferReply', options: { flags: MessageFlags.Ephemeral } });
  });

  it('says honestly that it is busy and answering in order when the queue is long, then shows the answer there', async () => {
    const { queue, release, held } = heldQueue();
    const i = fakeInteraction();
    const replying = replyWithin(i, () => message, { queue, busyAfterMs: 0 });
    expect(i.calls[0]?.method).toBe('reply');
    expect(i.calls[0]?.options).toMatchObject({
      content: busyMessage(1),
      allowedMentions: NO_PINGS,
    });
    expect(busyMessage(1)).toMatch(/Busy: 1 question ahead of yours — answering in order/);
    release();
    await held;
    expect(await replying).toBe('busy-answered');
    expect(i.calls[1]).toMatchObject({ method: 'editReply', options: { content: null, embeds: message.embeds } });
  });

  it('refuses at once with a clear message when the queue is full, computing nothing', async () => {
    const { queue, release, held } = heldQueue({ maxPending: 1 });
    const i = fakeInteraction();
    let produced = false;
    const outcome = await replyWithin(
      i,
      () => {
        produced = true;
        return message;
      },
      { queue },
    );
    expect(outcome).toBe('refused-busy');
    expect(i.calls).toEqual([{ method: 'reply', options: expect.objectContaining({ content: TOO_BUSY }) }]);
    release();
    await held;
    expect(produced).toBe(false);
  });

  it('does not compute an answer whose interaction could not be acknowledged', async () => {
    const { queue, release, held } = heldQueue();
    const i = fakeInteraction();
    i.deferReply = async () => {
      throw new Error('Unknown interaction');
    };
    let produced = false;
    const replying = replyWithin(
      i,
      () => {
        produced = true;
        return message;
      },
      { queue },
    );
    await expect(replying).rejects.toThrow('Unknown interaction');
    release();
    await held;
    await new Promise((r) => setImmediate(r));
    expect(produced).toBe(false);
  });

  it('passes an error on after the deferral, so the apology replaces "thinking…"', async () => {
    const i = fakeInteraction();
    await expect(
      replyWithin(i, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(i.deferred).toBe(true);
    await apologize(i);
    expect(i.calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
  });

  it('turns a public "busy" message into the apology, and apologises only once', async () => {
    const { queue, release, held } = heldQueue();
    const i = fakeInteraction();
    const replying = replyWithin(
      i,
      () => {
        throw new Error('boom');
      },
      { queue, busyAfterMs: 0 },
    );
    release();
    await held;
    await expect(replying).rejects.toThrow('boom');
    await apologize(i);
    expect(i.calls.map((c) => c.method)).toEqual(['reply', 'editReply']);
    expect(i.calls[1]?.options).toMatchObject({ content: APOLOGY, embeds: [] });
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
