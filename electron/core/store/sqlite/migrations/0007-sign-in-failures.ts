import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Failed sign-ins and unlocks per username tried (an account's or not: the answer must not tell which
 * usernames exist), kept in the store so the wait and the lock hold across restarts and across every
 * desk on the same store. A row goes when the password is given right or an administrator lifts it.
 */
export const signInFailures: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE sign_in_failures (
        username TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        locked_until TEXT
      )`.execute(db);
  },
};
