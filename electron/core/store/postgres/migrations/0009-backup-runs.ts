import type { Kysely, Migration } from 'kysely';
import { ID, TEXT, oneOf, run } from './ddl';

/**
 * SQLite's 0009 on PostgreSQL: the backup runs' table, so both stores hold the same tables (a store
 * moved from SQLite brings its history). A PostgreSQL store is backed up with pg_dump, not by the
 * desk (backups.* refuse on it), so nothing writes here on this store.
 */
export const backupRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE backup_runs (
        id ${ID},
        trigger ${TEXT} NOT NULL ${oneOf('trigger', ['daily', 'closing', 'manual', 'command'])},
        started_at ${TEXT} NOT NULL,
        heartbeat_at ${TEXT} NOT NULL,
        finished_at ${TEXT},
        outcome ${TEXT} NOT NULL ${oneOf('outcome', ['running', 'ok', 'failed'])},
        folder ${TEXT} NOT NULL,
        file_name ${TEXT},
        size_bytes bigint CHECK (size_bytes IS NULL OR size_bytes >= 0),
        message ${TEXT},
        user_id integer REFERENCES users(id),
        pid integer NOT NULL,
        host ${TEXT} NOT NULL)`,
      `CREATE INDEX backup_runs_started ON backup_runs(started_at)`,
    ]);
  },
};
