/**
 * Structured logs (pino, JSON lines on stdout). What never appears in them: the bot token,
 * interaction tokens (they sit in the URLs of callbacks, edits and follow-ups, which discord.js
 * puts in its errors), and full user queries below `debug` (their length is logged instead).
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** A bot token: three base64url parts separated by dots. */
const BOT_TOKEN = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{20,}/gu;
/** Interaction and webhook tokens in REST paths: `/interactions/<id>/<token>/callback`, `/webhooks/<app>/<token>/...`. */
const PATH_TOKEN = /\/(interactions|webhooks)\/(\d+)\/[^/?\s"']+/gu;

/** Removes every kind of token from a text (URLs, stacks, messages). */
export function redactTokens(text: string): string {
  return text.replace(PATH_TOKEN, '/$1/$2/[token]').replace(BOT_TOKEN, '[token]');
}

/**
 * What is worth logging of an error, with tokens removed: name, message, Discord's JSON error
 * code and HTTP status when it is a `DiscordAPIError`, method and path, and the stack.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactTokens(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    name: e.name,
    message: redactTokens(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: redactTokens(e.url) } : {}),
    ...(e.stack ? { stack: redactTokens(e.stack) } : {}),
  };
}

/** The bot's logger at a level from the configuration. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'recoupe' },
    // Belt and braces: should an object holding a token ever be logged whole, the token is censored.
    redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[token]' },
    serializers: { err: describeError },
  });
}

/** A logger that writes nothing (tests, and callers that pass none). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
