/**
 * The embedded back-end run in a worker thread: the same PGlite database as pglite-executor.ts
 * (same folder, lock and creation, opened by the worker), with its statements executed off the
 * thread that answers members. PGlite runs each statement synchronously in WebAssembly; measured
 * in bench:publish at 100 000 ¶, one publish's statements held the serving thread for runs of
 * 15 to 300 ms, which members' queries waited behind. Here they wait only for their own results.
 */
import { Worker } from 'node:worker_threads';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import type { ThreadData, ThreadError, ThreadNotification, ThreadReply, ThreadRequest } from './pglite-thread-messages.js';
import { StoreError, type StoreErrorCode } from './types.js';

/** A request without its id (given when sent). */
type Unsent = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Opens (creating if missing) the PGlite database in `dir` in a worker thread; `memory://` for
 * one that lives in memory. Rejects as {@link openPgliteExecutor} would (`in-use` when another
 * process holds the folder).
 */
export async function openPgliteThreadExecutor(dir: string): Promise<SqlExecutor> {
  const worker = startWorker({ dir });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  const listeners = new Map<number, () => void>();
  let nextId = 1;
  let exited: Error | undefined;
  // The worker keeps the process alive only while a request waits for it, as PGlite in the
  // process would: an open, idle database does not hold the process up.
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };
  const ready = new Promise<void>((resolve, reject) => pending.set(0, { resolve: () => resolve(), reject }));
  worker.on('message', (message: ThreadReply | ThreadNotification) => {
    if ('notify' in message) {
      listeners.get(message.notify)?.();
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    settle(message.id);
    if ('error' in message) waiting.reject(errorFrom(message.error));
    else waiting.resolve(message.value);
  });
  worker.on('error', (error) => (exited = error));
  worker.on('exit', (code) => {
    exited ??= new Error(`recoupe: the PGlite worker thread stopped (exit code ${code})`);
    for (const [id, waiting] of pending) {
      settle(id);
      waiting.reject(exited);
    }
  });

  const ask = <T>(request: Unsent): Promise<T> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id } as ThreadRequest);
    });
  };
  const runner = (tx?: number): SqlQueryable => ({
    query: <Row>(text: string, params: readonly unknown[] = []) => ask<Row[]>({ op: 'query', text, params: [...params], ...(tx === undefined ? {} : { tx }) }),
    script: (text: string) => ask<void>({ op: 'script', text, ...(tx === undefined ? {} : { tx }) }),
  });

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closed = false;
  return {
    backend: 'pglite',
    ...runner(),
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const tx = await ask<number>({ op: 'begin' });
      let result: T;
      try {
        result = await fn(runner(tx));
      } catch (error) {
        await ask({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await ask({ op: 'end', tx, commit: true });
      return result;
    },
    async listen(channel, onNotify) {
      const id = nextId;
      listeners.set(id, onNotify);
      await ask({ op: 'listen', channel });
      return async () => {
        listeners.delete(id);
        if (!closed && !exited) await ask({ op: 'unlisten', listen: id });
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (!exited) await ask({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}

/**
 * The worker, running the TypeScript source through tsx when this module is the source itself
 * (`npm start`, tests), or the compiled file beside it.
 */
function startWorker(data: ThreadData): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './pglite-worker.ts' : './pglite-worker.js', import.meta.url).href;
  if (!fromSource) return new Worker(new URL(entry), { workerData: data });
  // A worker does not inherit tsx's loader from `--import tsx`: it registers it, then loads the entry.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
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
