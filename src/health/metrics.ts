/**
 * What the bot counts for operators, in Prometheus terms (prom-client): commands served by name
 * and outcome, how long they took, gateway reconnects, cooldown refusals. One registry per bot, so
 * tests and shards never share counters by accident.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Outcomes of one interaction, as counted: answered with evidence (`ok`) or without
 * (`no-evidence`), refused as a user error or by the cooldown, lost to Discord (10062/40060:
 * `discord-error`), or failed on our side (`error`).
 */
export type Outcome = 'ok' | 'no-evidence' | 'user-error' | 'cooldown' | 'discord-error' | 'error';

/** The bot's metrics and the registry that exposes them. */
export interface Metrics {
  readonly registry: Registry;
  readonly commands: Counter<'command' | 'outcome'>;
  readonly latency: Histogram<'command'>;
  readonly reconnects: Counter;
  readonly cooldownRefusals: Counter;
}

/** Creates the metrics on a fresh registry (plus Node's default process metrics). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'recoupe_' });
  return {
    registry,
    commands: new Counter({ name: 'recoupe_commands_total', help: 'Commands served, by command and outcome.', labelNames: ['command', 'outcome'], registers: [registry] }),
    latency: new Histogram({
      name: 'recoupe_command_duration_seconds',
      help: 'Time from receiving an interaction to its answer being sent.',
      labelNames: ['command'],
      // Discord's 3 s acknowledgement deadline sits between the last two buckets.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    reconnects: new Counter({ name: 'recoupe_gateway_reconnects_total', help: 'Gateway reconnections after a recoverable close (each ends in a resume or a new session).', registers: [registry] }),
    cooldownRefusals: new Counter({ name: 'recoupe_cooldown_refusals_total', help: 'Commands refused by the per-user cooldown.', registers: [registry] }),
  };
}
