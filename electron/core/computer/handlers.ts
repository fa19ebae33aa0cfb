import type { computerOperations } from '@shared/contract/computer';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlerContext } from '../context';
import type { HandlersOf } from '../handler-kinds';

export const computerHandlers: HandlersOf<typeof computerOperations> = {
  'computer.about': async (_input, ctx) => ctx.runtime.about,

  'computer.startWithSystem': async (_input, ctx) => startWithSystemView(ctx),

  'computer.setStartWithSystem': async (input, ctx) => {
    const control = ctx.runtime.shell.startWithSystem;
    if (!control) throw new AppError('conflict', ar.computer.startWithSystemUnavailable);
    const before = control.enabled();
    if (before === input.startWithSystem) {
      ctx.unchanged();
      return { available: true, enabled: before };
    }
    control.set(input.startWithSystem);
    // What the operating system now says, not what was asked: a policy or another program may refuse it.
    const after = control.enabled();
    ctx.audit({ entity: 'computer', entityId: null, before: { startWithSystem: before }, after: { startWithSystem: after } });
    return { available: true, enabled: after };
  },
};

function startWithSystemView(ctx: HandlerContext) {
  const control = ctx.runtime.shell.startWithSystem;
  return { available: control !== undefined, enabled: control?.enabled() ?? false };
}
