/**
 * Removing an article asks first: `/sources-admin remove` shows what would go (name, title, date,
 * size) with Remove / Cancel buttons; only the admin who asked can confirm.
 */
import { type ButtonInteraction, ButtonStyle } from 'discord.js';
import { log } from '../log.js';
import { removeArticle } from '../sources/manage.js';
import { formatDate, sourceName } from './cite.js';
import { type ActionRow, button, MAX_CUSTOM_ID, rows } from './components.js';
import { escapeText, formatSize, oneLine, type RenderedMessage, renderReload } from './render.js';
import { NO_PINGS, notice } from './respond.js';
import type { BotContext } from './types.js';

const REMOVE = 'adm:rm';
const CANCEL = 'adm:no';

export const NOT_ALLOWED =
  'Managing the articles needs the **Manage Server** permission in this server (or being one of the bot’s admins).';
export const NOT_YOURS = 'Only the admin who asked to remove this article can confirm it.';

export function isAdminButton(customId: string): boolean {
  return customId.startsWith(`${REMOVE}:`) || customId.startsWith(`${CANCEL}:`);
}

/** "NewsBeat · “Zelenskyy reveals …” · 5 Feb 2026 · 4.2 KB" for an article of the current index. */
export function describeArticle(
  article: {
    id: string;
    size: number;
    meta: { outlet: string | null; agency: string | null; title: string | null; published: string | null };
  },
  headline?: string | null,
): string {
  const name = sourceName({ ...article.meta, id: article.id, headline: headline ?? null });
  const title =
    article.meta.title && (article.meta.outlet ?? article.meta.agency) ? `“${oneLine(article.meta.title)}”` : null;
  return [name, title, formatDate(article.meta.published), formatSize(article.size)].filter(Boolean).join(' · ');
}

/** The confirmation for removing `id` (asked by `owner`), or null when the id is too long for a button. */
export function confirmRemoval(id: string, owner: string, description: string): RenderedMessage | null {
  const confirm = `${REMOVE}:${owner}:${id}`;
  if (confirm.length > MAX_CUSTOM_ID) return null;
  const components: ActionRow[] = rows([
    button(confirm, 'Remove it', ButtonStyle.Danger),
    button(`${CANCEL}:${owner}`, 'Cancel', ButtonStyle.Secondary),
  ]);
  return {
    content: `Remove **${escapeText(description)}** (file ${escapeText(id)}) from the articles I answer from? The index is rebuilt without it.`,
    embeds: [],
    components,
  };
}

export async function handleAdminButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const [, action, owner = '', ...rest] = interaction.customId.split(':');
  const id = rest.join(':');
  if (interaction.user.id !== owner) {
    await interaction.reply(notice(NOT_YOURS));
    return;
  }
  if (action === 'no') {
    await interaction.update({ content: 'Cancelled; nothing was removed.', components: [], allowedMentions: NO_PINGS });
    return;
  }
  if (!(await ctx.admins.allows(interaction.user.id, interaction.memberPermissions))) {
    await interaction.update({ content: NOT_ALLOWED, components: [], allowedMentions: NO_PINGS });
    return;
  }
  await interaction.update({
    content: `Removing **${escapeText(id)}** and rebuilding the index…`,
    components: [],
    allowedMentions: NO_PINGS,
  });
  const { store } = ctx;
  const changed = await store.change(() => removeArticle(store.dir, id));
  let message: RenderedMessage;
  if (changed.reload === null) {
    message = { content: `❌ Not removed: ${escapeText(changed.outcome.problem)}.`, embeds: [] };
  } else {
    log.info({ user: interaction.user.id, files: changed.outcome.removed }, 'article removed');
    message = renderReload(changed.reload, [
      `Removed ${changed.outcome.removed.map((f) => `**${escapeText(f)}**`).join(', ')}.`,
    ]);
  }
  await interaction.editReply({ content: message.content ?? '', components: [], allowedMentions: NO_PINGS });
}
