/**
 * Everything that is not a known slash command or autocomplete: button clicks (pages, views,
 * feedback, confirmations) and commands the bot no longer has (a stale registration). Routed here by
 * one line in interactions.ts.
 */
import { type ButtonInteraction, type Interaction, MessageFlags } from 'discord.js';
import { answerWithoutBlocking } from '../engine/engine.js';
import { log } from '../log.js';
import { handleAdminButton, isAdminButton } from './admin-buttons.js';
import { CHART_FILE } from './chart.js';
import { decodePage, FEEDBACK_DOWN, FEEDBACK_UP, THREAD_BUTTON } from './components.js';
import { recordVote } from './feedback.js';
import { commandIdsFor, unknownCommandMessage } from './help.js';
import type { RenderedMessage } from './render.js';
import { NO_PINGS, notice } from './respond.js';
import { canStartThreadIn, startAnswerThread } from './threads.js';
import type { BotContext } from './types.js';
import { questionOf, viewFor } from './views.js';

export const ONLY_ASKER =
  'Only the person who asked can turn the pages of that message, so here is your own copy (only you can see it).';
export const NO_QUESTION =
  'I cannot reopen this answer: its question was too long to keep with it. Please ask again with a shorter question.';
export const BUTTON_FAILED = 'Sorry — that button did not work. Please try again in a moment.';
export const EXPIRED = 'That message is too old to change. Ask again and use the buttons on the new answer.';

/** Handles a button click or an unknown command; anything else is ignored. */
export async function handleComponent(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const mention = await commandIdsFor(interaction.client, ctx.config.guildId).mention();
      log.info({ command: interaction.commandName, user: interaction.user.id }, 'unknown command');
      await interaction.reply(notice(unknownCommandMessage(mention)));
      return;
    }
    if (!interaction.isButton()) return;
    await handleButton(interaction, ctx);
  } catch (err) {
    log.error({ err, user: interaction.user.id }, 'button failed');
    if (!interaction.isRepliable()) return;
    const sorry = notice(BUTTON_FAILED);
    // Acknowledged already (a deferred update or reply): the apology follows up, privately.
    const apologising =
      interaction.replied || interaction.deferred ? interaction.followUp(sorry) : interaction.reply(sorry);
    await apologising.catch(() => undefined);
  }
}

function messageOptions(rendered: RenderedMessage) {
  return {
    content: rendered.content ?? '',
    embeds: rendered.embeds,
    components: rendered.components ?? [],
    allowedMentions: NO_PINGS,
  };
}

async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  if (id === FEEDBACK_UP || id === FEEDBACK_DOWN) {
    await recordVote(interaction, ctx, id === FEEDBACK_UP ? 1 : -1);
    return;
  }
  if (id === THREAD_BUTTON) {
    await startAnswerThread(interaction);
    return;
  }
  if (isAdminButton(id)) {
    await handleAdminButton(interaction, ctx);
    return;
  }
  const state = decodePage(id);
  if (!state) {
    await interaction.reply(notice(EXPIRED));
    return;
  }
  const clicker = interaction.user.id;
  const mine = state.owner === clicker;
  const question = questionOf(interaction.message);
  if (state.kind === 'ask' && !question) {
    await interaction.reply(notice(NO_QUESTION));
    return;
  }
  // An answer is asked again (the engine may be slow on a large index): acknowledge first, then edit.
  const slow = state.kind === 'ask';
  if (slow) {
    if (mine) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }
  const snapshot = ctx.store.current;
  const mention = await commandIdsFor(interaction.client, ctx.config.guildId).mention();
  // A page turned on the asker's own message keeps the chart uploaded with it; a private copy has none.
  const hasChart = mine && interaction.message.attachments.some((a) => a.name === CHART_FILE);
  // The asker's public answer in a text channel keeps its thread button until a thread is started on it.
  const thread =
    mine &&
    !interaction.message.flags.has(MessageFlags.Ephemeral) &&
    canStartThreadIn(interaction.channel) &&
    !interaction.message.hasThread;
  // An answer is awaited from the snapshot worker, so the event loop keeps acknowledging meanwhile.
  const answered =
    state.kind === 'ask' && question ? await answerWithoutBlocking(snapshot.engine, question) : undefined;
  const rendered = viewFor(state, snapshot, clicker, question, mention, hasChart, thread, answered);
  if (!rendered) {
    await interaction.reply(notice(EXPIRED));
    return;
  }
  log.info({ user: clicker, kind: state.kind, view: state.view, page: state.page, mine }, 'button');
  const options = mine ? messageOptions(rendered) : { ...messageOptions(rendered), content: ONLY_ASKER };
  if (slow) await interaction.editReply(options);
  else if (mine) await interaction.update(options);
  else await interaction.reply({ ...options, flags: MessageFlags.Ephemeral });
}
