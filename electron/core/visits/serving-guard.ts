import { businessDay } from '@shared/dates/calendar';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import { textLiteral } from '../store/portable';
import { loadVisitView } from './visit-view';

/**
 * S1: a receptionist serves one visitor at a time. While this user serves someone at this desk today,
 * calling another is refused with code 'confirm' naming that ticket, unless they confirmed
 * (`alsoWhileServing`). The lookup runs either way, so a confirmed call costs what a plain one does.
 */
export async function refuseCallWhileServing(ctx: HandlerContext, confirmed: boolean | undefined): Promise<void> {
  const deskId = ctx.session.deskId;
  const serving = await ctx.db
    .selectFrom('visits')
    .select('id')
    .where('day', '=', businessDay(ctx.now, ctx.timeZone))
    // The literal state lets either store read the partial index visits_serving (0022).
    .where('state', '=', textLiteral('serving'))
    .where('served_by', '=', ctx.user!.id)
    .where((eb) => (deskId === null ? eb('serving_desk_id', 'is', null) : eb('serving_desk_id', '=', deskId)))
    .orderBy('called_at')
    .limit(1)
    .executeTakeFirst();
  if (!serving || confirmed) return;
  throw await servingRefusal(ctx, serving.id);
}

/** The refusal naming the ticket this user serves (code 'confirm': the desk asks, and calls again with `alsoWhileServing`). */
export async function servingRefusal(ctx: HandlerContext, servingId: number): Promise<AppError> {
  const visit = (await loadVisitView(ctx.db, servingId))!;
  return new AppError('confirm', fill(ar.visitDesk.servingNow, { ticket: visit.ticket, name: visit.name }), undefined, undefined, {
    flag: 'alsoWhileServing',
    visitId: visit.id,
    ticket: visit.ticket,
    state: visit.state,
  });
}
