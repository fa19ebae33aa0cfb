/**
 * Another process holding the store's write lock, as another desk's shell in the middle of a change
 * (or a maintenance tool) does. argv: STORE — the SQLite file, or a postgres:// URL. Takes the lock
 * (SQLite: BEGIN IMMEDIATE; PostgreSQL: the writers' advisory lock in a transaction) and prints
 * `locked`; on the stdin line `release` ends its transaction, which wrote nothing, and prints
 * `released`; `exit` ends the process.
 */
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { WRITERS_LOCK } from '../../../electron/core/store/postgres/open-postgres-store';

interface Holder {
  release(): Promise<void>;
  close(): Promise<void>;
}

async function hold(store: string): Promise<Holder> {
  if (/^postgres(ql)?:\/\//.test(store)) {
    const client = new pg.Client({ connectionString: store });
    await client.connect();
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITERS_LOCK})`);
    return {
      release: async () => {
        await client.query('ROLLBACK');
      },
      close: () => client.end(),
    };
  }
  const db = new BetterSqlite3(store);
  db.exec('BEGIN IMMEDIATE');
  return {
    release: async () => {
      db.exec('ROLLBACK');
    },
    close: async () => {
      db.close();
    },
  };
}

async function main(): Promise<void> {
  const [store] = process.argv.slice(2);
  if (!store) throw new Error('usage: hold-lock.ts STORE_FILE_OR_URL');
  const holder = await hold(store);
  console.log('locked');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'release') {
      await holder.release();
      console.log('released');
    } else if (line === 'exit') {
      break;
    }
  }
  await holder.close();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
