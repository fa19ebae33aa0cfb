import type { storeMoveOperations } from '@shared/contract/store-move';
import { requireUser, type HandlerContext } from '../context';
import type { HandlersOf } from '../handler-kinds';
import type { StoreMoveService } from './store-move-service';
import { withoutPassword } from './store-move-service';

function moves(ctx: HandlerContext): StoreMoveService {
  const service = ctx.runtime.storeMove;
  if (!service) throw new Error('this core has no store move service');
  return service;
}

export const storeMoveHandlers: HandlersOf<typeof storeMoveOperations> = {
  'store.migrationStatus': async (_input, ctx) => moves(ctx).status(),

  'store.migrateTo': async (input, ctx) => {
    const service = moves(ctx);
    const user = requireUser(ctx);
    service.start(input.url, { userId: user.id, username: user.username, fullName: user.fullName });
    // Recorded before the move reads the store, so the moved trail holds who asked for it; never the password.
    ctx.audit({ entity: 'store', entityId: null, after: { moveStarted: withoutPassword(input.url) } });
    return service.status();
  },
};
