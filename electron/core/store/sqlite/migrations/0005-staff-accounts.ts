import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Staff accounts: a password reset by the administrator leaves the account waiting for its owner to
 * choose a new one, and every password change bumps a counter so that sessions opened with the old
 * password (in any window or process on this store) are signed out at their next call.
 */
export const staffAccounts: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0`.execute(db);
    await sql`ALTER TABLE users ADD COLUMN password_version INTEGER NOT NULL DEFAULT 1`.execute(db);
  },
};
