/** `/casualties side: [measure:]` — reported casualty figures, who claims them, conflicts and numbered sources. */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { slashCommand } from '../src/discord/command.js';
import { lookupIn, MAX_CHOICE_LENGTH, renderCasualties, sideLabel, toChoices } from '../src/discord/render.js';
import { replyWithin } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';
import { filterCasualties, SIDES } from '../src/extract/casualties.js';
import type { Side } from '../src/extract/types.js';

export const data = slashCommand(
  'casualties',
  'Casualty figures reported in the indexed articles, with who claims them and their sources',
)
  .addStringOption((o) =>
    o
      .setName('side')
      .setDescription('Whose casualties')
      .setRequired(true)
      .addChoices(SIDES.map((s) => ({ name: sideLabel(s), value: s }))),
  )
  .addStringOption((o) =>
    o
      .setName('measure')
      .setDescription('Only one kind of figure, e.g. killed or wounded')
      .setMaxLength(MAX_CHOICE_LENGTH)
      .setAutocomplete(true),
  );

function parseSide(value: string | null): Side {
  return (SIDES as readonly string[]).includes(value ?? '') ? (value as Side) : 'all';
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const side = parseSide(interaction.options.getString('side', true));
  const measure = interaction.options.getString('measure')?.trim() || undefined;
  await replyWithin(interaction, () => {
    const snapshot = ctx.store.current;
    const report = filterCasualties(snapshot.casualties, measure ? { side, measure } : { side });
    return renderCasualties(
      report,
      { side, measure: measure ?? null },
      lookupIn(snapshot.corpus),
      snapshot.corpus.articles.length,
    );
  });
}

/** The measures the index has figures for (for the chosen side), matching what was typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const side = parseSide(interaction.options.getString('side'));
  const report = filterCasualties(ctx.store.current.casualties, { side });
  const measures = [...new Set(report.figures.map((f) => f.measure))].sort();
  await interaction.respond(toChoices(measures.filter((m) => m.toLowerCase().includes(typed))));
}
