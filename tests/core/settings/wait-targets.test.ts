import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WAIT_TARGETS } from '@shared/domain/wait-targets';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * S1: the administrator sets how long a visitor may wait per reason, with warning and critical
 * bands; every desk reads the same table, and a table that makes no sense is refused in Arabic.
 */
let t: TestCore;
let admin: SignedIn;
let receptionist: SignedIn;

beforeAll(async () => {
  t = await openTestCore();
  admin = await signedInAs(t, 'admin');
  receptionist = await signedInAs(t, 'receptionist');
});
afterAll(() => t.cleanup());

describe('S1: wait targets per visit reason', () => {
  it('a new store has a target for every reason: an inquiry 15 minutes', async () => {
    const s = await receptionist.ok('settings.get', {});
    expect(s.waitTargets).toEqual(DEFAULT_WAIT_TARGETS);
    expect(s.waitTargets.inquiry).toEqual({ warningMinutes: 10, targetMinutes: 15, criticalMinutes: 30 });
  });

  it('changing one reason keeps the others, and every desk reads the change', async () => {
    await admin.ok('settings.update', { waitTargets: { inquiry: { warningMinutes: 5, targetMinutes: 8, criticalMinutes: 12 } } });
    const s = await receptionist.ok('settings.get', {});
    expect(s.waitTargets.inquiry).toEqual({ warningMinutes: 5, targetMinutes: 8, criticalMinutes: 12 });
    expect(s.waitTargets.new_request).toEqual(DEFAULT_WAIT_TARGETS.new_request);
  });

  it('the change is in the audit trail with the table before and after', async () => {
    await admin.ok('settings.update', { waitTargets: { complaint: { warningMinutes: 3, targetMinutes: 6, criticalMinutes: 9 } } });
    const row = await t.db
      .selectFrom('audit')
      .select(['before', 'after'])
      .where('entity', '=', 'settings')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.before!).waitTargets.complaint.targetMinutes).toBe(15);
    expect(JSON.parse(row.after!).waitTargets.complaint.targetMinutes).toBe(6);
  });

  it('bands out of order are refused naming the reason, and nothing changes', async () => {
    const before = (await admin.ok('settings.get', {})).waitTargets;
    const env = await admin.call('settings.update', { waitTargets: { follow_up: { warningMinutes: 30, targetMinutes: 20, criticalMinutes: 40 } } });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.message).toContain('متابعة طلب');
    expect(env.error.message).toContain('يأتي التنبيه قبل الهدف');
    expect((await admin.ok('settings.get', {})).waitTargets).toEqual(before);
  });

  it('a zero, a fraction or a reason that does not exist is refused', async () => {
    for (const waitTargets of [
      { inquiry: { warningMinutes: 0, targetMinutes: 5, criticalMinutes: 9 } },
      { inquiry: { warningMinutes: 1.5, targetMinutes: 5, criticalMinutes: 9 } },
      { shopping: { warningMinutes: 1, targetMinutes: 5, criticalMinutes: 9 } },
    ]) {
      const env = await admin.call('settings.update', { waitTargets });
      expect(env.ok, JSON.stringify(waitTargets)).toBe(false);
    }
  });

  it('only an administrator sets them', async () => {
    const env = await receptionist.call('settings.update', { waitTargets: { inquiry: { warningMinutes: 1, targetMinutes: 2, criticalMinutes: 3 } } });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('forbidden');
  });
});
