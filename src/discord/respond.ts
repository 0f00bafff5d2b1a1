/**
 * How the bot answers an interaction: never pings anyone, defers when an answer might miss Discord's
 * 3-second acknowledgement deadline, and turns unexpected failures into a short ephemeral apology.
 */
import {
  type InteractionDeferReplyOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type MessageMentionOptions,
} from 'discord.js';
import type { RenderedMessage } from './render.js';

/** On every message: mentions are shown but notify no one (not @everyone, roles, users, nor the replied-to author). */
export const NO_PINGS: MessageMentionOptions = Object.freeze({
  parse: [],
  repliedUser: false,
}) as MessageMentionOptions;

/** Discord gives 3 s to acknowledge an interaction; defer when the answer is not ready after this long. */
export const DEFER_AFTER_MS = 2000;

export const APOLOGY =
  'Sorry — something went wrong on my side while answering. It has been logged; please try again in a moment.';

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
  /** Defer if the answer is not ready this long after Discord created the interaction. */
  deferAfterMs?: number;
  now?: () => number;
}

/**
 * Produces an answer and sends it as the interaction reply. If it is not ready in time to meet the
 * acknowledgement deadline, the interaction is deferred first and the answer edited in when ready.
 */
export async function replyWithin(
  interaction: Repliable,
  produce: () => RenderedMessage | Promise<RenderedMessage>,
  plan: ReplyPlan = {},
): Promise<void> {
  const now = plan.now ?? Date.now;
  // The interaction's age by Discord's clock; clamped so a skewed local clock cannot make us skip deferring.
  const age = Math.min(Math.max(0, now() - interaction.createdTimestamp), 1000);
  const wait = Math.max(0, (plan.deferAfterMs ?? DEFER_AFTER_MS) - age);
  const state: { deferring: Promise<unknown> | null } = { deferring: null };
  const timer = setTimeout(() => {
    state.deferring = interaction.deferReply(plan.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }, wait);
  let message: RenderedMessage;
  try {
    message = await produce();
  } catch (err) {
    // Let a deferral in flight finish so the apology goes to the right place.
    if (state.deferring) await state.deferring.catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  if (state.deferring) {
    await state.deferring;
    await interaction.editReply(editOptions(message));
  } else {
    await interaction.reply(replyOptions(message, plan.ephemeral));
  }
}

/** Defers at once (for work known to be slow: reloads, downloads), then edits the answer in. */
export async function deferThenReply(
  interaction: Repliable,
  produce: () => Promise<RenderedMessage>,
  plan: { ephemeral?: boolean } = {},
): Promise<void> {
  await interaction.deferReply(plan.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const message = await produce();
  await interaction.editReply(editOptions(message));
}

/** A short ephemeral apology, wherever the interaction stands (not yet answered, deferred, or answered). */
export async function apologize(interaction: Repliable): Promise<void> {
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
