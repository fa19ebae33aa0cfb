import type { Kysely, Migration } from 'kysely';
import { ID, TEXT, oneOf, run } from './ddl';

/** SQLite's 0017 on PostgreSQL: the complaints register (P8); contact_id without a foreign key there too. */
export const complaints: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE complaints (
        id ${ID},
        number ${TEXT} NOT NULL UNIQUE,
        channel ${TEXT} NOT NULL ${oneOf('channel', ['interview', 'phone', 'social_media', 'letters', 'help_request', 'volunteering', 'website', 'branch_delegate'])},
        category ${TEXT},
        text ${TEXT} NOT NULL,
        state ${TEXT} NOT NULL ${oneOf('state', ['new', 'in_progress', 'answered', 'closed'])},
        visit_id integer REFERENCES visits(id),
        beneficiary_id integer REFERENCES beneficiaries(id),
        contact_id integer,
        received_at ${TEXT} NOT NULL,
        received_day ${TEXT} NOT NULL,
        received_by integer NOT NULL REFERENCES users(id),
        owner_id integer REFERENCES users(id),
        due_date ${TEXT} NOT NULL,
        answer ${TEXT},
        answered_at ${TEXT},
        answered_day ${TEXT},
        closed_at ${TEXT},
        updated_at ${TEXT} NOT NULL,
        updated_by integer NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1)`,
      `CREATE INDEX complaints_state_due ON complaints(state, due_date)`,
      `CREATE INDEX complaints_received ON complaints(received_day, received_at)`,
      `CREATE INDEX complaints_visit ON complaints(visit_id)`,
    ]);
  },
};
