/**
 * `npm run deploy`: registers the slash commands over REST — globally, or to DISCORD_GUILD_ID while
 * developing (guild commands update instantly) — and prints what changed. Uses DISCORD_API_URL
 * when set (a REST proxy, or the test fake).
 */

import { pathToFileURL } from 'node:url';
import { type APIApplicationCommand, REST, type RESTGetAPIApplicationCommandsResult, Routes } from 'discord.js';
import { type Config, getConfigOrExit } from './config.js';
import { commandDefinitions } from './discord/registry.js';

type Definition = ReturnType<typeof commandDefinitions>[number];

/** The parts of a command definition Discord stores, with defaults filled in, for comparing. */
export function signature(command: Definition | APIApplicationCommand): string {
  const option = (o: Record<string, unknown>): Record<string, unknown> => ({
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    choices: ((o.choices as { name: string; value: unknown }[] | undefined) ?? []).map((c) => [c.name, c.value]),
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    channel_types: o.channel_types ?? [],
    options: ((o.options as Record<string, unknown>[] | undefined) ?? []).map(option),
  });
  const c = command as unknown as Record<string, unknown>;
  return JSON.stringify({
    ...option(c),
    type: c.type ?? 1,
    required: undefined,
    default_member_permissions: c.default_member_permissions ?? null,
    nsfw: c.nsfw ?? false,
    contexts: c.contexts ?? null,
    integration_types: c.integration_types ?? [0],
  });
}

export interface CommandChanges {
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
}

export function diffCommands(current: readonly APIApplicationCommand[], wanted: readonly Definition[]): CommandChanges {
  const byName = new Map(current.map((c) => [c.name, c]));
  const changes: CommandChanges = { added: [], changed: [], unchanged: [], removed: [] };
  for (const w of wanted) {
    const existing = byName.get(w.name);
    if (!existing) changes.added.push(w.name);
    else if (signature(existing) !== signature(w)) changes.changed.push(w.name);
    else changes.unchanged.push(w.name);
  }
  const names = new Set(wanted.map((w) => w.name));
  changes.removed = current.filter((c) => !names.has(c.name)).map((c) => c.name);
  return changes;
}

export function describeChanges(changes: CommandChanges): string[] {
  const lines: string[] = [];
  for (const name of changes.added) lines.push(`  + /${name} (new)`);
  for (const name of changes.changed) lines.push(`  ~ /${name} (changed)`);
  for (const name of changes.removed) lines.push(`  - /${name} (removed)`);
  for (const name of changes.unchanged) lines.push(`  = /${name} (unchanged)`);
  return lines;
}

export async function deploy(config: Config, out: (line: string) => void = console.log): Promise<CommandChanges> {
  if (!config.discordToken) {
    throw new Error(
      'DISCORD_TOKEN is not set. Put your bot token in .env (see .env.example) and run `npm run deploy` again.',
    );
  }
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(
    config.discordToken,
  );
  const app = (await rest.get(Routes.currentApplication())) as { id: string; name: string };
  const route = config.guildId
    ? Routes.applicationGuildCommands(app.id, config.guildId)
    : Routes.applicationCommands(app.id);
  const where = config.guildId ? `guild ${config.guildId}` : 'globally';
  const wanted = commandDefinitions();
  const current = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  const changes = diffCommands(current, wanted);

  out(`Slash commands for ${app.name} (${app.id}), ${where}:`);
  for (const line of describeChanges(changes)) out(line);
  const touched = changes.added.length + changes.changed.length + changes.removed.length;
  if (touched === 0) {
    out('Nothing to change: Discord already has these commands.');
    return changes;
  }
  await rest.put(route, { body: wanted });
  out(
    `Registered ${wanted.length} commands ${where}: ${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed, ${changes.unchanged.length} unchanged.`,
  );
  if (!config.guildId) out('Global commands can take a little while to show up in every server.');
  return changes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = getConfigOrExit();
  deploy(config).catch((err: unknown) => {
    const status = (err as { status?: number }).status;
    const reason =
      status === 401
        ? 'Discord rejected DISCORD_TOKEN (401); copy the bot token again from the Developer Portal.'
        : status === 403
          ? 'Discord refused access (403): is the bot in DISCORD_GUILD_ID, and was it invited with the applications.commands scope?'
          : err instanceof Error
            ? err.message
            : String(err);
    process.stderr.write(`Deploy failed: ${reason}\n`);
    process.exit(1);
  });
}
