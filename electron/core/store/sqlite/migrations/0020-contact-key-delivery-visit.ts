import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A complaint's `contact_id` gets the foreign key 0017 could not give it (the contacts table came
 * from another branch): a complaint then never names a contact that does not exist. SQLite adds a
 * foreign key only by building the table again, so the table is copied into its new shape and its
 * indexes made again. Nothing references complaints, so dropping the old table touches no other row.
 * A number that names no contact (none should: complaints.create checks it) is kept as no contact
 * rather than failing the whole store's upgrade.
 *
 * A delivered service (S7) gets the instant it was handed over and the visit it was handed over in
 * (`delivered_visit_id`): the satisfaction kiosk of the desk that served that visit asks after the
 * delivery (P6), and the visit's one rating covers both (rated_visits keeps its one key per visit).
 * The partial index finds the deliveries of the kiosk's last minutes.
 */
export const contactKeyDeliveryVisit: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`CREATE TABLE complaints_keyed (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        category TEXT,
        text TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new','in_progress','answered','closed')),
        visit_id INTEGER REFERENCES visits(id),
        beneficiary_id INTEGER REFERENCES beneficiaries(id),
        contact_id INTEGER REFERENCES contacts(id),
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
      sql`INSERT INTO complaints_keyed (id, number, channel, category, text, state, visit_id, beneficiary_id, contact_id,
          received_at, received_day, received_by, owner_id, due_date, answer, answered_at, answered_day, closed_at,
          updated_at, updated_by, version)
        SELECT id, number, channel, category, text, state, visit_id, beneficiary_id,
          CASE WHEN contact_id IN (SELECT id FROM contacts) THEN contact_id END,
          received_at, received_day, received_by, owner_id, due_date, answer, answered_at, answered_day, closed_at,
          updated_at, updated_by, version
        FROM complaints`,
      sql`DROP TABLE complaints`,
      sql`ALTER TABLE complaints_keyed RENAME TO complaints`,
      sql`CREATE INDEX complaints_state_due ON complaints(state, due_date)`,
      sql`CREATE INDEX complaints_received ON complaints(received_day, received_at)`,
      sql`CREATE INDEX complaints_visit ON complaints(visit_id)`,
      sql`ALTER TABLE requests ADD COLUMN delivered_at TEXT`,
      sql`ALTER TABLE requests ADD COLUMN delivered_visit_id INTEGER REFERENCES visits(id)`,
      sql`CREATE INDEX requests_delivered_at ON requests(delivered_at) WHERE delivered_at IS NOT NULL`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
