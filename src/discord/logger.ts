/**
 * Structured logs (pino, JSON lines on stdout). What never appears in them: the bot token,
 * interaction tokens (they sit in the URLs of callbacks, edits and follow-ups, which discord.js
 * puts in its errors), and full user queries below `debug` (their length is logged instead).
 *
 * Redaction does not rely on call sites being careful: every line written (message, arguments,
 * fields at any depth, child bindings, errors) goes through {@link redactTokens} on its way out;
 * before that, fields named like a secret are censored whatever they hold, and errors are reduced
 * to {@link describeError} (never the request body discord.js keeps in its errors).
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** A bot token: three base64url parts separated by dots. */
const BOT_TOKEN = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{20,}/gu;
/** Interaction and webhook tokens in REST paths: `/interactions/<id>/<token>/callback`, `/webhooks/<app>/<token>/...`. */
const PATH_TOKEN = /\/(interactions|webhooks)\/(\d+)\/[^/?\s"']+/gu;

/** `Authorization: Bot <token>` with a token of any length (three dot-separated parts). */
const BOT_HEADER = /\bBot\s+[\w-]+\.[\w-]+\.[\w-]+/gu;
/** Field names whose value is a secret whatever it looks like. */
const SECRET_KEY = /^(?:token|authorization|discord_token|password|secret)$/iu;
/** Secrets known at run time (the configured bot token), removed literally whatever their shape. */
const secrets = new Set<string>();

/**
 * Adds a value that must never be logged, such as the configured bot token: from then on it is
 * censored wherever it appears, even if it does not look like a Discord token. Short values are
 * ignored, since censoring them would garble ordinary text.
 */
export function addSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 16) secrets.add(value);
}

/** Removes every kind of token from a text (URLs, stacks, messages, `Bot …` headers, known secrets). */
export function redactTokens(text: string): string {
  let out = text.replace(PATH_TOKEN, '/$1/$2/[token]').replace(BOT_HEADER, 'Bot [token]').replace(BOT_TOKEN, '[token]');
  for (const secret of secrets) out = out.replaceAll(secret, '[token]');
  return out;
}

/**
 * A log value with every token removed: strings redacted, errors described, fields named like a
 * secret censored, at any depth (bounded, cycles cut).
 */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return describeError(value);
  if (depth >= 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return scrub(json.call(value), depth + 1, seen);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && v !== undefined && v !== null ? '[token]' : scrub(v, depth + 1, seen);
  return out;
}

/**
 * What is worth logging of an error, with tokens removed: name, message, Discord's JSON error
 * code and HTTP status when it is a `DiscordAPIError`, method and path, and the stack.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactTokens(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown; cause?: unknown };
  return {
    name: e.name,
    message: redactTokens(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: redactTokens(e.url) } : {}),
    ...(e.stack ? { stack: redactTokens(e.stack) } : {}),
    ...(e.cause !== undefined ? { cause: scrub(e.cause) } : {}),
  };
}

/** The bot's logger at a level from the configuration, on stdout or on `destination` (tests). */
export function createLogger(level: string, destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level,
      base: { app: 'recoupe' },
      // Belt and braces: should an object holding a token ever be logged whole, the token is censored.
      redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[token]' },
      // `formatters.log` has already described errors (see `scrub`); an error logged otherwise is described here.
      serializers: { err: (e: unknown) => (e instanceof Error ? describeError(e) : e) },
      formatters: { log: (fields: Record<string, unknown>) => scrub(fields) as Record<string, unknown> },
    },
    // The last word: the whole JSON line, child bindings and interpolated arguments included
    // (pino applies no formatter to a child's bindings). Tokens hold no character JSON escapes.
    { write: (line: string) => destination.write(redactTokens(line)) },
  );
}

/** A logger that writes nothing (tests, and callers that pass none). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
