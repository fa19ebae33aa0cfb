import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The register of complaints and suggestions (P8). `contact_id` names a logged contact (C2–C8) and has
 * no foreign key yet: the contacts table arrives with its own migration, on its own branch.
 */
export const complaints: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        category TEXT,
        text TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new','in_progress','answered','closed')),
        visit_id INTEGER REFERENCES visits(id),
        beneficiary_id INTEGER REFERENCES beneficiaries(id),
        contact_id INTEGER,
        received_at TEXT NOT NULL,
        received_day TEXT NOT NULL,
        received_by INTEGER NOT NULL REFERENCES users(id),
        owner_id INTEGER REFERENCES users(id),
        due_date TEXT NOT NULL,
        answer TEXT,
        answered_at TEXT,
        answered_day TEXT,
        closed_at TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1)`,
      // The board's overdue ones: unanswered, by due date.
      sql`CREATE INDEX complaints_state_due ON complaints(state, due_date)`,
      // The register newest first, and the period report's "received in the period".
      sql`CREATE INDEX complaints_received ON complaints(received_day, received_at)`,
      sql`CREATE INDEX complaints_visit ON complaints(visit_id)`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
