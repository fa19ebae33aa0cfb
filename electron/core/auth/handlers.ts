import type { authOperations } from '@shared/contract/auth';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { requireUser, type HandlerContext } from '../context';
import { withPreparation, type HandlersOf } from '../handler-kinds';
import type { Db } from '../store/store';
import { checkNewPassword } from './password-rules';
import { hashPassword, verifyPassword } from './passwords';
import { sessionView } from './session-view';
import { decideStaffPassword, prepareStaffPassword } from './staff-password';

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

export const authHandlers: HandlersOf<typeof authOperations> = {
  'auth.session': async (_input, ctx) => sessionView(ctx),

  'auth.setup': withPreparation(
    async (input, ctx) => {
      checkNewPassword(input.password, input.username, 'password', ctx.runtime);
      return hashPassword(input.password, ctx.runtime.passwordCost);
    },
    async (input, ctx, passwordHash) => {
      const existing = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) throw new AppError('conflict', ar.messages.setupDone);
      await requireDesk(ctx.db, input.deskId);
      const row = await ctx.db
        .insertInto('users')
        .values({
          username: input.username,
          full_name: input.fullName,
          role: 'admin',
          password_hash: passwordHash,
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
  ),

  'auth.signIn': withPreparation(
    async (input, ctx) => {
      // One naming no desk is refused without counting (and without hashing).
      await requireDesk(ctx.db, input.deskId);
      return prepareStaffPassword(ctx, input.username, input.password);
    },
    async (input, ctx, tried) => {
      await requireDesk(ctx.db, input.deskId);
      const found = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
      const { row, rehash } = await decideStaffPassword(ctx, tried, {
        username: input.username,
        row: found,
        wrongMessage: ar.messages.badCredentials,
        failure: { entityId: found?.id ?? null, deskId: input.deskId, after: { signInFailed: true, username: input.username, deskId: input.deskId } },
      });
      if (rehash) await ctx.db.updateTable('users').set({ password_hash: rehash }).where('id', '=', row.id).execute();
      // After a reset the sign-in succeeds, but the dispatcher lets this session do nothing but choose a new password.
      signInto(ctx, row, input.deskId);
      ctx.audit({
        entity: 'user',
        entityId: row.id,
        after: {
          signedIn: true,
          deskId: input.deskId,
          ...(row.must_change_password ? { mustChangePassword: true } : {}),
          ...(rehash ? { passwordRehashed: true } : {}),
        },
      });
      return sessionView(ctx);
    },
  ),

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

  'auth.unlock': withPreparation(
    async (input, ctx) => {
      const me = requireUser(ctx);
      return prepareStaffPassword(ctx, me.username, input.password, { id: me.id });
    },
    // Guessing at a locked desk is guessing at the account: counted with its failed sign-ins.
    async (input, ctx, tried) => {
      const me = requireUser(ctx);
      const found = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', me.id).executeTakeFirstOrThrow();
      await decideStaffPassword(ctx, tried, {
        username: me.username,
        row: found,
        wrongMessage: ar.messages.badPassword,
        failure: { entityId: me.id, after: { unlockFailed: true, username: me.username, deskId: ctx.session.deskId } },
      });
      ctx.session.locked = false;
      ctx.session.lastActivity = ctx.now.getTime();
      ctx.audit({ entity: 'user', entityId: me.id, after: { unlocked: true } });
      return sessionView(ctx);
    },
  ),

  'auth.touch': async (_input, ctx) => {
    ctx.session.lastActivity = ctx.now.getTime();
    return null;
  },

  'auth.changePassword': withPreparation(
    async (input, ctx) => {
      const me = requireUser(ctx);
      const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', me.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
        throw passwordIssue('currentPassword', ar.staff.currentPasswordWrong);
      }
      checkNewPassword(input.newPassword, me.username, 'newPassword', ctx.runtime);
      // After a reset the temporary password is known to the administrator too: it cannot be kept.
      if (await verifyPassword(input.newPassword, row.password_hash)) throw passwordIssue('newPassword', ar.staff.samePassword);
      return { provedAgainst: row.password_hash, newHash: await hashPassword(input.newPassword, ctx.runtime.passwordCost) };
    },
    async (_input, ctx, { provedAgainst, newHash }) => {
      const me = requireUser(ctx);
      const row = await ctx.db
        .selectFrom('users')
        .select(['password_hash', 'password_version', 'must_change_password'])
        .where('id', '=', me.id)
        .executeTakeFirstOrThrow();
      // Changed meanwhile (another window, a reset): the current password given was checked against the old one.
      if (row.password_hash !== provedAgainst) throw passwordIssue('currentPassword', ar.staff.currentPasswordWrong);
      const passwordVersion = row.password_version + 1;
      await ctx.db
        .updateTable('users')
        .set({ password_hash: newHash, must_change_password: 0, password_version: passwordVersion })
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
  ),
};
