/**
 * Help, greetings and thanks: what the bot can do, pointing to its commands as clickable command
 * mentions (`</talks:123>`) when their registered ids are known, as `/talks` text otherwise.
 */
import { log } from '../log.js';
import { COLORS, type CommandMention, fitEmbed, plainCommand, type RenderedMessage } from './render.js';

/* ------------------------------------------------------------ command ids */

/** What `client.application.commands` offers: fetch the registered commands (global or one guild's). */
export interface CommandSource {
  fetch(options?: {
    guildId?: string;
  }): Promise<Iterable<{ name: string; id: string }> | Map<string, { name: string; id: string }>>;
}

/** How long a reply waits for the command ids the first time before it falls back to `/name` text. */
export const COMMAND_IDS_WAIT_MS = 400;
/** Registered ids are fetched again after this long (a deploy may have changed them). */
export const COMMAND_IDS_TTL_MS = 10 * 60 * 1000;

/** The registered command ids, fetched once (then every 10 minutes) from Discord. */
export class CommandIds {
  #ids = new Map<string, string>();
  #fetchedAt = 0;
  #pending: Promise<void> | null = null;

  constructor(
    private readonly source: () => CommandSource | null | undefined,
    private readonly guildId?: string,
  ) {}

  /** Remembers an id seen on an interaction (the command being run). */
  learn(name: string, id: string): void {
    this.#ids.set(name, id);
  }

  #refresh(): Promise<void> {
    this.#pending ??= (async () => {
      const source = this.source();
      if (!source) return;
      const lists = [await source.fetch()];
      if (this.guildId) lists.push(await source.fetch({ guildId: this.guildId }));
      for (const list of lists) {
        const values = list instanceof Map ? list.values() : list;
        for (const c of values) this.#ids.set(c.name, c.id);
      }
      this.#fetchedAt = Date.now();
    })()
      .catch((err: unknown) => log.warn({ err }, 'could not fetch the registered command ids; showing /name text'))
      .finally(() => {
        this.#pending = null;
      });
    return this.#pending;
  }

  /** A mention function with the ids known now, waiting briefly for a first fetch. */
  async mention(waitMs = COMMAND_IDS_WAIT_MS): Promise<CommandMention> {
    if (Date.now() - this.#fetchedAt > COMMAND_IDS_TTL_MS) {
      const refreshing = this.#refresh();
      if (this.#fetchedAt === 0) await Promise.race([refreshing, new Promise((r) => setTimeout(r, waitMs).unref?.())]);
    }
    return mentionWith(this.#ids);
  }
}

/** `</name:id>` (or `</sources list:id>` for a subcommand) when the id is known, `/name` text otherwise. */
export function mentionWith(ids: ReadonlyMap<string, string>): CommandMention {
  return (name) => {
    const id = ids.get(name.split(' ')[0] ?? name);
    return id ? `</${name}:${id}>` : plainCommand(name);
  };
}

const byClient = new WeakMap<object, CommandIds>();

/** One `CommandIds` per discord.js client. */
export function commandIdsFor(client: object, guildId?: string): CommandIds {
  let ids = byClient.get(client);
  if (!ids) {
    const app = () => (client as { application?: { commands?: unknown } | null }).application;
    ids = new CommandIds(() => app()?.commands as CommandSource | undefined, guildId);
    byClient.set(client, ids);
  }
  return ids;
}

/* -------------------------------------------------------------- small talk */

export type SmallTalk = 'greeting' | 'help' | 'thanks';

const GREETING =
  /^(?:hi|hiya|hey|hello|hallo|howdy|yo|sup|greetings|good (?:morning|afternoon|evening|day)|what'?s up|salut|hola|privet|привет)(?: there| all| everyone| bot| folks)?$/;
const HELP =
  /^(?:help|help me|commands|what can you do|what do you do|who are you|what are you|how does this work|how do i use (?:this|you|the bot)|how to use|usage|menu|start|info)$/;
const THANKS =
  /^(?:thanks|thank you|thx|ty|tysm|cheers|much appreciated|appreciated|great|nice|cool|ok|okay|good bot|👍)(?: (?:so much|a lot|very much|bot|mate|again))?$/;

/** Whether a message is a greeting, a request for help or thanks rather than a question. */
export function smallTalk(text: string): SmallTalk | null {
  if (!text.trim()) return 'help';
  const t = text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[!?.,;:)(]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return null;
  // "thanks!" "hi!" — and combinations like "hi, thanks"
  const parts = t.split(/ (?=(?:and |, )?(?:thanks|thank you|hi|hello|hey)\b)/);
  if (HELP.test(t)) return 'help';
  if (THANKS.test(t) || parts.every((p) => THANKS.test(p) || GREETING.test(p))) {
    return parts.some((p) => THANKS.test(p)) ? 'thanks' : 'greeting';
  }
  if (GREETING.test(t)) return 'greeting';
  return null;
}

/** "hi, how many prisoners were exchanged?" → "how many prisoners were exchanged?" */
export function withoutGreeting(text: string): string {
  const stripped = text.replace(
    /^\s*(?:hi|hiya|hey|hello|howdy|yo|good (?:morning|afternoon|evening))(?: there| all| everyone| bot)?\s*[,!.:-]*\s+/i,
    '',
  );
  return stripped.length > 0 ? stripped : text;
}

const OPENINGS: Record<SmallTalk, string> = {
  greeting: 'Hi! I answer questions about the US-brokered Russia–Ukraine peace talks in Abu Dhabi.',
  help: 'I answer questions about the US-brokered Russia–Ukraine peace talks in Abu Dhabi.',
  thanks: 'You’re welcome! Ask me anything else about the Abu Dhabi talks.',
};

/** What the bot can do, with its commands as clickable mentions (or `/name` text). */
export function renderHelp(
  kind: SmallTalk = 'help',
  mention: CommandMention = plainCommand,
  botMention?: string,
): RenderedMessage {
  const lines = [
    OPENINGS[kind],
    'I answer only from my news articles, and quote the sentences I used.',
    '',
    `${mention('ask')} — ask a question, e.g. “How many prisoners were exchanged?”`,
    `${mention('talks')} — who took part, outcomes, sticking points, next steps`,
    `${mention('casualties')} — reported casualty figures and who claims them`,
    `${mention('sources list')} — the articles I answer from`,
    `${mention('help')} — this message`,
  ];
  if (botMention)
    lines.push('', `You can also mention me with a question: ${botMention} who is leading Russia’s delegation?`);
  return {
    embeds: [
      fitEmbed({
        title: kind === 'thanks' ? 'Glad to help' : 'Ask me about the Abu Dhabi peace talks',
        color: COLORS.help,
        lines,
      }),
    ],
  };
}

/** Said when a command the bot no longer has is used (a stale registration in the user's client). */
export function unknownCommandMessage(mention: CommandMention = plainCommand): string {
  return `That command is not available any more. Try ${mention('ask')}, ${mention('talks')}, ${mention('casualties')} or ${mention('help')}.`;
}
