/**
 * A PostgreSQL server that cannot be used, said the same way wherever it shows: where it is
 * (host and port, never the URL, which may hold a password) and the driver's or server's code.
 */
import { StoreError } from './types.js';

/** Network errors of Node and SQLSTATE classes that mean "no usable connection", not "bad statement". */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const UNUSABLE_SQLSTATE = /^(?:08|28|57P|3D000)/u;

/** `host:port` of a `postgres://` URL, for messages. */
export function whereIs(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    // A socket URL names its folder in `?host=`.
    return `${url.hostname || url.searchParams.get('host') || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'an unreadable DATABASE_URL';
  }
}

/** The driver's error as `unreachable` when it is about the connection; otherwise unchanged. */
export function asUnreachable(error: unknown, where: string): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const lostConnection = /Connection terminated|connection timeout|Client has encountered a connection error/iu.test(message);
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNUSABLE_SQLSTATE.test(code))) {
    return new StoreError('unreachable', `PostgreSQL at ${where} cannot be used (${code})`);
  }
  if (lostConnection) return new StoreError('unreachable', `PostgreSQL at ${where}: connection lost`);
  return error;
}
