/**
 * Discord's own numbers and error bodies, as the double enforces them (API v10). Deliberately NOT
 * imported from `src/discord/limits.ts`: the double stands for Discord, so a wrong constant in the
 * bot must show up as a failing test, not be shared silently.
 *
 * Sources: Discord developer docs (resources/message, interactions/receiving-and-responding,
 * topics/opcodes-and-status-codes, events/gateway) and the team's `DISCORD-FACTS.md` notes (kept
 * beside the repository, not needed to run anything).
 */

/** Discord's snowflake epoch (2015-01-01T00:00:00Z), in ms. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/** The API version the double serves; requests for any other version get a 404. */
export const API_VERSION = 10;

/** Limits the OpenAPI schema cannot express (checked by `discord-rules.ts`). */
export const LIMITS = {
  /** Message `content`, in characters (code points, like Discord's backend counts). */
  CONTENT_MAX: 2_000,
  EMBEDS_MAX: 10,
  /** Title + description + field names and values + footer text + author name, all embeds together. */
  EMBEDS_TOTAL_MAX: 6_000,
  COMMAND_NAME_MAX: 32,
  COMMAND_DESCRIPTION_MAX: 100,
  OPTIONS_MAX: 25,
  CHOICES_MAX: 25,
  /** Top-level components of a modal ("Between 1 and 5", interactions/receiving-and-responding, modal). */
  MODAL_COMPONENTS_MAX: 5,
  /** Text inputs in one action row of a modal (the legacy layout: one per row). */
  MODAL_ROW_INPUTS_MAX: 1,
  /** Message flag `IS_COMPONENTS_V2` (1 << 15): the message is components only. */
  COMPONENTS_V2_FLAG: 32_768,
  /** Components of a Components V2 message, nested ones counted. */
  COMPONENTS_V2_MAX: 40,
  /** Characters of all text displays of one message together. */
  COMPONENTS_V2_TEXT_MAX: 4_000,
} as const;

/**
 * Files uploaded with a message (reference, "Uploading Files" and "Using Attachments within
 * Embeds"). The per-file limit is the lowest default Discord has had since January 2025 (10 MiB;
 * 20 MiB in the current reference): a bot within it is accepted under both.
 */
export const UPLOADS = {
  FILES_MAX: 10,
  FILE_MAX_BYTES: 10 * 1024 * 1024,
  /** `files[n]`: the form field of an uploaded file; `n` is the placeholder id `attachments` refers to. */
  FIELD: /^files\[(\d+)\]$/u,
  /** What `attachment://NAME` may show in an embed. */
  EMBED_IMAGE: /\.(?:jpe?g|png|webp|gif)$/iu,
} as const;

/** Timings of interactions (interactions/receiving-and-responding). */
export const INTERACTION_TIMING = {
  /** The first callback must arrive within 3 s of the dispatch, else `10062 Unknown interaction`. */
  DEADLINE_MS: 3_000,
  /** Edits and follow-ups work for 15 min, then `50027 Invalid Webhook Token`. */
  TOKEN_LIFETIME_MS: 15 * 60_000,
} as const;

/** Gateway defaults. */
export const GATEWAY = {
  /** What Discord sends in HELLO today. Tests should pass a short one (e.g. 1 000 ms). */
  HEARTBEAT_INTERVAL_MS: 41_250,
  /** Events kept per session for replay on RESUME. */
  REPLAY_BUFFER: 500,
} as const;

/** A JSON error body as Discord sends it. */
export interface DiscordErrorBody {
  readonly code: number;
  readonly message: string;
  readonly errors?: Record<string, unknown>;
}

/** One Discord error: HTTP status and JSON body. */
export interface DiscordError {
  readonly status: number;
  readonly body: DiscordErrorBody;
}

/** The error answers the double gives, named after Discord's JSON error codes. */
export const ERRORS = {
  notFound: { status: 404, body: { code: 0, message: '404: Not Found' } },
  unauthorized: { status: 401, body: { code: 0, message: '401: Unauthorized' } },
  internal: { status: 500, body: { code: 0, message: '500: Internal Server Error' } },
  unknownWebhook: { status: 404, body: { code: 10_015, message: 'Unknown Webhook' } },
  unknownMessage: { status: 404, body: { code: 10_008, message: 'Unknown Message' } },
  unknownInteraction: { status: 404, body: { code: 10_062, message: 'Unknown interaction' } },
  missingAccess: { status: 403, body: { code: 50_001, message: 'Missing Access' } },
  emptyMessage: { status: 400, body: { code: 50_006, message: 'Cannot send an empty message' } },
  invalidWebhookToken: { status: 401, body: { code: 50_027, message: 'Invalid Webhook Token' } },
  invalidJson: { status: 400, body: { code: 50_109, message: 'The request body contains invalid JSON.' } },
  alreadyAcknowledged: {
    status: 400,
    body: { code: 40_060, message: 'Interaction has already been acknowledged.' },
  },
} as const satisfies Record<string, DiscordError>;

/** `400 Invalid Form Body` with Discord's nested `errors` object. */
export function invalidFormBody(errors: Record<string, unknown>): DiscordError {
  return { status: 400, body: { code: 50_035, message: 'Invalid Form Body', errors } };
}
