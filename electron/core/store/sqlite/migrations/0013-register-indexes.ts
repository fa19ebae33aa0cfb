import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The register (registers.list, registers.export) shows the request numbers opened at each visit, and
 * sorts by them: a visit's requests are found through an index rather than by reading every request.
 */
export const registerIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX requests_visit ON requests(visit_id) WHERE visit_id IS NOT NULL`.execute(db);
  },
};
