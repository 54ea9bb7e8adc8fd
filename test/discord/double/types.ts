/**
 * Public types of the Discord test double. Everything a test reads from the double is plain,
 * serialisable data (snapshots), so assertions can use `toEqual`/`toMatchObject` freely.
 */
import type { EndpointExchange } from './http-interactions.js';
import type {
  APIAllowedMentions,
  APIEmbed,
  APIInteraction,
  APIUser,
  InteractionResponseType,
} from 'discord-api-types/v10';

/** One guild the bot is in. Every field has a default (see `guildFixture`). */
export interface GuildFixtureOptions {
  /** Guild id; use `guildIdForShard()` to pick the shard it lands on. */
  readonly id?: string;
  readonly name?: string;
  /** Id of the guild's single text channel. */
  readonly channelId?: string;
  readonly channelName?: string;
  /** `preferred_locale`, sent as `guild_locale` in interactions. Default `fr`. */
  readonly locale?: string;
  /** Extra members besides the bot and the default user. */
  readonly members?: readonly APIUser[];
}

/** Options of {@link startDiscordDouble}. All optional; defaults in brackets. */
export interface DiscordDoubleOptions {
  /** Bot token the client must present, in REST `Authorization: Bot …` and gateway IDENTIFY. [`DEFAULT_TOKEN`] */
  readonly token?: string;
  /** Application id, also the bot user id and the webhook id of interaction follow-ups. [`DEFAULT_APPLICATION_ID`] */
  readonly applicationId?: string;
  /** Overrides of the bot user sent in READY and `/users/@me`. */
  readonly botUser?: Partial<APIUser>;
  /** Guilds the bot is in. [one guild, `DEFAULT_GUILD_ID` with text channel `DEFAULT_CHANNEL_ID`] */
  readonly guilds?: readonly GuildFixtureOptions[];
  /** Shard count recommended by `GET /gateway/bot`. [1] */
  readonly shards?: number;
  /**
   * `session_start_limit.max_concurrency`. discord.js waits 5 s between two IDENTIFY of the same
   * `shard_id % max_concurrency` bucket, so a high value keeps multi-shard tests fast. [16]
   */
  readonly maxConcurrency?: number;
  /** `session_start_limit.remaining` at start; each IDENTIFY spends one. [1000] */
  readonly sessionStartRemaining?: number;
  /** `heartbeat_interval` sent in HELLO. Tests should use ~1000. [41250] */
  readonly heartbeatIntervalMs?: number;
  /** A first callback arriving later than this after the dispatch gets `10062`. [3000] */
  readonly interactionDeadlineMs?: number;
  /** Edits and follow-ups later than this after the dispatch get `401 50027`. [900000] */
  readonly tokenLifetimeMs?: number;
  /** Answer `401` to authenticated REST routes without `Authorization: Bot <token>`. [true] */
  readonly checkRestAuth?: boolean;
  /**
   * Privileged intents enabled "in the developer portal" (bitfield of GuildMembers 1<<1,
   * GuildPresences 1<<8, MessageContent 1<<15). IDENTIFY asking for others closes 4014. [0]
   */
  readonly privilegedIntents?: number;
  /** Validate request bodies against the OpenAPI spec and Discord's extra rules. [true] */
  readonly validate?: boolean;
  /** Receives one line per notable event (connections, faults, rejections). [silent] */
  readonly log?: (line: string) => void;
}

/** A problem found in one request (or gateway payload), as a JSON pointer plus Discord-like code. */
export interface ViolationIssue {
  /** JSON pointer into the body, e.g. `/data/embeds/0/title` (`''` for the whole body). */
  readonly path: string;
  /** Discord-like error code, e.g. `BASE_TYPE_MAX_LENGTH`, `MAX_EMBED_SIZE_EXCEEDED`. */
  readonly code: string;
  readonly message: string;
}

/** A request (or gateway payload) Discord would have rejected. Tests usually assert none. */
export interface Violation {
  /** HTTP method, or `GATEWAY` for a gateway protocol error. */
  readonly method: string;
  /** Request path without the query (`/api/v10/...`), or `op <n>` for the gateway. */
  readonly path: string;
  /** `openapi`: the spec's schema; `rule`: a Discord rule the spec cannot express; `json`: unparsable body; `gateway`. */
  readonly source: 'openapi' | 'rule' | 'json' | 'gateway';
  readonly operationId: string | null;
  readonly errors: readonly ViolationIssue[];
  /** Index in `double.requests`, or -1 for the gateway. */
  readonly requestIndex: number;
}

/** A file part of a multipart request. */
export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** The file's bytes, as uploaded (decode an image to check what the bot sent). */
  readonly data: Uint8Array;
}

/** One REST request as received, and what the double answered. */
export interface RecordedRequest {
  /** Position in `double.requests`. */
  readonly index: number;
  readonly method: string;
  /** Path without query, percent-decoded (`/api/v10/webhooks/…/messages/@original`). */
  readonly path: string;
  /** The OpenAPI path template it matched (`/interactions/{interaction_id}/{interaction_token}/callback`), or null. */
  readonly route: string | null;
  readonly operationId: string | null;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased headers, `authorization` removed. */
  readonly headers: Readonly<Record<string, string>>;
  /** An `Authorization` header was present. */
  readonly hasAuthorization: boolean;
  /** The `Authorization` header was exactly `Bot <configured token>`. */
  readonly botAuthorized: boolean;
  readonly contentType: string | null;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; `undefined` without body. */
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
  /** Arrival, ms since the double started. */
  readonly atMs: number;
  /** HTTP status answered (0 while being handled). */
  readonly status: number;
  /** JSON answered, if any. */
  readonly response: unknown;
  /** The first response of an interaction POSTed to the bot's endpoint: the HTTP answer's body, recorded as its callback. */
  readonly viaHttpAnswer?: true;
}

/** One command registration call (PUT/POST/PATCH/DELETE on `…/commands`). */
export interface RecordedRegistration {
  readonly method: string;
  readonly scope: 'global' | 'guild';
  readonly guildId: string | null;
  readonly body: unknown;
  readonly status: number;
  readonly atMs: number;
}

/** An interaction callback the double accepted (the first response to an interaction). */
export interface RecordedCallback {
  readonly interactionId: string;
  /** `InteractionResponseType`: 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  readonly type: InteractionResponseType;
  /** `data.flags` (0 if absent). */
  readonly flags: number;
  /** `flags & 64`. */
  readonly ephemeral: boolean;
  /** `data` as sent (choices for autocomplete, message for 4/7, `{ flags }` for 5). */
  readonly data: unknown;
  /** The whole body. */
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
  /** `?with_response=true` was asked. */
  readonly withResponse: boolean;
  /** Arrival, in ms after the INTERACTION_CREATE dispatch. */
  readonly afterMs: number;
}

/** Mentions that notify someone. */
export interface MessageMentions {
  readonly users: readonly string[];
  readonly roles: readonly string[];
  /** `@everyone` or `@here`. */
  readonly everyone: boolean;
}

/** The state of one message an interaction produced (original response or follow-up). */
export interface RecordedMessage {
  readonly id: string;
  readonly kind: 'original' | 'followUp';
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly unknown[];
  /** `allowed_mentions` as last sent (null: never sent, so Discord parses every mention). */
  readonly allowedMentions: APIAllowedMentions | null;
  /** Who Discord would notify: mentions in `content` and text displays that `allowed_mentions` lets through. */
  readonly mentions: MessageMentions;
  readonly attachments: readonly RecordedFile[];
  /** Message flags as Discord stores them (64 ephemeral, 128 loading). */
  readonly flags: number;
  readonly ephemeral: boolean;
  /** A deferred response not edited yet ("Bot is thinking…"). */
  readonly loading: boolean;
  readonly deleted: boolean;
  /** Successful PATCHes received. */
  readonly editCount: number;
  /** Content, every embed's text (title, description, fields, footer, author) and every text display's, newline-joined: handy for `toContain`. */
  readonly text: string;
  /** ms after the dispatch when it was created / last changed. */
  readonly createdAfterMs: number;
  readonly updatedAfterMs: number;
}

/** Everything the bot did in answer to one interaction. */
export interface InteractionTranscript {
  readonly interactionId: string;
  readonly callback: RecordedCallback | null;
  /** The original response (`@original`), or the component's message after an update. */
  readonly original: RecordedMessage | null;
  readonly followUps: readonly RecordedMessage[];
}

/** Predicate for {@link DiscordDouble.waitForMessage}. */
export type TranscriptPredicate = (transcript: InteractionTranscript) => boolean;

/** A REST fault to inject with `double.failNext`. */
export interface RestFault {
  /** Only requests with this method (case-insensitive). [any] */
  readonly method?: string;
  /** Only requests whose percent-decoded path (`/api/v10/…`) contains this. [any] */
  readonly pathIncludes?: string;
  readonly status: 429 | 500 | 502 | 503;
  /** For 429: seconds, sent in `Retry-After` (fractions allowed, unlike Discord) and `retry_after`. [1] */
  readonly retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`). [false] */
  readonly global?: boolean;
  /** How many matching requests fail. [1] */
  readonly times?: number;
}

/** An interaction-callback error to inject with `double.failNextCallback`. */
export interface CallbackFault {
  /** 10062 Unknown interaction (404) or 40060 already acknowledged (400). */
  readonly code: 10_062 | 40_060;
  /** Only callbacks for this interaction. [any] */
  readonly interactionId?: string;
  /** Only callbacks for which this returns true. [any] */
  readonly match?: (body: unknown, interactionId: string) => boolean;
  /** How many matching callbacks fail. [1] */
  readonly times?: number;
}

/** One gateway WebSocket connection, live or closed. */
export interface GatewayConnectionInfo {
  readonly id: number;
  /** `/` for the URL of `/gateway/bot`, `/resume` for `resume_gateway_url`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** `[shard_id, shard_count]` from IDENTIFY or the resumed session. */
  readonly shard: readonly [number, number] | null;
  readonly sessionId: string | null;
  readonly identified: boolean;
  readonly resumed: boolean;
  readonly open: boolean;
  readonly heartbeats: number;
  readonly intents: number | null;
  /** Close code (from whichever side), null while open. */
  readonly closeCode: number | null;
  readonly openedAtMs: number;
}

/** Options of `double.sendInteraction`. */
export interface SendInteractionOptions {
  /** Shard to send on. [the one owning `guild_id`; 0 for DMs] */
  readonly shard?: number;
  /** How long to wait for that shard to be READY/RESUMED. [5000] */
  readonly timeoutMs?: number;
}

/** What `double.sendInteraction` returns: the dispatched interaction and ways to await the answer. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  /** Shard it was dispatched on; -1 when it was POSTed to the interactions endpoint. */
  readonly shard: number;
  /** The endpoint's HTTP answer, when it was POSTed there; resolves when the answer has been read. */
  readonly exchange?: Promise<EndpointExchange>;
  /** Same as `double.waitForCallback(id, timeoutMs)`. */
  waitForCallback(timeoutMs?: number): Promise<RecordedCallback>;
  /** Same as `double.waitForMessage(id, predicate, timeoutMs)`. */
  waitForMessage(predicate?: TranscriptPredicate, timeoutMs?: number): Promise<InteractionTranscript>;
  /** Current transcript (snapshot). */
  transcript(): InteractionTranscript;
}

/** Options of `double.closeGateway`. */
export interface CloseGatewayOptions {
  /** Only this shard's connection. [all open connections] */
  readonly shard?: number;
  readonly reason?: string;
}
