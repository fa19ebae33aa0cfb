import type { demoOperations } from '@shared/contract/demo';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { requireUser } from '../context';
import { withPreparation, type HandlersOf } from '../handler-kinds';
import { DEMO_USERS, demoPasswordHashes, seedDemo } from './seed-demo';
import { storeHasData } from './store-has-data';

export const demoHandlers: HandlersOf<typeof demoOperations> = {
  // Demo data never mixes with real data: only a store where nothing has been recorded yet.
  'demo.seed': withPreparation(
    async (_input, ctx) => demoPasswordHashes(DEMO_USERS.map((u) => u.username), ctx.runtime.passwordCost),
    async (_input, ctx, passwordHashes) => {
      if (await storeHasData(ctx.db)) throw new AppError('conflict', ar.messages.demoNeedsEmptyStore);
      const summary = await seedDemo(ctx.db, {
        actorId: requireUser(ctx).id,
        now: ctx.now,
        timeZone: ctx.timeZone,
        store: ctx.store,
        runtime: ctx.runtime,
        passwordHashes,
      });
      ctx.audit({ entity: 'demo', entityId: null, after: summary });
      return summary;
    },
  ),
};
