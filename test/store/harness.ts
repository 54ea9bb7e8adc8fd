/**
 * What the contract suite needs from a back-end: a fresh database per test, stores opened on it
 * as a process would, and a raw look at its tables for what the interface does not show (orphans).
 */
import type { CorpusStore } from '../../src/store/types.js';

/** One test's database. */
export interface TestDatabase {
  /** A store on this database, schema migrated, as a newly started process opens it. */
  open(options?: { now?: () => Date }): Promise<CorpusStore>;
  /** A second store on the same database as another process sees it (PostgreSQL: a pool of its own; PGlite: the same instance, which owns the folder). */
  other(): Promise<CorpusStore>;
  /** Rows of a statement run directly on the database. */
  inspect<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Drops every listening connection from the server's side; absent where there is no connection (PGlite). */
  killListeners?(): Promise<number>;
  /** Closes what is still open and removes the database. */
  drop(): Promise<void>;
}

/** A back-end under test. */
export interface StoreHarness {
  readonly backend: CorpusStore['backend'];
  /** Whether two processes may open one database at the same moment (a server yes; a PGlite folder no). */
  readonly concurrentOpens: boolean;
  fresh(): Promise<TestDatabase>;
}
