/**
 * Configuration, the one path every entry point takes (`npm start`, `start:sharded`, `deploy`,
 * `recoupe` / `npm run ask`): `.env` read into the environment, then validated once into a frozen,
 * typed object. An empty variable counts as unset (so `.env.example` copied as-is is valid); an
 * error lists every bad key and never echoes a value, since values may be secrets.
 */
import { config as readDotenv } from 'dotenv';
import { z } from 'zod';

/**
 * What an unset variable means. The cooldown's defaults are also the policy's own
 * (`discord/cooldown.ts` reads them from here), so that the bot started without configuration
 * and the policy used without one agree.
 */
export const DEFAULTS = {
  /** pino's level: `info` logs one line per interaction, not the queries themselves. */
  LOG_LEVEL: 'info',
  /** The folder holding `sources.yaml`, `aliases.yaml` and `articles/`, relative to the working directory. */
  DATA_DIR: 'data',
  /** Language of the terminal's own words. */
  RECOUPE_LOCALE: 'en',
  /** Discord's recommendation (`GET /gateway/bot`) for `npm run start:sharded`. */
  DISCORD_SHARDS: 'auto',
  /** Commands per user per window: a handful, enough for a conversation, not for a flood. */
  COOLDOWN_LIMIT: 5,
  COOLDOWN_WINDOW_SECONDS: 10,
  /** The embedded database's folder (PGlite), relative to the working directory; unused with `DATABASE_URL`. */
  RECOUPE_DB_DIR: '.data/pglite',
  /** Port of `npm run start:http`'s interactions endpoint. */
  HTTP_PORT: 8080,
  /** Address it listens on: every interface, since Discord (or the load balancer in front) must reach it. */
  HTTP_HOST: '0.0.0.0',
} as const;

/** Treats `''` as absent, so variables may be left empty in `.env`. */
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

/** An optional variable: absent or empty means unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

/**
 * A whole number from `min` to `max` written in decimal digits. The messages are ours: zod's own
 * could quote what it received, and a misplaced secret must never reach the logs.
 */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: message })
    .regex(/^\d{1,9}$/u, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
};

/**
 * A PostgreSQL connection URL. Checked by hand rather than with `z.url`, so that a socket URL
 * without a host (`postgresql:///recoupe?host=/run/postgresql`) passes and the message is ours:
 * the URL may hold a password.
 */
const postgresUrl = z.string().refine((v) => /^postgres(?:ql)?:\/\//u.test(v) && URL.canParse(v), 'must be a postgres:// or postgresql:// URL');

const schema = z.object({
  DISCORD_TOKEN: optional(z.string().min(50, 'does not look like a bot token')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be a guild id (17 to 20 digits)')),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  /** Shards for `npm run start:sharded`: a number, or `auto` for Discord's recommendation. */
  DISCORD_SHARDS: z.preprocess(unsetIfEmpty, z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1_000)], { error: 'must be auto or a whole number from 1' }).default(DEFAULTS.DISCORD_SHARDS)),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(DEFAULTS.LOG_LEVEL)),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default(DEFAULTS.DATA_DIR)),
  RECOUPE_LOCALE: z.preprocess(unsetIfEmpty, z.enum(['en', 'fr']).default(DEFAULTS.RECOUPE_LOCALE)),
  /** Commands, button presses and context-menu uses allowed per user per window; 0 turns the cooldown off. */
  COOLDOWN_LIMIT: z.preprocess(unsetIfEmpty, wholeNumber(0, 1_000).default(DEFAULTS.COOLDOWN_LIMIT)),
  /** Length of the cooldown's sliding window, in seconds. */
  COOLDOWN_WINDOW_SECONDS: z.preprocess(unsetIfEmpty, wholeNumber(1, 3_600).default(DEFAULTS.COOLDOWN_WINDOW_SECONDS)),
  /** The living corpus's PostgreSQL server; unset: the embedded database in RECOUPE_DB_DIR. */
  DATABASE_URL: optional(postgresUrl),
  RECOUPE_DB_DIR: z.preprocess(unsetIfEmpty, z.string().default(DEFAULTS.RECOUPE_DB_DIR)),
  /**
   * The application's public key (developer portal → General Information → Public Key, 64 hex
   * digits): `npm run start:http` checks every request's Ed25519 signature with it.
   */
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/u, 'must be the 64 hex digits of the public key')),
  /** Port of the interactions endpoint of `npm run start:http`; 0: any free port (logged). */
  HTTP_PORT: z.preprocess(unsetIfEmpty, wholeNumber(0, 65_535).default(DEFAULTS.HTTP_PORT)),
  /** Address the interactions endpoint listens on. */
  HTTP_HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default(DEFAULTS.HTTP_HOST)),
  /** Port of the health and metrics endpoint on 127.0.0.1; unset: no endpoint; 0: any free port (logged). */
  HEALTH_PORT: optional(wholeNumber(0, 65_535)),
  /**
   * Set by discord.js's ShardingManager in each shard's process, never by hand: the shard ids
   * that process runs, written as one id (`1`, what the manager sets) or a JSON list (`[0,1]`).
   */
  SHARDS: optional(
    z
      .string()
      .regex(/^(?:0|[1-9]\d{0,3}|\[(?:0|[1-9]\d{0,3})(?:,(?:0|[1-9]\d{0,3}))*\])$/u, 'must be a shard id or a JSON list of shard ids')
      .transform((v) => [JSON.parse(v) as number | number[]].flat()),
  ),
});

/** The validated configuration. */
export type Config = Readonly<z.infer<typeof schema>>;

/** A configuration problem: which keys are wrong and why, never their values. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly { key: string; message: string }[]) {
    super(`recoupe: invalid configuration:\n${issues.map((i) => `  ${i.key}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates an environment into a frozen {@link Config}. Without an argument, the process's
 * environment after reading `.env` from the working directory (variables already set win over
 * the file), which is what every entry point calls.
 */
export function loadConfig(env?: Readonly<Record<string, string | undefined>>): Config {
  if (env === undefined) readDotenv({ quiet: true });
  const result = schema.safeParse(env ?? process.env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ key: String(i.path[0] ?? '?'), message: i.message })));
  }
  return Object.freeze(result.data);
}

/**
 * The health port of this process: under the ShardingManager every shard is a process of its
 * own, and shard N serves on `HEALTH_PORT + N` so that the shards do not fight over one port.
 * `0` (any free port) and an unset port stay as they are.
 */
export function healthPortOfThisShard(config: Pick<Config, 'HEALTH_PORT' | 'SHARDS'>): number | undefined {
  const port = config.HEALTH_PORT;
  const first = config.SHARDS?.[0];
  if (port === undefined || port === 0 || first === undefined) return port;
  return port + first;
}
