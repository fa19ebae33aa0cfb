import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Reader } from '../reader';
import type { Database } from '../schema';

/**
 * A read-only connection to the store's file, for a worker thread. In WAL mode its reads take no
 * lock the desks' writes wait for, and each statement reads one consistent snapshot however long it
 * runs. Waiting inside SQLite is harmless here (it blocks the worker, never a desk), so a rare lock
 * (another connection recovering the WAL) is waited out as SQLite does.
 */
export function openSqliteReader(options: { file: string; nativeBinding?: string }): Reader {
  const raw = new BetterSqlite3(options.file, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, lostConnection: () => false, close: () => db.destroy() };
}
