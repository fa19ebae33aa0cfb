import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { anonymous, signedInAs, STAFF_PASSWORD, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * Passwords (docs/architecture.md#security): every operation that sets one (first run, a new account, a reset, one's own
 * change) refuses fewer than 10 characters, the username in it, and the commonest passwords — in
 * Arabic, on the field, nothing written.
 */
let t: TestCore;
let admin: SignedIn;
let noura: SignedIn;

beforeAll(async () => {
  t = await openTestCore();
  admin = await signedInAs(t, 'admin');
  noura = await signedInAs(t, 'receptionist', { username: 'noura' });
});
afterAll(() => t.cleanup());

const short = 'abc-12345'; // nine characters
const COMMON = ['1234567890', 'qwertyuiop', 'password123', '123456789a', 'PASSWORD123', 'password١٢٣', 'ضصثقفغعهخح', 'istiqbal123', 'iloveyou123'];

/** Each operation that sets a password, as (password, username it belongs to) → envelope, and the field it names. */
const setters = {
  'auth.setup': {
    field: 'password',
    call: async (password: string) => {
      const fresh = await openTestCore();
      try {
        return await anonymous(fresh).call('auth.setup', { username: 'salman', fullName: 'سلمان العمري', password, deskId: 1 });
      } finally {
        await fresh.cleanup();
      }
    },
    username: 'salman',
  },
  'users.create': {
    field: 'password',
    call: (password: string) => admin.call('users.create', { username: 'fahad.q', fullName: 'فهد القحطاني', role: 'receptionist', password }),
    username: 'fahad.q',
  },
  'users.resetPassword': {
    field: 'temporaryPassword',
    call: (password: string) => admin.call('users.resetPassword', { userId: noura.user.id, temporaryPassword: password }),
    username: 'noura',
  },
  'auth.changePassword': {
    field: 'newPassword',
    call: (password: string) => noura.call('auth.changePassword', { currentPassword: STAFF_PASSWORD, newPassword: password }),
    username: 'noura',
  },
} as const;

describe.each(Object.entries(setters))('%s', (_operation, setter) => {
  const refusal = (message: string) => ({ ok: false, error: { code: 'validation', message, issues: [{ path: [setter.field], message }] } });

  it('Passwords: fewer than 10 characters is refused, naming the rule, nothing written', async () => {
    const before = await rowCounts(t);
    const env = await setter.call(short);
    expect(env.ok).toBe(false);
    expect(!env.ok && env.error.issues).toEqual([{ path: [setter.field], message: ar.messages.passwordTooShort }]);
    expect(ar.messages.passwordTooShort).toContain('10');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('Passwords: the username, or a password containing it in any case, is refused, nothing written', async () => {
    const before = await rowCounts(t);
    for (const p of [`${setter.username}-2024-x`, `My${setter.username.toUpperCase()}!!99`]) {
      expect(await setter.call(p), p).toEqual(refusal(ar.messages.passwordHasUsername));
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('Passwords: the commonest passwords — and their capitals, Arabic digits and Arabic-keyboard forms — are refused, nothing written', async () => {
    const before = await rowCounts(t);
    for (const p of COMMON) expect(await setter.call(p), p).toEqual(refusal(ar.messages.passwordCommon));
    expect(await rowCounts(t)).toEqual(before);
  });
});

it('Passwords: a password that keeps every rule is taken by each operation', async () => {
  expect((await setters['auth.setup'].call('kettle-mosaic-41')).ok).toBe(true);
  expect((await setters['users.create'].call('kettle-mosaic-42')).ok).toBe(true);
  expect((await setters['auth.changePassword'].call('kettle-mosaic-43')).ok).toBe(true);
  expect((await setters['users.resetPassword'].call('kettle-mosaic-44')).ok).toBe(true);
});
