/**
 * What people type around a question in Discord — mentions, @everyone, links, markdown, custom
 * emoji, timestamps — is not part of the question. `cleanQuestion` removes it before the engine
 * sees the text, so "Who is the mayor of Kyiv? @everyone" is asked as "Who is the mayor of Kyiv?",
 * and titles built from the cleaned text never show raw mention syntax.
 */

/** `<@123>`, `<@!123>` (users), `<@&123>` (roles), `<#123>` (channels), `</name:123>` (command mentions). */
const MENTION = /<(?:@[!&]?|#)\d{15,22}>|<\/[\w-]+(?: [\w-]+){0,2}:\d{15,22}>/g;
/** `<:name:123>` and `<a:name:123>` custom emoji. */
const CUSTOM_EMOJI = /<a?:\w{2,32}:\d{15,22}>/g;
/** `<t:1700000000:R>` timestamps. */
const TIMESTAMP = /<t:-?\d{1,13}(?::[tTdDfFR])?>/g;
const EVERYONE = /@(?:everyone|here)\b/gi;
/** `[text](https://…)` masked links keep their text. */
const MASKED_LINK = /\[([^\]\n]{0,200})\]\(\s*<?https?:\/\/[^)\s]*>?\s*\)/gi;
/** Bare links, with or without the `<…>` that suppresses embeds. */
const URL = /<?\bhttps?:\/\/[^\s<>]+>?/gi;
const WWW = /\bwww\.[^\s<>]+/gi;
/** Fenced code markers, then inline code, bold, italics, underline, strike, spoilers. */
const FENCE = /```(?:[a-z0-9_+-]*\n)?/gi;
const INLINE_MARKS = /\*\*|__|~~|\|\||`+|(?<=^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$|[?.!,;:])/g;
/** Line prefixes: block quotes, headings, sub-text, list bullets. */
const LINE_PREFIX = /^\s*(?:>>>\s?|>\s?|#{1,3}\s+|-#\s+|[-*+]\s+)+/gm;

/** The question without Discord syntax: mentions, @everyone/@here, links, markdown, custom emoji. */
export function cleanQuestion(text: string): string {
  return text
    .replace(MENTION, ' ')
    .replace(CUSTOM_EMOJI, ' ')
    .replace(TIMESTAMP, ' ')
    .replace(EVERYONE, ' ')
    .replace(MASKED_LINK, '$1')
    .replace(URL, ' ')
    .replace(WWW, ' ')
    .replace(FENCE, ' ')
    .replace(LINE_PREFIX, '')
    .replace(INLINE_MARKS, '')
    .replace(/\\([\\*_~`|>#[\]()-])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s+([?.!,;:])/g, '$1')
    .replace(/[,;:]+([?.!])/g, '$1')
    .replace(/^[\s,;:.!-]+/, '')
    .trim();
}

/** Whether `text` still contains syntax Discord would render as a mention (for tests and titles). */
export function hasMentionSyntax(text: string): boolean {
  return /<(?:@[!&]?|#)\d+>|@everyone|@here/i.test(text);
}
