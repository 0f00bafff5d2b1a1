/** `/sources list` — for everyone: the articles the bot answers from (name, title, date), paged. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { slashCommand } from '../src/discord/command.js';
import { commandIdsFor } from '../src/discord/help.js';
import { replyWithButtons } from '../src/discord/send.js';
import type { BotContext } from '../src/discord/types.js';
import { sourcesView, summarize } from '../src/discord/views.js';

export { summarize };

export const data = slashCommand('sources', 'The news articles the bot answers from').addSubcommand((s) =>
  s.setName('list').setDescription('The articles I answer from: outlet or title, and date'),
);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  commandIdsFor(interaction.client, ctx.config.guildId).learn('sources', interaction.commandId);
  await replyWithButtons(interaction, () => sourcesView(ctx.store.current, { owner: interaction.user.id }));
}
