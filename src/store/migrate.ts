/**
 * Brings a database's schema up to date at open. Each migration runs in its own transaction,
 * recorded in `schema_migrations` by the same transaction, so a failed one leaves nothing behind.
 * Two processes opening one server at once take turns on a transaction-scoped advisory lock: the
 * second finds the version applied and skips it.
 */
import type { SqlExecutor } from './executor.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { StoreError } from './types.js';

/** Key of the advisory lock migrations take (any constant; this one spells "reco" in ASCII). */
const MIGRATION_LOCK = 0x7265636f;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Applies the migrations `db` lacks; returns the versions it applied (none when up to date). */
export async function migrate(db: SqlExecutor, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    try {
      const ran = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        // Under the lock, so that two first opens do not both create the ledger.
        await tx.query(CREATE_LEDGER);
        const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done.length > 0) return false;
        await tx.script(migration.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        return true;
      });
      if (ran) applied.push(migration.version);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('migration-failed', `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
    }
  }
  return applied;
}
