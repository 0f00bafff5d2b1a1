/**
 * Questions asked by mentioning the bot. Works without the privileged Message Content intent:
 * Discord still delivers the content of messages that mention the bot.
 */
import type { Message } from 'discord.js';
import { answerWithoutBlocking } from '../engine/engine.js';
import { validateQuestion } from '../engine/question.js';
import { log } from '../log.js';
import { cleanQuestion } from './clean.js';
import { followUpQuestion } from './followup.js';
import { commandIdsFor, renderHelp, smallTalk, withoutGreeting } from './help.js';
import { answerQueue } from './queue.js';
import { lookupIn, type RenderedMessage, renderAnswer } from './render.js';
import { NO_PINGS } from './respond.js';
import { canStartThreadIn, threadQuestion, threads } from './threads.js';
import type { BotContext } from './types.js';
import { questionOf } from './views.js';

/**
 * The question in a message that mentions the bot: its text without the bot's mentions and without
 * Discord syntax (other mentions, @everyone/@here, links, markdown — see clean.ts).
 */
export function extractQuestion(content: string, botId: string, botRoleId?: string | null): string {
  let text = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  if (botRoleId) text = text.replace(new RegExp(`<@&${botRoleId}>`, 'g'), ' ');
  return cleanQuestion(text);
}

/** Whether a message is addressed to the bot: a DM, or it mentions the bot user (or the bot's own managed role). */
export function isAddressedTo(message: Message, botId: string): boolean {
  if (!message.inGuild()) return true;
  if (message.mentions.users.has(botId)) return true;
  const role = message.guild?.roles.botRoleFor(botId);
  return role ? message.mentions.roles.has(role.id) : false;
}

/**
 * The question of the bot's answer this message replies to, if it is one: from the cache, where
 * discord.js puts the message a reply refers to (Discord sends it with the reply).
 */
export function previousQuestion(message: Message, botId: string): string | null {
  const id = message.reference?.messageId;
  if (!id) return null;
  const referenced = message.channel.messages.cache.get(id);
  if (!referenced || referenced.author.id !== botId) return null;
  return questionOf(referenced);
}

/** The reaction that tells someone mentioning the bot too fast to slow down. */
export const RATE_LIMIT_REACTION = '⏳';

export const MENTION_APOLOGY = 'Sorry — something went wrong on my side while answering. Please try again in a moment.';

/** How many answered mentions are remembered so that editing the question updates the answer. */
export const REMEMBERED_REPLIES = 500;
/** Question message id → the bot's reply to it (most recent last; the oldest is forgotten first). */
const replies = new Map<string, Pick<Message, 'edit'>>();

function remember(questionId: string, reply: unknown): void {
  if (!reply || typeof (reply as { edit?: unknown }).edit !== 'function') return;
  replies.delete(questionId);
  replies.set(questionId, reply as Pick<Message, 'edit'>);
  if (replies.size > REMEMBERED_REPLIES) replies.delete(replies.keys().next().value as string);
}

/**
 * An edited question: the bot's earlier reply to it is edited to answer the new wording (a question the bot
 * never answered, or one edited so it no longer addresses the bot, is left alone).
 */
export async function handleMentionEdit(message: Message, ctx: BotContext): Promise<void> {
  // Edited while its first answer is still on the way (a quick typo fix): wait for that reply, then edit it.
  await answering.get(message.id);
  const reply = replies.get(message.id);
  if (!reply) return;
  await handleMention(message, ctx, reply);
}

/** Question message id → the answer to it being worked on (so an edit arriving meanwhile waits for it). */
const answering = new Map<string, Promise<void>>();

/** Handles one created message: answers it when it mentions the bot, ignores everything else. */
export async function handleMention(
  message: Message,
  ctx: BotContext,
  previousReply?: Pick<Message, 'edit'>,
): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot || message.author.id === botId || message.system || message.webhookId) return;
  if (!isAddressedTo(message, botId)) return;
  if (previousReply) return answerMention(message, ctx, botId, previousReply);
  const done = answerMention(message, ctx, botId);
  answering.set(message.id, done);
  try {
    await done;
  } finally {
    answering.delete(message.id);
  }
}

async function answerMention(
  message: Message,
  ctx: BotContext,
  botId: string,
  previousReply?: Pick<Message, 'edit'>,
): Promise<void> {
  const send = async ({ files, ...payload }: Partial<RenderedMessage>) => {
    const attachments = files?.length ? { files: files.map((f) => ({ attachment: f.data, name: f.name })) } : {};
    if (previousReply) {
      // An edited question: the same reply, now answering the new wording.
      return previousReply.edit({
        content: null,
        embeds: [],
        components: [],
        ...payload,
        ...attachments,
        allowedMentions: NO_PINGS,
      });
    }
    // If the question was deleted meanwhile, still answer in the channel (without the reply link).
    const sent = await message.reply({ ...payload, ...attachments, allowedMentions: NO_PINGS, failIfNotExists: false });
    remember(message.id, sent);
    return sent;
  };
  try {
    const limited = ctx.limiter.take(message.author.id);
    if (!limited.ok) {
      // In a channel everyone reads: a reaction, once per window, never a message per refused mention.
      if (ctx.limiter.shouldNotify(message.author.id)) {
        await message.react(RATE_LIMIT_REACTION).catch((e: unknown) => log.warn({ err: e }, 'could not react'));
      }
      log.info({ user: message.author.id, retryAfterMs: limited.retryAfterMs }, 'mention rate limited');
      return;
    }
    const roleId = message.guild?.roles.botRoleFor(botId)?.id ?? null;
    const raw = extractQuestion(message.content, botId, roleId);
    const talk = smallTalk(raw);
    if (talk) {
      const mention = await commandIdsFor(message.client, ctx.config.guildId).mention();
      await send(renderHelp(talk, mention, `<@${botId}>`));
      return;
    }
    // A reply to one of the bot's answers is read with that answer's question as context; so is a
    // message in a thread the bot started on one of its answers (threads.ts).
    const inThread = await threadQuestion(message.channel, botId);
    const previous = previousQuestion(message, botId) ?? inThread;
    const typed = withoutGreeting(raw);
    const checked = validateQuestion(previous ? followUpQuestion(previous, typed) : typed);
    if (!checked.ok) {
      await send({ content: checked.error });
      return;
    }
    // Through the same queue as slash commands: a burst of mentions never starves acknowledgements.
    // The answer is awaited from the snapshot worker: the event loop keeps acknowledging meanwhile.
    const { snapshot, answer, started } = await answerQueue.run(async () => {
      const current = ctx.store.current;
      const t = performance.now();
      return { snapshot: current, answer: await answerWithoutBlocking(current.engine, checked.question), started: t };
    }).result;
    log.info(
      {
        user: message.author.id,
        channel: message.channelId,
        abstained: answer.abstained,
        ms: Math.round(performance.now() - started),
      },
      previous ? 'answered follow-up mention' : 'answered mention',
    );
    // The next follow-up in the thread leans on the question just answered.
    if (inThread !== null) threads.remember(message.channelId, checked.question);
    const mention = await commandIdsFor(message.client, ctx.config.guildId).mention();
    await send(
      renderAnswer(answer, lookupIn(snapshot.corpus), {
        owner: message.author.id,
        mention,
        thread: canStartThreadIn(message.channel),
      }),
    );
  } catch (err) {
    const where = { user: message.author.id, channel: message.channelId, message: message.id };
    if (cannotPost(err)) {
      // Discord refused the reply itself: an apology would be refused the same way.
      log.warn({ ...where, code: (err as { code?: number }).code }, 'cannot post in this channel; not replying');
      return;
    }
    log.error({ err, ...where }, 'mention failed');
    await send({ content: MENTION_APOLOGY }).catch((e: unknown) => log.warn({ err: e }, 'could not send the apology'));
  }
}

/** Discord's codes for "you may not post here": Missing Access, Missing Permissions, and the channel is gone or locked. */
export const CANNOT_POST_CODES: ReadonlySet<number> = new Set([50001, 50013, 10003, 50083, 160005]);

export function cannotPost(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && CANNOT_POST_CODES.has(code);
}
