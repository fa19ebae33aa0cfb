import { AppError } from '../../../shared/errors';
import { ar } from '../../../shared/labels/ar';
import type { HandlerMap } from '../handlers';
import { seedDemo } from './seed-demo';

export const demoHandlers: HandlerMap<'demo.seed'> = {
  'demo.seed': async (_input, ctx) => {
    const anyVisit = await ctx.db.selectFrom('visits').select('id').limit(1).executeTakeFirst();
    if (anyVisit) throw new AppError('conflict', ar.messages.demoNeedsEmptyStore);
    const summary = await seedDemo(ctx.db, { actorId: ctx.user!.id, now: ctx.now, timeZone: ctx.timeZone });
    ctx.audit({ entity: 'demo', entityId: null, after: summary });
    return summary;
  },
};
