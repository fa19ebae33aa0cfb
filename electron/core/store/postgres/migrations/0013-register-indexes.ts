import type { Kysely, Migration } from 'kysely';
import { run } from './ddl';

/** SQLite's 0013 on PostgreSQL: a visit's requests (the register's request numbers) through an index. */
export const registerIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [`CREATE INDEX requests_visit ON requests(visit_id) WHERE visit_id IS NOT NULL`]);
  },
};
