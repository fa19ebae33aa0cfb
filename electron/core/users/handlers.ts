import type { userOperations } from '@shared/contract/users';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { StaffView } from '@shared/contract';
import { checkNewPassword } from '../auth/password-rules';
import { hashPassword } from '../auth/passwords';
import { toUserView, USER_VIEW_COLUMNS } from '../auth/session-view';
import { clearFailures } from '../auth/sign-in-throttle';
import { requireUser } from '../context';
import { withPreparation, type HandlersOf } from '../handler-kinds';
import type { Db } from '../store/store';
import { keepAnActiveAdmin } from './last-admin';

const columns = USER_VIEW_COLUMNS;

async function requireAccount(db: Db, userId: number) {
  const row = await db.selectFrom('users').select(columns).where('id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError('not_found', ar.staff.userNotFound);
  return row;
}

/** The accounts whose sign-in is locked at `now` (repeated wrong passwords), username → until when. */
async function signInLocks(db: Db, now: Date): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['username', 'locked_until'])
    .where('locked_until', '>', now.toISOString())
    .execute();
  return new Map(rows.map((r) => [r.username, r.locked_until!]));
}

function toStaffView(row: Parameters<typeof toUserView>[0], locks: Map<string, string>): StaffView {
  return { ...toUserView(row), signInLockedUntil: locks.get(row.username) ?? null };
}

export const userHandlers: HandlersOf<typeof userOperations> = {
  'users.list': async (_input, ctx) => {
    const locks = await signInLocks(ctx.db, ctx.now);
    return (await ctx.db.selectFrom('users').select(columns).orderBy('id').execute()).map((row) => toStaffView(row, locks));
  },

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

  'users.create': withPreparation(
    async (input, ctx) => {
      checkNewPassword(input.password, input.username, 'password', ctx.runtime);
      return hashPassword(input.password, ctx.runtime.passwordCost);
    },
    async (input, ctx, passwordHash) => {
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
          password_hash: passwordHash,
          active: 1,
          created_at: ctx.now.toISOString(),
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      ctx.audit({ entity: 'user', entityId: row.id, after: row });
      return toUserView(row);
    },
  ),

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

  'users.resetPassword': withPreparation(
    async (input, ctx) => {
      // Their own password is changed with the current one (auth.changePassword), never reset around it.
      if (input.userId === requireUser(ctx).id) throw new AppError('conflict', ar.staff.resetOwnPassword);
      const account = await requireAccount(ctx.db, input.userId);
      checkNewPassword(input.temporaryPassword, account.username, 'temporaryPassword', ctx.runtime);
      return hashPassword(input.temporaryPassword, ctx.runtime.passwordCost);
    },
    async (input, ctx, passwordHash) => {
      const before = await requireAccount(ctx.db, input.userId);
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
      // The new password is one the owner cannot have been guessing at: a lock from wrong tries goes too.
      await clearFailures(ctx.db, before.username);
      ctx.audit({ entity: 'user', entityId: after.id, before, after: { ...after, passwordReset: true } });
      return toUserView(after);
    },
  ),

  'users.unlockSignIn': async (input, ctx) => {
    const account = await requireAccount(ctx.db, input.userId);
    const lock = await ctx.db
      .selectFrom('sign_in_failures')
      .select(['failures', 'locked_until'])
      .where('username', '=', account.username)
      .executeTakeFirst();
    if (!lock) {
      ctx.unchanged();
      return toStaffView(account, new Map());
    }
    await clearFailures(ctx.db, account.username);
    ctx.audit({
      entity: 'user',
      entityId: account.id,
      before: { signInFailures: lock.failures, signInLockedUntil: lock.locked_until },
      after: { signInUnlocked: true },
    });
    return toStaffView(account, new Map());
  },
};
