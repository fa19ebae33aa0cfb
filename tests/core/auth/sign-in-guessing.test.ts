import * as crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ar, fill } from '@shared/labels/ar';
import { countOf } from '@shared/labels/count';
import type { Envelope } from '@shared/errors';
import { THROTTLE } from '../../../electron/core/auth/sign-in-throttle';
import { anonymous, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, TEST_PASSWORD_COST, type TestCore } from '../../helpers/test-core';

// Node's scrypt, wrapped to count the hashing each answer costs (our code runs unchanged).
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, scrypt: vi.fn(original.scrypt) };
});
const scrypt = vi.mocked(crypto.scrypt);

/** Sign-in that resists guessing (docs/architecture.md#security): waits, a lock an administrator lifts, every failure in the audit trail. */
let t: TestCore;
let admin: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  await signedInAs(t, 'receptionist', { username: 'noura' });
});
afterEach(() => t.cleanup());

const signIn = (username: string, password: string, deskId = 1) => anonymous(t).call('auth.signIn', { username, password, deskId });
const seconds = (n: number) => countOf(n, ar.validation.seconds);
const waitMessage = (n: number) => fill(ar.messages.signInWait, { wait: seconds(n) });
const lockMessage = (minutes: number) => fill(ar.messages.signInLocked, { wait: countOf(minutes, ar.validation.minutes) });
const failuresOf = async (username: string) =>
  (await t.db.selectFrom('sign_in_failures').select('failures').where('username', '=', username).executeTakeFirst())?.failures ?? 0;
const errorOf = (env: Envelope<unknown>) => (env.ok ? null : env.error);

/** Wrong passwords as a patient guesser sends them: each as soon as the core said it may come. */
async function guessUntilLocked(username: string): Promise<Envelope<unknown>[]> {
  const answers: Envelope<unknown>[] = [];
  for (let i = 0; i < THROTTLE.LOCK_AFTER; i++) {
    const answer = await signIn(username, `guess-number-${i}`);
    answers.push(answer);
    t.clock.advance({ seconds: errorOf(answer)?.retryAfterSeconds ?? 0 });
  }
  return answers;
}

describe('waits, then a lock', () => {
  it('Sign-in: five wrong passwords cost nothing; from the fifth each next try waits twice as long (2, 4, 8, 16, 32 s), the tenth locks for 15 minutes', async () => {
    const answers = await guessUntilLocked('noura');
    for (const a of answers.slice(0, 4)) expect(errorOf(a)).toEqual({ code: 'validation', message: ar.messages.badCredentials, issues: [{ path: ['password'], message: ar.messages.badCredentials }] });
    expect(answers.slice(4, 9).map((a) => errorOf(a)?.retryAfterSeconds)).toEqual([2, 4, 8, 16, 32]);
    expect(errorOf(answers[4]!)?.message).toBe(`${ar.messages.badCredentials} ${waitMessage(2)}`);
    expect(errorOf(answers[5]!)?.message).toBe(`${ar.messages.badCredentials} ${waitMessage(4)}`);
    expect(errorOf(answers[9]!)).toMatchObject({ code: 'validation', message: lockMessage(15) });
    expect(errorOf(answers[9]!)?.retryAfterSeconds).toBeUndefined();
    expect(await failuresOf('noura')).toBe(10);
  });

  it('Sign-in: a try that comes before its wait is over is refused unchecked, saying how long to wait — even with the right password', async () => {
    for (let i = 0; i < THROTTLE.FREE_TRIES; i++) await signIn('noura', `guess-number-${i}`);
    t.clock.advance({ seconds: 1 });
    const early = await signIn('noura', STAFF_PASSWORD);
    expect(errorOf(early)).toEqual({ code: 'forbidden', message: waitMessage(1), retryAfterSeconds: 1 });
    // Refused unchecked: it neither counts as a failure nor clears the count.
    expect(await failuresOf('noura')).toBe(5);
    t.clock.advance({ seconds: 1 });
    expect((await signIn('noura', STAFF_PASSWORD)).ok).toBe(true);
    expect(await failuresOf('noura')).toBe(0);
  });

  it('Sign-in: while locked the right password is refused, with the minutes left; after 15 minutes it works', async () => {
    await guessUntilLocked('noura');
    t.clock.advance({ minutes: 5 });
    expect(errorOf(await signIn('noura', STAFF_PASSWORD))).toEqual({ code: 'forbidden', message: lockMessage(10) });
    t.clock.advance({ minutes: 9, seconds: 30 });
    expect(errorOf(await signIn('noura', STAFF_PASSWORD))).toEqual({ code: 'forbidden', message: lockMessage(1) });
    t.clock.advance({ seconds: 30 });
    expect((await signIn('noura', STAFF_PASSWORD)).ok).toBe(true);
  });

  it('Sign-in: after a lock has passed, one more wrong password locks again at once', async () => {
    await guessUntilLocked('noura');
    t.clock.advance({ minutes: 15 });
    expect(errorOf(await signIn('noura', 'one-more-guess'))?.message).toBe(lockMessage(15));
  });

  it('Sign-in: a right password starts the count again; a day without failures forgets it', async () => {
    for (let i = 0; i < 4; i++) await signIn('noura', `guess-number-${i}`);
    expect((await signIn('noura', STAFF_PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn('noura', `guess-number-${i}`);
    expect(await failuresOf('noura')).toBe(4);
    t.clock.advance({ hours: 24, seconds: 1 });
    expect(errorOf(await signIn('noura', 'after-a-day'))?.message).toBe(ar.messages.badCredentials);
    expect(await failuresOf('noura')).toBe(1);
  });

  it('Sign-in: an unknown username is slowed and locked exactly like a real one, so the answers never tell which usernames exist', async () => {
    const real: Envelope<unknown>[] = [];
    const unknown: Envelope<unknown>[] = [];
    for (let i = 0; i < THROTTLE.LOCK_AFTER; i++) {
      real.push(await signIn('noura', `guess-number-${i}`));
      unknown.push(await signIn('nobody.here', `guess-number-${i}`));
      t.clock.advance({ seconds: errorOf(real[i]!)?.retryAfterSeconds ?? 0 });
    }
    expect(unknown).toEqual(real);
    expect(errorOf(real[9]!)?.message).toBe(lockMessage(15));
    t.clock.advance({ minutes: 1 });
    expect(await signIn('nobody.here', 'x-anything-1')).toEqual(await signIn('noura', 'x-anything-1'));
  });

  it('Sign-in: one username guessed at does not slow another', async () => {
    await guessUntilLocked('noura');
    expect((await signIn('admin', admin.password)).ok).toBe(true);
  });

  it('Sign-in: twenty wrong passwords sent at once get no more checks than five sent one by one', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('noura', `parallel-guess-${i}`)));
    const checked = answers.filter((a) => errorOf(a)?.code === 'validation');
    expect(checked).toHaveLength(THROTTLE.FREE_TRIES);
    expect(answers.filter((a) => errorOf(a)?.code === 'forbidden').every((a) => errorOf(a)?.message === waitMessage(2))).toBe(true);
    expect(await failuresOf('noura')).toBe(THROTTLE.FREE_TRIES);
  });

  it('Sign-in: the count and the lock are in the store — a restarted shell, or another process on it, still refuses', async () => {
    await guessUntilLocked('noura');
    const other = await openTestCore({ dataDir: t.dataDir, now: t.clock });
    try {
      expect(errorOf(await anonymous(other).call('auth.signIn', { username: 'noura', password: STAFF_PASSWORD, deskId: 2 }))?.message).toBe(lockMessage(15));
    } finally {
      await other.cleanup();
    }
  });
});

describe('the administrator lifts a lock', () => {
  it('Sign-in: the staff list marks the locked account until when; lifting it is audited and the right password then works', async () => {
    await guessUntilLocked('noura');
    const locked = (await admin.ok('users.list', {})).find((u) => u.username === 'noura')!;
    expect(locked.signInLockedUntil).toBe(new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
    expect((await admin.ok('users.list', {})).find((u) => u.username === 'admin')!.signInLockedUntil).toBeNull();

    const lifted = await admin.ok('users.unlockSignIn', { userId: locked.id });
    expect(lifted).toMatchObject({ username: 'noura', signInLockedUntil: null });
    const audit = await t.db.selectFrom('audit').selectAll().where('operation', '=', 'users.unlockSignIn').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: admin.user.id, entity_id: locked.id });
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ signInFailures: 10 });
    expect((await signIn('noura', STAFF_PASSWORD)).ok).toBe(true);
  });

  it('Sign-in: lifting an account that is not locked (a double press) changes nothing and writes no audit row', async () => {
    const noura = (await admin.ok('users.list', {})).find((u) => u.username === 'noura')!;
    const before = await countRows(t, 'audit');
    expect(await admin.ok('users.unlockSignIn', { userId: noura.id })).toMatchObject({ signInLockedUntil: null });
    expect(await countRows(t, 'audit')).toBe(before);
  });

  it('Sign-in: only an administrator lifts a lock — a supervisor is refused, the lock stays', async () => {
    await guessUntilLocked('noura');
    const supervisor = await signedInAs(t, 'supervisor');
    const noura = (await admin.ok('users.list', {})).find((u) => u.username === 'noura')!;
    expect(errorOf(await supervisor.call('users.unlockSignIn', { userId: noura.id }))).toEqual({ code: 'forbidden', message: ar.errors.forbidden });
    expect(await failuresOf('noura')).toBe(10);
  });

  it('Sign-in: a password reset by the administrator also lifts the lock', async () => {
    await guessUntilLocked('noura');
    const noura = (await admin.ok('users.list', {})).find((u) => u.username === 'noura')!;
    await admin.ok('users.resetPassword', { userId: noura.id, temporaryPassword: 'handed-over-2024' });
    expect((await signIn('noura', 'handed-over-2024')).ok).toBe(true);
  });
});

describe('unlocking a locked desk counts too', () => {
  it('Sign-in: wrong passwords at a locked desk slow and lock the account like wrong sign-ins; the right one is then refused until lifted', async () => {
    const desk = await signedInAs(t, 'receptionist', { username: 'khalid' });
    await desk.ok('auth.lock', {});
    const answers: Envelope<unknown>[] = [];
    for (let i = 0; i < THROTTLE.LOCK_AFTER; i++) {
      const answer = await desk.call('auth.unlock', { password: `guess-number-${i}` });
      answers.push(answer);
      t.clock.advance({ seconds: errorOf(answer)?.retryAfterSeconds ?? 0 });
    }
    expect(errorOf(answers[0]!)?.message).toBe(ar.messages.badPassword);
    expect(errorOf(answers[4]!)?.message).toBe(`${ar.messages.badPassword} ${waitMessage(2)}`);
    expect(errorOf(answers[9]!)?.message).toBe(lockMessage(15));
    expect(errorOf(await desk.call('auth.unlock', { password: STAFF_PASSWORD }))?.message).toBe(lockMessage(15));
    // The account itself is locked: signing in elsewhere is refused too.
    expect(errorOf(await signIn('khalid', STAFF_PASSWORD, 2))?.message).toBe(lockMessage(15));
    await admin.ok('users.unlockSignIn', { userId: desk.user.id });
    expect(await desk.ok('auth.unlock', { password: STAFF_PASSWORD })).toMatchObject({ locked: false });
  });
});

describe('every failure in the audit trail', () => {
  it('Sign-in: each failed sign-in and unlock is an audit row with the username tried and the desk, never the password', async () => {
    await signIn('noura', 'Secret-Guess-71', 2);
    await signIn('nobody.here', 'Secret-Guess-72', 3);
    for (let i = 0; i < 4; i++) await signIn('noura', `Secret-Guess-7${3 + i}`);
    await signIn('noura', 'Secret-Guess-77'); // before its wait: refused unchecked, still recorded
    const desk = await signedInAs(t, 'receptionist', { username: 'khalid', deskId: 2 });
    await desk.ok('auth.lock', {});
    await desk.call('auth.unlock', { password: 'Secret-Guess-78' });

    const rows = await t.db
      .selectFrom('audit')
      .select(['user_id', 'operation', 'entity', 'entity_id', 'after', 'kind', 'reason', 'desk_id'])
      .where('after', 'like', '%Failed%')
      .orderBy('id')
      .execute();
    // Shown on the audit screen as refused tries, each at the desk it was made from.
    expect(rows.map((r) => [r.kind, r.reason, r.desk_id])).toEqual([
      ['refused', 'credentials', 2],
      ['refused', 'credentials', 3],
      ...Array(5).fill(['refused', 'credentials', 1]),
      ['refused', 'credentials', 2],
    ]);
    const users = Object.fromEntries((await admin.ok('users.list', {})).map((u) => [u.username, u.id]));
    expect(rows.map(({ kind: _k, reason: _r, desk_id: _d, ...r }) => ({ ...r, after: JSON.parse(r.after!) }))).toEqual([
      { user_id: null, operation: 'auth.signIn', entity: 'user', entity_id: users.noura, after: { signInFailed: true, username: 'noura', deskId: 2, reason: 'wrong_password', failures: 1 } },
      { user_id: null, operation: 'auth.signIn', entity: 'user', entity_id: null, after: { signInFailed: true, username: 'nobody.here', deskId: 3, reason: 'wrong_password', failures: 1 } },
      ...[2, 3, 4, 5].map((failures) => ({
        user_id: null,
        operation: 'auth.signIn',
        entity: 'user',
        entity_id: users.noura,
        after: { signInFailed: true, username: 'noura', deskId: 1, reason: 'wrong_password', failures },
      })),
      { user_id: null, operation: 'auth.signIn', entity: 'user', entity_id: users.noura, after: { signInFailed: true, username: 'noura', deskId: 1, reason: 'waiting' } },
      { user_id: users.khalid, operation: 'auth.unlock', entity: 'user', entity_id: users.khalid, after: { unlockFailed: true, username: 'khalid', deskId: 2, reason: 'wrong_password', failures: 1 } },
    ]);
    const everything = JSON.stringify(await t.db.selectFrom('audit').selectAll().execute());
    expect(everything).not.toMatch(/Secret-Guess/);
  });

  it('Sign-in: a stopped account with its right password is refused and recorded, without counting as a guess', async () => {
    const noura = (await admin.ok('users.list', {})).find((u) => u.username === 'noura')!;
    await admin.ok('users.setActive', { userId: noura.id, active: false });
    expect(errorOf(await signIn('noura', STAFF_PASSWORD))).toEqual({ code: 'forbidden', message: ar.messages.userInactive });
    const last = await t.db.selectFrom('audit').select('after').where('operation', '=', 'auth.signIn').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(last.after!)).toEqual({ signInFailed: true, username: 'noura', deskId: 1, reason: 'inactive' });
    expect(await failuresOf('noura')).toBe(0);
  });
});

describe('the same work whether the username exists or not', () => {
  /** The scrypt runs an answer cost, with the cost of each. */
  async function hashingOf(fn: () => Promise<unknown>): Promise<number[]> {
    scrypt.mockClear();
    await fn();
    return scrypt.mock.calls.map((c) => (c[3] as crypto.ScryptOptions).N!);
  }

  it('Sign-in: a real account with a wrong password, an unknown username, a stopped account and the right password each cost one hash at the same cost', async () => {
    const noura = (await admin.ok('users.list', {})).find((u) => u.username === 'noura')!;
    const one = [TEST_PASSWORD_COST.N];
    expect(await hashingOf(() => signIn('noura', 'wrong-password-1'))).toEqual(one);
    expect(await hashingOf(() => signIn('nobody.here', 'wrong-password-1'))).toEqual(one);
    expect(await hashingOf(() => signIn('noura', STAFF_PASSWORD))).toEqual(one);
    await admin.ok('users.setActive', { userId: noura.id, active: false });
    expect(await hashingOf(() => signIn('noura', STAFF_PASSWORD))).toEqual(one);
    expect(await hashingOf(() => signIn('noura', 'wrong-password-2'))).toEqual(one);
  });

  it('Sign-in: a try naming a desk that does not exist costs no hash and counts nothing', async () => {
    const env = await hashingOf(async () => expect(errorOf(await signIn('noura', 'wrong-password-1', 99))?.message).toBe(ar.messages.deskNotFound));
    expect(env).toEqual([]);
    expect(await failuresOf('noura')).toBe(0);
  });

  it('Sign-in: a try refused for its wait costs no hash, for a real account and an unknown username alike', async () => {
    for (const username of ['noura', 'nobody.here']) {
      for (let i = 0; i < THROTTLE.FREE_TRIES; i++) await signIn(username, `guess-number-${i}`);
      expect(await hashingOf(() => signIn(username, 'too-early-1'))).toEqual([]);
    }
  });
});
