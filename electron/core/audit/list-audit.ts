import { dayStartIso } from '@shared/dates/zone';
import type { AuditPage, AuditRowView } from '@shared/contract/audit';
import type { ParsedInputOf } from '@shared/contract';
import { addDays } from '@shared/dates/calendar';
import type { AuditKind, RefusalReason } from '@shared/domain/audit';
import type { HandlerContext } from '../context';
import { textLiteral } from '../store/portable';
import { auditFields } from './audit-fields';

/**
 * The audit trail newest first, a page at a time. Each filter is a column some index of 0008 starts
 * with, and the page continues from the last row shown by (at, id) — never an OFFSET, which would read
 * and drop every row before the page — so a page costs the same on the first day and after ten years.
 */
export async function listAudit(input: ParsedInputOf<'audit.list'>, ctx: HandlerContext): Promise<AuditPage> {
  let q = ctx.db
    .selectFrom('audit as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('desks as d', 'd.id', 'a.desk_id')
    .leftJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    // The record's own name, where it has one: a user's name, a request's number, a visit's ticket, a scan's file name.
    .leftJoin('users as eu', (j) => j.on('a.entity', '=', 'user').onRef('eu.id', '=', 'a.entity_id'))
    .leftJoin('requests as er', (j) => j.on('a.entity', '=', 'request').onRef('er.id', '=', 'a.entity_id'))
    .leftJoin('visits as ev', (j) => j.on('a.entity', '=', 'visit').onRef('ev.id', '=', 'a.entity_id'))
    .leftJoin('attachments as ea', (j) => j.on('a.entity', '=', 'attachment').onRef('ea.id', '=', 'a.entity_id'))
    .leftJoin('desks as ed', (j) => j.on('a.entity', '=', 'desk').onRef('ed.id', '=', 'a.entity_id'))
    .select((eb) => [
      eb.fn.coalesce('eu.full_name', 'er.number', 'ev.ticket', 'ea.file_name', 'ed.name').as('subject'),
      'a.id',
      'a.at',
      'a.kind',
      'a.reason',
      'a.operation',
      'a.user_id',
      'u.full_name as user_name',
      'a.desk_id',
      'd.name as desk_name',
      'a.entity',
      'a.entity_id',
      'a.beneficiary_id',
      'b.full_name as beneficiary_name',
      'b.file_number as beneficiary_file',
      'a.before',
      'a.after',
    ]);
  if (input.from) q = q.where('a.at', '>=', dayStartIso(input.from, ctx.timeZone));
  if (input.to) q = q.where('a.at', '<', dayStartIso(addDays(input.to, 1), ctx.timeZone));
  if (input.userId) q = q.where('a.user_id', '=', input.userId);
  if (input.operation) q = q.where('a.operation', '=', input.operation);
  if (input.beneficiaryId) q = q.where('a.beneficiary_id', '=', input.beneficiaryId);
  if (input.kind) {
    q = q.where('a.kind', '=', input.kind);
    // Written out as the partial index audit_kind_at says it, so SQLite may use that index.
    if (input.kind !== 'change') q = q.where('a.kind', '<>', textLiteral('change'));
  }
  const olderThan = input.olderThan;
  if (olderThan) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('a.at', 'a.id'), '<', tuple(olderThan.at, olderThan.id)));
  const rows = await q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(input.limit + 1).execute();

  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(
      (r): AuditRowView => ({
        id: r.id,
        at: r.at,
        kind: r.kind as AuditKind,
        reason: r.reason as RefusalReason | null,
        operation: r.operation,
        user: r.user_id !== null ? { id: r.user_id, fullName: r.user_name ?? '' } : null,
        desk: r.desk_id !== null ? { id: r.desk_id, name: r.desk_name ?? '' } : null,
        entity: r.entity,
        entityId: r.entity_id,
        subject: r.subject,
        beneficiary: r.beneficiary_id !== null && r.beneficiary_name !== null ? { id: r.beneficiary_id, fullName: r.beneficiary_name, fileNumber: r.beneficiary_file } : null,
        fields: auditFields(r, { showFullIds: input.showFullIds, timeZone: ctx.timeZone }),
        hasBefore: r.kind === 'change' && r.before !== null,
      }),
    ),
    next: rows.length > input.limit && last ? { at: last.at, id: last.id } : null,
  };
}

