/**
 * What a rendered message looks like in Discord, as a standalone HTML page (dark theme, embeds,
 * Discord's markdown subset, buttons), so anyone can look at what the bot sends without Discord.
 * Used by `npm run preview`, which screenshots these pages with headless Chromium.
 */
import type { APIEmbed } from 'discord.js';
import type { RenderedMessage } from '../discord/render.js';

const ESCAPED = /\\([^\w\s])/g;

function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Discord's inline markdown (bold, italics, code, links, command mentions, timestamps) → HTML. */
export function inline(text: string): string {
  const kept: string[] = [];
  const keep = (s: string) => `\uE000${kept.push(s) - 1}\uE000`;
  let t = text.replace(ESCAPED, (_, c: string) => keep(html(c)));
  t = t.replace(/<\/([\w -]+):(\d+)>/g, (_, name: string) => keep(`<span class="cmd">/${html(name)}</span>`));
  t = t.replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_, s: string) =>
    keep(`<span class="ts">${html(new Date(Number(s) * 1000).toUTCString().slice(5, 22))}</span>`),
  );
  t = t.replace(/<@!?&?(\d+)>/g, () => keep('<span class="cmd">@someone</span>'));
  t = html(t);
  t = t.replace(/`([^`]+)`/g, '<code>$1</code>');
  t = t.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  t = t.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  t = t.replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<em>$2</em>');
  return t.replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)] ?? '');
}

/** Lines with block quotes ("> …") grouped. */
export function markdown(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('> ')) out.push(`<blockquote>${inline(line.slice(2))}</blockquote>`);
    else out.push(line.trim() ? `<div>${inline(line)}</div>` : '<div class="gap"></div>');
  }
  return out.join('');
}

function embedHtml(e: APIEmbed, images: Record<string, string>): string {
  const color = `#${(e.color ?? 0x202225).toString(16).padStart(6, '0')}`;
  const image = e.image?.url ? (images[e.image.url.replace('attachment://', '')] ?? e.image.url) : null;
  return `<div class="embed" style="border-left-color:${color}">
    ${e.title ? `<div class="title">${inline(e.title)}</div>` : ''}
    ${e.description ? `<div class="desc">${markdown(e.description)}</div>` : ''}
    ${(e.fields ?? []).map((f) => `<div class="field"><div class="fname">${inline(f.name)}</div><div class="fvalue">${markdown(f.value)}</div></div>`).join('')}
    ${image ? `<img class="image" src="${html(image)}">` : ''}
    ${e.footer ? `<div class="footer">${html(e.footer.text)}${e.timestamp ? ` • ${html(e.timestamp.slice(0, 16).replace('T', ' '))}` : ''}</div>` : ''}
  </div>`;
}

const STYLES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

function componentsHtml(message: RenderedMessage): string {
  return (message.components ?? [])
    .map(
      (row) =>
        `<div class="row">${row.components
          .map((b) => {
            const label = 'label' in b && b.label ? html(b.label) : '';
            const emoji = 'emoji' in b && b.emoji?.name ? html(b.emoji.name) : '';
            const style = STYLES[b.style] ?? 'secondary';
            const disabled = 'disabled' in b && b.disabled ? ' disabled' : '';
            return `<span class="btn ${style}${disabled}">${emoji}${label}${b.style === 5 ? ' ↗' : ''}</span>`;
          })
          .join('')}</div>`,
    )
    .join('');
}

/** One screen: the user's command line, then the bot's message as Discord shows it. */
export function messageHtml(
  caption: string,
  message: RenderedMessage,
  options: { ephemeral?: boolean; images?: Record<string, string> } = {},
): string {
  const images = options.images ?? {};
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin:0; background:#313338; color:#dbdee1; font:16px/1.375 "DejaVu Sans", sans-serif; width:760px; }
  .msg { padding:16px 16px 24px 72px; position:relative; }
  .avatar { position:absolute; left:16px; top:16px; width:40px; height:40px; border-radius:50%; background:#5865f2; }
  .who { color:#f2f3f5; font-weight:600; } .bot { background:#5865f2; color:#fff; font-size:11px; padding:0 4px; border-radius:3px; margin-left:4px; }
  .caption { color:#949ba4; font-size:14px; margin-bottom:4px; }
  .content { white-space:pre-wrap; margin:2px 0 4px; }
  .embed { background:#2b2d31; border-left:4px solid; border-radius:4px; padding:8px 16px 16px 12px; margin-top:8px; max-width:520px; }
  .title { font-weight:700; color:#f2f3f5; margin-top:8px; }
  .desc { font-size:14px; margin-top:8px; } .desc .gap, .fvalue .gap { height:8px; }
  .field { margin-top:8px; font-size:14px; } .fname { font-weight:700; color:#f2f3f5; }
  blockquote { margin:2px 0; padding-left:10px; border-left:4px solid #4e5058; }
  .footer { font-size:12px; color:#b5bac1; margin-top:8px; }
  .image { max-width:100%; border-radius:4px; margin-top:12px; display:block; }
  code { background:#1e1f22; padding:0 3px; border-radius:3px; font-size:85%; }
  a { color:#00a8fc; text-decoration:none; }
  .cmd { background:#3c4270; color:#c9cdfb; padding:0 2px; border-radius:3px; }
  .row { margin-top:8px; display:flex; gap:8px; flex-wrap:wrap; }
  .btn { display:inline-block; padding:2px 16px; min-height:32px; line-height:32px; border-radius:3px; font-size:14px; color:#fff; }
  .primary { background:#5865f2; } .secondary, .link { background:#4e5058; } .danger { background:#da373c; } .success { background:#248046; }
  .disabled { opacity:.5; }
  .eph { font-size:12px; color:#949ba4; margin-top:6px; }
</style></head><body><div class="msg"><div class="avatar"></div>
  <div class="caption">${html(caption)}</div>
  <div><span class="who">PeaceTalksBot</span><span class="bot">APP</span></div>
  ${message.content ? `<div class="content">${markdown(message.content)}</div>` : ''}
  ${message.embeds.map((e) => embedHtml(e, images)).join('')}
  ${componentsHtml(message)}
  ${options.ephemeral ? '<div class="eph">👁 Only you can see this</div>' : ''}
</div><script>addEventListener('load', () => { document.title = String(document.body.scrollHeight); });</script></body></html>`;
}
