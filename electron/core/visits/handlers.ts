import type { visitOperations } from '@shared/contract/visits';
import type { QueueView, VisitView } from '@shared/contract';
import { announceCall } from '../display/hall-calls';
import { businessDay } from '@shared/dates/calendar';
import { VISIT_STATES, type VisitReason, type VisitState } from '@shared/domain/visit';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { withDeskScope, withReadAhead, type HandlerMap, type HandlersOf } from '../handler-kinds';
import { callNextAhead, callNextVisit } from './call-next';
import { checkIn, checkInAhead } from './check-in';
import { receiveComplaint } from '../complaints/receive-complaint';
import { refuseUnrecordedFinish } from './finish-rules';
import { refuseCallWhileServing } from './serving-guard';
import { requireActiveResearcher } from '../users/require-researcher';
import { transitionVisit } from './transition';
import { loadVisitView, selectVisits, toVisitView } from './visit-view';
import { dayStatements, visitsOfDay } from './visits-of-day';
import { boundOnce } from '../store/compiled-once';
import { rowsOf } from '../store/sent-ahead';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';

/**
 * The referrals list (S3): referred visits — for a researcher those addressed to them or to any
 * researcher — and the referred visitors this user is serving. One shape per kind of user, each
 * compiled once (bench: "researcher's referrals list").
 */
function referralsQuery(db: Db, me: number, researcher: boolean) {
  return (
    selectVisits(db)
      // Literal values, so SQLite can use the partial index visits_open (a bound parameter cannot prove it applies).
      .where('v.state', 'in', [textLiteral('referred'), textLiteral('serving')])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('v.state', '=', 'referred'),
            ...(researcher ? [eb.or([eb('v.referred_to', 'is', null), eb('v.referred_to', '=', me)])] : []),
          ]),
          eb.and([eb('v.state', '=', 'serving'), eb('v.served_by', '=', me), eb('v.referred_to', 'is not', null)]),
        ]),
      )
      .orderBy('v.arrived_at')
  );
}
const referralsForResearcher = boundOnce((db: Db, me: number) => referralsQuery(db, me, true));
const referralsForOthers = boundOnce((db: Db, me: number) => referralsQuery(db, me, false));
/** The referrals list's statement for `me`: read again on every researcher's screen after any change anywhere. */
const referralsOf = (db: Db, me: { id: number; role: string }) => (me.role === 'researcher' ? referralsForResearcher : referralsForOthers)(db, me.id);

export const visitHandlers: HandlersOf<typeof visitOperations> = {
  'visits.queue': withReadAhead(
    (input, at) => dayStatements(at.db, input.day ?? businessDay(at.now, at.timeZone)),
    async (input, ctx) => {
      const day = input.day ?? businessDay(ctx.now, ctx.timeZone);
      const visits = await visitsOfDay(ctx, day);
      const counts = Object.fromEntries(VISIT_STATES.map((s) => [s, 0])) as Record<VisitState, number>;
      for (const v of visits) counts[v.state]++;
      return { day, now: ctx.now.toISOString(), visits, counts } satisfies QueueView;
    },
  ),

  'visits.get': async (input, ctx) => {
    const view = await loadVisitView(ctx.db, input.visitId);
    if (!view) throw new AppError('not_found', ar.messages.visitNotFound);
    return view;
  },

  'visits.referrals': withReadAhead(
    (_input, at) => (at.user ? [{ query: referralsOf(at.db, at.user), arrays: false }] : []),
    async (_input, ctx) => {
      // S3: a referral stays until the researcher has taken and finished it, whatever day it was made.
      // A researcher sees those addressed to them or to any researcher.
      const rows = await rowsOf(ctx, referralsOf(ctx.db, ctx.user!));
      return rows.map(toVisitView);
    },
  ),

  // The desk's own ticket numbers and the beneficiary's ticket of the day are all a check-in's rules
  // look at; a call-next's, the desk's own serving and the queue's row it claims (SKIP LOCKED).
  'visits.checkIn': withDeskScope<'visits.checkIn'>(
    (input, session) => (session.deskId === null ? undefined : { deskId: session.deskId, beneficiaryId: input.beneficiaryId ?? undefined }),
    checkIn,
    checkInAhead,
  ),

  'visits.callNext': withDeskScope<'visits.callNext'>(
    (_input, session) => (session.deskId === null ? undefined : { deskId: session.deskId }),
    async (input, ctx) => {
      const called = await callNextVisit(ctx, input.alsoWhileServing);
      return called && calledToThisDesk(ctx, called);
    },
    (_input, at) => callNextAhead(at),
  ),

  // A visitor another desk took a moment ago is named as such before this desk's own serving is.
  'visits.call': async (input, ctx) =>
    calledToThisDesk(
      ctx,
      await transitionVisit(ctx, input.visitId, 'call', callChanges(ctx), null, () => refuseCallWhileServing(ctx, input.alsoWhileServing)),
    ),

  'visits.refer': async (input, ctx) => {
    await requireActiveResearcher(ctx.db, input.researcherId);
    return transitionVisit(
      ctx,
      input.visitId,
      'refer',
      { referred_to: input.researcherId ?? null, referral_note: input.note },
      input.note,
    );
  },

  'visits.take': async (input, ctx) => {
    const user = ctx.user!;
    const visit = await ctx.db.selectFrom('visits').select(['referred_to']).where('id', '=', input.visitId).executeTakeFirst();
    if (visit && user.role === 'researcher' && visit.referred_to !== null && visit.referred_to !== user.id) {
      throw new AppError('forbidden', ar.messages.notYourReferral);
    }
    const taken = await transitionVisit(ctx, input.visitId, 'take', {
      served_by: user.id,
      serving_desk_id: ctx.session.deskId,
      referred_to: visit?.referred_to ?? user.id,
    });
    // The researcher's desk calls the referred visitor from the hall, as a desk calls the next one.
    return calledToThisDesk(ctx, taken);
  },

  'visits.finish': async (input, ctx) => {
    const visit = await ctx.db.selectFrom('visits').select(['reason', 'channel']).where('id', '=', input.visitId).executeTakeFirst();
    if (visit) refuseUnrecordedFinish(visit.reason as VisitReason, input);
    const finished = await transitionVisit(
      ctx,
      input.visitId,
      'finish',
      {
        ended_at: ctx.now.toISOString(),
        outcome: input.outcome,
        outcome_note: input.outcomeNote || null,
        inquiry: input.inquiry || null,
        answer: input.answer || null,
      },
      input.outcomeNote || null,
    );
    // P8: a complaint visit's text enters the complaints register in the same transaction.
    if (visit?.reason !== 'complaint') return { ...finished, complaint: null };
    const complaint = await receiveComplaint(ctx, {
      channel: visit.channel,
      text: input.outcomeNote ?? '',
      visitId: input.visitId,
      category: input.complaintCategory ?? null,
    });
    return { ...finished, complaint: { id: complaint.id, number: complaint.number, dueDate: complaint.dueDate } };
  },

  'visits.markLeft': async (input, ctx) =>
    transitionVisit(ctx, input.visitId, 'markLeft', { ended_at: ctx.now.toISOString() }, input.note || null),

  'visits.cancel': async (input, ctx) =>
    transitionVisit(ctx, input.visitId, 'cancel', { ended_at: ctx.now.toISOString() }, input.note || null),
};

/** S1: the hall display announces the call (display/hall-calls.ts). */
async function calledToThisDesk(ctx: Parameters<HandlerMap<'visits.call'>['visits.call']>[1], visit: VisitView): Promise<VisitView> {
  await announceCall(ctx, visit.id);
  return visit;
}

function callChanges(ctx: Parameters<HandlerMap<'visits.call'>['visits.call']>[1]) {
  return { called_at: ctx.now.toISOString(), served_by: ctx.user!.id, serving_desk_id: ctx.session.deskId };
}
