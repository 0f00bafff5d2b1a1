import path from 'node:path';
import { type Config, ConfigError, getConfig } from './config.js';
import { runConsole } from './console.js';
import { EXIT_CONFIG, FatalError, startBot } from './discord/bot.js';
import { answerQueue } from './discord/queue.js';
import { createLogger, log, setLogger } from './log.js';
import { metrics, startMetricsServer } from './metrics.js';
import { SourceStore } from './store.js';

/**
 * `npm start`: with a DISCORD_TOKEN, the Discord bot; without one, a local console over the same engine.
 * Anything only an operator can fix (configuration, sources, token, intents) ends with one `fatal` log
 * line saying what to do and exit status 78 (EX_CONFIG); any other start-up failure with status 1.
 */
function configOrExit(): Config {
  try {
    return getConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    setLogger(createLogger('info'));
    const problems = err.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
    log.fatal(
      { problems },
      `invalid configuration: ${problems.join('; ')} — fix these keys in the environment or .env (see .env.example) and start again`,
    );
    process.stderr.write(`${err.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  setLogger(createLogger(config.logLevel));

  // The bot builds every snapshot in a worker thread so reloads never block the gateway, and saves it in
  // DATA_DIR/snapshot so a restart or another shard loads it instead of rebuilding; the console builds inline.
  const store = new SourceStore(
    config.sourcesDir,
    config.discordToken
      ? { build: 'worker', snapshotDir: path.resolve(config.dataDir ?? 'data', 'snapshot') }
      : { build: 'inline' },
  );
  metrics.watchStore(store);
  metrics.watchQueue(answerQueue);
  if (config.metricsPort !== undefined) {
    metrics.collectDefaults();
    const host = config.metricsHost ?? '127.0.0.1';
    // Under the ShardingManager, shard N listens on METRICS_PORT + N.
    const port = config.metricsPort + (config.shardIds?.[0] ?? 0);
    try {
      // Started before the first build, so /healthz says "starting" (503) until an index serves.
      await startMetricsServer(store, { port, host });
    } catch (err) {
      throw new FatalError(
        `cannot serve metrics on ${host}:${port} (${(err as NodeJS.ErrnoException).code ?? String(err)}) — choose a free METRICS_PORT or leave it empty, and start again`,
      );
    }
    log.info({ host, port }, 'serving /healthz and /metrics');
  }
  const loaded = await store.reload();
  if (
    !loaded.ok &&
    loaded.errors.some((e) => /^(?:building the index failed|the index worker stopped)/.test(e.problem))
  ) {
    // Not the files: a bug while building (already logged with its stack). Status 1, so it is not mistaken for configuration.
    log.fatal({ dir: config.sourcesDir }, 'could not build the index (a bug, logged above); the bot cannot start');
    await store.close();
    process.exit(1);
  }
  if (!loaded.ok) {
    log.fatal(
      { dir: config.sourcesDir, problems: loaded.errors },
      `the sources in "${config.sourcesDir}" have problems (${loaded.errors
        .map((e) => `${e.file}: ${e.problem}`)
        .join('; ')}) — fix or remove those files (or set SOURCES_DIR) and start again`,
    );
    process.stderr.write(
      `Cannot start: the sources in "${config.sourcesDir}" have problems:\n${loaded.errors
        .map((e) => `  ${e.file}: ${e.problem}`)
        .join('\n')}\nFix or remove those files (or set SOURCES_DIR) and start again.\n`,
    );
    await store.close();
    process.exit(EXIT_CONFIG);
  }
  for (const w of loaded.warnings) log.warn({ file: w.file, problem: w.problem }, 'source file skipped');
  log.info(
    {
      dir: config.sourcesDir,
      articles: loaded.snapshot.corpus.articles.length,
      buildMs: Math.round(loaded.snapshot.buildMs),
      fromSnapshot: loaded.snapshot.fromSnapshot ?? false,
    },
    loaded.snapshot.fromSnapshot ? 'index loaded' : 'index built',
  );

  if (!config.discordToken) {
    process.stderr.write(
      'No DISCORD_TOKEN set: starting the local console instead of the Discord bot.\n' +
        'To connect to Discord, put DISCORD_TOKEN=<your bot token> in .env (see .env.example), run `npm run deploy` once to register the slash commands, then `npm start`.\n',
    );
    await runConsole(store, process.stdin, process.stdout);
    return;
  }
  await startBot(config, store);
}

main().catch((err: unknown) => {
  if (err instanceof FatalError) {
    log.fatal({ closeCode: err.closeCode, exitCode: err.exitCode }, err.message);
    process.exit(err.exitCode);
  }
  log.fatal({ err }, 'start-up failed');
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
