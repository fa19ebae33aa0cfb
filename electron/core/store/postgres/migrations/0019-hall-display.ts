import type { Kysely, Migration } from 'kysely';
import { ID, TEXT, run } from './ddl';

/** SQLite's 0019 on PostgreSQL: every call and repeated call of a visitor to a desk, for the hall display. */
export const hallDisplay: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE hall_calls (
        id ${ID},
        day ${TEXT} NOT NULL,
        visit_id integer NOT NULL REFERENCES visits(id),
        desk_id integer NOT NULL REFERENCES desks(id),
        at ${TEXT} NOT NULL,
        called_by integer NOT NULL REFERENCES users(id),
        recall boolean NOT NULL DEFAULT false)`,
      `CREATE INDEX hall_calls_day ON hall_calls(day, id)`,
    ]);
  },
};
