import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Every backup run, whoever started it (the daily schedule, closing the app, the administrator, the
 * command line) and from whichever desk's process: the settings screen shows the last one and its
 * result, the schedule decides from them whether a backup is due, and two processes on one data
 * folder see each other's run. A run still 'running' whose heartbeat stopped, or whose process (pid on
 * host) is gone, was cut off.
 */
export const backupRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE backup_runs (
      id INTEGER PRIMARY KEY,
      trigger TEXT NOT NULL CHECK (trigger IN ('daily', 'closing', 'manual', 'command')),
      started_at TEXT NOT NULL,
      heartbeat_at TEXT NOT NULL,
      finished_at TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed')),
      folder TEXT NOT NULL,
      file_name TEXT,
      size_bytes INTEGER CHECK (size_bytes IS NULL OR size_bytes >= 0),
      message TEXT,
      user_id INTEGER REFERENCES users(id),
      pid INTEGER NOT NULL,
      host TEXT NOT NULL)`.execute(db);
    await sql`CREATE INDEX backup_runs_started ON backup_runs(started_at)`.execute(db);
  },
};
