/**
 * What operators see of the bot besides its logs: every interaction counted by command and
 * outcome with its latency, gateway reconnections, and, when `HEALTH_PORT` is set, the health
 * endpoint on 127.0.0.1. Labels only take values from our own definitions, so a stale
 * registration or a forged custom id cannot grow the metrics without bound.
 *
 * The adapter says what it counts and what `/healthz` reports ({@link BotMetrics},
 * {@link StartHealth}); the Prometheus registry and the HTTP server are `src/health/`'s, wired in
 * by the entry point (`src/entry/bot-health.ts`), so that no surface imports another.
 */
import { Events, Status, type Client, type Interaction } from 'discord.js';
import type { Engine } from '../answers/engine.js';
import type { Outcome } from './error-boundary.js';
import { contextMenuNamed, slashNamed } from './commands.js';
import { decodeButton } from './custom-id.js';
import { decodeModerationButton, decodeModerationModal } from './moderation/custom-ids.js';
import { isModeratorCommand, moderatorAction } from './moderation/definitions.js';
import type { Logger } from './logger.js';

/**
 * Outcomes of one interaction, as counted: answered with evidence (`ok`) or without
 * (`no-evidence`), refused as a user error or by the cooldown, lost to Discord (10062/40060:
 * `discord-error`), or failed on our side (`error`).
 */
export type CountedOutcome = 'ok' | 'no-evidence' | 'user-error' | 'cooldown' | 'discord-error' | 'error';

/** What the bot counts; `src/health/metrics.ts` gives Prometheus counters of this shape. */
export interface BotMetrics {
  readonly commands: { inc(labels: { command: string; outcome: CountedOutcome }): void };
  /** Seconds from receiving an interaction to its answer being sent. */
  readonly latency: { observe(labels: { command: string }, seconds: number): void };
  readonly reconnects: { inc(): void };
  readonly cooldownRefusals: { inc(): void };
}

/** Counters that count nothing, for a bot started without metrics (tests of other things). */
export const UNCOUNTED: BotMetrics = { commands: { inc() {} }, latency: { observe() {} }, reconnects: { inc() {} }, cooldownRefusals: { inc() {} } };

/** What `/healthz` reports: healthy when both hold. */
export interface BotHealth {
  /**
   * Discord can reach the bot: every shard of the client has a live gateway session, or, in the
   * HTTP interactions mode (which has no gateway), the interactions endpoint listens.
   */
  readonly gateway: boolean;
  /** The index holds paragraphs. */
  readonly index: boolean;
}

/** A running health endpoint. */
export interface HealthEndpoint {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a health endpoint on 127.0.0.1 at `port` (0: any free one) reporting `status`; resolves once it listens. */
export type StartHealth = (port: number, status: () => BotHealth) => Promise<HealthEndpoint>;

/** `article:add`, `source:list`… for a moderator command, from our definitions only. */
function moderatorLabel(commandName: string, subcommand: string | null): string {
  const action = moderatorAction(commandName, subcommand);
  return action ? `${action.command}:${action.subcommand}` : 'unknown';
}

/**
 * The `command` label of an interaction: `ask`, `autocomplete:ask`, `context:cite-sources`, `context:check-claim`,
 * `button:more`, `article:add`, `button:publish`, `modal:paste`…, or `unknown`.
 */
export function commandLabel(i: Interaction): string {
  if (i.isAutocomplete()) return `autocomplete:${isModeratorCommand(i.commandName) ? moderatorLabel(i.commandName, i.options.getSubcommand(false)) : (slashNamed(i.commandName) ?? 'unknown')}`;
  if (i.isChatInputCommand()) return isModeratorCommand(i.commandName) ? moderatorLabel(i.commandName, i.options.getSubcommand(false)) : (slashNamed(i.commandName) ?? 'unknown');
  if (i.isMessageContextMenuCommand()) return contextMenuNamed(i.commandName)?.label ?? 'unknown';
  if (i.isButton()) return `button:${decodeButton(i.customId)?.kind ?? decodeModerationButton(i.customId)?.kind ?? 'unknown'}`;
  if (i.isModalSubmit()) return `modal:${decodeModerationModal(i.customId)?.kind ?? 'unknown'}`;
  return 'unknown';
}

/** The `outcome` label: how the interaction ended, with answers split by whether they found evidence. */
export function outcomeLabel(outcome: Outcome, noEvidence: boolean): CountedOutcome {
  if (outcome === 'answered' || outcome === 'deferred') return noEvidence ? 'no-evidence' : 'ok';
  return outcome;
}

/** Counts one finished interaction. */
export function countInteraction(metrics: BotMetrics, i: Interaction, outcome: Outcome, noEvidence: boolean, durationMs: number): void {
  const command = commandLabel(i);
  metrics.commands.inc({ command, outcome: outcomeLabel(outcome, noEvidence) });
  metrics.latency.observe({ command }, durationMs / 1_000);
  if (outcome === 'cooldown') metrics.cooldownRefusals.inc();
}

/** Whether every shard of the client has a live gateway session (READY or RESUMED, not reconnecting). */
export function gatewayReady(client: Client): boolean {
  return client.ws.shards.size > 0 && client.ws.shards.every((s) => s.status === Status.Ready);
}

/**
 * Counts gateway reconnections and logs them. discord.js emits `shardReconnecting` for every
 * recoverable close (1006, 4000, 4009, op 7, op 9…) before it resumes or identifies again;
 * fatal closes (4004…) emit `shardDisconnect` instead, handled by `bot.ts`.
 */
export function watchGateway(client: Client, metrics: BotMetrics, log: Logger): void {
  client.on(Events.ShardReconnecting, (shard) => {
    metrics.reconnects.inc();
    log.warn({ shard }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway session resumed'));
}

/**
 * Starts the health endpoint on 127.0.0.1 when a port is configured (0: any free port, logged).
 * `/healthz` is healthy when `status` says Discord can reach the bot (the gateway bot: every
 * shard connected; the HTTP mode: its endpoint listening) and the index holds paragraphs.
 */
export async function startHealth(port: number | undefined, start: StartHealth | undefined, status: () => BotHealth, log: Logger): Promise<HealthEndpoint | undefined> {
  if (port === undefined) return undefined;
  // A wiring mistake, not an operator's: every entry point that reads HEALTH_PORT passes `health`.
  if (!start) throw new Error('recoupe: HEALTH_PORT is set but the bot was started without a health endpoint');
  const server = await start(port, status);
  log.info({ port: server.port }, 'health endpoint listening on 127.0.0.1');
  return server;
}

/** What the gateway bot reports: its shards' sessions, and whether the index holds paragraphs. */
export function gatewayHealth(client: Client, engine: Engine): () => BotHealth {
  return () => ({ gateway: gatewayReady(client), index: engine.kb.index.docs.length > 0 });
}
