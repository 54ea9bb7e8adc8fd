/**
 * The health module wired into the Discord bot: Prometheus metrics on a fresh registry, and the
 * endpoint on 127.0.0.1 serving them with `/healthz`. Here, in the entry points' folder, because
 * the bot and `src/health/` are two surfaces that do not import each other; `main.ts` and the
 * end-to-end tests start the bot with this same wiring.
 */
import type { BotOptions } from '../discord/bot.js';
import { createMetrics, type Metrics } from '../health/metrics.js';
import { startHealthServer } from '../health/server.js';

/** What to pass to `startBot`, and the metrics themselves (their registry is what `/metrics` shows). */
export interface BotHealthWiring extends Required<Pick<BotOptions, 'metrics' | 'health'>> {
  readonly metrics: Metrics;
}

/** Fresh metrics, and a health endpoint that serves them. */
export function botHealth(): BotHealthWiring {
  const metrics = createMetrics();
  return { metrics, health: (port, status) => startHealthServer({ port, registry: metrics.registry, status }) };
}
