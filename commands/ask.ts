/** `/ask question: [private:]` — the same as mentioning the bot, for people who prefer slash commands. */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { suggestFor } from '../src/discord/autocomplete.js';
import { cleanQuestion } from '../src/discord/clean.js';
import { slashCommand } from '../src/discord/command.js';
import { commandIdsFor, renderHelp, smallTalk, withoutGreeting } from '../src/discord/help.js';
import {
  lookupIn,
  MAX_AUTOCOMPLETE_CHOICES,
  MAX_CHOICE_LENGTH,
  MAX_EMBED_TITLE,
  renderAnswer,
  toChoices,
} from '../src/discord/render.js';
import { notice, replyOptions } from '../src/discord/respond.js';
import { replyWithButtons } from '../src/discord/send.js';
import { canStartThreadIn } from '../src/discord/threads.js';
import type { BotContext } from '../src/discord/types.js';
import { answerWithoutBlocking } from '../src/engine/engine.js';
import { MAX_QUESTION_CHARS, validateQuestion } from '../src/engine/question.js';
import { log } from '../src/log.js';

export const data = slashCommand(
  'ask',
  'Ask a question about the Abu Dhabi peace talks; answered from the indexed articles, with quotes',
)
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, e.g. "How many prisoners were exchanged?"')
      .setRequired(true)
      // The question is the answer's title, which its buttons read back: at most a title's length.
      .setMaxLength(Math.min(MAX_QUESTION_CHARS, MAX_EMBED_TITLE))
      .setAutocomplete(true),
  )
  .addBooleanOption((o) =>
    o.setName('private').setDescription('Only you see the answer (default: everyone in the channel)'),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const ids = commandIdsFor(interaction.client, ctx.config.guildId);
  ids.learn('ask', interaction.commandId);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const raw = cleanQuestion(interaction.options.getString('question') ?? '');
  const talk = smallTalk(raw);
  if (talk) {
    await interaction.reply(replyOptions(renderHelp(talk, await ids.mention()), true));
    return;
  }
  const checked = validateQuestion(withoutGreeting(raw));
  if (!checked.ok) {
    await interaction.reply(notice(checked.error));
    return;
  }
  const mention = await ids.mention();
  await replyWithButtons(
    interaction,
    async () => {
      const snapshot = ctx.store.current;
      const started = performance.now();
      // Awaited, not waited for: acknowledgements of other interactions go out while this is computed.
      const answer = await answerWithoutBlocking(snapshot.engine, checked.question);
      log.info(
        {
          command: 'ask',
          user: interaction.user.id,
          abstained: answer.abstained,
          ms: Math.round(performance.now() - started),
        },
        'answered /ask',
      );
      return renderAnswer(answer, lookupIn(snapshot.corpus), {
        owner: interaction.user.id,
        mention,
        // A public answer in a server text channel can be followed up in a thread started on it.
        thread: !ephemeral && canStartThreadIn(interaction.channel),
      });
    },
    { ephemeral },
  );
}

/** Suggestions drawn from the index for what the user has typed so far. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const partial = cleanQuestion(interaction.options.getFocused());
  const { engine } = ctx.store.current;
  const suggestions = suggestFor(partial, (p) => engine.suggest(p, MAX_AUTOCOMPLETE_CHOICES, MAX_CHOICE_LENGTH));
  await interaction.respond(toChoices(suggestions));
}
