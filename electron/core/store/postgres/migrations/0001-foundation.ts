import type { Kysely, Migration } from 'kysely';
import { ID, TEXT, oneOf, run } from './ddl';

/**
 * SQLite's 0001 on PostgreSQL: users, desks, settings, beneficiaries, visits, and the audit trail;
 * and the revision counter every write transaction moves (PostgreSQL store: revision, NOTIFY).
 * The name index comes with 0004, as the search of today needs it.
 */
export const foundation: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `CREATE TABLE users (
        id ${ID},
        username ${TEXT} NOT NULL UNIQUE,
        full_name ${TEXT} NOT NULL,
        role ${TEXT} NOT NULL ${oneOf('role', ['receptionist', 'researcher', 'supervisor', 'admin'])},
        password_hash ${TEXT} NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at ${TEXT} NOT NULL)`,
      `CREATE TABLE desks (
        id ${ID},
        name ${TEXT} NOT NULL,
        ticket_prefix ${TEXT} NOT NULL UNIQUE)`,
      `CREATE TABLE settings (key ${TEXT} PRIMARY KEY, value ${TEXT} NOT NULL)`,
      `CREATE TABLE beneficiaries (
        id ${ID},
        first_name ${TEXT} NOT NULL,
        father_name ${TEXT} NOT NULL,
        grandfather_name ${TEXT} NOT NULL,
        family_name ${TEXT} NOT NULL,
        full_name ${TEXT} NOT NULL,
        name_norm ${TEXT} NOT NULL,
        id_type ${TEXT} NOT NULL ${oneOf('id_type', ['national_id', 'iqama', 'passport', 'border_number', 'other'])},
        id_number ${TEXT} NOT NULL UNIQUE,
        mobile ${TEXT},
        file_number ${TEXT} UNIQUE,
        created_at ${TEXT} NOT NULL,
        updated_at ${TEXT} NOT NULL,
        created_by integer REFERENCES users(id))`,
      `CREATE INDEX beneficiaries_mobile ON beneficiaries(mobile)`,
      `CREATE TABLE visits (
        id ${ID},
        day ${TEXT} NOT NULL,
        desk_id integer NOT NULL REFERENCES desks(id),
        seq integer NOT NULL,
        ticket ${TEXT} NOT NULL,
        beneficiary_id integer REFERENCES beneficiaries(id),
        visitor_name ${TEXT},
        visitor_mobile ${TEXT},
        reason ${TEXT} NOT NULL ${oneOf('reason', ['inquiry', 'new_request', 'follow_up', 'missing_documents', 'receive_aid', 'complaint', 'volunteering', 'other'])},
        channel ${TEXT} NOT NULL ${oneOf('channel', ['interview', 'phone', 'social_media', 'letters', 'help_request', 'volunteering', 'website', 'branch_delegate'])},
        state ${TEXT} NOT NULL ${oneOf('state', ['waiting', 'serving', 'referred', 'done', 'left', 'cancelled'])},
        arrived_at ${TEXT} NOT NULL,
        called_at ${TEXT},
        ended_at ${TEXT},
        served_by integer REFERENCES users(id),
        serving_desk_id integer REFERENCES desks(id),
        referred_to integer REFERENCES users(id),
        referral_note ${TEXT},
        outcome ${TEXT} ${oneOf('outcome', ['answered', 'request_opened', 'documents_received', 'aid_delivered', 'complaint_recorded', 'referred_elsewhere', 'other'])},
        outcome_note ${TEXT},
        inquiry ${TEXT},
        answer ${TEXT},
        client_key ${TEXT} UNIQUE,
        created_by integer NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        CHECK (beneficiary_id IS NOT NULL OR visitor_name IS NOT NULL),
        UNIQUE (day, desk_id, seq))`,
      `CREATE INDEX visits_day_state ON visits(day, state, arrived_at)`,
      `CREATE INDEX visits_beneficiary ON visits(beneficiary_id)`,
      `CREATE TABLE visit_events (
        id ${ID},
        visit_id integer NOT NULL REFERENCES visits(id),
        at ${TEXT} NOT NULL,
        user_id integer NOT NULL REFERENCES users(id),
        action ${TEXT} NOT NULL,
        from_state ${TEXT},
        to_state ${TEXT} NOT NULL,
        note ${TEXT})`,
      `CREATE INDEX visit_events_visit ON visit_events(visit_id)`,
      `CREATE TABLE audit (
        id ${ID},
        at ${TEXT} NOT NULL,
        user_id integer REFERENCES users(id),
        operation ${TEXT} NOT NULL,
        entity ${TEXT},
        entity_id integer,
        before ${TEXT},
        after ${TEXT})`,
      `CREATE INDEX audit_entity ON audit(entity, entity_id)`,
      // One row: the store's revision, moved by every write transaction that changed anything (open-postgres-store).
      `CREATE TABLE store_revision (
        id smallint PRIMARY KEY CHECK (id = 1),
        revision bigint NOT NULL)`,
      `INSERT INTO store_revision (id, revision) VALUES (1, 0)`,
      `INSERT INTO desks (name, ticket_prefix) VALUES
        ('مكتب الاستقبال 1', 'A'), ('مكتب الاستقبال 2', 'B'), ('مكتب الباحث الاجتماعي', 'R')`,
      `INSERT INTO settings (key, value) VALUES
        ('associationName', '"جمعية البر الخيرية"'), ('timeZone', '"Asia/Riyadh"'), ('lockAfterMinutes', '10')`,
    ]);
  },
};
