import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The hall display (S1): every call of a visitor to a desk, and every repeated call, in the
 * order they were made — what the display shows as its last calls and announces once each. The desk
 * is the one that called (a visit may be served at another desk later); never a visitor's name.
 */
export const hallDisplay: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`CREATE TABLE hall_calls (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        visit_id INTEGER NOT NULL REFERENCES visits(id),
        desk_id INTEGER NOT NULL REFERENCES desks(id),
        at TEXT NOT NULL,
        called_by INTEGER NOT NULL REFERENCES users(id),
        recall INTEGER NOT NULL DEFAULT 0)`,
      // Today's calls, newest first, from the index alone.
      sql`CREATE INDEX hall_calls_day ON hall_calls(day, id)`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
