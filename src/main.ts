import { getConfigOrExit } from './config.js';
import { runConsole } from './console.js';
import { startBot } from './discord/bot.js';
import { createLogger, log, setLogger } from './log.js';
import { SourceStore } from './store.js';

/**
 * `npm start`: with a DISCORD_TOKEN, the Discord bot; without one, a local console over the same engine.
 */
async function main(): Promise<void> {
  const config = getConfigOrExit();
  setLogger(createLogger(config.logLevel));

  const store = new SourceStore(config.sourcesDir);
  const loaded = await store.reload();
  if (!loaded.ok) {
    for (const e of loaded.errors) log.error({ file: e.file, problem: e.problem }, 'source file rejected');
    process.stderr.write(
      `Cannot start: the sources in "${config.sourcesDir}" have problems:\n${loaded.errors
        .map((e) => `  ${e.file}: ${e.problem}`)
        .join('\n')}\nFix or remove those files (or set SOURCES_DIR) and start again.\n`,
    );
    process.exitCode = 1;
    return;
  }
  for (const w of loaded.warnings) log.warn({ file: w.file, problem: w.problem }, 'source file skipped');
  log.info(
    {
      dir: config.sourcesDir,
      articles: loaded.snapshot.corpus.articles.length,
      buildMs: Math.round(loaded.snapshot.buildMs),
    },
    'index built',
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
  log.fatal({ err }, 'start-up failed');
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
