/**
 * The health endpoint of the real bot, read with real HTTP requests while it runs on the double:
 * `/healthz` follows the gateway, `/metrics` counts the commands served (by name and outcome,
 * with their latency), the cooldown's refusals, and the reconnections after the double drops the
 * gateway (1006).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENTS_V2 } from '../../../src/discord/limits.js';
import { snowflake } from '../double/index.js';
import { containersOf } from '../support.js';
import { final, startHarness, type Harness } from './harness.js';

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await startHarness({ config: { HEALTH_PORT: 0, COOLDOWN_LIMIT: 2, COOLDOWN_WINDOW_SECONDS: 60 } });
  base = `http://127.0.0.1:${h.bot.healthPort}`;
});
afterAll(async () => {
  await h?.close();
});

const metrics = async () => (await fetch(`${base}/metrics`)).text();
const healthz = async () => {
  const response = await fetch(`${base}/healthz`);
  return { status: response.status, body: (await response.json()) as unknown };
};
/** The value of one sample line of `/metrics`, e.g. `recoupe_gateway_reconnects_total`. */
const sample = (text: string, line: string) => Number(text.split('\n').find((l) => l.startsWith(`${line} `))?.slice(line.length + 1) ?? NaN);

describe('GIVEN the bot running with HEALTH_PORT set', () => {
  it('THEN it listens on 127.0.0.1 and /healthz says the gateway is connected and the index loaded', async () => {
    expect(h.bot.healthPort).toBeGreaterThan(0);
    expect(await healthz()).toEqual({ status: 200, body: { status: 'ok', gateway: true, index: true } });
    expect(h.logs.some((l) => l.msg === 'health endpoint listening on 127.0.0.1' && l.port === h.bot.healthPort)).toBe(true);
  });

  it('WHEN commands are served THEN /metrics counts them by name and outcome, with their latency', async () => {
    const user = { id: snowflake(), username: 'metrics' };
    const asked = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'ask', options: { question: 'sapeurs' }, user }));
    await asked.waitForMessage();
    const nothing = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'cite', options: { query: 'zzzz introuvable' }, user }));
    await nothing.waitForMessage();
    await expect.poll(async () => sample(await metrics(), 'recoupe_commands_total{command="cite",outcome="no-evidence"}')).toBe(1);
    const text = await metrics();
    expect(sample(text, 'recoupe_commands_total{command="ask",outcome="ok"}')).toBe(1);
    expect(sample(text, 'recoupe_command_duration_seconds_count{command="ask"}')).toBe(1);
    expect(sample(text, 'recoupe_command_duration_seconds_bucket{le="+Inf",command="ask"}')).toBe(1);
    expect(text).toContain('# TYPE recoupe_command_duration_seconds histogram');
    expect(text).toContain('recoupe_process_resident_memory_bytes');
  });

  it('WHEN a user goes over the cooldown THEN the refusal is counted', async () => {
    const user = { id: snowflake(), username: 'hasty' };
    for (let n = 0; n < 3; n++) await (await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'help', options: {}, user }))).waitForMessage();
    await expect.poll(async () => sample(await metrics(), 'recoupe_cooldown_refusals_total')).toBe(1);
    expect(sample(await metrics(), 'recoupe_commands_total{command="help",outcome="cooldown"}')).toBe(1);
  });

  it('WHEN the double drops the gateway (1006) THEN /healthz says 503 until it resumes, and the reconnection is counted', async () => {
    expect(sample(await metrics(), 'recoupe_gateway_reconnects_total')).toBe(0);
    const resumes = h.double.resumeCount;
    await h.double.closeGateway(1006);
    // discord.js waits 500 ms before reconnecting: meanwhile the bot is not healthy.
    await expect.poll(async () => healthz(), { interval: 20 }).toMatchObject({ status: 503, body: { status: 'unavailable', gateway: false, index: true } });
    await expect.poll(async () => sample(await metrics(), 'recoupe_gateway_reconnects_total')).toBe(1);
    await expect.poll(() => h.double.resumeCount, { timeout: 5_000 }).toBe(resumes + 1);
    await expect.poll(async () => (await healthz()).status, { timeout: 5_000 }).toBe(200);
    const handle = await h.double.sendInteraction(h.double.fixtures.chatInput({ name: 'sources', options: {}, user: { id: snowflake() } }));
    const answer = final(await handle.waitForMessage());
    expect(answer.flags & COMPONENTS_V2.FLAG).toBe(COMPONENTS_V2.FLAG);
    expect(answer.embeds).toEqual([]);
    expect(containersOf(answer).length).toBeGreaterThan(0);
  });

  it('WHEN the bot stops THEN the endpoint closes with it', async () => {
    await h.bot.stop();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
