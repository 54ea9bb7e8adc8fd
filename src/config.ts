/**
 * Configuration from the environment, validated once at start-up into a frozen, typed object.
 * An empty variable counts as unset (so `.env.example` copied as-is is valid); an error lists
 * every bad key and never echoes a value, since values may be secrets.
 */
import { z } from 'zod';

/** Treats `''` as absent, so optional variables may be left empty in `.env`. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

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

const schema = z.object({
  DISCORD_TOKEN: optional(z.string().min(50, 'does not look like a bot token')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be a guild id (17 to 20 digits)')),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  /** Shards for `npm run start:sharded`: a number, or `auto` for Discord's recommendation. */
  DISCORD_SHARDS: z.preprocess((v) => (v === '' ? undefined : v), z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1_000)], { error: 'must be auto or a whole number from 1' }).default('auto')),
  LOG_LEVEL: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('data')),
  RECOUPE_LOCALE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['en', 'fr']).default('en')),
  /** Commands, button presses and context-menu uses allowed per user per window; 0 turns the cooldown off. */
  COOLDOWN_LIMIT: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(0, 1_000).default(5)),
  /** Length of the cooldown's sliding window, in seconds. */
  COOLDOWN_WINDOW_SECONDS: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(1, 3_600).default(10)),
  /** Port of the health and metrics endpoint on 127.0.0.1; unset: no endpoint; 0: any free port (logged). */
  HEALTH_PORT: optional(wholeNumber(0, 65_535)),
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

/** Validates an environment (default `process.env`) into a frozen {@link Config}. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ key: String(i.path[0] ?? '?'), message: i.message })));
  }
  return Object.freeze(result.data);
}
