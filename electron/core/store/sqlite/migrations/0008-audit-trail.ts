import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An audit trail worth its name: every row says what kind of event it is (a change, a read of
 * personal data in full, a refused call), at which desk, and — for a beneficiary's file, request,
 * visit or scan — whose data it touched, so an auditor can list one person's history. The table is
 * append-only in the database itself. Also: each line of a request's documents checklist gets its
 * own version, so two desks setting the same line cannot overwrite each other silently.
 *
 * Engine-specific DDL (triggers, partial indexes) lives here, in the SQLite migrations. PostgreSQL's
 * equivalent of the two triggers below, for its own migration later:
 *   CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
 *     $$ BEGIN RAISE EXCEPTION 'audit rows are never changed or removed'; END $$;
 *   CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
 *   CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
 * and the application's role granted only SELECT and INSERT on audit.
 */
export const auditTrail: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      sql`ALTER TABLE audit ADD COLUMN kind TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'read', 'refused'))`,
      // Why a call was refused: unauthenticated, locked, forbidden, password_must_change, credentials.
      sql`ALTER TABLE audit ADD COLUMN reason TEXT`,
      sql`ALTER TABLE audit ADD COLUMN desk_id INTEGER REFERENCES desks(id)`,
      // Whose personal data the row concerns; no foreign key: an audit row must never stand in anyone's way.
      sql`ALTER TABLE audit ADD COLUMN beneficiary_id INTEGER`,
      // The rows written before this migration learn their beneficiary the same way new rows do.
      sql`UPDATE audit SET beneficiary_id = CASE entity
            WHEN 'beneficiary' THEN entity_id
            WHEN 'request' THEN (SELECT r.beneficiary_id FROM requests r WHERE r.id = audit.entity_id)
            WHEN 'visit' THEN (SELECT v.beneficiary_id FROM visits v WHERE v.id = audit.entity_id)
            WHEN 'attachment' THEN (SELECT r.beneficiary_id FROM attachments a JOIN requests r ON r.id = a.request_id WHERE a.id = audit.entity_id)
          END
          WHERE entity IN ('beneficiary', 'request', 'visit', 'attachment')`,
      // The audit screen lists newest first, a page at a time, by keyset (at, id) < (last shown): each
      // filter has an index that starts with its column and ends with the time, so a page is read
      // straight from the index whatever the table's size (SQLite appends the rowid to every index,
      // which breaks ties between rows of the same instant). Combined filters use the first of these
      // and check the others on the rows it reads.
      sql`CREATE INDEX audit_at ON audit(at)`,
      sql`CREATE INDEX audit_user_at ON audit(user_id, at)`,
      sql`CREATE INDEX audit_operation_at ON audit(operation, at)`,
      sql`CREATE INDEX audit_beneficiary_at ON audit(beneficiary_id, at) WHERE beneficiary_id IS NOT NULL`,
      // Reads and refusals are the few among many changes: a small index lists them alone.
      sql`CREATE INDEX audit_kind_at ON audit(kind, at) WHERE kind <> 'change'`,
      // The desks' change counter (Store.revision) is the newest change, not the newest read: a file
      // opened must not make every screen refresh (and the refreshed file be read again).
      sql`CREATE INDEX audit_changes ON audit(id) WHERE kind = 'change'`,
      sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
          BEGIN SELECT RAISE(ABORT, 'سجل التدقيق يُضاف إليه فقط: لا يُعدَّل صف منه'); END`,
      sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
          BEGIN SELECT RAISE(ABORT, 'سجل التدقيق يُضاف إليه فقط: لا يُحذف صف منه'); END`,
      // A documents checklist line's own version: a line written before this migration has been written once.
      sql`ALTER TABLE request_documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
      sql`ALTER TABLE request_documents ADD COLUMN updated_by INTEGER REFERENCES users(id)`,
    ];
    for (const s of statements) await s.execute(db);
  },
};
