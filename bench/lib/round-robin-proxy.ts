/**
 * A load balancer for the benchmark, on 127.0.0.1: each request goes to the next upstream in
 * turn, headers and body as they came, the answer back as it came. Enough to show that the HTTP
 * interactions mode needs nothing from the balancer in front of it (no stickiness, no shared
 * state): any request may reach any process.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface RoundRobinProxy {
  readonly url: string;
  /** Requests sent to each upstream, in the order given. */
  readonly counts: readonly number[];
  close(): Promise<void>;
}

/** Starts a proxy in front of `upstreams` (base URLs such as `http://127.0.0.1:PORT`). */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('bench: a proxy needs at least one upstream');
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const counts = upstreams.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    counts[index] = (counts[index] ?? 0) + 1;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const forward = request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
