import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { inject } from 'vitest';
import type { PasswordCost } from '../../electron/core/auth/passwords';
import type { ShellFacts } from '../../electron/core/computer/shell-facts';
import { createCore, STORE_FILE_NAME, type Core, type CoreOptions, type StoreChoice } from '../../electron/core/core';
import { asSqliteStore } from '../../electron/core/store/sqlite/open-sqlite-store';
import type { Db, StoreKind } from '../../electron/core/store/store';
import { createClock, type TestClock } from './clock';
import { TEST_PASSWORD_COST } from './password-cost';

export { TEST_PASSWORD_COST };
import { adminQuery, databaseOf, testDatabaseName, withDatabase } from './postgres/databases';

/**
 * The store the core suite runs on: vitest's project core-sqlite or core-postgres sets it
 * (vitest.config.mts), so every test of operations runs on both.
 */
export const TEST_STORE: StoreKind = process.env.ISTIQBAL_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestCore extends Core {
  clock: TestClock;
  /** The store's Kysely instance, to look at rows the same way on both stores. */
  readonly db: Db;
  /** The better-sqlite3 connection under the SQLite store: only for tests about the SQLite file itself. */
  readonly raw: BetterSqlite3.Database;
  storeFile: string;
  /** The store as `--store` names it, for a child process that opens another core on it: 'sqlite' or the database's URL. */
  storeArg: string;
  /** Unexpected errors the dispatcher logged ("internal" envelopes); tests assert it stays empty. */
  internalErrors: { operation: string; error: unknown }[];
  /** Closes the core, removes its temp folder, and fails if the core logged an unexpected error. Safe to call twice. */
  cleanup(): Promise<void>;
}


export function makeTempDir(prefix = 'istiqbal-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The PostgreSQL database of each data folder a test opened cores on, with how many are open on it. A
 * data folder the test gave keeps its database when its last core closes, as a SQLite file stays in
 * it: the test may open the store again (a restart); the run's end removes it.
 */
const databases = new Map<string, { url: string; open: number; kept: boolean }>();

/**
 * A fresh PostgreSQL database for a new store: a copy of the migrated template the run's global setup
 * made (tests/helpers/postgres/global-setup.ts), so no core pays for the migrations. The copy is the
 * slow part of a test core (~0.1–0.3 s), so the next one is made while the test runs on this one; one
 * left unused at the end goes with the run (global teardown).
 */
let spareDatabase: Promise<string> | null = null;
async function newTestDatabase(): Promise<string> {
  const url = await (spareDatabase ?? copyTemplate());
  spareDatabase = copyTemplate();
  spareDatabase.catch(() => undefined); // a failure shows when it is taken
  return url;
}

/** A new empty PostgreSQL database of this run (no migration applied); the run's end removes it. */
export async function emptyTestDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = testDatabaseName(inject('pgDatabasePrefix'));
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  return withDatabase(adminUrl, name);
}

async function copyTemplate(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = testDatabaseName(inject('pgDatabasePrefix'));
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  return withDatabase(adminUrl, name);
}

/**
 * A real core on a real store with all migrations applied — a SQLite file in a fresh temp folder, or a
 * fresh PostgreSQL database (TEST_STORE) — with a clock the test controls. Pass `dataDir` to open a
 * second core on the same store (another desk's process). Pass `sameStoreAs` for another desk's process on
 * the same store as a hall's desks have it: on PostgreSQL a data folder of its own on the same
 * database (another PC), on SQLite the same data folder (the store is that folder's file).
 */
export async function openTestCore(
  options: {
    now?: TestClock | Date | string;
    dataDir?: string;
    passwordCost?: PasswordCost;
    lockWaitMs?: number;
    /**
     * Another desk on the same store: on PostgreSQL another PC on the same database, with a data folder
     * of its own (`dataDir` or a new one); on SQLite a second core on the same data folder.
     */
    sameStoreAs?: TestCore;
    /** Where the store was named, as a shell tells the core (the settings screen says it). */
    storeSource?: CoreOptions['storeSource'];
    /** The PostgreSQL password file; by default one inside the test's data folder, never the user's own. */
    passwordFile?: string;
    passwordSeal?: CoreOptions['passwordSeal'];
    probeTimeoutMs?: number;
    /** What the shell running the core can do for this computer (start with Windows). */
    shell?: ShellFacts;
  } = {},
): Promise<TestCore> {
  const clock =
    options.now && typeof options.now === 'object' && 'advance' in options.now ? options.now : createClock(options.now ?? undefined);
  const sharedDir = options.dataDir ?? (options.sameStoreAs && TEST_STORE === 'sqlite' ? options.sameStoreAs.dataDir : undefined);
  const ownsDir = !sharedDir;
  const dataDir = sharedDir ?? makeTempDir();
  let store: StoreChoice = { kind: 'sqlite' };
  if (TEST_STORE === 'postgres') {
    let database = databases.get(options.sameStoreAs?.dataDir ?? dataDir);
    if (!database) databases.set(dataDir, (database = { url: await newTestDatabase(), open: 0, kept: !ownsDir }));
    else if (options.sameStoreAs) databases.set(dataDir, database);
    database.open += 1;
    store = { kind: 'postgres', url: database.url };
  }
  const internalErrors: TestCore['internalErrors'] = [];
  const core = await createCore({
    dataDir,
    store,
    now: clock.now,
    // `passwordCost: undefined` given outright: the cost the shells get, which gives none.
    passwordCost: 'passwordCost' in options ? options.passwordCost : TEST_PASSWORD_COST,
    lockWaitMs: options.lockWaitMs,
    storeSource: options.storeSource,
    passwordFile: options.passwordFile ?? join(dataDir, 'test-pgpass'),
    passwordSeal: options.passwordSeal,
    probeTimeoutMs: options.probeTimeoutMs,
    shell: options.shell,
    log: (error, operation) => internalErrors.push({ operation, error }),
  });
  let closed = false;
  // Getters, not values: the store open now (a restore reopens it); raw only for a test about the
  // SQLite file, and on PostgreSQL it refuses.
  Object.defineProperty(core, 'raw', { get: () => rawDb(core) });
  Object.defineProperty(core, 'db', { get: () => core.store.db });
  return Object.assign(core as Core & { raw: BetterSqlite3.Database; db: Db }, {
    clock,
    storeFile: join(dataDir, STORE_FILE_NAME),
    storeArg: store.kind === 'postgres' ? store.url : 'sqlite',
    internalErrors,
    async cleanup() {
      if (closed) return;
      closed = true;
      await core.close();
      await releaseDatabase(dataDir);
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
      // An "internal" envelope is a bug in the core, whatever the test was about.
      if (internalErrors.length > 0) {
        const list = internalErrors.map((e) => `${e.operation}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`).join('\n');
        throw new Error(`the core logged ${internalErrors.length} unexpected error(s):\n${list}`);
      }
    },
  });
}

/** The last core on a test database closed: the database goes (the cluster itself goes at the end of the run). */
async function releaseDatabase(dataDir: string): Promise<void> {
  const database = databases.get(dataDir);
  if (!database || --database.open > 0 || database.kept) return;
  // Every data folder on it (sameStoreAs: two PCs on one database) lets it go.
  for (const [dir, d] of databases) if (d === database) databases.delete(dir);
  await adminQuery(inject('pgAdminUrl'), `DROP DATABASE IF EXISTS ${databaseOf(database.url)} WITH (FORCE)`);
}

/** The SQLite store keeps its better-sqlite3 handle beside the Kysely instance. */
export function rawDb(core: Core): BetterSqlite3.Database {
  return asSqliteStore(core.store).raw;
}

export const APP_TABLES = ['users', 'desks', 'settings', 'beneficiaries', 'visits', 'visit_events', 'audit'] as const;

/**
 * Row count of every application table: "nothing written" means this is equal before and after.
 * The audit table counts its changes: a refusal of access is recorded by a row of its own kind
 * ('refused'), which tests/core/audit/ checks.
 */
export async function rowCounts(core: Pick<Core, 'store'>): Promise<Record<(typeof APP_TABLES)[number], number>> {
  const counts = await Promise.all(APP_TABLES.map((t) => (t === 'audit' ? auditCount(core) : countRows(core, t))));
  return Object.fromEntries(APP_TABLES.map((t, i) => [t, counts[i]])) as Record<(typeof APP_TABLES)[number], number>;
}

/** Audit rows of changes (not the reads of personal data or the refusals recorded beside them). */
export async function auditCount(core: Pick<Core, 'store'>): Promise<number> {
  return auditKindCount(core, 'change');
}

/** Audit rows of calls refused, for their session or role or, at sign-in and unlock, for their credentials. */
export async function refusedCount(core: Pick<Core, 'store'>): Promise<number> {
  return auditKindCount(core, 'refused');
}

async function auditKindCount(core: Pick<Core, 'store'>, kind: 'change' | 'refused'): Promise<number> {
  const row = await core.store.db
    .selectFrom('audit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The number of rows of a table (through Kysely: the same on both stores). */
export async function countRows(core: Pick<Core, 'store'>, table: Parameters<Db['selectFrom']>[0] & string): Promise<number> {
  const row = await core.store.db
    .selectFrom(table as 'audit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the store takes on disk: the SQLite file with its WAL, or the PostgreSQL database. */
export async function storeBytes(t: Pick<TestCore, 'store' | 'db' | 'storeFile'>): Promise<number> {
  if (t.store.kind === 'postgres') {
    const { rows } = await sql<{ n: number }>`SELECT pg_database_size(current_database()) AS n`.execute(t.db);
    return Number(rows[0]!.n);
  }
  return ['', '-wal'].map((s) => (existsSync(t.storeFile + s) ? statSync(t.storeFile + s).size : 0)).reduce((a, b) => a + b);
}
