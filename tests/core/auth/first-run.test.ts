import { afterEach, beforeEach, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { ADMIN, anonymous } from '../../helpers/sessions';
import { openTestCore, refusedCount, rowCounts, type TestCore } from '../../helpers/test-core';

/** First run creates the administrator, once; sign-in never hints which usernames exist. */
let t: TestCore;

beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

it('a new store asks for its administrator, and only once', async () => {
  const first = anonymous(t);
  expect((await first.ok('auth.session', {})).needsSetup).toBe(true);
  const view = await first.ok('auth.setup', { ...ADMIN, deskId: 1 });
  expect(view).toMatchObject({ needsSetup: false, locked: false, user: { username: 'admin', role: 'admin' }, desk: { id: 1, ticketPrefix: 'A' } });

  // A second window that still shows the first-run screen cannot create another administrator.
  const before = await rowCounts(t);
  const second = await anonymous(t).call('auth.setup', { username: 'other', fullName: 'مدير آخر', password: 'spare-keys-771', deskId: 1 });
  expect(second).toEqual({ ok: false, error: { code: 'conflict', message: ar.messages.setupDone } });
  expect(await rowCounts(t)).toEqual(before);
});

it('two first-run windows racing: exactly one administrator', async () => {
  const results = await Promise.all(
    ['first', 'second'].map((name) =>
      anonymous(t).call('auth.setup', { username: name, fullName: `مدير ${name === 'first' ? 'أول' : 'ثان'}`, password: 'racing-pass-1', deskId: 1 }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect((await rowCounts(t)).users).toBe(1);
});

it('a wrong password and an unknown user get the same Arabic answer; nothing but the failure itself is written', async () => {
  await anonymous(t).ok('auth.setup', { ...ADMIN, deskId: 1 });
  const before = await rowCounts(t);
  const refusedBefore = await refusedCount(t);
  const wrong = await anonymous(t).call('auth.signIn', { username: ADMIN.username, password: 'wrong-password', deskId: 1 });
  const unknown = await anonymous(t).call('auth.signIn', { username: 'nobody', password: 'wrong-password', deskId: 1 });
  expect(wrong).toEqual(unknown);
  expect(!wrong.ok && wrong.error.message).toBe(ar.messages.badCredentials);
  // Each failure is in the audit trail as refused (tests/core/auth/sign-in-guessing.test.ts); no account, desk or setting changed.
  expect(await rowCounts(t)).toEqual(before);
  expect(await refusedCount(t)).toBe(refusedBefore + 2);
});

it('signing in needs a desk that exists', async () => {
  await anonymous(t).ok('auth.setup', { ...ADMIN, deskId: 1 });
  const env = await anonymous(t).call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, deskId: 9 });
  expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: ar.messages.deskNotFound });
});

it('usernames are case-insensitive at sign-in', async () => {
  await anonymous(t).ok('auth.setup', { ...ADMIN, deskId: 1 });
  const view = await anonymous(t).ok('auth.signIn', { username: ' ADMIN ', password: ADMIN.password, deskId: 2 });
  expect(view.user?.username).toBe('admin');
  expect(view.desk?.ticketPrefix).toBe('B');
});
