import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/** SQLite's 0014 on PostgreSQL: the board's month of visits from one index, in the order it groups by. */
export const boardFigures: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [`CREATE INDEX visits_day_figures ON visits(day, reason, channel, arrived_at, called_at)`]);
  },
};
