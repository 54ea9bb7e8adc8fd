/**
 * Optional health endpoint for operators, on 127.0.0.1 only (`HEALTH_PORT`): `/healthz` answers
 * 200 when the gateway is connected and the index loaded, 503 otherwise; `/metrics` is the
 * Prometheus text format. Nothing here is reachable from outside the machine unless an operator
 * puts a proxy in front of it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What `/healthz` reports. */
export interface HealthStatus {
  readonly gateway: boolean;
  readonly index: boolean;
}

/** Options of {@link startHealthServer}. */
export interface HealthOptions {
  /** Port on 127.0.0.1; 0 picks a free one (tests). */
  readonly port: number;
  readonly status: () => HealthStatus;
  readonly registry: Registry;
}

/** A running health server. */
export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the endpoint; resolves once it listens. */
export async function startHealthServer(options: HealthOptions): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const url = request.url?.split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (url === '/healthz') {
      const status = options.status();
      const healthy = status.gateway && status.index;
      response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', ...status }));
      return;
    }
    if (url === '/metrics') {
      options.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
