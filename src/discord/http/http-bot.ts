/**
 * The bot without a gateway: `npm run start:http`. Discord POSTs every interaction to the
 * endpoint (`endpoint.ts`), which checks its signature; the interaction is then built by
 * discord.js from Discord's own payload, exactly as the gateway's INTERACTION_CREATE is, and goes
 * through the same router, handlers and reply path as `startBot`'s. Its first response becomes
 * the HTTP response (`first-responses.ts`); everything after it (the edit of a deferred answer,
 * follow-ups) goes through Discord's REST API as usual.
 *
 * Nothing is kept between requests that another process would need: any number of these
 * processes behind any load balancer serve one application (with `DATABASE_URL` for the living
 * corpus, which every process then follows). What each keeps for itself is a nicety: the
 * per-user cooldown counts the requests it served, and Edit details' prefilled form knows the
 * previews it showed.
 */
import { Client, Events, Options, Routes, type Interaction } from 'discord.js';
import type { Config } from '../../config.js';
import { BAD_TOKEN_MESSAGE, BotFatalError, isTokenRejection, routerOf, type BotOptions } from '../bot.js';
import { OURS } from '../limits.js';
import { addSecret, silentLogger } from '../logger.js';
import { startHealth } from '../observe.js';
import { syncCommands } from '../registration.js';
import { startEndpoint, type RawInteraction } from './endpoint.js';
import { FirstResponses } from './first-responses.js';
import { ReplayGuard } from './replay-guard.js';
import { signatureCheck } from './signature.js';

/** Options of {@link startHttpBot}: those of the gateway bot, with the endpoint's settings. */
export interface HttpBotOptions extends Omit<BotOptions, 'config' | 'onFatal'> {
  /**
   * Needs `DISCORD_TOKEN` (for REST) and `DISCORD_PUBLIC_KEY`; `HTTP_PORT` (default 8080; 0: any
   * free port) and `HTTP_HOST` (default every interface); `HEALTH_PORT` as the gateway bot's, its
   * `/healthz` healthy while the endpoint listens and the index holds paragraphs.
   */
  readonly config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL' | 'DISCORD_GUILD_ID' | 'DISCORD_PUBLIC_KEY'> &
    Partial<Pick<Config, 'COOLDOWN_LIMIT' | 'COOLDOWN_WINDOW_SECONDS' | 'HTTP_PORT' | 'HTTP_HOST' | 'HEALTH_PORT'>>;
}

/** A serving HTTP-mode bot. */
export interface HttpBot {
  /** The discord.js client the interactions belong to; it never connects to the gateway. */
  readonly client: Client;
  /** The port the endpoint listens on. */
  readonly port: number;
  /** Port of the health endpoint on 127.0.0.1, when `HEALTH_PORT` is set. */
  readonly healthPort: number | undefined;
  /** Interactions being handled now. */
  inFlight(): number;
  /** Stops taking requests, lets the interactions in flight finish (within the grace period). Idempotent. */
  stop(): Promise<void>;
}

/** What discord.js builds an interaction with from Discord's payload (the gateway's INTERACTION_CREATE runs the same). */
interface InteractionCreateAction {
  handle(data: unknown): void;
}

/**
 * The client's action that turns a raw interaction into discord.js's interaction object. Not in
 * discord.js's typings: it is how its own gateway handler does it, checked here once so that an
 * upgrade that moves it fails at start-up, not on the first interaction.
 */
function interactionCreateAction(client: Client): InteractionCreateAction {
  const action = (client as unknown as { actions?: { InteractionCreate?: Partial<InteractionCreateAction> } }).actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') throw new Error('recoupe: this discord.js version has no InteractionCreate action; the HTTP mode cannot build interactions');
  return action as InteractionCreateAction;
}

/** Checks the token and the public key against Discord, registers the commands if they changed, and serves the endpoint. */
export async function startHttpBot(options: HttpBotOptions): Promise<HttpBot> {
  const log = options.logger ?? silentLogger();
  const { DISCORD_TOKEN: token, DISCORD_PUBLIC_KEY: publicKey } = options.config;
  if (!token) throw new BotFatalError('DISCORD_TOKEN is not set: the HTTP mode answers through Discord\'s REST API with it.');
  if (!publicKey) throw new BotFatalError('DISCORD_PUBLIC_KEY is not set: copy the Public Key from the developer portal (your application → General Information).');
  addSecret(token);
  const api = options.config.DISCORD_API_URL ?? 'https://discord.com/api';
  const responses = new FirstResponses(api);
  const client = new Client({
    intents: [],
    allowedMentions: { parse: [] },
    rest: { api, makeRequest: responses.makeRequest },
    // Each interaction adds its user to the cache, and nothing here ever reads it back: bounded, so a long-running process does not grow.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, UserManager: 1_000, MessageManager: 0 }),
  });
  client.rest.setToken(token);
  const create = interactionCreateAction(client);
  const ready = () => options.engines.shared.kb.index.docs.length > 0;

  const application = await client.rest.get(Routes.currentApplication()).catch((error: unknown) => {
    throw isTokenRejection(error) ? new BotFatalError(BAD_TOKEN_MESSAGE) : error;
  }) as { id: string; verify_key?: string };
  if (application.verify_key !== undefined && application.verify_key.toLowerCase() !== publicKey.toLowerCase()) {
    throw new BotFatalError('DISCORD_PUBLIC_KEY is not the public key of the application DISCORD_TOKEN belongs to: copy it again from the developer portal (General Information → Public Key).');
  }
  if (options.registerCommands ?? true) {
    const target = { applicationId: application.id, ...(options.config.DISCORD_GUILD_ID ? { guildId: options.config.DISCORD_GUILD_ID } : {}) };
    await syncCommands(client.rest, target, log, false, { moderation: options.moderation !== undefined });
  }

  const route = routerOf(options, log);
  const inFlight = new Set<Promise<void>>();
  /** The handling of the interaction discord.js just built; the action emits synchronously, so it is read right after. */
  let started: Promise<void> | undefined;
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const job = route(interaction).finally(() => inFlight.delete(job));
    inFlight.add(job);
    started = job;
  });
  const dispatch = (raw: RawInteraction): Promise<void> | undefined => {
    started = undefined;
    create.handle(raw);
    return started;
  };

  const endpoint = await startEndpoint({
    host: options.config.HTTP_HOST ?? '0.0.0.0',
    port: options.config.HTTP_PORT ?? 8_080,
    checkSignature: signatureCheck(publicKey),
    replays: new ReplayGuard(),
    responses,
    dispatch,
    ready,
    log,
  }).catch((error: unknown) => {
    void client.destroy();
    throw new BotFatalError(`cannot listen on ${options.config.HTTP_HOST ?? '0.0.0.0'}:${options.config.HTTP_PORT ?? 8_080} for HTTP_PORT (${(error as { code?: string }).code ?? String(error)}).`);
  });
  log.info({ port: endpoint.port, applicationId: application.id }, 'interactions endpoint listening');
  let listening = true;
  const healthPort = options.config.HEALTH_PORT;
  const health = await startHealth(healthPort, options.health, () => ({ gateway: listening, index: ready() }), log).catch(async (error: unknown) => {
    await endpoint.close();
    await client.destroy();
    throw new BotFatalError(`cannot listen on 127.0.0.1:${healthPort} for HEALTH_PORT (${(error as { code?: string }).code ?? String(error)}).`);
  });

  let stopped: Promise<void> | undefined;
  return {
    client,
    port: endpoint.port,
    healthPort: health?.port,
    inFlight: () => inFlight.size,
    stop: () => (stopped ??= stop()),
  };

  async function stop(): Promise<void> {
    log.info({ inFlight: inFlight.size }, 'stopping: finishing interactions in flight');
    listening = false;
    const closed = endpoint.close();
    const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), OURS.SHUTDOWN_GRACE_MS).unref());
    while (inFlight.size > 0) {
      if ((await Promise.race([Promise.allSettled([...inFlight]), grace])) === 'timeout') {
        log.warn({ inFlight: inFlight.size }, 'interactions still in flight after the grace period; stopping anyway');
        break;
      }
    }
    await Promise.race([closed, grace]);
    await client.destroy();
    await health?.close();
    log.info('stopped');
  }
}
