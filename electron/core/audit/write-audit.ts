import type { AuditKind, RefusalReason } from '@shared/domain/audit';
import type { CompiledQuery } from 'kysely';
import { boundOnce } from '../store/compiled-once';
import { textLiteral } from '../store/portable';
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
const insertRow = boundOnce(
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
    db.insertInto('audit').values((eb) => ({
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
      beneficiary_id: eb
        .case(eb.val(entity))
        .when(textLiteral('beneficiary'))
        .then(eb.val(entityId))
        .when(textLiteral('request'))
        .then(eb.selectFrom('requests as r').select('r.beneficiary_id').where('r.id', '=', entityId))
        .when(textLiteral('visit'))
        .then(eb.selectFrom('visits as v').select('v.beneficiary_id').where('v.id', '=', entityId))
        .when(textLiteral('contact'))
        .then(eb.selectFrom('contacts as c').select('c.beneficiary_id').where('c.id', '=', entityId))
        .when(textLiteral('attachment'))
        .then(eb.selectFrom('attachments as a').innerJoin('requests as r', 'r.id', 'a.request_id').select('r.beneficiary_id').where('a.id', '=', entityId))
        .when(textLiteral('complaint'))
        .then(eb.selectFrom('complaints as c').select('c.beneficiary_id').where('c.id', '=', entityId))
        .end(),
    })),
);

/** The row's INSERT, bound: the dispatcher sends it with the commit (Store.atCommit). */
export function auditRowInsert(db: Db, row: AuditRowInput): CompiledQuery {
  return insertRow(db, row.at, row.userId, row.deskId, row.operation, row.kind, row.reason, row.entity, row.entityId, row.before, row.after);
}

export async function insertAuditRow(db: Db, row: AuditRowInput): Promise<void> {
  await db.executeQuery(auditRowInsert(db, row));
}

