import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A person's ticket of the day (a check-in's facts) read all their visits of ten years to keep
 * today's: visits_beneficiary now ends with the day, as on PostgreSQL. PostgreSQL's 0026 also gives
 * the waiting and the referred visits indexes of their own, because its indexes keep the entries of
 * a row's old versions until VACUUM; SQLite changes an index entry in place, so visits_day_state and
 * visits_open stay as they are here.
 */
export const visitLookups: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`DROP INDEX visits_beneficiary`.execute(db);
    await sql`CREATE INDEX visits_beneficiary ON visits(beneficiary_id, day)`.execute(db);
  },
};
