import type { Kysely, Migration } from 'kysely';
import { ID, TEXT, oneOf, run } from './ddl';

/** SQLite's 0016 on PostgreSQL: contacts on the channels C2–C8 with their follow-ups; a request's contact. */
export const contacts: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE contacts (
        id ${ID},
        day ${TEXT} NOT NULL,
        logged_at ${TEXT} NOT NULL,
        desk_id integer REFERENCES desks(id),
        channel ${TEXT} NOT NULL ${oneOf('channel', ['phone', 'social_media', 'letters', 'help_request', 'volunteering', 'website', 'branch_delegate'])},
        beneficiary_id integer REFERENCES beneficiaries(id),
        name ${TEXT},
        mobile ${TEXT},
        subject ${TEXT} NOT NULL,
        answer ${TEXT} NOT NULL,
        logged_by integer NOT NULL REFERENCES users(id),
        follow_up_due ${TEXT},
        follow_up_owner integer REFERENCES users(id),
        follow_up_done_at ${TEXT},
        follow_up_done_by integer REFERENCES users(id),
        follow_up_note ${TEXT},
        client_key ${TEXT} UNIQUE,
        version integer NOT NULL DEFAULT 1,
        CHECK (beneficiary_id IS NOT NULL OR name IS NOT NULL),
        CHECK ((follow_up_due IS NULL) = (follow_up_owner IS NULL)))`,
      `CREATE INDEX contacts_day ON contacts(day, logged_at)`,
      `CREATE INDEX contacts_open_follow_ups ON contacts(follow_up_due, follow_up_owner) WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL`,
      `CREATE INDEX contacts_beneficiary ON contacts(beneficiary_id)`,
      `ALTER TABLE requests ADD COLUMN contact_id integer REFERENCES contacts(id)`,
    ]);
  },
};
