import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Contacts on the channels other than the walk-in interview (P4, P5, C2–C8): a call, a message, a letter
 * logged with its subject and answer, never a visit (no ticket, no place in the hall's queue), with an
 * optional follow-up (a due day and its owner, always together). A request opened from a contact names it.
 */
export const contacts: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        logged_at TEXT NOT NULL,
        desk_id INTEGER REFERENCES desks(id),
        channel TEXT NOT NULL CHECK (channel IN ('phone','social_media','letters','help_request','volunteering','website','branch_delegate')),
        beneficiary_id INTEGER REFERENCES beneficiaries(id),
        name TEXT,
        mobile TEXT,
        subject TEXT NOT NULL,
        answer TEXT NOT NULL,
        logged_by INTEGER NOT NULL REFERENCES users(id),
        follow_up_due TEXT,
        follow_up_owner INTEGER REFERENCES users(id),
        follow_up_done_at TEXT,
        follow_up_done_by INTEGER REFERENCES users(id),
        follow_up_note TEXT,
        client_key TEXT UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (beneficiary_id IS NOT NULL OR name IS NOT NULL),
        CHECK ((follow_up_due IS NULL) = (follow_up_owner IS NULL)))`,
      // The register's days and the contacts list: a range of days in time order.
      sql`CREATE INDEX contacts_day ON contacts(day, logged_at)`,
      // Follow-ups still open, by due day: a handful among years of contacts (the desk's badge, the board).
      sql`CREATE INDEX contacts_open_follow_ups ON contacts(follow_up_due, follow_up_owner) WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL`,
      sql`CREATE INDEX contacts_beneficiary ON contacts(beneficiary_id)`,
      sql`ALTER TABLE requests ADD COLUMN contact_id INTEGER REFERENCES contacts(id)`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
