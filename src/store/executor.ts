/**
 * What the store needs from a database, and nothing more: run a statement, run a function in a
 * transaction, follow a notification channel. Both back-ends (PGlite, a PostgreSQL server) are
 * this interface, so the store's SQL is written once.
 */

/** Runs statements: one with `$1`-style parameters returning its rows, or a parameterless script. */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (a migration). */
  script(text: string): Promise<void>;
}

/** A database the store can use. */
export interface SqlExecutor extends SqlQueryable {
  readonly backend: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each notification on `channel`, and once more whenever listening had to
   * be re-established (a notification sent meanwhile is lost, so the caller re-reads what it
   * follows). Resolves once listening; the result stops it.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
