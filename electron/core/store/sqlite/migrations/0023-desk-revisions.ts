import type { Migration } from 'kysely';

/**
 * PostgreSQL's 0023 counts a desk's own changes in a row of their desk, so two desks' commits never wait
 * on one row. SQLite writes one change at a time and its revision is the newest change's audit row:
 * nothing to change here. The migration exists so that both stores list the same migrations.
 */
export const deskRevisions: Migration = {
  async up() {},
};
