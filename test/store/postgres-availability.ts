/**
 * Whether the PostgreSQL suites run. A laptop without PostgreSQL must pass `npm test`, so there
 * they are skipped with one line saying why; under `CI=true` a missing server is a failure, never
 * a silent skip, so CI cannot turn green without having tested the server back-end.
 */
import pg from 'pg';
import { describe, it } from 'vitest';
import { whereIs } from '../../src/store/postgres-errors.js';

/** What to do with a PostgreSQL suite. */
export type PostgresAvailability = { readonly state: 'reachable' } | { readonly state: 'skip'; readonly line: string } | { readonly state: 'fail'; readonly message: string };

/** How long to wait for the server's answer before calling it unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Whether `env` is a CI run (`CI=true`, or any value but `false` and `0`, as CI services set it). */
export const isCi = (env: Readonly<Record<string, string | undefined>>): boolean => env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';

/** Tries the server at `url` once and decides, naming its host and port (never the URL, which may hold a password). */
export async function postgresAvailability(url: string, env: Readonly<Record<string, string | undefined>>): Promise<PostgresAvailability> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { state: 'reachable' };
  } catch (error) {
    const why = `PostgreSQL at ${whereIs(url)} cannot be reached (${(error as { code?: string }).code ?? (error as Error).message})`;
    if (isCi(env)) return { state: 'fail', message: `${why}: under CI=true the PostgreSQL suites must run; start the server or set RECOUPE_TEST_DATABASE_URL` };
    return { state: 'skip', line: `recoupe: PostgreSQL suites skipped: ${why}; set RECOUPE_TEST_DATABASE_URL or start PostgreSQL to run them` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Registers `register` under `title` when the server answers; otherwise one failing test (CI) or a skip with its line printed. */
export async function describeOnPostgres(title: string, url: string, register: () => void): Promise<void> {
  const availability = await postgresAvailability(url, process.env);
  if (availability.state === 'reachable') describe(title, register);
  else if (availability.state === 'fail') {
    describe(title, () => {
      it('reaches the PostgreSQL server', () => {
        throw new Error(availability.message);
      });
    });
  } else {
    console.log(availability.line);
    // Skipped only off CI, when no server answers (under CI=true the state is 'fail' above).
    describe.skipIf(availability.state === 'skip')(title, register);
  }
}
