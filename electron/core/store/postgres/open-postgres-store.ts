import { createHash } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql, type KyselyPlugin, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { Database } from '../schema';
import { CHANGES_CHANNEL, LOCK_WAIT_MS, type ChangeMark, type Db, type Store, type WriteScope } from '../store';
import { isConnectionLoss } from './connection-errors';
import { literalsOf } from './literals';
import { runPipeline } from './pipeline';
import { postgresMigrationProvider, postgresMigrations } from './migrations';
import { valueTypes } from './value-types';
import { NAME_KEY, NAME_WORDS } from './migrations/0004-search-normalisation';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:5432/database (or anything libpq-style that `pg` reads). */
  url: string;
  /** Connections this process keeps at most: a desk's screens ask a few things at once, no more. */
  poolSize?: number;
  /** Where a pool error with no call waiting for it goes (a server restart, a cable out). */
  onPoolError?: (error: Error) => void;
  /** How long a change waits for the writers' lock before it is refused as busy (default LOCK_WAIT_MS, as on SQLite). */
  lockWaitMs?: number;
}

/** The PostgreSQL store, with its pool for tools that need it (tests; store:migrate to come). */
export type PostgresStore = Store & {
  kind: 'postgres';
  pool: pg.Pool;
  /**
   * The server stopped answering (the change listener heard nothing in time: a cable out, a server
   * that froze): every connection of the pool is cut here, so a call waiting on one is answered
   * 'unavailable' at once instead of when TCP gives up (hours); the next call connects anew.
   */
  abandonConnections(): void;
};

/** How long a new connection waits for the server's first word before the call is answered 'unavailable'. */
const CONNECT_WAIT_MS = 5_000;

/**
 * The writers' lock (a transaction-level advisory lock of this database): every write transaction takes
 * it first, so writers run one at a time as on SQLite's BEGIN IMMEDIATE, and every rule the domain
 * checks before it writes — the next ticket number of a desk and day, the file and request numbers,
 * one ticket a day, one visitor served at a time, the last administrator, a save on a stale version —
 * holds for all desks on the server without a rule of its own. Reads never wait for it.
 *
 * A desk's own change (WriteScope: check-in, call-next) takes it shared, with its desk's lock and the
 * beneficiary's exclusive: two desks check in and call side by side, while the rules such a change
 * checks — its desk's next ticket and serving, the beneficiary's ticket of the day — still see one
 * change at a time. Any other change takes it exclusive and so waits for, and holds off, all of them.
 */
export const WRITERS_LOCK = 0x15_71_9a_01;
/** The two-key advisory locks of a desk and of a beneficiary (the first key says which). */
const DESK_LOCK = 0x15_71_9a_02;
const BENEFICIARY_LOCK = 0x15_71_9a_03;

function locksOf(scope: WriteScope | undefined): string {
  if (!scope) return `SELECT pg_advisory_xact_lock(${WRITERS_LOCK})`;
  // Always in this order (writers, desk, beneficiary), so two changes never wait on each other in a circle.
  const locks = [`pg_advisory_xact_lock_shared(${WRITERS_LOCK})`, `pg_advisory_xact_lock(${DESK_LOCK}, ${integer(scope.deskId)})`];
  if (scope.beneficiaryId !== undefined) locks.push(`pg_advisory_xact_lock(${BENEFICIARY_LOCK}, ${integer(scope.beneficiaryId)})`);
  // One statement, its locks taken left to right.
  return `SELECT ${locks.join(', ')}`;
}

function integer(n: number): number {
  if (!Number.isSafeInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`not a lock key: ${n}`);
  return n;
}

/**
 * The locks are waited for on the server, at most `waitMs` (lock_timeout): past it the server answers
 * lock_not_available and the change is refused as busy, with nothing written, as on SQLite. Then the
 * transaction's later statements wait as the server's settings say.
 */
/**
 * With the lock taken, the count Store.changeMark reads: the mark comes with BEGIN, not a round trip
 * later; then the change's first statement if it was sent ahead (Store.write), executed prepared. Each
 * is a statement of its own, so each sees what was committed before the locks were had.
 */
const begin = (waitMs: number, scope: WriteScope | undefined, ahead: Prepared | null) =>
  batch([
    `BEGIN; SET LOCAL lock_timeout = ${Math.max(1, Math.ceil(waitMs))}; ${locksOf(scope)}; SET LOCAL lock_timeout TO DEFAULT; SELECT facts AS facts_at_begin FROM store_revision WHERE id = 1`,
    ...(ahead ? [ahead] : []),
  ]);
/** lock_not_available: the writers' lock was not had within lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';
/**
 * The revision moves, and NOTIFY tells every listening desk, only when the transaction recorded a
 * change (an audit row of kind 'change' marks its transaction: migration 0008): an empty call-next, a
 * repeated check-in, a read or a refusal recorded moves nothing, as on SQLite, where the revision is
 * the newest change's audit row. The notification leaves the server only if the transaction commits.
 * `writes` moves with every transaction that wrote anything (PostgreSQL gives it a transaction id at
 * its first write, and not before): Store.changeMark.
 */
const CHANGED = `coalesce(current_setting('istiqbal.changed', true) = 'on', false)`;
/** How many of this transaction's statements wrote users or settings (their triggers count them: migration 0024). */
const FACTS = `coalesce(nullif(current_setting('istiqbal.facts', true), ''), '0')::int`;
/**
 * `wrote` is 1 when this transaction moved `writes` (it wrote anything), `facts` how much it moved
 * `facts` (its statements that wrote users or settings), read from its own statement: desks writing
 * side by side move the counts in between, so their values before and after would not tell. The counts are
 * store_revision's one row (changes under the whole writers' lock) plus a row per desk for a desk's own
 * changes (migration 0023: two desks' commits never wait on one row); the notification carries the
 * store's revision as this transaction sees it.
 */
export const bumpStatement = (deskId: number | undefined): Prepared => {
  const moves = (row: string) =>
    `writes = ${row}.writes + 1, revision = ${row}.revision + CASE WHEN ${CHANGED} THEN 1 ELSE 0 END`;
  const moved =
    deskId === undefined
      ? `UPDATE store_revision AS s SET ${moves('s')}
         WHERE id = 1 AND pg_current_xact_id_if_assigned() IS NOT NULL
         RETURNING revision + (SELECT coalesce(sum(revision), 0) FROM desk_revisions) AS revision`
      : `INSERT INTO desk_revisions AS d (desk_id, writes, revision)
         SELECT $1::int, 1, CASE WHEN ${CHANGED} THEN 1 ELSE 0 END
         WHERE pg_current_xact_id_if_assigned() IS NOT NULL
         ON CONFLICT (desk_id) DO UPDATE SET ${moves('d')}
         RETURNING revision + (SELECT revision FROM store_revision WHERE id = 1)
           + (SELECT coalesce(sum(revision), 0) FROM desk_revisions WHERE desk_id <> $1::int) AS revision`;
  const sql = `WITH moved AS (${moved}),
   told AS (SELECT pg_notify('${CHANGES_CHANNEL}', revision::text) FROM moved WHERE ${CHANGED})
   SELECT (SELECT count(*) FROM moved)::int AS wrote, (SELECT count(*) FROM told)::int AS told,
     ${FACTS} AS facts`;
  return { sql, literals: deskId === undefined ? [] : [String(integer(deskId))] };
};
const STORE_BUMP = bumpStatement(undefined);
/** What the commit's text says this transaction moved (arrayAwarePool hands over the rows of all its statements). */
const movedBy = (rows: unknown[]): { wrote: boolean; facts: number } => {
  const row = rows.find((r): r is { wrote: unknown; facts: unknown } => typeof r === 'object' && r !== null && 'wrote' in r);
  return { wrote: Number(row?.wrote) === 1, facts: Number(row?.facts ?? 0) };
};
/**
 * facts_at_begin among the rows of begin's statements, and the rows after it: the statement sent ahead's
 * (the mark's statement reads one row, and only the statement sent ahead follows it).
 */
const openedBy = (rows: unknown[]): { factsAtBegin: number; aheadRows: unknown[] } => {
  const at = rows.findIndex((r) => typeof r === 'object' && r !== null && 'facts_at_begin' in r);
  if (at < 0) throw new Error('BEGIN answered without the change mark');
  return { factsAtBegin: Number((rows[at] as { facts_at_begin: unknown }).facts_at_begin), aheadRows: rows.slice(at + 1) };
};
const ROLLBACK = CompiledQuery.raw('ROLLBACK');
const REVISION = 'SELECT (SELECT revision FROM store_revision WHERE id = 1) + (SELECT coalesce(sum(revision), 0) FROM desk_revisions) AS revision';
const FACTS_COUNT = 'SELECT facts FROM store_revision WHERE id = 1';
const FACTS_COUNT_QUERY = CompiledQuery.raw(FACTS_COUNT);

/** SQLSTATEs after which the whole transaction may simply run again: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const sockets = new Set<Socket>();
  const connecting = new WeakMap<Socket, NodeJS.Timeout>();
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    types: valueTypes,
    application_name: 'istiqbal',
    // A desk that dies inside a write (its PC switched off mid-transaction) would hold the writers' lock
    // until TCP gives up on it (hours): the server ends such a transaction after a minute instead.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
    // Each connection's socket made here, so abandonConnections can cut it (pg offers no other handle on it).
    stream: () => {
      const socket = new Socket();
      sockets.add(socket);
      // A server that takes the connection and never answers (a cable out past the switch, a frozen
      // server) is given up after CONNECT_WAIT_MS: the call is answered 'unavailable'. Bounded here, not
      // with pg's connectionTimeoutMillis, which would also refuse a call waiting its turn for a busy pool.
      const giveUp = setTimeout(() => socket.destroy(), CONNECT_WAIT_MS);
      giveUp.unref();
      connecting.set(socket, giveUp);
      // The server's first word (its answer to the startup, or to the request for TLS) ends the wait.
      socket.once('data', () => clearTimeout(giveUp));
      socket.once('close', () => {
        sockets.delete(socket);
        clearTimeout(giveUp);
      });
      return socket;
    },
  });
  // Connected: the wait is over (TLS negotiated directly says no word before: its stream wraps ours as _parent).
  pool.on('connect', (client) => {
    const stream = (client as unknown as pg.Client).connection.stream as Socket & { _parent?: Socket };
    clearTimeout(connecting.get(stream) ?? (stream._parent && connecting.get(stream._parent)));
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

  const lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
  // This process's changes wait for the writers' lock one after the other, in the order they were
  // asked: one connection waits on the server, the others stay free for the desk's reads.
  let lastWrite: Promise<unknown> = Promise.resolve();

  /**
   * What Store.changeMark needs to tell this process's own writes from other desks': how many of its
   * transactions moved `writes` (known from their commit), whether a commit is on its way (a mark read
   * meanwhile cannot tell whether it counts it), and whether the open write transaction has run a
   * statement yet (ownChanges then counts it as one that will move `writes`).
   */
  let ownWrites = 0;
  /** How much its transactions moved `facts` (their statements that wrote users or settings). */
  let ownFacts = 0;
  let committing = false;
  let writing: { statements: number } | null = null;
  /** The statements each open write transaction sends with its commit (Store.atCommit), by its Kysely instance. */
  const withCommit = new WeakMap<Db, { parts: Prepared[]; tx: { statements: number } }>();
  const counting = (tx: { statements: number }): KyselyPlugin => ({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      tx.statements += 1;
      return args.result;
    },
  });

  async function writeNow<T>(
    fn: (trx: Db, mark: ChangeMark, aheadRows: unknown[] | null) => Promise<T>,
    deadline: number,
    scope: WriteScope | undefined,
    ahead: CompiledQuery | undefined,
  ): Promise<T> {
    // A statement sent ahead goes in the simple query's text: only with values that have a plain literal.
    const aheadLiterals = ahead ? literalsOf(ahead.parameters) : null;
    const sentAhead: Prepared | null = ahead && aheadLiterals ? { sql: ahead.sql, literals: aheadLiterals } : null;
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.connection().execute(async (conn) => {
          let opened: ReturnType<typeof openedBy>;
          try {
            opened = openedBy((await conn.executeQuery(begin(deadline - Date.now(), scope, sentAhead))).rows);
          } catch (e) {
            await conn.executeQuery(ROLLBACK).catch(() => undefined);
            if ((e as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new AppError('busy', ar.errors.busy);
            throw e;
          }
          const tx = { statements: 0 };
          writing = tx;
          const trx = conn.withPlugin(counting(tx));
          const atCommit: Prepared[] = [];
          withCommit.set(trx, { parts: atCommit, tx });
          try {
            // This process's writes run one at a time: no commit of its own is on its way, and what it
            // counted of its own is exact (see changeMark).
            const mark = { others: opened.factsAtBegin - ownFacts, own: ownWrites };
            const result = await fn(trx, mark, sentAhead === null ? null : opened.aheadRows);
            withCommit.delete(trx);
            writing = null;
            committing = true;
            const commit = batch([...atCommit, scope ? bumpStatement(scope.deskId) : STORE_BUMP, 'COMMIT']);
            const moved = movedBy((await conn.executeQuery(commit)).rows);
            if (moved.wrote) ownWrites += 1;
            ownFacts += moved.facts;
            return result;
          } catch (e) {
            withCommit.delete(trx);
            await conn.executeQuery(ROLLBACK).catch(() => undefined); // a lost connection has rolled back by itself
            throw e;
          } finally {
            if (writing === tx) writing = null;
            committing = false;
          }
        });
      } catch (e) {
        // A statement kept prepared on a connection that a newer version's migration has since changed
        // (CACHED_PLAN_CHANGED): that connection is let go (arrayAwarePool) and the change runs again.
        const code = (e as { code?: string }).code ?? '';
        if (attempt >= MAX_ATTEMPTS || !(RETRYABLE.has(code) || code === CACHED_PLAN_CHANGED)) throw e;
        // A moment apart, so two desks that collided do not collide again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }
  /** A mark that equals no other (Store.changeMark could not be sure): what the dispatcher keeps is read again. */
  let unsure = 0;

  /**
   * Store.changeMark from the count `read` gives (with whatever else it read in the same round trip).
   * `facts` counts the statements anywhere that wrote users or settings, all that the dispatcher keeps
   * is read from; this process's own are told apart by counting them at their commit, and `own` moves
   * with any write of its own (the dispatcher says which of those left what it keeps true) — unless a
   * commit of its own was on its way meanwhile: then nothing can be told.
   */
  async function marked<T>(read: () => Promise<[facts: number, also: T]>): Promise<{ mark: ChangeMark; also: T }> {
    const own = ownWrites;
    const mine = ownFacts;
    const busy = committing;
    const [facts, also] = await read();
    if (busy || committing || own !== ownWrites) return { mark: { others: -++unsure, own: ownWrites }, also };
    return { mark: { others: facts - mine, own }, also };
  }
  const changeMark = async () => (await marked(async () => [Number((await pool.query<{ facts: number }>(FACTS_COUNT)).rows[0]?.facts ?? 0), null])).mark;

  return {
    kind: 'postgres',
    db,
    pool,
    write(fn, scope, ahead) {
      const deadline = Date.now() + lockWaitMs;
      const turn = lastWrite.then(() => writeNow(fn, deadline, scope, ahead));
      lastWrite = turn.catch(() => {});
      return turn;
    },
    async atCommit(trx, query) {
      const pending = withCommit.get(trx);
      const literals = pending ? literalsOf(query.parameters) : null;
      // Not inside a write of this store, or a value with no plain literal: run as any statement.
      if (pending === undefined || literals === null) return void (await trx.executeQuery(query));
      pending.parts.push({ sql: query.sql, literals });
      pending.tx.statements += 1; // ownChanges: this transaction will move `writes`
    },
    async searchNames(q, tokens, limit) {
      if (tokens.length === 0) return [];
      // The same answers as SQLite's FTS5 (P2): every token a whole word first, then every token a word
      // prefix; inside each, the highest key first — the latest visitor, then the newest file. A word
      // may answer two tokens, as in FTS5.
      const ids: number[] = [];
      for (const prefix of [false, true]) {
        for (const id of await namesMatching(q, tokens, prefix, limit + ids.length)) if (!ids.includes(id) && ids.length < limit) ids.push(id);
        if (ids.length >= limit) break;
      }
      return ids;
    },
    claiming<R>(query: CompiledQuery<R>, table: string) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table alias: ${table}`);
      return CompiledQuery.raw(`${query.sql} for update of "${table}" skip locked`, [...query.parameters]) as CompiledQuery<R>;
    },
    async revision(q) {
      const row = await q.executeQuery<{ revision: number }>(CompiledQuery.raw(REVISION));
      return row.rows[0]?.revision ?? 0;
    },
    async arrayRows<Row extends unknown[]>(q: Db, query: CompiledQuery) {
      arrayRowSql.add(query.sql);
      return (await q.executeQuery(query)).rows as Row[];
    },
    changeMark,
    async changeMarkWith(statements) {
      // The mark first, as changeMark: each statement after it sees what was committed before it ran.
      const parts: ReadPart[] = [{ query: FACTS_COUNT_QUERY, arrays: true }, ...statements];
      try {
        const { mark, also: rows } = await marked(async () => {
          const [count, ...rows] = (await db.executeQuery(readBatch(parts))).rows as unknown[][][];
          return [Number(count?.[0]?.[0] ?? 0), rows];
        });
        return { mark, rows };
      } catch (error) {
        // A statement kept prepared on a connection that a newer version's migration has since changed:
        // that connection is let go (arrayAwarePool), and the read's statements run as its own.
        if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED) throw error;
        return { mark: await changeMark(), rows: null };
      }
    },
    ownChanges() {
      // Inside a write transaction that has run a statement: counted as the one it will be once committed.
      return ownWrites + (writing && writing.statements > 0 ? 1 : 0);
    },
    lostConnection: isConnectionLoss,
    abandonConnections() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      closing = true;
      await db.destroy();
    },
  };
}

/**
 * How many of the most recent people (by the search key) a one-word search reads first. A common name
 * («محمد», «العتيبي», «عبد»…) has its `want` hits among them; a rarer one does not, and goes to the
 * name index, where its matches are then few.
 */
const RECENT_PEOPLE = 2_000;

/**
 * The ids whose name has every token as a whole word (or, `prefix`, as the start of a word), the
 * highest key first, at most `want`. Never the key's btree walked backwards with the words as a filter
 * (the planner's choice when it guesses a word common: for a rare or absent word it reads the whole
 * table, seconds on 200,000 people), so the cost follows the answer:
 *  - one token: the RECENT_PEOPLE highest keys first, matched as words of `' ' || name_norm || ' '`
 *    (LIKE, a fraction of a microsecond a name), enough whenever the word is common;
 *  - otherwise the GIN index on the words ('word' or 'word':* of a tsquery whose lexemes are quoted: user
 *    text never reaches its syntax), every match taken and the highest keys kept — few matches, since
 *    the word is rare or two words must both be there.
 */
async function namesMatching(q: Db, tokens: string[], prefix: boolean, want: number): Promise<number[]> {
  if (tokens.length === 1) {
    const word = tokens[0]!.replace(/[\\%_]/g, '\\$&');
    const rows = await sql<{ id: number }>`
      SELECT id FROM (SELECT id, name_norm, ${sql.raw(NAME_KEY)} AS key FROM beneficiaries ORDER BY ${sql.raw(NAME_KEY)} DESC LIMIT ${RECENT_PEOPLE}) recent
      WHERE (' ' || name_norm || ' ') LIKE ${prefix ? `% ${word}%` : `% ${word} %`} ORDER BY key DESC LIMIT ${want}`.execute(q);
    if (rows.rows.length >= want) return rows.rows.map((r) => r.id);
  }
  const lexemes = tokens.map((t) => `'${t.replace(/['\\]/g, '\\$&')}'${prefix ? ':*' : ''}`);
  const rows = await sql<{ id: number }>`
    WITH hits AS MATERIALIZED (SELECT id, ${sql.raw(NAME_KEY)} AS key FROM beneficiaries WHERE ${sql.raw(NAME_WORDS)} @@ ${lexemes.join(' & ')}::tsquery)
    SELECT id FROM hits ORDER BY key DESC LIMIT ${want}`.execute(q);
  return rows.rows.map((r) => r.id);
}

/**
 * Kysely's PostgreSQL dialect over pg's pool, with every statement prepared once per connection (a
 * named statement: pg parses it on the connection's first use, the server keeps it and its plan), so a
 * desk's repeated statements skip the server's parse and plan — a join such as a visit's view costs
 * more to plan than to run. The rows of Store.arrayRows' statements are read as arrays (pg's rowMode).
 * A text of several statements goes as a simple query, in one round trip; a BATCH (a write's BEGIN with
 * the statement it sends ahead, its commit with the statements that go with it and the revision's bump)
 * runs its prepared parts as EXECUTE of statements this connection prepared once (SQL's PREPARE, under
 * names of their own beside pg's); a READ_BATCH (a read's statements with its change mark) goes as one
 * pipeline of pg's own named statements (pipeline.ts), its rows apart for each.
 */
function arrayAwarePool(pool: pg.Pool, arrayRowSql: ReadonlySet<string>): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  /** Each statement's text hashed once: a desk sends the same few texts all day. */
  const hashes = new Map<string, string>();
  const hashOf = (text: string) => {
    let hash = hashes.get(text);
    if (!hash) hashes.set(text, (hash = createHash('sha1').update(text).digest('hex')));
    return hash;
  };
  const nameOf = (text: string) => `istiqbal_${hashOf(text)}`;
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        // A connection lost while a call holds it (between two statements of a transaction) is told
        // to its next statement, which fails; without a listener pg's 'error' event would end the process.
        client.on('error', () => undefined);
        // Another desk's newer version may change a table under a prepared `SELECT *` (the server then
        // refuses the kept statement): answered unprepared, and this connection is not reused.
        let stale = false;
        /** The statements of batches (BATCH) this connection has prepared, by name. */
        const kept = new Set<string>();
        /** A batch's text: its parts as they are, or as EXECUTE of statements prepared here once. */
        const textOf = async (parts: Part[]) => {
          const texts: string[] = [];
          for (const part of parts) {
            if (typeof part === 'string') {
              texts.push(part);
              continue;
            }
            // A name of its own: pg keeps its own list of the statements it prepared under nameOf's names.
            const name = `istiqbal_kept_${hashOf(part.sql)}`;
            if (!kept.has(name)) {
              // Once per connection: PREPARE is no part of a transaction, and outlives one rolled back.
              await client.query(`PREPARE ${name} AS ${part.sql}`);
              kept.add(name);
            }
            texts.push(`EXECUTE ${name}${part.literals.length > 0 ? `(${part.literals.join(', ')})` : ''}`);
          }
          return texts.join(';\n');
        };
        /** A simple query of several statements: a result each (pg answers one alone without a list). */
        const results = async (config: string | pg.QueryArrayConfig) => {
          try {
            const answered = (await client.query(config)) as unknown as pg.QueryResult | pg.QueryResult[];
            return Array.isArray(answered) ? answered : [answered];
          } catch (error) {
            if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) stale = true;
            throw error;
          }
        };
        const query = async (text: string, values: unknown[]) => {
          if (text === BATCH) {
            return { rows: (await results(await textOf(values[0] as Part[]))).flatMap((r) => r.rows ?? []) };
          }
          if (text === READ_BATCH) {
            // One round trip, each statement prepared (once) and bound with its values; the rows of
            // each apart, as arrays or as objects (a statement's own Store.arrayRows).
            const parts = values[0] as ReadPart[];
            let answered: pg.QueryArrayResult[];
            try {
              answered = await runPipeline(client, parts.map(({ query }) => ({ name: nameOf(query.sql), text: query.sql, values: query.parameters })));
            } catch (error) {
              // A statement may have been prepared before another failed, unknown to pg: not reused.
              stale = true;
              throw error;
            }
            return {
              rows: answered.map((r, i) =>
                parts[i]?.arrays ? r.rows : r.rows.map((row) => Object.fromEntries(r.fields.map((f, j) => [f.name, row[j]]))),
              ),
            };
          }
          const rowMode = arrayRowSql.has(text) ? ({ rowMode: 'array' } as const) : {};
          if (values.length === 0 && /;\s*\S/.test(text)) {
            // pg answers a text of several statements with a result each: their rows, one after the other.
            const results = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
            return { rows: (Array.isArray(results) ? results : [results]).flatMap((r) => r.rows ?? []) };
          }
          try {
            return await client.query({ name: nameOf(text), text, values, ...rowMode });
          } catch (error) {
            if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED) throw error;
            stale = true;
            return client.query({ text, values, ...rowMode });
          }
        };
        wrapper = {
          query: query as unknown as PostgresPoolClient['query'],
          release: (destroy?: boolean) => client.release(destroy || stale),
        };
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** feature_not_supported: "cached plan must not change result type" (a table changed under a prepared statement). */
const CACHED_PLAN_CHANGED = '0A000';

/**
 * A statement with its values written out as literals (literalsOf), to run as `EXECUTE` of the same
 * statement prepared once on the connection: the server plans it once, not on every write (a
 * check-in's facts: 0.7 ms planned each time, 0.06 ms executed prepared; the revision's bump 0.2 ms).
 */
type Prepared = { sql: string; literals: string[] };
type Part = string | Prepared;
/**
 * The text of a query that is a batch: several statements in one simple query (one round trip), each
 * given as text or as Prepared. Its one value is the list of parts (a text of several statements takes
 * no parameters, so the value never reaches the server: arrayAwarePool writes the text).
 */
const BATCH = '/* istiqbal: a batch of statements */';
const batch = (parts: Part[]) => CompiledQuery.raw(BATCH, [parts]);
/** A batch of reads (a pipeline: pipeline.ts) whose rows come apart, a list per statement, as arrays or as objects. */
type ReadPart = { query: CompiledQuery; arrays: boolean };
const READ_BATCH = '/* istiqbal: a batch of reads */';
const readBatch = (parts: ReadPart[]) => CompiledQuery.raw(READ_BATCH, [parts]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on the schema as it was, not as Database types it now
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const applied = await appliedMigrations(db);
  const names = Object.keys(postgresMigrations);
  if (applied !== null && applied.length === names.length && applied.every((name, i) => name === names[i])) return;
  // A hall's desk not yet updated, on a database a newer version has brought up to date: its tables are
  // not the ones this version reads and writes. Said in Arabic, nothing touched.
  if (applied?.some((name) => !names.includes(name))) throw new AppError('conflict', ar.storeConnection.foundNewer);
  // Kysely runs PostgreSQL's migrations in one transaction under its own lock: a failed migration
  // leaves the database as it was, and desks opening a new store at once migrate it once.
  const { error, results } = await new Migrator({ db, provider: postgresMigrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '?'} failed: ${String((error as Error).message ?? error)}`);
  }
}

/** The migrations already applied, in order (every start but a new database's first: one read instead of the migrator's lock and checks); null before the first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as migrateToLatest
async function appliedMigrations(db: Kysely<any>): Promise<string[] | null> {
  try {
    const done = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
    return done.rows.map((r) => r.name);
  } catch {
    return null; // no migration table yet: the migrator makes it
  }
}
