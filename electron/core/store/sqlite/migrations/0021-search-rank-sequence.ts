import type { Migration } from 'kysely';

/**
 * PostgreSQL's 0021 gives a visitor's search_rank a sequence, because its check-ins of different desks
 * run side by side. SQLite writes one change at a time, so its trigger's highest-rank-plus-one (0004)
 * stays: nothing to change here. The migration exists so that both stores list the same migrations.
 */
export const searchRankSequence: Migration = {
  async up() {},
};
