import type { deviceOperations } from '@shared/contract/devices';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { checkPassword, type FailureReason } from '../auth/handlers';
import { clearFailures, failureError, readFailures, recordFailure, throttleError, verdict, type Verdict } from '../auth/sign-in-throttle';
import { requireUser, type HandlerContext } from '../context';
import { withPreparation, type HandlersOf } from '../handlers';
import { endDevice, type DeviceBinding } from '../sessions';
import { readSettings } from '../settings/read-settings';

/** The device screen calling (the dispatcher let only a device session through to these handlers). */
export function requireDevice(ctx: Pick<HandlerContext, 'session'>): DeviceBinding {
  const device = ctx.session.device;
  if (!device) throw new Error('a device operation ran without a device session');
  return device;
}

export const deviceHandlers: HandlersOf<typeof deviceOperations> = {
  'devices.open': async (input, ctx) => {
    const me = requireUser(ctx);
    const deskId = ctx.session.deskId;
    if (deskId === null) throw new AppError('unauthenticated', ar.errors.unauthenticated);
    const session = ctx.sessions.create(ctx.now.getTime(), { device: { kind: input.kind, deskId, openedBy: me.id } });
    ctx.audit({ entity: 'device', entityId: null, after: { opened: input.kind, deskId } });
    return { kind: input.kind, deskId, sessionId: session.id };
  },

  'devices.current': async (_input, ctx) => {
    const device = requireDevice(ctx);
    const desk = await ctx.db.selectFrom('desks').selectAll().where('id', '=', device.deskId).executeTakeFirstOrThrow();
    const { associationName } = await readSettings(ctx.db, ['associationName']);
    return { kind: device.kind, desk: { id: desk.id, name: desk.name, ticketPrefix: desk.ticket_prefix }, associationName };
  },

  // The same guard as a sign-in: one hash whatever the username, and guesses counted and slowed per username.
  'devices.close': withPreparation(
    async (input, ctx) => {
      const seen = verdict(await readFailures(ctx.db, input.username), ctx.now);
      if (seen.kind !== 'open') return { seen, check: null };
      const row = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('username', '=', input.username).executeTakeFirst();
      return { seen, check: await checkPassword(input.password, row, ctx.runtime.passwordCost) };
    },
    async (input, ctx, { seen, check }) => {
      const device = requireDevice(ctx);
      const row = await ctx.db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', input.username).executeTakeFirst();
      const failed = (reason: FailureReason, extra: Record<string, unknown> = {}) =>
        ctx.audit({ entity: 'user', entityId: row?.id ?? null, after: { deviceCloseFailed: true, device: device.kind, username: input.username, reason, ...extra } });
      const now = verdict(await readFailures(ctx.db, input.username), ctx.now);
      const refusal = now.kind !== 'open' ? now : seen.kind !== 'open' ? seen : null;
      if (refusal || !check) {
        failed(refusal?.kind === 'locked' ? 'locked' : 'waiting');
        return ctx.refuse(throttleError(refusal ?? (seen as Exclude<Verdict, { kind: 'open' }>)));
      }
      if (!row || !check.matches || check.userId !== row.id || check.hash !== row.password_hash) {
        const after = await recordFailure(ctx.db, input.username, ctx.now);
        failed('wrong_password', { failures: after.failures, ...(after.lockedUntil ? { lockedUntil: after.lockedUntil } : {}) });
        return ctx.refuse(failureError(ar.messages.badCredentials, 'password', after));
      }
      if (!row.active) {
        failed('inactive');
        return ctx.refuse(new AppError('forbidden', ar.messages.userInactive));
      }
      await clearFailures(ctx.db, input.username);
      ctx.audit({ entity: 'device', entityId: null, after: { closed: device.kind, deskId: device.deskId, closedBy: row.id } });
      endDevice(ctx.session);
      return { closed: true };
    },
  ),
};
