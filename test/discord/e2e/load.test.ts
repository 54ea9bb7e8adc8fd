/**
 * Load, end to end: 300 interactions of every kind injected within one second through the double
 * into the real bot (`src/entry/main.ts` in its own process, cooldown at its defaults, 100 users). Each
 * one must be acknowledged within Discord's 3 seconds (the double itself refuses a later first
 * response with 10062) and answered; the same through the HTTP interactions mode, two
 * `src/entry/http.ts` processes behind a round-robin proxy. Only completion and that bound are asserted; the figures
 * (ack p50/p99, peak memory) are printed here and by `npm run bench:load`.
 */
import { describe, expect, it } from 'vitest';
import { runInteractionLoad } from '../../../bench/lib/interaction-load.js';
import { INTERACTION } from '../../../src/discord/limits.js';

describe('GIVEN a burst of 300 interactions within one second', () => {
  it('THEN every one is acknowledged within 3 s and answered, with every request valid', async () => {
    const r = await runInteractionLoad({ count: 300, spreadMs: 950, users: 100 });
    console.info(
      `load: ${r.count} interactions over ${r.injectedOverMs.toFixed(0)} ms; ack p50 ${r.ackP50Ms.toFixed(1)} ms, p99 ${r.ackP99Ms.toFixed(1)} ms; ` +
        `${r.deferred} deferred first; peak RSS ${r.peakRssBytes === undefined ? 'n/a' : `${(r.peakRssBytes / 1024 / 1024).toFixed(1)} MiB`}`,
    );
    expect(r.acknowledged).toBe(300);
    expect(r.ackMaxMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
    expect(r.answered).toBe(300);
    expect(r.cooldownNotices).toBe(0);
    expect(r.violations).toBe(0);
  }, 120_000);

  it('THEN through the HTTP interactions mode, two processes behind a round-robin proxy, every one is acknowledged within 3 s and answered', async () => {
    const r = await runInteractionLoad({ count: 300, spreadMs: 950, users: 100, mode: 'http', processes: 2 });
    console.info(`load (HTTP, 2 processes): ack p50 ${r.ackP50Ms.toFixed(1)} ms, p99 ${r.ackP99Ms.toFixed(1)} ms; per process ${r.perProcess?.join(' / ') ?? '?'}`);
    expect(r.acknowledged).toBe(300);
    expect(r.ackMaxMs).toBeLessThan(INTERACTION.ACK_DEADLINE_MS);
    expect(r.answered).toBe(300);
    // Any request may reach any process: the proxy alternated, and both answered.
    expect(r.perProcess).toEqual([150, 150]);
    expect(r.violations).toBe(0);
  }, 180_000);
});
