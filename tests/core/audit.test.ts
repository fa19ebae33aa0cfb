import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, walkInInput } from '../helpers/fixtures';
import { ADMIN, anonymous, signedInAs, STAFF_PASSWORD, type SignedIn } from '../helpers/sessions';
import { openTestCore, type TestCore } from '../helpers/test-core';

/** Every change is audited: who, when, operation, entity, before/after — and never a password (docs/architecture.md "Security"). */
let t: TestCore;
let admin: SignedIn;
let desk: SignedIn;

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  operation: string;
  entity: string | null;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  kind: string;
  reason: string | null;
  desk_id: number | null;
}
const auditRows = (): Promise<AuditRow[]> => t.db.selectFrom('audit').selectAll().orderBy('id').execute();
const lastAudit = (): Promise<AuditRow> => t.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  desk = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
});
afterAll(() => t.cleanup());

describe('audit rows', () => {
  it('a check-in records who, when, the operation and the new visit', async () => {
    t.clock.set('2024-02-14T06:05:00Z');
    const v = await desk.ok('visits.checkIn', walkInInput());
    const row = await lastAudit();
    expect(row).toMatchObject({ at: '2024-02-14T06:05:00.000Z', user_id: desk.user.id, operation: 'visits.checkIn', entity: 'visit', entity_id: v.id, before: null });
    expect(JSON.parse(row.after!)).toMatchObject({ id: v.id, ticket: 'A-001', state: 'waiting' });
  });

  it('a call records the visit before and after', async () => {
    const v = await desk.ok('visits.checkIn', walkInInput());
    await desk.ok('visits.call', { visitId: v.id });
    const row = await lastAudit();
    expect(row).toMatchObject({ user_id: desk.user.id, operation: 'visits.call', entity: 'visit', entity_id: v.id });
    expect(JSON.parse(row.before!)).toMatchObject({ id: v.id, state: 'waiting', version: 1 });
    expect(JSON.parse(row.after!)).toMatchObject({ id: v.id, state: 'serving', version: 2, servedBy: { fullName: 'نورة سعد العتيبي' } });
  });

  it('enrolling a beneficiary records the file as created', async () => {
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(77));
    expect(await lastAudit()).toMatchObject({ operation: 'beneficiaries.register', entity: 'beneficiary', entity_id: b.id, user_id: desk.user.id });
    expect(JSON.parse((await lastAudit()).after!).idNumber).toBe(b.idNumber);
  });

  it('a settings change records the old and new values', async () => {
    await admin.ok('settings.update', { lockAfterMinutes: 15 });
    const row = await lastAudit();
    expect(row).toMatchObject({ operation: 'settings.update', user_id: admin.user.id });
    expect(JSON.parse(row.before!).lockAfterMinutes).toBe(10);
    expect(JSON.parse(row.after!).lockAfterMinutes).toBe(15);
  });

  it('sign-in is recorded for the user who signed in', async () => {
    const me = anonymous(t);
    await me.ok('auth.signIn', { username: desk.user.username, password: STAFF_PASSWORD, deskId: 2 });
    expect(await lastAudit()).toMatchObject({ operation: 'auth.signIn', user_id: desk.user.id, entity: 'user', entity_id: desk.user.id });
  });

  it('ordinary queries and refused input leave no audit row; a call outside the role leaves one refused row and no change', async () => {
    const before = (await auditRows()).length;
    await desk.ok('visits.queue', {});
    await desk.ok('beneficiaries.search', { text: 'محمد' });
    await desk.call('visits.call', { visitId: 424242 });
    await desk.call('beneficiaries.search', { text: 42 });
    expect((await auditRows()).length).toBe(before);
    await desk.call('users.create', { username: 'x-user', fullName: 'مستخدم', role: 'admin', password: 'password-1' });
    const added = (await auditRows()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ operation: 'users.create', user_id: desk.user.id, kind: 'refused', reason: 'forbidden', before: null, after: null });
  });

  it('no password, and no password hash, anywhere in the audit table', async () => {
    // Everything that carries a password: setup (done), users.create, sign-in, a wrong sign-in, unlock, a wrong unlock.
    await admin.ok('users.create', { username: 'audited', fullName: 'مستخدم للتدقيق', role: 'supervisor', password: 'Secret-Audit-99' });
    const s = anonymous(t);
    expect((await s.call('auth.signIn', { username: 'audited', password: 'Wrong-Password-11', deskId: 1 })).ok).toBe(false);
    await s.ok('auth.signIn', { username: 'audited', password: 'Secret-Audit-99', deskId: 1 });
    await s.ok('auth.lock', {});
    expect((await s.call('auth.unlock', { password: 'Wrong-Unlock-22' })).ok).toBe(false);
    await s.ok('auth.unlock', { password: 'Secret-Audit-99' });

    const dump = JSON.stringify(await auditRows());
    for (const secret of [ADMIN.password, STAFF_PASSWORD, 'Secret-Audit-99', 'Wrong-Password-11', 'Wrong-Unlock-22']) {
      expect(dump.includes(secret), `audit contains ${secret}`).toBe(false);
    }
    expect(dump).not.toMatch(/scrypt\$/);
    expect(dump).not.toMatch(/password_hash|passwordHash/);
    const hashes = await t.db.selectFrom('users').select('password_hash').execute();
    for (const { password_hash } of hashes) expect(dump.includes(password_hash.split('$').pop()!)).toBe(false);
    expect((await auditRows()).map((r) => r.operation)).toEqual(expect.arrayContaining(['auth.setup', 'users.create', 'auth.unlock']));
  });
});
