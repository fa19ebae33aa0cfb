import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, sql } from 'kysely';
import type { Database } from '../schema';
import type { ChangeMark, Db, Store } from '../store';
import { idleCheckpoint } from './idle-checkpoint';
import { LOCK_WAIT_MS, PatientSqliteDialect, untilNotBusy } from './lock-wait';
import { sqliteMigrationProvider } from './migrations';
import { NAME_INDEX_RANK_BASE } from './migrations/0004-search-normalisation';

export interface SqliteStoreOptions {
  /** Path of the SQLite file; created with its folder's parent existing. */
  file: string;
  /** Path of a better_sqlite3.node built for the running ABI (the Electron shell passes its own). */
  nativeBinding?: string;
  /** How long a call waits for another process's lock before it is refused as busy (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

/** The SQLite store, with its raw connection for tools that need it (bench, tests, backups). */
export type SqliteStore = Store & { kind: 'sqlite'; raw: BetterSqlite3.Database };

// Compiled once: every change begins and ends with these.
const BEGIN_IMMEDIATE = CompiledQuery.raw('BEGIN IMMEDIATE');
const COMMIT = CompiledQuery.raw('COMMIT');
const ROLLBACK = CompiledQuery.raw('ROLLBACK');

export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const raw = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // Opening waits for another desk migrating a new store (nothing is served yet); afterwards no
  // statement ever waits inside SQLite, which would block the shell: see lock-wait.ts.
  raw.pragma('busy_timeout = 5000');
  // WAL with synchronous=FULL: a confirmed check-in survives a power cut, not only a crash.
  raw.pragma('synchronous = FULL');

  const lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
  const db: Db = new Kysely<Database>({ dialect: new PatientSqliteDialect({ database: withStatementCache(raw) }, lockWaitMs) });
  // data_version moves when another connection commits; total_changes() when this one writes.
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  const totalChanges = raw.prepare('SELECT total_changes()').pluck();
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  raw.pragma('busy_timeout = 0');
  const checkpoint = idleCheckpoint(raw);

  const changeMark = (): ChangeMark => ({ others: dataVersion.get() as number, own: totalChanges.get() as number });
  // This process's changes take the write lock one after the other, in the order they were asked.
  let lastWrite: Promise<unknown> = Promise.resolve();

  return {
    kind: 'sqlite',
    db,
    raw,
    async write(fn) {
      const deadline = Date.now() + lockWaitMs;
      // BEGIN IMMEDIATE fails at once with SQLITE_BUSY while another process holds the write lock:
      // the connection is let go (this shell's reads go on) and the attempt is made again on a timer.
      // Every later statement of the transaction runs under the lock and never meets SQLITE_BUSY.
      const attempt = () =>
        db.connection().execute(async (conn) => {
          await conn.executeQuery(BEGIN_IMMEDIATE);
          try {
            // A statement sent ahead saves nothing here (a call into the same process): the handler runs it.
            const result = await fn(conn, changeMark(), null);
            await conn.executeQuery(COMMIT);
            checkpoint.changed();
            return result;
          } catch (e) {
            if (raw.inTransaction) await conn.executeQuery(ROLLBACK);
            throw e;
          }
        });
      const turn = lastWrite.then(() => untilNotBusy(attempt, deadline));
      lastWrite = turn.catch(() => {});
      return turn;
    },
    async atCommit(trx, query) {
      // A statement on SQLite is a call into the same process: nothing to save by waiting.
      await trx.executeQuery(query);
    },
    async searchNames(q, tokens, limit) {
      if (tokens.length === 0) return [];
      // P2 ranking: people whose words are every typed word first, then those whose words only start
      // with them; inside each, the latest visitor first, then the newest file. The index's key is that
      // order (0004-search-normalisation), so each tier reads its first keys from the top and stops: no
      // sort of a common name's tens of thousands of matches. A key above NAME_INDEX_RANK_BASE is a
      // visitor's search_rank, one below it the id of someone never seen. Each token is quoted: user
      // text never reaches FTS5 syntax.
      const quoted = tokens.map((t) => `"${t.replace(/"/g, '')}"`);
      const ids: number[] = [];
      for (const match of [quoted.join(' AND '), quoted.map((t) => `${t}*`).join(' AND ')]) {
        const rows = await sql<{ k: number; id: number | null }>`
          SELECT f.rowid AS k, b.id FROM (
            SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit + ids.length}
          ) AS f LEFT JOIN beneficiaries AS b ON b.search_rank = f.rowid`.execute(q);
        const found = rows.rows.sort((a, b) => b.k - a.k).map((r) => (r.k > NAME_INDEX_RANK_BASE ? r.id : r.k));
        for (const id of found) if (id !== null && !ids.includes(id) && ids.length < limit) ids.push(id);
        if (ids.length >= limit) break;
      }
      return ids;
    },
    claiming(query) {
      // Inside BEGIN IMMEDIATE no other writer can change the row between this read and the commit.
      return query;
    },
    async revision(q) {
      // Changes only, from their partial index (0008): a read or a refusal leaves every screen as it is.
      const row = await sql<{ r: number | null }>`SELECT max(id) AS r FROM audit WHERE kind = 'change'`.execute(q);
      return row.rows[0]?.r ?? 0;
    },
    async arrayRows<Row extends unknown[]>(q: Db, query: CompiledQuery) {
      if (!arrayRowSql.has(query.sql)) {
        arrayRowSql.add(query.sql);
        statementCaches.get(raw)?.delete(query.sql); // prepared before with object rows
      }
      return (await q.executeQuery(query)).rows as Row[];
    },
    changeMark,
    ownChanges() {
      return totalChanges.get() as number;
    },
    lostConnection: () => false,
    async close() {
      checkpoint.close();
      await db.destroy();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on the schema as it was, not as Database types it now
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: sqliteMigrationProvider });
  // Kysely runs SQLite migrations outside any transaction (its adapter says no transactional DDL), but
  // SQLite's DDL is transactional: take the write lock ourselves, so a failed migration leaves the file
  // as it was and two desks opening a new store at once migrate one after the other.
  await sql`BEGIN IMMEDIATE`.execute(db);
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (e) {
    await sql`ROLLBACK`.execute(db);
    throw e;
  }
  const { error, results } = outcome;
  await sql`${sql.raw(error ? 'ROLLBACK' : 'COMMIT')}`.execute(db);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '?'} failed: ${String((error as Error).message ?? error)}`);
  }
}

/**
 * Kysely prepares every statement anew on each call; the desk runs the same few hundred statements
 * all day, so keep them prepared (bench: 0.18 ms of a check-in was preparing). Bounded, oldest out.
 */
function withStatementCache(raw: BetterSqlite3.Database, max = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  statementCaches.set(raw, cache);
  return {
    prepare(source: string) {
      let statement = cache.get(source);
      if (statement) {
        cache.delete(source);
      } else {
        statement = raw.prepare(source);
        if (arrayRowSql.has(source)) statement.raw(true);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(source, statement);
      return statement;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}

const statementCaches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** Statements whose rows come as arrays (Store.arrayRows); the cache prepares them so. */
const arrayRowSql = new Set<string>();

/** The SQLite store under a core, for what is SQLite's alone (bench, tests of the file itself); refuses any other store. */
export function asSqliteStore(store: Store): SqliteStore {
  if (store.kind !== 'sqlite') throw new Error(`this needs the SQLite store, not ${store.kind}`);
  return store as SqliteStore;
}
