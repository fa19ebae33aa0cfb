import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { postgresMigrations } from '../postgres/migrations';
import { CONTINUE_SEARCH_RANK } from '../postgres/migrations/0021-search-rank-sequence';
import { migrateToLatest, WRITERS_LOCK } from '../postgres/open-postgres-store';
import { valueTypes } from '../postgres/value-types';

/** PostgreSQL's own tables beside the association's rows: the migrations', the revision counter, the files. */
export const TARGET_MACHINERY = ['kysely_migration', 'kysely_migration_lock', 'store_revision', 'desk_revisions', 'file_contents', 'stored_files'];

/** Tables that hold something once anyone has used a store: a database with a row in any is not empty. */
const USED_WHEN_FILLED = ['users', 'beneficiaries', 'visits', 'requests', 'audit', 'stored_files'];

/** One connection to the database the store moves into, its values read as the store reads them. */
export async function connectTarget(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: valueTypes, application_name: 'istiqbal-store-move', connectionTimeoutMillis: 10_000, keepAlive: true });
  // A connection lost mid-move fails the statement waiting on it; nothing else may end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionProblem(error);
  }
  return client;
}

/** Why the server could not be reached or refused the connection, in Arabic (its own words are not shown). */
export function connectionProblem(error: unknown): AppError {
  const code = String((error as { code?: string }).code ?? '');
  const message = String((error as Error)?.message ?? '');
  const reasons = ar.storeMove.reasons;
  const reason =
    code === 'ECONNREFUSED'
      ? reasons.refused
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? reasons.unknownHost
        : code === '28P01' || code === '28000'
          ? reasons.credentials
          : code === '3D000'
            ? reasons.noDatabase
            : /timeout/i.test(message)
              ? reasons.timeout
              : reasons.other;
  const problem = fill(ar.storeMove.cannotConnect, { reason });
  return new AppError('validation', problem, [{ path: ['url'], message: problem }]);
}

/**
 * The database takes the store only if nothing of anyone's is in it: no table at all, or only this
 * program's tables (another desk opened it on PostgreSQL once and nobody used it). Then this program's
 * migrations bring it to the tables the SQLite store has, in their own transaction.
 */
export async function prepareTarget(client: pg.Client, url: string, sourceTables: readonly string[]): Promise<void> {
  const tables = await tableNames(client);
  if (tables.length > 0) {
    if (!tables.includes('kysely_migration')) throw notEmpty();
    const applied = (await client.query<{ name: string }>('SELECT name FROM kysely_migration')).rows.map((r) => r.name);
    const ours = Object.keys(postgresMigrations);
    // Made by a newer program: its tables are not the ones this one copies into.
    if (applied.some((name) => !ours.includes(name))) throw notEmpty();
    const known = new Set([...sourceTables, ...TARGET_MACHINERY]);
    if (tables.some((name) => !known.has(name))) throw notEmpty();
  }
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, application_name: 'istiqbal-store-move' }) }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  const missing = sourceTables.filter((name) => !TARGET_MACHINERY.includes(name));
  const after = new Set(await tableNames(client));
  for (const name of missing) if (!after.has(name)) throw new Error(`the PostgreSQL store has no table ${name}`);
}

/** How long the move's set-up waits for a lock another connection holds on the target before it is refused as busy. */
export const MOVE_LOCK_WAIT_MS = 10_000;

/**
 * Statements of the move's transaction that take locks another connection may hold (the writers' lock
 * of a desk writing, a table an administrator's open transaction has locked): past `waitMs` the move is
 * refused as busy, in Arabic, rather than left waiting with its card on the set-up phase.
 */
export async function waitingAtMost<T>(client: pg.Client, waitMs: number, statements: () => Promise<T>): Promise<T> {
  await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.ceil(waitMs))}`);
  let done: T;
  try {
    done = await statements();
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') throw new AppError('conflict', ar.storeMove.targetBusy);
    throw error;
  }
  // Then the copy waits as the server's settings say.
  await client.query('SET LOCAL lock_timeout TO DEFAULT');
  return done;
}

/**
 * Opens the move's one transaction: the writers' lock of every desk on this database first (a desk
 * opened on it meanwhile waits, then finds it filled), then the check that nothing is in it yet —
 * inside the lock, so two moves into one database never both go ahead.
 */
export async function beginMove(client: pg.Client, lockWaitMs: number): Promise<void> {
  await client.query('BEGIN');
  await waitingAtMost(client, lockWaitMs, () => client.query(`SELECT pg_advisory_xact_lock(${WRITERS_LOCK})`));
  for (const table of USED_WHEN_FILLED) {
    const { rows } = await client.query<{ filled: unknown }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS filled`);
    if (rows[0]?.filled) throw notEmpty();
  }
}

/** The tables in an order where every table comes after the tables it refers to (self references aside). */
export async function parentsFirst(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (next.length === 0) throw new Error(`tables refer to each other in a circle: ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of next) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** Every identity column's sequence set past the highest id copied, so the next row numbers on from the store's. */
export async function continueSequences(client: pg.Client, tables: readonly string[]): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    if (!tables.includes(table)) continue;
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max(${quote(column)}), 0) FROM ${quote(table)}) + 1, false)`, [quote(table), column]);
  }
  // The next visitor's search rank, above every rank copied (0021).
  if (tables.includes('beneficiaries')) await client.query(CONTINUE_SEARCH_RANK);
}

async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

const notEmpty = () => new AppError('conflict', ar.storeMove.notEmpty, [{ path: ['url'], message: ar.storeMove.notEmpty }]);
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
