import type { Kysely, Migration } from 'kysely';
import { TEXT, oneOf, run } from './ddl';

/**
 * SQLite's 0008 on PostgreSQL: each audit row's kind (a change, a read of personal data in full, a
 * refused call), its reason, desk and beneficiary; the list's indexes; the table append-only in the
 * database itself; and a version per documents checklist line.
 */
export const auditTrail: Migration = {
  async up(db: Kysely<unknown>) {
    await run(db, [
      `ALTER TABLE audit
        ADD COLUMN kind ${TEXT} NOT NULL DEFAULT 'change' ${oneOf('kind', ['change', 'read', 'refused'])},
        ADD COLUMN reason ${TEXT},
        ADD COLUMN desk_id integer REFERENCES desks(id),
        ADD COLUMN beneficiary_id integer`,
      // Whose data each older row touched, found as new rows find it (audit/write-audit.ts); before the
      // trigger below, which refuses any later UPDATE.
      `UPDATE audit SET beneficiary_id = CASE entity
          WHEN 'beneficiary' THEN entity_id
          WHEN 'request' THEN (SELECT r.beneficiary_id FROM requests r WHERE r.id = audit.entity_id)
          WHEN 'visit' THEN (SELECT v.beneficiary_id FROM visits v WHERE v.id = audit.entity_id)
          WHEN 'attachment' THEN (SELECT r.beneficiary_id FROM attachments a JOIN requests r ON r.id = a.request_id WHERE a.id = audit.entity_id)
        END
        WHERE entity IN ('beneficiary', 'request', 'visit', 'attachment')`,
      // The audit screen pages newest first by keyset (at, id): each filter's index ends with both, so
      // a page is read straight from it (SQLite's indexes end with the rowid by themselves).
      `CREATE INDEX audit_at ON audit(at, id)`,
      `CREATE INDEX audit_user_at ON audit(user_id, at, id)`,
      `CREATE INDEX audit_operation_at ON audit(operation, at, id)`,
      `CREATE INDEX audit_beneficiary_at ON audit(beneficiary_id, at, id) WHERE beneficiary_id IS NOT NULL`,
      `CREATE INDEX audit_kind_at ON audit(kind, at, id) WHERE kind <> 'change'`,
      // Append-only, whoever sends the statement (the core, psql, a bug): as SQLite's two triggers,
      // with the same words; TRUNCATE, which row triggers never see, is refused as well.
      `CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION 'سجل التدقيق يُضاف إليه فقط: لا يُعدَّل صف منه' USING ERRCODE = 'restrict_violation';
          END IF;
          RAISE EXCEPTION 'سجل التدقيق يُضاف إليه فقط: لا يُحذف صف منه' USING ERRCODE = 'restrict_violation';
        END $$`,
      `CREATE TRIGGER audit_no_update_or_delete BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
      `CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
      // The revision (Store.revision) moves with changes only, as on SQLite, where it is the newest
      // change's id: a read or a refusal recorded must not make every desk's screens refresh. A change
      // row marks its transaction; the store's commit moves the revision when the mark is there.
      // Every transaction that wrote anything still moves `writes` (Store.changeMark), so what the
      // dispatcher keeps between calls never outlives any write.
      `ALTER TABLE store_revision ADD COLUMN writes bigint NOT NULL DEFAULT 0`,
      `CREATE FUNCTION audit_marks_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM set_config('istiqbal.changed', 'on', true);
          RETURN NULL;
        END $$`,
      `CREATE TRIGGER audit_change_marks AFTER INSERT ON audit FOR EACH ROW WHEN (NEW.kind = 'change') EXECUTE FUNCTION audit_marks_change()`,
      `ALTER TABLE request_documents
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_by integer REFERENCES users(id)`,
    ]);
  },
};
