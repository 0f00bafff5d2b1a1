import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { SourceStore } from '../store.js';
import type { AdminCheck } from './admin.js';
import type { RateLimiter } from './rate-limit.js';

/** What every command handler gets besides the interaction. */
export interface BotContext {
  config: Config;
  store: SourceStore;
  limiter: RateLimiter;
  admins: AdminCheck;
}

/** Anything with a `toJSON()` giving a slash command definition (a `SlashCommandBuilder`). */
export interface CommandDefinition {
  readonly name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** One slash command module in `commands/`: its definition and its handlers. */
export interface CommandModule {
  data: CommandDefinition;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** `false` exempts the command from the per-user question rate limit (admin-only commands). */
  rateLimited?: boolean;
}
