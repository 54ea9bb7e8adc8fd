/**
 * What the serving thread and the PGlite worker thread (pglite-worker.ts) say to each other:
 * each request carries an id its reply repeats; every request but `open` names the database it is
 * for (one worker holds every database the process opens); statements inside a transaction name it.
 */

/** A request to the worker. */
export type ThreadRequest =
  /** Opens the database in a folder (or `memory://`); the reply's value is its number. */
  | { readonly id: number; readonly op: 'open'; readonly dir: string }
  | { readonly id: number; readonly db: number; readonly op: 'query'; readonly text: string; readonly params: readonly unknown[]; readonly tx?: number }
  | { readonly id: number; readonly db: number; readonly op: 'script'; readonly text: string; readonly tx?: number }
  /** Opens a transaction; the reply's value is its number, which its statements then carry. */
  | { readonly id: number; readonly db: number; readonly op: 'begin' }
  | { readonly id: number; readonly db: number; readonly op: 'end'; readonly tx: number; readonly commit: boolean }
  /** Follows a channel; notifications come as {@link ThreadNotification} with the request's id. */
  | { readonly id: number; readonly db: number; readonly op: 'listen'; readonly channel: string }
  | { readonly id: number; readonly db: number; readonly op: 'unlisten'; readonly listen: number }
  | { readonly id: number; readonly db: number; readonly op: 'close' };

/** An error as it crossed the thread: its name, message and own fields (a SQLSTATE `code`, a `constraint`). */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A reply from the worker. */
export type ThreadReply = { readonly id: number; readonly value?: unknown } | { readonly id: number; readonly error: ThreadError };

/** A notification on a channel followed by the `listen` request `listen`. */
export interface ThreadNotification {
  readonly notify: number;
}
