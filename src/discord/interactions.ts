/** Routes interactions to the command modules, with rate limiting and an apology for unexpected errors. */
import type { Interaction } from 'discord.js';
import { log } from '../log.js';
import { metrics } from '../metrics.js';
import { rateLimitMessage, rateLimitRepeatMessage } from './rate-limit.js';
import { COMMANDS_BY_NAME } from './registry.js';
import { apologize, notice } from './respond.js';
import type { BotContext, CommandModule } from './types.js';

export const UNKNOWN_COMMAND =
  'I do not know that command any more; an admin may need to run `npm run deploy` to update the command list.';

export async function handleInteraction(
  interaction: Interaction,
  ctx: BotContext,
  commands: ReadonlyMap<string, CommandModule> = COMMANDS_BY_NAME,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    try {
      if (command?.autocomplete) await command.autocomplete(interaction, ctx);
      else await interaction.respond([]);
    } catch (err) {
      log.error({ err, command: interaction.commandName, user: interaction.user.id }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  // Buttons and commands this bot no longer has (issue 8): src/discord/buttons.ts.
  if (!interaction.isChatInputCommand() || !commands.has(interaction.commandName))
    return (await import('./buttons.js')).handleComponent(interaction, ctx);
  if (!interaction.isChatInputCommand()) return;

  const context = { command: interaction.commandName, user: interaction.user.id, interaction: interaction.id };
  try {
    const command = commands.get(interaction.commandName);
    if (!command) {
      metrics.interactions.inc({ command: interaction.commandName, outcome: 'unknown_command' });
      await interaction.reply(notice(UNKNOWN_COMMAND));
      return;
    }
    const limited = command.rateLimited === false ? { ok: true as const } : ctx.limiter.take(interaction.user.id);
    if (!limited.ok) {
      // Every interaction needs a response, and only the user sees an ephemeral one: the explanation once
      // per window, then a terse "⏳ N s" (one callback each, nothing public, one info log line per window).
      const first = ctx.limiter.shouldNotify(`${interaction.user.id}:command`);
      const line = { ...context, retryAfterMs: limited.retryAfterMs };
      if (first) log.info(line, 'rate limited');
      else log.debug(line, 'rate limited again');
      metrics.interactions.inc({ command: interaction.commandName, outcome: 'rate_limited' });
      const text = first ? rateLimitMessage(limited.retryAfterMs) : rateLimitRepeatMessage(limited.retryAfterMs);
      await interaction.reply(notice(text));
      return;
    }
    await command.execute(interaction, ctx);
    metrics.interactions.inc({ command: interaction.commandName, outcome: 'ok' });
  } catch (err) {
    log.error({ err, ...context }, 'command failed');
    metrics.interactions.inc({ command: interaction.commandName, outcome: 'error' });
    await apologize(interaction).catch((e: unknown) => log.warn({ err: e, ...context }, 'could not send the apology'));
  }
}
