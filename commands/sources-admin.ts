/**
 * `/sources-admin reload | add | remove` — for people who manage the server. Discord applies
 * `default_member_permissions` to a whole command (not to single subcommands), so the admin actions
 * live in their own command, shown to members with Manage Server, and checked again here: Manage
 * Server where it is run, or ADMIN_USER_IDS, or the application owner (see admin.ts).
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { confirmRemoval, describeArticle, NOT_ALLOWED } from '../src/discord/admin-buttons.js';
import { downloadAttachment } from '../src/discord/attachments.js';
import { lookupIn } from '../src/discord/cite.js';
import { slashCommand } from '../src/discord/command.js';
import {
  escapeText,
  formatSize,
  MAX_AUTOCOMPLETE_CHOICES,
  MAX_CHOICE_LENGTH,
  renderReload,
} from '../src/discord/render.js';
import { deferThenReply, notice } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';
import { log } from '../src/log.js';
import { MAX_ARTICLE_BYTES } from '../src/sources/load.js';
import { addArticle } from '../src/sources/manage.js';

export const data = slashCommand('sources-admin', 'Manage the articles the bot answers from (Manage Server)', {
  serverOnly: true,
})
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => s.setName('reload').setDescription('Rebuild the index from the sources folder'))
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add a news article (.txt or .md, UTF-8) and rebuild the index')
      .addAttachmentOption((o) => o.setName('file').setDescription('The article file').setRequired(true))
      .addBooleanOption((o) => o.setName('replace').setDescription('Overwrite an article with the same file name')),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove an article and rebuild the index')
      .addStringOption((o) =>
        o
          .setName('article')
          .setDescription('The article: start typing its outlet, title or date')
          .setRequired(true)
          .setAutocomplete(true),
      ),
  );

/** Admin actions are not counted against the per-user question rate limit (they are admin-gated and serialised). */
export const rateLimited = false;

export const NOT_ADMIN = NOT_ALLOWED;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const sub = interaction.options.getSubcommand(false) ?? 'none';
  if (!(await ctx.admins.allows(interaction.user.id, interaction.memberPermissions))) {
    log.warn({ user: interaction.user.id, sub }, 'non-admin tried an admin command');
    await interaction.reply(notice(NOT_ADMIN));
    return;
  }
  const { store } = ctx;

  if (sub === 'reload') {
    await deferThenReply(
      interaction,
      async () => {
        const result = await store.reload();
        log.info({ user: interaction.user.id, ok: result.ok }, 'reload requested');
        return renderReload(result);
      },
      { ephemeral: true },
    );
    return;
  }

  if (sub === 'add') {
    const file = interaction.options.getAttachment('file');
    if (!file) {
      await interaction.reply(notice('Attach the article file (.txt or .md) to add it.'));
      return;
    }
    const replace = interaction.options.getBoolean('replace') ?? false;
    await deferThenReply(
      interaction,
      async () => {
        if (file.size > MAX_ARTICLE_BYTES) {
          return {
            content: `❌ ${escapeText(file.name)} is too large: ${formatSize(file.size)}; an article can be at most ${formatSize(MAX_ARTICLE_BYTES)}.`,
            embeds: [],
          };
        }
        const download = await downloadAttachment(file.url, MAX_ARTICLE_BYTES);
        if (!download.ok)
          return { content: `❌ ${escapeText(file.name)}: ${escapeText(download.problem)}.`, embeds: [] };
        const changed = await store.change(() => addArticle(store.dir, file.name, download.bytes, { replace }));
        if (changed.reload === null)
          return { content: `❌ Not added: ${escapeText(changed.outcome.problem)}.`, embeds: [] };
        const added = changed.outcome;
        log.info({ user: interaction.user.id, file: added.file, replaced: added.replaced }, 'article added');
        return renderReload(changed.reload, [
          `${added.replaced ? 'Replaced' : 'Added'} **${escapeText(added.file)}** (${formatSize(file.size)}).`,
        ]);
      },
      { ephemeral: true },
    );
    return;
  }

  if (sub === 'remove') {
    const article = interaction.options.getString('article')?.trim() ?? '';
    const found = store.current.corpus.byId.get(article);
    if (!found) {
      await interaction.reply(
        notice(
          article
            ? `I have no article “${escapeText(article)}”. Pick one from the suggestions as you type.`
            : 'Pick the article to remove from the suggestions as you type.',
        ),
      );
      return;
    }
    const confirm = confirmRemoval(
      found.id,
      interaction.user.id,
      describeArticle(found, lookupIn(store.current.corpus)(found.id)?.headline),
    );
    if (!confirm) {
      await interaction.reply(
        notice('That article id is too long for a confirmation button; remove the file by hand.'),
      );
      return;
    }
    await interaction.reply({ ...notice(confirm.content ?? ''), components: confirm.components ?? [] });
    return;
  }
  await interaction.reply(notice('Choose what to do: /sources-admin reload, add or remove.'));
}

/** Articles for `remove` (admins only): "outlet · title · date · size", matched on any of them or the id. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (!(await ctx.admins.allows(interaction.user.id, interaction.memberPermissions))) {
    await interaction.respond([]);
    return;
  }
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const { corpus } = ctx.store.current;
  const lookup = lookupIn(corpus);
  const choices: { name: string; value: string }[] = [];
  for (const a of corpus.articles) {
    const label = describeArticle(a, lookup(a.id)?.headline);
    if (typed && !`${label} ${a.id}`.toLowerCase().includes(typed)) continue;
    if (a.id.length > MAX_CHOICE_LENGTH) continue;
    const name = label.length <= MAX_CHOICE_LENGTH ? label : `${label.slice(0, MAX_CHOICE_LENGTH - 1)}…`;
    choices.push({ name, value: a.id });
    if (choices.length >= MAX_AUTOCOMPLETE_CHOICES) break;
  }
  await interaction.respond(choices);
}
