import type { VisitView } from '@shared/contract';
import type { Channel } from '@shared/domain/channels';
import type { VisitOutcome, VisitReason, VisitState } from '@shared/domain/visit';
import type { HandlerContext } from '../context';
import { boundOnce } from '../store/compiled-once';
import { arrayRowsOf, rowsOf, type AheadStatement } from '../store/sent-ahead';
import { jsonTextArray, textLiteral } from '../store/portable';
import type { Db } from '../store/store';

/**
 * A day's visits in arrival order (the queue, the daily register screen): the same VisitView as
 * loadVisitView, from a slimmer statement. A day has hundreds of rows and turning each SQLite row
 * into an object costs per column (bench: today's queue), so the statement returns only what
 * differs from row to row: the names of desks and staff come from their small tables once per call,
 * the beneficiary's (or the walk-in visitor's) name and mobile are merged in SQL, the day is the one
 * asked for, and the four texts a visit may carry travel as one JSON value, null on most rows; and
 * the rows come as arrays (Store.arrayRows), in the order of the select below (DayRow).
 * The index visits_day_arrival hands them over already in order.
 */
export async function visitsOfDay(ctx: Pick<HandlerContext, 'db' | 'store' | 'sentAhead'>, day: string): Promise<VisitView[]> {
  // One after the other, not both at once: on PostgreSQL two connections at a time keep two server
  // processes and this one busy, and on a desk PC of two cores one in twenty queues then took three
  // times as long (the two statements alone on the ten-year store: p95 8 ms side by side, 2.8 ms in turn).
  // Today's queue sends both ahead with the call's change mark (dayStatements): then they come at once.
  const [rowsQuery, namesQuery] = dayStatements(ctx.db, day);
  const rows = await arrayRowsOf<DayRow>(ctx, rowsQuery.query);
  const names = await rowsOf<StaffOrDesk>(ctx, namesQuery.query);
  const user = new Map<number, string>();
  const desk = new Map<number, string>();
  for (const n of names) (n.kind === 'u' ? user : desk).set(n.id, n.name);
  return rows.map(([id, ticket, state, reason, channel, beneficiaryId, name, mobile, arrivedAt, calledAt, endedAt, deskId, servedBy, servingDeskId, referredTo, outcome, version, ticketPrinted, notes]) => {
    const [referralNote, outcomeNote, inquiry, answer] = notes === null ? NO_NOTES : (JSON.parse(notes) as Notes);
    return {
      id,
      day,
      ticket,
      state: state as VisitState,
      reason: reason as VisitReason,
      channel: channel as Channel,
      beneficiaryId,
      name,
      mobile,
      hasFile: beneficiaryId !== null,
      arrivedAt,
      calledAt,
      endedAt,
      deskName: desk.get(deskId) ?? '',
      servedBy: servedBy !== null ? { id: servedBy, fullName: user.get(servedBy) ?? '' } : null,
      servingDeskName: servingDeskId !== null ? (desk.get(servingDeskId) ?? null) : null,
      referredTo: referredTo !== null ? { id: referredTo, fullName: user.get(referredTo) ?? '' } : null,
      referralNote,
      outcome: outcome as VisitOutcome | null,
      outcomeNote,
      inquiry,
      answer,
      version,
      ticketPrinted: ticketPrinted === null ? null : !!ticketPrinted,
    };
  });
}

/** The statements of visitsOfDay, in the order it runs them: for a read to send ahead (withReadAhead). */
export function dayStatements(db: Db, day: string): [rows: AheadStatement, names: AheadStatement] {
  return [
    { query: dayRows(db, day), arrays: true },
    { query: staffAndDesks(db), arrays: false },
  ];
}

/** One row of dayRows, in the order of its select. */
type DayRow = [
  id: number,
  ticket: string,
  state: string,
  reason: string,
  channel: string,
  beneficiaryId: number | null,
  name: string,
  mobile: string | null,
  arrivedAt: string,
  calledAt: string | null,
  endedAt: string | null,
  deskId: number,
  servedBy: number | null,
  servingDeskId: number | null,
  referredTo: number | null,
  outcome: string | null,
  version: number,
  ticketPrinted: number | null,
  notes: string | null,
];

type Notes = [string | null, string | null, string | null, string | null];
const NO_NOTES: Notes = [null, null, null, null];

const dayRows = boundOnce((db: Db, day: string) =>
  db
    .selectFrom('visits as v')
    .leftJoin('beneficiaries as b', 'b.id', 'v.beneficiary_id')
    .select((eb) => [
      'v.id',
      'v.ticket',
      'v.state',
      'v.reason',
      'v.channel',
      'v.beneficiary_id',
      eb.fn.coalesce('b.full_name', 'v.visitor_name', textLiteral('')).as('name'),
      eb.fn.coalesce('b.mobile', 'v.visitor_mobile').as('mobile'),
      'v.arrived_at',
      'v.called_at',
      'v.ended_at',
      'v.desk_id',
      'v.served_by',
      'v.serving_desk_id',
      'v.referred_to',
      'v.outcome',
      'v.version',
      'v.ticket_printed',
      eb
        .case()
        .when(eb.fn.coalesce('v.referral_note', 'v.outcome_note', 'v.inquiry', 'v.answer'), 'is', null)
        .then(null)
        .else(jsonTextArray(db, [eb.ref('v.referral_note'), eb.ref('v.outcome_note'), eb.ref('v.inquiry'), eb.ref('v.answer')]))
        .end()
        .as('notes'),
    ])
    .where('v.day', '=', day)
    .orderBy('v.arrived_at')
    .orderBy('v.id'),
);

type StaffOrDesk = { kind: 'u' | 'd'; id: number; name: string };
const staffAndDesks = boundOnce((db: Db) =>
  db
    .selectFrom('users')
    .select([textLiteral<'u' | 'd'>('u').as('kind'), 'id', 'full_name as name'])
    .unionAll(db.selectFrom('desks').select([textLiteral<'u' | 'd'>('d').as('kind'), 'id', 'name'])),
);
