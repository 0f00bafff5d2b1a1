/**
 * Buttons under the bot's messages, as plain API JSON, inside Discord's component limits. What a
 * button does is written into its custom id (kind, view, page, who asked, arguments), so any bot
 * process can handle a click without remembering anything.
 */
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';

/** Action rows in one message. */
export const MAX_ACTION_ROWS = 5;
/** Buttons in one action row. */
export const MAX_BUTTONS_PER_ROW = 5;
/** Characters in a component's custom id. */
export const MAX_CUSTOM_ID = 100;
/** Characters in a button label. */
export const MAX_BUTTON_LABEL = 80;
/** Characters in a link button's URL. */
export const MAX_BUTTON_URL = 512;

export type ActionRow = APIActionRowComponent<APIButtonComponent>;

/** What a paging or view button leads to. */
export type PageState =
  | { kind: 'ask'; view: 'answer' | 'sources'; page: number; owner: string }
  | {
      kind: 'casualties';
      view: 'figures' | 'quotes';
      page: number;
      owner: string;
      side: string;
      measure: string | null;
    }
  | { kind: 'talks'; view: 'items' | 'quotes'; page: number; owner: string; topic: string | null }
  | { kind: 'sources'; view: 'items'; page: number; owner: string };

const KIND_CODES = { ask: 'a', casualties: 'c', talks: 't', sources: 's' } as const;
const VIEW_CODES: Record<string, string> = {
  answer: 'a',
  sources: 's',
  figures: 'f',
  quotes: 'q',
  items: 'i',
};
const decodeView = (code: string) => Object.keys(VIEW_CODES).find((k) => VIEW_CODES[k] === code);

/** The prefix of every paging custom id. */
export const PAGE_PREFIX = 'pg';

/**
 * `pg:<tag>:<kind>:<view>:<page>:<owner>:<arg>:<arg>`. The tag only keeps ids unique within a message
 * (Previous and Next may lead to the same page). Arguments are URI-encoded.
 */
export function encodePage(state: PageState, tag: string): string {
  const args =
    state.kind === 'casualties' ? [state.side, state.measure ?? ''] : state.kind === 'talks' ? [state.topic ?? ''] : [];
  const id = [
    PAGE_PREFIX,
    tag,
    KIND_CODES[state.kind],
    VIEW_CODES[state.view],
    String(state.page),
    state.owner,
    ...args.map(encodeURIComponent),
  ].join(':');
  if (id.length > MAX_CUSTOM_ID) throw new Error(`custom id too long (${id.length}): ${id}`);
  return id;
}

export function decodePage(customId: string): PageState | null {
  const parts = customId.split(':');
  if (parts[0] !== PAGE_PREFIX || parts.length < 6) return null;
  const [, , kindCode, viewCode = '', pageText = '', owner = '', a = '', b = ''] = parts;
  const view = decodeView(viewCode);
  const page = Number(pageText);
  if (!view || !Number.isInteger(page) || page < 0 || !/^\d{1,20}$/.test(owner)) return null;
  let arg1: string;
  let arg2: string;
  try {
    arg1 = decodeURIComponent(a);
    arg2 = decodeURIComponent(b);
  } catch {
    return null;
  }
  if (kindCode === 'a' && (view === 'answer' || view === 'sources')) return { kind: 'ask', view, page, owner };
  if (kindCode === 'c' && (view === 'figures' || view === 'quotes'))
    return { kind: 'casualties', view, page, owner, side: arg1 || 'all', measure: arg2 || null };
  if (kindCode === 't' && (view === 'items' || view === 'quotes'))
    return { kind: 'talks', view, page, owner, topic: arg1 || null };
  if (kindCode === 's' && view === 'items') return { kind: 'sources', view, page, owner };
  return null;
}

export function clipLabel(label: string): string {
  const one = label.replace(/\s+/g, ' ').trim();
  return one.length <= MAX_BUTTON_LABEL ? one : `${one.slice(0, MAX_BUTTON_LABEL - 1).trimEnd()}…`;
}

export function button(
  customId: string,
  label: string,
  style: ButtonStyle = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: clipLabel(label),
    style: style as ButtonStyle.Primary,
    ...(disabled ? { disabled: true } : {}),
  };
}

export function linkButton(url: string, label: string): APIButtonComponent | null {
  if (url.length > MAX_BUTTON_URL || !/^https?:\/\//i.test(url)) return null;
  return { type: ComponentType.Button, style: ButtonStyle.Link, url, label: clipLabel(label) };
}

/** Buttons into rows of at most five, at most `maxRows` rows (extra buttons are left out). */
export function rows(buttons: APIButtonComponent[], maxRows = MAX_ACTION_ROWS): ActionRow[] {
  const out: ActionRow[] = [];
  for (let i = 0; i < buttons.length && out.length < maxRows; i += MAX_BUTTONS_PER_ROW)
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  return out;
}

/** Previous / "page x of y" / Next (and extra buttons after them) for a paged view. */
export function pagerRow(state: PageState, pages: number, extra: APIButtonComponent[] = []): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  if (pages > 1) {
    buttons.push(
      button(
        encodePage({ ...state, page: Math.max(0, state.page - 1) }, 'p'),
        '◀ Previous',
        ButtonStyle.Secondary,
        state.page === 0,
      ),
      button(
        encodePage({ ...state, page: Math.min(pages - 1, state.page + 1) }, 'n'),
        'Next ▶',
        ButtonStyle.Secondary,
        state.page >= pages - 1,
      ),
    );
  }
  return [...buttons, ...extra];
}

/** Up to five link buttons (one row) for the articles on a page that have a URL. */
export function linkRow(sources: readonly { url: string | null; name: string }[]): APIButtonComponent[] {
  const seen = new Set<string>();
  const out: APIButtonComponent[] = [];
  for (const s of sources) {
    if (!s.url || seen.has(s.url)) continue;
    const b = linkButton(s.url, s.name.replace(/^“|”$/g, ''));
    if (!b) continue;
    seen.add(s.url);
    out.push(b);
    if (out.length >= MAX_BUTTONS_PER_ROW) break;
  }
  return out;
}

/** Custom ids of the feedback buttons under an answer. */
export const FEEDBACK_UP = 'fb:up';
export const FEEDBACK_DOWN = 'fb:down';

/** 👍 / 👎 under an answer: the vote is stored with the question, the answer and its sources. */
export function feedbackButtons(): APIButtonComponent[] {
  return [
    { type: ComponentType.Button, custom_id: FEEDBACK_UP, style: ButtonStyle.Secondary, emoji: { name: '👍' } },
    { type: ComponentType.Button, custom_id: FEEDBACK_DOWN, style: ButtonStyle.Secondary, emoji: { name: '👎' } },
  ];
}

/** The custom id of the "Follow up in a thread" button (anyone may press it: a thread is a public discussion). */
export const THREAD_BUTTON = 'th:new';
export const THREAD_BUTTON_LABEL = 'Follow up in a thread';

/** 💬 Follow up in a thread: starts a public thread on the answer for follow-up questions (threads.ts). */
export function threadButton(): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: THREAD_BUTTON,
    label: THREAD_BUTTON_LABEL,
    style: ButtonStyle.Secondary,
    emoji: { name: '💬' },
  };
}
