/**
 * Fetches one page or feed for the ingest command, defensively: a URL given on the command line,
 * or found in a feed, must not make recoupe read its own machine or network, hang, or fill memory.
 *
 * - Addresses are checked where the connection is made (the `lookup` hook of `node:http`), so a
 *   name that resolves to a public address for a check and to 127.0.0.1 for the connection (DNS
 *   rebinding) is still refused; IP literals are checked before any request.
 * - Loopback, private, link-local, CGNAT, multicast, documentation and unspecified ranges
 *   (IPv4 and IPv6, IPv4-mapped included) are refused unless `RECOUPE_FETCH_ALLOW` lists the host
 *   or a range holding the address. That setting exists for tests, which serve pages on 127.0.0.1.
 * - Redirects are followed by hand, each hop checked again, at most `maxRedirects`.
 * - One timeout covers the whole exchange, redirects and body included; the body is counted as it
 *   arrives (after decompression) and the transfer is cut at `maxBytes`.
 *
 * `node:http` rather than `fetch`: Node's `fetch` resolves names itself and offers no hook to
 * check the address it connects to without an extra dependency.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';

/** Why a fetch failed; stable, for messages and tests. */
export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'bad-content-type'
  | 'too-many-redirects'
  | 'forbidden-address'
  | 'http-status'
  | 'network';

/** A refused or failed fetch. The message names the URL and the reason. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** The HTTP status, for `http-status`. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** What {@link fetchUrl} returns. */
export interface FetchedResource {
  /** The body, decompressed, undecoded (the caller decodes it with the charset it detects). */
  readonly bytes: Buffer;
  /** The `Content-Type` header as sent (`text/html; charset=utf-8`). */
  readonly contentType: string;
  /** The URL after redirects. */
  readonly finalUrl: string;
}

/** Options of {@link fetchUrl}; the defaults suit one news page or feed. */
export interface FetchOptions {
  /** Whole exchange, redirects and body included. Default 15 000 ms. */
  readonly timeoutMs?: number;
  /** Body size cap, after decompression. Default 5 MB, the corpus's file cap. */
  readonly maxBytes?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  /** Accepted media types (without parameters). Default {@link PAGE_AND_FEED_TYPES}. */
  readonly acceptTypes?: readonly string[];
  /** Where `RECOUPE_FETCH_ALLOW` is read from. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Name resolution (for tests). Default `node:dns` `lookup`. */
  readonly lookup?: LookupFunction;
}

/** HTML pages and the feed formats {@link parseFeed} reads, plus plain text. */
export const PAGE_AND_FEED_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'text/plain',
];

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

/** `recoupe/<version> (+README)`: who is asking, so a site's operator can tell. */
export const USER_AGENT = `recoupe/${packageVersion()} (+README)`;

/**
 * Fetches `url` (http or https only) and returns its body.
 * @throws {FetchError} with a stable `code` for every refusal or failure.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await follow(url, options, controller.signal);
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof FetchError && error.code !== 'network')) {
      throw new FetchError('timeout', `${url}: no complete answer within ${timeoutMs} ms`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function follow(startUrl: string, options: FetchOptions, signal: AbortSignal): Promise<FetchedResource> {
  const allow = allowList(options.env ?? process.env);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = parseHttpUrl(startUrl);
  for (let hop = 0; ; hop++) {
    refuseForbiddenLiteral(url, allow);
    const response = await request(url, allow, options.lookup ?? dnsLookup, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      if (hop >= maxRedirects) throw new FetchError('too-many-redirects', `${startUrl}: more than ${maxRedirects} redirects`);
      url = parseHttpUrl(new URL(location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchError('http-status', `${url.href}: the server answered HTTP ${status}`, status);
    }
    const contentType = response.headers['content-type'] ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (!(options.acceptTypes ?? PAGE_AND_FEED_TYPES).includes(mediaType)) {
      response.resume();
      throw new FetchError('bad-content-type', `${url.href}: content type "${contentType || 'none'}" is not a page or a feed`);
    }
    const bytes = await readBody(response, url, options.maxBytes ?? DEFAULT_MAX_BYTES);
    return { bytes, contentType, finalUrl: url.href };
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('network', `${text}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('forbidden-address', `${text}: only http and https URLs are fetched`);
  }
  return url;
}

function request(url: URL, allow: AllowList, lookup: LookupFunction, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, {
      signal,
      lookup: checkedLookup(url, allow, lookup),
      headers: { 'user-agent': USER_AGENT, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
    });
    req.on('response', resolve);
    req.on('error', (error) => reject(error instanceof FetchError ? error : new FetchError('network', `${url.href}: ${error.message}`)));
  });
}

async function readBody(response: IncomingMessage, url: URL, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === '' && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(url, maxBytes);
  }
  const stream = decoded(response, encoding);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError('network', `${url.href}: the body could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return Buffer.concat(chunks);
}

function decoded(response: IncomingMessage, encoding: string): Readable {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

function tooLarge(url: URL, maxBytes: number): FetchError {
  return new FetchError('too-large', `${url.href}: larger than ${Math.round(maxBytes / 1024)} KB`);
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Ranges never fetched by default: this machine, private networks, and addresses that are not hosts. */
const FORBIDDEN = (() => {
  const list = new BlockList();
  const v4 = [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const;
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  const v6 = [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64]] as const;
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
})();

interface AllowList {
  readonly hosts: ReadonlySet<string>;
  readonly ranges: BlockList;
}

/** `RECOUPE_FETCH_ALLOW=127.0.0.1,localhost,10.0.0.0/8`: hosts (names or addresses) and CIDR ranges. */
function allowList(env: NodeJS.ProcessEnv): AllowList {
  const hosts = new Set<string>();
  const ranges = new BlockList();
  for (const entry of (env.RECOUPE_FETCH_ALLOW ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)) {
    const [net, prefix] = entry.split('/');
    const family = isIP(net ?? '');
    if (family !== 0 && prefix !== undefined) ranges.addSubnet(net!, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    else if (family !== 0) ranges.addAddress(net!, family === 6 ? 'ipv6' : 'ipv4');
    else hosts.add(entry);
  }
  return { hosts, ranges };
}

/**
 * True when recoupe may not connect to `address` (an IP address; anything else is refused),
 * given `RECOUPE_FETCH_ALLOW` in `env`.
 */
export function isForbiddenAddress(address: string, env: NodeJS.ProcessEnv = {}): boolean {
  return forbiddenUnder(address, allowList(env));
}

function forbiddenUnder(address: string, allow: AllowList): boolean {
  const plain = address.replace(/^\[|\]$/g, '');
  const family = isIP(plain);
  if (family === 0) return true;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (allow.hosts.has(plain.toLowerCase()) || allow.ranges.check(plain, type)) return false;
  const embedded = family === 6 ? embeddedIpv4(plain) : undefined;
  if (embedded !== undefined) return forbiddenUnder(embedded, allow);
  return FORBIDDEN.check(plain, type);
}

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`) or NAT64 (`64:ff9b::…`) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function refuseForbiddenLiteral(url: URL, allow: AllowList): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && forbiddenUnder(host, allow)) throw forbidden(url.href, host);
}

function forbidden(url: string, address: string): FetchError {
  return new FetchError('forbidden-address', `${url}: ${address} is a private, loopback or link-local address; recoupe does not fetch those`);
}

/** Wraps name resolution so that every address the socket may connect to is checked first. */
function checkedLookup(url: URL, allow: AllowList, lookup: LookupFunction): LookupFunction {
  const hostname = url.hostname;
  const hostAllowed = allow.hosts.has(hostname.toLowerCase());
  return (name, options, callback) => {
    lookup(name, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]) as LookupAddress[];
      const bad = hostAllowed ? undefined : list.find((a) => forbiddenUnder(a.address, allow));
      if (bad) return callback(forbidden(url.href, bad.address) as unknown as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return manifest.version ?? '0';
  } catch {
    return '0';
  }
}
