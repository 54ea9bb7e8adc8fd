/**
 * The embedded back-end: PostgreSQL compiled to WebAssembly (PGlite), in this process, persisted
 * in a folder. No server to run, which is what a bot on one machine wants; one process only (see
 * `folder-lock.ts`), which `ipc-store.ts` works around for the shards.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import { lockFolder } from './folder-lock.js';

/** PGlite's own name for a database that lives in memory only (tests). */
export const IN_MEMORY = 'memory://';

/** Opens (creating if missing) the PGlite database in `dir`, or an in-memory one for {@link IN_MEMORY}. */
export async function openPgliteExecutor(dir: string): Promise<SqlExecutor> {
  const inMemory = dir.startsWith(IN_MEMORY);
  let release = () => {};
  let db: PGlite;
  try {
    if (!inMemory) {
      mkdirSync(dirname(dir), { recursive: true });
      release = lockFolder(dir);
      await createIfMissing(dir);
    }
    db = await PGlite.create(dir);
  } catch (error) {
    release();
    throw error;
  }
  const rowsOf = (runner: Pick<PGlite, 'query' | 'exec'>): SqlQueryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await runner.query<Row>(text, [...params])).rows;
    },
    async script(text: string) {
      await runner.exec(text);
    },
  });
  return {
    backend: 'pglite',
    ...rowsOf(db),
    transaction: (fn) => db.transaction((tx) => fn(rowsOf(tx))),
    async listen(channel, onNotify) {
      // In-process: there is no connection that could drop, so nothing to re-establish.
      const stop = await db.listen(channel, () => onNotify());
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Creates the database in a sibling folder and renames it into place: PGlite writes a new cluster
 * file by file, and a process killed meanwhile would leave a folder it cannot open again (seen in
 * `test/store/crash.test.ts`'s first round). A rename is all or nothing.
 */
async function createIfMissing(dir: string): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`recoupe: ${dir} is neither empty nor a database folder; point RECOUPE_DB_DIR at an empty or new folder`);
  const creating = `${dir}.creating`;
  // Left by a process killed while creating: never renamed, so never used.
  rmSync(creating, { recursive: true, force: true });
  mkdirSync(creating);
  const fresh = await PGlite.create(creating);
  await fresh.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(creating, dir);
}
