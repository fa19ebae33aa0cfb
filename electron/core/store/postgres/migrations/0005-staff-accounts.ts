import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/** SQLite's 0005 on PostgreSQL: a reset leaves the account waiting for a new password; password changes are counted. */
export const staffAccounts: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false, ADD COLUMN password_version integer NOT NULL DEFAULT 1`,
    ]);
  },
};
