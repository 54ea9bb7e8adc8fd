/**
 * The gateway side of the double: enough of the v10 protocol (events/gateway) for discord.js 14
 * (`@discordjs/ws`) to log in, stay connected, resume and receive dispatches.
 *
 * - connect with `?v=10&encoding=json`; no `compress` (4012 wrong version, 4002 otherwise);
 * - HELLO → IDENTIFY (token 4004, shard 4010, intents 4013/4014) → READY (`guilds` unavailable)
 *   then one GUILD_CREATE per guild of that shard (with the Guilds intent);
 * - heartbeat → HEARTBEAT_ACK; more than 120 payloads a minute → 4008;
 * - RESUME → replays the session's events after `seq`, then RESUMED; an unknown session gets
 *   INVALID_SESSION (op 9, `d: false`);
 * - a payload before IDENTIFY → 4003, a second IDENTIFY → 4005, an unknown opcode → 4001.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import type { APIUser, GatewayGuildCreateDispatchData } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { API_VERSION, GATEWAY } from './constants.js';
import { readyFixture } from './fixtures.js';
import { randomToken, shardForGuild } from './snowflake.js';
import type { GatewayConnectionInfo, ViolationIssue } from './types.js';

const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((value): value is number => typeof value === 'number')
  .reduce((all, bit) => all | bit, 0);
const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const PAYLOADS_PER_MINUTE = 120;

interface SentEvent {
  readonly s: number;
  readonly t: string;
  readonly d: unknown;
}

interface Session {
  readonly id: string;
  readonly shard: readonly [number, number];
  readonly intents: number;
  seq: number;
  readonly events: SentEvent[];
  connection: Connection | null;
}

interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly openedAt: number;
  session: Session | null;
  identified: boolean;
  resumed: boolean;
  /** READY (and GUILD_CREATEs) or RESUMED sent: dispatches may flow. */
  ready: boolean;
  open: boolean;
  heartbeats: number;
  closeCode: number | null;
  payloadTimes: number[];
}

/** What the gateway needs from the double. */
export interface GatewayContext {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly GatewayGuildCreateDispatchData[];
  readonly heartbeatIntervalMs: number;
  readonly privilegedIntents: number;
  /** Spends one session start; called on each IDENTIFY. */
  readonly onIdentify: () => void;
  readonly violation: (op: string, issue: ViolationIssue) => void;
  readonly now: () => number;
  readonly startedAt: number;
  readonly log: (line: string) => void;
}

/** The gateway WebSocket server, attached to the double's HTTP server. */
export class Gateway {
  readonly #context: GatewayContext;
  readonly #wss: WebSocketServer;
  readonly #connections: Connection[] = [];
  readonly #sessions = new Map<string, Session>();
  readonly #events = new EventEmitter();
  #baseUrl = '';
  #identifyCount = 0;
  #resumeCount = 0;
  #stopped = false;

  constructor(context: GatewayContext, server: Server) {
    this.#context = context;
    this.#events.setMaxListeners(0);
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (ws, req) => this.#onConnection(ws, req));
  }

  /** Sets the public `ws://127.0.0.1:PORT` once the server listens. */
  setBaseUrl(url: string): void {
    this.#baseUrl = url;
  }

  get identifyCount(): number {
    return this.#identifyCount;
  }

  get resumeCount(): number {
    return this.#resumeCount;
  }

  /** Snapshots of every connection so far. */
  get connections(): GatewayConnectionInfo[] {
    return this.#connections.map((c) => ({
      id: c.id,
      path: c.path,
      query: { ...c.query },
      shard: c.session === null ? null : c.session.shard,
      sessionId: c.session?.id ?? null,
      identified: c.identified,
      resumed: c.resumed,
      open: c.open,
      heartbeats: c.heartbeats,
      intents: c.session?.intents ?? null,
      closeCode: c.closeCode,
      openedAtMs: c.openedAt - this.#context.startedAt,
    }));
  }

  /**
   * Waits until a connection that may receive dispatches for `guildId` (or of `shard`) is ready,
   * and returns its shard id.
   */
  async waitForOwner(guildId: string | null, shard: number | undefined, timeoutMs: number): Promise<number> {
    const find = () =>
      this.#connections.find((c) => {
        if (!c.open || !c.ready || c.session === null) return false;
        const [id, count] = c.session.shard;
        if (shard !== undefined) return id === shard;
        return guildId === null ? id === 0 : shardForGuild(guildId, count) === id;
      });
    const deadline = this.#context.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found?.session) return found.session.shard[0];
      const left = deadline - this.#context.now();
      if (left <= 0) {
        const target = shard !== undefined ? `shard ${shard}` : guildId === null ? 'shard 0 (DM)' : `guild ${guildId}`;
        throw new Error(`DiscordDouble: no READY gateway connection for ${target} within ${timeoutMs} ms (connections: ${JSON.stringify(this.connections)})`);
      }
      if (this.#stopped) throw new Error('DiscordDouble: stopped');
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#events.off('ready', done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.#events.once('ready', done);
      });
    }
  }

  /** Sends a DISPATCH on the ready connection of `shard`; false if there is none. */
  dispatch(shard: number, t: string, d: unknown): boolean {
    const connection = this.#connections.find((c) => c.open && c.ready && c.session?.shard[0] === shard);
    if (connection?.session == null) return false;
    this.#dispatch(connection.session, t, d);
    return true;
  }

  /** Closes open connections with `code` (1006: drop the TCP connection without a close frame). */
  async close(code: number, shard: number | undefined, reason = ''): Promise<void> {
    const targets = this.#connections.filter((c) => c.open && (shard === undefined || c.session?.shard[0] === shard));
    if (targets.length === 0) throw new Error(`DiscordDouble: no open gateway connection${shard === undefined ? '' : ` for shard ${shard}`}`);
    await Promise.all(
      targets.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.ws.once('close', () => resolve());
            this.#context.log(`gateway: closing connection ${c.id} with ${code}`);
            if (code === 1006) c.ws.terminate();
            else c.ws.close(code, reason);
          }),
      ),
    );
  }

  /** Sends op 7 RECONNECT (the client should reconnect and resume). */
  requestReconnect(shard: number | undefined): void {
    for (const c of this.#openConnections(shard)) this.#send(c, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Sends op 9 INVALID_SESSION; `resumable: false` also forgets the session. */
  invalidateSession(shard: number | undefined, resumable: boolean): void {
    for (const c of this.#openConnections(shard)) {
      if (!resumable && c.session) this.#sessions.delete(c.session.id);
      // discord.js answers `d: true` with a RESUME on the same socket, `d: false` by reconnecting.
      c.ready = false;
      c.identified = false;
      this.#send(c, { op: GatewayOpcodes.InvalidSession, d: resumable });
    }
  }

  /** Terminates every connection and stops accepting new ones. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const c of this.#connections) if (c.open) c.ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#events.emit('ready');
  }

  #openConnections(shard: number | undefined): Connection[] {
    return this.#connections.filter((c) => c.open && (shard === undefined || c.session?.shard[0] === shard));
  }

  #onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const connection: Connection = {
      id: this.#connections.length,
      ws,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      openedAt: this.#context.now(),
      session: null,
      identified: false,
      resumed: false,
      ready: false,
      open: true,
      heartbeats: 0,
      closeCode: null,
      payloadTimes: [],
    };
    this.#connections.push(connection);
    this.#context.log(`gateway: connection ${connection.id} to ${req.url ?? '/'}`);
    ws.on('close', (code) => {
      connection.open = false;
      connection.ready = false;
      connection.closeCode ??= code;
      if (connection.session?.connection === connection) connection.session.connection = null;
      this.#context.log(`gateway: connection ${connection.id} closed (${code})`);
    });
    ws.on('error', (error) => this.#context.log(`gateway: connection ${connection.id} error ${error.message}`));
    ws.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));

    const { v, encoding, compress } = connection.query;
    if (v !== String(API_VERSION)) return this.#fail(connection, 4012, `Invalid API version: v=${String(v)}`, 'connect');
    if (encoding !== 'json') return this.#fail(connection, 4002, `The double only speaks encoding=json (got ${String(encoding)})`, 'connect');
    if (compress !== undefined) return this.#fail(connection, 4002, `The double does not compress (got compress=${compress})`, 'connect');
    this.#send(connection, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#context.heartbeatIntervalMs } });
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    if (!connection.open) return;
    const now = this.#context.now();
    connection.payloadTimes = connection.payloadTimes.filter((t) => now - t < 60_000);
    connection.payloadTimes.push(now);
    if (connection.payloadTimes.length > PAYLOADS_PER_MINUTE) return this.#fail(connection, 4008, 'Rate limited', 'any');
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      return this.#fail(connection, 4002, 'Decode error: not a JSON text frame', '?');
    }
    const op = payload.op;
    const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        connection.heartbeats += 1;
        this.#send(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.#identify(connection, d);
      case GatewayOpcodes.Resume:
        return this.#resume(connection, d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.identified) return this.#fail(connection, 4003, 'Not authenticated', String(op));
        return;
      default:
        return this.#fail(connection, 4001, `Unknown opcode ${JSON.stringify(op)}`, String(op));
    }
  }

  #identify(connection: Connection, d: Record<string, unknown>): void {
    if (connection.identified) return this.#fail(connection, 4005, 'Already authenticated', '2');
    this.#identifyCount += 1;
    if (d.token !== this.#context.token) return this.#fail(connection, 4004, 'Authentication failed', '2');
    const shard = d.shard ?? [0, 1];
    if (
      !Array.isArray(shard) ||
      shard.length !== 2 ||
      !shard.every((n) => Number.isInteger(n)) ||
      (shard[0] as number) < 0 ||
      (shard[0] as number) >= (shard[1] as number)
    ) {
      return this.#fail(connection, 4010, `Invalid shard ${JSON.stringify(shard)}`, '2');
    }
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || (intents & ~ALL_INTENTS) !== 0) {
      return this.#fail(connection, 4013, `Invalid intents ${JSON.stringify(intents)}`, '2');
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.#context.privilegedIntents) !== 0) {
      return this.#fail(connection, 4014, 'Disallowed intents (privileged intents not enabled for this bot)', '2');
    }
    this.#context.onIdentify();
    const [shardId, shardCount] = shard as [number, number];
    const session: Session = { id: randomToken(16), shard: [shardId, shardCount], intents, seq: 0, events: [], connection };
    this.#sessions.set(session.id, session);
    connection.session = session;
    connection.identified = true;
    const owned = this.#context.guilds.filter((g) => shardForGuild(g.id, shardCount) === shardId);
    this.#dispatch(
      session,
      GatewayDispatchEvents.Ready,
      readyFixture({
        botUser: this.#context.botUser,
        applicationId: this.#context.applicationId,
        guildIds: owned.map((g) => g.id),
        sessionId: session.id,
        resumeGatewayUrl: `${this.#baseUrl}/resume`,
        shard: session.shard,
      }),
    );
    if ((intents & GatewayIntentBits.Guilds) !== 0) {
      for (const guild of owned) this.#dispatch(session, GatewayDispatchEvents.GuildCreate, structuredClone(guild));
    }
    connection.ready = true;
    this.#context.log(`gateway: connection ${connection.id} identified as shard [${shardId}, ${shardCount}]`);
    this.#events.emit('ready');
  }

  #resume(connection: Connection, d: Record<string, unknown>): void {
    if (connection.identified) return this.#fail(connection, 4005, 'Already authenticated', '6');
    if (d.token !== this.#context.token) return this.#fail(connection, 4004, 'Authentication failed', '6');
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (session === undefined || seq > session.seq) {
      this.#context.log(`gateway: connection ${connection.id} resume refused (session ${String(d.session_id)}, seq ${seq})`);
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (session.connection !== null && session.connection !== connection && session.connection.open) {
      session.connection.ws.terminate();
    }
    this.#resumeCount += 1;
    session.connection = connection;
    connection.session = session;
    connection.identified = true;
    connection.resumed = true;
    for (const event of session.events.filter((e) => e.s > seq)) {
      this.#send(connection, { op: GatewayOpcodes.Dispatch, t: event.t, s: event.s, d: event.d });
    }
    this.#dispatch(session, GatewayDispatchEvents.Resumed, null);
    connection.ready = true;
    this.#context.log(`gateway: connection ${connection.id} resumed session of shard [${session.shard.join(', ')}] after seq ${seq}`);
    this.#events.emit('ready');
  }

  #dispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event: SentEvent = { s: session.seq, t, d };
    session.events.push(event);
    if (session.events.length > GATEWAY.REPLAY_BUFFER) session.events.shift();
    if (session.connection?.open) this.#send(session.connection, { op: GatewayOpcodes.Dispatch, t, s: event.s, d });
  }

  #send(connection: Connection, payload: { op: number; d?: unknown; t?: string; s?: number }): void {
    connection.ws.send(JSON.stringify({ op: payload.op, d: payload.d ?? null, s: payload.s ?? null, t: payload.t ?? null }));
  }

  #fail(connection: Connection, code: number, reason: string, op: string): void {
    this.#context.violation(`op ${op}`, { path: '', code: `GATEWAY_${code}`, message: reason });
    this.#context.log(`gateway: closing connection ${connection.id} with ${code}: ${reason}`);
    connection.closeCode = code;
    connection.ws.close(code, reason.slice(0, 120));
  }
}
