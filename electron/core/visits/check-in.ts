import type { ParsedInputOf, VisitView } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import { todayVisitIdOf } from './today-visit';
import type { VisitState } from '@shared/domain/visit';
import type { AheadContext } from '../handler-kinds';
import { boundOnce } from '../store/compiled-once';
import { newVisitId } from '../store/portable';
import { rowsOf } from '../store/sent-ahead';
import type { Db } from '../store/store';
import { loadVisitView, toVisitView } from './visit-view';

/** Issues the next ticket of the desk's business day (S1). The sequence restarts at the desk's local midnight. */
export async function checkIn(input: ParsedInputOf<'visits.checkIn'>, ctx: HandlerContext): Promise<VisitView> {
  const user = ctx.user!;
  const deskId = ctx.session.deskId;
  if (!deskId) {
    // A press repeated after the desk was let go still answers with the ticket it issued.
    const earlier = input.clientKey ? await ctx.db.selectFrom('visits').select('id').where('client_key', '=', input.clientKey).executeTakeFirst() : undefined;
    if (!earlier) throw new AppError('validation', ar.messages.deskRequired);
    ctx.unchanged();
    return (await loadVisitView(ctx.db, earlier.id))!;
  }
  // The ticket a repeated press (the same clientKey) already issued, the desk, the beneficiary, the
  // desk's last ticket and the beneficiary's ticket of the day at once: sent ahead with BEGIN on PostgreSQL.
  const day = businessDay(ctx.now, ctx.timeZone);
  const [facts] = await rowsOf(ctx, checkInFacts(ctx.db, deskId, input.beneficiaryId ?? null, day, input.clientKey ?? null));
  if (!facts) throw new Error(`desk ${deskId} of the session is not in the store`);
  if (facts.earlier_visit_id !== null) {
    ctx.unchanged();
    return (await loadVisitView(ctx.db, facts.earlier_visit_id))!;
  }
  if (input.beneficiaryId) {
    if (facts.beneficiary_id === null) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
    if (facts.today_visit_id !== null && !input.again) throw await secondTicketRefusal(ctx, facts.today_visit_id);
  }

  const seq = (facts.last_seq ?? 0) + 1;
  const ticket = `${facts.ticket_prefix}-${String(seq).padStart(3, '0')}`;

  // The visit, its timeline's first event and the audit row all go with the commit (Store.atCommit):
  // its id came with the facts, and nothing here reads the row back.
  const visit = {
    id: facts.new_visit_id,
    day,
    desk_id: deskId,
    seq,
    ticket,
    beneficiary_id: input.beneficiaryId ?? null,
    visitor_name: input.beneficiaryId ? null : input.visitorName!.trim().replace(/\s+/g, ' '),
    visitor_mobile: input.beneficiaryId ? null : (input.visitorMobile ?? null),
    reason: input.reason,
    channel: input.channel,
    state: 'waiting' as const,
    arrived_at: ctx.now.toISOString(),
    called_at: null,
    ended_at: null,
    served_by: null,
    serving_desk_id: null,
    referred_to: null,
    referral_note: null,
    outcome: null,
    outcome_note: null,
    inquiry: null,
    answer: null,
    client_key: input.clientKey ?? null,
    created_by: user.id,
    version: 1,
  };
  const id = visit.id;
  await ctx.store.atCommit(ctx.db, ctx.db.insertInto('visits').values(visit).compile());
  await ctx.store.atCommit(
    ctx.db,
    ctx.db
      .insertInto('visit_events')
      .values({ visit_id: id, at: visit.arrived_at, user_id: user.id, action: 'checkIn', from_state: null, to_state: 'waiting', note: null })
      .compile(),
  );
  // The view from what is written and was read, not read back: a new visit has nobody serving or
  // referred yet, so its names are the desk's and the beneficiary's (tests: the same view visits.get gives).
  const view = toVisitView({
    ...visit,
    ticket_printed: null,
    desk_name: facts.desk_name,
    beneficiary_name: facts.beneficiary_name,
    beneficiary_mobile: facts.beneficiary_mobile,
    served_by_name: null,
    referred_to_name: null,
    serving_desk_name: null,
  });
  ctx.audit({ entity: 'visit', entityId: id, after: view });
  return view;
}

/**
 * A beneficiary who already has a ticket today (waiting, served, referred or even finished) gets a
 * second one only when the receptionist confirms (`again`): refused with code 'confirm' naming it. The
 * lookup is in the check-in's facts either way, so a confirmed check-in costs what a plain one does.
 */
async function secondTicketRefusal(ctx: HandlerContext, visitId: number): Promise<AppError> {
  const today = await ctx.db.selectFrom('visits').select(['ticket', 'state']).where('id', '=', visitId).executeTakeFirstOrThrow();
  const state = today.state as VisitState;
  return new AppError('confirm', fill(ar.visitDesk.ticketToday, { ticket: today.ticket, state: ar.visitStates[state] }), undefined, undefined, {
    flag: 'again',
    visitId,
    ticket: today.ticket,
    state,
  });
}

/** A check-in's first statement, sent ahead with BEGIN (withDeskScope): the same checkIn builds under the lock. */
export function checkInAhead(input: ParsedInputOf<'visits.checkIn'>, at: AheadContext) {
  const deskId = at.session.deskId;
  return deskId ? checkInFacts(at.db, deskId, input.beneficiaryId ?? null, businessDay(at.now, at.timeZone), input.clientKey ?? null) : undefined;
}

/**
 * What a check-in needs to know before it writes, in one statement (the beneficiary's columns and
 * ticket of the day null for a walk-in or an unknown id, the earlier visit null for a first press):
 * every statement is a round trip to a PostgreSQL server while the desk's lock is held.
 */
export const checkInFacts = boundOnce((db: Db, deskId: number, beneficiaryId: number | null, day: string, clientKey: string | null) =>
  db
    .selectFrom('desks as d')
    .leftJoin('beneficiaries as b', (join) => join.on('b.id', '=', beneficiaryId))
    .select((eb) => [
      'd.ticket_prefix',
      'd.name as desk_name',
      'b.id as beneficiary_id',
      'b.full_name as beneficiary_name',
      'b.mobile as beneficiary_mobile',
      eb
        .selectFrom('visits as v')
        .select((v) => v.fn.max('v.seq').as('seq'))
        .where('v.day', '=', day)
        .whereRef('v.desk_id', '=', 'd.id')
        .as('last_seq'),
      todayVisitIdOf(db, day, beneficiaryId).as('today_visit_id'),
      eb.selectFrom('visits as ev').select('ev.id').where('ev.client_key', '=', clientKey).as('earlier_visit_id'),
      newVisitId(db).as('new_visit_id'),
    ])
    .where('d.id', '=', deskId),
);
