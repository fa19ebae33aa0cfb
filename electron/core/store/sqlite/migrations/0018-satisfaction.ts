import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Satisfaction ratings (P6, P7), made so that an anonymous rating cannot be traced back to the person
 * who gave it, while each visit is still rated only once:
 *
 * - `satisfaction_ratings` holds what was rated and the visit's desk, reason, channel, business day and
 *   the employee who served (for the supervisors' per-employee figures, P7). It names the visit
 *   (`visit_id`) only when the visitor chose to give their name. No instant is kept, only the day, and
 *   its key is random (WITHOUT ROWID: the rows are stored in the order of that key), so neither a
 *   column nor the order of the rows says which rating followed which finished visit.
 * - `rated_visits` is the one-way marker: the visits that were rated, and nothing about how. Its
 *   primary key refuses a second rating of a visit even from two desks at once; it points at no rating
 *   and no rating points at it. (On PostgreSQL the heap's physical order of two tables filled together
 *   could still be compared by someone reading the server's pages; no query, screen or export does.)
 * - `kiosk_presses`: one row per desk, the instant of its kiosk's last submit, overwritten by the next:
 *   enough to flag rapid repeated presses as misuse. It names no rating (a rating with an instant beside
 *   it could be matched to the visit finished just before), and keeps no history of presses.
 */
export const satisfaction: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE satisfaction_ratings (
      id TEXT PRIMARY KEY NOT NULL,
      day TEXT NOT NULL,
      desk_id INTEGER REFERENCES desks(id),
      reason TEXT NOT NULL,
      channel TEXT NOT NULL,
      served_by INTEGER REFERENCES users(id),
      visit_id INTEGER UNIQUE REFERENCES visits(id),
      source TEXT NOT NULL CHECK (source IN ('kiosk', 'paper')),
      entered_by INTEGER REFERENCES users(id),
      overall INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
      courtesy INTEGER CHECK (courtesy BETWEEN 1 AND 5),
      speed INTEGER CHECK (speed BETWEEN 1 AND 5),
      clarity INTEGER CHECK (clarity BETWEEN 1 AND 5),
      comment TEXT,
      contact_me INTEGER NOT NULL DEFAULT 0,
      misuse INTEGER NOT NULL DEFAULT 0,
      followed_up_at TEXT,
      followed_up_by INTEGER REFERENCES users(id),
      follow_up_note TEXT) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX satisfaction_ratings_day ON satisfaction_ratings(day)`.execute(db);
    await sql`CREATE TABLE rated_visits (visit_id INTEGER PRIMARY KEY REFERENCES visits(id))`.execute(db);
    await sql`CREATE TABLE kiosk_presses (
      desk_id INTEGER PRIMARY KEY REFERENCES desks(id),
      last_at TEXT NOT NULL)`.execute(db);
  },
};
