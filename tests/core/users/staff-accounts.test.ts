import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { walkInInput } from '../../helpers/fixtures';
import { anonymous, signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * Staff accounts (README "Staff accounts"): the administrator renames, changes roles and resets passwords; a reset
 * leaves a sign-in that may only choose a new password; everyone changes their own password with
 * the current one; the last active administrator stays. All in the core, so the HTTP API obeys too.
 */
const activeAdmins = async () =>
  (await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow()).n;
let t: TestCore;
let admin: SignedIn;

beforeEach(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
});
afterEach(() => t.cleanup());

const TEMPORARY = 'temporary-pass-77';
const CHOSEN = 'my-own-secret-99';

describe('the administrator edits an account', () => {
  it('Staff accounts: renaming a user and changing the role — their own window shows the new name and gets the new rights at once', async () => {
    const user = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
    expect((await user.call('users.list', {})).ok).toBe(false);

    const view = await admin.ok('users.update', { userId: user.user.id, fullName: 'نورة سعد العتيبي الحربي', role: 'supervisor' });
    expect(view).toMatchObject({ fullName: 'نورة سعد العتيبي الحربي', role: 'supervisor', active: true, mustChangePassword: false });

    expect((await user.ok('auth.session', {})).user).toMatchObject({ fullName: 'نورة سعد العتيبي الحربي', role: 'supervisor' });
    expect((await user.call('users.list', {})).ok).toBe(true);
    expect((await user.call('requests.committee', {})).ok).toBe(true);
  });

  it('Staff accounts: the edit is audited with the account before and after', async () => {
    const user = await signedInAs(t, 'receptionist', { fullName: 'خالد محمد الشهري' });
    await admin.ok('users.update', { userId: user.user.id, fullName: 'خالد محمد الشهري', role: 'researcher' });
    const row = await t.db.selectFrom('audit').selectAll().where('operation', '=', 'users.update').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: admin.user.id, entity_id: user.user.id });
    expect(JSON.parse(row.before!)).toMatchObject({ role: 'receptionist' });
    expect(JSON.parse(row.after!)).toMatchObject({ role: 'researcher' });
  });

  it('Staff accounts: saving the same name and role again (a double press) writes no audit row', async () => {
    const user = await signedInAs(t, 'receptionist', { fullName: 'هيفاء محمد الغامدي' });
    await admin.ok('users.update', { userId: user.user.id, fullName: 'هيفاء محمد الغامدي', role: 'supervisor' });
    const before = await auditCount(t);
    const again = await admin.ok('users.update', { userId: user.user.id, fullName: 'هيفاء محمد الغامدي', role: 'supervisor' });
    expect(again.role).toBe('supervisor');
    expect(await auditCount(t)).toBe(before);
  });

  it('Staff accounts: an empty or two-letter name and an unknown role are refused in Arabic, next to their fields, nothing written', async () => {
    const user = await signedInAs(t, 'receptionist');
    const before = await rowCounts(t);
    const empty = await admin.call('users.update', { userId: user.user.id, fullName: '   ', role: 'receptionist' });
    expect(!empty.ok && empty.error.issues).toEqual([{ path: ['fullName'], message: ar.messages.required }]);
    const short = await admin.call('users.update', { userId: user.user.id, fullName: 'نو', role: 'receptionist' });
    expect(!short.ok && short.error.issues).toEqual([{ path: ['fullName'], message: ar.messages.fullNameTooShort }]);
    const long = await admin.call('users.update', { userId: user.user.id, fullName: 'ن'.repeat(81), role: 'receptionist' });
    expect(!long.ok && long.error.issues).toEqual([{ path: ['fullName'], message: ar.staff.fullNameTooLong }]);
    const role = await admin.call('users.update', { userId: user.user.id, fullName: 'نورة سعد', role: 'owner' });
    expect(!role.ok && role.error.code).toBe('validation');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('Staff accounts: an account that does not exist → not found, in Arabic', async () => {
    const env = await admin.call('users.update', { userId: 999, fullName: 'أحد ما', role: 'receptionist' });
    expect(env).toEqual({ ok: false, error: { code: 'not_found', message: ar.staff.userNotFound } });
    const reset = await admin.call('users.resetPassword', { userId: 999, temporaryPassword: TEMPORARY });
    expect(!reset.ok && reset.error.code).toBe('not_found');
  });

  it('Staff accounts: only the administrator edits or resets accounts — a supervisor is refused, nothing written', async () => {
    const supervisor = await signedInAs(t, 'supervisor');
    const user = await signedInAs(t, 'receptionist');
    const before = await rowCounts(t);
    for (const [op, input] of [
      ['users.update', { userId: user.user.id, fullName: 'اسم جديد', role: 'admin' }],
      ['users.resetPassword', { userId: user.user.id, temporaryPassword: TEMPORARY }],
    ] as const) {
      expect(await supervisor.call(op, input), op).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });
    }
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('a password reset by the administrator', () => {
  it('Staff accounts: reset → the user\'s open window is signed out at once, and the old password no longer signs in', async () => {
    const user = await signedInAs(t, 'receptionist', { username: 'noura' });
    expect((await user.call('visits.queue', {})).ok).toBe(true);

    const view = await admin.ok('users.resetPassword', { userId: user.user.id, temporaryPassword: TEMPORARY });
    expect(view.mustChangePassword).toBe(true);

    expect(await user.call('visits.queue', {})).toEqual({ ok: false, error: { code: 'unauthenticated', message: ar.errors.unauthenticated } });
    expect((await user.ok('auth.session', {})).user).toBeNull();
    const old = await anonymous(t).call('auth.signIn', { username: 'noura', password: user.password, deskId: 1 });
    expect(!old.ok && old.error.message).toBe(ar.messages.badCredentials);
  });

  it('Staff accounts: reset signs the user out on another desk too (another process on the same store)', async () => {
    const other = await openTestCore({ now: '2024-02-14T06:00:00Z', dataDir: t.dataDir });
    try {
      const user = await signedInAs(t, 'receptionist', { username: 'faisal' });
      const elsewhere = anonymous(other);
      await elsewhere.ok('auth.signIn', { username: 'faisal', password: user.password, deskId: 2 });
      expect((await elsewhere.call('visits.queue', {})).ok).toBe(true);
      await admin.ok('users.resetPassword', { userId: user.user.id, temporaryPassword: TEMPORARY });
      expect(!((await elsewhere.call('visits.queue', {})).ok)).toBe(true);
      expect((await elsewhere.ok('auth.session', {})).user).toBeNull();
    } finally {
      await other.cleanup();
    }
  });

  it('Staff accounts: reset → the next sign-in succeeds but every other operation is refused until the password is changed', async () => {
    const user = await signedInAs(t, 'receptionist', { username: 'sara' });
    await admin.ok('users.resetPassword', { userId: user.user.id, temporaryPassword: TEMPORARY });

    const me = anonymous(t);
    const signedIn = await me.ok('auth.signIn', { username: 'sara', password: TEMPORARY, deskId: 1 });
    expect(signedIn.user).toMatchObject({ username: 'sara', mustChangePassword: true });

    const before = await rowCounts(t);
    const refused = { ok: false, error: { code: 'forbidden', message: ar.staff.mustChangePassword } };
    expect(await me.call('visits.queue', {})).toEqual(refused);
    expect(await me.call('visits.checkIn', walkInInput())).toEqual(refused);
    expect(await me.call('beneficiaries.search', { text: 'محمد' })).toEqual(refused);
    expect(await me.call('users.researchers', {})).toEqual(refused);
    expect(await me.call('requests.list', {})).toEqual(refused);
    expect(await me.call('settings.revision', {})).toEqual(refused);
    expect(await rowCounts(t)).toEqual(before);
    // What the forced-change screen needs still answers.
    expect((await me.ok('auth.session', {})).user?.mustChangePassword).toBe(true);
    expect((await me.call('settings.desks', {})).ok).toBe(true);

    const changed = await me.ok('auth.changePassword', { currentPassword: TEMPORARY, newPassword: CHOSEN });
    expect(changed.user).toMatchObject({ username: 'sara', mustChangePassword: false });
    expect((await me.call('visits.queue', {})).ok).toBe(true);

    const temporaryAgain = await anonymous(t).call('auth.signIn', { username: 'sara', password: TEMPORARY, deskId: 1 });
    expect(temporaryAgain.ok).toBe(false);
    const chosen = await anonymous(t).ok('auth.signIn', { username: 'sara', password: CHOSEN, deskId: 1 });
    expect(chosen.user?.mustChangePassword).toBe(false);
  });

  it('Staff accounts: the forced change refuses keeping the temporary password, and a wrong temporary one', async () => {
    const user = await signedInAs(t, 'researcher', { username: 'muneera' });
    await admin.ok('users.resetPassword', { userId: user.user.id, temporaryPassword: TEMPORARY });
    const me = anonymous(t);
    await me.ok('auth.signIn', { username: 'muneera', password: TEMPORARY, deskId: 1 });
    const before = await rowCounts(t);

    const same = await me.call('auth.changePassword', { currentPassword: TEMPORARY, newPassword: TEMPORARY });
    expect(same).toEqual({ ok: false, error: { code: 'validation', message: ar.staff.samePassword, issues: [{ path: ['newPassword'], message: ar.staff.samePassword }] } });
    const wrong = await me.call('auth.changePassword', { currentPassword: 'not-the-one', newPassword: CHOSEN });
    expect(!wrong.ok && wrong.error.issues).toEqual([{ path: ['currentPassword'], message: ar.staff.currentPasswordWrong }]);
    const short = await me.call('auth.changePassword', { currentPassword: TEMPORARY, newPassword: 'short' });
    expect(!short.ok && short.error.issues).toEqual([{ path: ['newPassword'], message: ar.messages.passwordTooShort }]);
    expect(await rowCounts(t)).toEqual(before);
    expect((await me.ok('auth.session', {})).user?.mustChangePassword).toBe(true);
  });

  it('Staff accounts: the administrator cannot reset their own password around the current one', async () => {
    const before = await rowCounts(t);
    const env = await admin.call('users.resetPassword', { userId: admin.user.id, temporaryPassword: TEMPORARY });
    expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.staff.resetOwnPassword } });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('Staff accounts: a temporary password shorter than 10 characters is refused, nothing written', async () => {
    const user = await signedInAs(t, 'receptionist');
    const before = await rowCounts(t);
    const env = await admin.call('users.resetPassword', { userId: user.user.id, temporaryPassword: '1234' });
    expect(!env.ok && env.error.issues).toEqual([{ path: ['temporaryPassword'], message: ar.messages.passwordTooShort }]);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('everyone\'s own password', () => {
  it('Staff accounts: a receptionist changes their own password with the current one; the old one stops working', async () => {
    const me = await signedInAs(t, 'receptionist', { username: 'khalid' });
    const view = await me.ok('auth.changePassword', { currentPassword: me.password, newPassword: CHOSEN });
    expect(view.user?.username).toBe('khalid');
    expect((await me.call('visits.queue', {})).ok).toBe(true);
    expect((await anonymous(t).call('auth.signIn', { username: 'khalid', password: me.password, deskId: 1 })).ok).toBe(false);
    expect((await anonymous(t).call('auth.signIn', { username: 'khalid', password: CHOSEN, deskId: 1 })).ok).toBe(true);
  });

  it('Staff accounts: without the right current password nothing changes', async () => {
    const me = await signedInAs(t, 'supervisor', { username: 'fahad' });
    const before = await rowCounts(t);
    const env = await me.call('auth.changePassword', { currentPassword: 'guessing-123', newPassword: CHOSEN });
    expect(env).toEqual({
      ok: false,
      error: { code: 'validation', message: ar.staff.currentPasswordWrong, issues: [{ path: ['currentPassword'], message: ar.staff.currentPasswordWrong }] },
    });
    expect(await rowCounts(t)).toEqual(before);
    expect((await anonymous(t).call('auth.signIn', { username: 'fahad', password: me.password, deskId: 1 })).ok).toBe(true);
  });

  it('Staff accounts: changing it signs out the user\'s other windows; this one stays signed in', async () => {
    const me = await signedInAs(t, 'receptionist', { username: 'reem' });
    const secondWindow = anonymous(t);
    await secondWindow.ok('auth.signIn', { username: 'reem', password: me.password, deskId: 2 });
    await me.ok('auth.changePassword', { currentPassword: me.password, newPassword: CHOSEN });
    expect((await me.call('visits.queue', {})).ok).toBe(true);
    expect(!((await secondWindow.call('visits.queue', {})).ok)).toBe(true);
  });

  it('Staff accounts: a window that is not signed in cannot change any password', async () => {
    const env = await anonymous(t).call('auth.changePassword', { currentPassword: 'x', newPassword: CHOSEN });
    expect(!env.ok && env.error.code).toBe('unauthenticated');
  });
});

describe('the last active administrator', () => {
  it('Staff accounts: the only administrator cannot demote themselves, with an Arabic message, nothing written', async () => {
    const before = await rowCounts(t);
    const env = await admin.call('users.update', { userId: admin.user.id, fullName: admin.user.fullName, role: 'supervisor' });
    expect(env).toEqual({ ok: false, error: { code: 'conflict', message: ar.staff.lastAdminDemote } });
    expect(await rowCounts(t)).toEqual(before);
    // Renaming stays possible.
    expect((await admin.ok('users.update', { userId: admin.user.id, fullName: 'عبدالعزيز محمد المدير', role: 'admin' })).fullName).toBe('عبدالعزيز محمد المدير');
  });

  it('Staff accounts: an inactive second administrator does not count — the active one still cannot be demoted', async () => {
    const second = await signedInAs(t, 'admin', { username: 'admin2' });
    await admin.ok('users.setActive', { userId: second.user.id, active: false });
    const env = await admin.call('users.update', { userId: admin.user.id, fullName: admin.user.fullName, role: 'receptionist' });
    expect(!env.ok && env.error.message).toBe(ar.staff.lastAdminDemote);
  });

  it('Staff accounts: with another active administrator, one can be demoted and one deactivated', async () => {
    const second = await signedInAs(t, 'admin', { username: 'admin2' });
    const third = await signedInAs(t, 'admin', { username: 'admin3' });
    expect((await third.ok('users.setActive', { userId: second.user.id, active: false })).active).toBe(false);
    const demoted = await third.ok('users.update', { userId: admin.user.id, fullName: admin.user.fullName, role: 'supervisor' });
    expect(demoted.role).toBe('supervisor');
    // Now admin3 is the last active one: demoting them is refused.
    const env = await third.call('users.update', { userId: third.user.id, fullName: third.user.fullName, role: 'receptionist' });
    expect(!env.ok && env.error.message).toBe(ar.staff.lastAdminDemote);
  });

  it('Staff accounts: two administrators deactivating each other at the same moment — one stays active', async () => {
    const second = await signedInAs(t, 'admin', { username: 'admin2' });
    const results = await Promise.all([
      admin.call('users.setActive', { userId: second.user.id, active: false }),
      second.call('users.setActive', { userId: admin.user.id, active: false }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && [ar.staff.lastAdminDeactivate, ar.errors.unauthenticated]).toContain(refused && !refused.ok && refused.error.message);
    expect(await activeAdmins()).toBe(1);
  });

  it('Staff accounts: two administrators demoting each other at the same moment — one stays administrator', async () => {
    const second = await signedInAs(t, 'admin', { username: 'admin2' });
    const results = await Promise.all([
      admin.call('users.update', { userId: second.user.id, fullName: second.user.fullName, role: 'supervisor' }),
      second.call('users.update', { userId: admin.user.id, fullName: admin.user.fullName, role: 'supervisor' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
  });
});

describe('the audit trail', () => {
  it('Staff accounts: creating, resetting and changing passwords leaves audit rows without any password or hash', async () => {
    const user = await signedInAs(t, 'receptionist', { username: 'lama' });
    await admin.ok('users.resetPassword', { userId: user.user.id, temporaryPassword: TEMPORARY });
    const me = anonymous(t);
    await me.ok('auth.signIn', { username: 'lama', password: TEMPORARY, deskId: 1 });
    await me.call('auth.changePassword', { currentPassword: 'wrong-one-1', newPassword: 'attempted-pass-1' });
    await me.ok('auth.changePassword', { currentPassword: TEMPORARY, newPassword: CHOSEN });
    await me.ok('auth.changePassword', { currentPassword: CHOSEN, newPassword: 'second-choice-55' });

    const rows = await t.db.selectFrom('audit').select(['operation', 'entity_id', 'before', 'after']).orderBy('id').execute();
    const text = JSON.stringify(rows);
    for (const secret of [TEMPORARY, CHOSEN, 'second-choice-55', 'attempted-pass-1', user.password, 'scrypt$']) expect(text).not.toContain(secret);

    const reset = rows.find((r) => r.operation === 'users.resetPassword')!;
    expect(reset.entity_id).toBe(user.user.id);
    expect(JSON.parse(reset.after!)).toMatchObject({ must_change_password: 1, passwordReset: true });
    const changes = rows.filter((r) => r.operation === 'auth.changePassword');
    expect(changes).toHaveLength(2);
    expect(JSON.parse(changes[0]!.before!)).toEqual({ mustChangePassword: true });
    expect(JSON.parse(changes[0]!.after!)).toEqual({ passwordChanged: true, mustChangePassword: false });
  });
});
