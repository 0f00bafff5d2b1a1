/**
 * What people see, through the fake Discord with the real bot process (real discord.js): default
 * options and stale registrations, help and small talk with clickable command mentions, cleaned
 * questions, readable sources with link buttons, pages turned by buttons (only by the asker), the
 * compact talks brief with topic buttons, 👍/👎 stored in SQLite, and the unknown-command reply.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONLY_ASKER } from '../../src/discord/buttons.js';
import { FEEDBACK_UP, THREAD_BUTTON } from '../../src/discord/components.js';
import { FeedbackStore, feedbackFile } from '../../src/discord/feedback.js';
import { mentionWith, unknownCommandMessage } from '../../src/discord/help.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { FIGURES_PER_PAGE, lookupIn, renderAnswer } from '../../src/discord/render.js';
import { loadCorpus } from '../../src/sources/load.js';
import { buildSnapshot, type Snapshot } from '../../src/store.js';
import { type BotProcess, botEnv, copySeeds, FAKE_TOKEN, REPO, startBotProcess } from '../fake-discord/harness.js';
import type { Json } from '../fake-discord/payloads.js';
import { noPings } from '../fake-discord/pings.js';
import { FakeDiscord, type InteractionResult, type SentMessage } from '../fake-discord/server.js';

const NEWSBEAT_URL = 'https://newsbeat.example/zelenskyy-55000';

let fake: FakeDiscord;
let bot: BotProcess;
let sources: Awaited<ReturnType<typeof copySeeds>>;
let dataDir: string;
let reference: Snapshot;

const str = (name: string, value: string, extra: Record<string, unknown> = {}) => ({ name, type: 3, value, ...extra });
const embedsOf = (r: InteractionResult | null) => (r?.message?.body.embeds ?? []) as APIEmbed[];
const messageOf = (r: InteractionResult) => r.message?.message as Json;
type Button = { custom_id?: string; label?: string; url?: string; style: number; disabled?: boolean };
const buttonsOf = (r: InteractionResult): Button[] =>
  (((r.message?.body.components as Json[] | undefined) ?? []) as { components: Button[] }[]).flatMap(
    (row) => row.components,
  );
const button = (r: InteractionResult, label: string | RegExp) => {
  const b = buttonsOf(r).find((x) => (typeof label === 'string' ? x.label === label : label.test(x.label ?? '')));
  if (!b?.custom_id) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(r))}`);
  return b.custom_id;
};
const mention = () => mentionWith(new Map(fake.commands().map((c) => [String(c.name), String(c.id)])));
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  sources = await copySeeds();
  // A URL for one article, so its sources get a link button.
  const meta = path.join(sources.dir, '003_b4c162ffc039102d.meta.json');
  await writeFile(meta, JSON.stringify({ ...JSON.parse(await readFile(meta, 'utf8')), url: NEWSBEAT_URL }));
  const loaded = await loadCorpus(sources.dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  reference = buildSnapshot(loaded.corpus);
  dataDir = await mkdtemp(path.join(tmpdir(), 'bot-data-'));
  fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
  bot = await startBotProcess(fake, botEnv(fake, sources.dir, { DATA_DIR: dataDir }));
}, 120_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  await sources?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('/casualties', () => {
  it('gives an overview of all sides when no option is chosen, one line per figure grouped by population', async () => {
    const result = await fake.command('casualties').result();
    const [main, list] = embedsOf(result);
    expect(main?.title).toBe('Casualty figures — All sides');
    const figures = (main?.description ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(figures).toHaveLength(Math.min(FIGURES_PER_PAGE, reference.casualties.figures.length));
    expect(main?.description).not.toMatch(/\(exact\)|\d{4}-\d{2}/);
    expect(main?.footer?.text).toMatch(new RegExp(`^Figures 1–${figures.length} of \\d+ · page 1 of \\d+`));
    // Every number shown resolves on this page.
    for (const [, n] of (main?.description ?? '').matchAll(/\[(\d+)\]/g))
      expect(list?.description).toContain(`**[${n}]**`);
    expect(list?.description).not.toMatch(/article \d{3}_/);
    expect(buttonsOf(result).find((b) => b.style === 5)).toMatchObject({ url: NEWSBEAT_URL });
  });

  it('attaches a chart of the figures, kept when the asker turns the page', async () => {
    const asker = fake.user('charter');
    const first = await fake.command('casualties', { user: asker }).result();
    expect(embedsOf(first)[0]?.image?.url).toBe('attachment://casualties.png');
    const upload = fake.requests.find(
      (r) =>
        r.route.includes(`/webhooks/`) && r.files.includes('casualties.png') && r.at >= (first.message?.at ?? 0) - 5000,
    );
    expect(upload).toBeDefined();
    const next = await fake.click(messageOf(first), button(first, 'Next ▶'), { user: asker }).result();
    expect(embedsOf(next)[0]?.image?.url).toBe('attachment://casualties.png');
  });

  it('still answers when the registration is stale (no options registered at all)', async () => {
    const stale = commandDefinitions().map((c) =>
      c.name === 'casualties' ? { name: 'casualties', description: 'Casualty figures', type: 1 } : c,
    );
    fake.setCommands(stale);
    try {
      const result = await fake.command('casualties').result();
      expect(embedsOf(result)[0]?.title).toBe('Casualty figures — All sides');
      expect(result.ephemeral).toBe(false);
    } finally {
      fake.setCommands(commandDefinitions());
    }
  });

  it('turns pages with Next and Previous for the asker, editing the same message', async () => {
    const asker = fake.user('pager');
    const first = await fake.command('casualties', { user: asker }).result();
    const next = await fake.click(messageOf(first), button(first, 'Next ▶'), { user: asker }).result();
    expect(next.ackType).toBe(7);
    expect(next.message?.messageId).toBe(first.message?.messageId);
    const [main] = embedsOf(next);
    expect(main?.footer?.text).toMatch(new RegExp(`^Figures ${FIGURES_PER_PAGE + 1}–\\d+ of \\d+ · page 2 of`));
    const back = await fake.click(messageOf(next), button(next, '◀ Previous'), { user: asker }).result();
    expect(embedsOf(back)[0]?.description).toBe(embedsOf(first)[0]?.description);
  });

  it('reaches every figure by turning pages: nothing dropped, footers counting what is shown', async () => {
    const asker = fake.user('walker');
    let page = await fake.command('casualties', { user: asker }).result();
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [main] = embedsOf(page);
      const lines = (main?.description ?? '').split('\n').filter((l) => l.startsWith('• '));
      seen.push(...lines);
      const [, from, to, total] = /^Figures (\d+)–(\d+) of (\d+)/.exec(main?.footer?.text ?? '') ?? [];
      expect(Number(to) - Number(from) + 1).toBe(lines.length);
      expect(Number(total)).toBe(reference.casualties.figures.length);
      const next = buttonsOf(page).find((b) => b.label === 'Next ▶');
      if (!next || next.disabled) break;
      page = await fake.click(messageOf(page), String(next.custom_id), { user: asker }).result();
    }
    expect(seen).toHaveLength(reference.casualties.figures.length);
  });

  it('gives anyone else their own private copy instead of turning the asker’s pages', async () => {
    const asker = fake.user('asker');
    const first = await fake.command('casualties', { user: asker }).result();
    const other = await fake.click(messageOf(first), button(first, 'Next ▶'), { user: fake.user('other') }).result();
    expect(other.ackType).toBe(4);
    expect(other.ephemeral).toBe(true);
    expect(other.message?.body.content).toBe(ONLY_ASKER);
    expect(embedsOf(other)[0]?.footer?.text).toMatch(/page 2 of/);
    const stored = fake.sent.filter((m) => m.messageId === first.message?.messageId).at(-1);
    expect(((stored?.message.embeds ?? []) as APIEmbed[])[0]?.footer?.text).toMatch(/page 1 of/);
  });

  it('writes qualifiers as the sources do, one date format on every page, "Sources disagree" only at one date', async () => {
    const asker = fake.user('qualifiers');
    let page = await fake.command('casualties', { user: asker }).result();
    const text: string[] = [];
    for (let i = 0; i < 20; i++) {
      text.push(...embedsOf(page).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`));
      const next = buttonsOf(page).find((b) => b.label === 'Next ▶');
      if (!next || next.disabled) break;
      page = await fake.click(messageOf(page), String(next.custom_id), { user: asker }).result();
    }
    const all = text.join('\n').replace(/\\([^\w\s])/g, '$1');
    const lines = all.split('\n').filter((l) => l.startsWith('• '));
    for (const f of reference.casualties.figures) {
      // "about 55,000", "more than 46,000", "1.2 million": the figure as written, never "(exact)".
      const shown = lines.filter((l) => l.toLowerCase().includes(`**${f.text.toLowerCase()}**`));
      expect(shown.length, `figure "${f.text}" (${f.population}, ${f.measure})`).toBeGreaterThan(0);
    }
    expect(all).not.toMatch(/\(exact\)/);
    expect(all).not.toMatch(/\b\d{4}-\d{2}\b/);
    for (const [, date] of all.matchAll(/as of ([^[\n]+?) \[/g))
      expect(date).toMatch(/^(?:\d{1,2} )?(?:Jan|Feb|Mar|Apr|May|June|July|Aug|Sept|Oct|Nov|Dec) \d{4}$|^\d{4}$/);
    // Figures of one population and measure from different months are not a disagreement.
    const month = (text: string, claimant: string | null) =>
      reference.casualties.figures.find((f) => f.text === text && f.claimant === claimant)?.asOf?.slice(0, 7) ?? null;
    for (const c of reference.casualties.conflicts) {
      const months = new Set(c.figures.map((f) => month(f.text, f.claimant)));
      if (months.size > 1) expect(all).not.toContain(`Sources disagree — ${c.about}`);
    }
  });

  it('shows the verbatim quotes behind a page with "Sources (quotes)"', async () => {
    const asker = fake.user('quotes');
    const first = await fake.command('casualties', { user: asker }).result();
    const quotes = await fake.click(messageOf(first), button(first, 'Sources (quotes)'), { user: asker }).result();
    expect(embedsOf(quotes)[0]?.title).toBe('Sources — Casualty figures — All sides');
    expect(embedsOf(quotes)[0]?.description).toMatch(/\n> .*\d/);
    const back = await fake.click(messageOf(quotes), button(quotes, 'Back to the figures'), { user: asker }).result();
    expect(embedsOf(back)[0]?.title).toBe('Casualty figures — All sides');
  });
});

describe('stale registrations', () => {
  it('/ask registered without its question option answers with help instead of failing', async () => {
    fake.setCommands(
      commandDefinitions().map((c) => (c.name === 'ask' ? { name: 'ask', description: 'Ask', type: 1 } : c)),
    );
    try {
      const result = await fake.command('ask').result();
      expect(result.ephemeral).toBe(true);
      expect(embedsOf(result)[0]?.title).toBe('Ask me about the Abu Dhabi peace talks');
    } finally {
      fake.setCommands(commandDefinitions());
    }
  });
});

describe('/talks', () => {
  it('gives a compact brief with a button for each topic, and a topic in full on click', async () => {
    const asker = fake.user('talker');
    const brief = await fake.command('talks', { user: asker }).result();
    const [main] = embedsOf(brief);
    expect(main?.title).toBe('Abu Dhabi talks — brief');
    expect((main?.description ?? '').split('\n').length).toBeLessThanOrEqual(40);
    const topics = buttonsOf(brief).filter((b) => b.custom_id?.includes(':t:'));
    expect(topics.map((b) => b.label?.replace(/ \(\d+\)$/, ''))).toContain('Participants');
    const participants = await fake.click(messageOf(brief), button(brief, /^Participants/), { user: asker }).result();
    expect(embedsOf(participants)[0]?.title).toBe('Abu Dhabi talks — Participants');
    expect(embedsOf(participants)[0]?.footer?.text).toMatch(/^Items 1–\d+ of \d+/);
    const back = await fake.click(messageOf(participants), button(participants, '◀ Brief'), { user: asker }).result();
    expect(embedsOf(back)[0]?.title).toBe('Abu Dhabi talks — brief');
  });
});

describe('/ask', () => {
  const clean = 'How many prisoners were exchanged?';

  it('cleans mentions, @everyone, links and markdown out of the question before answering', async () => {
    const q = `<@&123456789012345678> **How many prisoners were exchanged?** @everyone https://example.com/x`;
    const result = await fake.command('ask', { options: [str('question', q)] }).result();
    const [embed] = embedsOf(result);
    expect(embed?.title).toBe(clean);
    const expected = renderAnswer(reference.engine.ask(clean), lookupIn(reference.corpus), { mention: mention() });
    expect(embed?.description).toBe(plain(expected.embeds[0])?.description);
  });

  it('shows the short answer with at most two quotes, "Show all sources" and feedback buttons', async () => {
    const asker = fake.user('asker2');
    const result = await fake.command('ask', { options: [str('question', clean)], user: asker }).result();
    expect(embedsOf(result)[0]?.fields?.length ?? 0).toBeLessThanOrEqual(2);
    const labels = buttonsOf(result).map((b) => b.label ?? '');
    expect(labels[0]).toMatch(/^Show all sources \(\d+\)$/);
    const all = await fake.click(messageOf(result), button(result, /^Show all sources/), { user: asker }).result();
    // The answer is asked again: acknowledged first (deferred update), then the same message edited.
    expect(all.ackType).toBe(6);
    expect(all.message?.messageId).toBe(result.message?.messageId);
    expect(embedsOf(all)[0]?.description).toMatch(/^All \d+ sources? behind the answer/);
    expect(embedsOf(all)[0]?.footer?.text).toMatch(/^Sources 1–\d+ of \d+/);
  });

  it('suggests whole questions for a single letter, and no "who is <word>" or duplicate variants', async () => {
    const one = await fake.autocomplete('ask', { options: [str('question', 'w', { focused: true })] }).result();
    expect(one.choices?.length).toBeGreaterThan(0);
    for (const c of one.choices ?? []) expect(String(c.value)).toMatch(/\s/);
    const who = await fake
      .autocomplete('ask', { options: [str('question', 'who is wit', { focused: true })] })
      .result();
    expect((who.choices ?? []).map((c) => c.value)).not.toContain('who is withdrawal');
    const trump = await fake.autocomplete('ask', { options: [str('question', 'trump', { focused: true })] }).result();
    expect((trump.choices ?? []).filter((c) => /Trump say/.test(String(c.value)))).toHaveLength(1);
  });

  it('shows the same sentence in two outlets’ copies as one report: "AP, also carried by NewsBeat"', async () => {
    const q = 'How many Ukrainian civilians have been killed?';
    const expected = reference.engine.ask(q);
    const sources = (s: string) => expected.citations.filter((c) => c.quote === s).map((c) => c.source);
    const syndicated = expected.citations.find((c) => sources(c.quote).length > 1);
    const result = await fake.command('ask', { options: [str('question', q)] }).result();
    const names = (embedsOf(result)[0]?.fields ?? []).map((f) => f.name);
    // [engine content] the seeds' AP and NewsBeat articles carry one UN sentence word for word.
    expect(syndicated).toBeDefined();
    expect(names.some((n) => n.includes('The Associated Press, also carried by NewsBeat'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('numbers citations per message: every [n] on an answer or the talks brief resolves on that message', async () => {
    const answer = await fake.command('ask', { options: [str('question', clean)] }).result();
    const [embed] = embedsOf(answer);
    const defined = new Set((embed?.fields ?? []).map((f) => /^\[(\d+)\]/.exec(f.name)?.[1]));
    const used = [...(embed?.description ?? '').matchAll(/\[(\d+)\]/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const n of used) expect(defined.has(n)).toBe(true);
    // Numbered from 1 in reading order on this message, whatever the article ids.
    expect(used[0]).toBe('1');
    const brief = await fake.command('talks').result();
    const [main, list] = embedsOf(brief);
    for (const [, n] of (main?.description ?? '').matchAll(/\[(\d+)\]/g))
      expect(list?.description).toContain(`**[${n}]**`);
  });

  it('answers privately when asked to', async () => {
    const result = await fake
      .command('ask', { options: [str('question', clean), { name: 'private', type: 5, value: true }] })
      .result();
    expect(result.ephemeral).toBe(true);
    expect(embedsOf(result)[0]?.title).toBe(clean);
  });

  it('stores a 👍 with the question, the answer and its sources in SQLite, and lists it on the command line', async () => {
    const voter = fake.user('voter');
    const result = await fake.command('ask', { options: [str('question', clean)], user: voter }).result();
    const voted = await fake.click(messageOf(result), FEEDBACK_UP, { user: voter }).result();
    expect(voted.ephemeral).toBe(true);
    expect(voted.message?.body.content).toMatch(/Thanks/);
    const store = new FeedbackStore(feedbackFile(dataDir));
    const votes = store.list().filter((v) => v.user === voter.id);
    store.close();
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ vote: 1, question: clean, abstained: false });
    expect(votes[0]?.sources.length).toBeGreaterThan(0);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'feedback', '--data', dataDir],
      { cwd: REPO },
    );
    expect(stdout).toContain(`Q: ${clean}`);
  });

  it('answers a greeting with what it can do, pointing to the commands as clickable mentions', async () => {
    const result = await fake.command('ask', { options: [str('question', 'hi!')] }).result();
    expect(result.ephemeral).toBe(true);
    const text = embedsOf(result)[0]?.description ?? '';
    expect(text).toMatch(/^Hi!/);
    const talks = fake.commands().find((c) => c.name === 'talks');
    expect(text).toContain(`</talks:${String(talks?.id)}>`);
  });
});

describe('/help and unknown commands', () => {
  it('/help lists the commands as clickable mentions, privately', async () => {
    const result = await fake.command('help').result();
    expect(result.ephemeral).toBe(true);
    const ask = fake.commands().find((c) => c.name === 'ask');
    expect(embedsOf(result)[0]?.description).toContain(`</ask:${String(ask?.id)}>`);
  });

  it('answers a command the bot no longer has in words for users', async () => {
    const result = await fake.command('prisoners').result();
    expect(result.ephemeral).toBe(true);
    expect(result.message?.body.content).toBe(unknownCommandMessage(mention()));
    expect(result.message?.body.content).not.toMatch(/deploy|npm/);
  });
});

describe('mentions', () => {
  const replyTo = (asked: Json) =>
    fake.waitFor(
      () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
      'a reply',
    );

  it('answers a reply to one of its answers with the earlier question as context ("and Russia?")', async () => {
    const author = fake.user('follower');
    const first = await replyTo(
      fake.postMessage(`<@${fake.bot.id}> How many Ukrainian soldiers have been killed?`, { author }),
    );
    const followUp = fake.postMessage('and Russia?', { author, replyTo: first.message });
    const reply = await replyTo(followUp);
    expect((reply.body.embeds as APIEmbed[])[0]?.title).toBe('How many Russian soldiers have been killed?');
    expect(bot.logs.some((l) => l.msg === 'answered follow-up mention')).toBe(true);
    expect(noPings(reply.pings)).toBe(true);
  });

  it('answers "thanks" with a friendly pointer to the commands, not an article sentence', async () => {
    const reply = await replyTo(fake.postMessage(`<@${fake.bot.id}> thanks!`));
    const [embed] = reply.body.embeds as APIEmbed[];
    expect(embed?.description).toMatch(/^You’re welcome!/);
    expect(embed?.fields).toBeUndefined();
  });

  it('answers a question wrapped in @everyone and a link as the question itself, with buttons for its author', async () => {
    const author = fake.user('mentioner');
    const asked = fake.postMessage(
      `<@${fake.bot.id}> Where are the peace talks taking place? @everyone https://x.example`,
      {
        author,
      },
    );
    const reply = await replyTo(asked);
    const [embed] = reply.body.embeds as APIEmbed[];
    expect(embed?.title).toBe('Where are the peace talks taking place?');
    const rows = (reply.body.components as { components: Button[] }[] | undefined) ?? [];
    const show = rows.flatMap((r) => r.components).find((b) => /^Show all sources/.test(b.label ?? ''));
    expect(show?.custom_id).toContain(author.id);
    const clicked = await fake.click(reply.message, String(show?.custom_id), { user: author }).result();
    expect(clicked.ackType).toBe(6);
    expect(clicked.message?.messageId).toBe(reply.messageId);
  });
});

describe('follow-ups in a thread', () => {
  const replyTo = (asked: Json) =>
    fake.waitFor(
      () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
      'a reply',
    );
  const buttonsIn = (m: SentMessage) =>
    ((m.body.components as { components: Button[] }[] | undefined) ?? []).flatMap((r) => r.components);
  const question = 'How many Ukrainian soldiers have been killed?';
  let answer: SentMessage;
  let threadId: string;

  it('puts a "Follow up in a thread" button on a public answer, which starts a thread named after the question', async () => {
    const author = fake.user('threader');
    answer = await replyTo(fake.postMessage(`<@${fake.bot.id}> ${question}`, { author }));
    expect(buttonsIn(answer).map((b) => b.custom_id)).toContain(THREAD_BUTTON);
    // Anyone may start the discussion, not only the asker.
    const clicked = await fake.click(answer.message, THREAD_BUTTON, { user: fake.user('passer-by') }).result();
    expect(clicked).toMatchObject({ ackType: 5, ephemeral: true });
    const started = fake.threadsStarted.find((t) => t.threadId === answer.messageId);
    expect(started).toMatchObject({ channelId: fake.channelId, name: question });
    threadId = String(started?.threadId);
    expect(String(clicked.message?.body.content)).toBe(
      `Thread started: <#${threadId}> — mention me there with your follow-up.`,
    );
    const welcome = await fake.waitFor(
      () => fake.sent.find((m) => m.kind === 'channel' && m.channelId === threadId),
      'the first message in the thread',
    );
    expect(String(welcome.body.content)).toMatch(/^Ask follow-ups here — mention me/);
  });

  it('answers a mention in the thread with the thread’s question as context, and the next one with the last', async () => {
    const author = fake.user('thread-member');
    const russia = await replyTo(fake.postMessage(`<@${fake.bot.id}> and Russia?`, { author, channelId: threadId }));
    expect(russia.channelId).toBe(threadId);
    expect((russia.body.embeds as APIEmbed[])[0]?.title).toBe('How many Russian soldiers have been killed?');
    // Inside the thread an answer gets no thread button of its own.
    expect(buttonsIn(russia).map((b) => b.custom_id)).not.toContain(THREAD_BUTTON);
    const wounded = await replyTo(
      fake.postMessage(`<@${fake.bot.id}> what about wounded?`, { author, channelId: threadId }),
    );
    expect((wounded.body.embeds as APIEmbed[])[0]?.title).toBe('How many Russian soldiers have been wounded?');
    expect(noPings(wounded.pings)).toBe(true);
  });

  it('leaves a thread message without a mention alone (no privileged Message Content intent: Discord sends no text)', async () => {
    const before = fake.sent.length;
    fake.postMessage('and civilians?', { channelId: threadId });
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.sent.length).toBe(before);
  });

  it('points to the existing thread when the button is pressed again', async () => {
    const again = await fake.click(answer.message, THREAD_BUTTON).result();
    expect(again.ephemeral).toBe(true);
    expect(String(again.message?.body.content)).toMatch(
      new RegExp(`^There is a thread for this answer already: <#${threadId}>`),
    );
    expect(fake.threadsStarted.filter((t) => t.threadId === answer.messageId)).toHaveLength(1);
  });

  it('offers the thread on public /ask answers only, never on private ones', async () => {
    const q = 'How many prisoners were exchanged?';
    const shown = await fake.command('ask', { options: [str('question', q)] }).result();
    expect(buttonsOf(shown).map((b) => b.custom_id)).toContain(THREAD_BUTTON);
    const hidden = await fake
      .command('ask', { options: [str('question', q), { name: 'private', type: 5, value: true }] })
      .result();
    expect(buttonsOf(hidden).map((b) => b.custom_id)).not.toContain(THREAD_BUTTON);
    // A thread started on a slash-command answer works the same way.
    const clicked = await fake.click(messageOf(shown), THREAD_BUTTON).result();
    expect(String(clicked.message?.body.content)).toMatch(/^Thread started: <#\d+>/);
    const thread = String(shown.message?.messageId);
    const reply = await replyTo(fake.postMessage(`<@${fake.bot.id}> and Russia?`, { channelId: thread }));
    expect((reply.body.embeds as APIEmbed[])[0]?.title).toMatch(/prisoners were exchanged, Russia\?$/);
  });

  it('keeps the thread button while the asker turns pages, and drops it once the thread exists', async () => {
    const asker = fake.user('thread-pager');
    // [engine content] an answer with more sources than its page shows, so it has "Show all sources".
    const q = 'How many prisoners were exchanged?';
    const first = await fake.command('ask', { options: [str('question', q)], user: asker }).result();
    const ids = (r: InteractionResult) => buttonsOf(r).map((b) => b.custom_id);
    expect(ids(first)).toContain(THREAD_BUTTON);
    const sources = button(first, /^Show all sources/);
    const all = await fake.click(messageOf(first), sources, { user: asker }).result();
    const back = await fake.click(messageOf(all), button(all, 'Back to the answer'), { user: asker }).result();
    expect(ids(back)).toContain(THREAD_BUTTON);
    await fake.click(messageOf(back), THREAD_BUTTON, { user: asker }).result();
    const again = await fake.click(messageOf(back), sources, { user: asker }).result();
    const answer = await fake.click(messageOf(again), button(again, 'Back to the answer'), { user: asker }).result();
    expect(ids(answer)).not.toContain(THREAD_BUTTON);
  });
});

describe('safety', () => {
  it('sent nothing Discord would reject and pinged no one, buttons included', () => {
    expect(fake.rejected.map((r) => `${r.method} ${r.route} → ${r.status} ${JSON.stringify(r.response)}`)).toEqual([]);
    expect(fake.unhandled).toEqual([]);
    expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
    for (const m of fake.sent) {
      expect(m.body.allowed_mentions).toMatchObject({ parse: [] });
      expect(noPings(m.pings)).toBe(true);
    }
  });
});
