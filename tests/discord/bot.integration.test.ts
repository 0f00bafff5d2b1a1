/**
 * The bot process (real discord.js, `node --import tsx src/main.ts`) against the fake Discord:
 * commands, autocomplete, mentions, admin actions, safety. One bot process is shared by the tests,
 * which run in order (later ones change the sources directory).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ALLOWED } from '../../src/discord/admin-buttons.js';
import { RATE_LIMIT } from '../../src/discord/bot.js';
import { mentionWith, renderHelp } from '../../src/discord/help.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { lookupIn, renderAnswer, renderCasualties, renderTalks } from '../../src/discord/render.js';
import { filterCasualties } from '../../src/extract/casualties.js';
import { filterTalks, TALKS_TOPICS } from '../../src/extract/talks.js';
import { loadCorpus } from '../../src/sources/load.js';
import { buildSnapshot, type Snapshot } from '../../src/store.js';
import { type BotProcess, botEnv, copySeeds, FAKE_TOKEN, startBotProcess } from '../fake-discord/harness.js';
import { noPings } from '../fake-discord/pings.js';
import { ADMIN_PERMISSIONS, FakeDiscord, type SentMessage } from '../fake-discord/server.js';

let fake: FakeDiscord;
let bot: BotProcess;
let sources: Awaited<ReturnType<typeof copySeeds>>;
let reference: Snapshot;
let admin: ReturnType<FakeDiscord['user']>;

/** The same snapshot the bot builds, built here: expectations hold for any engine. */
async function referenceSnapshot(dir: string): Promise<Snapshot> {
  const loaded = await loadCorpus(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return buildSnapshot(loaded.corpus);
}

const str = (name: string, value: string, extra: Record<string, unknown> = {}) => ({ name, type: 3, value, ...extra });
const sub = (name: string, options: unknown[] = []) => [{ name, type: 1, options }];
const embedsOf = (m: SentMessage | null) => (m?.body.embeds ?? []) as APIEmbed[];
/** /casualties replies carry the chart as the main embed's image. */
const CHART = { image: 'attachment://casualties.png' };
/** Command mentions as the bot writes them: `</name:id>` with the ids the fake registered. */
const mention = () => mentionWith(new Map(fake.commands().map((c) => [String(c.name), String(c.id)])));
/** Embeds as the bot sent them vs. as the renderer produces them (JSON round trip on both sides). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  sources = await copySeeds();
  reference = await referenceSnapshot(sources.dir);
  fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
  admin = fake.user('admin');
  bot = await startBotProcess(fake, botEnv(fake, sources.dir, { ADMIN_USER_IDS: admin.id }));
}, 60_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  await sources?.cleanup();
});

describe('connecting', () => {
  it('identifies with only non-privileged intents over plain JSON (no Message Content intent)', () => {
    expect(fake.connections[0]).toEqual({ v: '10', encoding: 'json' });
    const [identify] = fake.identifies;
    expect(identify?.intents).toBe(1 | (1 << 9) | (1 << 12));
    expect(Number(identify?.intents) & (1 << 15)).toBe(0);
    expect(fake.requests.some((r) => r.method === 'GET' && r.route === '/gateway/bot' && r.authorized)).toBe(true);
  });
  it('keeps the gateway alive with heartbeats the fake acknowledges', async () => {
    await fake.waitFor(() => fake.gateway.some((e) => e.direction === 'in' && e.op === 1), 'a heartbeat', 5000);
    await fake.waitFor(() => fake.gateway.some((e) => e.direction === 'out' && e.op === 11), 'a heartbeat ACK', 1000);
  });
  it('logs pino JSON', () => {
    const line = bot.logs.find((l) => l.msg === 'connected to Discord');
    expect(line).toMatchObject({ level: 30, id: fake.bot.id });
    expect(typeof line?.time).toBe('number');
  });
});

describe('/casualties', () => {
  it('replies with an embed of figures and numbered sources, exactly as rendered', async () => {
    const result = await fake.command('casualties', { options: [str('side', 'all')] }).result();
    // Acknowledged first (deferred), the answer edited in once computed.
    expect(result.ackType).toBe(5);
    expect(result.ephemeral).toBe(false);
    const embeds = embedsOf(result.message);
    const report = filterCasualties(reference.casualties, { side: 'all' });
    const expected = renderCasualties(report, { side: 'all', measure: null }, lookupIn(reference.corpus), 5, CHART);
    expect(embeds).toEqual(plain(expected.embeds));
    expect(embeds[0]?.title).toBe('Casualty figures — All sides');
    if (report.figures.length > 0) {
      expect(embeds[0]?.description).toMatch(/^\*\*.+\*\*\n• .+: \*\*.+\*\* — .+ \[1\]/);
      expect(embeds[1]?.description).toMatch(/^\*\*\[1\]\*\* .+/);
    }
  });
  it('filters by side and measure', async () => {
    const options = [str('side', 'ukraine'), str('measure', 'killed')];
    const result = await fake.command('casualties', { options }).result();
    const report = filterCasualties(reference.casualties, { side: 'ukraine', measure: 'killed' });
    expect(embedsOf(result.message)).toEqual(
      plain(
        renderCasualties(report, { side: 'ukraine', measure: 'killed' }, lookupIn(reference.corpus), 5, CHART).embeds,
      ),
    );
  });
  it('suggests measures from the index for the chosen side', async () => {
    const options = [str('side', 'all'), str('measure', '', { focused: true })];
    const result = await fake.autocomplete('casualties', { options }).result();
    expect(result.ackType).toBe(8);
    const measures = new Set(reference.casualties.figures.map((f) => f.measure));
    expect(result.choices?.length).toBe(Math.min(25, measures.size));
    for (const c of result.choices ?? []) expect(measures.has(String(c.value))).toBe(true);
  });
});

describe('/talks', () => {
  it('replies with the cited brief for a topic, exactly as rendered', async () => {
    const result = await fake.command('talks', { options: [str('topic', 'participants')] }).result();
    const expected = renderTalks(
      filterTalks(reference.talks, 'participants'),
      'participants',
      lookupIn(reference.corpus),
      5,
      TALKS_TOPICS,
    );
    expect(embedsOf(result.message)).toEqual(plain(expected.embeds));
    expect(embedsOf(result.message)[0]?.title).toBe('Abu Dhabi talks — Participants');
  });
  it('gives the whole brief without a topic', async () => {
    const result = await fake.command('talks').result();
    const expected = renderTalks(reference.talks, null, lookupIn(reference.corpus), 5, TALKS_TOPICS);
    expect(embedsOf(result.message)).toEqual(plain(expected.embeds));
  });
});

describe('/ask', () => {
  const question = 'How many prisoners were exchanged after the Abu Dhabi talks?';

  it('answers like the engine, rendered with numbered citations', async () => {
    const result = await fake.command('ask', { options: [str('question', question)] }).result();
    const expected = renderAnswer(reference.engine.ask(question), lookupIn(reference.corpus));
    expect(embedsOf(result.message)).toEqual(plain(expected.embeds));
    expect(result.message?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  // ENGINE CONTENT CHECK (lead: depends on the real engine's answer, not on the Discord layer).
  it('[engine content] cites a source saying 314 prisoners were exchanged', async () => {
    const result = await fake.command('ask', { options: [str('question', question)] }).result();
    const [embed] = embedsOf(result.message);
    expect(embed?.description).toContain('314');
    expect(embed?.fields?.[0]?.name).toMatch(/^\[1\] /);
    expect(embed?.fields?.[0]?.value).toMatch(/> .*314 prisoners/);
  });

  it('says clearly when the answer is not in the sources', async () => {
    const q = 'What is the airspeed velocity of an unladen swallow?';
    const result = await fake.command('ask', { options: [str('question', q)] }).result();
    const answer = reference.engine.ask(q);
    expect(embedsOf(result.message)).toEqual(
      plain(renderAnswer(answer, lookupIn(reference.corpus), { mention: mention() }).embeds),
    );
    if (answer.abstained) expect(embedsOf(result.message)[0]?.fields).toBeUndefined();
  });

  it('suggests questions from the index, within Discord limits and well inside the deadline', async () => {
    const result = await fake.autocomplete('ask', { options: [str('question', 'pris', { focused: true })] }).result();
    expect(result.ackType).toBe(8);
    expect(result.ackMs).toBeLessThan(1500);
    expect(result.choices).toEqual(
      plain(reference.engine.suggest('pris', 25, 100).map((s) => ({ name: s, value: s }))),
    );
    expect(result.choices?.length).toBeLessThanOrEqual(25);
    for (const c of result.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('refuses an empty-looking question with a clear ephemeral message', async () => {
    const result = await fake.command('ask', { options: [str('question', '?!')] }).result();
    expect(result.ephemeral).toBe(true);
    expect(result.message?.body.content).toMatch(/does not look like a question/);
  });

  it('pings no one when the question contains @everyone', async () => {
    const q = '@everyone how many prisoners were exchanged? <@&123456789012345678>';
    const result = await fake.command('ask', { options: [str('question', q)] }).result();
    expect(result.message?.pings && noPings(result.message.pings)).toBe(true);
    expect(embedsOf(result.message)[0]?.title).not.toMatch(/@everyone|<@&/);
  });
});

describe('/sources list', () => {
  it('lists the indexed articles and when the index was built', async () => {
    const result = await fake.command('sources', { options: sub('list') }).result();
    const [embed] = embedsOf(result.message);
    expect(embed?.title).toBe('The articles I answer from (5)');
    expect(embed?.description).toContain('• **The Associated Press** · 5 Feb 2026');
    for (const a of reference.corpus.articles) expect(embed?.description).not.toContain(a.id.replace(/_/g, '\\_'));
    expect(embed?.description).not.toMatch(/passages?|sentences?| ms\b/);
  });
});

describe('mentions', () => {
  it('replies to a mention with the answer, quotes and sources', async () => {
    const q = 'how many prisoners were exchanged?';
    const asked = fake.postMessage(`<@${fake.bot.id}> ${q}`);
    const reply = await fake.waitFor(
      () =>
        fake.sent.find(
          (m) => m.kind === 'channel' && (m.body.message_reference as { message_id?: string })?.message_id === asked.id,
        ),
      'a reply to the mention',
    );
    expect(reply.channelId).toBe(fake.channelId);
    expect(reply.body.embeds).toEqual(plain(renderAnswer(reference.engine.ask(q), lookupIn(reference.corpus)).embeds));
    expect(noPings(reply.pings)).toBe(true);
  });
  it('updates its reply when the question is edited', async () => {
    const first = 'how many prisoners were exchanged?';
    const asked = fake.postMessage(`<@${fake.bot.id}> ${first}`);
    const reply = await fake.waitFor(
      () =>
        fake.sent.find(
          (m) => m.kind === 'channel' && (m.body.message_reference as { message_id?: string })?.message_id === asked.id,
        ),
      'a reply to the mention',
    );
    const second = 'who is ukraine’s top negotiator?';
    fake.editMessage(asked, `<@${fake.bot.id}> ${second}`);
    const edit = await fake.waitFor(
      () => fake.sent.find((m) => m.kind === 'channel-edit' && m.messageId === reply.messageId),
      'the reply edited',
    );
    expect(edit.body.embeds).toEqual(
      plain(renderAnswer(reference.engine.ask(second), lookupIn(reference.corpus)).embeds),
    );
    expect(noPings(edit.pings)).toBe(true);
    expect(
      fake.sent.filter(
        (m) => m.kind === 'channel' && (m.body.message_reference as { message_id?: string })?.message_id === asked.id,
      ),
    ).toHaveLength(1);
  });
  it('answers a bare mention with a short help', async () => {
    const asked = fake.postMessage(`<@${fake.bot.id}>`);
    const reply = await fake.waitFor(
      () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
      'the help reply',
    );
    expect(reply.body.embeds).toEqual(plain(renderHelp('help', mention(), `<@${fake.bot.id}>`).embeds));
  });
  it('replies in the thread when asked in a thread', async () => {
    const asked = fake.postMessage(`<@!${fake.bot.id}> who took part in the talks?`, { channelId: fake.threadId });
    const reply = await fake.waitFor(
      () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
      'a reply in the thread',
    );
    expect(reply.channelId).toBe(fake.threadId);
  });
  it('answers a direct message without a mention', async () => {
    const asked = fake.postMessage('Where are the peace talks taking place?', { dm: true });
    const reply = await fake.waitFor(
      () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
      'a DM reply',
    );
    expect(reply.channelId).toBe(asked.channel_id);
  });
  it('pings no one when a mentioned question contains @everyone', async () => {
    const asked = fake.postMessage(`<@${fake.bot.id}> @everyone @here what did Witkoff say?`);
    const reply = await fake.waitFor(
      () => fake.sent.find((m) => (m.body.message_reference as { message_id?: string })?.message_id === asked.id),
      'a reply',
    );
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: null });
  });
  it('ignores messages that do not mention it, and its own messages', async () => {
    const before = fake.sent.length;
    fake.postMessage('just chatting about the talks');
    // The bot's own replies come back over the gateway too; none of them may trigger another reply.
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.sent.length).toBe(before);
  });
});

describe('admin actions', () => {
  const listedAt = async () => {
    const result = await fake.command('sources', { options: sub('list'), user: fake.user('lister') }).result();
    return embedsOf(result.message)[0];
  };

  it('lets a server administrator (who has Manage Server) reload without being in ADMIN_USER_IDS', async () => {
    const stranger = fake.user('server-admin');
    const result = await fake
      .command('sources-admin', { options: sub('reload'), user: stranger, permissions: ADMIN_PERMISSIONS })
      .result();
    expect(result.ephemeral).toBe(true);
    expect(String(result.message?.body.content)).toMatch(/Index rebuilt from 5 articles/);
  });

  it('lets the application owner reload without being listed in ADMIN_USER_IDS', async () => {
    const result = await fake
      .command('sources-admin', { options: sub('reload'), user: fake.owner, permissions: ADMIN_PERMISSIONS })
      .result();
    expect(String(result.message?.body.content)).toMatch(/Index rebuilt from 5 articles/);
    expect(fake.requests.some((r) => r.route === '/applications/@me' && r.status === 200)).toBe(true);
    expect(bot.logs.some((l) => String(l.msg).includes('could not fetch the application owner'))).toBe(false);
  });

  it('hides the admin command from members without Manage Server (default_member_permissions)', () => {
    const def = fake.commands().find((c) => c.name === 'sources-admin');
    expect(def?.default_member_permissions).toBe('32');
    expect(() => fake.command('sources-admin', { options: sub('reload') })).toThrow(/would not deliver/);
  });

  it('reports a broken file by name on reload and keeps answering from the old index', async () => {
    const before = await listedAt();
    const broken = path.join(sources.dir, 'broken.txt');
    await writeFile(broken, Uint8Array.from([0x4b, 0x79, 0x69, 0x76, 0x20, 0xc3, 0x28, 0xff]));
    try {
      const result = await fake
        .command('sources-admin', { options: sub('reload'), user: admin, permissions: ADMIN_PERMISSIONS })
        .result();
      expect(result).toMatchObject({ deferred: true, ephemeral: true });
      const text = String(result.message?.body.content);
      expect(text).toContain('**broken.txt**: not valid UTF-8');
      expect(text).toContain('The previous one keeps answering (5 articles');
      expect((await listedAt())?.timestamp).toBe(before?.timestamp);
      const q = 'How many prisoners were exchanged?';
      const answered = await fake.command('ask', { options: [str('question', q)] }).result();
      expect(embedsOf(answered.message)).toEqual(
        plain(renderAnswer(reference.engine.ask(q), lookupIn(reference.corpus)).embeds),
      );
    } finally {
      await rm(broken, { force: true });
    }
  });

  it('runs two reloads at once one after the other, both complete', async () => {
    const opts = { options: sub('reload'), user: admin, permissions: ADMIN_PERMISSIONS };
    const [a, b] = await Promise.all([
      fake.command('sources-admin', opts).result(),
      fake.command('sources-admin', opts).result(),
    ]);
    for (const r of [a, b]) expect(String(r.message?.body.content)).toMatch(/Index rebuilt from 5 articles/);
    const logs = bot.logs.filter((l) => l.msg === 'reload requested');
    expect(logs.length).toBeGreaterThanOrEqual(2);
  });

  it('adds an uploaded article after validating it, then removes it', async () => {
    const bytes = await readFile(path.resolve('tests/fixtures/discord/extra-article.md'));
    const file = fake.addAttachment('extra-article.md', bytes);
    const added = await fake
      .command('sources-admin', {
        options: sub('add', [{ name: 'file', type: 11, value: file.id }]),
        resolved: { attachments: { [String(file.id)]: file } },
        user: admin,
        permissions: ADMIN_PERMISSIONS,
      })
      .result();
    expect(String(added.message?.body.content)).toMatch(
      /Added \*\*extra-article.md\*\*[\s\S]*Index rebuilt from 6 articles/,
    );
    expect(await readFile(path.join(sources.dir, 'extra-article.md'))).toEqual(bytes);
    expect((await listedAt())?.title).toBe('The articles I answer from (6)');

    const choices = await fake
      .autocomplete('sources-admin', {
        options: sub('remove', [str('article', 'extra', { focused: true })]),
        user: admin,
        permissions: ADMIN_PERMISSIONS,
      })
      .result();
    expect(choices.choices).toHaveLength(1);
    expect(choices.choices?.[0]).toMatchObject({ value: 'extra-article' });
    expect(String(choices.choices?.[0]?.name)).toMatch(/ · \d+(\.\d)? KB$|bytes$/);
    // Outlet, title and date as people read them, not the file's hex id.
    expect(String(choices.choices?.[0]?.name)).toMatch(
      /^Fixture Wire · “Test fixture article about a follow-up meeting” · 7 Feb 2026 · /,
    );

    const asked = await fake
      .command('sources-admin', {
        options: sub('remove', [str('article', 'extra-article')]),
        user: admin,
        permissions: ADMIN_PERMISSIONS,
      })
      .result();
    expect(asked.ephemeral).toBe(true);
    expect(String(asked.message?.body.content)).toMatch(/^Remove \*\*.+ · \d.*\*\* \(file extra-article\)/);
    const confirm = await fake
      .click(asked.message?.message ?? {}, `adm:rm:${admin.id}:extra-article`, {
        user: admin,
        permissions: ADMIN_PERMISSIONS,
      })
      .result();
    expect(confirm.ackType).toBe(7);
    await fake.waitFor(
      () => fake.messagesFor(confirm.interactionId).find((m) => /Index rebuilt/.test(String(m.body.content))),
      'the removal report',
      20_000,
    );
    const removed = fake.messagesFor(confirm.interactionId).at(-1);
    expect(String(removed?.body.content)).toMatch(
      /Removed \*\*extra-article.md\*\*[\s\S]*Index rebuilt from 5 articles/,
    );
  });

  it('refuses someone who may not manage the articles in plain words, privately', async () => {
    // In a DM the Manage Server gate of the registration does not apply, so the bot's own check answers.
    const stranger = fake.user('stranger');
    const result = await fake.command('sources-admin', { options: sub('reload'), user: stranger, dm: true }).result();
    expect(result.ephemeral).toBe(true);
    expect(String(result.message?.body.content)).toBe(NOT_ALLOWED);
    expect(String(result.message?.body.content)).not.toMatch(/ADMIN_USER_IDS|npm|\.env/);
    expect(bot.logs.some((l) => l.msg === 'reload requested' && l.user === stranger.id)).toBe(false);
    expect(bot.logs.some((l) => l.msg === 'non-admin tried an admin command' && l.user === stranger.id)).toBe(true);
  });

  it('refuses an upload whose name tries to leave the sources folder', async () => {
    const file = fake.addAttachment('../../escape.txt', new TextEncoder().encode('Some article text.\n'));
    const result = await fake
      .command('sources-admin', {
        options: sub('add', [{ name: 'file', type: 11, value: file.id }]),
        resolved: { attachments: { [String(file.id)]: file } },
        user: admin,
        permissions: ADMIN_PERMISSIONS,
      })
      .result();
    expect(String(result.message?.body.content)).toMatch(/Not added: the file name .* is not allowed/);
  });
});

describe('safety', () => {
  it('rate-limits a user with one friendly private notice per window, then a terse private ⏳ per refusal', async () => {
    const user = fake.user('eager');
    const results = [];
    for (let i = 0; i < RATE_LIMIT.limit + 4; i++) results.push(await fake.command('talks', { user }).result());
    expect(results.slice(0, RATE_LIMIT.limit).every((r) => !r.ephemeral)).toBe(true);
    const refused = results.slice(RATE_LIMIT.limit);
    // Every refused interaction is still acknowledged (Discord requires it) — privately, in one callback.
    for (const r of refused) {
      expect(r).toMatchObject({ ackType: 4, ephemeral: true });
      expect(fake.messagesFor(r.interactionId)).toHaveLength(1);
    }
    const texts = refused.map((r) => String(r.message?.body.content));
    expect(texts[0]).toMatch(/please wait \d+ seconds?/);
    for (const t of texts.slice(1)) expect(t).toMatch(/^⏳ \d+ s$/);
    expect(bot.logs.filter((l) => l.msg === 'rate limited' && l.user === user.id)).toHaveLength(1);
  });
  it('answers mentions over the rate limit with one ⏳ reaction per window, never a message', async () => {
    const author = fake.user('eager-mentioner');
    const sentBefore = fake.sent.length;
    const asked: { id?: unknown }[] = [];
    for (let i = 0; i < RATE_LIMIT.limit + 3; i++)
      asked.push(fake.postMessage(`<@${fake.bot.id}> where are the talks?`, { author }));
    const replied = () =>
      fake.sent.filter((m) =>
        asked.some((a) => (m.body.message_reference as { message_id?: string } | undefined)?.message_id === a.id),
      );
    await fake.waitFor(() => replied().length >= RATE_LIMIT.limit, 'the allowed mentions answered', 20_000);
    const reactions = () =>
      fake.requests.filter((r) => r.method === 'PUT' && /\/reactions\//.test(r.route) && r.status < 300);
    await fake.waitFor(() => reactions().length >= 1, 'the ⏳ reaction');
    await new Promise((r) => setTimeout(r, 300));
    expect(replied()).toHaveLength(RATE_LIMIT.limit);
    expect(reactions()).toHaveLength(1);
    expect(reactions()[0]?.route).toContain('/reactions/⏳/@me');
    expect(fake.sent.slice(sentBefore).filter((m) => m.kind !== 'channel')).toEqual([]);
  });

  it('sent nothing Discord would reject, used no unknown routes, and pinged no one in any message', () => {
    expect(fake.rejected.map((r) => `${r.method} ${r.route} → ${r.status} ${JSON.stringify(r.response)}`)).toEqual([]);
    expect(fake.unhandled).toEqual([]);
    expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
    // The one warning expected: the refused stranger (a security event worth an operator's eye).
    expect(bot.logs.filter((l) => Number(l.level) === 40).map((l) => l.msg)).toEqual([
      'non-admin tried an admin command',
    ]);
    expect(fake.sent.length).toBeGreaterThan(20);
    for (const m of fake.sent) {
      expect(m.body.allowed_mentions).toMatchObject({ parse: [] });
      expect(noPings(m.pings)).toBe(true);
    }
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const { code } = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(fake.gatewayCloses.some((c) => c.by === 'client' && c.code === 1000)).toBe(true);
    expect(bot.logs.some((l) => l.msg === 'disconnected from Discord')).toBe(true);
  });
});
