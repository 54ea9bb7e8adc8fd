/**
 * `npm run start:sharded`: the bot under discord.js's ShardingManager, one process per shard,
 * each loading the saved index (the first to start builds it; the others find it in `.cache/`).
 * Discord requires sharding from 2 500 guilds. The shard count comes from `DISCORD_SHARDS`
 * (a number, or `auto` for what Discord recommends via `GET /gateway/bot`, asked of
 * `DISCORD_API_URL` when set). SIGTERM stops every shard cleanly, then the manager.
 */
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger } from '../discord/logger.js';
import { serveStoreOverIpc } from '../store/ipc-store.js';
import { openStore } from '../store/open-store.js';
import type { CorpusStore } from '../store/types.js';
import { SERVING_NODE_FLAGS } from './serving-flags.js';
import { stopOnSignals } from './shutdown.js';

/** Discord's recommendation: `shards` of `GET /gateway/bot`, from the configured REST base. */
async function recommendedShards(config: Config, token: string): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  const body = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  const shards = Number(body.shards);
  return Number.isInteger(shards) && shards > 0 ? shards : 1;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const token = config.DISCORD_TOKEN;
  if (!token) throw new ConfigError([{ key: 'DISCORD_TOKEN', message: 'is required to run shards (npm start runs the terminal console without it)' }]);
  const totalShards = config.DISCORD_SHARDS === 'auto' ? await recommendedShards(config, token) : config.DISCORD_SHARDS;
  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    token,
    totalShards,
    // Each shard runs the TypeScript entry point like `npm start` does, with its flags.
    execArgv: [...SERVING_NODE_FLAGS, '--import', 'tsx'],
  });
  // Without DATABASE_URL the store is the embedded PGlite folder, which one process opens: this
  // one, serving it to every shard (respawned ones too) over the shard's IPC channel.
  const store: CorpusStore | undefined = config.DATABASE_URL ? undefined : await openStore({ dir: config.RECOUPE_DB_DIR });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, totalShards }, 'shard starting');
    if (store) shard.on('spawn', (child: Parameters<typeof serveStoreOverIpc>[1]) => serveStoreOverIpc(store, child));
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'));
  });

  stopOnSignals({ logger, message: 'stopping every shard', stop: async () => {
    await stopShards(manager);
    await store?.close();
  } });
  await manager.spawn();
  logger.info({ totalShards }, 'every shard is ready');
}

/** Sends SIGTERM to every shard; each finishes its replies in flight and exits 0 (`main.ts`). */
async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map((shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
