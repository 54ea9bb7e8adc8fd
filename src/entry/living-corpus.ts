/**
 * The living corpus of one bot process: its store, the live corpus following it, and the
 * moderation service. Which store: the PostgreSQL server of `DATABASE_URL` when set (every
 * process connects to it itself); else the embedded PGlite folder `RECOUPE_DB_DIR`, opened by this
 * process — or, in a shard of `npm run start:sharded`, by the manager's process, which serves it to
 * the shards over their IPC channel (one process at a time may open a PGlite folder).
 */
import type { Engine } from '../answers/engine.js';
import type { Config } from '../config.js';
import { LiveCorpus, type LiveLogger } from '../live/live-corpus.js';
import { createModerationService } from '../moderation/service.js';
import type { ModerationService } from '../moderation/types.js';
import { connectStoreOverIpc, type IpcChannel } from '../store/ipc-store.js';
import { openStore } from '../store/open-store.js';
import type { CorpusStore } from '../store/types.js';

/** What a bot process serves from, and how to stop it. */
export interface LivingCorpus {
  readonly live: LiveCorpus;
  readonly moderation: ModerationService;
  readonly store: CorpusStore;
  close(): Promise<void>;
}

/** True in a shard process of the ShardingManager (it sets `SHARDS` and gives an IPC channel). */
export function isShardProcess(config: Pick<Config, 'SHARDS'>): boolean {
  return config.SHARDS !== undefined && typeof process.send === 'function';
}

/** Opens the store this process should use (see the module's comment). */
export async function openStoreFor(config: Pick<Config, 'DATABASE_URL' | 'RECOUPE_DB_DIR' | 'SHARDS'>): Promise<CorpusStore> {
  if (config.DATABASE_URL) return openStore({ databaseUrl: config.DATABASE_URL });
  if (isShardProcess(config)) return connectStoreOverIpc(process as unknown as IpcChannel);
  return openStore({ dir: config.RECOUPE_DB_DIR });
}

/** Opens the store, loads every server's collection over the shared engine's base, and follows changes. */
export async function startLivingCorpus(config: Pick<Config, 'DATABASE_URL' | 'RECOUPE_DB_DIR' | 'SHARDS'>, engine: Engine, logger: LiveLogger): Promise<LivingCorpus> {
  const store = await openStoreFor(config);
  const live = await LiveCorpus.start(engine.kb, store, { logger });
  return {
    live,
    store,
    moderation: createModerationService({ live, store }),
    async close() {
      await live.close();
      await store.close();
    },
  };
}
