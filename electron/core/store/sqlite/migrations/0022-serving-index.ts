import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Whom this receptionist serves at this desk today (S1: one at a time, checked by every call) from a
 * small index of the visits being served, the first called first: the check no longer reads all of
 * the day's served visits, which a desk that confirmed calling while serving can pile up.
 */
export const servingIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX visits_serving ON visits(day, served_by, serving_desk_id, called_at) WHERE state = 'serving'`.execute(db);
  },
};
