import { AppError, type ErrorIssue } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import { countOf } from '@shared/labels/count';
import type { Db } from '../store/store';

/**
 * How guessing is slowed, per username tried (an account's or not, so the answers never tell which
 * usernames exist). The first FREE_TRIES wrong passwords cost nothing; each further one makes the next
 * try wait twice as long (2, 4, 8, 16, 32 s); at LOCK_AFTER the username is locked for LOCK_MINUTES,
 * and every wrong password after a lock locks it again. A right password or an administrator clears it;
 * a day without a failure forgets it.
 */
export const THROTTLE = {
  FREE_TRIES: 5,
  FIRST_WAIT_SECONDS: 2,
  LOCK_AFTER: 10,
  LOCK_MINUTES: 15,
  FORGET_AFTER_HOURS: 24,
} as const;

export type Verdict = { kind: 'open' } | { kind: 'wait'; seconds: number } | { kind: 'locked'; until: string; minutes: number };

type FailuresRow = { failures: number; last_failure_at: string; locked_until: string | null };

export async function readFailures(db: Db, username: string): Promise<FailuresRow | undefined> {
  return db
    .selectFrom('sign_in_failures')
    .select(['failures', 'last_failure_at', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

function forgetBefore(now: Date): string {
  return new Date(now.getTime() - THROTTLE.FORGET_AFTER_HOURS * 3_600_000).toISOString();
}

/** The wait after `failures` consecutive failures (0 while they are free, and once a lock has passed). */
export function waitSeconds(failures: number): number {
  if (failures < THROTTLE.FREE_TRIES || failures >= THROTTLE.LOCK_AFTER) return 0;
  return THROTTLE.FIRST_WAIT_SECONDS * 2 ** (failures - THROTTLE.FREE_TRIES);
}

/** Whether a try may be checked now, or how long it must wait. */
export function verdict(row: FailuresRow | undefined, now: Date): Verdict {
  if (!row) return { kind: 'open' };
  const t = now.getTime();
  if (row.locked_until && Date.parse(row.locked_until) > t) {
    return { kind: 'locked', until: row.locked_until, minutes: Math.ceil((Date.parse(row.locked_until) - t) / 60_000) };
  }
  if (row.last_failure_at < forgetBefore(now)) return { kind: 'open' };
  const remaining = Date.parse(row.last_failure_at) + waitSeconds(row.failures) * 1000 - t;
  return remaining > 0 ? { kind: 'wait', seconds: Math.ceil(remaining / 1000) } : { kind: 'open' };
}

/**
 * Counts one more failure, in one statement (two desks failing at once both count, on SQLite and on a
 * shared PostgreSQL alike), and locks the username when it reaches LOCK_AFTER.
 */
export async function recordFailure(db: Db, username: string, now: Date): Promise<{ failures: number; lockedUntil: string | null }> {
  const at = now.toISOString();
  const { failures } = await db
    .insertInto('sign_in_failures')
    .values({ username, failures: 1, last_failure_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_failures.last_failure_at', '<', forgetBefore(now))
          .then(1)
          .else(eb('sign_in_failures.failures', '+', 1))
          .end(),
        last_failure_at: at,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (failures < THROTTLE.LOCK_AFTER) return { failures, lockedUntil: null };
  const lockedUntil = new Date(now.getTime() + THROTTLE.LOCK_MINUTES * 60_000).toISOString();
  await db.updateTable('sign_in_failures').set({ locked_until: lockedUntil }).where('username', '=', username).execute();
  return { failures, lockedUntil };
}

/** A right password, or an administrator lifting the lock: the count starts again. */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('username', '=', username).execute();
}

/** The Arabic answer to a try that may not be checked now. */
export function throttleMessage(v: Exclude<Verdict, { kind: 'open' }>): string {
  return v.kind === 'locked'
    ? fill(ar.messages.signInLocked, { wait: countOf(v.minutes, ar.validation.minutes) })
    : fill(ar.messages.signInWait, { wait: countOf(v.seconds, ar.validation.seconds) });
}

/**
 * The answer to a wrong password: `wrong` alone while tries are free, with the wait the next try faces
 * once they are not, or the lock this failure started.
 */
export function failureError(wrong: string, field: string, after: { failures: number; lockedUntil: string | null }): AppError {
  const wait = waitSeconds(after.failures);
  const message = after.lockedUntil
    ? throttleMessage({ kind: 'locked', until: after.lockedUntil, minutes: THROTTLE.LOCK_MINUTES })
    : wait > 0
      ? `${wrong} ${throttleMessage({ kind: 'wait', seconds: wait })}`
      : wrong;
  const issues: ErrorIssue[] = [{ path: [field], message: wrong }];
  return throttled(new AppError('validation', message, issues), after.lockedUntil ? null : wait);
}

/** A try refused before its password was checked. */
export function throttleError(v: Exclude<Verdict, { kind: 'open' }>): AppError {
  return throttled(new AppError('forbidden', throttleMessage(v)), v.kind === 'wait' ? v.seconds : null);
}

/** Scripts over HTTP read the wait from error.retryAfterSeconds; a lock has none (it lasts until lifted or it ends). */
function throttled(error: AppError, retryAfterSeconds: number | null): AppError {
  if (retryAfterSeconds) error.retryAfterSeconds = retryAfterSeconds;
  return error;
}
