import type { SatisfactionPendingView } from '@shared/contract';
import { KIOSK_WINDOW_MS } from '@shared/domain/satisfaction';
import type { HandlerContext } from '../context';
import { kioskDesk } from './kiosk-desk';

/**
 * P6: what the kiosk of this desk asks about now — the visit finished last at this desk within the
 * kiosk's window, unless it is rated already. Only the latest: an older one unrated is not asked about
 * once another visitor has been served since (the person at the kiosk is the latest one).
 */
export async function pendingRating(ctx: HandlerContext): Promise<SatisfactionPendingView | null> {
  const deskId = kioskDesk(ctx);
  const since = new Date(ctx.now.getTime() - KIOSK_WINDOW_MS).toISOString();
  const latest = await ctx.db
    .selectFrom('visits as v')
    .leftJoin('rated_visits as r', 'r.visit_id', 'v.id')
    .select(['v.id', 'v.ticket', 'v.reason', 'v.ended_at', 'r.visit_id as rated'])
    .where('v.serving_desk_id', '=', deskId)
    .where('v.state', '=', 'done')
    .where('v.ended_at', '>=', since)
    .where('v.ended_at', '<=', ctx.now.toISOString())
    .orderBy('v.ended_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || latest.rated !== null) return null;
  return { visitId: latest.id, ticket: latest.ticket, reason: latest.reason, finishedAt: latest.ended_at! };
}
