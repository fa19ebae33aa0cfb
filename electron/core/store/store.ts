import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';
import type { AheadStatement } from './sent-ahead';

export type Db = Kysely<Database>;

/** Which engine a store runs on: the embedded SQLite file (one desk) or a PostgreSQL server (a hall of desks). */
export type StoreKind = 'sqlite' | 'postgres';

/** See Store.changeMark. */
export interface ChangeMark {
  others: number;
  own: number;
}

/**
 * A change that touches only one desk's own day — its ticket numbers, the visitor it serves — and at
 * most one beneficiary's tickets of the day (check-in, call-next: most of a hall's writes). On
 * PostgreSQL such changes of different desks run side by side, each holding its desk's lock (and the
 * beneficiary's) and the writers' lock shared; every other change holds the writers' lock alone, as
 * before. SQLite writes one at a time whatever the scope.
 */
export interface WriteScope {
  deskId: number;
  beneficiaryId?: number;
}

/**
 * What the operations need from a store beyond plain Kysely queries. Everything engine-specific
 * (how a write transaction is taken, the Arabic name index, claiming the next visitor) lives behind
 * this, so the same operations can run on PostgreSQL by adding a second implementation.
 */
export interface Store {
  readonly kind: StoreKind;
  readonly db: Db;
  /**
   * Runs fn in one write transaction that holds the write lock from its first statement: writers on
   * one store run one at a time, on SQLite (BEGIN IMMEDIATE) and on PostgreSQL (a transaction-level
   * lock) alike, so the domain's read-then-write rules hold on both. While another process holds that
   * lock it waits without blocking the event loop (every other call goes on), and gives up with
   * AppError 'busy' when the lock cannot be had in time: nothing was written. With a `scope`, the
   * change holds only its desk's (and beneficiary's) part of the lock on PostgreSQL (WriteScope). This process's writes
   * take the lock in the order they were asked. fn may run more than once (the PostgreSQL store
   * retries a transaction the server refused as a serialization failure or deadlock): nothing
   * outside the transaction may depend on how often it ran. fn is given the change mark
   * (changeMark) as the lock was taken: what was kept from before may be checked against it there,
   * under the lock; on PostgreSQL it comes with the transaction's BEGIN, no round trip of its own.
   *
   * `ahead` is the change's first statement, a read, when it is known before the transaction (a
   * check-in's facts, call-next's claim): on PostgreSQL it goes with BEGIN, after the locks and the
   * mark, and fn is given its rows — a round trip less while the locks are held (null when it could
   * not go: a value with no plain literal; SQLite never sends it). fn takes them through sent-ahead.ts,
   * which runs the statement itself whenever the rows are not those of the very statement it asks for.
   */
  write<T>(fn: (trx: Db, mark: ChangeMark, aheadRows: unknown[] | null) => Promise<T>, scope?: WriteScope, ahead?: CompiledQuery): Promise<T>;
  /**
   * Runs, as part of the write transaction `trx`, a statement whose answer nobody reads and whose rows
   * nothing later in the transaction reads (an event of the timeline, the audit row): at once on
   * SQLite; on PostgreSQL it goes to the server with the commit, a round trip less while the writers'
   * lock is held. It fails the change as any statement would. Outside a write transaction it runs at once.
   */
  atCommit(trx: Db, query: CompiledQuery): Promise<void>;
  /**
   * Beneficiary ids whose normalised name has every token as a word prefix: whole words of every token
   * first, then prefixes; inside each, the latest visit first, then the newest file (P2).
   */
  searchNames(db: Db, tokens: string[], limit: number): Promise<number[]>;
  /**
   * A select whose rows are claimed for this write transaction: a row of `table` (the select's alias)
   * that another transaction holds is passed over, never waited for nor given twice, and a row claimed
   * cannot change until this transaction ends (PostgreSQL: FOR UPDATE OF `table` SKIP LOCKED; SQLite
   * writes one change at a time and needs nothing: the select as it is). Call-next's claim of the
   * oldest waiting visitor, which it may send ahead with its BEGIN (write).
   */
  claiming<R>(query: CompiledQuery<R>, table: string): CompiledQuery<R>;
  /**
   * The rows of a query as arrays of values in the order selected, not objects: for long lists, where
   * building an object per row costs more than reading it (bench: today's queue).
   */
  arrayRows<Row extends unknown[]>(db: Db, query: CompiledQuery): Promise<Row[]>;
  /**
   * A number that grows with every committed change, not with reads or refusals (the renderer polls
   * it to refresh). On PostgreSQL every write transaction that changed anything also sends it with
   * NOTIFY on CHANGES_CHANNEL, in the same transaction, so a listener hears of a change only once it
   * is committed (the push to each desk's renderer builds on that).
   */
  revision(db: Db): Promise<number>;
  /**
   * Moves whenever what the dispatcher keeps (the users, the settings) may have changed: `others` when
   * another connection (another desk's process) committed, `own` when this process wrote anything. Read
   * before what it guards, so a change committed meanwhile moves it for the next call. SQLite answers at
   * once (any other connection's commit moves it). The PostgreSQL store reads its count of transactions
   * that wrote users or settings (those tables' triggers tell; one round trip, cheaper than what the
   * dispatcher keeps), hence the promise, and tells its own apart by counting them as they commit: other
   * desks' check-ins leave it where it was. `ownChanges()` is this process's own part alone; inside a
   * write transaction it already counts that transaction once it has run a statement (PostgreSQL), or the
   * rows it changed (SQLite), so the dispatcher can say its own change left what it keeps true. Unlike
   * the revision, any write of its own moves it. When in doubt a store moves the mark: a needless re-read,
   * never a stale one.
   */
  changeMark(): ChangeMark | Promise<ChangeMark>;
  /**
   * changeMark, with a read's first statements (known before it runs: today's queue) in the same round
   * trip, each after the mark as a statement of its own, and their rows in the order sent (null when they
   * could not go: a value with no plain literal). Only where the mark is a round trip (PostgreSQL): on
   * SQLite it is undefined, and the read's statements simply run. The rows are read before the call is
   * admitted; a call refused drops them unseen.
   */
  changeMarkWith?(statements: AheadStatement[]): Promise<{ mark: ChangeMark; rows: unknown[][] | null }>;
  ownChanges(): number;
  /**
   * Whether an error says the store's server could not be reached or went away (a restart, a cable
   * out) rather than that a statement failed: the dispatcher answers such a call 'unavailable'.
   * Never on SQLite, whose file is always there.
   */
  lostConnection(error: unknown): boolean;
  /** Releases the connection (the pool on PostgreSQL). */
  close(): Promise<void>;
}

/**
 * How long a change waits for a lock another process holds (another desk's shell writing, a backup)
 * before it is refused as busy, on either store.
 */
export const LOCK_WAIT_MS = 5_000;

/** The channel of PostgreSQL's NOTIFY that every committed change is announced on (payload: the revision). */
export const CHANGES_CHANNEL = 'istiqbal_changes';
