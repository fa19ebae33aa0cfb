import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for the two lists a desk reopens all day (bench: today's queue, the committee's list).
 */
export const queueIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      // Today's queue in arrival order straight from the index: no sort of the day's rows afterwards.
      sql`CREATE INDEX visits_day_arrival ON visits(day, arrived_at)`,
      // The committee's counts (awaiting, overdue) from a small index alone, without reading a request
      // (state leads it, or SQLite prefers requests_state_submitted and reads every awaiting request).
      sql`CREATE INDEX requests_awaiting ON requests(state, expected_answer_date) WHERE state = 'submitted'`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
