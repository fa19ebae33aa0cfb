import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { WRITERS_LOCK } from '../../electron/core/store/postgres/open-postgres-store';
import type { TestCore } from './test-core';

/**
 * Another desk's process in the middle of a change, in this process: the store's write lock held on
 * a connection of its own — SQLite's BEGIN IMMEDIATE on the file, PostgreSQL's writers' advisory lock —
 * until released. (tests/helpers/processes/hold-lock.ts does the same from a real second process.)
 */
export async function holdWriteLock(t: TestCore): Promise<{ release(): Promise<void> }> {
  if (t.store.kind === 'postgres') {
    const client = new pg.Client({ connectionString: t.storeArg });
    await client.connect();
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITERS_LOCK})`);
    return {
      async release() {
        await client.query('ROLLBACK');
        await client.end();
      },
    };
  }
  const other = new BetterSqlite3(t.storeFile);
  other.exec('BEGIN IMMEDIATE');
  return {
    async release() {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}
