/** `/talks [topic:]` — a compact brief on the talks with a button per topic, or one topic in full, with sources. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { slashCommand } from '../src/discord/command.js';
import { commandIdsFor } from '../src/discord/help.js';
import { topicLabel } from '../src/discord/render.js';
import { replyWithButtons } from '../src/discord/send.js';
import type { BotContext } from '../src/discord/types.js';
import { parseTopic, talksView } from '../src/discord/views.js';
import { TALKS_TOPICS } from '../src/extract/talks.js';

export const data = slashCommand(
  'talks',
  'A brief on the Abu Dhabi talks from the indexed articles, with sources',
).addStringOption((o) =>
  o
    .setName('topic')
    .setDescription('Only one part of the brief (a short brief of every part when left empty)')
    .addChoices(TALKS_TOPICS.map((t) => ({ name: topicLabel(t), value: t }))),
);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  commandIdsFor(interaction.client, ctx.config.guildId).learn('talks', interaction.commandId);
  const topic = parseTopic(interaction.options.getString('topic'));
  await replyWithButtons(interaction, () => talksView(ctx.store.current, topic, { owner: interaction.user.id }));
}
