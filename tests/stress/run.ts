/**
 * Stress run through the fake Discord (loopback only; real discord.js in a child process):
 *
 *   npm run stress                       burst of 1,000 /ask; reload of 1,000 extra articles under traffic
 *   npm run stress -- --small            the quick version (burst 100, reload 100 articles, fuzz 100)
 *   npm run stress -- --burst 500 --reload-articles 10000 --traffic 20 --fuzz 300 --json
 *   npm run stress -- --only 429,drops   some scenarios only (burst, reload, 429, drops, fuzz, symlink, 4004)
 *
 * Scenarios: a burst of simultaneous /ask (acknowledged within 3 s, answered, lost, ack and answer
 * latency); a /sources-admin reload with N generated articles while /ask keeps arriving (largest
 * acknowledgement time and lost interactions during the reload); 429s with retry_after on interaction
 * callbacks, answer edits and channel messages (all retried and delivered, none lost); gateway drops
 * (close 4000, a torn-down socket, a silent connection, op 9 → back and answering within 10 s); fuzz (N
 * random and hostile inputs × /ask, mention and autocomplete: no crash, nothing Discord would refuse, no
 * possible ping); a symbolic link in the sources folder (refused by name, its text never served); a
 * revoked token (gateway close 4004 → exit status). Bounded in count and time; prints a markdown table.
 * Not run by `npm test` (timings are noisy).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateArticleTexts, loadSeedCorpus, sourceSentences } from '../../bench/corpus.js';
import { commandDefinitions } from '../../src/discord/registry.js';
import { type BotProcess, botEnv, copySeeds, FAKE_TOKEN, REPO, startBotProcess } from '../fake-discord/harness.js';
import { noPings } from '../fake-discord/pings.js';
import { ADMIN_PERMISSIONS, FakeDiscord, type RecordedRequest, type SentMessage } from '../fake-discord/server.js';
import { fuzzInputs } from './fuzz.js';

interface Options {
  burst: number;
  reloadArticles: number;
  /** /ask per second during the reload. */
  traffic: number;
  json: boolean;
  /** Upper bound for any one scenario (s). */
  timeoutS: number;
  /** Random and hostile inputs per path (/ask, mention, autocomplete). */
  fuzz: number;
  /** Scenario names to run (all when null). */
  only: Set<string> | null;
  /** `--small`: the quick version (no silent-drop case, which takes ~35 s). */
  small: boolean;
}

function parseArgs(argv: string[]): Options {
  const small = argv.includes('--small');
  const options: Options = {
    burst: small ? 100 : 1000,
    reloadArticles: small ? 100 : 1000,
    traffic: 20,
    json: argv.includes('--json'),
    timeoutS: 600,
    fuzz: small ? 100 : 300,
    only: null,
    small,
  };
  const num = (flag: string, max: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${flag} takes a whole number from 0 to ${max}`);
    return n;
  };
  options.burst = num('--burst', 5000) ?? options.burst;
  options.reloadArticles = num('--reload-articles', 20_000) ?? options.reloadArticles;
  options.traffic = num('--traffic', 200) ?? options.traffic;
  options.timeoutS = num('--timeout', 3600) ?? options.timeoutS;
  options.fuzz = num('--fuzz', 5000) ?? options.fuzz;
  const only = argv.indexOf('--only');
  if (only >= 0) options.only = new Set((argv[only + 1] ?? '').split(',').filter(Boolean));
  return options;
}

const QUESTIONS = [
  'How many prisoners were exchanged?',
  'Where are the peace talks taking place?',
  'Who is Russia’s top negotiator?',
  'What did Witkoff say about the talks?',
];

type Row = { scenario: string; measure: string; value: string; target?: string; ok?: boolean };

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '—');

/** Follows every interaction dispatched to the fake: when it was acknowledged and when its answer showed. */
class Tracker {
  readonly dispatched = new Map<string, number>();
  readonly acked = new Map<string, number>();
  readonly answered = new Map<string, number>();
  readonly refused = new Map<string, number>();
  /** Interactions acknowledged with the honest "busy, answering in order" message. */
  readonly busy = new Set<string>();

  constructor(fake: FakeDiscord) {
    fake.on('request', (r: RecordedRequest) => {
      const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.route);
      if (!m) return;
      const id = m[1] as string;
      if (!this.dispatched.has(id)) return;
      if (r.status < 300) this.acked.set(id, r.at);
      // A 429 is not a refusal: the bot waits retry_after and sends it again.
      else if (r.status !== 429) this.refused.set(id, r.status);
      const body = r.body as { type?: number; data?: { content?: string } } | undefined;
      if (r.status < 300 && body?.type === 4 && body.data?.content?.startsWith('⏳')) this.busy.add(id);
    });
    fake.on('sent', (s: SentMessage) => {
      if (!s.interactionId || !this.dispatched.has(s.interactionId)) return;
      const answer =
        (s.kind === 'callback' || s.kind === 'original') && (s.body.embeds as unknown[] | undefined)?.length;
      if (answer && !this.answered.has(s.interactionId)) this.answered.set(s.interactionId, s.at);
    });
  }

  ask(fake: FakeDiscord, question: string): string {
    const sent = fake.command('ask', { options: [{ name: 'question', type: 3, value: question }] });
    this.dispatched.set(sent.id, Date.now());
    return sent.id;
  }

  async settle(ids: string[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const pending = ids.filter((id) => !this.answered.has(id) && !this.refused.has(id));
      // An interaction nobody acknowledged within the deadline is lost: stop waiting for it.
      const open = pending.filter((id) => this.acked.has(id) || Date.now() - (this.dispatched.get(id) ?? 0) < 3500);
      if (open.length === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  summary(ids: string[]) {
    const ackMs = ids.flatMap((id) => {
      const a = this.acked.get(id);
      return a === undefined ? [] : [a - (this.dispatched.get(id) ?? a)];
    });
    const answerMs = ids.flatMap((id) => {
      const a = this.answered.get(id);
      return a === undefined ? [] : [a - (this.dispatched.get(id) ?? a)];
    });
    return {
      count: ids.length,
      ackedInTime: ackMs.filter((x) => x <= 3000).length,
      answered: answerMs.length,
      lost: ids.filter((id) => !this.acked.has(id)).length,
      busy: ids.filter((id) => this.busy.has(id)).length,
      ackP50: percentile(ackMs, 50),
      ackP99: percentile(ackMs, 99),
      ackMax: Math.max(...ackMs, 0),
      answerP50: percentile(answerMs, 50),
      answerP99: percentile(answerMs, 99),
    };
  }
}

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function withBot<T>(
  sourcesDir: string,
  extraEnv: Record<string, string>,
  run: (fake: FakeDiscord, bot: BotProcess) => Promise<T>,
): Promise<T> {
  const fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  fake.setCommands(commandDefinitions());
  const bot = await startBotProcess(fake, botEnv(fake, sourcesDir, extraEnv), {
    timeoutMs: 120_000,
  });
  try {
    return await run(fake, bot);
  } finally {
    await bot.stop('SIGTERM');
    await fake.close();
  }
}

async function burst(options: Options, rows: Row[]): Promise<void> {
  const sources = await copySeeds();
  try {
    await withBot(sources.dir, {}, async (fake) => {
      const tracker = new Tracker(fake);
      const started = Date.now();
      const ids = Array.from({ length: options.burst }, (_, i) =>
        tracker.ask(fake, QUESTIONS[i % QUESTIONS.length] as string),
      );
      const dispatchMs = Date.now() - started;
      await tracker.settle(ids, options.timeoutS * 1000);
      const s = tracker.summary(ids);
      const total = Math.max(...[...tracker.answered.values()], started) - started;
      const name = `burst of ${options.burst} /ask`;
      rows.push(
        { scenario: name, measure: 'dispatched in', value: ms(dispatchMs) },
        {
          scenario: name,
          measure: 'acknowledged within 3 s',
          value: `${s.ackedInTime}/${s.count}`,
          target: `${s.count}/${s.count}`,
          ok: s.ackedInTime === s.count,
        },
        {
          scenario: name,
          measure: 'answered',
          value: `${s.answered}/${s.count}`,
          target: `${s.count}/${s.count}`,
          ok: s.answered === s.count,
        },
        { scenario: name, measure: 'lost', value: String(s.lost), target: '0', ok: s.lost === 0 },
        { scenario: name, measure: 'told "busy, answering in order" first', value: String(s.busy) },
        {
          scenario: name,
          measure: 'ack p50 / p99 / max',
          value: `${ms(s.ackP50)} / ${ms(s.ackP99)} / ${ms(s.ackMax)}`,
        },
        { scenario: name, measure: 'answer p50 / p99', value: `${ms(s.answerP50)} / ${ms(s.answerP99)}` },
        { scenario: name, measure: 'all answered after', value: ms(total) },
      );
    });
  } finally {
    await sources.cleanup();
  }
}

async function reloadUnderTraffic(options: Options, rows: Row[]): Promise<void> {
  const sources = await copySeeds();
  const name = `reload +${options.reloadArticles} articles under ${options.traffic} /ask/s`;
  try {
    // Generated articles are written after start-up, so only the reload builds the large index.
    const pool = sourceSentences(await loadSeedCorpus());
    const metricsPort = await freePort();
    const eventLoopMax = async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1]) * 1000;
    };
    await withBot(sources.dir, { METRICS_PORT: String(metricsPort) }, async (fake) => {
      for (const a of generateArticleTexts(pool, options.reloadArticles)) {
        await writeFile(path.join(sources.dir, `${a.id}.txt`), a.text);
        await writeFile(
          path.join(sources.dir, `${a.id}.meta.json`),
          JSON.stringify({ outlet: null, published: a.published }),
        );
      }
      const tracker = new Tracker(fake);
      const ids: string[] = [];
      await eventLoopMax(); // each scrape resets the bot's event-loop delay histogram
      const started = Date.now();
      const reload = fake.command('sources-admin', {
        options: [{ name: 'reload', type: 1, options: [] }],
        user: fake.owner,
        permissions: ADMIN_PERMISSIONS,
      });
      let done = false;
      const result = reload.result(options.timeoutS * 1000).finally(() => {
        done = true;
      });
      const interval = Math.max(1, Math.round(1000 / Math.max(1, options.traffic)));
      let n = 0;
      while (!done && Date.now() - started < options.timeoutS * 1000) {
        ids.push(tracker.ask(fake, QUESTIONS[n++ % QUESTIONS.length] as string));
        await new Promise((r) => setTimeout(r, interval));
      }
      const reply = await result.catch((err: Error) => err);
      const reloadMs = Date.now() - started;
      const loopMax = await eventLoopMax();
      await tracker.settle(ids, 60_000);
      const s = tracker.summary(ids);
      const text = reply instanceof Error ? reply.message : String(reply.message?.body.content ?? '');
      const rebuilt = /Index rebuilt from (\d+) articles/.exec(text)?.[1];
      rows.push(
        {
          scenario: name,
          measure: 'reload',
          value: rebuilt ? `${rebuilt} articles in ${ms(reloadMs)}` : `not rebuilt: ${text.slice(0, 120)}`,
          ok: Boolean(rebuilt),
        },
        { scenario: name, measure: '/ask during the reload', value: String(s.count) },
        {
          scenario: name,
          measure: 'largest ack time (gap)',
          value: ms(s.ackMax),
          target: '≤ 100 ms',
          ok: s.ackMax <= 100,
        },
        { scenario: name, measure: 'ack p50 / p99', value: `${ms(s.ackP50)} / ${ms(s.ackP99)}` },
        {
          scenario: name,
          measure: 'bot event-loop delay, max (its /metrics)',
          value: ms(loopMax),
          target: '≤ 100 ms',
          ok: loopMax <= 100,
        },
        { scenario: name, measure: 'answer p50 / p99', value: `${ms(s.answerP50)} / ${ms(s.answerP99)}` },
        { scenario: name, measure: 'lost', value: String(s.lost), target: '0', ok: s.lost === 0 },
      );
    });
  } finally {
    await sources.cleanup();
  }
}

/** A mention reply's message id → when it was posted, for the questions posted in `ids`. */
function mentionReplies(fake: FakeDiscord, ids: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of fake.sent) {
    const ref = (m.body.message_reference as { message_id?: string } | undefined)?.message_id;
    if (m.kind === 'channel' && ref && ids.has(ref) && !out.has(ref)) out.set(ref, m.at);
  }
  return out;
}

async function rateLimited(rows: Row[]): Promise<void> {
  const name = '429 with retry_after';
  const sources = await copySeeds();
  try {
    await withBot(sources.dir, {}, async (fake) => {
      const tracker = new Tracker(fake);
      const injected = [
        {
          what: 'interaction callbacks',
          limit: fake.rateLimit(/^\/interactions\/\d+\/[^/]+\/callback$/, { count: 5, retryAfterMs: 500 }),
        },
        {
          what: 'answer edits (@original)',
          limit: fake.rateLimit(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, {
            count: 5,
            retryAfterMs: 700,
            method: 'PATCH',
          }),
        },
        {
          what: 'channel messages (mention replies)',
          limit: fake.rateLimit(/^\/channels\/\d+\/messages$/, { count: 5, retryAfterMs: 600, method: 'POST' }),
        },
      ];
      // Different users, so the bot's own per-user question limit stays out of the way.
      const ids = Array.from({ length: 10 }, (_, i) => {
        const sent = fake.command('ask', {
          options: [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length] as string }],
          user: fake.user(`limited-${i}`),
        });
        tracker.dispatched.set(sent.id, Date.now());
        return sent.id;
      });
      const mentions = Array.from({ length: 8 }, (_, i) =>
        String(fake.postMessage(`<@${fake.bot.id}> ${QUESTIONS[i % QUESTIONS.length]}`).id),
      );
      await tracker.settle(ids, 60_000);
      const wanted = new Set(mentions);
      await fake
        .waitFor(() => mentionReplies(fake, wanted).size === mentions.length, 'every mention answered', 60_000)
        .catch(() => undefined);
      const s = tracker.summary(ids);
      for (const { what, limit } of injected) {
        rows.push({
          scenario: name,
          measure: `${what}: 429s served`,
          value: `${limit.hits}/${limit.hits + limit.left}`,
          target: `${limit.hits + limit.left}/${limit.hits + limit.left}`,
          ok: limit.left === 0,
        });
      }
      const replied = mentionReplies(fake, wanted).size;
      rows.push(
        {
          scenario: name,
          measure: '/ask acknowledged within 3 s',
          value: `${s.ackedInTime}/${s.count}`,
          target: `${s.count}/${s.count}`,
          ok: s.ackedInTime === s.count,
        },
        {
          scenario: name,
          measure: '/ask answered (edit delivered)',
          value: `${s.answered}/${s.count}`,
          target: `${s.count}/${s.count}`,
          ok: s.answered === s.count,
        },
        {
          scenario: name,
          measure: 'mentions answered',
          value: `${replied}/${mentions.length}`,
          target: `${mentions.length}/${mentions.length}`,
          ok: replied === mentions.length,
        },
        { scenario: name, measure: 'lost', value: String(s.lost), target: '0', ok: s.lost === 0 },
        { scenario: name, measure: 'ack p50 / max', value: `${ms(s.ackP50)} / ${ms(s.ackMax)}` },
        { scenario: name, measure: 'answer p50 / p99', value: `${ms(s.answerP50)} / ${ms(s.answerP99)}` },
      );
    });
  } finally {
    await sources.cleanup();
  }
}

/** How long after a gateway outage the bot may take to answer again. */
const BACK_WITHIN_MS = 10_000;

async function gatewayDrops(small: boolean, rows: Row[]): Promise<void> {
  const name = 'gateway drops';
  const sources = await copySeeds();
  try {
    await withBot(sources.dir, {}, async (fake, bot) => {
      const kinds = [
        { how: 'close-4000', label: 'close 4000', withinMs: BACK_WITHIN_MS },
        { how: 'tcp-reset', label: 'TCP drop (socket torn down)', withinMs: BACK_WITHIN_MS },
        { how: 'invalid-session', label: 'op 9 invalid session', withinMs: BACK_WITHIN_MS },
        // Noticed at the first unanswered heartbeat (1 s here, 41 s on Discord); then ws waits its 30 s
        // closeTimeout for a closing handshake that cannot come before discord.js reconnects.
        ...(small ? [] : [{ how: 'silent', label: 'TCP drop (silent: no heartbeat ACK)', withinMs: 45_000 } as const]),
      ] as const;
      for (const { how, label, withinMs } of kinds) {
        // Discord allows one IDENTIFY per 5 s (max_concurrency 1), and discord.js waits for it: start each
        // outage at least 5.5 s after the last IDENTIFY, so the reconnection itself is what is measured.
        const lastIdentify = fake.gateway.filter((e) => e.direction === 'in' && e.op === 2).at(-1)?.at ?? 0;
        await new Promise((r) => setTimeout(r, Math.max(0, lastIdentify + 5500 - Date.now())));
        const identifies = fake.identifies.length;
        const resumes = fake.gateway.filter((e) => e.direction === 'in' && e.op === 6).length;
        const dropped = Date.now();
        fake.dropGateway(how);
        // Ask every 100 ms until an /ask is answered; Discord itself would hold events for a RESUME.
        let answeredAt: number | null = null;
        let reconnectedAt: number | null = null;
        while (Date.now() - dropped < withinMs + 5000 && answeredAt === null) {
          if (reconnectedAt === null && fake.identifies.length > identifies) reconnectedAt = Date.now();
          if (reconnectedAt !== null) {
            try {
              const sent = fake.command('ask', {
                options: [{ name: 'question', type: 3, value: QUESTIONS[0] as string }],
                user: fake.user('after-drop'),
              });
              const result = await sent.result(5000);
              if (result.message?.body.embeds) answeredAt = Date.now();
            } catch {
              // not connected yet (READY not sent), or not answered: ask again
            }
          }
          if (answeredAt === null) await new Promise((r) => setTimeout(r, 100));
        }
        const back = answeredAt === null ? Number.NaN : answeredAt - dropped;
        const resumed = fake.gateway.filter((e) => e.direction === 'in' && e.op === 6).length > resumes;
        rows.push({
          scenario: name,
          measure: `${label} → ${resumed ? 'RESUME tried, then ' : ''}IDENTIFY, answering again after`,
          value: ms(back),
          target: `≤ ${withinMs / 1000} s`,
          ok: back <= withinMs,
        });
      }
      const errors = bot.logs.filter((l) => Number(l.level) >= 50).length;
      rows.push({ scenario: name, measure: 'error log lines', value: String(errors), target: '0', ok: errors === 0 });
    });
  } finally {
    await sources.cleanup();
  }
}

async function fuzz(options: Options, rows: Row[]): Promise<void> {
  const name = `fuzz ${options.fuzz} inputs × 3 paths`;
  const sources = await copySeeds();
  try {
    await withBot(sources.dir, {}, async (fake, bot) => {
      const inputs = fuzzInputs(options.fuzz, { botId: fake.bot.id, seed: 9 });
      const tracker = new Tracker(fake);
      const asks: string[] = [];
      const completes: string[] = [];
      const mentions: string[] = [];
      const completed = new Set<string>();
      fake.on('request', (r: RecordedRequest) => {
        const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.route);
        if (m && r.status < 300) completed.add(m[1] as string);
      });
      // Ten at a time per path, each from its own user (the per-user question limit is not under test here).
      for (let i = 0; i < inputs.length; i += 10) {
        for (const input of inputs.slice(i, i + 10)) {
          const user = fake.user('fuzzer');
          const sent = fake.command('ask', {
            options: [{ name: 'question', type: 3, value: input.slice(0, 256) }],
            user,
          });
          tracker.dispatched.set(sent.id, Date.now());
          asks.push(sent.id);
          completes.push(
            fake.autocomplete('ask', {
              options: [{ name: 'question', type: 3, value: input.slice(0, 100), focused: true }],
              user,
            }).id,
          );
          mentions.push(String(fake.postMessage(`<@${fake.bot.id}> ${input}`.slice(0, 2000), { author: user }).id));
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      await tracker.settle(asks, 120_000);
      await fake
        .waitFor(() => completes.every((id) => completed.has(id)), 'every autocomplete answered', 30_000)
        .catch(() => undefined);
      const wanted = new Set(mentions);
      await fake
        .waitFor(() => mentionReplies(fake, wanted).size === mentions.length, 'every mention answered', 120_000)
        .catch(() => undefined);
      const alive = bot.proc.exitCode === null && bot.proc.signalCode === null;
      const refused = fake.rejected.length;
      const pings = fake.sent.filter(
        (m) => !noPings(m.pings) || (m.body.allowed_mentions as { parse?: unknown[] } | undefined)?.parse?.length !== 0,
      ).length;
      // The help text shows the bot's own mention on purpose (Discord renders it as its name); nothing else.
      const rawMentions = fake.sent.filter((m) =>
        JSON.stringify(m.body.embeds ?? [])
          .replaceAll(`<@${fake.bot.id}>`, '')
          .match(/<@[!&]?\d{17,20}>|<#\d{17,20}>|@everyone|@here/),
      ).length;
      const s = tracker.summary(asks);
      const acked = completes.filter((id) => completed.has(id)).length;
      const replied = mentionReplies(fake, wanted).size;
      const errors = bot.logs.filter((l) => Number(l.level) >= 50).length;
      rows.push(
        { scenario: name, measure: 'bot still running', value: alive ? 'yes' : 'no', target: 'yes', ok: alive },
        {
          scenario: name,
          measure: '/ask acknowledged within 3 s',
          value: `${s.ackedInTime}/${s.count}`,
          target: `${s.count}/${s.count}`,
          ok: s.ackedInTime === s.count,
        },
        {
          scenario: name,
          measure: 'autocomplete answered',
          value: `${acked}/${completes.length}`,
          target: `${completes.length}/${completes.length}`,
          ok: acked === completes.length,
        },
        {
          scenario: name,
          measure: 'mentions answered',
          value: `${replied}/${mentions.length}`,
          target: `${mentions.length}/${mentions.length}`,
          ok: replied === mentions.length,
        },
        {
          scenario: name,
          measure: 'requests Discord would refuse (limits)',
          value: String(refused),
          target: '0',
          ok: refused === 0,
        },
        {
          scenario: name,
          measure: 'messages that could ping (allowed_mentions)',
          value: String(pings),
          target: '0',
          ok: pings === 0,
        },
        {
          scenario: name,
          measure: 'embeds showing a user’s raw mention syntax',
          value: String(rawMentions),
          target: '0',
          ok: rawMentions === 0,
        },
        { scenario: name, measure: 'error log lines', value: String(errors), target: '0', ok: errors === 0 },
      );
    });
  } finally {
    await sources.cleanup();
  }
}

async function symlinkRefused(rows: Row[]): Promise<void> {
  const sources = await copySeeds();
  const outside = await mkdtemp(path.join(tmpdir(), 'stress-outside-'));
  const name = 'symlink in SOURCES_DIR';
  try {
    await writeFile(
      path.join(outside, 'secret.txt'),
      'The secret code word agreed in Abu Dhabi was PELICAN, a negotiator said on Tuesday.\n',
    );
    await withBot(sources.dir, {}, async (fake) => {
      await symlink(path.join(outside, 'secret.txt'), path.join(sources.dir, 'leak.txt'));
      const reply = await fake
        .command('sources-admin', {
          options: [{ name: 'reload', type: 1, options: [] }],
          user: fake.owner,
          permissions: ADMIN_PERMISSIONS,
        })
        .result(60_000);
      const text = String(reply.message?.body.content ?? '');
      const asked = await fake
        .command('ask', { options: [{ name: 'question', type: 3, value: 'What was the secret code word?' }] })
        .result(30_000);
      const leaked = JSON.stringify(asked.message?.body ?? {}).includes('PELICAN');
      const refused = /leak\.txt\*\*: is a symbolic link/.test(text);
      rows.push(
        {
          scenario: name,
          measure: 'reload refuses it by name',
          value: refused ? 'yes' : `no: ${text.slice(0, 100)}`,
          target: 'yes',
          ok: refused,
        },
        { scenario: name, measure: 'its text served', value: leaked ? 'yes' : 'no', target: 'no', ok: !leaked },
      );
    });
  } finally {
    await sources.cleanup();
    await rm(outside, { recursive: true, force: true });
  }
}

async function revokedToken(rows: Row[]): Promise<void> {
  const fake = await FakeDiscord.start({ token: FAKE_TOKEN, heartbeatIntervalMs: 1000 });
  try {
    fake.on('request', (r: RecordedRequest) => {
      if (r.route === '/gateway/bot') (fake as { token: string }).token = 'revoked.token.value';
    });
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: REPO,
      env: botEnv(fake, path.join(REPO, 'seeds'), { LOG_LEVEL: 'warn' }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
    clearTimeout(timer);
    const fatal = stderr.split('\n').filter((l) => l.includes('"level":60')).length;
    const name = 'revoked token (close 4004)';
    rows.push(
      {
        scenario: name,
        measure: 'exit status',
        value: String(code),
        target: 'non-zero',
        ok: code !== 0 && code !== null,
      },
      { scenario: name, measure: 'fatal log lines', value: String(fatal), target: '1', ok: fatal === 1 },
    );
  } finally {
    await fake.close();
  }
}

function print(rows: Row[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const lines = ['| scenario | measure | value | target | |', '|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.measure} | ${r.value} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? '✅' : '❌'} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  const step = async (label: string, run: () => Promise<void>) => {
    process.stderr.write(`stress: ${label}…\n`);
    const started = Date.now();
    try {
      await run();
    } catch (err) {
      rows.push({ scenario: label, measure: 'error', value: (err as Error).message.split('\n')[0] ?? '', ok: false });
    }
    process.stderr.write(`stress: ${label} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  };
  const wanted = (name: string) => options.only === null || options.only.has(name);
  if (options.burst > 0 && wanted('burst')) await step('burst', () => burst(options, rows));
  if (options.reloadArticles > 0 && wanted('reload'))
    await step('reload under traffic', () => reloadUnderTraffic(options, rows));
  if (wanted('429')) await step('429 with retry_after', () => rateLimited(rows));
  if (wanted('drops')) await step('gateway drops', () => gatewayDrops(options.small, rows));
  if (options.fuzz > 0 && wanted('fuzz')) await step('fuzz', () => fuzz(options, rows));
  if (wanted('symlink')) await step('symlink', () => symlinkRefused(rows));
  if (wanted('4004')) await step('revoked token', () => revokedToken(rows));
  print(rows, options.json);
  process.exitCode = rows.some((r) => r.ok === false) ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`stress failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
