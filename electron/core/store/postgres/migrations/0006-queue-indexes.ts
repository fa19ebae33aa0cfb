import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/** SQLite's 0006 on PostgreSQL: today's queue in arrival order from an index; the committee's counts from a small one. */
export const queueIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE INDEX visits_day_arrival ON visits(day, arrived_at)`,
      `CREATE INDEX requests_awaiting ON requests(state, expected_answer_date) WHERE state = 'submitted'`,
    ]);
  },
};
