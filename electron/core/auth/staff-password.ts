import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlerContext, AuditEntry } from '../context';
import type { PrepareContext } from '../handler-kinds';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword, type PasswordCost } from './passwords';
import { clearFailures, failureError, readFailures, recordFailure, throttleError, verdict, type Verdict } from './sign-in-throttle';

/**
 * A staff member's password given at a desk (a sign-in, unlocking a locked desk, closing a device screen):
 * each is guessing at the account, so all go through here, counted and slowed per username together.
 */

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

/** What the preparation saw: the throttle then, and the hash checked (none for a try refused unchecked). */
export type PasswordTry = { seen: Verdict; check: Awaited<ReturnType<typeof checkPassword>> | null };

/**
 * The slow half, before the transaction. A try that will be refused unchecked costs no hashing, whether
 * the username exists or not. `account` names the row by id when the user is already known (unlock).
 */
export async function prepareStaffPassword(
  ctx: PrepareContext,
  username: string,
  password: string,
  account: { id: number } | { username: string } = { username },
): Promise<PasswordTry> {
  const seen = verdict(await readFailures(ctx.db, username), ctx.now);
  if (seen.kind !== 'open') return { seen, check: null };
  const query = ctx.db.selectFrom('users').select(['id', 'password_hash']);
  const row = await ('id' in account ? query.where('id', '=', account.id) : query.where('username', '=', account.username)).executeTakeFirst();
  return { seen, check: await checkPassword(password, row, ctx.runtime.passwordCost) };
}

type AccountRow = { id: number; password_hash: string; active?: number | boolean };

/**
 * The decision, in the transaction: tries racing from several desks are counted one after another, and a
 * result checked in the preparation is revealed only to a try the count lets through. Every refusal is
 * audited (`failure` plus the reason) and committed with its count; a right password clears the count.
 * An account with `active` read is refused when stopped.
 */
export async function decideStaffPassword<Row extends AccountRow>(
  ctx: HandlerContext,
  tried: PasswordTry,
  what: { username: string; row: Row | undefined; wrongMessage: string; failure: Omit<AuditEntry, 'entity' | 'before'> & { after: Record<string, unknown> } },
): Promise<{ row: Row; rehash: string | null }> {
  const { username, row, failure } = what;
  const failed = (reason: FailureReason, extra: Record<string, unknown> = {}) =>
    ctx.audit({ ...failure, entity: 'user', after: { ...failure.after, reason, ...extra } });
  const { seen, check } = tried;
  const now = verdict(await readFailures(ctx.db, username), ctx.now);
  const refusal = now.kind !== 'open' ? now : seen.kind !== 'open' ? seen : null;
  if (refusal || !check) {
    failed(refusal?.kind === 'locked' ? 'locked' : 'waiting');
    return ctx.refuse(throttleError(refusal ?? (seen as Exclude<Verdict, { kind: 'open' }>)));
  }
  // Same message for an unknown user and a wrong password: no hint which usernames exist.
  if (!row || !check.matches || check.userId !== row.id || check.hash !== row.password_hash) {
    const after = await recordFailure(ctx.db, username, ctx.now);
    failed('wrong_password', { failures: after.failures, ...(after.lockedUntil ? { lockedUntil: after.lockedUntil } : {}) });
    return ctx.refuse(failureError(what.wrongMessage, 'password', after));
  }
  if (row.active !== undefined && !row.active) {
    failed('inactive');
    return ctx.refuse(new AppError('forbidden', ar.messages.userInactive));
  }
  await clearFailures(ctx.db, username);
  return { row, rehash: check.rehash };
}
