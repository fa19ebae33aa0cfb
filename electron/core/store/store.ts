import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * What the operations need from a store beyond plain Kysely queries. Everything engine-specific
 * (how a write transaction is taken, the Arabic name index, claiming the next visitor) lives behind
 * this, so the same operations can run on PostgreSQL by adding a second implementation.
 */
export interface Store {
  readonly db: Db;
  /**
   * Runs fn in one write transaction that holds the write lock from its first statement. While
   * another process holds that lock it waits without blocking the event loop (every other call goes
   * on), and gives up with AppError 'busy' when the lock cannot be had in time: fn never ran,
   * nothing was written. This process's writes take the lock in the order they were asked.
   */
  write<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /**
   * Beneficiary ids whose normalised name has every token as a word prefix: whole words of every token
   * first, then prefixes; inside each, the latest visit first, then the newest file (P2).
   */
  searchNames(db: Db, tokens: string[], limit: number): Promise<number[]>;
  /** Claims the oldest waiting visit of the day inside a write transaction; null when none waits. */
  nextWaitingVisit(trx: Db, day: string): Promise<number | null>;
  /**
   * The rows of a query as arrays of values in the order selected, not objects: for long lists, where
   * building an object per row costs more than reading it (bench: today's queue).
   */
  arrayRows<Row extends unknown[]>(db: Db, query: CompiledQuery): Promise<Row[]>;
  /** A number that grows with every committed change, not with reads or refusals (the renderer polls it to refresh). */
  revision(db: Db): Promise<number>;
  /**
   * Moves whenever what this connection reads may have changed: `others` when another connection
   * (another desk's process) committed, `own` when this connection wrote anything. Cheap enough to
   * ask on every call; `ownChanges()` alone is cheaper still.
   */
  changeMark(): { others: number; own: number };
  ownChanges(): number;
  /** Releases the connection. */
  close(): Promise<void>;
}
