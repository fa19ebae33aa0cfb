import type { ParsedInputOf, VisitView } from '../../../shared/contract';
import { businessDay } from '../../../shared/dates/calendar';
import { AppError } from '../../../shared/errors';
import { ar, fill } from '../../../shared/labels/ar';
import type { HandlerContext } from '../context';
import { todayVisitsOf } from './today-visit';
import { loadVisitView } from './visit-view';

/** Issues the next ticket of the desk's business day (S1). The sequence restarts at the desk's local midnight. */
export async function checkIn(input: ParsedInputOf<'visits.checkIn'>, ctx: HandlerContext): Promise<VisitView> {
  const user = ctx.user!;
  if (input.clientKey) {
    const earlier = await ctx.db.selectFrom('visits').select('id').where('client_key', '=', input.clientKey).executeTakeFirst();
    if (earlier) {
      ctx.unchanged();
      return (await loadVisitView(ctx.db, earlier.id))!;
    }
  }
  const deskId = ctx.session.deskId;
  if (!deskId) throw new AppError('validation', ar.messages.deskRequired);
  const desk = await ctx.db.selectFrom('desks').selectAll().where('id', '=', deskId).executeTakeFirstOrThrow();

  if (input.beneficiaryId) {
    const b = await ctx.db.selectFrom('beneficiaries').select('id').where('id', '=', input.beneficiaryId).executeTakeFirst();
    if (!b) throw new AppError('not_found', ar.messages.beneficiaryNotFound);
    await refuseSecondTicket(ctx, input.beneficiaryId, input.again);
  }

  const day = businessDay(ctx.now, ctx.timeZone);
  const last = await ctx.db
    .selectFrom('visits')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('day', '=', day)
    .where('desk_id', '=', deskId)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const ticket = `${desk.ticket_prefix}-${String(seq).padStart(3, '0')}`;

  const { id } = await ctx.db
    .insertInto('visits')
    .values({
      day,
      desk_id: deskId,
      seq,
      ticket,
      beneficiary_id: input.beneficiaryId ?? null,
      visitor_name: input.beneficiaryId ? null : input.visitorName!.trim().replace(/\s+/g, ' '),
      visitor_mobile: input.beneficiaryId ? null : input.visitorMobile,
      reason: input.reason,
      channel: input.channel,
      state: 'waiting',
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('visit_events')
    .values({ visit_id: id, at: ctx.now.toISOString(), user_id: user.id, action: 'checkIn', from_state: null, to_state: 'waiting', note: null })
    .execute();
  const view = (await loadVisitView(ctx.db, id))!;
  ctx.audit({ entity: 'visit', entityId: id, after: view });
  return view;
}

/**
 * A beneficiary who already has a ticket today (waiting, served, referred or even finished) gets a
 * second one only when the receptionist confirms (`again`): refused with code 'confirm' naming it.
 * The lookup runs either way, so a confirmed check-in costs what a plain one does.
 */
async function refuseSecondTicket(ctx: HandlerContext, beneficiaryId: number, again: boolean | undefined): Promise<void> {
  const today = (await todayVisitsOf(ctx, [beneficiaryId])).get(beneficiaryId);
  if (!today || again) return;
  throw new AppError('confirm', fill(ar.visitDesk.ticketToday, { ticket: today.ticket, state: ar.visitStates[today.state] }), undefined, undefined, {
    flag: 'again',
    visitId: today.visitId,
    ticket: today.ticket,
    state: today.state,
  });
}
