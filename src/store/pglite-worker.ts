/**
 * The PGlite worker thread: opens the embedded database (pglite-executor.ts: folder, lock,
 * creation) and runs what the serving thread sends (pglite-thread.ts). PGlite executes every
 * statement synchronously in WebAssembly and parses its results in JavaScript: on the serving
 * thread, one publish's statements held members' queries up for 15 to 300 ms at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SqlQueryable } from './executor.js';
import { openPgliteExecutor } from './pglite-executor.js';
import type { ThreadData, ThreadError, ThreadNotification, ThreadReply, ThreadRequest } from './pglite-thread-messages.js';

const port = parentPort;
if (!port) throw new Error('recoupe: pglite-worker.ts runs as a worker thread (see pglite-thread.ts)');
const { dir } = workerData as ThreadData;

const send = (message: ThreadReply | ThreadNotification) => port.postMessage(message);
const errorOf = (error: unknown): ThreadError => {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { name: error.name, message: error.message, fields };
};

/** A transaction open in the worker: its statements' runner, and how to end it. */
interface OpenTransaction {
  readonly tx: SqlQueryable;
  end(commit: boolean): void;
}

/** Thrown inside a transaction to roll it back when the serving thread's function threw. */
const ROLLBACK = Symbol('rollback');

try {
  const db = await openPgliteExecutor(dir);
  const transactions = new Map<number, OpenTransaction>();
  const outcomes = new Map<number, Promise<unknown>>();
  const listening = new Map<number, () => Promise<void>>();
  let nextTx = 1;
  const runnerOf = (tx: number | undefined): SqlQueryable => {
    if (tx === undefined) return db;
    const open = transactions.get(tx);
    if (!open) throw new Error(`recoupe: transaction ${tx} is not open`);
    return open.tx;
  };

  const handle = async (request: ThreadRequest): Promise<unknown> => {
    switch (request.op) {
      case 'query':
        return runnerOf(request.tx).query(request.text, request.params);
      case 'script':
        return runnerOf(request.tx).script(request.text);
      case 'begin': {
        const number = nextTx++;
        let begun = false;
        let markBegun = () => {};
        const started = new Promise<void>((resolve) => (markBegun = resolve));
        const outcome = db.transaction(
          (tx) =>
            new Promise<void>((commit, rollBack) => {
              transactions.set(number, { tx, end: (yes) => (yes ? commit() : rollBack(ROLLBACK)) });
              begun = true;
              markBegun();
            }),
        );
        // How it ended, read by its `end` request: undefined, or the error of a commit that failed.
        outcomes.set(
          number,
          outcome.then(
            () => undefined,
            (error: unknown) => (error === ROLLBACK ? undefined : error),
          ),
        );
        // A transaction that cannot begin (BEGIN itself failed) rejects before its function runs.
        const failedToBegin = outcome.then(
          () => undefined,
          (error: unknown) => {
            if (!begun) throw error;
          },
        );
        await Promise.race([started, failedToBegin]);
        return number;
      }
      case 'end': {
        const open = transactions.get(request.tx);
        const outcome = outcomes.get(request.tx);
        if (!open || !outcome) throw new Error(`recoupe: transaction ${request.tx} is not open`);
        open.end(request.commit);
        const error = await outcome;
        transactions.delete(request.tx);
        outcomes.delete(request.tx);
        if (error !== undefined) throw error;
        return undefined;
      }
      case 'listen': {
        const stop = await db.listen(request.channel, () => send({ notify: request.id }));
        listening.set(request.id, stop);
        return undefined;
      }
      case 'unlisten': {
        await listening.get(request.listen)?.();
        listening.delete(request.listen);
        return undefined;
      }
      case 'close':
        await db.close();
        return undefined;
    }
  };

  port.on('message', (request: ThreadRequest) => {
    handle(request).then(
      (value) => send({ id: request.id, value }),
      (error: unknown) => send({ id: request.id, error: errorOf(error) }),
    );
  });
  port.postMessage({ id: 0, value: 'ready' } satisfies ThreadReply);
} catch (error) {
  port.postMessage({ id: 0, error: errorOf(error) } satisfies ThreadReply);
}
