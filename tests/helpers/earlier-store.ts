import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import { postgresMigrations } from '../../electron/core/store/postgres/migrations';
import { openPostgresStore } from '../../electron/core/store/postgres/open-postgres-store';
import { sqliteMigrations } from '../../electron/core/store/sqlite/migrations';
import { openSqliteStore } from '../../electron/core/store/sqlite/open-sqlite-store';
import type { Store } from '../../electron/core/store/store';
import { emptyTestDatabase, makeTempDir, TEST_STORE } from './test-core';

/** A store of the suite's engine as an older version left it: every migration before `migration` applied, none after. */
export interface EarlierStore {
  /** Plain Kysely on it, to write rows as the older version did. */
  db: Kysely<any>;
  /** Closes `db` and opens the store as this version does, which applies the later migrations. */
  open(): Promise<Store>;
  /** Closes what is open and removes the store (a PostgreSQL database goes with the run's end). */
  cleanup(): Promise<void>;
}

export async function storeBefore(migration: string): Promise<EarlierStore> {
  const all: Record<string, Migration> = TEST_STORE === 'postgres' ? postgresMigrations : sqliteMigrations;
  const earlier = Object.fromEntries(Object.entries(all).filter(([name]) => name < migration));
  let store: Store | null = null;
  let db: Kysely<any>;
  let open: () => Promise<Store>;
  let dir: string | null = null;
  if (TEST_STORE === 'postgres') {
    const url = await emptyTestDatabase();
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    open = () => openPostgresStore({ url, poolSize: 2 });
  } else {
    dir = makeTempDir('istiqbal-earlier-');
    const file = join(dir, 'store.sqlite3');
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
    open = () => openSqliteStore({ file });
  }
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => earlier } }).migrateToLatest();
  if (error) throw error;
  let dbOpen = true;
  return {
    db,
    async open() {
      await db.destroy();
      dbOpen = false;
      store = await open();
      return store;
    },
    async cleanup() {
      if (dbOpen) await db.destroy();
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
