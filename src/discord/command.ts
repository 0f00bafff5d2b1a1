import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';

/**
 * A slash command as this bot installs them: to servers, usable in servers and (unless `serverOnly`) in
 * direct messages with the bot.
 */
export function slashCommand(name: string, description: string, { serverOnly = false } = {}): SlashCommandBuilder {
  const contexts = serverOnly
    ? [InteractionContextType.Guild]
    : [InteractionContextType.Guild, InteractionContextType.BotDM];
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(...contexts)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}
