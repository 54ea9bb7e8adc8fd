import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/health/metrics.js';
import { startHealthServer, type HealthServer, type HealthStatus } from '../../src/health/server.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(status: () => HealthStatus) {
  const metrics = createMetrics();
  server = await startHealthServer({ port: 0, status, registry: metrics.registry });
  return { metrics, base: `http://127.0.0.1:${server.port}` };
}

describe('the health endpoint', () => {
  it('GIVEN a connected gateway and a loaded index THEN /healthz answers 200', async () => {
    const { base } = await start(() => ({ gateway: true, index: true }));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', gateway: true, index: true });
  });

  it('GIVEN the gateway is down THEN /healthz answers 503 and says which part', async () => {
    const { base } = await start(() => ({ gateway: false, index: true }));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', gateway: false });
  });

  it('GIVEN commands were served THEN /metrics exposes them in Prometheus format', async () => {
    const { base, metrics } = await start(() => ({ gateway: true, index: true }));
    metrics.commands.inc({ command: 'ask', outcome: 'ok' });
    metrics.commands.inc({ command: 'ask', outcome: 'ok' });
    metrics.latency.observe({ command: 'ask' }, 0.004);
    metrics.reconnects.inc();
    metrics.cooldownRefusals.inc();
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toContain('recoupe_commands_total{command="ask",outcome="ok"} 2');
    expect(text).toContain('recoupe_command_duration_seconds_bucket{le="0.005",command="ask"} 1');
    expect(text).toContain('recoupe_gateway_reconnects_total 1');
    expect(text).toContain('recoupe_cooldown_refusals_total 1');
  });

  it('GIVEN another path or method THEN answers 404 or 405', async () => {
    const { base } = await start(() => ({ gateway: true, index: true }));
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('where the endpoint listens', () => {
  it('GIVEN the machine has another network address THEN the endpoint cannot be reached on it: 127.0.0.1 only', async () => {
    const { base } = await start(() => ({ gateway: true, index: true }));
    const port = new URL(base).port;
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    if (!outside) return; // a machine with loopback only: nothing else to try
    await expect(fetch(`http://${outside.address}:${port}/healthz`)).rejects.toThrow();
  });
});
