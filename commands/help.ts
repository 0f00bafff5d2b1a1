/** `/help` — what the bot does and its commands (clickable), only for the person asking. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { slashCommand } from '../src/discord/command.js';
import { commandIdsFor, renderHelp } from '../src/discord/help.js';
import { replyOptions } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';

export const data = slashCommand('help', 'What this bot can do, and how to ask it');

/** Help is not a question: it does not count against the question rate limit. */
export const rateLimited = false;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const ids = commandIdsFor(interaction.client, ctx.config.guildId);
  ids.learn('help', interaction.commandId);
  const botMention = interaction.client.user ? `<@${interaction.client.user.id}>` : undefined;
  await interaction.reply(replyOptions(renderHelp('help', await ids.mention(), botMention), true));
}
