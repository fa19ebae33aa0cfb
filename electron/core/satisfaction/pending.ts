import type { SatisfactionPendingView } from '@shared/contract';
import { KIOSK_WINDOW_MS } from '@shared/domain/satisfaction';
import type { HandlerContext } from '../context';
import type { Db } from '../store/store';
import { kioskDesk } from './kiosk-desk';

/** The visit finished last at this desk within the window. */
function lastFinished(db: Db, deskId: number, since: string, now: string) {
  return db
    .selectFrom('visits as v')
    .select(['v.id', 'v.ticket', 'v.reason', 'v.ended_at as at'])
    .where('v.serving_desk_id', '=', deskId)
    .where('v.state', '=', 'done')
    .where('v.ended_at', '>=', since)
    .where('v.ended_at', '<=', now)
    .orderBy('v.ended_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The service delivered last at this desk within the window, with the visit it was handed over in (requests/delivery-visit.ts). */
function lastDelivered(db: Db, deskId: number, since: string, now: string) {
  return db
    .selectFrom('requests as r')
    .innerJoin('visits as v', 'v.id', 'r.delivered_visit_id')
    .select(['v.id', 'v.ticket', 'v.reason', 'r.delivered_at as at'])
    .where('r.delivered_at', '>=', since)
    .where('r.delivered_at', '<=', now)
    .where('v.serving_desk_id', '=', deskId)
    .orderBy('r.delivered_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * P6: what the kiosk of this desk asks about now — the latest of the visit finished and the service
 * delivered at this desk within the kiosk's window, unless its visit is rated already (a delivery is
 * rated through the visit it was handed over in: one rating covers both). Only the latest: an older
 * one unrated is not asked about once another visitor has been served since (the person at the kiosk
 * is the latest one).
 */
export async function pendingRating(ctx: HandlerContext): Promise<SatisfactionPendingView | null> {
  const deskId = kioskDesk(ctx);
  const now = ctx.now.toISOString();
  const since = new Date(ctx.now.getTime() - KIOSK_WINDOW_MS).toISOString();
  const [finished, delivered] = await Promise.all([lastFinished(ctx.db, deskId, since, now), lastDelivered(ctx.db, deskId, since, now)]);
  const latest = delivered && (!finished || delivered.at! > finished.at!) ? { ...delivered, about: 'delivery' as const } : finished ? { ...finished, about: 'visit' as const } : null;
  if (!latest) return null;
  const rated = await ctx.db.selectFrom('rated_visits').select('visit_id').where('visit_id', '=', latest.id).executeTakeFirst();
  if (rated) return null;
  return { visitId: latest.id, ticket: latest.ticket, reason: latest.reason, finishedAt: latest.at!, about: latest.about };
}
