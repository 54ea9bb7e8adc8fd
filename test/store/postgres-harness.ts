/**
 * PostgreSQL under the contract: each test in a database of its own, created on the test server
 * and dropped after, so that test files running in parallel never see each other's rows or
 * notifications.
 */
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import { LISTENER_APPLICATION_NAME } from '../../src/store/postgres-listener.js';
import type { CorpusStore } from '../../src/store/types.js';
import type { StoreHarness, TestDatabase } from './harness.js';

/** The test server: `RECOUPE_TEST_DATABASE_URL`, or the local PostgreSQL with trust authentication. */
export const TEST_DATABASE_URL = process.env.RECOUPE_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

let created = 0;

/** A new empty database on the server of `baseUrl`; returns its name and URL. */
export async function createTestDatabase(baseUrl: string): Promise<{ name: string; url: string; drop: () => Promise<void>; admin: pg.Client }> {
  const admin = new pg.Client({ connectionString: baseUrl });
  admin.on('error', () => {});
  await admin.connect();
  const name = `recoupe_t_${process.pid}_${++created}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return {
    name,
    url: withDatabase(baseUrl, name),
    admin,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function postgresHarness(baseUrl: string): StoreHarness {
  return {
    backend: 'postgres',
    concurrentOpens: true,
    async fresh(): Promise<TestDatabase> {
      const database = await createTestDatabase(baseUrl);
      const opened: CorpusStore[] = [];
      let look: pg.Pool | undefined;
      const track = (store: CorpusStore) => (opened.push(store), store);
      return {
        open: async (options = {}) => track(await openStore({ databaseUrl: database.url, ...options })),
        other: async () => track(await openStore({ databaseUrl: database.url })),
        async inspect<Row>(text: string, params: readonly unknown[] = []) {
          if (!look) {
            look = new pg.Pool({ connectionString: database.url, max: 2 });
            // DROP DATABASE … WITH (FORCE) may kill a connection still closing.
            look.on('error', () => {});
          }
          return (await look.query(text, [...params])).rows as Row[];
        },
        async killListeners() {
          const rows = await database.admin.query('SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [database.name, LISTENER_APPLICATION_NAME]);
          return rows.rows.filter((r: { killed: boolean }) => r.killed).length;
        },
        async drop() {
          for (const store of opened) await store.close().catch(() => {});
          await look?.end();
          await database.drop();
        },
      };
    },
  };
}
