/**
 * The rule for the PostgreSQL suites: skipped with one line on a machine without the server,
 * failed under CI=true. Decided on a real connection attempt to a closed port, then shown end to
 * end by running vitest on the PostgreSQL suite pointed at that port.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isCi, postgresAvailability } from './postgres-availability.js';

/** Port 1 on the loopback: nothing listens there, so the connection is refused at once. */
const NOWHERE = 'postgres://recoupe:SECRETPW@127.0.0.1:1/test';

describe('GIVEN a PostgreSQL URL where no server answers', () => {
  it('WHEN CI=true THEN the suite must fail, naming the host and port and never the password', async () => {
    const decision = await postgresAvailability(NOWHERE, { CI: 'true' });
    expect(decision.state).toBe('fail');
    const message = decision.state === 'fail' ? decision.message : '';
    expect(message).toContain('PostgreSQL at 127.0.0.1:1 cannot be reached (ECONNREFUSED)');
    expect(message).toContain('CI=true');
    expect(message).not.toContain('SECRETPW');
  });

  it('WHEN not in CI THEN the suite is skipped, with a line saying why', async () => {
    const decision = await postgresAvailability(NOWHERE, {});
    expect(decision).toEqual({ state: 'skip', line: expect.stringContaining('PostgreSQL suites skipped: PostgreSQL at 127.0.0.1:1 cannot be reached') });
  });

  it('WHEN CI is set the way CI services do THEN it counts; false, 0 and empty do not', () => {
    expect(['true', '1', 'yes'].map((CI) => isCi({ CI }))).toEqual([true, true, true]);
    expect(['false', '0', '', undefined].map((CI) => isCi({ CI }))).toEqual([false, false, false, false]);
  });

  it('WHEN vitest runs the PostgreSQL suite on it THEN under CI=true the run fails naming 127.0.0.1:1; without CI it passes, skipped', () => {
    const run = (ci: string | undefined) => {
      const env: NodeJS.ProcessEnv = { ...process.env, RECOUPE_TEST_DATABASE_URL: NOWHERE };
      delete env.CI;
      delete env.VITEST;
      delete env.VITEST_WORKER_ID;
      delete env.VITEST_POOL_ID;
      if (ci !== undefined) env.CI = ci;
      return spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/store/postgres.test.ts'], { env, encoding: 'utf8', timeout: 120_000 });
    };
    const inCi = run('true');
    expect(inCi.status).toBe(1);
    expect(inCi.stdout + inCi.stderr).toContain('PostgreSQL at 127.0.0.1:1 cannot be reached');
    expect(inCi.stdout + inCi.stderr).not.toContain('SECRETPW');
    const onLaptop = run(undefined);
    expect(onLaptop.status).toBe(0);
    expect(onLaptop.stdout).toContain('recoupe: PostgreSQL suites skipped');
  }, 240_000);
});
