/**
 * Follow-ups in a thread: a public answer carries a "Follow up in a thread" button; clicking it starts a
 * public thread on the answer (named after its question) and every message in that thread that mentions
 * the bot is answered with the thread's question as context ("and Russia?" after a casualty question).
 *
 * The bot remembers thread id → the question its follow-ups lean on (the last question answered there;
 * a bounded LRU). After a restart, or once a thread has been forgotten, the question is read back from
 * the thread's starter message: a thread started on a message has that message's id, and the starter is
 * the bot's answer, whose title is the question. Needs no privileged intent (Guilds and GuildMessages
 * deliver threads and their messages; Discord gives the bot the text of messages that mention it).
 */
import { ChannelType, type Message, MessageFlags } from 'discord.js';
import { log } from '../log.js';
import { clipLabel } from './components.js';
import { NO_PINGS } from './respond.js';
import { questionOf } from './views.js';

/** Characters in a thread name (Discord's limit). */
export const MAX_THREAD_NAME = 100;
/** Threads on answers archive after a day without messages (Discord's choices: 60, 1440, 4320, 10080 minutes). */
export const THREAD_ARCHIVE_MINUTES = 1440;
/** How many threads' questions are remembered (most recently used kept). */
export const REMEMBERED_THREADS = 1000;

export const THREAD_CANNOT_START =
  'I could not start a thread here (threads may be off in this channel, or I lack the “Create Public Threads” permission). Reply to my answer instead and I will read it as a follow-up.';
export const THREAD_NO_QUESTION =
  'I cannot start a thread on this answer: its question was too long to keep with it. Ask again with a shorter question.';

/**
 * Whether a public answer posted in this channel can get the thread button: a server text or announcement
 * channel (not a DM, not already a thread, not a forum post).
 */
export function canStartThreadIn(channel: { type: ChannelType } | null | undefined): boolean {
  return channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement;
}

/** The thread's name: its question on one line, clipped to Discord's 100 characters. */
export function threadName(question: string): string {
  const one = question.replace(/\s+/g, ' ').trim() || 'Follow-up questions';
  return one.length <= MAX_THREAD_NAME ? one : `${one.slice(0, MAX_THREAD_NAME - 1).trimEnd()}…`;
}

/** The bot's first message in a new thread: how to ask a follow-up there. */
export function threadWelcome(question: string, botMention: string): string {
  return `Ask follow-ups here — mention me, e.g. ${botMention} and Russia? — and I will read them with “${clipLabel(question)}” as context.`;
}

/** Thread id → the question follow-ups in it lean on; least recently used forgotten first. */
export class ThreadMemory {
  readonly #questions = new Map<string, string>();
  constructor(readonly capacity = REMEMBERED_THREADS) {}

  remember(threadId: string, question: string): void {
    this.#questions.delete(threadId);
    this.#questions.set(threadId, question);
    while (this.#questions.size > this.capacity) this.#questions.delete(this.#questions.keys().next().value as string);
  }

  get(threadId: string): string | undefined {
    const question = this.#questions.get(threadId);
    if (question !== undefined) this.remember(threadId, question);
    return question;
  }

  has(threadId: string): boolean {
    return this.#questions.has(threadId);
  }

  get size(): number {
    return this.#questions.size;
  }
}

/** The process-wide memory of threads the bot started. */
export const threads = new ThreadMemory();

/** What `threadQuestion` reads of a message's channel (a discord.js `ThreadChannel` when it is one). */
interface MaybeThread {
  id: string;
  isThread(): boolean;
  ownerId?: string | null;
  fetchStarterMessage?(): Promise<{ author: { id: string }; embeds?: readonly { title?: string | null }[] } | null>;
}

/**
 * The question follow-ups in this message's channel lean on, when the channel is a thread the bot started
 * on one of its answers: remembered, else read from the thread's starter message (and remembered again).
 */
export async function threadQuestion(
  channel: MaybeThread | null | undefined,
  botId: string,
  memory: ThreadMemory = threads,
): Promise<string | null> {
  if (!channel?.isThread?.()) return null;
  const known = memory.get(channel.id);
  if (known !== undefined) return known;
  if (channel.ownerId !== botId || !channel.fetchStarterMessage) return null;
  try {
    const starter = await channel.fetchStarterMessage();
    if (!starter || starter.author.id !== botId) return null;
    const question = questionOf(starter);
    if (question) memory.remember(channel.id, question);
    return question;
  } catch (err) {
    log.warn({ err, thread: channel.id }, 'could not read the question a thread was started on');
    return null;
  }
}

/** The parts of a button interaction `startAnswerThread` uses (a discord.js `ButtonInteraction`). */
export interface ThreadButtonInteraction {
  user: { id: string };
  client: { user: { id: string } };
  message: Pick<Message, 'id' | 'embeds' | 'hasThread' | 'thread' | 'startThread'>;
  deferReply(options: { flags: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(options: { content: string; allowedMentions: typeof NO_PINGS }): Promise<unknown>;
  reply(options: {
    content: string;
    allowedMentions: typeof NO_PINGS;
    flags: MessageFlags.Ephemeral;
  }): Promise<unknown>;
}

/** Discord's code for "a thread has already been created for this message". */
const THREAD_EXISTS = 160004;

/**
 * The thread button: acknowledges privately first, starts a public thread on the answer (or points to the
 * one already started), says in it how to ask, and remembers its question.
 */
export async function startAnswerThread(
  interaction: ThreadButtonInteraction,
  memory: ThreadMemory = threads,
): Promise<void> {
  const question = questionOf(interaction.message);
  if (!question) {
    await interaction.reply({ content: THREAD_NO_QUESTION, allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
    return;
  }
  const existing = interaction.message.hasThread ? interaction.message.thread : null;
  if (existing) {
    await interaction.reply({
      content: `There is a thread for this answer already: <#${existing.id}> — mention me there with your follow-up.`,
      allowedMentions: NO_PINGS,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let threadId: string;
  let started = true;
  try {
    const thread = await interaction.message.startThread({
      name: threadName(question),
      autoArchiveDuration: THREAD_ARCHIVE_MINUTES,
      reason: `follow-up questions, started by ${interaction.user.id}`,
    });
    threadId = thread.id;
    memory.remember(thread.id, question);
    await thread
      .send({ content: threadWelcome(question, `<@${interaction.client.user.id}>`), allowedMentions: NO_PINGS })
      .catch((err: unknown) => log.warn({ err, thread: thread.id }, 'could not post in the new thread'));
    log.info({ user: interaction.user.id, thread: thread.id, message: interaction.message.id }, 'thread started');
  } catch (err) {
    if ((err as { code?: unknown }).code === THREAD_EXISTS) {
      // Someone else pressed the button a moment earlier: the thread has the message's id.
      threadId = interaction.message.id;
      started = false;
      memory.remember(threadId, question);
    } else {
      log.warn({ err, message: interaction.message.id }, 'could not start a thread');
      await interaction.editReply({ content: THREAD_CANNOT_START, allowedMentions: NO_PINGS });
      return;
    }
  }
  await interaction.editReply({
    content: started
      ? `Thread started: <#${threadId}> — mention me there with your follow-up.`
      : `There is a thread for this answer already: <#${threadId}> — mention me there with your follow-up.`,
    allowedMentions: NO_PINGS,
  });
}
