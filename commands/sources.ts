/** `/sources list` — for everyone: the indexed articles and when the index was built. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { lookupIn } from '../src/discord/cite.js';
import { slashCommand } from '../src/discord/command.js';
import { type IndexSummary, renderSourcesList } from '../src/discord/render.js';
import { replyWithin } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';
import type { Snapshot } from '../src/store.js';

export const data = slashCommand('sources', 'The news articles the bot answers from').addSubcommand((s) =>
  s.setName('list').setDescription('The articles I answer from: outlet or title, and date'),
);

/** Per-article counts for the listing: passages (paragraphs with article text), sentences, casualty figures citing it. */
export function summarize(snapshot: Snapshot): IndexSummary {
  const lookup = lookupIn(snapshot.corpus);
  const figures = new Map<string, number>();
  for (const f of snapshot.casualties.figures) {
    for (const source of new Set(f.citations.map((c) => c.source))) figures.set(source, (figures.get(source) ?? 0) + 1);
  }
  return {
    articles: snapshot.corpus.articles.map((a) => ({
      id: a.id,
      outlet: a.meta.outlet ?? a.meta.agency,
      title: a.meta.title,
      published: a.meta.published,
      url: a.meta.url,
      agency: a.meta.agency,
      headline: lookup(a.id)?.headline ?? null,
      passages: new Set(a.sentences.filter((s) => !s.boilerplate).map((s) => s.paragraph)).size,
      sentences: a.sentences.filter((s) => !s.boilerplate).length,
      figures: figures.get(a.id) ?? 0,
    })),
    builtAt: snapshot.builtAt,
    buildMs: snapshot.buildMs,
  };
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await replyWithin(interaction, () => renderSourcesList(summarize(ctx.store.current)));
}
