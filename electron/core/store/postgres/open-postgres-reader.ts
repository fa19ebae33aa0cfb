import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Reader } from '../reader';
import { isConnectionLoss } from './connection-errors';
import type { Database } from '../schema';
import { valueTypes } from './value-types';

/**
 * A connection of its own to the PostgreSQL store, for a worker thread: one connection, every
 * transaction on it read-only (the server refuses a write, whatever a job does), values read as the
 * store reads them. Long reads stream through a cursor (Kysely's stream()), each from one statement,
 * so one consistent snapshot, a batch of rows at a time. A desk's writes never wait for it.
 */
export function openPostgresReader(options: { url: string }): Reader {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 1,
    types: valueTypes,
    application_name: 'istiqbal-jobs',
    options: '-c default_transaction_read_only=on',
    keepAlive: true,
    // A server that cannot be reached answers the job 'unavailable' after this, rather than never.
    connectionTimeoutMillis: 5_000,
  });
  // A connection the server dropped between jobs must not end the worker; the next job reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, lostConnection: isConnectionLoss, close: () => db.destroy() };
}
