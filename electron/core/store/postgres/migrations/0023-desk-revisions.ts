import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/**
 * A desk's own changes (a check-in, a call: Store.write's WriteScope) are counted in a row of their
 * desk, not in the one row of store_revision. Every write transaction moves its counter as it commits,
 * and a row's lock is held until the commit is on disk: with one row, a desk's commit waited for the
 * other desk's to reach the disk first, the last place two desks checking in side by side still waited
 * on each other. The store's counts are the sums (open-postgres-store: revision, changeMark); a row only
 * grows, so a sum read later is never smaller, and a commit is in a sum from the moment it is visible,
 * as with one row. Changes taken under the whole writers' lock keep moving store_revision. SQLite's 0023
 * changes nothing: it writes one change at a time.
 */
export const deskRevisions: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE desk_revisions (
        desk_id integer PRIMARY KEY,
        writes bigint NOT NULL,
        revision bigint NOT NULL)`,
    ]);
  },
};
