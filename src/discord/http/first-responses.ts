/**
 * Where the first response of an interaction received over HTTP goes: into the body of Discord's
 * POST, not to the REST callback route. The bot answers through discord.js as it does on the
 * gateway (reply, deferReply, update, showModal, respond: `respond.ts`), and
 * discord.js sends each as `POST /interactions/{id}/{token}/callback`; this is the REST client's
 * `makeRequest` (a public option of `@discordjs/rest`), which takes that request for an
 * interaction whose HTTP exchange is open and hands its body to the endpoint instead. Every other
 * request goes to Discord's REST API unchanged.
 *
 * A first response with files (an export, the timeline's picture) is multipart, which an HTTP
 * response to Discord cannot be: the interaction is then deferred in the HTTP response (type 5,
 * or 6 for a button's update) and the message, files included, is put in its place through the
 * webhook route, as any deferred answer is completed.
 */
import { DefaultRestOptions, InteractionResponseType, MessageFlags, type ResponseLike } from 'discord.js';

/** The body of the HTTP response Discord gets: the first response, as JSON. */
export interface FirstResponse {
  readonly json: string;
}

type RequestInit = Parameters<typeof DefaultRestOptions.makeRequest>[1];
type MakeRequest = typeof DefaultRestOptions.makeRequest;

interface Waiting {
  readonly applicationId: string;
  readonly resolve: (response: FirstResponse) => void;
  /** Resolved once the HTTP response has been written out. */
  readonly written: Promise<void>;
}

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback$/u;

/** A REST answer of our own, in the shape `@discordjs/rest` reads. */
function noContent(): ResponseLike {
  return new Response(null, { status: 204 }) as unknown as ResponseLike;
}

/** The open HTTP exchanges, and the `makeRequest` that answers them. */
export class FirstResponses {
  readonly #waiting = new Map<string, Waiting>();
  readonly #api: string;
  readonly #send: MakeRequest;

  /** `api`: the REST base, as `rest.api` (`https://discord.com/api`); `send`: how other requests go (default: `@discordjs/rest`'s own). */
  constructor(api: string, send: MakeRequest = DefaultRestOptions.makeRequest) {
    this.#api = api.replace(/\/+$/u, '');
    this.#send = send;
  }

  /**
   * Opens the exchange of interaction `id`: the returned promise resolves with the bot's first
   * response. `written` resolves when the endpoint has sent it, so that nothing the bot sends
   * next (an edit, a follow-up) can reach Discord before its first response.
   */
  open(id: string, applicationId: string, written: Promise<void>): Promise<FirstResponse> {
    return new Promise((resolve) => this.#waiting.set(id, { applicationId, resolve, written }));
  }

  /** Closes an exchange without a response (the endpoint gave up on it); a later callback goes to Discord's REST route. */
  close(id: string): void {
    this.#waiting.delete(id);
  }

  /** Exchanges open now. */
  get pending(): number {
    return this.#waiting.size;
  }

  /** The REST client's `makeRequest`. */
  readonly makeRequest: MakeRequest = async (url: string, init: RequestInit): Promise<ResponseLike> => {
    const id = CALLBACK_PATH.exec(new URL(url).pathname)?.[1];
    const waiting = id === undefined ? undefined : this.#waiting.get(id);
    if (id === undefined || waiting === undefined || init.method?.toUpperCase() !== 'POST') return this.#send(url, init);
    this.#waiting.delete(id);
    const token = new URL(url).pathname.split('/').at(-2) ?? '';
    const body: unknown = init.body;
    if (typeof body === 'string') {
      waiting.resolve({ json: body });
      await waiting.written;
      return noContent();
    }
    if (isFormData(body)) return this.#deferThenEdit(body, waiting, token, init);
    throw new Error('recoupe: a first response that is neither JSON nor multipart');
  };

  /** A multipart first response: deferred in the HTTP response, then the message with its files through the webhook route. */
  async #deferThenEdit(form: FormData, waiting: Waiting, token: string, init: RequestInit): Promise<ResponseLike> {
    const payload = JSON.parse(String(form.get('payload_json') ?? '{}')) as { type?: number; data?: { flags?: number } };
    const deferred =
      payload.type === InteractionResponseType.UpdateMessage
        ? { type: InteractionResponseType.DeferredMessageUpdate }
        : { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: (payload.data?.flags ?? 0) & MessageFlags.Ephemeral } };
    waiting.resolve({ json: JSON.stringify(deferred) });
    await waiting.written;
    const edit = new FormData();
    // An edit cannot change ephemerality, which the deferral fixed; the other flags stay.
    const { flags = 0, ...data } = payload.data ?? {};
    const kept = flags & ~MessageFlags.Ephemeral;
    edit.append('payload_json', JSON.stringify(kept === 0 ? data : { ...data, flags: kept }));
    for (const [key, value] of form.entries()) if (key !== 'payload_json') edit.append(key, value);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).filter(([name]) => !/^(content-type|authorization)$/iu.test(name)));
    const url = `${this.#api}/v${DefaultRestOptions.version}/webhooks/${waiting.applicationId}/${token}/messages/%40original`;
    const response = await this.#send(url, { ...init, method: 'PATCH', body: edit, headers });
    // discord.js reads a callback's answer: a failed edit is reported as the callback's failure.
    return response.ok ? noContent() : response;
  }
}

function isFormData(body: unknown): body is FormData {
  return typeof body === 'object' && body !== null && typeof (body as FormData).entries === 'function' && typeof (body as FormData).get === 'function';
}
