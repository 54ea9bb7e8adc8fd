/**
 * `LISTEN` on a connection of its own, kept alive: a pooled connection cannot listen (it goes
 * back to the pool), and a dropped connection (server restart, `pg_terminate_backend`, network)
 * must not end the following silently. After each reconnection the caller is told once, since a
 * notification sent while nobody listened is lost; the change log itself is not.
 */
import pg from 'pg';
import { asUnreachable } from './postgres-errors.js';

/** `application_name` of listening connections, so operators (and tests) can find them in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'recoupe-listener';

/** First and longest waits between reconnection attempts. */
const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 5_000;

/** Listens on `channel` until the result is called; rejects (`unreachable`) when the first connection fails. */
export async function listenOnOwnConnection(connectionString: string, where: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    const lost = () => {
      if (current !== client) return;
      current = undefined;
      client.end().catch(() => {});
      scheduleReconnect(0);
    };
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      client.end().catch(() => {});
      throw asUnreachable(error, where);
    }
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
  };

  const scheduleReconnect = (attempt: number) => {
    if (stopped) return;
    const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
    retry = setTimeout(() => {
      connect().then(
        () => {
          if (!stopped) onNotify();
        },
        () => scheduleReconnect(attempt + 1),
      );
    }, wait);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => {});
  };
}
