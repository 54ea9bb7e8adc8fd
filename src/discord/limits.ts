/**
 * Every number Discord imposes on the bot, in one place, each with where it comes from
 * (`../shared/DISCORD-FACTS.md`, Discord API v10). Nothing else in the adapter writes these
 * numbers: the renderer, the command definitions and the tests all import them from here.
 *
 * Lengths are counted in UTF-16 code units (`string.length`), as `embedLength()` does; that is
 * never less than Discord's own count in characters, so staying under it is always safe.
 */
import { QUERY_MAX } from '../commands/define.js';
import { CLAIM_READ_MAX } from '../answers/check-claim-read.js';

/** Interactions (developers/interactions/receiving-and-responding). */
export const INTERACTION = {
  /** The first response must reach Discord within 3 s, else the token dies (10062). */
  ACK_DEADLINE_MS: 3_000,
  /**
   * Our own margin: if an answer is not ready this long after the interaction arrived, defer
   * first and edit afterwards. Half the deadline leaves room for a slow network round trip.
   */
  DEFER_AFTER_MS: 1_500,
  /** Interaction tokens (edits, follow-ups) live 15 minutes. */
  TOKEN_LIFETIME_MS: 15 * 60_000,
} as const;

/** Messages (resources/message). */
export const MESSAGE = {
  CONTENT_MAX: 2_000,
  EMBEDS_MAX: 10,
} as const;

/** Embeds (resources/message, "embed limits"). */
export const EMBED = {
  TITLE_MAX: 256,
  DESCRIPTION_MAX: 4_096,
  FIELDS_MAX: 25,
  FIELD_NAME_MAX: 256,
  FIELD_VALUE_MAX: 1_024,
  FOOTER_MAX: 2_048,
  AUTHOR_MAX: 256,
  /**
   * Title, description, field names and values, footer and author of ALL embeds of one message
   * together. discord.js v14 does not check it; `embedLength()` computes one embed's share.
   */
  TOTAL_MAX: 6_000,
} as const;

/** Application commands (interactions/application-commands). */
export const COMMAND = {
  NAME_MAX: 32,
  DESCRIPTION_MAX: 100,
  OPTIONS_MAX: 25,
  /** Largest `max_length` a string option may declare. */
  STRING_OPTION_MAX: 6_000,
  /** Choices returned to one autocomplete request. */
  AUTOCOMPLETE_CHOICES_MAX: 25,
  CHOICE_NAME_MAX: 100,
  CHOICE_VALUE_MAX: 100,
} as const;

/** Message components (interactions/message-components). */
export const COMPONENT = {
  /** `custom_id` of a button, in characters; we also keep it within 100 UTF-8 bytes. */
  CUSTOM_ID_MAX: 100,
  BUTTON_LABEL_MAX: 80,
  BUTTONS_PER_ROW: 5,
  ACTION_ROWS_MAX: 5,
} as const;

/**
 * Components V2 (components/overview and components/reference; `../shared/DISCORD-FACTS.md`): a
 * message with the `IS_COMPONENTS_V2` flag is all components (containers, sections, text displays,
 * separators, media galleries, action rows) and can hold no `content` and no `embeds`; once a
 * message has the flag, an edit cannot take it away. Answers are sent this way (`render/card.ts`).
 */
export const COMPONENTS_V2 = {
  /** Message flag `IS_COMPONENTS_V2`, 1 << 15. */
  FLAG: 1 << 15,
  /** Components of one message, nested ones counted (a container, its sections, their buttons...). */
  COMPONENTS_MAX: 40,
  /** Characters of all text displays of one message together (and so of any one of them). */
  TEXT_TOTAL_MAX: 4_000,
  /** Text displays in one section, beside its one accessory (a button here). */
  SECTION_TEXTS_MAX: 3,
  /** Items of one media gallery, and the length of an item's description (alt text). */
  GALLERY_ITEMS_MAX: 10,
  MEDIA_DESCRIPTION_MAX: 1_024,
  /** Largest `accent_color` of a container: 24-bit RGB. */
  ACCENT_COLOR_MAX: 0xff_ff_ff,
} as const;

/**
 * Modals (interactions/receiving-and-responding, "modal"; components/reference, "label", "text
 * input"): the response of type 9 to a slash command or a button, never to a modal submit.
 */
export const MODAL = {
  /** `title` of the modal. */
  TITLE_MAX: 45,
  /** `custom_id` of the modal, in characters; we also keep it within 100 UTF-8 bytes. */
  CUSTOM_ID_MAX: 100,
  /** Top-level components (one Label each, here) of one modal. */
  COMPONENTS_MAX: 5,
  /** `label` of a Label component. */
  LABEL_MAX: 45,
  /** `description` of a Label component. */
  LABEL_DESCRIPTION_MAX: 100,
  /** `custom_id` of a text input. */
  TEXT_INPUT_CUSTOM_ID_MAX: 100,
  /** `value` (prefilled or typed) and `max_length` of a text input. */
  TEXT_INPUT_VALUE_MAX: 4_000,
  /** `placeholder` of a text input. */
  TEXT_INPUT_PLACEHOLDER_MAX: 100,
} as const;

/**
 * Permissions (topics/permissions), as the bit strings `default_member_permissions` and
 * `member.permissions` carry.
 */
export const PERMISSION = {
  ADMINISTRATOR: 1n << 3n,
  MANAGE_MESSAGES: 1n << 13n,
} as const;

/** Where attachments live (reference, "image formatting": Discord's CDN hosts). */
export const ATTACHMENT = {
  /** Hosts of the URLs Discord gives in `resolved.attachments`: `url` and `proxy_url`. */
  CDN_HOSTS: ['cdn.discordapp.com', 'media.discordapp.net'],
} as const;

/**
 * Files the bot uploads with a message (reference, "Uploading Files" and "Using Attachments within
 * Embeds"; the OpenAPI spec's message `attachments`: at most 10, `filename` and `description` at
 * most 1 024 characters).
 */
export const UPLOAD = {
  /** Files attached to one message. */
  FILES_MAX: 10,
  /**
   * Bytes of one file. Discord's default per-file limit was 10 MiB from January 2025 and is 20 MiB
   * in the current reference (more with Nitro or boosts): a file within the lower is taken under both.
   */
  FILE_MAX_BYTES: 10 * 1024 * 1024,
  FILENAME_MAX: 1_024,
  DESCRIPTION_MAX: 1_024,
  /** What an embed may show as `attachment://NAME`: only these kinds of file. */
  EMBED_IMAGE_EXTENSIONS: ['.jpg', '.jpeg', '.png', '.webp', '.gif'],
} as const;

/**
 * Interactions received over HTTP (interactions/overview, "Receiving an interaction";
 * `../shared/DISCORD-FACTS.md`): Discord POSTs each one to the application's Interactions Endpoint
 * URL, signed; the first response is the HTTP response's body.
 */
export const HTTP_INTERACTION = {
  /** Ed25519 signature of timestamp + raw body, 64 bytes in hex. */
  SIGNATURE_HEADER: 'x-signature-ed25519',
  /** Unix time in seconds when Discord signed the request, prefixed to the body before signing. */
  TIMESTAMP_HEADER: 'x-signature-timestamp',
  /** A bad or missing signature is answered 401 (Discord sends bad ones on purpose when the URL is saved). */
  UNAUTHORIZED_STATUS: 401,
  /** Interaction type of Discord's PING, answered with a response of type PONG. */
  PING: 1,
  PONG: 1,
} as const;

/** JSON error codes (topics/opcodes-and-status-codes) the adapter treats specially. */
export const API_ERROR = {
  /** The token died (answered too late, or the interaction is unknown). Never retried. */
  UNKNOWN_INTERACTION: 10_062,
  /** Someone already answered this interaction (often: two processes on one token). Never retried. */
  ALREADY_ACKNOWLEDGED: 40_060,
} as const;

/** Gateway close codes (events/gateway) that discord.js does not recover from. */
export const GATEWAY_CLOSE = {
  AUTHENTICATION_FAILED: 4_004,
  INVALID_INTENTS: 4_013,
  DISALLOWED_INTENTS: 4_014,
} as const;

/** What the bot itself allows, within Discord's limits. */
export const OURS = {
  /** Longest query a text option accepts: the command table's (`src/commands/define.ts`). */
  QUERY_MAX,
  /** Longest part of a message the "Cite sources" context menu searches for. */
  CONTEXT_QUERY_MAX: 300,
  /** Longest part of a message "Check this claim" reads: the claim reader's own cap (check-claim-read.ts). */
  CLAIM_MAX: CLAIM_READ_MAX,
  /**
   * How long in-flight replies may take to finish after SIGTERM before the client is destroyed
   * anyway: under 10 s with room for closing the gateway, because `docker stop` (and many
   * supervisors) send SIGKILL 10 s after SIGTERM.
   */
  SHUTDOWN_GRACE_MS: 8_000,
  /**
   * Interactions in progress beyond which a new one is deferred at once, before any work: under a
   * burst the answers queue for the CPU, and waiting for an answer before the first response could
   * pass Discord's 3 seconds, while a deferral is one cheap request (`bench:load` measures it).
   */
  DEFER_WHEN_BUSY_AT: 16,
  /**
   * Largest attachment `/article add` reads: the corpus's own file cap (5 MB, README "Add
   * articles"), checked on the size Discord states and again while downloading.
   */
  ATTACHMENT_MAX_BYTES: 5 * 1024 * 1024,
  /** Whole download of an attachment: Discord's CDN answers fast, and the interaction waits. */
  ATTACHMENT_TIMEOUT_MS: 10_000,
  /** Articles per page of `/article list` (one embed field each, well within 25 and 6 000 characters). */
  ARTICLES_PER_PAGE: 10,
  /**
   * Largest interaction body the HTTP endpoint reads (413 past it): the biggest interaction Discord
   * sends is a message context menu on a message with 10 embeds and its resolved users and
   * attachments, well under this.
   */
  HTTP_BODY_MAX_BYTES: 1024 * 1024,
  /**
   * How far a signed request's timestamp may be from this machine's clock before it is refused
   * as a replay (401): the interaction's token lives 15 minutes, a replay after that does nothing;
   * within it, the ids already answered are refused as well (`http/replay-guard.ts`).
   */
  HTTP_SIGNATURE_MAX_AGE_S: 5 * 60,
  /** Drafts whose last preview is remembered for Edit details' prefilled fields. */
  DRAFTS_REMEMBERED: 500,
} as const;
