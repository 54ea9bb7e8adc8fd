/**
 * The PGlite worker thread: opens embedded databases (pglite-executor.ts: folder, lock,
 * creation) and runs what the serving thread sends (pglite-thread.ts). PGlite executes every
 * statement synchronously in WebAssembly and parses its results in JavaScript: on the serving
 * thread, one publish's statements held members' queries up for 15 to 300 ms at a time. One
 * worker holds every database its process opens, so PGlite is loaded and compiled once.
 */
import { parentPort } from 'node:worker_threads';
import type { SqlExecutor, SqlQueryable } from './executor.js';
import { openPgliteExecutor } from './pglite-executor.js';
import type { ThreadError, ThreadNotification, ThreadReply, ThreadRequest } from './pglite-thread-messages.js';

const port = parentPort;
if (!port) throw new Error('recoupe: pglite-worker.ts runs as a worker thread (see pglite-thread.ts)');

const send = (message: ThreadReply | ThreadNotification) => port.postMessage(message);

function errorOf(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { name: error.name, message: error.message, fields };
}

/** Thrown inside a transaction to roll it back when the serving thread's function threw. */
const ROLLBACK = Symbol('rollback');

/** A transaction open in the worker: its statements' runner, how to end it, and how it ended. */
interface OpenTransaction {
  readonly tx: SqlQueryable;
  end(commit: boolean): void;
  /** Undefined once committed or rolled back as asked; the error of a commit that failed. */
  readonly outcome: Promise<unknown>;
}

/** One open database and what is open on it. */
interface OpenDatabase {
  readonly db: SqlExecutor;
  readonly transactions: Map<number, OpenTransaction>;
  readonly listening: Map<number, () => Promise<void>>;
}

const databases = new Map<number, OpenDatabase>();
let nextDb = 1;
let nextTx = 1;

function databaseOf(number: number): OpenDatabase {
  const open = databases.get(number);
  if (!open) throw new Error(`recoupe: database ${number} is not open`);
  return open;
}

function runnerOf(open: OpenDatabase, tx: number | undefined): SqlQueryable {
  if (tx === undefined) return open.db;
  const transaction = open.transactions.get(tx);
  if (!transaction) throw new Error(`recoupe: transaction ${tx} is not open`);
  return transaction.tx;
}

/** Begins a transaction and resolves with its number once its statements can run. */
async function begin(open: OpenDatabase): Promise<number> {
  const number = nextTx++;
  let begun = false;
  let markBegun = () => {};
  const started = new Promise<void>((resolve) => (markBegun = resolve));
  let end: (commit: boolean) => void = () => {};
  let tx: SqlQueryable | undefined;
  const ended = open.db.transaction(
    (inside) =>
      new Promise<void>((commit, rollBack) => {
        tx = inside;
        end = (yes) => (yes ? commit() : rollBack(ROLLBACK));
        begun = true;
        markBegun();
      }),
  );
  const outcome = ended.then(
    () => undefined,
    (error: unknown) => (error === ROLLBACK ? undefined : error),
  );
  // A transaction that cannot begin (BEGIN itself failed) rejects before its function runs.
  const failedToBegin = ended.then(
    () => undefined,
    (error: unknown) => {
      if (!begun) throw error;
    },
  );
  await Promise.race([started, failedToBegin]);
  open.transactions.set(number, { tx: tx as SqlQueryable, end: (commit) => end(commit), outcome });
  return number;
}

async function handle(request: ThreadRequest): Promise<unknown> {
  if (request.op === 'open') {
    const number = nextDb++;
    databases.set(number, { db: await openPgliteExecutor(request.dir), transactions: new Map(), listening: new Map() });
    return number;
  }
  const open = databaseOf(request.db);
  switch (request.op) {
    case 'query':
      return runnerOf(open, request.tx).query(request.text, request.params);
    case 'script':
      return runnerOf(open, request.tx).script(request.text);
    case 'begin':
      return begin(open);
    case 'end': {
      const transaction = open.transactions.get(request.tx);
      if (!transaction) throw new Error(`recoupe: transaction ${request.tx} is not open`);
      transaction.end(request.commit);
      const error = await transaction.outcome;
      open.transactions.delete(request.tx);
      if (error !== undefined) throw error;
      return undefined;
    }
    case 'listen': {
      open.listening.set(request.id, await open.db.listen(request.channel, () => send({ notify: request.id })));
      return undefined;
    }
    case 'unlisten': {
      await open.listening.get(request.listen)?.();
      open.listening.delete(request.listen);
      return undefined;
    }
    case 'close':
      databases.delete(request.db);
      await open.db.close();
      return undefined;
  }
}

port.on('message', (request: ThreadRequest) => {
  handle(request).then(
    (value) => send({ id: request.id, value }),
    (error: unknown) => send({ id: request.id, error: errorOf(error) }),
  );
});
