import { businessDay } from '@shared/dates/calendar';
import type { HandlerContext } from '../context';

/**
 * The visit a service is handed over in (S7), which the satisfaction kiosk asks after (P6): the
 * beneficiary's visit of today served at this desk — the one being served now, else the latest
 * finished there (the visit may be finished before its delivery is typed in). A delivery has no
 * visit of its own: a rating needs the desk, reason, channel and employee a visit carries, and the
 * person at the kiosk is the one this desk has just served, so that visit is the anchor, and its
 * one rating (rated_visits) covers the visit and the delivery together. No such visit (the delivery
 * typed in later, or at a desk that did not serve the person today) means nobody at this desk's
 * kiosk to ask: null.
 */
export async function deliveryVisit(ctx: HandlerContext, beneficiaryId: number): Promise<number | null> {
  const deskId = ctx.session.deskId;
  if (deskId === null) return null;
  const visit = await ctx.db
    .selectFrom('visits')
    .select('id')
    .where('beneficiary_id', '=', beneficiaryId)
    .where('day', '=', businessDay(ctx.now, ctx.timeZone))
    .where('serving_desk_id', '=', deskId)
    .where('state', 'in', ['serving', 'done'])
    // Being served now first (no end yet), then the latest to have ended.
    .orderBy((eb) => eb.case().when('state', '=', 'serving').then(0).else(1).end())
    .orderBy('ended_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return visit?.id ?? null;
}
