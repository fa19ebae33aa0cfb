import type { HallCallView } from '@shared/contract';
import { businessDay } from '@shared/dates/calendar';
import { requireUser, type HandlerContext } from '../context';
import type { Db } from '../store/store';

/**
 * A visitor called to this desk (a call, a researcher taking a referral, or «إعادة النداء»), written in
 * the same transaction as the call itself: the hall display announces it once, in the order of calls.
 */
export async function recordHallCall(ctx: HandlerContext, visitId: number, recall: boolean): Promise<HallCallView> {
  const row = await hallCallRow(ctx, visitId, recall).returning('id').executeTakeFirstOrThrow();
  return callView((await hallCallsWhere(ctx.db, (q) => q.where('c.id', '=', row.id)))[0]!);
}

/**
 * The same for a call that answers with the visit, not the call (call-next, a call, a researcher's
 * take): nothing reads the row back in the transaction, so it goes with the commit (Store.atCommit).
 */
export async function announceCall(ctx: HandlerContext, visitId: number): Promise<void> {
  await ctx.store.atCommit(ctx.db, hallCallRow(ctx, visitId, false).compile());
}

function hallCallRow(ctx: HandlerContext, visitId: number, recall: boolean) {
  const me = requireUser(ctx);
  const deskId = ctx.session.deskId;
  if (deskId === null) throw new Error('a call recorded without a desk');
  return ctx.db
    .insertInto('hall_calls')
    .values({
      day: businessDay(ctx.now, ctx.timeZone),
      visit_id: visitId,
      desk_id: deskId,
      at: ctx.now.toISOString(),
      called_by: me.id,
      recall: recall ? 1 : 0,
    });
}

/** A call as the display receives it: nothing but the ticket, the desk, when, and whether it was repeated. */
export function callView(call: HallCallView): HallCallView {
  return { id: call.id, ticket: call.ticket, desk: call.desk, at: call.at, recall: call.recall };
}

type CallsQuery = ReturnType<typeof callsQuery>;

function callsQuery(db: Db) {
  // Ticket and desk only: the display's answer reaches no person (no name, mobile, ID or file).
  return db
    .selectFrom('hall_calls as c')
    .innerJoin('visits as v', 'v.id', 'c.visit_id')
    .innerJoin('desks as d', 'd.id', 'c.desk_id')
    .select(['c.id', 'v.ticket', 'd.name as desk', 'c.at', 'c.recall', 'c.desk_id', 'c.visit_id']);
}

/** Calls of the hall with their ticket and desk, newest first. */
export async function hallCallsWhere(db: Db, where: (q: CallsQuery) => CallsQuery): Promise<(HallCallView & { deskId: number; visitId: number })[]> {
  const rows = await where(callsQuery(db)).orderBy('c.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, ticket: r.ticket, desk: r.desk, at: r.at, recall: !!r.recall, deskId: r.desk_id, visitId: r.visit_id }));
}
