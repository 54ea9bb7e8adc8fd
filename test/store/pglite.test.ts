/**
 * The store's contract on PGlite, the embedded back-end, in its worker thread as `openStore` opens it; then what only PGlite has: a folder,
 * created if missing, open in one process at a time, and an in-memory database for tests.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreError } from '../../src/store/types.js';
import { openPgliteThreadExecutor } from '../../src/store/pglite-thread.js';
import { pgliteHarnessOf } from './pglite-harness.js';
import { article, GUILD, MODERATOR } from './samples.js';
import { storeContract } from './store-contract.js';

// As `openStore` runs it: in a worker thread (pglite-thread.test.ts tests the thread itself).
storeContract(pgliteHarnessOf(openPgliteThreadExecutor));

describe('GIVEN PGlite opened by openStore', () => {
  it('WHEN the folder does not exist THEN it is created, and a reopening finds what was committed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recoupe-open-'));
    const dir = join(root, 'nested', 'pglite');
    try {
      const store = await openStore({ dir });
      expect(store.backend).toBe('pglite');
      expect(existsSync(dir)).toBe(true);
      await store.publishArticle(GUILD, article('a1'), MODERATOR);
      await store.close();
      const again = await openStore({ dir });
      expect((await again.article(GUILD, 'a1'))?.article).toEqual(article('a1'));
      await again.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('WHEN the folder is open THEN a second opening is refused as in-use, and allowed once the first is closed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recoupe-open-'));
    const dir = join(root, 'pglite');
    try {
      const store = await openStore({ dir });
      const error = await openStore({ dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('in-use');
      expect((error as StoreError).message).toContain(String(process.pid));
      await store.close();
      await (await openStore({ dir })).close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('WHEN the folder holds something else THEN it is refused, untouched; a half-created database beside it is ignored', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recoupe-open-'));
    const dir = join(root, 'pglite');
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'notes.txt'), 'mine');
      await expect(openStore({ dir })).rejects.toThrow(`recoupe: ${dir} is neither empty nor a database folder`);
      expect(readdirSync(dir)).toEqual(['notes.txt']);
      rmSync(dir, { recursive: true });
      mkdirSync(`${dir}.creating`);
      writeFileSync(join(`${dir}.creating`, 'PG_VERSION'), 'torn');
      const store = await openStore({ dir });
      await store.publishArticle(GUILD, article('a1'), MODERATOR);
      await store.close();
      expect(existsSync(`${dir}.creating`)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('WHEN the folder is memory:// THEN nothing is written to disk and each opening is a new database', async () => {
    const first = await openStore({ dir: 'memory://' });
    await first.publishArticle(GUILD, article('a1'), MODERATOR);
    const second = await openStore({ dir: 'memory://' });
    expect(await second.article(GUILD, 'a1')).toBeUndefined();
    await Promise.all([first.close(), second.close()]);
    expect(existsSync('memory:')).toBe(false);
  });
});
