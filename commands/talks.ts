/** `/talks [topic:]` — the cited brief on the talks: participants, outcomes, sticking points, next steps, timeline. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { slashCommand } from '../src/discord/command.js';
import { lookupIn, renderTalks, topicLabel } from '../src/discord/render.js';
import { replyWithin } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';
import { filterTalks, TALKS_TOPICS } from '../src/extract/talks.js';
import type { TalksTopic } from '../src/extract/types.js';

export const data = slashCommand(
  'talks',
  'A brief on the Abu Dhabi talks from the indexed articles, with sources',
).addStringOption((o) =>
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
