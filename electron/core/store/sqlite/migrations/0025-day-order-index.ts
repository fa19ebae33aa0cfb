import type { Migration } from 'kysely';

/**
 * PostgreSQL's 0025 ends the index of a day's visits with the id, so they come in arrival-then-id
 * order without a sort. SQLite's indexes already end with the rowid, which is the id: nothing to
 * change here. The migration exists so that both stores list the same migrations.
 */
export const dayOrderIndex: Migration = {
  async up() {},
};
