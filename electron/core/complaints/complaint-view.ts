import type { ComplaintView } from '@shared/contract/complaints';
import { UNANSWERED_COMPLAINT_STATES } from '@shared/domain/complaints';
import type { Db } from '../store/store';

/** Complaints with the names the log shows (beneficiary, who received it, who owns it, the visit's ticket). */
export function selectComplaints(db: Db) {
  return db
    .selectFrom('complaints as c')
    .innerJoin('users as rb', 'rb.id', 'c.received_by')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
    .leftJoin('visits as v', 'v.id', 'c.visit_id')
    .select([
      'c.id',
      'c.number',
      'c.channel',
      'c.category',
      'c.text',
      'c.state',
      'c.visit_id',
      'c.beneficiary_id',
      'c.contact_id',
      'c.received_at',
      'c.received_day',
      'c.owner_id',
      'c.due_date',
      'c.answer',
      'c.answered_at',
      'c.closed_at',
      'c.version',
      'rb.full_name as received_by_name',
      'o.full_name as owner_name',
      'b.full_name as beneficiary_name',
      'v.ticket as visit_ticket',
      'v.visitor_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectComplaints>['executeTakeFirstOrThrow']>>;

/** Overdue: still unanswered the day after its due date (answered on the date itself is in time). */
export function isOverdue(state: ComplaintView['state'], dueDate: string, today: string): boolean {
  return UNANSWERED_COMPLAINT_STATES.includes(state) && dueDate < today;
}

export function toComplaintView(r: Row, today: string): ComplaintView {
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    category: r.category,
    text: r.text,
    state: r.state,
    visitId: r.visit_id,
    visitTicket: r.visit_ticket,
    beneficiaryId: r.beneficiary_id,
    beneficiaryName: r.beneficiary_name,
    visitorName: r.visitor_name,
    contactId: r.contact_id,
    receivedAt: r.received_at,
    receivedDay: r.received_day,
    receivedByName: r.received_by_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    overdue: isOverdue(r.state, r.due_date, today),
    answer: r.answer,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    version: r.version,
  };
}

export async function loadComplaintView(db: Db, complaintId: number, today: string): Promise<ComplaintView | null> {
  const row = await selectComplaints(db).where('c.id', '=', complaintId).executeTakeFirst();
  return row ? toComplaintView(row, today) : null;
}
