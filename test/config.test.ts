/**
 * Configuration from the environment: defaults, empty strings as unset, every bad key reported at
 * once, and never a value in the error (a misplaced token must not reach a log or a terminal).
 * Also what the repository ships: `.env` ignored by git, `.env.example` valid and without secrets.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, healthPortOfThisShard, loadConfig } from '../src/config.js';
import { DEFAULT_COOLDOWN } from '../src/discord/cooldown.js';
import { DEFAULT_DB_DIR } from '../src/store/open-store.js';

/** The error `loadConfig` throws for `env`. */
function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('GIVEN an environment', () => {
  it('WHEN nothing is set THEN the defaults: no token (terminal console), cooldown 5 per 10 s, no health endpoint', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ LOG_LEVEL: 'info', DATA_DIR: 'data', RECOUPE_LOCALE: 'en', COOLDOWN_LIMIT: 5, COOLDOWN_WINDOW_SECONDS: 10 });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.HEALTH_PORT).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('WHEN nothing is set THEN every default is the documented constant, the cooldown’s the policy’s own', () => {
    expect(loadConfig({})).toMatchObject(DEFAULTS);
    expect({ limit: DEFAULTS.COOLDOWN_LIMIT, windowMs: DEFAULTS.COOLDOWN_WINDOW_SECONDS * 1_000 }).toEqual(DEFAULT_COOLDOWN);
  });

  it('WHEN every variable is an empty string THEN each counts as unset', () => {
    const keys = ['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'DATA_DIR', 'RECOUPE_LOCALE', 'COOLDOWN_LIMIT', 'COOLDOWN_WINDOW_SECONDS', 'HEALTH_PORT', 'DATABASE_URL', 'RECOUPE_DB_DIR', 'DISCORD_PUBLIC_KEY', 'HTTP_PORT', 'HTTP_HOST'];
    expect(loadConfig(Object.fromEntries(keys.map((k) => [k, ''])))).toEqual(loadConfig({}));
  });

  it('WHEN the cooldown and the health port are set THEN they are read as numbers; 0 turns the cooldown off', () => {
    expect(loadConfig({ COOLDOWN_LIMIT: '0', COOLDOWN_WINDOW_SECONDS: '60', HEALTH_PORT: '9464' })).toMatchObject({ COOLDOWN_LIMIT: 0, COOLDOWN_WINDOW_SECONDS: 60, HEALTH_PORT: 9464 });
  });

  it('WHEN the HTTP mode is configured THEN the public key (64 hex digits) and the port are read; unset, port 8080 on every interface', () => {
    const key = 'a1'.repeat(32);
    expect(loadConfig({ DISCORD_PUBLIC_KEY: key, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' })).toMatchObject({ DISCORD_PUBLIC_KEY: key, HTTP_PORT: 0, HTTP_HOST: '127.0.0.1' });
    expect(loadConfig({})).toMatchObject({ HTTP_PORT: 8080, HTTP_HOST: '0.0.0.0' });
    expect(loadConfig({}).DISCORD_PUBLIC_KEY).toBeUndefined();
    expect(failure({ DISCORD_PUBLIC_KEY: 'a1'.repeat(31) }).message).toContain('DISCORD_PUBLIC_KEY: must be the 64 hex digits of the public key');
  });

  it('WHEN several keys are wrong THEN one error lists every one of them, and none of their values', () => {
    const env = {
      DISCORD_TOKEN: 'short-SECRET-value',
      DISCORD_GUILD_ID: 'guild-SECRET',
      DISCORD_API_URL: 'ftp://SECRET.example',
      LOG_LEVEL: 'SECRET-loud',
      RECOUPE_LOCALE: 'SECRET-de',
      COOLDOWN_LIMIT: 'SECRET-5',
      COOLDOWN_WINDOW_SECONDS: '0',
      HEALTH_PORT: '70000',
    };
    const error = failure(env);
    expect(error.issues.map((i) => i.key).sort()).toEqual(Object.keys(env).sort());
    expect(error.message).not.toMatch(/SECRET|70000/u);
    expect(error.message).toContain('COOLDOWN_WINDOW_SECONDS: must be a whole number from 1 to 3600');
    expect(error.message).toContain('HEALTH_PORT: must be a whole number from 0 to 65535');
    expect(error.message).toMatch(/^recoupe: invalid configuration:\n/u);
  });

  it('WHEN any key holds any wrong value (fast-check) THEN the error never quotes it', () => {
    const keys = ['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'RECOUPE_LOCALE', 'COOLDOWN_LIMIT', 'COOLDOWN_WINDOW_SECONDS', 'HEALTH_PORT', 'DISCORD_SHARDS', 'SHARDS', 'DATABASE_URL', 'DISCORD_PUBLIC_KEY', 'HTTP_PORT'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 80 }), (key, tail) => {
        // A recognisable value that no rule accepts for any of these keys.
        const value = `zz${tail}\u00a7`;
        let message = '';
        try {
          loadConfig({ [key]: value });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain(key);
        expect(message).not.toContain(value);
        expect(message).not.toContain(`zz${tail}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GIVEN the living corpus’s database', () => {
  it('WHEN nothing is set THEN the embedded database in .data/pglite, the folder the store opens by default', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.RECOUPE_DB_DIR).toBe('.data/pglite');
    expect(DEFAULTS.RECOUPE_DB_DIR).toBe(DEFAULT_DB_DIR);
  });

  it('WHEN DATABASE_URL is a postgres:// or postgresql:// URL THEN it is kept as written, a socket URL without host included', () => {
    for (const url of ['postgres://recoupe:s3cret@db.example:5432/recoupe', 'postgresql://127.0.0.1/test?sslmode=require', 'postgresql:///recoupe?host=/run/postgresql']) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it('WHEN DATABASE_URL is another kind of URL THEN the error names the key and never the value, password included', () => {
    for (const url of ['mysql://root:SECRETPW@db.example/recoupe', 'https://SECRETPW@db.example', 'postgres//SECRETPW@db', 'SECRETPW']) {
      const error = failure({ DATABASE_URL: url });
      expect(error.issues).toEqual([{ key: 'DATABASE_URL', message: 'must be a postgres:// or postgresql:// URL' }]);
      expect(error.message).not.toContain('SECRETPW');
    }
  });

  it('WHEN RECOUPE_DB_DIR is set THEN that folder', () => {
    expect(loadConfig({ RECOUPE_DB_DIR: '/var/lib/recoupe' }).RECOUPE_DB_DIR).toBe('/var/lib/recoupe');
  });
});

describe('GIVEN a shard process of the ShardingManager', () => {
  it('WHEN SHARDS holds one id, as discord.js sets it, or a JSON list THEN the ids are read', () => {
    expect(loadConfig({ SHARDS: '1' }).SHARDS).toEqual([1]);
    expect(loadConfig({ SHARDS: '[0,3]' }).SHARDS).toEqual([0, 3]);
    expect(loadConfig({ SHARDS: '' }).SHARDS).toBeUndefined();
    expect(failure({ SHARDS: '01' }).issues).toEqual([{ key: 'SHARDS', message: 'must be a shard id or a JSON list of shard ids' }]);
  });

  it('WHEN HEALTH_PORT is set THEN shard N serves on HEALTH_PORT + N; 0 and unset stay as they are', () => {
    expect(healthPortOfThisShard(loadConfig({ HEALTH_PORT: '9464', SHARDS: '1' }))).toBe(9465);
    expect(healthPortOfThisShard(loadConfig({ HEALTH_PORT: '9464', SHARDS: '0' }))).toBe(9464);
    expect(healthPortOfThisShard(loadConfig({ HEALTH_PORT: '9464' }))).toBe(9464);
    expect(healthPortOfThisShard(loadConfig({ HEALTH_PORT: '0', SHARDS: '2' }))).toBe(0);
    expect(healthPortOfThisShard(loadConfig({ SHARDS: '2' }))).toBeUndefined();
  });
});

describe('GIVEN the repository', () => {
  it('THEN .env is ignored by git', () => {
    const ignored = readFileSync('.gitignore', 'utf8').split('\n').map((l) => l.trim());
    expect(ignored).toContain('.env');
  });

  it('THEN the embedded database’s folder (.data/) is ignored by git', () => {
    const ignored = readFileSync('.gitignore', 'utf8').split('\n').map((l) => l.trim());
    expect(ignored).toContain('.data/');
  });

  it('THEN .env.example documents every variable, holds no value for the token, and is a valid configuration as it is', () => {
    const example = parse(readFileSync('.env.example', 'utf8'));
    for (const key of ['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'DATA_DIR', 'COOLDOWN_LIMIT', 'COOLDOWN_WINDOW_SECONDS', 'HEALTH_PORT', 'DATABASE_URL', 'RECOUPE_DB_DIR']) expect(Object.keys(example)).toContain(key);
    expect(example.DISCORD_TOKEN).toBe('');
    expect(() => loadConfig(example)).not.toThrow();
  });
});
