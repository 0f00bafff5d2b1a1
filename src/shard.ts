/**
 * `npm run start:sharded`: runs the bot as N shards with discord.js' own ShardingManager (one process
 * per shard, each the same `main` entry point with its own snapshot). SHARD_COUNT sets N (`auto`: what
 * Discord recommends). A reload or add/remove on one shard is relayed to every other shard, which
 * reloads from the same sources folder. A shard that stops for a reason only an operator can fix
 * (exit status 78: token, intents, configuration) stops every shard with status 78 instead of being
 * respawned in a loop; any other shard death is respawned by the manager.
 */
import { fileURLToPath } from 'node:url';
import { type Shard, ShardingManager } from 'discord.js';
import { getConfigOrExit } from './config.js';
import { EXIT_CONFIG, RELOAD_SOURCES, SOURCES_CHANGED } from './discord/bot.js';
import { createLogger, log, setLogger } from './log.js';

const config = getConfigOrExit();
setLogger(createLogger(config.logLevel));
if (!config.discordToken) {
  log.fatal('DISCORD_TOKEN is not set — sharding needs a bot token; put it in .env (see .env.example) and start again');
  process.exit(EXIT_CONFIG);
}

// The shard script: the compiled main.js next to this file, or main.ts under tsx.
const typescript = import.meta.url.endsWith('.ts');
const file = fileURLToPath(new URL(`./main.${typescript ? 'ts' : 'js'}`, import.meta.url));
const manager = new ShardingManager(file, {
  token: config.discordToken,
  totalShards: config.shardCount ?? 'auto',
  mode: 'process',
  respawn: true,
  execArgv: typescript ? ['--import', 'tsx'] : [],
});

let stopping = false;
const stopAll = (code: number): void => {
  if (stopping) return;
  stopping = true;
  for (const shard of manager.shards.values()) shard.kill();
  process.exit(code);
};

manager.on('shardCreate', (shard: Shard) => {
  log.info({ shard: shard.id, of: manager.totalShards }, 'shard started');
  shard.on('message', (message: { type?: string } | null) => {
    if (message?.type !== SOURCES_CHANGED) return;
    log.info({ from: shard.id }, 'sources changed on one shard; reloading the others');
    for (const other of manager.shards.values()) {
      if (other.id === shard.id) continue;
      other
        .send({ type: RELOAD_SOURCES })
        .catch((err: unknown) => log.error({ err, shard: other.id }, 'could not ask a shard to reload'));
    }
  });
  shard.on('death', (child) => {
    if (stopping) return;
    const code = 'exitCode' in child ? child.exitCode : null;
    if (code === EXIT_CONFIG) {
      log.fatal(
        { shard: shard.id },
        'a shard stopped on a problem only an operator can fix (see its fatal line above); stopping every shard',
      );
      stopAll(EXIT_CONFIG);
    } else log.error({ shard: shard.id, code }, 'shard died; the manager respawns it');
  });
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log.info({ signal }, 'stopping every shard');
    stopping = true;
    for (const shard of manager.shards.values()) shard.process?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 10_000).unref();
    Promise.all(
      [...manager.shards.values()].map((s) => new Promise((r) => s.process?.once('exit', r) ?? r(null))),
    ).then(() => process.exit(0));
  });
}

manager.spawn({ timeout: 120_000 }).catch(async (err: unknown) => {
  if (stopping) return;
  // A shard that fails before it is ready (e.g. a revoked token) exits with its own status and fatal
  // line: give it a moment, so that status decides ours (the death handler above), not this rejection.
  await Promise.race([
    Promise.all(
      [...manager.shards.values()].map(
        (shard) => new Promise((resolve) => (shard.process ? shard.process.once('exit', resolve) : resolve(null))),
      ),
    ),
    new Promise((resolve) => setTimeout(resolve, 10_000)),
  ]);
  await new Promise((resolve) => setImmediate(resolve));
  if (stopping) return;
  log.fatal({ err }, 'could not start the shards');
  stopAll(1);
});
