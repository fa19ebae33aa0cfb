import type { Kysely, Migration } from 'kysely';
import { TEXT, run } from './ddl';

/**
 * SQLite's 0007 on PostgreSQL: failed sign-ins and unlocks per username tried, in the shared store, so
 * the wait and the lock hold for every desk on the server and across restarts.
 */
export const signInFailures: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE sign_in_failures (
        username ${TEXT} PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at ${TEXT} NOT NULL,
        locked_until ${TEXT})`,
    ]);
  },
};
