/**
 * PGlite under the contract: each test's database in a temporary folder of its own, so that a
 * test may close it and open it again as a restarted process would. PGlite's `initdb` is most of
 * the cost of a new database, so it runs once per file: each folder starts as a copy of that
 * empty cluster (not migrated: every test's first open runs the migrations).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from '../../src/store/executor.js';
import { migrate } from '../../src/store/migrate.js';
import { createSqlStore } from '../../src/store/sql-store.js';
import type { CorpusStore } from '../../src/store/types.js';
import type { StoreHarness, TestDatabase } from './harness.js';

let emptyCluster: Promise<File | Blob> | undefined;

/** A fresh, empty PGlite cluster, initialised once per test file. */
function template(): Promise<File | Blob> {
  emptyCluster ??= (async () => {
    const db = await PGlite.create('memory://');
    const dump = await db.dumpDataDir('none');
    await db.close();
    return dump;
  })();
  return emptyCluster;
}

/** The contract's harness over PGlite opened by `open` (in this thread, or in a worker thread). */
export function pgliteHarnessOf(open: (dir: string) => Promise<SqlExecutor>): StoreHarness {
  return {
  backend: 'pglite',
  concurrentOpens: false,
  async fresh(): Promise<TestDatabase> {
    const root = mkdtempSync(join(tmpdir(), 'recoupe-pglite-'));
    const dir = join(root, 'db');
    const seed = await PGlite.create(dir, { loadDataDir: await template() });
    await seed.close();
    let db: SqlExecutor | undefined;
    const opened: CorpusStore[] = [];
    const current = (): SqlExecutor => {
      if (!db) throw new Error('open a store first');
      return db;
    };
    return {
      async open(options = {}) {
        db = await open(dir);
        await migrate(db);
        const store = createSqlStore(db, options);
        opened.push(store);
        return store;
      },
      // The folder has one owner; another store in the same process shares its instance.
      async other() {
        return createSqlStore({ ...current(), close: async () => {} });
      },
      inspect: (text, params) => current().query(text, params),
      async drop() {
        for (const store of opened) await store.close().catch(() => {});
        rmSync(root, { recursive: true, force: true });
      },
    };
  },
};
}
