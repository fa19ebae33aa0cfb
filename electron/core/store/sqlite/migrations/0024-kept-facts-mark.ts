import type { Migration } from 'kysely';

/**
 * PostgreSQL's 0024 moves the dispatcher's change mark only with writes to users or settings, so other
 * desks' check-ins no longer make a desk read them again. SQLite's mark is its own file's: nothing to
 * change here. The migration exists so that both stores list the same migrations.
 */
export const keptFactsMark: Migration = {
  async up() {},
};
