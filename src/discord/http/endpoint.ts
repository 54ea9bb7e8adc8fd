/**
 * The interactions endpoint: `POST /interactions`, as Discord calls the application's
 * Interactions Endpoint URL. For every request, in this order: size (413 past
 * {@link OURS.HTTP_BODY_MAX_BYTES}), Ed25519 signature over timestamp + raw body (401), JSON and the
 * fields every interaction has (400), freshness (401 for an old timestamp or an id already taken),
 * then PING → PONG, or the interaction handed to the bot and its first response sent back as
 * this request's answer, within Discord's 3 seconds. `GET /healthz` says whether the index is
 * loaded, for a load balancer's checks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { HTTP_INTERACTION, INTERACTION, OURS } from '../limits.js';
import type { Logger } from '../logger.js';
import type { FirstResponses } from './first-responses.js';
import type { ReplayGuard } from './replay-guard.js';
import type { SignatureCheck } from './signature.js';

/** The fields the endpoint reads itself; the rest is discord.js's to read. */
const interactionFields = z.looseObject({
  id: z.string().regex(/^\d{1,20}$/u),
  application_id: z.string().regex(/^\d{1,20}$/u),
  type: z.number().int(),
  token: z.string().min(1).max(1_000),
});

/** An interaction as Discord sent it, checked for the fields above. */
export type RawInteraction = z.infer<typeof interactionFields>;

/** Hands an interaction to the bot: its handling, or undefined when the bot does not take this kind. */
export type Dispatch = (interaction: RawInteraction) => Promise<void> | undefined;

/** Options of {@link startEndpoint}. */
export interface EndpointOptions {
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
  readonly checkSignature: SignatureCheck;
  readonly replays: ReplayGuard;
  readonly responses: FirstResponses;
  readonly dispatch: Dispatch;
  /** Whether the bot can answer (the index holds paragraphs). */
  readonly ready: () => boolean;
  readonly log: Logger;
}

/** A listening endpoint. */
export interface Endpoint {
  readonly port: number;
  /** Stops taking connections; the exchanges in progress finish. */
  close(): Promise<void>;
}

/** Why a request was refused, as the log and the response's body say it. */
type Refusal = { status: number; reason: string };

/** Listens; resolves once the port is bound. */
export async function startEndpoint(o: EndpointOptions): Promise<Endpoint> {
  const server: Server = createServer((req, res) => {
    serve(o, req, res).catch((error: unknown) => {
      o.log.error({ err: error }, 'interactions endpoint failed');
      if (!res.headersSent) answer(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  // Discord closes idle connections itself; this bounds a client that sends nothing.
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function serve(o: EndpointOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = performance.now();
  const path = new URL(req.url ?? '/', 'http://endpoint').pathname;
  if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    const ready = o.ready();
    answer(res, ready ? 200 : 503, { status: ready ? 'ok' : 'starting', index: ready });
    return;
  }
  if (path !== '/interactions') return answer(res, 404, { error: 'not found' });
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return answer(res, 405, { error: 'POST only' });
  }
  const body = await readCapped(req, OURS.HTTP_BODY_MAX_BYTES);
  if (body === 'too-large') {
    res.setHeader('connection', 'close');
    res.once('finish', () => req.destroy());
    return refuse(o, res, { status: 413, reason: 'body too large' }, req);
  }
  const signature = header(req, HTTP_INTERACTION.SIGNATURE_HEADER);
  const timestamp = header(req, HTTP_INTERACTION.TIMESTAMP_HEADER);
  if (!o.checkSignature(signature, timestamp, body)) return refuse(o, res, { status: HTTP_INTERACTION.UNAUTHORIZED_STATUS, reason: signature === undefined ? 'missing signature' : 'invalid request signature' }, req);
  const parsed = interactionFields.safeParse(parseJson(body));
  if (!parsed.success) return refuse(o, res, { status: 400, reason: 'not an interaction' }, req);
  const interaction = parsed.data;
  const stale = o.replays.take(timestamp ?? '', interaction.id);
  if (stale !== null) return refuse(o, res, { status: HTTP_INTERACTION.UNAUTHORIZED_STATUS, reason: stale === 'replayed' ? 'interaction already received' : 'timestamp too old or too far ahead' }, req);
  if (interaction.type === HTTP_INTERACTION.PING) return answer(res, 200, { type: HTTP_INTERACTION.PONG });
  await respondFirst(o, interaction, res, receivedAt);
}

/** Hands the interaction to the bot and answers with its first response; 500 if there is none within the deadline. */
async function respondFirst(o: EndpointOptions, interaction: RawInteraction, res: ServerResponse, receivedAt: number): Promise<void> {
  let written!: () => void;
  const sent = new Promise<void>((resolve) => (written = resolve));
  const first = o.responses.open(interaction.id, interaction.application_id, sent);
  let job: Promise<void> | undefined;
  try {
    job = o.dispatch(interaction);
  } finally {
    if (job === undefined) o.responses.close(interaction.id);
  }
  if (job === undefined) {
    written();
    return answer(res, 400, { error: 'interaction type not handled' });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, INTERACTION.ACK_DEADLINE_MS - (performance.now() - receivedAt)))));
  // The handling may end without a first response (a bug, or nothing to say): no need to wait for the deadline then.
  const ended = job.then(() => 'ended' as const, () => 'ended' as const);
  const outcome = await Promise.race([first, late, ended]);
  clearTimeout(timer);
  if (outcome === 'late' || outcome === 'ended') {
    o.responses.close(interaction.id);
    written();
    o.log.warn({ requestId: interaction.id, type: interaction.type, outcome }, 'no first response from the bot');
    return answer(res, 500, { error: 'no response' });
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(outcome.json) });
  res.end(outcome.json, written);
  // A connection that dies before the end is written must not hold the bot's next request forever.
  res.once('close', written);
}

function refuse(o: EndpointOptions, res: ServerResponse, refusal: Refusal, req: IncomingMessage): void {
  // Discord sends a bad signature on purpose when the endpoint URL is saved: expected, not an error.
  o.log.info({ status: refusal.status, reason: refusal.reason, remote: req.socket.remoteAddress }, 'interaction request refused');
  answer(res, refusal.status, { error: refusal.reason });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The request's body, or 'too-large' as soon as it passes `max` bytes (stated or sent). What
 * is left of a body too large is not read: the 413 closes the connection.
 */
function readCapped(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  const stated = Number(req.headers['content-length']);
  if (Number.isFinite(stated) && stated > max) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve('too-large');
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
