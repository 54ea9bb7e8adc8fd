/**
 * Discord's side of HTTP interactions (interactions/overview, "Receiving an interaction"): the
 * application's key pair, each interaction POSTed to the Interactions Endpoint URL signed with
 * Ed25519 over `X-Signature-Timestamp` + body, and the endpoint's answer read back as the
 * interaction's first response. Requests can also be sent forged, unsigned, stale or replayed.
 *
 * Ordering: what the bot sends through REST after answering the HTTP request (the edit of a
 * deferred answer, a follow-up) reaches Discord after that answer. On 127.0.0.1 both are on one
 * event loop with no network between them, so a REST request carrying the interaction's token
 * waits until the HTTP answer of that interaction has been read ({@link HttpInteractions.settled}).
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'node:http';

/** How a request to the endpoint is signed. */
export type Signing = 'valid' | 'forged' | 'missing';

/** Options of one raw POST to the endpoint. */
export interface EndpointPostOptions {
  /** Default `valid`: signed with the application's private key. `forged`: signed with another key. */
  readonly signing?: Signing;
  /** `X-Signature-Timestamp` (Unix seconds as a string); default now. */
  readonly timestamp?: string;
  /** Extra headers (a lying `content-length`, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The endpoint's answer to one POST. */
export interface EndpointExchange {
  /** The interaction's id, when the body was one the double sent. */
  readonly interactionId: string | null;
  readonly status: number;
  readonly contentType: string | null;
  /** Parsed JSON, or undefined. */
  readonly body: unknown;
  /** From the POST to the end of the answer. */
  readonly afterMs: number;
}

/** How long a REST request may wait for the HTTP answer of its interaction. */
const SETTLE_WAIT_MS = 5_000;

function hexOfPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url').toString('hex');
}

/** The double's sender of signed interactions. */
export class HttpInteractions {
  /** The application's public key, 64 hex digits: what the developer portal shows, and `verify_key`. */
  readonly publicKey: string;
  readonly #privateKey: KeyObject;
  readonly #forger: KeyObject;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 512 });
  readonly #exchanges: EndpointExchange[] = [];
  readonly #unsettled = new Map<string, Promise<void>>();
  #url: string | null = null;

  constructor() {
    const pair = generateKeyPairSync('ed25519');
    this.publicKey = hexOfPublicKey(pair.publicKey);
    this.#privateKey = pair.privateKey;
    this.#forger = generateKeyPairSync('ed25519').privateKey;
  }

  /** Where interactions are POSTed; null: they go through the gateway. */
  get url(): string | null {
    return this.#url;
  }

  set url(url: string | null) {
    this.#url = url;
  }

  /** Every answer of the endpoint, in order. */
  get exchanges(): readonly EndpointExchange[] {
    return [...this.#exchanges];
  }

  /** Signs `timestamp + body` as Discord does (hex). */
  signature(timestamp: string, body: Uint8Array, key: KeyObject = this.#privateKey): string {
    return sign(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key).toString('hex');
  }

  /** POSTs raw bytes to the endpoint, signed as `options` says, and reads the answer. */
  async post(body: Uint8Array | string, options: EndpointPostOptions = {}, interactionId: string | null = null): Promise<EndpointExchange> {
    const url = this.#url;
    if (url === null) throw new Error('DiscordDouble: no interactions endpoint set (double.useInteractionsEndpoint(url))');
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1_000));
    const signing = options.signing ?? 'valid';
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(bytes.length),
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'x-signature-timestamp': timestamp,
      ...(signing === 'missing' ? {} : { 'x-signature-ed25519': this.signature(timestamp, bytes, signing === 'forged' ? this.#forger : this.#privateKey) }),
      ...options.headers,
    };
    const startedAt = performance.now();
    const { status, contentType, text } = await new Promise<{ status: number; contentType: string | null; text: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers, agent: this.#agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? null, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(bytes);
    });
    let parsed: unknown;
    try {
      parsed = text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      parsed = undefined;
    }
    const exchange: EndpointExchange = { interactionId, status, contentType, body: parsed, afterMs: performance.now() - startedAt };
    this.#exchanges.push(exchange);
    return exchange;
  }

  /**
   * Sends an interaction the double registered: signed, POSTed, and its answer given to `accept`
   * (which records it as the first response) before any REST request with its token is served.
   */
  deliver(payload: { id: string; token: string }, accept: (exchange: EndpointExchange) => void): Promise<EndpointExchange> {
    const sent = this.post(JSON.stringify(payload), {}, payload.id).then((exchange) => {
      accept(exchange);
      return exchange;
    });
    const settled = sent.then(
      () => undefined,
      () => undefined,
    );
    this.#unsettled.set(payload.token, settled);
    void settled.then(() => this.#unsettled.delete(payload.token));
    return sent;
  }

  /** Resolves once the HTTP answer of the interaction with this token was read (at once if none is awaited). */
  settled(token: string): Promise<void> {
    const pending = this.#unsettled.get(token);
    if (pending === undefined) return Promise.resolve();
    return Promise.race([pending, new Promise<void>((resolve) => setTimeout(resolve, SETTLE_WAIT_MS).unref())]);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#agent.destroy();
  }
}
