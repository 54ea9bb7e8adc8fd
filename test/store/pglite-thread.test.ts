/**
 * What running PGlite in a worker thread (as `openStore` does; the store's contract runs on it in
 * pglite.test.ts) must keep: errors that cross it keep their meaning, a transaction
 * whose function throws leaves nothing, notifications cross it, and an idle open database does
 * not keep a process alive.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openPgliteThreadExecutor } from '../../src/store/pglite-thread.js';

describe('GIVEN PGlite in a worker thread', () => {
  it('WHEN a statement fails THEN its SQLSTATE and constraint come back, and a failed transaction leaves nothing', async () => {
    const db = await openPgliteThreadExecutor('memory://');
    try {
      await db.script('CREATE TABLE t (id int PRIMARY KEY)');
      await db.query('INSERT INTO t VALUES ($1)', [1]);
      const duplicate = await db.query('INSERT INTO t VALUES ($1)', [1]).catch((e: unknown) => e);
      expect(duplicate).toMatchObject({ code: '23505', constraint: 't_pkey' });
      const thrown = await db
        .transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES ($1)', [2]);
          throw new Error('the caller changed its mind');
        })
        .catch((e: unknown) => e);
      expect((thrown as Error).message).toBe('the caller changed its mind');
      const committed = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1)', [3]);
        return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t'))[0]?.n;
      });
      expect(committed).toBe(2);
      expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 3 }]);
    } finally {
      await db.close();
    }
  });

  it('WHEN a channel is notified THEN the listener hears it, and not once it stopped listening', async () => {
    const db = await openPgliteThreadExecutor('memory://');
    try {
      let heard = 0;
      const stop = await db.listen('changes', () => heard++);
      await db.query("SELECT pg_notify('changes', 'x')");
      await expect.poll(() => heard, { timeout: 2_000 }).toBe(1);
      await stop();
      await db.query("SELECT pg_notify('changes', 'y')");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('WHEN a process opens the database and forgets to close it THEN the process still ends', () => {
    const script = `import { openPgliteThreadExecutor } from ${JSON.stringify(new URL('../../src/store/pglite-thread.ts', import.meta.url).href)};
      const db = await openPgliteThreadExecutor('memory://');
      console.log(JSON.stringify(await db.query('SELECT 1 AS one')));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('[{"one":1}]');
  });
});
