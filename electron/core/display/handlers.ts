import type { displayOperations } from '@shared/contract/display';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlersOf } from '../handler-kinds';
import { displayCalls } from './display-calls';
import { callView, hallCallsWhere, recordHallCall } from './hall-calls';

/** A second «إعادة النداء» this soon after the first is the same press (a double click). */
const RECALL_REPEAT_MS = 5_000;

export const displayHandlers: HandlersOf<typeof displayOperations> = {
  'display.calls': async (_input, ctx) => displayCalls(ctx),

  'visits.recall': async (input, ctx) => {
    const visit = await ctx.db.selectFrom('visits').select(['id', 'state', 'serving_desk_id', 'ticket']).where('id', '=', input.visitId).executeTakeFirst();
    if (!visit) throw new AppError('not_found', ar.messages.visitNotFound);
    // S1: only the visitor being served here is called to this desk again.
    if (visit.state !== 'serving' || visit.serving_desk_id !== ctx.session.deskId) throw new AppError('conflict', ar.display.recallNotServing);
    const [last] = await hallCallsWhere(ctx.db, (q) => q.where('c.visit_id', '=', visit.id).limit(1));
    if (last?.recall && last.deskId === ctx.session.deskId && ctx.now.getTime() - Date.parse(last.at) < RECALL_REPEAT_MS) {
      ctx.unchanged();
      return callView(last);
    }
    const call = await recordHallCall(ctx, visit.id, true);
    ctx.audit({ entity: 'visit', entityId: visit.id, after: { recalled: call.ticket, deskId: ctx.session.deskId } });
    return call;
  },
};
