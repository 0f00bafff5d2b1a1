/** `/casualties [side:] [measure:]` — reported casualty figures (all sides by default), who claims them, sources. */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { slashCommand } from '../src/discord/command.js';
import { commandIdsFor } from '../src/discord/help.js';
import { sideLabel, toChoices } from '../src/discord/render.js';
import { replyWithButtons } from '../src/discord/send.js';
import type { BotContext } from '../src/discord/types.js';
import { casualtiesView, parseSide } from '../src/discord/views.js';
import { filterCasualties, SIDES } from '../src/extract/casualties.js';

/** A measure travels in the page buttons' custom ids, so it is kept short. */
export const MAX_MEASURE_CHARS = 40;

/** The measure as typed, shortened until it fits a button's custom id (URI-encoded). */
export function fitMeasure(raw: string | null | undefined): string {
  // By code points, so an emoji is never split into a lone surrogate.
  const chars = Array.from((raw ?? '').trim()).slice(0, MAX_MEASURE_CHARS);
  while (encodeURIComponent(chars.join('')).length > MAX_MEASURE_CHARS) chars.pop();
  return chars.join('').trim();
}

export const data = slashCommand(
  'casualties',
  'Casualty figures reported in the indexed articles, with who claims them and their sources',
)
  .addStringOption((o) =>
    o
      .setName('side')
      .setDescription('Whose casualties (all sides when left empty)')
      .addChoices(SIDES.map((s) => ({ name: sideLabel(s), value: s }))),
  )
  .addStringOption((o) =>
    o
      .setName('measure')
      .setDescription('Only one kind of figure, e.g. killed or wounded')
      .setMaxLength(MAX_MEASURE_CHARS)
      .setAutocomplete(true),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  commandIdsFor(interaction.client, ctx.config.guildId).learn('casualties', interaction.commandId);
  // Optional everywhere: a registration from before an option existed (or was optional) still works.
  const side = parseSide(interaction.options.getString('side'));
  const measure = fitMeasure(interaction.options.getString('measure')) || null;
  await replyWithButtons(interaction, () =>
    casualtiesView(ctx.store.current, { side, measure }, { owner: interaction.user.id, chart: 'attach' }),
  );
}

/** The measures the index has figures for (for the chosen side), matching what was typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const side = parseSide(interaction.options.getString('side'));
  const report = filterCasualties(ctx.store.current.casualties, { side });
  const measures = [...new Set(report.figures.map((f) => f.measure))]
    .filter((m) => m.length <= MAX_MEASURE_CHARS)
    .sort();
  await interaction.respond(toChoices(measures.filter((m) => m.toLowerCase().includes(typed))));
}
