/**
 * `/sources-admin reload | add | remove` — admins only. Discord applies `default_member_permissions`
 * to a whole command (not to single subcommands), so the admin actions live in their own command,
 * hidden from members without Administrator, and checked again here against ADMIN_USER_IDS and the
 * application owner.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { downloadAttachment } from '../src/discord/attachments.js';
import { slashCommand } from '../src/discord/command.js';
import { escapeText, renderReload, toChoices } from '../src/discord/render.js';
import { deferThenReply, notice } from '../src/discord/respond.js';
import type { BotContext } from '../src/discord/types.js';
import { log } from '../src/log.js';
import { MAX_ARTICLE_BYTES } from '../src/sources/load.js';
import { addArticle, removeArticle } from '../src/sources/manage.js';

export const data = slashCommand('sources-admin', 'Manage the indexed articles (bot admins only)', { serverOnly: true })
  .setDefaultMemberPermissions(PermissionFlagsBits.Administrator)
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
        o.setName('article').setDescription('Article id (see /sources list)').setRequired(true).setAutocomplete(true),
      ),
  );

/** Admin actions are not counted against the per-user question rate limit (they are admin-gated and serialised). */
export const rateLimited = false;

export const NOT_ADMIN =
  'Only the bot’s admins can manage sources. Ask the bot owner to add your user id to ADMIN_USER_IDS.';

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  if (!(await ctx.admins.isAdmin(interaction.user.id))) {
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
    const file = interaction.options.getAttachment('file', true);
    const replace = interaction.options.getBoolean('replace') ?? false;
    await deferThenReply(
      interaction,
      async () => {
        if (file.size > MAX_ARTICLE_BYTES) {
          return {
            content: `❌ ${escapeText(file.name)} is too large: ${file.size} bytes, the limit is ${MAX_ARTICLE_BYTES}.`,
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
          `${added.replaced ? 'Replaced' : 'Added'} **${escapeText(added.file)}**.`,
        ]);
      },
      { ephemeral: true },
    );
    return;
  }

  if (sub === 'remove') {
    const article = interaction.options.getString('article', true);
    await deferThenReply(
      interaction,
      async () => {
        const changed = await store.change(() => removeArticle(store.dir, article));
        if (changed.reload === null)
          return { content: `❌ Not removed: ${escapeText(changed.outcome.problem)}.`, embeds: [] };
        const removed = changed.outcome;
        log.info({ user: interaction.user.id, files: removed.removed }, 'article removed');
        return renderReload(changed.reload, [
          `Removed ${removed.removed.map((f) => `**${escapeText(f)}**`).join(', ')}.`,
        ]);
      },
      { ephemeral: true },
    );
    return;
  }
  await interaction.reply(notice(`Unknown action "${escapeText(sub)}". Try /sources-admin reload, add or remove.`));
}

/** Article ids for `remove`, for admins only. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (!(await ctx.admins.isAdmin(interaction.user.id))) {
    await interaction.respond([]);
    return;
  }
  const typed = interaction.options.getFocused().toLowerCase();
  const ids = ctx.store.current.corpus.articles.map((a) => a.id).filter((id) => id.toLowerCase().includes(typed));
  await interaction.respond(toChoices(ids));
}
