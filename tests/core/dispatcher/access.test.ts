import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { ROLES, type Role } from '@shared/domain/roles';
import { ar } from '@shared/labels/ar';
import { walkInInput } from '../../helpers/fixtures';
import { anonymous, signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/** Roles are enforced in the core, not only hidden in the UI (docs/architecture.md "Security"). */
let t: TestCore;
const as = {} as Record<Role, SignedIn>;

beforeAll(async () => {
  t = await openTestCore();
  for (const role of ROLES) as[role] = await signedInAs(t, role);
});
afterAll(() => t.cleanup());

describe('the cases the desk meets', () => {
  it('a receptionist cannot add users → forbidden, nothing written', async () => {
    const before = await rowCounts(t);
    const env = await as.receptionist.call('users.create', { username: 'intruder', fullName: 'مستخدم جديد', role: 'admin', password: 'password-123' });
    expect(env).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a researcher cannot check visitors in → forbidden, nothing written', async () => {
    const before = await rowCounts(t);
    const env = await as.researcher.call('visits.checkIn', walkInInput());
    expect(!env.ok && env.error.code).toBe('forbidden');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a window that has not signed in gets unauthenticated for anything but the public operations', async () => {
    const stranger = anonymous(t);
    for (const op of ['visits.queue', 'visits.checkIn', 'beneficiaries.search', 'users.create', 'settings.revision'] as const) {
      const env = await stranger.call(op, {});
      expect(env, op).toEqual({ ok: false, error: { code: 'unauthenticated', message: ar.errors.unauthenticated } });
    }
    expect((await stranger.call('settings.desks', {})).ok).toBe(true);
  });

  it('an unknown or forged session id is unauthenticated, even for public operations', async () => {
    const env = await t.dispatch('settings.get', {}, 'not-a-session');
    expect(!env.ok && env.error.code).toBe('unauthenticated');
  });

  it('a signed-out session loses its rights', async () => {
    const me = await signedInAs(t, 'receptionist');
    expect((await me.call('visits.queue', {})).ok).toBe(true);
    await me.ok('auth.signOut', {});
    const env = await me.call('visits.queue', {});
    expect(!env.ok && env.error.code).toBe('unauthenticated');
  });

  it('a deactivated user is signed out at the next call and cannot sign in again', async () => {
    const me = await signedInAs(t, 'receptionist', { username: 'leaver' });
    await as.admin.ok('users.setActive', { userId: me.user.id, active: false });
    const env = await me.call('visits.queue', {});
    expect(!env.ok && env.error.code).toBe('unauthenticated');
    const again = await anonymous(t).call('auth.signIn', { username: 'leaver', password: me.password, deskId: 1 });
    expect(!again.ok && again.error).toMatchObject({ code: 'forbidden', message: ar.messages.userInactive });
  });

  it('an unknown operation → unknown_operation, whoever asks', async () => {
    for (const op of ['visits.teleport', 'users', '', '__proto__', 'constructor', 'toString']) {
      const env = await as.admin.call(op, {});
      expect(env, op).toEqual({ ok: false, error: { code: 'unknown_operation', message: ar.errors.unknown_operation } });
    }
    const anon = await t.dispatch('visits.teleport', {}, 'no-session');
    expect(!anon.ok && anon.error.code).toBe('unknown_operation');
  });
});

/** Every operation × every role, from the contract itself: a role outside the list is refused before anything runs. */
const roleMatrix = Object.entries(contract).flatMap(([op, def]) =>
  Array.isArray(def.access) ? ROLES.map((role) => ({ op, role, allowed: (def.access as readonly Role[]).includes(role) })) : [],
);

describe('role matrix from the contract', () => {
  it('covers the role-restricted operations', () => {
    expect(roleMatrix.length).toBeGreaterThan(20);
    expect(roleMatrix).toContainEqual({ op: 'users.create', role: 'receptionist', allowed: false });
    expect(roleMatrix).toContainEqual({ op: 'visits.take', role: 'researcher', allowed: true });
  });

  it.each(roleMatrix)('$op as $role → allowed: $allowed', async ({ op, role, allowed }) => {
    const before = await rowCounts(t);
    // Input of the wrong shape: an allowed role gets past the role check and stops at validation, a refused
    // one stops at the role check; either way nothing runs and nothing is written.
    const env = await as[role].call(op, 'not-an-object');
    if (allowed) {
      expect(!env.ok && env.error.code, JSON.stringify(env)).toBe('validation');
    } else {
      expect(env).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });
    }
    expect(await rowCounts(t)).toEqual(before);
  });
});
