/**
 * A local test double of Discord (REST API v10 + gateway) for end-to-end tests: the real,
 * unmodified discord.js client logs in to it on 127.0.0.1 and serves interactions.
 *
 * ```ts
 * const double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.restUrl } });
 * await client.login(double.token);
 * const handle = await double.sendInteraction(double.fixtures.chatInput({ name: 'question', options: { texte: 'Qui ?' } }));
 * const transcript = await handle.waitForMessage();
 * expect(transcript.original?.text).toContain('…');
 * expect(double.violations).toEqual([]);
 * await client.destroy();
 * await double.stop();
 * ```
 *
 * Everything listens on 127.0.0.1 with a random port; nothing reaches the internet.
 * See README.md in this folder for the protocol details and the quirks of discord.js.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIApplicationCommand, APIAttachment, APIInteraction, APIUser, GatewayGuildCreateDispatchData } from 'discord-api-types/v10';
import { Cdn, type CdnRequest, type UploadOptions } from './cdn.js';
import { CommandStore } from './commands.js';
import { GATEWAY, INTERACTION_TIMING } from './constants.js';
import { DEFAULT_APPLICATION_ID, DEFAULT_TOKEN, bindFixtures, botUserFixture, guildCreateFixture, resolveGuild } from './fixtures.js';
import type { BoundFixtures, ResolvedGuild } from './fixtures.js';
import { Gateway } from './gateway.js';
import { InteractionStore } from './interactions.js';
import { modalSubmission, type SubmitModalOptions } from './modal-submit.js';
import { OpenApiValidator } from './openapi-validator.js';
import { ruleIssuesFor } from './discord-rules.js';
import { bodyIssues, createRestHandler, recordViolation } from './rest.js';
import { HttpInteractions, type EndpointExchange, type EndpointPostOptions } from './http-interactions.js';
import type { PendingRestFault, RestRecords } from './rest.js';
import type {
  ViolationIssue,
  CallbackFault,
  CloseGatewayOptions,
  DiscordDoubleOptions,
  GatewayConnectionInfo,
  InteractionHandle,
  InteractionTranscript,
  RecordedCallback,
  RecordedRegistration,
  RecordedRequest,
  RestFault,
  SendInteractionOptions,
  TranscriptPredicate,
  Violation,
} from './types.js';

export * from './types.js';
export * from './fixtures.js';
export { guildIdForShard, shardForGuild, snowflake, snowflakeTime } from './snowflake.js';
export { ERRORS, INTERACTION_TIMING, LIMITS } from './constants.js';
export { embedTextLength } from './discord-rules.js';
export { OpenApiValidator, discordErrorTree } from './openapi-validator.js';
export { messageText, notifiedMentions } from './interactions.js';
export { CDN_PREFIX, type CdnRequest, type UploadOptions } from './cdn.js';
export type { EndpointExchange, EndpointPostOptions, Signing } from './http-interactions.js';
export type { SubmitModalOptions } from './modal-submit.js';

/** Default wait of `waitForCallback`/`waitForMessage`/`sendInteraction`, in ms. */
export const DEFAULT_WAIT_MS = 5_000;

/** Operations whose body schemas run once at start-up, so the first callback does not pay zod's first parse. */
const WARM_OPERATIONS = [
  ['post', '/interactions/{interaction_id}/{interaction_token}/callback'],
  ['post', '/webhooks/{webhook_id}/{webhook_token}'],
  ['patch', '/webhooks/{webhook_id}/{webhook_token}/messages/@original'],
  ['patch', '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}'],
  ['put', '/applications/{application_id}/commands'],
  ['put', '/applications/{application_id}/guilds/{guild_id}/commands'],
] as const;

/** Default predicate of `waitForMessage`: an original response that is not "thinking…" any more. */
export const hasFinalOriginal: TranscriptPredicate = (t) => t.original !== null && !t.original.loading && !t.original.deleted;

/** A running double. Create it with {@link startDiscordDouble}; always `await double.stop()`. */
export class DiscordDouble {
  /** Base URL for discord.js `rest.api` (`http://127.0.0.1:PORT/api`; discord.js appends `/v10`). */
  readonly restUrl: string;
  /** Gateway URL returned by `GET /gateway/bot` (`ws://127.0.0.1:PORT`). */
  readonly gatewayUrl: string;
  /** The bot token the client must use. */
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** GUILD_CREATE payloads of the bot's guilds (first one: `DEFAULT_GUILD_ID` unless overridden). */
  readonly guilds: readonly GatewayGuildCreateDispatchData[];
  /** Interaction builders defaulting to this double's application, its first guild, and the channel and locale of the guild used. */
  readonly fixtures: BoundFixtures;

  readonly #server: Server;
  readonly #gateway: Gateway;
  readonly #interactions: InteractionStore;
  readonly #commands: CommandStore;
  readonly #records: RestRecords;
  readonly #gatewayViolations: Violation[];
  readonly #restFaults: PendingRestFault[];
  readonly #cdn: Cdn;
  readonly #http: HttpInteractions;
  readonly #acceptHttpAnswer: (payload: APIInteraction, exchange: EndpointExchange) => void;
  #stopped = false;

  /** @internal Use {@link startDiscordDouble}. */
  constructor(parts: {
    restUrl: string;
    gatewayUrl: string;
    token: string;
    applicationId: string;
    botUser: APIUser;
    guilds: readonly GatewayGuildCreateDispatchData[];
    resolvedGuilds: readonly ResolvedGuild[];
    server: Server;
    gateway: Gateway;
    interactions: InteractionStore;
    commands: CommandStore;
    records: RestRecords;
    gatewayViolations: Violation[];
    restFaults: PendingRestFault[];
    cdn: Cdn;
    http: HttpInteractions;
    acceptHttpAnswer: (payload: APIInteraction, exchange: EndpointExchange) => void;
  }) {
    this.restUrl = parts.restUrl;
    this.gatewayUrl = parts.gatewayUrl;
    this.token = parts.token;
    this.applicationId = parts.applicationId;
    this.botUser = parts.botUser;
    this.guilds = parts.guilds;
    this.fixtures = bindFixtures(
      { applicationId: parts.applicationId, ...(parts.resolvedGuilds[0] ? { guildId: parts.resolvedGuilds[0].id } : {}) },
      parts.resolvedGuilds,
    );
    this.#server = parts.server;
    this.#gateway = parts.gateway;
    this.#interactions = parts.interactions;
    this.#commands = parts.commands;
    this.#records = parts.records;
    this.#gatewayViolations = parts.gatewayViolations;
    this.#restFaults = parts.restFaults;
    this.#cdn = parts.cdn;
    this.#http = parts.http;
    this.#acceptHttpAnswer = parts.acceptHttpAnswer;
  }

  // ---- HTTP interactions --------------------------------------------------------------------

  /** The application's public key (64 hex digits), for the bot's `DISCORD_PUBLIC_KEY`; also `verify_key` of `GET /applications/@me`. */
  get publicKey(): string {
    return this.#http.publicKey;
  }

  /**
   * Sends every interaction from now on to the bot's Interactions Endpoint URL (`url`, e.g.
   * `http://127.0.0.1:PORT/interactions`), signed, instead of over the gateway; the endpoint's
   * answer is the interaction's first response, validated like a REST callback. `null`: back to the gateway.
   */
  useInteractionsEndpoint(url: string | null): void {
    this.#http.url = url;
  }

  /**
   * POSTs raw bytes to the endpoint as Discord would, signed (or forged, unsigned, or with
   * another timestamp: `options`), and resolves with its answer. The body is not registered
   * as an interaction: for what a bot must refuse, or a replay of one already sent.
   */
  postToInteractionsEndpoint(body: Uint8Array | string, options: EndpointPostOptions = {}): Promise<EndpointExchange> {
    this.#assertRunning();
    return this.#http.post(body, options);
  }

  /** Every answer of the bot's endpoint so far. */
  get endpointExchanges(): readonly EndpointExchange[] {
    return this.#http.exchanges;
  }

  // ---- what was observed ------------------------------------------------------------------

  /** Every REST request, in arrival order (`authorization` header removed, see `botAuthorized`). */
  get requests(): readonly RecordedRequest[] {
    return [...this.#records.requests];
  }

  /** Requests and gateway payloads Discord would have rejected. Assert `toEqual([])` at the end of a test. */
  get violations(): readonly Violation[] {
    return [...this.#records.violations, ...this.#gatewayViolations];
  }

  /** Requests to routes the double does not serve (answered `404 {code: 0}`). */
  get unhandledRequests(): readonly RecordedRequest[] {
    return [...this.#records.unhandled];
  }

  /** Every command registration call (PUT/POST/PATCH/DELETE on `…/commands`). */
  get registrations(): readonly RecordedRegistration[] {
    return [...this.#records.registrations];
  }

  /** Every accepted interaction callback (first responses), in arrival order. */
  get callbacks(): readonly RecordedCallback[] {
    return this.#interactions.callbacks;
  }

  /** Every download from the double's CDN (`uploadAttachment`'s files). */
  get cdnRequests(): readonly CdnRequest[] {
    return this.#cdn.requests;
  }

  /** Every gateway connection so far, open or closed. */
  get connections(): readonly GatewayConnectionInfo[] {
    return this.#gateway.connections;
  }

  /** IDENTIFY payloads received (accepted or not). */
  get identifyCount(): number {
    return this.#gateway.identifyCount;
  }

  /** Successful RESUMEs. */
  get resumeCount(): number {
    return this.#gateway.resumeCount;
  }

  /** Commands currently registered globally, or in `guildId`. */
  commands(guildId?: string): APIApplicationCommand[] {
    return this.#commands.list(guildId ?? null);
  }

  /** Forgets recorded requests, violations and registrations (state such as commands is kept). */
  clearRecords(): void {
    this.#records.requests.length = 0;
    this.#records.violations.length = 0;
    this.#records.registrations.length = 0;
    this.#records.unhandled.length = 0;
    this.#gatewayViolations.length = 0;
  }

  // ---- driving the bot ---------------------------------------------------------------------

  /**
   * Dispatches INTERACTION_CREATE on the shard owning `payload.guild_id` (`(id >> 22) % shards`;
   * shard 0 for DMs) or on `options.shard`, after waiting for that shard to be READY/RESUMED.
   * The 3 s callback deadline starts at the dispatch.
   */
  async sendInteraction(payload: APIInteraction, options: SendInteractionOptions = {}): Promise<InteractionHandle> {
    this.#assertRunning();
    if (this.#http.url !== null) return this.#postInteraction(payload);
    const guildId = 'guild_id' in payload && typeof payload.guild_id === 'string' ? payload.guild_id : null;
    const shard = await this.#gateway.waitForOwner(guildId, options.shard, options.timeoutMs ?? DEFAULT_WAIT_MS);
    this.#interactions.register(payload);
    if (!this.#gateway.dispatch(shard, 'INTERACTION_CREATE', payload)) {
      throw new Error(`DiscordDouble: shard ${shard} closed before the interaction could be dispatched`);
    }
    return {
      id: payload.id,
      token: payload.token,
      payload,
      shard,
      waitForCallback: (timeoutMs) => this.waitForCallback(payload.id, timeoutMs),
      waitForMessage: (predicate, timeoutMs) => this.waitForMessage(payload.id, predicate, timeoutMs),
      transcript: () => this.transcript(payload.id),
    };
  }

  /** Registers the interaction (its deadline starts now) and POSTs it to the endpoint; the answer is taken as its first response. */
  #postInteraction(payload: APIInteraction): InteractionHandle {
    this.#interactions.register(payload);
    const exchange = this.#http.deliver(payload, (answer) => this.#acceptHttpAnswer(payload, answer));
    exchange.catch(() => undefined); // a connection refused shows as no callback; the exchange promise still rejects for whoever awaits it
    return {
      id: payload.id,
      token: payload.token,
      payload,
      shard: -1,
      exchange,
      waitForCallback: (timeoutMs) => this.waitForCallback(payload.id, timeoutMs),
      waitForMessage: (predicate, timeoutMs) => this.waitForMessage(payload.id, predicate, timeoutMs),
      transcript: () => this.transcript(payload.id),
    };
  }

  /**
   * A file "attached" by a user: served by the double on 127.0.0.1 under a CDN-like path
   * (`/attachments/<channel>/<id>/<filename>`), and returned as the attachment object Discord puts
   * in `data.resolved.attachments` (pass it to `fixtures.chatInput({ attachments: { file: a } })`).
   * The bot fetches it over plain http from 127.0.0.1: its fetch allow list must open that host.
   */
  uploadAttachment(options: UploadOptions): APIAttachment {
    this.#assertRunning();
    return this.#cdn.upload(options);
  }

  /**
   * Submits the modal the bot showed in answer to `interactionId` (its callback of type 9), as
   * Discord's client would: a modal submit interaction (type 5) from the same user, server,
   * channel and language, with `values` by text input custom id (an input left out keeps its
   * prefilled value), and the button's message when a button opened the modal. Throws when there
   * is no modal, or when the client would not submit these values (a required field empty, a
   * length outside the input's bounds, a field the modal does not have).
   */
  async submitModal(interactionId: string, values: Readonly<Record<string, string>> = {}, options: SubmitModalOptions & SendInteractionOptions = {}): Promise<InteractionHandle> {
    const callback = this.transcript(interactionId).callback;
    if (callback?.type !== InteractionResponseType.Modal) throw new Error(`DiscordDouble: interaction ${interactionId} was not answered with a modal (callback ${callback?.type ?? 'none'})`);
    return this.sendInteraction(modalSubmission(this.#interactions.payload(interactionId), callback.data, values, options), options);
  }

  /** Resolves with the interaction's accepted callback (`afterMs` = arrival after dispatch); rejects after `timeoutMs`. */
  waitForCallback(interactionId: string, timeoutMs: number = DEFAULT_WAIT_MS): Promise<RecordedCallback> {
    return this.#interactions.waitForCallback(interactionId, timeoutMs);
  }

  /**
   * Resolves with the interaction's transcript (original response after its last edit, plus
   * follow-ups) once `predicate` holds, by default {@link hasFinalOriginal}; rejects after `timeoutMs`.
   */
  waitForMessage(
    interactionId: string,
    predicate: TranscriptPredicate = hasFinalOriginal,
    timeoutMs: number = DEFAULT_WAIT_MS,
  ): Promise<InteractionTranscript> {
    return this.#interactions.waitForTranscript(interactionId, predicate, timeoutMs);
  }

  /** What the bot did so far for one interaction (snapshot). */
  transcript(interactionId: string): InteractionTranscript {
    return this.#interactions.transcript(interactionId);
  }

  // ---- faults --------------------------------------------------------------------------

  /**
   * Makes the next matching REST request(s) fail with 429 (with `Retry-After` and the
   * `X-RateLimit-*` headers discord.js reads; it waits and retries by itself) or 5xx (discord.js
   * retries up to 3 times).
   */
  failNext(fault: RestFault): void {
    this.#restFaults.push({ fault, remaining: fault.times ?? 1 });
  }

  /**
   * Makes the next matching interaction callback(s) answer `404 10062 Unknown interaction` or
   * `400 40060 already acknowledged`. The interaction's state does not change.
   */
  failNextCallback(fault: CallbackFault): void {
    this.#interactions.addFault(fault);
  }

  /**
   * Closes the gateway connection(s) with `code`: 1006 drops the socket without a close frame,
   * anything else (1000, 4000, 4004, 4009, …) sends a close frame. discord.js resumes after most
   * codes (4000, 4009, 1006, unknown ones), re-identifies after 1000/4003/4005/4007/4008, and gives
   * up on 4004 and 4010-4014.
   */
  closeGateway(code: number, options: CloseGatewayOptions = {}): Promise<void> {
    this.#assertRunning();
    return this.#gateway.close(code, options.shard, options.reason);
  }

  /** Sends op 7 RECONNECT: discord.js closes, reconnects to `resume_gateway_url` and resumes. */
  requestReconnect(options: { shard?: number } = {}): void {
    this.#gateway.requestReconnect(options.shard);
  }

  /** Sends op 9 INVALID_SESSION (`resumable: false` also forgets the session: the client re-identifies). */
  invalidateSession(options: { shard?: number; resumable?: boolean } = {}): void {
    this.#gateway.invalidateSession(options.shard, options.resumable ?? false);
  }

  /** Resolves when `shard` (default 0) has a READY or RESUMED connection. */
  async waitForShardReady(shard = 0, timeoutMs: number = DEFAULT_WAIT_MS): Promise<void> {
    await this.#gateway.waitForOwner(null, shard, timeoutMs);
  }

  /** Closes the gateway and the HTTP server, and rejects pending waits. Idempotent. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#interactions.stop();
    this.#http.close();
    await this.#gateway.stop();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #assertRunning(): void {
    if (this.#stopped) throw new Error('DiscordDouble: already stopped');
  }
}

/**
 * What Discord would reject in `body` sent as `method apiPath` (API path without `/api/v10`,
 * e.g. `/interactions/1/token/callback`): the OpenAPI schema, then Discord's extra rules. Empty
 * when valid. Lets renderer unit tests check their payloads without running a client.
 * Throws for a path/method the spec does not know, or one whose body the double does not serve.
 */
export function validateRequestBody(method: string, apiPath: string, body: unknown): ViolationIssue[] {
  const validator = OpenApiValidator.load();
  const operation = validator.match(method, apiPath);
  if (operation === null) throw new Error(`DiscordDouble: the spec has no operation ${method.toUpperCase()} ${apiPath}`);
  const issues = validator.validate(operation, body);
  const seen = new Set(issues.map((i) => `${i.path} ${i.code}`));
  return [...issues, ...ruleIssuesFor(operation, method.toUpperCase(), body).filter((i) => !seen.has(`${i.path} ${i.code}`))];
}

/** Starts a double on 127.0.0.1 (random port). See {@link DiscordDoubleOptions} for the defaults. */
export async function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  const now = () => performance.now();
  const startedAt = now();
  const log = options.log ?? (() => undefined);
  const token = options.token ?? DEFAULT_TOKEN;
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const botUser = botUserFixture(applicationId, options.botUser);
  const resolvedGuilds = (options.guilds ?? [{}]).map((g, i) => resolveGuild(g, i));
  const guilds = resolvedGuilds.map((g) => guildCreateFixture(g, { botUser }));
  const shards = options.shards ?? 1;
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`DiscordDouble: shards must be a positive integer, got ${shards}`);

  const validator = OpenApiValidator.load();
  const validate = options.validate ?? true;
  if (validate) validator.warm(WARM_OPERATIONS);

  const interactions = new InteractionStore({
    deadlineMs: options.interactionDeadlineMs ?? INTERACTION_TIMING.DEADLINE_MS,
    tokenLifetimeMs: options.tokenLifetimeMs ?? INTERACTION_TIMING.TOKEN_LIFETIME_MS,
    applicationId,
    botUser,
    now,
  });
  const commands = new CommandStore(applicationId);
  const records: RestRecords = { requests: [], violations: [], registrations: [], unhandled: [] };
  const gatewayViolations: Violation[] = [];
  const restFaults: PendingRestFault[] = [];
  let sessionsRemaining = options.sessionStartRemaining ?? 1_000;
  let gatewayUrl = '';

  const cdn = new Cdn();
  const http = new HttpInteractions();
  const server = createServer();
  const handler = createRestHandler(
    {
      token,
      applicationId,
      botUser,
      guildIds: new Set(guilds.map((g) => g.id)),
      checkAuth: options.checkRestAuth ?? true,
      validator,
      validate,
      interactions,
      commands,
      gatewayBot: () => ({
        url: gatewayUrl,
        shards,
        session_start_limit: {
          total: 1_000,
          remaining: sessionsRemaining,
          reset_after: 14_400_000,
          max_concurrency: options.maxConcurrency ?? 16,
        },
      }),
      now,
      startedAt,
      log,
      publicKey: http.publicKey,
      beforeTokenRoute: (t) => http.settled(t),
    },
    records,
    restFaults,
  );
  /** The endpoint's 200 answer taken as the interaction's callback: recorded, validated and applied as `POST …/callback` would be. */
  const acceptHttpAnswer = (payload: APIInteraction, exchange: EndpointExchange): void => {
    if (exchange.status !== 200) return;
    const arrivedAt = now();
    const apiPath = `/interactions/${payload.id}/${payload.token}/callback`;
    const operation = validator.match('POST', apiPath);
    const request = {
      index: records.requests.length,
      method: 'POST',
      path: `/api/v10${apiPath}`,
      route: operation?.template ?? null,
      operationId: operation?.operationId ?? null,
      query: {},
      headers: { 'content-type': exchange.contentType ?? '' },
      hasAuthorization: false,
      botAuthorized: false,
      contentType: exchange.contentType,
      body: exchange.body,
      files: [],
      atMs: arrivedAt - startedAt,
      status: 0,
      response: undefined as unknown,
      viaHttpAnswer: true as const,
    };
    records.requests.push(request);
    if (!exchange.contentType?.startsWith('application/json') || exchange.body === undefined) {
      recordViolation({ log }, records, request, 'json', [{ path: '', code: 'INVALID_JSON', message: 'The endpoint answered 200 without a JSON interaction response.' }]);
      return;
    }
    if (validate && operation !== null) {
      const { specIssues, ruleIssues } = bodyIssues(validator, operation, 'POST', exchange.body, []);
      if (specIssues.length > 0) recordViolation({ log }, records, request, 'openapi', specIssues);
      if (ruleIssues.length > 0) recordViolation({ log }, records, request, 'rule', ruleIssues);
      if (specIssues.length + ruleIssues.length > 0) return;
    }
    const reply = interactions.callback(payload.id, payload.token, exchange.body, [], false, arrivedAt);
    request.status = reply.status;
    request.response = reply.body;
    if (reply.issues !== undefined && reply.issues.length > 0) recordViolation({ log }, records, request, 'rule', reply.issues);
  };
  server.on('request', (req, res) => (cdn.handles(req) ? cdn.serve(req, res) : handler(req, res)));
  const gateway = new Gateway(
    {
      token,
      applicationId,
      botUser,
      guilds,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? GATEWAY.HEARTBEAT_INTERVAL_MS,
      privilegedIntents: options.privilegedIntents ?? 0,
      onIdentify: () => {
        sessionsRemaining = Math.max(0, sessionsRemaining - 1);
      },
      violation: (op, issue) => {
        gatewayViolations.push({ method: 'GATEWAY', path: op, source: 'gateway', operationId: null, errors: [issue], requestIndex: -1 });
      },
      now,
      startedAt,
      log,
    },
    server,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  gatewayUrl = `ws://127.0.0.1:${port}`;
  cdn.setBaseUrl(`http://127.0.0.1:${port}`);
  gateway.setBaseUrl(gatewayUrl);
  log(`listening on 127.0.0.1:${port}`);

  return new DiscordDouble({
    restUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    guilds,
    resolvedGuilds,
    server,
    gateway,
    interactions,
    commands,
    records,
    gatewayViolations,
    restFaults,
    cdn,
    http,
    acceptHttpAnswer,
  });
}
