import { AppError } from '../../../shared/errors';
import { ar } from '../../../shared/labels/ar';
import { hashPassword } from '../auth/passwords';
import { toUserView, USER_VIEW_COLUMNS } from '../auth/session-view';
import { requireUser } from '../context';
import type { HandlerMap } from '../handlers';
import type { Db } from '../store/store';
import { keepAnActiveAdmin } from './last-admin';

const columns = USER_VIEW_COLUMNS;

async function requireAccount(db: Db, userId: number) {
  const row = await db.selectFrom('users').select(columns).where('id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError('not_found', ar.staff.userNotFound);
  return row;
}

export const userHandlers: HandlerMap<'users.list' | 'users.researchers' | 'users.create' | 'users.setActive' | 'users.update' | 'users.resetPassword'> = {
  'users.list': async (_input, ctx) =>
    (await ctx.db.selectFrom('users').select(columns).orderBy('id').execute()).map(toUserView),

  'users.researchers': async (_input, ctx) =>
    (
      await ctx.db
        .selectFrom('users')
        .select(columns)
        .where('role', '=', 'researcher')
        .where('active', '=', 1)
        .orderBy('full_name')
        .execute()
    ).map(toUserView),

  'users.create': async (input, ctx) => {
    const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) {
      throw new AppError('validation', ar.messages.usernameTaken, [{ path: ['username'], message: ar.messages.usernameTaken }]);
    }
    const row = await ctx.db
      .insertInto('users')
      .values({
        username: input.username,
        full_name: input.fullName,
        role: input.role,
        password_hash: await hashPassword(input.password),
        active: 1,
        created_at: ctx.now.toISOString(),
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'user', entityId: row.id, after: row });
    return toUserView(row);
  },

  'users.setActive': async (input, ctx) => {
    if (input.userId === ctx.user?.id && !input.active) throw new AppError('conflict', ar.messages.cannotDeactivateSelf);
    const before = await requireAccount(ctx.db, input.userId);
    if (!!before.active === input.active) {
      ctx.unchanged();
      return toUserView(before);
    }
    if (!input.active) await keepAnActiveAdmin(ctx.db, before, ar.staff.lastAdminDeactivate);
    const after = await ctx.db
      .updateTable('users')
      .set({ active: input.active ? 1 : 0 })
      .where('id', '=', input.userId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'user', entityId: after.id, before, after });
    return toUserView(after);
  },

  'users.update': async (input, ctx) => {
    const before = await requireAccount(ctx.db, input.userId);
    if (before.full_name === input.fullName && before.role === input.role) {
      ctx.unchanged();
      return toUserView(before);
    }
    if (input.role !== 'admin') await keepAnActiveAdmin(ctx.db, before, ar.staff.lastAdminDemote);
    const after = await ctx.db
      .updateTable('users')
      .set({ full_name: input.fullName, role: input.role })
      .where('id', '=', input.userId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'user', entityId: after.id, before, after });
    return toUserView(after);
  },

  'users.resetPassword': async (input, ctx) => {
    // Their own password is changed with the current one (auth.changePassword), never reset around it.
    if (input.userId === requireUser(ctx).id) throw new AppError('conflict', ar.staff.resetOwnPassword);
    const before = await requireAccount(ctx.db, input.userId);
    const passwordHash = await hashPassword(input.temporaryPassword);
    const after = await ctx.db
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: 1,
        // Sessions signed in with the old password end at their next call, on every desk.
        password_version: eb('password_version', '+', 1),
      }))
      .where('id', '=', input.userId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'user', entityId: after.id, before, after: { ...after, passwordReset: true } });
    return toUserView(after);
  },
};
