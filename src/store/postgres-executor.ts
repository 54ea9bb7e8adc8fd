/**
 * The server back-end: a PostgreSQL server through node-postgres's pool, for operators who run
 * their own database or several machines. Statements and transactions use pooled connections;
 * listening has a connection of its own (`postgres-listener.ts`).
 */
import pg from 'pg';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import { asUnreachable, whereIs } from './postgres-errors.js';
import { listenOnOwnConnection } from './postgres-listener.js';

/** Connects a pool to `databaseUrl` (`postgres://…`) and checks that the server answers. */
export async function openPostgresExecutor(databaseUrl: string): Promise<SqlExecutor> {
  const where = whereIs(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, application_name: 'recoupe' });
  // An idle pooled connection the server drops is discarded by the pool; without a listener its
  // error would end the process.
  pool.on('error', () => {});
  const onPool: SqlQueryable = {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      try {
        return (await pool.query(text, [...params])).rows as Row[];
      } catch (error) {
        throw asUnreachable(error, where);
      }
    },
    async script(text: string) {
      await onPool.query(text);
    },
  };
  const executor: SqlExecutor = {
    backend: 'postgres',
    ...onPool,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asUnreachable(error, where);
      }
      const tx: SqlQueryable = {
        query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, [...params])).rows as Row[],
        // Without parameters node-postgres uses the simple protocol, which allows several statements.
        script: async (text: string) => void (await client.query(text)),
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is gone: destroy it rather than pool it.
        const broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        client.release(broken);
        throw asUnreachable(error, where);
      }
    },
    listen: (channel, onNotify) => listenOnOwnConnection(databaseUrl, where, channel, onNotify),
    close: () => pool.end(),
  };
  try {
    await executor.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return executor;
}
