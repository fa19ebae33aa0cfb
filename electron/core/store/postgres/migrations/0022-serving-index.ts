import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/** SQLite's 0022 on PostgreSQL: whom this receptionist serves at this desk today, from a small index. */
export const servingIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [`CREATE INDEX visits_serving ON visits(day, served_by, serving_desk_id, called_at) WHERE state = 'serving'`]);
  },
};
