import { AppError } from '../../../shared/errors';
import { ar } from '../../../shared/labels/ar';
import { requireUser, type HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import type { Db } from '../store/store';
import { hashPassword, verifyPassword } from './passwords';
import { sessionView } from './session-view';

async function requireDesk(db: Db, deskId: number): Promise<void> {
  const desk = await db.selectFrom('desks').select('id').where('id', '=', deskId).executeTakeFirst();
  if (!desk) throw new AppError('validation', ar.messages.deskNotFound, [{ path: ['deskId'], message: ar.messages.deskNotFound }]);
}

function signInto(ctx: HandlerContext, user: { id: number; password_version: number }, deskId: number) {
  ctx.session.userId = user.id;
  ctx.session.deskId = deskId;
  ctx.session.passwordVersion = user.password_version;
  ctx.session.locked = false;
  ctx.session.lastActivity = ctx.now.getTime();
}

function passwordIssue(field: 'currentPassword' | 'newPassword', message: string): AppError {
  return new AppError('validation', message, [{ path: [field], message }]);
}

export const authHandlers: HandlerMap<
  'auth.session' | 'auth.setup' | 'auth.signIn' | 'auth.signOut' | 'auth.lock' | 'auth.unlock' | 'auth.touch' | 'auth.changePassword'
> = {
  'auth.session': async (_input, ctx) => sessionView(ctx),

  'auth.setup': async (input, ctx) => {
    const existing = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) throw new AppError('conflict', ar.messages.setupDone);
    await requireDesk(ctx.db, input.deskId);
    const row = await ctx.db
      .insertInto('users')
      .values({
        username: input.username,
        full_name: input.fullName,
        role: 'admin',
        password_hash: await hashPassword(input.password),
        active: 1,
        created_at: ctx.now.toISOString(),
      })
      .returning(['id', 'username', 'full_name', 'role', 'password_version'])
      .executeTakeFirstOrThrow();
    const { password_version: _version, ...created } = row;
    ctx.audit({ entity: 'user', entityId: row.id, after: created });
    signInto(ctx, row, input.deskId);
    return sessionView(ctx);
  },

  'auth.signIn': async (input, ctx) => {
    const row = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
    // Same message for an unknown user and a wrong password: no hint which usernames exist.
    if (!row || !(await verifyPassword(input.password, row.password_hash))) {
      throw new AppError('validation', ar.messages.badCredentials, [{ path: ['password'], message: ar.messages.badCredentials }]);
    }
    if (!row.active) throw new AppError('forbidden', ar.messages.userInactive);
    await requireDesk(ctx.db, input.deskId);
    // After a reset the sign-in succeeds, but the dispatcher lets this session do nothing but choose a new password.
    signInto(ctx, row, input.deskId);
    ctx.audit({
      entity: 'user',
      entityId: row.id,
      after: { signedIn: true, deskId: input.deskId, ...(row.must_change_password ? { mustChangePassword: true } : {}) },
    });
    return sessionView(ctx);
  },

  'auth.signOut': async (_input, ctx) => {
    const userId = ctx.session.userId;
    ctx.session.userId = null;
    ctx.session.deskId = null;
    ctx.session.passwordVersion = null;
    ctx.session.locked = false;
    ctx.audit({ entity: 'user', entityId: userId, after: { signedOut: true } });
    return sessionView(ctx);
  },

  'auth.lock': async (_input, ctx) => {
    ctx.session.locked = true;
    ctx.audit({ entity: 'user', entityId: ctx.session.userId, after: { locked: true } });
    return sessionView(ctx);
  },

  'auth.unlock': async (input, ctx) => {
    const row = await ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', ctx.session.userId!)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(input.password, row.password_hash))) {
      throw new AppError('validation', ar.messages.badPassword, [{ path: ['password'], message: ar.messages.badPassword }]);
    }
    ctx.session.locked = false;
    ctx.session.lastActivity = ctx.now.getTime();
    ctx.audit({ entity: 'user', entityId: ctx.session.userId, after: { unlocked: true } });
    return sessionView(ctx);
  },

  'auth.touch': async (_input, ctx) => {
    ctx.session.lastActivity = ctx.now.getTime();
    return null;
  },

  'auth.changePassword': async (input, ctx) => {
    const me = requireUser(ctx);
    const row = await ctx.db
      .selectFrom('users')
      .select(['password_hash', 'password_version', 'must_change_password'])
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
      throw passwordIssue('currentPassword', ar.staff.currentPasswordWrong);
    }
    // After a reset the temporary password is known to the administrator too: it cannot be kept.
    if (await verifyPassword(input.newPassword, row.password_hash)) throw passwordIssue('newPassword', ar.staff.samePassword);
    const passwordVersion = row.password_version + 1;
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.newPassword), must_change_password: 0, password_version: passwordVersion })
      .where('id', '=', me.id)
      .execute();
    // This window stays signed in; any other session of this account is signed out at its next call.
    ctx.session.passwordVersion = passwordVersion;
    ctx.audit({
      entity: 'user',
      entityId: me.id,
      before: { mustChangePassword: !!row.must_change_password },
      after: { passwordChanged: true, mustChangePassword: false },
    });
    return sessionView(ctx);
  },
};
