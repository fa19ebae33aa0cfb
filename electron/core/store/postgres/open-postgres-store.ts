import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { Database } from '../schema';
import { CHANGES_CHANNEL, type Db, type Store } from '../store';
import { postgresMigrationProvider, postgresMigrations } from './migrations';
import { NAME_KEY, NAME_WORDS } from './migrations/0004-search-normalisation';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:5432/database (or anything libpq-style that `pg` reads). */
  url: string;
  /** Connections this process keeps at most: a desk's screens ask a few things at once, no more. */
  poolSize?: number;
  /** Where a pool error with no call waiting for it goes (a server restart, a cable out). */
  onPoolError?: (error: Error) => void;
}

/** The PostgreSQL store, with its pool for tools that need it (tests; the change listener and store:migrate to come). */
export type PostgresStore = Store & { kind: 'postgres'; pool: pg.Pool };

/**
 * The writers' lock (a transaction-level advisory lock of this database): every write transaction takes
 * it first, so writers run one at a time as on SQLite's BEGIN IMMEDIATE, and every rule the domain
 * checks before it writes — the next ticket number of a desk and day, the file and request numbers,
 * one ticket a day, one visitor served at a time, the last administrator, a save on a stale version —
 * holds for all desks on the server without a rule of its own. A write is a few milliseconds; a hall's
 * desks write a few times a minute. Reads never wait for it.
 */
const WRITERS_LOCK = 0x15_71_9a_01;
const BEGIN = CompiledQuery.raw(`BEGIN; SELECT pg_advisory_xact_lock(${WRITERS_LOCK})`);
/**
 * The revision moves, and NOTIFY tells every listening desk, only when the transaction wrote
 * something (PostgreSQL gives it a transaction id at its first write, and not before): an empty
 * call-next or a repeated check-in moves nothing, as on SQLite, where the revision is the last audit row.
 * The notification leaves the server only if the transaction commits.
 */
const BUMP_AND_COMMIT = CompiledQuery.raw(
  `WITH moved AS (UPDATE store_revision SET revision = revision + 1 WHERE id = 1 AND pg_current_xact_id_if_assigned() IS NOT NULL RETURNING revision)
   SELECT pg_notify('${CHANGES_CHANNEL}', revision::text) FROM moved; COMMIT`,
);
const ROLLBACK = CompiledQuery.raw('ROLLBACK');
const REVISION = 'SELECT revision FROM store_revision WHERE id = 1';

/** SQLSTATEs after which the whole transaction may simply run again: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/**
 * Values as the domain reads them on SQLite too: counts and sums (bigint) as numbers, flags (boolean
 * columns) as 1 / 0. Per pool, not pg's global parsers: nothing else in the process is touched.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    if (oid === pg.types.builtins.BOOL) return (v: string) => (v === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    types,
    application_name: 'istiqbal',
    // A desk that dies inside a write (its PC switched off mid-transaction) would hold the writers' lock
    // until TCP gives up on it (hours): the server ends such a transaction after a minute instead.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
  });
  // An idle connection the server dropped must not bring the process down; the next call reconnects.
  // Once the store closes, its connections still ending may hear of it: nothing to tell anyone then.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) options.onPoolError?.(error);
  });

  /** Statements whose rows come as arrays (Store.arrayRows), by their text, as the SQLite store keeps them. */
  const arrayRowSql = new Set<string>();
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: arrayAwarePool(pool, arrayRowSql) }) });
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }

  return {
    kind: 'postgres',
    db,
    pool,
    async write(fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.connection().execute(async (conn) => {
            await conn.executeQuery(BEGIN);
            try {
              const result = await fn(conn);
              await conn.executeQuery(BUMP_AND_COMMIT);
              return result;
            } catch (e) {
              await conn.executeQuery(ROLLBACK).catch(() => undefined); // a lost connection has rolled back by itself
              throw e;
            }
          });
        } catch (e) {
          if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
          // A moment apart, so two desks that collided do not collide again.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    },
    async searchNames(q, tokens, limit) {
      if (tokens.length === 0) return [];
      // The same answers as SQLite's FTS5 (P2): every token a whole word first, then every token a word
      // prefix; inside each, the highest key first — the latest visitor, then the newest file. Tokens
      // are quoted lexemes of the tsquery (user text never reaches its syntax), and a word may answer
      // two tokens, as in FTS5.
      const lexemes = tokens.map((t) => `'${t.replace(/['\\]/g, '\\$&')}'`);
      const ids: number[] = [];
      for (const query of [lexemes.join(' & '), lexemes.map((l) => `${l}:*`).join(' & ')]) {
        const rows = await sql<{ id: number }>`
          SELECT id FROM beneficiaries WHERE ${sql.raw(NAME_WORDS)} @@ ${query}::tsquery
          ORDER BY ${sql.raw(NAME_KEY)} DESC LIMIT ${limit + ids.length}`.execute(q);
        for (const { id } of rows.rows) if (!ids.includes(id) && ids.length < limit) ids.push(id);
        if (ids.length >= limit) break;
      }
      return ids;
    },
    async nextWaitingVisit(trx, day) {
      // The writers' lock already keeps two desks apart; SKIP LOCKED keeps the claim safe by itself
      // (a row another transaction holds is passed over, never waited for or given twice).
      const row = await trx
        .selectFrom('visits')
        .select('id')
        .where('day', '=', day)
        .where('state', '=', 'waiting')
        .orderBy('arrived_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      return row?.id ?? null;
    },
    async revision(q) {
      const row = await q.executeQuery<{ revision: number }>(CompiledQuery.raw(REVISION));
      return row.rows[0]?.revision ?? 0;
    },
    async arrayRows<Row extends unknown[]>(q: Db, query: CompiledQuery) {
      arrayRowSql.add(query.sql);
      return (await q.executeQuery(query)).rows as Row[];
    },
    async changeMark() {
      // Every desk's commits move the revision, this process's own included: one number says it all.
      const result = await pool.query<{ revision: number }>(REVISION);
      return { others: result.rows[0]?.revision ?? 0, own: 0 };
    },
    ownChanges() {
      return 0;
    },
    async close() {
      closing = true;
      await db.destroy();
    },
  };
}

/** Kysely's PostgreSQL dialect over pg's pool, with the rows of Store.arrayRows' statements read as arrays (pg's rowMode). */
function arrayAwarePool(pool: pg.Pool, arrayRowSql: ReadonlySet<string>): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        wrapper = {
          query: ((text: string, values: unknown[]) =>
            arrayRowSql.has(text) ? client.query({ text, values, rowMode: 'array' }) : client.query(text, values)) as unknown as PostgresPoolClient['query'],
          release: (destroy?: boolean) => client.release(destroy),
        };
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  if (await atLatest(db)) return;
  // Kysely runs PostgreSQL's migrations in one transaction under its own lock: a failed migration
  // leaves the database as it was, and desks opening a new store at once migrate it once.
  const { error, results } = await new Migrator({ db, provider: postgresMigrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '?'} failed: ${String((error as Error).message ?? error)}`);
  }
}

/** Every migration already applied (every start but a new database's first): one read instead of the migrator's lock and checks. */
async function atLatest(db: Kysely<any>): Promise<boolean> {
  const names = Object.keys(postgresMigrations);
  try {
    const done = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
    return done.rows.length === names.length && done.rows.every((r, i) => r.name === names[i]);
  } catch {
    return false; // no migration table yet: the migrator makes it
  }
}
