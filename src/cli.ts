import { runCli, UsageError } from './cli-app.js';
import { getConfigOrExit } from './config.js';
import { createLogger, log, setLogger } from './log.js';

/** Entry point of `npm run cli`; the commands live in cli-app.ts. */
const config = getConfigOrExit();
setLogger(createLogger(config.logLevel));
runCli(process.argv.slice(2), config.sourcesDir, process.stdout, process.stdin).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n\nRun with --help for usage.\n`);
    process.exitCode = 2;
    return;
  }
  log.error({ err }, 'cli failed');
  process.stderr.write('Sorry, something went wrong; the details are in the log above.\n');
  process.exitCode = 1;
});
