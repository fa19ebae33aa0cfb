import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { anonymous, signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * An audit trail worth its name: a call the core refuses for its session or role leaves one row
 * naming the operation, the user, the desk and the reason — written after the refusal, which itself
 * still writes nothing else. Refused input and the desk's own background calls leave none.
 */
let t: TestCore;
let admin: SignedIn;

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  desk_id: number | null;
  operation: string;
  kind: string;
  reason: string | null;
  entity: string | null;
  before: string | null;
  after: string | null;
}
const refusedRows = (): Promise<Row[]> => t.db.selectFrom('audit').selectAll().where('kind', '=', 'refused').orderBy('id').execute();
const newRefusals = async (run: () => Promise<unknown>) => {
  const before = (await refusedRows()).length;
  await run();
  return (await refusedRows()).slice(before);
};

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.cleanup());

describe('refused calls are audited', () => {
  it('a receptionist calling an administrator\'s operation at desk 2: one refused row with the operation, user, desk and reason; nothing else written', async () => {
    const desk = await signedInAs(t, 'receptionist', { deskId: 2 });
    const counts = await rowCounts(t);
    t.clock.set('2025-03-10T06:10:00Z');
    const rows = await newRefusals(async () => {
      const env = await desk.call('users.create', { username: 'intruder', fullName: 'مستخدم دخيل', role: 'admin', password: 'password-123' });
      expect(!env.ok && env.error.code).toBe('forbidden');
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ at: '2025-03-10T06:10:00.000Z', operation: 'users.create', user_id: desk.user.id, desk_id: 2, reason: 'forbidden', entity: null, before: null, after: null });
    // The refusal wrote nothing else: no user, and no change recorded (the desks' change counter did not move).
    expect(await rowCounts(t)).toEqual(counts);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'intruder').execute()).toEqual([]);
  });

  it('a locked session: the call is refused and recorded «locked»; the screen\'s own once-a-second poll is not', async () => {
    const desk = await signedInAs(t, 'receptionist', { deskId: 1 });
    await desk.ok('auth.lock', {});
    const rows = await newRefusals(async () => {
      expect((await desk.call('beneficiaries.search', { text: 'محمد' })).ok).toBe(false);
      for (let i = 0; i < 5; i++) expect((await desk.call('settings.revision', {})).ok).toBe(false);
      expect((await desk.call('auth.touch', {})).ok).toBe(false);
    });
    expect(rows.map((r) => [r.operation, r.reason, r.user_id, r.desk_id])).toEqual([['beneficiaries.search', 'locked', desk.user.id, 1]]);
  });

  it('a temporary password not yet changed: another operation is refused and recorded «password_must_change»', async () => {
    const clerk = await signedInAs(t, 'receptionist', { deskId: 3 });
    await admin.ok('users.resetPassword', { userId: clerk.user.id, temporaryPassword: 'temporary-pass-9' });
    const fresh = anonymous(t);
    await fresh.ok('auth.signIn', { username: clerk.user.username, password: 'temporary-pass-9', deskId: 3 });
    const rows = await newRefusals(async () => {
      expect((await fresh.call('visits.checkIn', walkInInput())).ok).toBe(false);
    });
    expect(rows).toEqual([expect.objectContaining({ operation: 'visits.checkIn', reason: 'password_must_change', user_id: clerk.user.id, desk_id: 3 })]);
  });

  it('a window whose account was stopped: the call that finds it signed out is recorded «unauthenticated», naming the user and desk; its later calls name nobody', async () => {
    const clerk = await signedInAs(t, 'receptionist', { deskId: 2 });
    await admin.ok('users.setActive', { userId: clerk.user.id, active: false });
    const rows = await newRefusals(async () => {
      const env = await clerk.call('visits.queue', {});
      expect(!env.ok && env.error.code).toBe('unauthenticated');
      expect((await clerk.call('visits.queue', {})).ok).toBe(false);
    });
    expect(rows).toEqual([expect.objectContaining({ operation: 'visits.queue', reason: 'unauthenticated', user_id: clerk.user.id, desk_id: 2 })]);
  });

  it('a window that never signed in names nobody: its refusals are not recorded', async () => {
    const stranger = anonymous(t);
    const rows = await newRefusals(async () => {
      expect((await stranger.call('beneficiaries.search', { text: 'محمد' })).ok).toBe(false);
      expect((await stranger.call('users.list', {})).ok).toBe(false);
    });
    expect(rows).toEqual([]);
  });

  it('the same refusal from the same window within a minute is one row; a minute later it is recorded again', async () => {
    const desk = await signedInAs(t, 'receptionist');
    const rows = await newRefusals(async () => {
      for (let i = 0; i < 20; i++) await desk.call('users.list', {});
      await desk.call('settings.update', { lockAfterMinutes: 1 });
    });
    expect(rows.map((r) => r.operation)).toEqual(['users.list', 'settings.update']);
    t.clock.advance({ minutes: 1 });
    const later = await newRefusals(() => desk.call('users.list', {}));
    expect(later.map((r) => r.operation)).toEqual(['users.list']);
  });

  it('refused input, a missing record and a stale save are not refusals of access: no row', async () => {
    const desk = await signedInAs(t, 'receptionist');
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(31));
    const profile = await desk.ok('beneficiaries.profile', { beneficiaryId: b.id });
    const rows = await newRefusals(async () => {
      await desk.call('beneficiaries.search', { text: 42 });
      await desk.call('visits.call', { visitId: 987654 });
      await desk.call('beneficiaries.register', { ...beneficiaryInput(32), mobile: 'not a mobile' });
      await desk.call('beneficiaries.update', { beneficiaryId: b.id, version: profile.version + 5, profile: {} });
    });
    expect(rows).toEqual([]);
  });

  it('a refusal does not move the desks\' change counter (no screen refreshes for it)', async () => {
    const desk = await signedInAs(t, 'researcher');
    const revision = async () => (await desk.ok('settings.revision', {})).revision;
    const before = await revision();
    expect((await desk.call('visits.checkIn', walkInInput())).ok).toBe(false);
    expect(await revision()).toBe(before);
    // A change does move it.
    await admin.ok('settings.update', { lockAfterMinutes: 11 });
    expect(await revision()).toBeGreaterThan(before);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
