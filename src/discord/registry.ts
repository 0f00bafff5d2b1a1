/** Every slash command the bot has, by name (one module per command in `commands/`). */
import * as ask from '../../commands/ask.js';
import * as casualties from '../../commands/casualties.js';
import * as help from '../../commands/help.js';
import * as sources from '../../commands/sources.js';
import * as sourcesAdmin from '../../commands/sources-admin.js';
import * as talks from '../../commands/talks.js';
import type { CommandModule } from './types.js';

export const COMMANDS: readonly CommandModule[] = [ask, casualties, talks, sources, help, sourcesAdmin];

export const COMMANDS_BY_NAME: ReadonlyMap<string, CommandModule> = new Map(COMMANDS.map((c) => [c.data.name, c]));

/** The definitions as Discord's REST API takes them. */
export function commandDefinitions() {
  return COMMANDS.map((c) => c.data.toJSON());
}
