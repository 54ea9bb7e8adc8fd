/**
 * Crash safety: a child publishes articles of many paragraphs in a loop and is killed with SIGKILL
 * at varied moments (while creating the database, while opening it, inside its first write, after
 * a few commits); the next child
 * opens the same database, as a restarted bot would. Afterwards every article present has all its
 * paragraphs, its audit entry and its change, nothing is orphaned, everything the child reported
 * committed is there, and a further restart keeps it all.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPgliteExecutor } from '../../src/store/pglite-executor.js';
import { openStore, type OpenStoreOptions } from '../../src/store/open-store.js';
import { crashArticle } from './crash-articles.js';
import { describeOnPostgres } from './postgres-availability.js';
import { createTestDatabase, TEST_DATABASE_URL } from './postgres-harness.js';
import { GUILD, MODERATOR } from './samples.js';

const CHILD = fileURLToPath(new URL('./fixtures/crash-child.ts', import.meta.url));

/**
 * When a round's child is killed: after this many commits (0: as soon as the store is open), or
 * as it starts opening it, or, for PGlite's first round, while it writes the new database's files
 * (the moment that once left a folder PGlite could not open); then after `thenMs`.
 */
type Kill = { readonly after: number | 'opening'; readonly thenMs: number } | { readonly after: 'creating'; readonly entries: number; readonly folders: readonly string[] };

const LATER_KILLS: readonly Kill[] = [
  { after: 0, thenMs: 0 },
  { after: 1, thenMs: 3 },
  { after: 'opening', thenMs: 150 },
  { after: 3, thenMs: 11 },
  { after: 0, thenMs: 25 },
  { after: 6, thenMs: 0 },
];

/** Runs one child until its kill; returns the ids it reported committed. */
function runAndKill(round: number, env: Record<string, string>, kill: Kill): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env, RECOUPE_CRASH_ROUND: String(round) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: string[] = [];
  let stderr = '';
  let buffered = '';
  let killing = false;
  const killSoon = (thenMs: number) => {
    if (killing) return;
    killing = true;
    setTimeout(() => child.kill('SIGKILL'), thenMs);
  };
  // While creating: as soon as enough files are there (or, on a machine fast enough to finish first, once open).
  const watch =
    kill.after === 'creating'
      ? setInterval(() => {
          if (kill.folders.some((f) => existsSync(f) && readdirSync(f).length >= kill.entries)) killSoon(0);
        }, 2)
      : undefined;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
      if (kill.after === 'creating') {
        if (line === 'opened') killSoon(0);
      } else if (kill.after === 'opening' ? line === 'opening' : kill.after === 0 ? line === 'opened' : committed.length >= kill.after) killSoon(kill.thenMs);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`round ${round}: the child stopped by itself (${code}): ${stderr}`));
    });
  });
}

interface Inspect {
  <Row = Record<string, unknown>>(text: string): Promise<Row[]>;
}

/** The database's own account of what survived: rows, not the store's API. */
async function checkTables(inspect: Inspect, reported: readonly string[]): Promise<string[]> {
  const articles = await inspect<{ id: string; paragraphs: number | string; first: number | null; last: number | null }>(
    'SELECT a.id, count(p.n) AS paragraphs, min(p.n) AS first, max(p.n) AS last FROM articles a LEFT JOIN paragraphs p ON p.guild_id = a.guild_id AND p.article_id = a.id GROUP BY a.id ORDER BY a.id',
  );
  const ids = articles.map((a) => a.id);
  for (const a of articles) {
    const expected = crashArticle(a.id).paragraphs.length;
    expect({ id: a.id, paragraphs: Number(a.paragraphs), first: a.first, last: a.last }).toEqual({ id: a.id, paragraphs: expected, first: 1, last: expected });
  }
  expect(await inspect('SELECT p.article_id FROM paragraphs p LEFT JOIN articles a ON a.guild_id = p.guild_id AND a.id = p.article_id WHERE a.id IS NULL')).toEqual([]);
  const changed = (await inspect<{ target: string }>("SELECT target FROM changes WHERE kind = 'article-published' ORDER BY target")).map((r) => r.target);
  const audited = (await inspect<{ target: string }>("SELECT target FROM audit WHERE action = 'article.publish' ORDER BY target")).map((r) => r.target);
  expect(changed).toEqual(ids);
  expect(audited).toEqual(ids);
  expect(await inspect('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
  for (const id of reported) expect(ids).toContain(id);
  return ids;
}

/** Every article read back through the store equals the one written; a restart keeps them all. */
async function checkThroughStore(options: OpenStoreOptions, ids: readonly string[]): Promise<void> {
  for (let restart = 0; restart < 2; restart++) {
    const store = await openStore(options);
    const stored = await store.articles(GUILD);
    expect(stored.map((s) => s.article.id).sort()).toEqual([...ids].sort());
    for (const s of stored) expect(s.article).toEqual(crashArticle(s.article.id));
    // Growing, not gapless: a sequence skips the values a killed transaction or a crash had drawn.
    const changeIds = (await store.changesSince(0)).map((c) => c.id);
    expect(changeIds).toHaveLength(ids.length);
    expect(changeIds).toEqual([...changeIds].sort((a, b) => a - b));
    expect(new Set(changeIds).size).toBe(changeIds.length);
    await store.close();
  }
}

async function crashRounds(env: Record<string, string>, kills: readonly Kill[]): Promise<string[]> {
  const reported: string[] = [];
  for (const [round, kill] of kills.entries()) reported.push(...(await runAndKill(round, env, kill)));
  return reported;
}

describe('GIVEN PGlite in a folder its owner is killed in', () => {
  it('WHEN a child publishing in a loop is SIGKILLed again and again THEN every article is whole or absent, and all that was committed stays', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recoupe-crash-'));
    const dir = join(root, 'pglite');
    try {
      const reported = await crashRounds({ RECOUPE_CRASH_DIR: dir }, [{ after: 'creating', entries: 15, folders: [dir, `${dir}.creating`] }, ...LATER_KILLS]);
      expect(reported.length).toBeGreaterThan(0);
      const db = await openPgliteExecutor(dir);
      let ids: string[];
      try {
        ids = await checkTables((text) => db.query(text), reported);
      } finally {
        await db.close();
      }
      await checkThroughStore({ dir }, ids);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('GIVEN a PGlite folder whose very first opening is killed', () => {
  it('WHEN killed while the new database’s files are being written THEN the folder opens afterwards', async () => {
    // At several points of the writing: the torn folders PGlite could not open came from the middle of it.
    for (const entries of [15, 18, 21]) {
      const root = mkdtempSync(join(tmpdir(), 'recoupe-crash-'));
      const dir = join(root, 'pglite');
      try {
        await runAndKill(0, { RECOUPE_CRASH_DIR: dir }, { after: 'creating', entries, folders: [dir, `${dir}.creating`] });
        const store = await openStore({ dir });
        await store.publishArticle(GUILD, crashArticle('after-p3'), MODERATOR);
        expect((await store.article(GUILD, 'after-p3'))?.article).toEqual(crashArticle('after-p3'));
        await store.close();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  }, 300_000);
});

await describeOnPostgres('GIVEN a PostgreSQL server whose client is killed', TEST_DATABASE_URL, () => {
  it('WHEN a child publishing in a loop is SIGKILLed again and again THEN every article is whole or absent, and all that was committed stays', async () => {
    const database = await createTestDatabase(TEST_DATABASE_URL);
    const look = new pg.Pool({ connectionString: database.url, max: 1 });
    look.on('error', () => {});
    try {
      const reported = await crashRounds({ RECOUPE_CRASH_URL: database.url }, [{ after: 'opening', thenMs: 300 }, ...LATER_KILLS]);
      expect(reported.length).toBeGreaterThan(0);
      const ids = await checkTables(async (text) => (await look.query(text)).rows, reported);
      await checkThroughStore({ databaseUrl: database.url }, ids);
    } finally {
      await look.end();
      await database.drop();
    }
  }, 300_000);
});
