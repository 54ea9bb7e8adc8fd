/**
 * What Discord knows about each dispatched interaction: its token, its first response (callback),
 * the original response message and the follow-ups, with Discord's rules:
 * - a callback for an unknown id or a wrong token, or later than the deadline (3 s), gets 10062;
 * - a second callback for the same interaction gets 40060;
 * - edits and follow-ups need an acknowledged interaction (else 10015) and a live token (15 min,
 *   else 50027); an unknown message gets 10008;
 * - ephemerality is fixed by the first response; the first follow-up to a deferred response
 *   fills the "thinking…" message instead of posting a new one (developers docs, "Create Followup Message").
 */
import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { APIAllowedMentions, APIEmbed, APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import { ERRORS, invalidFormBody } from './constants.js';
import type { DiscordError } from './constants.js';
import { discordErrorTree } from './openapi-validator.js';
import { componentIssues, isEmptyMessage, nestedComponents } from './discord-rules.js';
import { snowflake } from './snowflake.js';
import type {
  CallbackFault,
  InteractionTranscript,
  MessageMentions,
  RecordedCallback,
  RecordedFile,
  RecordedMessage,
  TranscriptPredicate,
  ViolationIssue,
} from './types.js';

type Obj = Record<string, unknown>;

/** The double's answer to one request. `issues` are recorded as a rule violation. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly issues?: readonly ViolationIssue[];
}

interface MessageState {
  id: string;
  kind: 'original' | 'followUp';
  type: MessageType;
  content: string;
  embeds: APIEmbed[];
  components: unknown[];
  allowedMentions: APIAllowedMentions | null;
  attachments: RecordedFile[];
  flags: number;
  ephemeral: boolean;
  loading: boolean;
  deleted: boolean;
  editCount: number;
  createdAt: number;
  updatedAt: number;
}

interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  readonly dispatchedAt: number;
  callback: RecordedCallback | null;
  original: MessageState | null;
  followUps: MessageState[];
  /** Rejected callback attempts, for timeout diagnostics. */
  attempts: string[];
}

interface PendingFault {
  readonly fault: CallbackFault;
  remaining: number;
}

/** Settings of the store. */
export interface InteractionStoreOptions {
  readonly deadlineMs: number;
  readonly tokenLifetimeMs: number;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** Monotonic clock in ms (performance.now). */
  readonly now: () => number;
}

const flagsOf = (data: unknown): number => (isObj(data) && typeof data.flags === 'number' ? data.flags : 0);

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Content plus every embed's text, newline-joined. */
export function messageText(content: string, embeds: readonly APIEmbed[], components: readonly unknown[] = []): string {
  const parts = [content];
  for (const embed of embeds) {
    parts.push(embed.author?.name ?? '', embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    parts.push(embed.footer?.text ?? '');
  }
  parts.push(...textDisplays(components));
  return parts.filter((part) => part.length > 0).join('\n');
}

/** The content of every text display of a message (Components V2), at any depth, in order. */
export function textDisplays(components: readonly unknown[]): string[] {
  return nestedComponents(components).flatMap((c) => (c.type === 10 && typeof c.content === 'string' ? [c.content] : []));
}

/**
 * Who a message notifies (resources/message, "allowed mentions"): without `allowed_mentions`,
 * every mention in the content; with it, only the types in `parse` and the ids listed.
 */
export function notifiedMentions(content: string, allowed: APIAllowedMentions | null): MessageMentions {
  const ids = (pattern: RegExp) => [...new Set([...content.matchAll(pattern)].map((m) => m[1] ?? ''))];
  const parse: readonly string[] = allowed === null ? ['users', 'roles', 'everyone'] : (allowed.parse ?? []);
  const users = ids(/<@!?(\d+)>/g).filter((id) => parse.includes('users') || (allowed?.users ?? []).includes(id));
  const roles = ids(/<@&(\d+)>/g).filter((id) => parse.includes('roles') || (allowed?.roles ?? []).includes(id));
  return { users, roles, everyone: /@(everyone|here)\b/.test(content) && parse.includes('everyone') };
}

/**
 * Components V2 rules of an edit that does not carry the flag itself, by the flags of the message
 * it edits: a Components V2 message stays one (the flag cannot be removed), any other keeps to rows.
 */
function editIssues(messageFlags: number, body: unknown) {
  if ((flagsOf(body) & MessageFlags.IsComponentsV2) !== 0) return [];
  return componentIssues(body, '', (messageFlags & MessageFlags.IsComponentsV2) !== 0);
}

/** Which interaction types accept which callback types. */
const ALLOWED_CALLBACKS: Partial<Record<InteractionType, readonly InteractionResponseType[]>> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

/** Interactions, their callbacks and messages, and waiters on them. */
export class InteractionStore {
  readonly #options: InteractionStoreOptions;
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();
  readonly #callbacks: RecordedCallback[] = [];
  readonly #faults: PendingFault[] = [];
  readonly #listeners = new Set<() => void>();
  #stopped = false;

  constructor(options: InteractionStoreOptions) {
    this.#options = options;
  }

  /** Every accepted callback, in arrival order. */
  get callbacks(): readonly RecordedCallback[] {
    return [...this.#callbacks];
  }

  /** Starts tracking an interaction about to be dispatched (its deadline runs from now). */
  register(payload: APIInteraction): void {
    if (this.#byId.has(payload.id)) throw new Error(`DiscordDouble: interaction ${payload.id} was already sent`);
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      payload,
      dispatchedAt: this.#options.now(),
      callback: null,
      original: null,
      followUps: [],
      attempts: [],
    };
    this.#byId.set(payload.id, state);
    this.#byToken.set(payload.token, state);
  }

  /** The payload an interaction was dispatched with. Throws for an id never sent. */
  payload(id: string): APIInteraction {
    const state = this.#byId.get(id);
    if (state === undefined) throw new Error(`DiscordDouble: unknown interaction ${id} (send it with double.sendInteraction first)`);
    return state.payload;
  }

  /** Queues an injected callback error. */
  addFault(fault: CallbackFault): void {
    this.#faults.push({ fault, remaining: fault.times ?? 1 });
  }

  // ---- callbacks --------------------------------------------------------------------------

  /** `POST /interactions/{id}/{token}/callback`. `arrivedAt` is the request's arrival time. */
  callback(id: string, token: string, body: unknown, files: readonly RecordedFile[], withResponse: boolean, arrivedAt: number): Reply {
    const state = this.#byId.get(id);
    if (state === undefined || state.token !== token) return this.#reject(state, ERRORS.unknownInteraction, 'unknown id or token');
    const injected = this.#takeFault(body, id);
    if (injected !== null) return this.#reject(state, injected, 'injected');
    if (state.callback !== null) return this.#reject(state, ERRORS.alreadyAcknowledged, 'second callback');
    const afterMs = arrivedAt - state.dispatchedAt;
    if (afterMs > this.#options.deadlineMs) {
      return this.#reject(state, ERRORS.unknownInteraction, `late: ${Math.round(afterMs)} ms > ${this.#options.deadlineMs} ms`);
    }
    const bodyObj = isObj(body) ? body : {};
    const type = bodyObj.type as InteractionResponseType;
    const data = bodyObj.data;
    const allowed = ALLOWED_CALLBACKS[state.payload.type] ?? [];
    if (!allowed.includes(type)) {
      const issues = [{ path: '/type', code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Callback type ${String(type)} is not valid for interaction type ${state.payload.type}.` }];
      state.attempts.push(`400 50035 callback type ${String(type)}`);
      return { ...invalidFormBody(discordErrorTree(issues)), issues };
    }
    if (type === InteractionResponseType.ChannelMessageWithSource && isEmptyMessage(data, files.length)) {
      state.attempts.push('400 50006 empty message');
      return { ...ERRORS.emptyMessage, issues: [{ path: '/data', code: 'EMPTY_MESSAGE', message: ERRORS.emptyMessage.body.message }] };
    }
    if (type === InteractionResponseType.UpdateMessage) {
      const issues = editIssues(state.payload.message?.flags ?? 0, data).map((i) => ({ ...i, path: `/data${i.path}` }));
      if (issues.length > 0) {
        state.attempts.push('400 50035 components of an update');
        return { ...invalidFormBody(discordErrorTree(issues)), issues };
      }
    }
    const flags = flagsOf(data);
    const callback: RecordedCallback = {
      interactionId: id,
      type,
      flags,
      ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
      data: structuredClone(data ?? null),
      body: structuredClone(body),
      files: [...files],
      withResponse,
      afterMs,
    };
    state.callback = callback;
    this.#callbacks.push(callback);
    this.#applyCallback(state, type, data, files, arrivedAt);
    this.#notify();
    if (!withResponse) return { status: 204 };
    return { status: 200, body: this.#callbackResponse(state, type) };
  }

  #applyCallback(state: InteractionState, type: InteractionResponseType, data: unknown, files: readonly RecordedFile[], at: number): void {
    const ephemeral = (flagsOf(data) & MessageFlags.Ephemeral) !== 0;
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.DeferredChannelMessageWithSource) {
      const loading = type === InteractionResponseType.DeferredChannelMessageWithSource;
      const message = this.#newMessage(state, 'original', at, ephemeral);
      message.loading = loading;
      if (!loading) this.#patchMessage(message, data, files);
      message.flags = (ephemeral ? MessageFlags.Ephemeral : 0) | (loading ? MessageFlags.Loading : 0) | (loading ? 0 : flagsOf(data) & MessageFlags.IsComponentsV2);
      state.original = message;
    } else if (type === InteractionResponseType.DeferredMessageUpdate || type === InteractionResponseType.UpdateMessage) {
      // Components: "@original" is the message that carries the component.
      const source = state.payload.message;
      const message = this.#newMessage(state, 'original', at, false);
      if (source !== undefined) {
        message.id = source.id;
        message.content = source.content;
        message.embeds = structuredClone(source.embeds);
        message.components = structuredClone(source.components ?? []);
        message.flags = source.flags ?? 0;
        message.ephemeral = ((source.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
      }
      if (type === InteractionResponseType.UpdateMessage) {
        this.#patchMessage(message, data, files);
        message.flags |= flagsOf(data) & MessageFlags.IsComponentsV2;
        message.editCount = 1;
      }
      state.original = message;
    }
  }

  #callbackResponse(state: InteractionState, type: InteractionResponseType): unknown {
    const original = state.original;
    const createsMessage =
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource ||
      type === InteractionResponseType.UpdateMessage;
    return {
      interaction: {
        id: state.id,
        type: state.payload.type,
        ...(original && createsMessage
          ? { response_message_id: original.id, response_message_loading: original.loading, response_message_ephemeral: original.ephemeral }
          : {}),
      },
      resource: original && createsMessage ? { type, message: this.#toApiMessage(state, original) } : { type },
    };
  }

  #takeFault(body: unknown, id: string): DiscordError | null {
    const index = this.#faults.findIndex(
      ({ fault, remaining }) =>
        remaining > 0 && (fault.interactionId === undefined || fault.interactionId === id) && (fault.match?.(body, id) ?? true),
    );
    const pending = this.#faults[index];
    if (pending === undefined) return null;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.#faults.splice(index, 1);
    return pending.fault.code === 10_062 ? ERRORS.unknownInteraction : ERRORS.alreadyAcknowledged;
  }

  #reject(state: InteractionState | undefined, error: DiscordError, why: string): Reply {
    state?.attempts.push(`${error.status} ${error.body.code} (${why})`);
    return error;
  }

  // ---- webhooks (edits and follow-ups) -------------------------------------------------------

  /**
   * `GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{message}` and `POST /webhooks/{app}/{token}`
   * (`messageId` null). `arrivedAt` is the request's arrival time.
   */
  webhook(
    method: string,
    webhookId: string,
    token: string,
    messageId: string | null,
    body: unknown,
    files: readonly RecordedFile[],
    arrivedAt: number,
  ): Reply {
    if (webhookId !== this.#options.applicationId) return ERRORS.unknownWebhook;
    const state = this.#byToken.get(token);
    if (state === undefined) return ERRORS.invalidWebhookToken;
    if (arrivedAt - state.dispatchedAt > this.#options.tokenLifetimeMs) return ERRORS.invalidWebhookToken;
    if (state.callback === null) return ERRORS.unknownWebhook;
    if (messageId === null) {
      if (method !== 'POST') return ERRORS.notFound;
      return this.#followUp(state, body, files, arrivedAt);
    }
    const message =
      messageId === '@original'
        ? state.original
        : ([state.original, ...state.followUps].find((m) => m?.id === messageId) ?? null);
    if (message === null || message.deleted) return ERRORS.unknownMessage;
    switch (method) {
      case 'GET':
        return { status: 200, body: this.#toApiMessage(state, message) };
      case 'DELETE':
        message.deleted = true;
        message.updatedAt = arrivedAt;
        this.#notify();
        return { status: 204 };
      case 'PATCH': {
        const issues = editIssues(message.flags, body);
        if (issues.length > 0) return { ...invalidFormBody(discordErrorTree(issues)), issues };
        this.#patchMessage(message, body, files);
        message.flags |= flagsOf(body) & MessageFlags.IsComponentsV2;
        message.loading = false;
        message.flags &= ~MessageFlags.Loading;
        message.editCount += 1;
        message.updatedAt = arrivedAt;
        this.#notify();
        return { status: 200, body: this.#toApiMessage(state, message) };
      }
      default:
        return ERRORS.notFound;
    }
  }

  #followUp(state: InteractionState, body: unknown, files: readonly RecordedFile[], at: number): Reply {
    if (isEmptyMessage(body, files.length)) {
      return { ...ERRORS.emptyMessage, issues: [{ path: '', code: 'EMPTY_MESSAGE', message: ERRORS.emptyMessage.body.message }] };
    }
    const original = state.original;
    let message: MessageState;
    if (original !== null && original.loading && state.followUps.length === 0) {
      // The first follow-up to a deferred response replaces the loading message; its flags are ignored.
      message = original;
      message.loading = false;
      message.flags &= ~MessageFlags.Loading;
      message.editCount += 1;
      message.updatedAt = at;
    } else {
      message = this.#newMessage(state, 'followUp', at, (flagsOf(body) & MessageFlags.Ephemeral) !== 0);
      message.flags = flagsOf(body) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2);
      state.followUps.push(message);
    }
    this.#patchMessage(message, body, files);
    this.#notify();
    return { status: 200, body: this.#toApiMessage(state, message) };
  }

  #newMessage(state: InteractionState, kind: 'original' | 'followUp', at: number, ephemeral: boolean): MessageState {
    const payload = state.payload;
    let type = MessageType.Default;
    if (kind === 'original' && payload.type === InteractionType.ApplicationCommand) {
      type = payload.data.type === 1 ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
    }
    return {
      id: snowflake(),
      kind,
      type,
      content: '',
      embeds: [],
      components: [],
      allowedMentions: null,
      attachments: [],
      flags: ephemeral ? MessageFlags.Ephemeral : 0,
      ephemeral,
      loading: false,
      deleted: false,
      editCount: 0,
      createdAt: at,
      updatedAt: at,
    };
  }

  /** Applies the fields present in a message body (create or edit). */
  #patchMessage(message: MessageState, body: unknown, files: readonly RecordedFile[]): void {
    if (!isObj(body)) return;
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = Array.isArray(body.embeds) ? (structuredClone(body.embeds) as APIEmbed[]) : [];
    if ('components' in body) message.components = Array.isArray(body.components) ? structuredClone(body.components) : [];
    if ('allowed_mentions' in body) message.allowedMentions = isObj(body.allowed_mentions) ? (structuredClone(body.allowed_mentions) as APIAllowedMentions) : null;
    if ('attachments' in body || files.length > 0) message.attachments = [...files];
  }

  #toApiMessage(state: InteractionState, message: MessageState): APIMessage {
    const payload = state.payload;
    const user = payload.member?.user ?? payload.user;
    const timestamp = (ms: number) => new Date(Date.now() - (this.#options.now() - ms)).toISOString();
    return {
      id: message.id,
      channel_id: payload.channel?.id ?? payload.channel_id ?? '0',
      author: this.#options.botUser,
      content: message.content,
      timestamp: timestamp(message.createdAt),
      edited_timestamp: message.editCount > 0 ? timestamp(message.updatedAt) : null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: message.attachments.map((file, i) => ({
        id: `${message.id}${i}`,
        filename: file.filename,
        size: file.size,
        url: `https://cdn.discordapp.invalid/attachments/${file.filename}`,
        proxy_url: `https://media.discordapp.invalid/attachments/${file.filename}`,
        content_type: file.contentType,
      })),
      embeds: structuredClone(message.embeds),
      components: structuredClone(message.components) as APIMessage['components'],
      pinned: false,
      type: message.type,
      flags: message.flags,
      webhook_id: this.#options.applicationId,
      application_id: this.#options.applicationId,
      ...(user
        ? {
            interaction_metadata: {
              id: state.id,
              type: payload.type,
              user,
              authorizing_integration_owners: payload.authorizing_integration_owners,
            } as APIMessage['interaction_metadata'],
          }
        : {}),
    } as APIMessage;
  }

  // ---- reading and waiting ----------------------------------------------------------------

  /** Snapshot of what the bot did for one interaction. Throws for an id never sent. */
  transcript(id: string): InteractionTranscript {
    const state = this.#byId.get(id);
    if (state === undefined) throw new Error(`DiscordDouble: unknown interaction ${id} (send it with double.sendInteraction first)`);
    const snapshot = (m: MessageState): RecordedMessage => ({
      id: m.id,
      kind: m.kind,
      content: m.content,
      embeds: structuredClone(m.embeds),
      components: structuredClone(m.components),
      allowedMentions: m.allowedMentions === null ? null : structuredClone(m.allowedMentions),
      // Text displays notify like content does.
      mentions: notifiedMentions([m.content, ...textDisplays(m.components)].join('\n'), m.allowedMentions),
      attachments: [...m.attachments],
      flags: m.flags,
      ephemeral: m.ephemeral,
      loading: m.loading,
      deleted: m.deleted,
      editCount: m.editCount,
      text: messageText(m.content, m.embeds, m.components),
      createdAfterMs: m.createdAt - state.dispatchedAt,
      updatedAfterMs: m.updatedAt - state.dispatchedAt,
    });
    return {
      interactionId: id,
      callback: state.callback,
      original: state.original === null ? null : snapshot(state.original),
      followUps: state.followUps.map(snapshot),
    };
  }

  /** Resolves with the first accepted callback of the interaction. */
  waitForCallback(id: string, timeoutMs: number): Promise<RecordedCallback> {
    return this.#waitFor(id, timeoutMs, 'a callback', (t) => t.callback).then((t) => t.callback as RecordedCallback);
  }

  /** Resolves with the transcript as soon as `predicate` holds. */
  waitForTranscript(id: string, predicate: TranscriptPredicate, timeoutMs: number): Promise<InteractionTranscript> {
    return this.#waitFor(id, timeoutMs, 'the expected messages', (t) => (predicate(t) ? t : null));
  }

  #waitFor<T>(id: string, timeoutMs: number, what: string, check: (t: InteractionTranscript) => T | null): Promise<InteractionTranscript> {
    const first = this.transcript(id);
    if (check(first) !== null) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (this.#stopped) {
          finish();
          reject(new Error(`DiscordDouble: stopped while waiting for ${what} of interaction ${id}`));
          return;
        }
        const transcript = this.transcript(id);
        if (check(transcript) !== null) {
          finish();
          resolve(transcript);
        }
      };
      const timer = setTimeout(() => {
        finish();
        const state = this.#byId.get(id);
        const attempts = state?.attempts.length ? `; rejected callbacks: ${state.attempts.join(', ')}` : '';
        reject(new Error(`DiscordDouble: no ${what} for interaction ${id} within ${timeoutMs} ms${attempts}; transcript: ${JSON.stringify(this.transcript(id))}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
      };
      this.#listeners.add(listener);
    });
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** Rejects every pending wait. */
  stop(): void {
    this.#stopped = true;
    this.#notify();
  }
}
