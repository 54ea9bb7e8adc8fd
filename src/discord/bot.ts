/**
 * The bot's life: log in with the Guilds intent only, register the commands if they changed,
 * serve interactions, and stop cleanly (finish the replies in flight, then close the gateway).
 * A rejected token is fatal with a clear message, at start-up or later.
 */
import { Client, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { Config } from '../config.js';
import type { EngineSource } from '../live/engine-source.js';
import type { ModerationService } from '../moderation/types.js';
import type { FeedbackStore } from './votes.js';
import { cooldownsFrom, DEFAULT_COOLDOWN } from './cooldown.js';
import { GATEWAY_CLOSE, OURS } from './limits.js';
import { addSecret, redactTokens, silentLogger, type Logger } from './logger.js';
import { UNCOUNTED, gatewayHealth, startHealth, watchGateway, type BotMetrics, type StartHealth } from './observe.js';
import { syncCommands } from './registration.js';
import { createRouter, type InteractionHandler } from './router.js';

/** A fatal problem of the bot, with a message meant for the operator. */
export class BotFatalError extends Error {
  constructor(message: string) {
    super(`recoupe: ${message}`);
    this.name = 'BotFatalError';
  }
}

/** What the operator reads when Discord refuses the token. */
export const BAD_TOKEN_MESSAGE =
  'Discord rejected DISCORD_TOKEN (authentication failed). Copy the bot token again from the Discord developer portal (your application → Bot → Reset Token) into .env.';

const FATAL_CLOSE_MESSAGES: Readonly<Record<number, string>> = {
  [GATEWAY_CLOSE.AUTHENTICATION_FAILED]: BAD_TOKEN_MESSAGE,
  [GATEWAY_CLOSE.INVALID_INTENTS]: 'Discord refused the gateway intents (close 4013).',
  [GATEWAY_CLOSE.DISALLOWED_INTENTS]: 'Discord refused the gateway intents (close 4014): this bot only needs Guilds.',
};

/** Options of {@link startBot}. */
export interface BotOptions {
  /**
   * Needs `DISCORD_TOKEN`; `DISCORD_API_URL`, `DISCORD_GUILD_ID`, `HEALTH_PORT` and the cooldown's
   * settings are honoured (absent cooldown settings: the defaults of `cooldown.ts`).
   */
  readonly config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_GUILD_ID'> & Partial<Pick<Config, 'COOLDOWN_LIMIT' | 'COOLDOWN_WINDOW_SECONDS' | 'HEALTH_PORT'>>;
  /** The engine of each server (`singleEngine(engine)` from `src/live/engine-source.ts` for one everywhere). */
  readonly engines: EngineSource;
  /** What moderators do; with it `/article` and `/source` are registered and served, without they are not registered. */
  readonly moderation?: ModerationService;
  /** Where 👍 / 👎 and unanswered questions are stored (the living corpus's store); none: answers carry no vote buttons. */
  readonly feedback?: FeedbackStore;
  /** Where the fetch's test-only allow list `RECOUPE_FETCH_ALLOW` is read, for attachments (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  /** Register commands at start-up when they differ (default true). */
  readonly registerCommands?: boolean;
  /** Called when Discord ends the session for good after start-up (e.g. the token was reset). */
  readonly onFatal?: (error: BotFatalError) => void;
  /** See `answerWithin`; for tests. */
  readonly deferAfterMs?: number;
  /** Where interactions and reconnections are counted (default: nowhere). */
  readonly metrics?: BotMetrics;
  /** Starts the health endpoint when `HEALTH_PORT` is set (`src/entry/bot-health.ts` wires `src/health/`). */
  readonly health?: StartHealth;
}

/**
 * The router of a bot started with `options`, the cooldown read from its configuration: the
 * gateway bot's and the HTTP mode's (`http/http-bot.ts`) are made the same way.
 */
export function routerOf(options: Pick<BotOptions, 'engines' | 'moderation' | 'feedback' | 'env' | 'metrics' | 'deferAfterMs'> & { readonly config: Partial<Pick<Config, 'COOLDOWN_LIMIT' | 'COOLDOWN_WINDOW_SECONDS'>> }, log: Logger): InteractionHandler {
  const cooldowns = cooldownsFrom(options.config.COOLDOWN_LIMIT ?? DEFAULT_COOLDOWN.limit, options.config.COOLDOWN_WINDOW_SECONDS ?? DEFAULT_COOLDOWN.windowMs / 1_000);
  return createRouter({
    engines: options.engines,
    ...(options.moderation ? { moderation: options.moderation } : {}),
    ...(options.feedback ? { feedback: options.feedback } : {}),
    ...(options.env ? { env: options.env } : {}),
    logger: log,
    metrics: options.metrics ?? UNCOUNTED,
    ...(cooldowns ? { cooldowns } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
}

/** A running bot. */
export interface Bot {
  readonly client: Client<true>;
  /** Port of the health endpoint on 127.0.0.1, when `HEALTH_PORT` is set. */
  readonly healthPort: number | undefined;
  /** Replies being worked on now. */
  inFlight(): number;
  /** Stops taking interactions, lets the in-flight replies finish (within a grace period), closes the gateway. Idempotent. */
  stop(): Promise<void>;
}

/** Logs in, registers the commands if needed, and serves. Rejects with {@link BotFatalError} on a bad token. */
export async function startBot(options: BotOptions): Promise<Bot> {
  const log = options.logger ?? silentLogger();
  const token = options.config.DISCORD_TOKEN;
  if (!token) throw new BotFatalError('DISCORD_TOKEN is not set.');
  // Censored in every log line from now on, whatever its shape.
  addSecret(token);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Default for anything sent; every payload also sets it (render/payload.ts).
    allowedMentions: { parse: [] },
    ...(options.config.DISCORD_API_URL ? { rest: { api: options.config.DISCORD_API_URL } } : {}),
  });
  const metrics = options.metrics ?? UNCOUNTED;
  const route = routerOf({ ...options, metrics }, log);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  let fail: (error: BotFatalError) => void = () => {};
  const fatal = new Promise<never>((_, reject) => {
    fail = reject;
  });
  fatal.catch(() => {}); // observed below; this keeps an unobserved rejection from crashing the process
  let started = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) log.warn({ requestId: interaction.id }, 'interaction during shutdown, answering it anyway');
    const job = route(interaction).finally(() => inFlight.delete(job));
    inFlight.add(job);
  });
  client.on(Events.ShardDisconnect, (event) => {
    const message = FATAL_CLOSE_MESSAGES[event.code];
    if (!message) return;
    const error = new BotFatalError(`${message} (gateway close ${event.code})`);
    log.error({ closeCode: event.code }, 'gateway closed for good');
    if (started) options.onFatal?.(error);
    else fail(error);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord.js error'));
  client.on(Events.Warn, (message) => log.warn({ message: redactTokens(message) }, 'discord.js warning'));
  watchGateway(client, metrics, log);
  client.on(Events.Debug, (message) => log.trace({ message: redactTokens(message) }, 'discord.js debug'));
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  // Before logging in, so that /healthz says 503 (not "connection refused") while the bot starts.
  const healthPort = options.config.HEALTH_PORT;
  const health = await startHealth(healthPort, options.health, gatewayHealth(client, options.engines.shared), log).catch((error: unknown) => {
    throw new BotFatalError(`cannot listen on 127.0.0.1:${healthPort} for HEALTH_PORT (${(error as { code?: string }).code ?? String(error)}).`);
  });
  try {
    await Promise.race([client.login(token), fatal]);
    const c = await Promise.race([ready, fatal]);
    started = true;
    log.info({ user: c.user.tag, applicationId: c.application.id, guildId: options.config.DISCORD_GUILD_ID }, 'logged in');
    // Under the ShardingManager every shard runs this: registration is the first shard's job.
    const firstShard = !client.shard || client.shard.ids.includes(0);
    const target = { applicationId: c.application.id, ...(options.config.DISCORD_GUILD_ID ? { guildId: options.config.DISCORD_GUILD_ID } : {}) };
    if ((options.registerCommands ?? true) && firstShard) await syncCommands(client.rest, target, log, false, { moderation: options.moderation !== undefined });
  } catch (error) {
    await client.destroy();
    await health?.close();
    if (error instanceof BotFatalError) throw error;
    if (isTokenRejection(error)) throw new BotFatalError(BAD_TOKEN_MESSAGE);
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    client: client as Client<true>,
    healthPort: health?.port,
    inFlight: () => inFlight.size,
    // A second call (a second SIGTERM, Ctrl-C twice) waits for the first instead of closing twice.
    stop: () => (stopped ??= stop()),
  };

  async function stop(): Promise<void> {
    stopping = true;
    log.info({ inFlight: inFlight.size }, 'stopping: finishing replies in flight');
    const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), OURS.SHUTDOWN_GRACE_MS).unref());
    while (inFlight.size > 0) {
      if ((await Promise.race([Promise.allSettled([...inFlight]), grace])) === 'timeout') {
        log.warn({ inFlight: inFlight.size }, 'replies still in flight after the grace period; closing anyway');
        break;
      }
    }
    await client.destroy();
    await health?.close();
    log.info('stopped');
  }
}

/** discord.js's "invalid token" (a 401 on `GET /gateway/bot`), or a 401 from the REST API itself. */
export function isTokenRejection(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return error.status === 401;
  return error instanceof Error && (error as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid;
}
