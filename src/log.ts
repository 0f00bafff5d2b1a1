import pino, { type Logger } from 'pino';

/**
 * The one logger. JSON lines on stderr (stdout stays free for answers and `--json` output);
 * pretty-printed when a person is watching the terminal.
 */
export function createLogger(level: string, pretty = Boolean(process.stderr.isTTY)): Logger {
  if (pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino({ level }, pino.destination({ fd: 2, sync: true }));
}

/**
 * The process logger: silent until an entry point installs the configured one with `setLogger`,
 * so library code and tests stay quiet. ESM live binding: importers see the replacement.
 */
export let log: Logger = pino({ level: 'silent' });

export function setLogger(logger: Logger): void {
  log = logger;
}
