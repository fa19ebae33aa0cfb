import type { VisitView } from '@shared/contract';
import type { Channel } from '@shared/domain/channels';
import type { VisitOutcome, VisitReason, VisitState } from '@shared/domain/visit';
import { compiledOnce } from '../store/compiled-once';
import type { Db } from '../store/store';

/** The visit's own columns a VisitView shows (the rest are names from other tables). */
export const VISIT_VIEW_COLUMNS = [
  'id',
  'day',
  'ticket',
  'state',
  'reason',
  'channel',
  'beneficiary_id',
  'visitor_name',
  'visitor_mobile',
  'arrived_at',
  'called_at',
  'ended_at',
  'served_by',
  'referred_to',
  'referral_note',
  'outcome',
  'outcome_note',
  'inquiry',
  'answer',
  'version',
  'ticket_printed',
] as const;

/** Visits with the names the queue shows (beneficiary, desk, who serves, which researcher). */
export function selectVisits(db: Db) {
  return db
    .selectFrom('visits as v')
    .innerJoin('desks as d', 'd.id', 'v.desk_id')
    .leftJoin('beneficiaries as b', 'b.id', 'v.beneficiary_id')
    .leftJoin('users as s', 's.id', 'v.served_by')
    .leftJoin('users as r', 'r.id', 'v.referred_to')
    .leftJoin('desks as sd', 'sd.id', 'v.serving_desk_id')
    .select([
      ...VISIT_VIEW_COLUMNS.map((c) => `v.${c}` as const),
      'd.name as desk_name',
      'b.full_name as beneficiary_name',
      'b.mobile as beneficiary_mobile',
      's.full_name as served_by_name',
      'r.full_name as referred_to_name',
      'sd.name as serving_desk_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectVisits>['executeTakeFirstOrThrow']>>;

export function toVisitView(r: Row): VisitView {
  return {
    id: r.id,
    day: r.day,
    ticket: r.ticket,
    state: r.state as VisitState,
    reason: r.reason as VisitReason,
    channel: r.channel as Channel,
    beneficiaryId: r.beneficiary_id,
    name: r.beneficiary_name ?? r.visitor_name ?? '',
    mobile: r.beneficiary_mobile ?? r.visitor_mobile,
    hasFile: r.beneficiary_id !== null,
    arrivedAt: r.arrived_at,
    calledAt: r.called_at,
    endedAt: r.ended_at,
    deskName: r.desk_name,
    servedBy: r.served_by !== null ? { id: r.served_by, fullName: r.served_by_name ?? '' } : null,
    servingDeskName: r.serving_desk_name,
    referredTo: r.referred_to !== null ? { id: r.referred_to, fullName: r.referred_to_name ?? '' } : null,
    referralNote: r.referral_note,
    outcome: r.outcome as VisitOutcome | null,
    outcomeNote: r.outcome_note,
    inquiry: r.inquiry,
    answer: r.answer,
    version: r.version,
    ticketPrinted: r.ticket_printed === null ? null : !!r.ticket_printed,
  };
}

const visitById = compiledOnce((db: Db, visitId: number) => selectVisits(db).where('v.id', '=', visitId));

export async function loadVisitView(db: Db, visitId: number): Promise<VisitView | null> {
  const [row] = await visitById(db, visitId);
  return row ? toVisitView(row) : null;
}
