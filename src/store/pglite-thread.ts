/**
 * The embedded back-end run in a worker thread: the same PGlite database as pglite-executor.ts
 * (same folder, lock and creation, opened by the worker), with its statements executed off the
 * thread that answers members. One worker per process holds every database it opens. PGlite runs each statement synchronously in WebAssembly; measured
 * in bench:publish at 100 000 ¶, one publish's statements held the serving thread for runs of
 * 15 to 300 ms, which members' queries waited behind. Here they wait only for their own results.
 */
import { startModuleWorker } from '../threads/module-worker.js';
import { processWide, threadRequests, type ReadReply } from '../threads/thread-requests.js';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import type { ThreadError, ThreadNotification, ThreadReply, ThreadRequest } from './pglite-thread-messages.js';
import { StoreError, type StoreErrorCode } from './types.js';

/** A request without its id (given when sent). */
type Unsent = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The process's PGlite worker and the requests waiting for it. */
interface Connection {
  ask<T>(request: Unsent): Promise<T>;
  /** Listens under the next request's id (see {@link ThreadNotification}); returns that id. */
  hear(onNotify: () => void): number;
  forget(listen: number): void;
  readonly stopped: () => Error | undefined;
}

/** The worker every database of this process is opened in, started on first need (and again if it stopped). */
const connection = processWide(connect);

function connect(): Connection {
  const worker = startModuleWorker(new URL('./pglite-worker.ts', import.meta.url), import.meta.url);
  const listeners = new Map<number, () => void>();
  const readReply: ReadReply = (message) => {
    const reply = message as ThreadReply | ThreadNotification;
    if ('notify' in reply) return undefined;
    return 'error' in reply ? { id: reply.id, error: errorFrom(reply.error) } : { id: reply.id, value: reply.value };
  };
  const requests = threadRequests(worker, 'PGlite', readReply, (message) => listeners.get((message as ThreadNotification).notify)?.());
  return {
    ask: <T>(request: Unsent) => requests.ask<T>((id) => ({ ...request, id }) as ThreadRequest),
    hear(onNotify) {
      // Under the id of the `listen` request sent next.
      const listen = requests.nextId();
      listeners.set(listen, onNotify);
      return listen;
    },
    forget: (listen) => listeners.delete(listen),
    stopped: requests.stopped,
  };
}

/**
 * Opens (creating if missing) the PGlite database in `dir` in the process's PGlite worker thread;
 * `memory://` for one that lives in memory. Rejects as {@link openPgliteExecutor} would (`in-use`
 * when another process holds the folder).
 */
export async function openPgliteThreadExecutor(dir: string): Promise<SqlExecutor> {
  const thread = connection();
  const db = await thread.ask<number>({ op: 'open', dir });
  const runner = (tx?: number): SqlQueryable => ({
    query: <Row>(text: string, params: readonly unknown[] = []) => thread.ask<Row[]>({ op: 'query', db, text, params: [...params], ...(tx === undefined ? {} : { tx }) }),
    script: (text: string) => thread.ask<void>({ op: 'script', db, text, ...(tx === undefined ? {} : { tx }) }),
  });
  let closed = false;
  return {
    backend: 'pglite',
    ...runner(),
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const tx = await thread.ask<number>({ op: 'begin', db });
      let result: T;
      try {
        result = await fn(runner(tx));
      } catch (error) {
        await thread.ask({ op: 'end', db, tx, commit: false }).catch(() => {});
        throw error;
      }
      await thread.ask({ op: 'end', db, tx, commit: true });
      return result;
    },
    async listen(channel, onNotify) {
      const listen = thread.hear(onNotify);
      await thread.ask({ op: 'listen', db, channel });
      return async () => {
        thread.forget(listen);
        if (!closed && !thread.stopped()) await thread.ask({ op: 'unlisten', db, listen });
      };
    },
    async close() {
      if (closed || thread.stopped()) return;
      closed = true;
      await thread.ask({ op: 'close', db });
    },
  };
}

/** The worker's error as the store reads it: a StoreError again, or an Error with its SQLSTATE fields. */
function errorFrom(error: ThreadError): Error {
  if (error.name === 'StoreError' && typeof error.fields.code === 'string') {
    const rebuilt = new StoreError(error.fields.code as StoreErrorCode, '');
    rebuilt.message = error.message;
    return rebuilt;
  }
  return Object.assign(new Error(error.message), error.fields, { name: error.name });
}
