import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchUrl, isForbiddenAddress, USER_AGENT, type FetchErrorCode, type FetchOptions } from '../../src/corpus/fetch.js';

const PAGE = '<!doctype html><html lang="fr"><body><p>Bonjour à tous.</p></body></html>';
const ALLOW_LOCAL = { RECOUPE_FETCH_ALLOW: '127.0.0.1' };

/** Routes of the local test server; each answers as a misbehaving (or well-behaved) site would. */
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/page': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(gzipSync(PAGE));
  },
  '/feed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end('<rss version="2.0"><channel><title>t</title></channel></rss>');
  },
  '/redirect': (_req, res) => {
    res.writeHead(302, { location: '/page' });
    res.end();
  },
  '/loop': (_req, res) => {
    res.writeHead(301, { location: '/loop' });
    res.end();
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<p>Introuvable</p>');
  },
  '/image': (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
  '/untyped': (_req, res) => {
    res.removeHeader('content-type');
    res.end('bytes');
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) });
    res.end();
  },
  '/big-streamed': (_req, res) => {
    // Chunked, no Content-Length: only counting the bytes as they come can stop it.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (res.write(chunk)) if (res.writableLength > 1e7) break;
    };
    res.on('drain', write);
    res.on('close', () => res.off('drain', write));
    write();
  },
  '/gzip-bomb': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 'a')));
  },
  '/slow': () => {
    // Never answers.
  },
};

let server: Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? routes['/missing']!)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(url: string, options: FetchOptions = {}): Promise<FetchError> {
  try {
    await fetchUrl(url, { env: ALLOW_LOCAL, ...options });
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to fail`);
}

const codeOf = async (url: string, options?: FetchOptions): Promise<FetchErrorCode> => (await failure(url, options)).code;

describe('GIVEN a local server allowed by RECOUPE_FETCH_ALLOW', () => {
  it('WHEN a page is fetched THEN its bytes, content type and URL are returned, asked for with recoupe’s User-Agent', async () => {
    const got = await fetchUrl(`${base}/page`, { env: ALLOW_LOCAL });
    expect(got.bytes.toString('utf8')).toBe(PAGE);
    expect(got.contentType).toBe('text/html; charset=utf-8');
    expect(got.finalUrl).toBe(`${base}/page`);
    expect(USER_AGENT).toMatch(/^recoupe\/\d+\.\d+\.\d+ \(\+README\)$/);
  });

  it('WHEN the server sends the User-Agent back THEN it is recoupe’s', async () => {
    const seen = await new Promise<string>((resolve, reject) => {
      const probe = createServer((req, res) => {
        resolve(req.headers['user-agent'] ?? '');
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>');
      });
      probe.listen(0, '127.0.0.1', () => {
        fetchUrl(`http://127.0.0.1:${(probe.address() as AddressInfo).port}/`, { env: ALLOW_LOCAL }).then(() => probe.close(), reject);
      });
    });
    expect(seen).toBe(USER_AGENT);
  });

  it('WHEN the body is gzipped THEN it is returned decompressed', async () => {
    expect((await fetchUrl(`${base}/gzip`, { env: ALLOW_LOCAL })).bytes.toString('utf8')).toBe(PAGE);
  });

  it('WHEN a feed is fetched THEN its feed content type is accepted', async () => {
    expect((await fetchUrl(`${base}/feed`, { env: ALLOW_LOCAL })).contentType).toBe('application/rss+xml');
  });

  it('WHEN the page redirects THEN the redirect is followed and the final URL returned', async () => {
    expect((await fetchUrl(`${base}/redirect`, { env: ALLOW_LOCAL })).finalUrl).toBe(`${base}/page`);
  });

  it('WHEN redirects never end THEN the fetch stops at the cap: too-many-redirects', async () => {
    expect(await codeOf(`${base}/loop`, { maxRedirects: 3 })).toBe('too-many-redirects');
  });

  it('WHEN the server answers 404 THEN http-status, with the status', async () => {
    const error = await failure(`${base}/missing`);
    expect([error.code, error.status]).toEqual(['http-status', 404]);
    expect(error.message).toContain('HTTP 404');
  });

  it('WHEN the content is an image or has no type THEN bad-content-type', async () => {
    expect(await codeOf(`${base}/image`)).toBe('bad-content-type');
    expect(await codeOf(`${base}/untyped`)).toBe('bad-content-type');
  });

  it('WHEN the declared length, the streamed body or the decompressed body exceeds the cap THEN too-large', async () => {
    expect(await codeOf(`${base}/big-declared`)).toBe('too-large');
    expect(await codeOf(`${base}/big-streamed`)).toBe('too-large');
    expect(await codeOf(`${base}/gzip-bomb`)).toBe('too-large');
  });

  it('WHEN the server does not answer in time THEN timeout', async () => {
    const started = Date.now();
    expect(await codeOf(`${base}/slow`, { timeoutMs: 200 })).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('WHEN nothing listens on the port THEN network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await codeOf(`http://127.0.0.1:${freePort}/`)).toBe('network');
  });
});

describe('GIVEN addresses that are not the public internet', () => {
  it('WHEN 127.0.0.1 is not allowed THEN it is refused before any request: forbidden-address', async () => {
    const error = await failure(`${base}/page`, { env: {} });
    expect(error.code).toBe('forbidden-address');
    expect(error.message).toContain('127.0.0.1');
  });

  it('WHEN a public-looking name resolves to a loopback address THEN it is refused at connection time', async () => {
    const rebinding: FetchOptions['lookup'] = (_name, _options, callback) =>
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    expect(await codeOf(`http://news.example:${port}/page`, { env: {}, lookup: rebinding })).toBe('forbidden-address');
    // The same name, allowed through the range its address falls in, is fetched.
    const got = await fetchUrl(`http://news.example:${port}/page`, { env: { RECOUPE_FETCH_ALLOW: '127.0.0.0/8' }, lookup: rebinding });
    expect(got.bytes.toString('utf8')).toBe(PAGE);
  });

  it('WHEN an allowed host redirects to a forbidden address THEN the redirect is refused', async () => {
    const hop = createServer((_req, res) => res.writeHead(302, { location: `http://169.254.169.254/latest/meta-data/` }).end());
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    try {
      expect(await codeOf(`http://127.0.0.1:${(hop.address() as AddressInfo).port}/`)).toBe('forbidden-address');
    } finally {
      await new Promise((resolve) => hop.close(resolve));
    }
  });

  it('WHEN the URL is not http(s) THEN forbidden-address; when it is not a URL THEN network', async () => {
    expect(await codeOf('file:///etc/passwd')).toBe('forbidden-address');
    expect(await codeOf('ftp://example.org/')).toBe('forbidden-address');
    expect(await codeOf('pas une adresse')).toBe('network');
  });

  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1',
    '::ffff:10.0.0.1', '64:ff9b::a00:1', 'localhost', 'not-an-ip',
  ])('WHEN %s is checked THEN it is forbidden', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('WHEN %s is checked THEN it is allowed', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('WHEN RECOUPE_FETCH_ALLOW lists addresses and ranges THEN exactly those are allowed', () => {
    const env = { RECOUPE_FETCH_ALLOW: ' 127.0.0.1 , 10.0.0.0/8,::1' };
    expect(['127.0.0.1', '10.200.0.1', '::1'].map((a) => isForbiddenAddress(a, env))).toEqual([false, false, false]);
    expect(['127.0.0.2', '11.0.0.1', '192.168.0.1'].map((a) => isForbiddenAddress(a, env))).toEqual([true, false, true]);
  });
});
