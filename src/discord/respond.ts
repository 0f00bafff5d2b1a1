/**
 * How the bot answers an interaction: never pings anyone, acknowledges every interaction before any
 * answer is computed (Discord's deadline is 3 s), computes answers in the answer queue, and turns
 * unexpected failures into a short ephemeral apology.
 */
import {
  type InteractionDeferReplyOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type MessageMentionOptions,
} from 'discord.js';
import { BotMetrics, metrics } from '../metrics.js';
import { type AnswerQueue, answerQueue } from './queue.js';
import type { RenderedMessage } from './render.js';

/** On every message: mentions are shown but notify no one (not @everyone, roles, users, nor the replied-to author). */
export const NO_PINGS: MessageMentionOptions = Object.freeze({
  parse: [],
  repliedUser: false,
}) as MessageMentionOptions;

/**
 * An answer expected to start later than this after its interaction arrived is acknowledged with an
 * honest "busy, answering in order" message instead of a bare "thinking…" (edited into the answer later).
 */
export const BUSY_NOTICE_AFTER_MS = 2000;

export const APOLOGY =
  'Sorry — something went wrong on my side while answering. It has been logged; please try again in a moment.';

export const TOO_BUSY = 'I have too many questions waiting right now to take yours — please ask again in a minute.';

/** The acknowledgement shown while a long queue is worked through; edited into the answer when it is ready. */
export function busyMessage(ahead: number): string {
  return `⏳ Busy: ${ahead} question${ahead === 1 ? '' : 's'} ahead of yours — answering in order; this message will show the answer.`;
}

/** Interactions whose reply was already turned into the apology (so `apologize` does not send a second one). */
const apologized = new WeakSet<object>();

/** The parts of a command/autocomplete-free interaction the reply helpers use (a `ChatInputCommandInteraction`). */
export interface Repliable {
  readonly createdTimestamp: number;
  readonly deferred: boolean;
  readonly replied: boolean;
  readonly ephemeral: boolean | null;
  reply(options: InteractionReplyOptions): Promise<unknown>;
  deferReply(options?: InteractionDeferReplyOptions): Promise<unknown>;
  editReply(options: InteractionEditReplyOptions): Promise<unknown>;
  followUp(options: InteractionReplyOptions): Promise<unknown>;
  deleteReply(): Promise<unknown>;
}

export function replyOptions(message: RenderedMessage, ephemeral = false): InteractionReplyOptions {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    allowedMentions: NO_PINGS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

export function editOptions(message: RenderedMessage): InteractionEditReplyOptions {
  return { content: message.content ?? null, embeds: message.embeds, allowedMentions: NO_PINGS };
}

/** A plain ephemeral notice (errors, refusals, rate limits). */
export function notice(content: string): InteractionReplyOptions {
  return { content, allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral };
}

export interface ReplyPlan {
  ephemeral?: boolean;
  /** The queue the answer is computed in (the process-wide one by default). */
  queue?: AnswerQueue;
  /** Acknowledge with the "busy" message when the expected wait exceeds this (default BUSY_NOTICE_AFTER_MS). */
  busyAfterMs?: number;
}

/** What `replyWithin` did, for metrics and logs. */
export type ReplyOutcome = 'answered' | 'busy-answered' | 'refused-busy';

/**
 * Acknowledges first, then answers: the interaction is deferred (or, when the queue is long, given an
 * honest "busy" reply) before anything is computed, the answer is produced in the answer queue (which
 * yields to the event loop between answers, so later interactions are acknowledged meanwhile), and the
 * acknowledgement is edited into the answer. A full queue refuses at once rather than answering late.
 */
export async function replyWithin(
  interaction: Repliable,
  produce: () => RenderedMessage | Promise<RenderedMessage>,
  plan: ReplyPlan = {},
): Promise<ReplyOutcome> {
  const queue = plan.queue ?? answerQueue;
  const flags = plan.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  if (queue.full) {
    metrics.busy.inc({ state: 'refused' });
    await interaction.reply(notice(TOO_BUSY));
    return 'refused-busy';
  }
  const busy = queue.expectedWaitMs() > (plan.busyAfterMs ?? BUSY_NOTICE_AFTER_MS);
  const acknowledged = busy
    ? interaction.reply({ content: busyMessage(queue.pending), allowedMentions: NO_PINGS, ...flags })
    : interaction.deferReply(flags);
  if (busy) metrics.busy.inc({ state: 'busy_notice' });
  // Answers are awaited from the snapshot worker (`answerWithoutBlocking`), so the acknowledgement leaves
  // while the engine works. (Holding each answer until its acknowledgement returned was tried: it made a
  // blocking engine safe, but under a burst of 1,000 it lost 100–430 acknowledgements instead of 0–50.)
  const job = queue.run(produce);
  try {
    await acknowledged;
    metrics.ackLatency.observe(BotMetrics.since(interaction.createdTimestamp));
  } catch (err) {
    // Not acknowledged (too late, or Discord refused): nobody would see the answer, so do not compute it.
    job.cancel();
    job.result.catch(() => undefined);
    throw err;
  }
  let message: RenderedMessage;
  try {
    message = await job.result;
  } catch (err) {
    if (busy) {
      // Turn the public "busy" message into the apology rather than leaving it waiting forever.
      await interaction.editReply({ content: APOLOGY, embeds: [], allowedMentions: NO_PINGS }).then(
        () => apologized.add(interaction),
        () => undefined,
      );
    }
    throw err;
  }
  await interaction.editReply(editOptions(message));
  metrics.answerLatency.observe(BotMetrics.since(interaction.createdTimestamp));
  return busy ? 'busy-answered' : 'answered';
}

/** Defers at once (for work known to be slow: reloads, downloads), then edits the answer in. */
export async function deferThenReply(
  interaction: Repliable,
  produce: () => Promise<RenderedMessage>,
  plan: { ephemeral?: boolean } = {},
): Promise<void> {
  await interaction.deferReply(plan.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  metrics.ackLatency.observe(BotMetrics.since(interaction.createdTimestamp));
  const message = await produce();
  await interaction.editReply(editOptions(message));
}

/** A short ephemeral apology, wherever the interaction stands (not yet answered, deferred, or answered). */
export async function apologize(interaction: Repliable): Promise<void> {
  if (apologized.has(interaction)) return;
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) {
      await interaction.editReply({ content: APOLOGY, embeds: [], allowedMentions: NO_PINGS });
      return;
    }
    // A public "thinking…" placeholder: remove it and apologise privately.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(notice(APOLOGY));
  } else if (interaction.replied) {
    await interaction.followUp(notice(APOLOGY));
  } else {
    await interaction.reply(notice(APOLOGY));
  }
}
