/**
 * Opening the store when things go wrong: a server that does not answer, and a migration that
 * fails (rolled back whole, recorded as not applied, so the next start tries it again).
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { openPgliteExecutor } from '../../src/store/pglite-executor.js';
import { StoreError } from '../../src/store/types.js';

describe('GIVEN a DATABASE_URL where no server answers', () => {
  it('WHEN the store is opened THEN it is refused as unreachable, naming host and port and never the password', async () => {
    const error = await openStore({ databaseUrl: 'postgres://recoupe:SECRETPW@127.0.0.1:1/recoupe' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'unreachable', message: 'recoupe: PostgreSQL at 127.0.0.1:1 cannot be used (ECONNREFUSED)' });
  });
});

describe('GIVEN a migration that fails', () => {
  it('WHEN the schema is brought up to date THEN migration-failed, the earlier ones applied, nothing of the failed one left, and it runs once fixed', async () => {
    const db = await openPgliteExecutor('memory://');
    try {
      const next = MIGRATIONS.length + 1;
      const broken = [...MIGRATIONS, { version: next, name: 'broken', sql: 'CREATE TABLE half (a int); SELECT * FROM no_such_table;' }];
      const error = await migrate(db, broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('migration-failed');
      expect((error as StoreError).message).toMatch(new RegExp(`^recoupe: migration ${next} \\(broken\\) failed: `, 'u'));
      expect(await db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      expect(await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half'")).toEqual([]);
      const fixed = [...MIGRATIONS, { version: next, name: 'fixed', sql: 'CREATE TABLE half (a int);' }];
      expect(await migrate(db, fixed)).toEqual([next]);
      expect(await migrate(db, fixed)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('THEN the shipped migrations are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
