import { sql } from 'kysely';
import type { AuditKind, RefusalReason } from '../../../shared/domain/audit';
import { compiledOnce } from '../store/compiled-once';
import type { Db } from '../store/store';

/** One row of the audit trail as the dispatcher (and the demo desk) writes it. */
export interface AuditRowInput {
  at: string;
  userId: number | null;
  deskId: number | null;
  operation: string;
  kind: AuditKind;
  reason: RefusalReason | null;
  entity: string | null;
  entityId: number | null;
  /** JSON, secrets already replaced (auditJson). */
  before: string | null;
  after: string | null;
}

/**
 * The row, with the beneficiary it concerns found in the same statement: a file is its own, a
 * request, a visit or a scan belongs to the request's or visit's beneficiary. The audit screen lists
 * one person's history by that column, whichever handler wrote the row.
 */
const insertRow = compiledOnce(
  (
    db: Db,
    at: string,
    userId: number | null,
    deskId: number | null,
    operation: string,
    kind: string,
    reason: string | null,
    entity: string | null,
    entityId: number | null,
    before: string | null,
    after: string | null,
  ) =>
    db.insertInto('audit').values({
      at,
      user_id: userId,
      desk_id: deskId,
      operation,
      kind,
      reason,
      entity,
      entity_id: entityId,
      before,
      after,
      beneficiary_id: sql<number | null>`CASE ${entity}
        WHEN 'beneficiary' THEN ${entityId}
        WHEN 'request' THEN (SELECT r.beneficiary_id FROM requests r WHERE r.id = ${entityId})
        WHEN 'visit' THEN (SELECT v.beneficiary_id FROM visits v WHERE v.id = ${entityId})
        WHEN 'attachment' THEN (SELECT r.beneficiary_id FROM attachments a JOIN requests r ON r.id = a.request_id WHERE a.id = ${entityId})
      END`,
    }),
);

export async function insertAuditRow(db: Db, row: AuditRowInput): Promise<void> {
  await insertRow(db, row.at, row.userId, row.deskId, row.operation, row.kind, row.reason, row.entity, row.entityId, row.before, row.after);
}

