import type { authOperations } from '@shared/contract/auth';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { requireUser, type HandlerContext } from '../context';
import { withPreparation, type HandlersOf } from '../handlers';
import type { Db } from '../store/store';
import { checkNewPassword } from './password-rules';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword, type PasswordCost } from './passwords';
import { sessionView } from './session-view';
import { clearFailures, failureError, readFailures, recordFailure, throttleError, verdict, type Verdict } from './sign-in-throttle';

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
      // A try that will be refused unchecked costs no hashing (whether the username exists or not);
      // nor does one naming no desk, which is refused without counting.
      await requireDesk(ctx.db, input.deskId);
      const seen = verdict(await readFailures(ctx.db, input.username), ctx.now);
      if (seen.kind !== 'open') return { seen, check: null };
      const row = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('username', '=', input.username).executeTakeFirst();
      return { seen, check: await checkPassword(input.password, row, ctx.runtime.passwordCost) };
    },
    async (input, ctx, { seen, check }) => {
      await requireDesk(ctx.db, input.deskId);
      const row = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
      const failed = (reason: FailureReason, extra: Record<string, unknown> = {}) =>
        ctx.audit({ entity: 'user', entityId: row?.id ?? null, deskId: input.deskId, after: { signInFailed: true, username: input.username, deskId: input.deskId, reason, ...extra } });
      // Decided here, in the transaction: tries racing from several desks are counted one after another,
      // and a result checked in the preparation is revealed only to a try the count lets through.
      const now = verdict(await readFailures(ctx.db, input.username), ctx.now);
      const refusal = now.kind !== 'open' ? now : seen.kind !== 'open' ? seen : null;
      if (refusal || !check) {
        failed(refusal?.kind === 'locked' ? 'locked' : 'waiting');
        return ctx.refuse(throttleError(refusal ?? seen as Exclude<Verdict, { kind: 'open' }>));
      }
      // Same message for an unknown user and a wrong password: no hint which usernames exist.
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
      if (check.rehash) await ctx.db.updateTable('users').set({ password_hash: check.rehash }).where('id', '=', row.id).execute();
      // After a reset the sign-in succeeds, but the dispatcher lets this session do nothing but choose a new password.
      signInto(ctx, row, input.deskId);
      ctx.audit({
        entity: 'user',
        entityId: row.id,
        after: {
          signedIn: true,
          deskId: input.deskId,
          ...(row.must_change_password ? { mustChangePassword: true } : {}),
          ...(check.rehash ? { passwordRehashed: true } : {}),
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
      const seen = verdict(await readFailures(ctx.db, me.username), ctx.now);
      if (seen.kind !== 'open') return { seen, check: null };
      const row = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', me.id).executeTakeFirst();
      return { seen, check: await checkPassword(input.password, row, ctx.runtime.passwordCost) };
    },
    // Guessing at a locked desk is guessing at the account: counted with its failed sign-ins.
    async (input, ctx, { seen, check }) => {
      const me = requireUser(ctx);
      const failed = (reason: FailureReason, extra: Record<string, unknown> = {}) =>
        ctx.audit({ entity: 'user', entityId: me.id, after: { unlockFailed: true, username: me.username, deskId: ctx.session.deskId, reason, ...extra } });
      const now = verdict(await readFailures(ctx.db, me.username), ctx.now);
      const refusal = now.kind !== 'open' ? now : seen.kind !== 'open' ? seen : null;
      if (refusal || !check) {
        failed(refusal?.kind === 'locked' ? 'locked' : 'waiting');
        return ctx.refuse(throttleError(refusal ?? seen as Exclude<Verdict, { kind: 'open' }>));
      }
      const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', me.id).executeTakeFirstOrThrow();
      if (!check.matches || check.hash !== row.password_hash) {
        const after = await recordFailure(ctx.db, me.username, ctx.now);
        failed('wrong_password', { failures: after.failures, ...(after.lockedUntil ? { lockedUntil: after.lockedUntil } : {}) });
        return ctx.refuse(failureError(ar.messages.badPassword, 'password', after));
      }
      await clearFailures(ctx.db, me.username);
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

export type FailureReason = 'wrong_password' | 'waiting' | 'locked' | 'inactive';

/**
 * One scrypt hash whether the account exists or not (an unknown username is checked against a hash no
 * password matches, at the same cost), so the time of the answer tells nothing. A right password on a
 * hash older than the current cost also gets its new hash here, outside the transaction.
 */
export async function checkPassword(password: string, row: { id: number; password_hash: string } | undefined, cost: PasswordCost) {
  const hash = row?.password_hash ?? unmatchableHash(cost);
  const matches = await verifyPassword(password, hash);
  const rehash = matches && row && needsRehash(hash, cost) ? await hashPassword(password, cost) : null;
  return { userId: row?.id ?? null, hash, matches, rehash };
}
