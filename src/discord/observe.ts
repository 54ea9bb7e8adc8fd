/**
 * What operators see of the bot besides its logs: every interaction counted by command and
 * outcome with its latency, gateway reconnections, and, when `HEALTH_PORT` is set, the health
 * endpoint on 127.0.0.1 (`src/health/`). Labels only take values from our own definitions, so a
 * stale registration or a forged custom id cannot grow the metrics without bound.
 */
import { Events, Status, type Client, type Interaction } from 'discord.js';
import type { Engine } from '../answers/engine.js';
import type { Metrics, Outcome as CountedOutcome } from '../health/metrics.js';
import { startHealthServer, type HealthServer } from '../health/server.js';
import type { Outcome } from './boundary.js';
import { CONTEXT_MENU, slashNamed } from './commands.js';
import { decodeButton } from './custom-id.js';
import type { Logger } from './logger.js';

/** The `command` label of an interaction: `ask`, `autocomplete:ask`, `context:cite-sources`, `button:more`…, or `unknown`. */
export function commandLabel(i: Interaction): string {
  if (i.isAutocomplete()) return `autocomplete:${slashNamed(i.commandName) ?? 'unknown'}`;
  if (i.isChatInputCommand()) return slashNamed(i.commandName) ?? 'unknown';
  if (i.isMessageContextMenuCommand()) return i.commandName === CONTEXT_MENU.name ? 'context:cite-sources' : 'unknown';
  if (i.isButton()) return `button:${decodeButton(i.customId)?.kind ?? 'unknown'}`;
  return 'unknown';
}

/** The `outcome` label: how the interaction ended, with answers split by whether they found evidence. */
export function outcomeLabel(outcome: Outcome, noEvidence: boolean): CountedOutcome {
  if (outcome === 'answered' || outcome === 'deferred') return noEvidence ? 'no-evidence' : 'ok';
  return outcome;
}

/** Counts one finished interaction. */
export function countInteraction(metrics: Metrics, i: Interaction, outcome: Outcome, noEvidence: boolean, durationMs: number): void {
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
export function watchGateway(client: Client, metrics: Metrics, log: Logger): void {
  client.on(Events.ShardReconnecting, (shard) => {
    metrics.reconnects.inc();
    log.warn({ shard }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway session resumed'));
}

/**
 * Starts the health endpoint on 127.0.0.1 when a port is configured (0: any free port, logged).
 * `/healthz` is healthy when the gateway is connected and the index holds paragraphs.
 */
export async function startHealth(port: number | undefined, client: Client, engine: Engine, metrics: Metrics, log: Logger): Promise<HealthServer | undefined> {
  if (port === undefined) return undefined;
  const server = await startHealthServer({
    port,
    registry: metrics.registry,
    status: () => ({ gateway: gatewayReady(client), index: engine.kb.index.docs.length > 0 }),
  });
  log.info({ port: server.port }, 'health endpoint listening on 127.0.0.1');
  return server;
}
