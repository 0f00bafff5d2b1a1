/**
 * `npm run preview [-- --out DIR] [--sources DIR]`: renders what each command sends, from the seeds,
 * as Discord would show it — an HTML page per screen and, when Debian's `chromium` is installed
 * (`apt-get install chromium`), a PNG screenshot of each (headless). Default output: scratch/preview/.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { confirmRemoval, describeArticle } from '../discord/admin-buttons.js';
import { CHART_FILE } from '../discord/chart.js';
import { lookupIn } from '../discord/cite.js';
import { mentionWith, renderHelp, unknownCommandMessage } from '../discord/help.js';
import { type RenderedMessage, renderAnswer } from '../discord/render.js';
import { casualtiesView, sourcesView, talksView } from '../discord/views.js';
import { loadCorpus } from '../sources/load.js';
import { buildSnapshot } from '../store.js';
import { messageHtml } from './html.js';

const OWNER = '100000000000000001';
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

interface Screen {
  name: string;
  caption: string;
  message: RenderedMessage;
  ephemeral?: boolean;
}

const HEADLESS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'];

/** The page's height as Chromium lays it out (the page writes it into its title), so screenshots fit. */
async function pageHeight(chromium: string, file: string, hasImage: boolean): Promise<number> {
  const { stdout } = await promisify(execFile)(
    chromium,
    [...HEADLESS, '--window-size=760,800', '--virtual-time-budget=2000', '--dump-dom', `file://${file}`],
    { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const h = Number(/<title>(\d+)<\/title>/.exec(stdout)?.[1]);
  return Number.isFinite(h) && h > 0 ? Math.min(h + 8, 6000) : hasImage ? 2400 : 1800;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'scratch/preview' }, sources: { type: 'string', default: 'seeds' } },
  });
  const out = path.resolve(values.out);
  await mkdir(out, { recursive: true });
  const loaded = await loadCorpus(values.sources);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.file}: ${e.problem}`).join('\n'));
  const snapshot = buildSnapshot(loaded.corpus);
  const lookup = lookupIn(snapshot.corpus);
  const mention = mentionWith(
    new Map(
      ['ask', 'casualties', 'talks', 'sources', 'help'].map((n, i) => [
        n,
        String(1_300_000_000_000_000_000n + BigInt(i)),
      ]),
    ),
  );
  const ask = (q: string, view: 'answer' | 'sources' = 'answer') =>
    renderAnswer(snapshot.engine.ask(q), lookup, { owner: OWNER, mention, view });
  const first = snapshot.corpus.articles[0];
  const screens: Screen[] = [
    { name: 'help', caption: '/help', message: renderHelp('help', mention, '@PeaceTalksBot'), ephemeral: true },
    { name: 'greeting', caption: '@PeaceTalksBot hi!', message: renderHelp('greeting', mention, '@PeaceTalksBot') },
    {
      name: 'ask',
      caption: '/ask How many prisoners were exchanged?',
      message: ask('How many prisoners were exchanged?'),
    },
    {
      name: 'ask-sources',
      caption: '/ask … → Show all sources',
      message: ask('How many prisoners were exchanged?', 'sources'),
    },
    {
      name: 'ask-figures',
      caption: '/ask How many Ukrainian soldiers have been killed?',
      message: ask('How many Ukrainian soldiers have been killed?'),
    },
    {
      name: 'ask-abstain',
      caption: '/ask Who is the mayor of Kyiv? @everyone',
      message: ask('Who is the mayor of Kyiv?'),
    },
    {
      name: 'casualties',
      caption: '/casualties',
      message: casualtiesView(snapshot, { side: 'all', measure: null }, { owner: OWNER, chart: 'attach' }),
    },
    {
      name: 'casualties-page2',
      caption: '/casualties → Next',
      message: casualtiesView(snapshot, { side: 'all', measure: null }, { owner: OWNER, page: 1 }),
    },
    {
      name: 'casualties-quotes',
      caption: '/casualties → Sources (quotes)',
      message: casualtiesView(snapshot, { side: 'all', measure: null }, { owner: OWNER, view: 'quotes' }),
    },
    { name: 'talks', caption: '/talks', message: talksView(snapshot, null, { owner: OWNER }) },
    {
      name: 'talks-topic',
      caption: '/talks → Sticking points',
      message: talksView(snapshot, 'sticking-points', { owner: OWNER }),
    },
    { name: 'sources', caption: '/sources list', message: sourcesView(snapshot, { owner: OWNER }) },
    {
      name: 'unknown',
      caption: '/prisoners (a command the bot no longer has)',
      message: { content: unknownCommandMessage(mention), embeds: [] },
      ephemeral: true,
    },
  ];
  if (first) {
    const confirm = confirmRemoval(first.id, OWNER, describeArticle(first, lookup(first.id)?.headline));
    if (confirm) screens.push({ name: 'remove', caption: `/sources-admin remove`, message: confirm, ephemeral: true });
  }

  const chromium = CHROMIUM.find((c) => existsSync(c));
  const run = promisify(execFile);
  for (const s of screens) {
    const images: Record<string, string> = {};
    for (const f of s.message.files ?? []) {
      await writeFile(path.join(out, `${s.name}-${f.name}`), f.data);
      images[f.name] = `${s.name}-${f.name}`;
    }
    const file = path.join(out, `${s.name}.html`);
    await writeFile(file, messageHtml(s.caption, s.message, { ephemeral: s.ephemeral ?? false, images }));
    if (chromium) {
      const height = await pageHeight(chromium, file, s.message.files?.some((f) => f.name === CHART_FILE) ?? false);
      await run(
        chromium,
        [
          ...HEADLESS,
          `--window-size=760,${height}`,
          `--screenshot=${path.join(out, `${s.name}.png`)}`,
          `file://${file}`,
        ],
        { timeout: 60_000 },
      );
    }
    process.stdout.write(`${s.name}: ${path.relative(process.cwd(), file)}${chromium ? ' (+ .png)' : ''}\n`);
  }
  if (!chromium) process.stdout.write('No chromium found: HTML only (apt-get install chromium for PNG screenshots).\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`preview failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
