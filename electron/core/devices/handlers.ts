import type { deviceOperations } from '@shared/contract/devices';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { decideStaffPassword, prepareStaffPassword } from '../auth/staff-password';
import { requireUser, type HandlerContext } from '../context';
import { withPreparation, type HandlersOf } from '../handler-kinds';
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
    async (input, ctx) => prepareStaffPassword(ctx, input.username, input.password),
    async (input, ctx, tried) => {
      const device = requireDevice(ctx);
      const found = await ctx.db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', input.username).executeTakeFirst();
      const { row } = await decideStaffPassword(ctx, tried, {
        username: input.username,
        row: found,
        wrongMessage: ar.messages.badCredentials,
        failure: { entityId: found?.id ?? null, after: { deviceCloseFailed: true, device: device.kind, username: input.username } },
      });
      ctx.audit({ entity: 'device', entityId: null, after: { closed: device.kind, deskId: device.deskId, closedBy: row.id } });
      endDevice(ctx.session);
      return { closed: true };
    },
  ),
};
