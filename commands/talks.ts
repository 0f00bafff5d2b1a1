/** `/talks [topic:]` — the cited brief on the talks: participants, outcomes, sticking points, next steps, timeline. */
import {
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { lookupIn, renderTalks, topicLabel } from '../src/discord/render.js';
import { replyWithin } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';
import { filterTalks, TALKS_TOPICS } from '../src/extract/talks.js';
import type { TalksTopic } from '../src/extract/types.js';

export const data = new SlashCommandBuilder()
  .setName('talks')
  .setDescription('A brief on the Abu Dhabi talks from the indexed articles, with sources')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('Only one part of the brief (all of it when left empty)')
      .addChoices(TALKS_TOPICS.map((t) => ({ name: topicLabel(t), value: t }))),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const value = interaction.options.getString('topic');
  const topic = (TALKS_TOPICS as readonly string[]).includes(value ?? '') ? (value as TalksTopic) : null;
  await replyWithin(interaction, () => {
    const snapshot = ctx.store.current;
    const brief = topic ? filterTalks(snapshot.talks, topic) : snapshot.talks;
    return renderTalks(brief, topic, lookupIn(snapshot.corpus), snapshot.corpus.articles.length, TALKS_TOPICS);
  });
}
