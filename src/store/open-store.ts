/**
 * The one way the program opens its store: a PostgreSQL server when a URL is given, otherwise
 * PGlite in a folder, run in a worker thread (pglite-thread.ts) so that its statements never hold
 * members' queries up. The schema is brought up to date before the store is returned.
 */
import { migrate } from './migrate.js';
import type { SqlExecutor } from './executor.js';
import { openPgliteThreadExecutor } from './pglite-thread.js';
import { openPostgresExecutor } from './postgres-executor.js';
import { createSqlStore } from './sql-store.js';
import type { CorpusStore } from './types.js';

/** The embedded database's folder when none is given (relative to the working directory). */
export const DEFAULT_DB_DIR = '.data/pglite';

/** Where the store lives. */
export interface OpenStoreOptions {
  /** `postgres://…` or `postgresql://…`: use that server (`DATABASE_URL`). */
  readonly databaseUrl?: string;
  /** PGlite's folder, created if missing (`RECOUPE_DB_DIR`, default {@link DEFAULT_DB_DIR}); `memory://` for a database that lives only in this process. Ignored with a URL. */
  readonly dir?: string;
  /** The clock for times written and draft expiry; default: the system's. */
  readonly now?: () => Date;
}

/**
 * Opens the store and runs any pending migration. Rejects with `unreachable` when the server
 * cannot be used, `in-use` when another process has the folder open, `migration-failed` when the
 * schema cannot be brought up to date.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<CorpusStore> {
  const db: SqlExecutor = options.databaseUrl ? await openPostgresExecutor(options.databaseUrl) : await openPgliteThreadExecutor(options.dir ?? DEFAULT_DB_DIR);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return createSqlStore(db, options.now ? { now: options.now } : {});
}
